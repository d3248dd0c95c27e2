"""Who an invoice's letter goes to and how: client type, address, e-mail, contact, language."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..config import Policy
from .buyers import buyer_kind, say_mixed_economy
from .coded import nones, object_array
from .columns import normalise
from .grid import Grid
from .legalpersons import say_legal_persons
from .text import without_placeholders
from .values import parse_text


def contact_columns(grid: Grid, policy: Policy, buyer: np.ndarray) -> dict[str, Any]:
    """Who the letter goes to and how: read as text, never checked against the amounts.

    buyer: each row's kind of public buyer (None for a business or a consumer).
    """
    consumer = _consumers(grid, policy)
    say_legal_persons(grid, consumer)  # « particulier » with an association's form: said
    return {
        "consumer": consumer,
        # A public buyer (commande publique): ECB + 8 points, fixed at the half-year in which
        # the delay starts (R2192-31), its own payment terms (R2192-10, R2192-11).
        "public": (buyer != None) & ~consumer,  # noqa: E711
        "buyer": np.where(consumer, object_array([None]), buyer),
        **identity_columns(grid),
        "email": grid.parse("email", parse_text, "warning").array(),
        "address": _addresses(grid),
        "contact": grid.parse_names("contact").array(),
        "phone": grid.raw("phone").map(parse_text).array(),
        "siret": grid.raw("siret").map(parse_text).array(),
        "attachment": grid.raw("attachment").map(parse_text).array(),
        "language": grid.raw("language").map(_language).array(),
        "level_text": grid.raw("reminder_level").map(parse_text).array(),
        "status_text": grid.raw("reminder_status").map(parse_text).array(),
    }


def _address_lines(whole: Any) -> str | None:
    """A cell's address lines, without blank lines and export artefacts (« None », « nan »,
    « #N/A »…): a letter never prints them, and an address left without its town is
    incomplete."""
    text = parse_text(whole)
    if not text:
        return None
    lines = [without_placeholders(ln).strip() for ln in text.replace("\r", "").split("\n")]
    return "\n".join(ln for ln in lines if ln) or None


_PARTS = ("street", "complement", "postcode", "city", "country")


def _addresses(grid: Grid) -> np.ndarray:
    """One multi-line address per row, in La Poste's order: street, complement, postcode and
    town, country; from one cell, or from its columns (the address cell then being the street).

    The lines are checked and laid out for the envelope by the letters (letters/postal.py).
    """
    if not any(name in grid.positions for name in _PARTS):
        return grid.raw("address").map(_address_lines).array()  # one cell
    whole = grid.raw("address").map(_address_lines).array()
    street, complement, city, country = (
        grid.raw(name).map(_address_lines).array()
        for name in ("street", "complement", "city", "country")
    )
    postcode = grid.raw("postcode").map(_address_lines).array()
    # 01000 typed as a number in Excel reads 1000 (Ain): its zero is put back in France.
    short = grid.raw("postcode").mask(_lost_zero)
    out = [
        _compose(*cells)
        for cells in zip(whole, street, complement, postcode, short, city, country, strict=True)
    ]
    return object_array(out)


def _lost_zero(value: Any) -> bool:
    """A postcode typed as a number of 4 digits: a French one that lost its leading zero."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return float(value).is_integer() and 1000 <= value < 10000


def _compose(
    whole: str | None,
    street: str | None,
    complement: str | None,
    postcode: str | None,
    short: bool,
    city: str | None,
    country: str | None,
) -> str | None:
    """The address's lines from its columns, each part once (an address cell that already
    holds « 75011 Paris » is not given its town a second time)."""
    lines = [ln for part in (whole, street) if part for ln in part.split("\n")]
    abroad = bool(country) and normalise(country) not in ("france", "fr")
    if postcode and short and not abroad:
        postcode = "0" + postcode
    folded = [normalise(ln) for ln in lines]
    if complement and normalise(complement) not in folded:
        lines.append(complement.replace("\n", " "))
    town = " ".join(p for p in (postcode, (city or "").replace("\n", " ")) if p)
    if town and not (postcode and any(postcode in ln for ln in lines[1:] or lines)):
        lines.append(town)
    if country and abroad and normalise(country) not in folded:
        lines.append(country.replace("\n", " "))
    return "\n".join(lines) if lines else None


def _consumers(grid: Grid, policy: Policy) -> np.ndarray:
    default = policy.default_client_type == "particulier"
    if "client_type" not in grid.positions:
        return np.full(len(grid), default, dtype=bool)

    def consumer(v: Any) -> bool:
        text = normalise(v) if isinstance(v, str) else ""
        if not text:
            return default
        return text.startswith(
            ("particulier", "consommateur", "consumer", "individual", "b2c", "prive", "part")
        )

    return grid.raw("client_type").mask(consumer)


def buyer_kinds(grid: Grid) -> np.ndarray:
    """Each row's kind of public buyer, from its « Type client » (None when it is not one); a
    SEM or an SPL typed there is said to be read as a company (buyers.say_mixed_economy)."""
    if "client_type" not in grid.positions:
        return nones(len(grid))
    types = grid.raw("client_type")
    say_mixed_economy(grid, types)  # SEM, SPL: companies, said
    return types.map(buyer_kind).array()


def identity_columns(grid: Grid) -> dict[str, Any]:
    """The client's legal form, head office and legal representative, when the ledger or its
    clients sheet gives them (for the litigation file and the declaration of claim)."""
    legal_form = grid.raw("legal_form").map(parse_text).array()
    # « Type client : Association » says the legal form a « Forme juridique » column would.
    typed = grid.raw("client_type").map(_association).array()
    return {
        "legal_form": np.where(legal_form == None, typed, legal_form),  # noqa: E711
        "head_office": grid.raw("head_office").map(_address_lines).array(),
        "representative": grid.parse_names("representative").array(),
    }


def _association(value: Any) -> str | None:
    """The « Type client » when it names an association or a foundation (its legal form)."""
    text = normalise(value) if isinstance(value, str) else ""
    return str(value).strip() if text.startswith(("association", "loi 1901", "fondation")) else None


def _language(value: Any) -> str | None:
    text = normalise(value) if isinstance(value, str) else ""
    if text.startswith(("en", "ang", "gb", "uk", "us")):
        return "en"
    if text.startswith(("fr", "fra")):
        return "fr"
    return None


__all__ = ["buyer_kinds", "contact_columns", "identity_columns"]
