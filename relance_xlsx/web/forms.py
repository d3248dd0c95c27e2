"""The settings form of the page: the creditor's identity and the policy's main settings,
each field checked, written into relance.toml with its comments kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Settings, capital_problem, rcs_problem, siret_problem, vat_problem


@dataclass(frozen=True)
class Field:
    """One field of the form: where it goes in relance.toml, its label, how it is checked."""

    section: str
    key: str
    label: str
    kind: str = "text"  # text, textarea, number, choice, checkbox, email
    required: bool = False
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    low: int = 0
    high: int = 0


def _digits(text: str) -> str:
    return re.sub(r"\s", "", text)


def check_siret(text: str) -> str | None:
    """A SIRET: 14 digits whose Luhn key is right (La Poste's own rule aside)."""
    return siret_problem(text)


def check_iban(text: str) -> str | None:
    """An IBAN whose check digits are right (ISO 13616, modulo 97)."""
    iban = _digits(text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        return "un IBAN commence par 2 lettres et 2 chiffres (FR76 …)"
    number = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return None if int(number) % 97 == 1 else "cet IBAN a une clé fausse : vérifiez-le"


def check_bic(text: str) -> str | None:
    """A BIC: 8 or 11 letters and digits."""
    ok = re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", _digits(text).upper())
    return None if ok else "un BIC a 8 ou 11 caractères (BNPAFRPP ou BNPAFRPPXXX)"


def check_email(text: str) -> str | None:
    """One e-mail address."""
    return None if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text) else "adresse e-mail invalide"


def check_link(text: str) -> str | None:
    """A payment link: an http(s) address."""
    ok = re.fullmatch(r"https?://\S+", text)
    return None if ok else "un lien commence par https://"


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "from_address": check_email,
    "siret": check_siret,
    "iban": check_iban,
    "bic": check_bic,
    "email": check_email,
    "payment_link": check_link,
    "vat_number": vat_problem,
    "share_capital": capital_problem,
    "rcs_city": rcs_problem,
}

FIELDS = (
    Field("creditor", "name", "Raison sociale", required=True, hint="ex. Atelier Martin SARL"),
    Field("creditor", "address", "Adresse", "textarea", True, "sur plusieurs lignes"),
    Field("creditor", "city", "Ville (pour « Lyon, le … »)", required=True),
    Field("creditor", "siret", "SIRET", required=True, hint="14 chiffres"),
    Field("creditor", "phone", "Téléphone", required=True),
    Field("creditor", "email", "E-mail", "email", required=True),
    Field("creditor", "signatory", "Signataire", required=True),
    Field("creditor", "signatory_title", "Fonction du signataire", hint="ex. Gérante"),
    Field(
        "creditor",
        "signatory_title_en",
        "Fonction du signataire, dans les lettres en anglais",
        hint="ex. Managing Director ; vide : la fonction ci-dessus, traduite si elle est courante",
    ),
    Field("creditor", "legal_form", "Forme juridique", hint="ex. SARL, SAS, EURL, SA"),
    Field("creditor", "share_capital", "Capital social", hint="ex. 10 000 € (aucun pour un EI)"),
    Field("creditor", "rcs_city", "Ville du RCS", hint="ex. Lyon, pour « RCS Lyon 123 456 789 »"),
    Field("creditor", "vat_number", "N° de TVA intracommunautaire", hint="FR + clé + SIREN"),
    Field(
        "creditor",
        "head_office",
        "Siège social, s'il diffère de l'adresse",
        "textarea",
        hint="sur plusieurs lignes",
    ),
    Field("creditor", "representative", "Représentant légal", hint="prénom et nom"),
    Field("creditor", "representative_title", "Qualité du représentant", hint="ex. gérante"),
    Field("creditor", "sole_trader", "Entrepreneur individuel (mention « EI »)", "checkbox"),
    Field("creditor", "iban", "IBAN", required=True, hint="FR76 …"),
    Field("creditor", "bic", "BIC", required=True),
    Field("creditor", "bank", "Banque"),
    Field("creditor", "cheque_payee", "Chèques à l'ordre de"),
    Field("creditor", "payment_link", "Lien de paiement en ligne", hint="https://…"),
    Field(
        "creditor",
        "terms_of_sale",
        "Mes clients ont accepté mes conditions générales de vente",
        "checkbox",
        hint="les lettres ne citent vos CGV que si cette case est cochée",
    ),
    Field(
        "letters",
        "language",
        "Langue des lettres",
        "choice",
        choices=(("fr", "Français"), ("en", "Anglais")),
    ),
    Field("letters", "payment_days", "Délai de paiement demandé (jours)", "number", low=1, high=90),
    Field(
        "letters",
        "formal_notice_days",
        "Délai de la mise en demeure (jours)",
        "number",
        low=1,
        high=60,
    ),
    Field(
        "policy",
        "days_after_reminder_1",
        "Jours entre la relance 1 et la relance 2",
        "number",
        low=1,
        high=120,
    ),
    Field(
        "policy",
        "days_after_reminder_2",
        "Jours entre la relance 2 et la mise en demeure",
        "number",
        low=1,
        high=120,
    ),
    Field(
        "policy",
        "days_after_formal_notice",
        "Jours après la mise en demeure avant le contentieux",
        "number",
        low=1,
        high=120,
    ),
    Field(
        "policy",
        "default_client_type",
        "Clients sans « Type client »",
        "choice",
        choices=(("professionnel", "Professionnels"), ("particulier", "Particuliers")),
    ),
    Field(
        "policy",
        "claim_after_payment",
        "Factures réglées en retard",
        "choice",
        choices=(("never", "Signaler les pénalités"), ("letter", "Les réclamer par lettre")),
    ),
    Field("policy", "pre_due_reminder", "Rappel avant l'échéance", "checkbox"),
    Field("smtp", "host", "Serveur d'envoi (SMTP)", hint="ex. smtp.orange.fr, smtp.office365.com"),
    Field("smtp", "port", "Port", "number", hint="587 (STARTTLS) ou 465 (SSL)", low=1, high=65535),
    Field(
        "smtp",
        "security",
        "Sécurité de la connexion",
        "choice",
        choices=(
            ("starttls", "STARTTLS (port 587)"),
            ("ssl", "SSL (port 465)"),
            ("none", "Aucune"),
        ),
    ),
    Field("smtp", "user", "Identifiant", hint="souvent votre adresse e-mail"),
    Field(
        "smtp",
        "from_address",
        "Adresse d'expéditeur",
        "email",
        hint="vide : l'e-mail de « Vos coordonnées », qui reçoit aussi une copie cachée "
        "de chaque message",
    ),
    Field("smtp", "from_name", "Nom d'expéditeur", hint="vide : votre raison sociale"),
    Field(
        "print",
        "duplex",
        "Impression recto verso (chaque lettre commence sur une page de droite)",
        "checkbox",
    ),
)
# The sections of the form, in order, with the heading each is shown under.
SECTIONS = (
    ("creditor", "Vos coordonnées (sur chaque lettre)"),
    ("letters", "Vos lettres"),
    ("policy", "Vos règles de relance"),
    ("print", "L'impression"),
    ("smtp", "E-mails : le serveur d'envoi"),
)


def current_values(settings: Settings) -> dict[str, Any]:
    """The form's fields filled from the settings in force."""
    return {f"{f.section}.{f.key}": getattr(getattr(settings, f.section), f.key) for f in FIELDS}


def read_form(form: Mapping[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The values to write, by section, and the error of each wrong field (by its name)."""
    values: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    for f in FIELDS:
        name = f"{f.section}.{f.key}"
        if name not in form and f.kind != "checkbox":
            continue  # not on the form that was posted: relance.toml keeps its value
        raw = str(form.get(name, "") or "").replace("\r\n", "\n").strip()
        value, error = _parse(f, raw)
        if error:
            errors[name] = error
        else:
            values.setdefault(f.section, {})[f.key] = value
    _together(values.get("creditor", {}), errors)
    return values, errors


def _together(creditor: dict[str, Any], errors: dict[str, str]) -> None:
    """The checks between fields: the VAT number carries the SIRET's SIREN; a sole trader has
    no share capital and no company form."""
    vat, siret = creditor.get("vat_number"), creditor.get("siret")
    if vat and siret and "creditor.vat_number" not in errors:
        problem = vat_problem(vat, siret)
        if problem:
            errors["creditor.vat_number"] = problem
    if creditor.get("sole_trader"):
        if creditor.get("share_capital"):
            errors["creditor.share_capital"] = "un entrepreneur individuel n'a pas de capital"
        form = str(creditor.get("legal_form", "")).strip().lower()
        if form not in ("", "ei", "entrepreneur individuel", "entreprise individuelle", "eirl"):
            errors["creditor.legal_form"] = "une société n'est pas un entrepreneur individuel"


def _parse(f: Field, raw: str) -> tuple[Any, str | None]:
    """One field's value, or why it is refused."""
    if f.kind == "checkbox":
        return raw in ("on", "1", "true"), None
    if not raw and f.kind == "number":
        return raw, _number_error(f)
    if not raw:
        return ("", "à remplir : il figure sur chaque lettre") if f.required else ("", None)
    if f.kind == "number":
        if not raw.isdigit() or not f.low <= int(raw) <= f.high:
            return raw, _number_error(f)
        return int(raw), None
    if f.kind == "choice" and raw not in {c for c, _ in f.choices}:
        return raw, "choix inconnu"
    check = _CHECKS.get(f.key)
    error = check(raw) if check else None
    return raw, error


def _number_error(f: Field) -> str:
    what = "un numéro de port" if f.key == "port" else "un nombre de jours"
    return f"{what} entre {f.low} et {f.high}"


__all__ = [
    "FIELDS",
    "SECTIONS",
    "Field",
    "check_iban",
    "check_siret",
    "current_values",
    "read_form",
]
