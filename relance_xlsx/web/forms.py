"""The settings form of the page: the creditor's identity and the policy's main settings,
each field checked, written into relance.toml with its comments kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Settings, vat_problem
from .fieldchecks import CHECKS, amount_problem, check_iban, check_siret, shown_amount


@dataclass(frozen=True)
class Field:
    """One field of the form: where it goes in relance.toml, its label, how it is checked."""

    section: str
    key: str
    label: str
    kind: str = "text"  # text, textarea, number, amount (euros), choice, checkbox, email
    required: bool = False
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    low: int = 0
    high: int = 0


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
    Field(
        "policy",
        "claim_minimum",
        "Montant minimum d'une lettre « Pénalités de retard » seule (€)",
        "amount",
        hint="5,00 par défaut ; en dessous, par client, pas de lettre à part : les pénalités "
        "restent dues et rejoignent sa relance suivante ; 0 : les réclamer quel que soit le "
        "montant",
        high=10_000,
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
    return shown_values(
        {f"{f.section}.{f.key}": getattr(getattr(settings, f.section), f.key) for f in FIELDS}
    )


def shown_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as the form shows them: an amount in French (« 5,00 »)."""
    amounts = {f"{f.section}.{f.key}" for f in FIELDS if f.kind == "amount"}
    return {
        name: shown_amount(v) if name in amounts and isinstance(v, int | float) else v
        for name, v in values.items()
    }


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
    if not raw and f.kind in ("number", "amount"):
        return raw, _number_error(f)
    if not raw:
        return ("", "à remplir : il figure sur chaque lettre") if f.required else ("", None)
    if f.kind == "amount":
        return amount_problem(raw, f.low, f.high)
    if f.kind == "number":
        if not raw.isdigit() or not f.low <= int(raw) <= f.high:
            return raw, _number_error(f)
        return int(raw), None
    if f.kind == "choice" and raw not in {c for c, _ in f.choices}:
        return raw, "choix inconnu"
    check = CHECKS.get(f.key)
    error = check(raw) if check else None
    return raw, error


def _number_error(f: Field) -> str:
    if f.kind == "amount":
        return amount_problem("", f.low, f.high)[1] or ""
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
    "shown_values",
]
