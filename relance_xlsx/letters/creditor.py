"""The creditor's identity in the letters, from relance.toml; unset fields are visible."""

from __future__ import annotations

import re
from typing import Any

from ..config import PLACEHOLDER, Creditor, Settings, legal_mentions
from ..wording import english_title, visible_record

# The forms of a company registered at the RCS with a share capital: its papers name the form,
# the capital, « RCS » and its registry's town (R123-237, legal-fr §8.7).
_COMPANIES = frozenset(
    [
        "sarl",
        "sarlu",
        "eurl",
        "sas",
        "sasu",
        "sa",
        "snc",
        "sca",
        "scs",
        "selarl",
        "selas",
        "selafa",
        "selca",
        "sci",
        "scp",
        "scop",
        "scic",
        "sem",
        "spl",
    ]
)


def required_mentions(c: Creditor) -> list[str]:
    """The business papers' mentions a creditor's letters cannot go without, filled or not
    (keys): its form, and for a company its capital and its registry's town (a letter of an
    SARL naming only its SIRET is an offence, R123-237). A sole trader owes none of these."""
    if c.sole_trader:
        return []
    words = re.split(r"[^a-zé]+", c.legal_form.strip().lower().replace(".", ""))
    # « Société par actions simplifiée » written out is a company as « SAS » is.
    if _COMPANIES.isdisjoint(words) and "société" not in words and "societe" not in words:
        return ["creditor.legal_form"]
    return ["creditor.legal_form", "creditor.share_capital", "creditor.rcs_city"]


def _mentions_missing(c: Creditor, missing: list[str]) -> None:
    """Those mentions left blank (an association's form alone; none of a sole trader's)."""
    values = {
        "creditor.legal_form": c.legal_form,
        "creditor.share_capital": c.share_capital,
        "creditor.rcs_city": c.rcs_city,
    }
    missing += [key for key in required_mentions(c) if not values[key].strip()]


def _or_placeholder(value: str, missing: list[str], what: str) -> str:
    if value.strip():
        return value.strip()
    missing.append(what)
    return PLACEHOLDER


def creditor_context(settings: Settings, missing: list[str]) -> dict[str, Any]:
    """The creditor's identity; unset fields show a visible placeholder, never a blank."""
    c = visible_record(settings.creditor)  # what relance.toml says, without hidden characters
    name = _or_placeholder(c.name, missing, "creditor.name")
    address = _or_placeholder(c.address, missing, "creditor.address")
    lines = [ln.strip() for ln in address.splitlines() if ln.strip()]
    phone = _or_placeholder(c.phone, missing, "creditor.phone")
    email = _or_placeholder(c.email, missing, "creditor.email")
    siret = _or_placeholder(c.siret, missing, "creditor.siret")
    _mentions_missing(c, missing)
    who, registry = legal_mentions(c, "fr", name=name, siret=siret)
    who_en, registry_en = legal_mentions(c, "en", name=name, siret=siret)
    return {
        "name": name,
        "address_lines": lines,
        "address": ", ".join(lines),
        "siret": siret,
        "vat_number": c.vat_number,
        "phone": phone,
        "email": email,
        "contact_line": f"Tél. {phone} – {email}",
        "city": c.city,
        "signatory": _or_placeholder(c.signatory, missing, "creditor.signatory"),
        "signatory_title": c.signatory_title or "",
        # English letters name the office too: as configured, else the usual English of
        # the French title (« Gérante » → « Managing Director »), else the French title.
        "signatory_title_en": c.signatory_title_en.strip() or english_title(c.signatory_title),
        "iban": _or_placeholder(c.iban, missing, "creditor.iban"),
        "bic": _or_placeholder(c.bic, missing, "creditor.bic"),
        "bank": c.bank.strip(),  # optional: the letters leave out « (…) » when empty
        # The bank as the ways to pay print it after the BIC: « (Banque Exemple) », or nothing
        # (an old template's « ({{ creditor.bank }}) » printed « () »: bankcheck.py says so).
        "bank_line": f" ({c.bank.strip()})" if c.bank.strip() else "",
        "cheque_payee": c.cheque_payee or name,
        # Every letter's foot: the business papers' mentions (R123-237), on two lines.
        "footer": f"{who}\n{registry}",
        "footer_en": f"{who_en}\n{registry_en}",
        "legal_line": f"{who} – {registry}",
        "legal_line_en": f"{who_en} – {registry_en}",
        "legal_who": who,
        "legal_who_en": who_en,
        "legal_registry": registry,
        "legal_registry_en": registry_en,
        # Letters cite the terms of sale only when the creditor says it has some.
        "terms_of_sale": bool(c.terms_of_sale),
    }


def creditor_gaps(settings: Settings) -> list[str]:
    """The creditor's settings every letter needs and that are not filled in (keys)."""
    missing: list[str] = []
    creditor_context(settings, missing)
    return list(dict.fromkeys(missing))


__all__ = ["creditor_context", "creditor_gaps", "required_mentions"]
