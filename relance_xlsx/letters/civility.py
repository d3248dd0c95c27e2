"""How a letter opens: its place and date, and how it greets its debtor: « Monsieur, » to
a client the ledger names « M. Paul Durand », « Madame, » to « Mme Anne Roy », « Madame,
Monsieur, » otherwise (a company, a couple); in English « Dear Mr Smith, » … « Yours
sincerely, », else « Dear Sir or Madam, » … « Yours faithfully, »."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..wording import day_long

_MAN = frozenset({"m.", "monsieur", "mr", "mr."})
_WOMAN = frozenset({"mme", "mme.", "madame", "mlle", "mademoiselle", "mrs", "mrs.", "ms", "ms."})
_MISS = frozenset({"miss"})
_FR = {"man": "Monsieur", "woman": "Madame", None: "Madame, Monsieur"}
_EN = {"man": "Mr", "woman": "Ms"}


def _who(name: str) -> tuple[str | None, str]:
    """« man », « woman » or None, and the surname (the name's last word)."""
    words = name.split()
    if len(words) < 2 or words[1].lower() in ("et", "and", "&"):
        return None, ""
    first = words[0].lower()
    if first in _MAN:
        return "man", words[-1]
    if first in _WOMAN or first in _MISS:
        return "woman", words[-1]
    return None, ""


def civility(name: str, lang: str) -> dict[str, Any]:
    """The debtor's salutation, its civility in the French closing, its English closing."""
    who, surname = _who(name)
    if lang == "fr":
        said = _FR[who]
        return {"salutation": f"{said},", "civility": said, "closing": ""}
    if who is None:
        return {"salutation": "Dear Sir or Madam,", "civility": "", "closing": "Yours faithfully,"}
    return {
        "salutation": f"Dear {_EN[who]} {surname},",
        "civility": "",
        "closing": "Yours sincerely,",
    }


def place_date(city: str, as_of: dt.date, lang: str) -> str:
    """« Lyon, le 7 décembre 2026 », « Lyon, 7 December 2026 » (the date alone without a city)."""
    if lang == "fr":
        return f"{city}, le {day_long(as_of)}" if city else f"Le {day_long(as_of)}"
    return f"{city}, {day_long(as_of, lang)}" if city else day_long(as_of, lang)


__all__ = ["civility", "place_date"]
