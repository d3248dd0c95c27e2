"""Where a mail error sends the person: the command line names relance.toml's keys (its users
edit that file), the page names the fields of its « Réglages ». Each pair is kept here, so
that the two never drift apart."""

from __future__ import annotations

import re

from ..config import SETTING_LABELS

_SECTION = "« E-mails : le serveur d'envoi »"
_HOST = f"« {SETTING_LABELS['smtp.host']} » dans les réglages"
_SECURITY = f"« {SETTING_LABELS['smtp.security']} » dans les réglages"

# What the command line says, and what the page says instead.
CHECK_HOST = "vérifiez [smtp] host et la connexion à Internet"
CHECK_SETTINGS = "vérifiez les réglages d'envoi ([smtp])"
CA_ENV = "RELANCE_SMTP_CA_FILE"  # the one CA added for the server: never a shared file's
CHECK_SECURITY = (
    "vérifiez [smtp] security (un serveur au certificat auto-signé : le certificat que vous "
    f"remet la personne qui le gère, par la variable {CA_ENV})"
)
SET_SECURITY = "réglez [smtp] security"
CLEAR_LOGIN = "[smtp] security = « none » enverrait"
CHOOSE_TLS = "choisissez « starttls » ou « ssl » dans les réglages d'envoi"
SET_HOST = "renseignez [smtp] host dans relance.toml"
SET_FROM = "renseignez [smtp] from_address dans relance.toml"
CA_FILE = "[smtp] ca_file : "
SAVE_PASSWORD = "enregistrez-le dans les réglages de la page (trousseau du système)"

_PAGE = (
    (
        CHECK_HOST,
        f"vérifiez {_HOST} et la connexion à Internet",
    ),
    (CHECK_SETTINGS, f"vérifiez les réglages {_SECTION}"),
    (
        CHECK_SECURITY,
        f"vérifiez {_SECURITY} ; un serveur au certificat "
        "auto-signé demande en plus un réglage de la personne qui gère l'outil",
    ),
    (SET_SECURITY, f"changez {_SECURITY}"),
    (CLEAR_LOGIN, f"« {SETTING_LABELS['smtp.security']} » à « Aucune » enverrait"),
    (CHOOSE_TLS, "choisissez « STARTTLS (port 587) » ou « SSL (port 465) » dans les réglages"),
    (SET_HOST, f"renseignez {_HOST}"),
    (
        SET_FROM,
        f"renseignez « {SETTING_LABELS['smtp.from_address']} » dans les réglages, ou votre "
        f"« {SETTING_LABELS['creditor.email']} » dans « Vos coordonnées »",
    ),
    (CA_FILE, "Certificat du serveur d'envoi (réglage de la personne qui gère l'outil) : "),
)
# The password's hint goes on with the variable and the keyring command of this server.
_PASSWORD = re.compile(
    re.escape(SAVE_PASSWORD) + r", ou définissez la variable \w+ \(ou « keyring set [^»]*»\)"
)
_PASSWORD_PAGE = f"enregistrez-le dans les réglages (« Mot de passe », sous {_SECTION})"


def page_words(text: str) -> str:
    """A mail error as the page says it: the settings' fields, never relance.toml's keys."""
    text = _PASSWORD.sub(_PASSWORD_PAGE, text)
    for said, shown in _PAGE:
        text = text.replace(said, shown)
    return text


__all__ = [
    "CA_FILE",
    "CHECK_HOST",
    "CHECK_SECURITY",
    "CHECK_SETTINGS",
    "CHOOSE_TLS",
    "CLEAR_LOGIN",
    "SAVE_PASSWORD",
    "SET_FROM",
    "SET_HOST",
    "SET_SECURITY",
    "page_words",
]
