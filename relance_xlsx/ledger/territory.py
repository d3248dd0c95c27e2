"""Which country an address line names, and whether a debtor living there is reached by
French civil procedure (its injonction de payer) or lives outside it.

The overseas départements and régions (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte:
postcodes 971 to 976) and the collectivities of Saint-Martin, Saint-Barthélemy and
Saint-Pierre-et-Miquelon (975, 977, 978) are France for the courts: the Code de procédure
civile and its injonction de payer apply there. A consumer living there is no consumer
« abroad » (Brussels I bis, art. 18(2), concerns other States).

Polynésie française, Nouvelle-Calédonie and Wallis-et-Futuna (986 to 988) stay outside:
legal-fr.md gives no source for them, and their civil procedure is their own (Polynésie and
Nouvelle-Calédonie have their own codes of civil procedure, Wallis-et-Futuna its own courts),
so the French injonction de payer of the Code de procédure civile is not the route to name:
the neutral « procédure judiciaire de recouvrement » is always true.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from babel import Locale

_FRANCE = frozenset({"france", "fr", "fra", "france metropolitaine", "republique francaise"})
# ISO codes of the overseas départements and of the collectivities under the Code de
# procédure civile; of those with their own civil procedure.
_OVERSEAS_FRANCE = frozenset({"GP", "MQ", "GF", "RE", "YT", "MF", "BL", "PM"})
_OWN_PROCEDURE = frozenset({"PF", "NC", "WF"})
_OWN_PROCEDURE_POSTCODES = ("986", "987", "988")
# Names typed in ledgers that the locale data spells otherwise.
_ALIASES = {"guyane": "GF", "reunion": "RE", "ile de la reunion": "RE", "st barthelemy": "BL"}
_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")


def fold(text: str) -> str:
    """A name without case, accents and punctuation, to compare as typed names."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Every country's French and English name, and its ISO code, folded -> ISO code."""
    fr, en = Locale("fr").territories, Locale("en").territories
    out: dict[str, str] = dict(_ALIASES)
    for code, name in fr.items():
        if not (len(code) == 2 and code.isalpha()):
            continue  # « Monde », « Europe »: regions, not countries
        for key in (name, en.get(code, ""), code):
            if key:
                out.setdefault(fold(key), code)
    return out


def country_code(line: str) -> str | None:
    """The ISO code of the country a line names (« FR » for France); None if it names none."""
    folded = fold(line)
    if folded in _FRANCE:
        return "FR"
    return _countries().get(folded)


def country_of(line: str) -> str | None:
    """The country a line names (its French name), « France » included; None if it names none."""
    code = country_code(line)
    if code is None:
        return None
    return "France" if code == "FR" else Locale("fr").territories[code]


def sued_abroad(address: Any) -> bool:
    """Whether a debtor at this address (lines, or parts joined by commas) lives outside the
    reach of French civil procedure: abroad, or in Polynésie française, Nouvelle-Calédonie or
    Wallis-et-Futuna. An overseas département or Saint-Martin, Saint-Barthélemy,
    Saint-Pierre-et-Miquelon is France. No address: not abroad."""
    if address is None or not isinstance(address, str):
        return False
    parts = [p.strip() for p in re.split(r"[\n,;]", address) if p.strip()]
    if not parts:
        return False
    code = country_code(parts[-1]) if len(parts) > 1 else None
    if code is not None and code != "FR":
        return code not in _OVERSEAS_FRANCE
    codes = _POSTCODE.findall(" ".join(parts[-2:] if code else parts[-1:]))
    return bool(codes) and codes[-1].startswith(_OWN_PROCEDURE_POSTCODES)


__all__ = ["country_code", "country_of", "fold", "sued_abroad"]
