"""Who an invoice's letter goes to and how: client type, address, e-mail, contact, language."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..config import Policy
from .coded import object_array
from .columns import normalise
from .grid import Grid
from .values import parse_text


def contact_columns(grid: Grid, policy: Policy) -> dict[str, Any]:
    """Who the letter goes to and how: read as text, never checked against the amounts."""
    return {
        "consumer": _consumers(grid, policy),
        "public": _public_buyers(grid),
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
    text = parse_text(whole)
    if not text:
        return None
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n") if ln.strip()]
    return "\n".join(lines) if lines else None


def _addresses(grid: Grid) -> np.ndarray:
    """One multi-line address per row, from one cell or street / postcode / city / country."""
    if not any(name in grid.positions for name in ("street", "postcode", "city", "country")):
        return grid.raw("address").map(_address_lines).array()  # one cell
    parts = [
        grid.raw(name).map(parse_text).array()
        for name in ("address", "street", "postcode", "city", "country")
    ]
    out = []
    for whole, street, postcode, city, country in zip(*parts, strict=True):
        if whole:
            lines = [ln.strip() for ln in str(whole).replace("\r", "").split("\n") if ln.strip()]
        else:
            town = " ".join(p for p in (postcode, city) if p)
            lines = [p for p in (street, town) if p]
        if lines and country and normalise(country) not in ("france", "fr"):
            lines.append(str(country).upper())
        out.append("\n".join(lines) if lines else None)
    return object_array(out)


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


# A public buyer (commande publique): its late-payment interest is ECB + 8 points, fixed at
# the half-year in which the delay starts (Code de la commande publique R2192-31).
_PUBLIC_WORDS = (
    "public", "acheteur public", "collectivite", "commune", "mairie", "etat", "hopital",
    "etablissement public", "administration", "departement", "region", "epci",
)  # fmt: skip


def _public_buyers(grid: Grid) -> np.ndarray:
    if "client_type" not in grid.positions:
        return np.zeros(len(grid), dtype=bool)

    def public(v: Any) -> bool:
        text = normalise(v) if isinstance(v, str) else ""
        return bool(text) and text.startswith(_PUBLIC_WORDS)

    return grid.raw("client_type").mask(public)


def _language(value: Any) -> str | None:
    text = normalise(value) if isinstance(value, str) else ""
    if text.startswith(("en", "ang", "gb", "uk", "us")):
        return "en"
    if text.startswith(("fr", "fra")):
        return "fr"
    return None


__all__ = ["contact_columns"]
