"""The SMTP password: in the system's keyring (Windows Credential Manager, macOS Keychain, the
Secret Service), else RELANCE_SMTP_PASSWORD, else, only when the office insisted, in
relance.toml in clear ([smtp] password_in_file = true)."""

from __future__ import annotations

import os
from typing import Any

from ..config import Smtp
from ..errors import EmailError

PASSWORD_ENV = "RELANCE_SMTP_PASSWORD"
KEYRING_SERVICE = "relance-xlsx"


def system_keyring() -> Any | None:
    """The system's keyring, or None when this machine has none.

    A backend below priority 1 is no keyring of the system: keyring's « fail » backend, or
    a plain file (keyrings.alt), which would keep the password in clear all the same.
    """
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        return backend if float(backend.priority) >= 1 else None
    except Exception:  # a broken backend (no D-Bus, a locked store): no keyring here
        return None


def keyring_name() -> str:
    """What the person knows the keyring as, in French."""
    backend = system_keyring()
    module = type(backend).__module__ if backend is not None else ""
    if "Windows" in module or "win" in module.lower():
        return "le Gestionnaire d'identification de Windows"
    if "macOS" in module or "OS_X" in module:
        return "le trousseau de macOS"
    return "le trousseau du système"


def save_password(user: str, password: str) -> str:
    """Keep the password in the system's keyring under the user's name; where it went."""
    backend = system_keyring()
    if backend is None:
        raise EmailError(
            "Ce poste n'a pas de trousseau de mots de passe : le mot de passe n'est pas "
            f"enregistré. Définissez la variable d'environnement {PASSWORD_ENV}, ou cochez « "
            "l'enregistrer en clair dans relance.toml » (déconseillé)."
        )
    if not user.strip():
        raise EmailError("Indiquez l'identifiant du serveur d'envoi avant son mot de passe.")
    try:
        backend.set_password(KEYRING_SERVICE, user.strip(), password)
    except Exception as exc:
        raise EmailError(f"Le trousseau a refusé le mot de passe ({exc}).") from exc
    return keyring_name()


def smtp_password(smtp: Smtp) -> str | None:
    """The password from RELANCE_SMTP_PASSWORD, else the keyring, else relance.toml when the
    office insisted on keeping it there."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    backend = system_keyring() if smtp.user else None
    if backend is not None:
        try:
            found = backend.get_password(KEYRING_SERVICE, smtp.user)
        except Exception:
            found = None
        if found:
            return str(found)
    return smtp.password if smtp.password_in_file and smtp.password else None


def password_known(smtp: Smtp) -> str | None:
    """Where the password of this server will come from (French), or None when nowhere."""
    if os.environ.get(PASSWORD_ENV):
        return f"la variable d'environnement {PASSWORD_ENV}"
    backend = system_keyring() if smtp.user else None
    if backend is not None:
        try:
            if backend.get_password(KEYRING_SERVICE, smtp.user):
                return keyring_name()
        except Exception:
            pass
    if smtp.password_in_file and smtp.password:
        return "relance.toml, en clair"
    return None


__all__ = [
    "KEYRING_SERVICE",
    "PASSWORD_ENV",
    "keyring_name",
    "password_known",
    "save_password",
    "smtp_password",
    "system_keyring",
]
