"""The SMTP password: in the system's keyring (Windows Credential Manager, macOS Keychain, the
Secret Service), else RELANCE_SMTP_PASSWORD, else, only when the office insisted, in
relance.toml in clear ([smtp] password_in_file = true).

relance.toml sits in a shared folder: whoever writes there names [smtp] host. The saved
password is therefore kept under « user@host:port » and given only to that server; an entry
saved by an older version under the user's name alone is read only when the host recorded
with it is this one. RELANCE_SMTP_PASSWORD is tied the same way: it is given only to the
server RELANCE_SMTP_HOST names (« host » or « host:port »), which no shared file can set.
Over `security = "none"` no password leaves for another machine."""

from __future__ import annotations

import ipaddress
import os
from typing import Any

from ..config import Smtp
from ..errors import EmailError
from .hints import CHOOSE_TLS, CLEAR_LOGIN

PASSWORD_ENV = "RELANCE_SMTP_PASSWORD"
HOST_ENV = "RELANCE_SMTP_HOST"  # the one server the environment's password is for
KEYRING_SERVICE = "relance-xlsx"
HOST_SERVICE = "relance-xlsx-host"  # user -> the « host:port » its password was saved for


def keyring_user(user: str, host: str, port: int) -> str:
    """The keyring entry of a password: the user and the server it was saved for."""
    return f"{user.strip()}@{host.strip().lower()}:{port}"


def is_loopback(host: str) -> bool:
    """Whether host is this machine (localhost, 127.0.0.0/8, ::1)."""
    name = host.strip().lower().strip("[]")
    if name in ("localhost", "localhost.localdomain") or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refuse_clear_login(smtp: Smtp) -> None:
    """Refuse to log in without TLS to any machine but this one."""
    if smtp.user and smtp.security == "none" and not is_loopback(smtp.host):
        raise EmailError(
            f"{CLEAR_LOGIN} le mot de passe en clair à {smtp.host} : {CHOOSE_TLS}, ou un "
            "relais sur ce poste (localhost)."
        )


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


def save_password(user: str, password: str, host: str, port: int) -> str:
    """Keep the password in the system's keyring for this user and server; where it went."""
    backend = system_keyring()
    if backend is None:
        raise EmailError(
            "Ce poste n'a pas de trousseau de mots de passe : le mot de passe n'est pas "
            f"enregistré. Définissez la variable d'environnement {PASSWORD_ENV}, ou cochez « "
            "l'enregistrer en clair dans relance.toml » (déconseillé)."
        )
    if not user.strip():
        raise EmailError("Indiquez l'identifiant du serveur d'envoi avant son mot de passe.")
    if not host.strip():
        raise EmailError("Indiquez le serveur d'envoi avant son mot de passe.")
    try:
        backend.set_password(KEYRING_SERVICE, keyring_user(user, host, port), password)
        backend.set_password(HOST_SERVICE, user.strip(), f"{host.strip().lower()}:{port}")
    except Exception as exc:
        raise EmailError(f"Le trousseau a refusé le mot de passe ({exc}).") from exc
    return keyring_name()


def _saved(backend: Any, smtp: Smtp) -> str | None:
    """The keyring's password for this user on this server; an entry of an older version
    (user only) only when the host recorded for it is this server, else refused."""
    try:
        found = backend.get_password(KEYRING_SERVICE, keyring_user(smtp.user, smtp.host, smtp.port))
        if found:
            return str(found)
        old = backend.get_password(KEYRING_SERVICE, smtp.user.strip())
        recorded = backend.get_password(HOST_SERVICE, smtp.user.strip()) if old else None
    except Exception:
        return None
    if not old:
        return None
    if recorded == f"{smtp.host.strip().lower()}:{smtp.port}":
        return str(old)
    raise EmailError(
        f"Le mot de passe enregistré pour {smtp.user} ne dit pas pour quel serveur il vaut : "
        f"il n'est pas envoyé à {smtp.host}:{smtp.port} ; enregistrez-le de nouveau dans les "
        "réglages de la page (ils le lient à ce serveur)."
    )


def _env_server(smtp: Smtp) -> None:
    """Refuse the environment's password for a server RELANCE_SMTP_HOST does not name."""
    named = os.environ.get(HOST_ENV, "").strip().lower()
    host, port = smtp.host.strip().lower(), str(smtp.port)
    if named in (host, f"{host}:{port}", f"[{host.strip('[]')}]:{port}"):
        return
    said = f"vaut « {named} »" if named else "n'est pas définie"
    raise EmailError(
        f"Le mot de passe de {PASSWORD_ENV} n'est envoyé qu'au serveur que nomme la variable "
        f"{HOST_ENV}, qui {said}, et relance.toml nomme le serveur {smtp.host}:{smtp.port} : "
        f"si c'est bien votre serveur d'envoi, définissez {HOST_ENV}={smtp.host.strip()} "
        "(relance.toml, dans un dossier partagé, ne décide pas seul où part le mot de passe)."
    )


def smtp_password(smtp: Smtp) -> str | None:
    """The password from RELANCE_SMTP_PASSWORD, else the keyring (saved for this server),
    else relance.toml when the office insisted on keeping it there."""
    refuse_clear_login(smtp)
    value = os.environ.get(PASSWORD_ENV)
    if value:
        if smtp.user:  # without a user, no login: the password is never sent
            _env_server(smtp)
        return value
    backend = system_keyring() if smtp.user else None
    if backend is not None:
        found = _saved(backend, smtp)
        if found:
            return found
    return smtp.password if smtp.password_in_file and smtp.password else None


def password_known(smtp: Smtp) -> str | None:
    """Where the password of this server will come from (French), or None when nowhere."""
    if os.environ.get(PASSWORD_ENV):
        try:
            if smtp.user:
                _env_server(smtp)
        except EmailError:
            return None  # the sending says why, naming the servers
        return f"la variable d'environnement {PASSWORD_ENV}"
    backend = system_keyring() if smtp.user else None
    if backend is not None:
        try:
            if _saved(backend, smtp):
                return keyring_name()
        except EmailError:
            pass
    if smtp.password_in_file and smtp.password:
        return "relance.toml, en clair"
    return None


__all__ = [
    "HOST_ENV",
    "HOST_SERVICE",
    "KEYRING_SERVICE",
    "PASSWORD_ENV",
    "is_loopback",
    "keyring_name",
    "keyring_user",
    "password_known",
    "refuse_clear_login",
    "save_password",
    "smtp_password",
    "system_keyring",
]
