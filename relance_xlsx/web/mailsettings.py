"""The mail server's password typed in the settings form: into the system's keyring; when
this machine has none, into relance.toml in clear only if the person ticked that they insist
(and the page says so); never shown again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import EmailError
from ..pipeline import PASSWORD_ENV, has_keyring, save_password
from .fieldchecks import typed_amount
from .forms import FIELDS


def _port(value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 587  # the form's default; the settings check refuses a bad port anyway


def keep_password(values: dict[str, dict[str, Any]], password: str, insist: bool) -> str | None:
    """Keep the typed password; what the page says of where it went (None: none typed).

    values are the form's settings by section, about to be written into relance.toml: the
    password joins them only when the person insists on the file.
    """
    if not password:
        return None
    smtp = values.setdefault("smtp", {})
    user = str(smtp.get("user", "")).strip()
    if has_keyring():
        host = str(smtp.get("host", "")).strip()
        where = save_password(user, password, host, _port(smtp.get("port")))
        smtp["password_in_file"] = None  # a password written there before goes
        smtp["password"] = None
        return (
            f"Réglages enregistrés ; le mot de passe est gardé dans {where}, pas dans relance.toml."
        )
    if not insist:
        raise EmailError(
            "Ce poste n'a pas de trousseau de mots de passe : le mot de passe n'est pas "
            f"enregistré. Donnez-le par la variable d'environnement {PASSWORD_ENV}, ou cochez "
            "« l'enregistrer en clair dans relance.toml » (déconseillé : quiconque lit ce "
            "fichier lit aussi le mot de passe)."
        )
    smtp["password_in_file"] = True
    smtp["password"] = password
    return (
        "Réglages enregistrés ; comme vous l'avez demandé, le mot de passe est écrit EN CLAIR "
        "dans relance.toml : quiconque lit ce fichier le lit aussi."
    )


def edited(form: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """The labels of the fields whose posted text differs from the settings in force: what
    the person typed and has not saved ([] for a post without the form's fields)."""
    if not any(f"{f.section}.{f.key}" in form for f in FIELDS if f.kind != "checkbox"):
        return []
    out = [f.label for f in FIELDS if _text(form, f) != _shown(current, f)]
    return [*out, "Mot de passe"] if form.get("smtp.password") else out


def _text(form: Mapping[str, Any], f: Any) -> str:
    name = f"{f.section}.{f.key}"
    if f.kind == "checkbox":
        return "oui" if name in form else ""
    text = str(form.get(name, "") or "").replace("\r\n", "\n").strip()
    return typed_amount(text) if f.kind == "amount" else text


def _shown(current: Mapping[str, Any], f: Any) -> str:
    value = current.get(f"{f.section}.{f.key}")
    if f.kind == "checkbox":
        return "oui" if value else ""
    return "" if value is None else str(value).replace("\r\n", "\n").strip()


__all__ = ["edited", "keep_password"]
