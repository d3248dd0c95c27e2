"""Typography, computed: French spaces and guillemets, references that never break across a
line, dates as running text writes them, list punctuation; English for English letters.

French (Imprimerie nationale, as most French offices now set it): a narrow no-break space
(U+202F) before « : ; ! ? » and inside « », so that a line never starts with the sign; a
no-break hyphen (U+2011) in an invoice number or a reference (« F2026-015 » never split as
« F2026- / 015 »); « les 10 et 17 novembre 2026 » rather than « les 10/11/2026 et
17/11/2026 » in a sentence; « ; » after each item of a list and « . » after the last.
English: no space before those signs, straight quotation marks left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .fmt import date_long

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
NB_HYPHEN = "\u2011"  # no-break hyphen

_SPACES = f"[ \t{NBSP}{NNBSP}]"
# A space before « : ; ! ? », not inside a URL or a time (no space there to begin with).
_BEFORE_SIGN = re.compile(rf"{_SPACES}+([:;!?])")
_OPEN = re.compile(rf"«{_SPACES}*")
_CLOSE = re.compile(rf"{_SPACES}*»")
# What a reference may break at: a hyphen, a space.
_REF_BREAKS = str.maketrans({"-": NB_HYPHEN, "\u2010": NB_HYPHEN, " ": NBSP})
# A tag, a comment or a style or script block of an HTML message: left as it is.
_TAG = re.compile(r"(<(?:style|script)\b.*?</(?:style|script)>|<!--.*?-->|<[^>]*>)", re.S | re.I)
_PLAIN = str.maketrans({NB_HYPHEN: "-", NNBSP: " ", NBSP: " "})
# Words a line must not leave alone: a day and its month (« 30 / novembre »), a month and its
# year, a number and its unit (« 8 / jours », « 12,15 / % »). Each pattern starts with a
# literal space (found fast); what comes before it is looked at only where it matched.
_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = re.compile(rf" ({_MONTHS})\b( (?=[12][0-9]{{3}}\b))?")
_UNIT = re.compile(r" (?=(?:jours?|mois|ans?|heures?|days?|months?|years?|EUR)\b|%|€)")
# The two, for the letters' one pass over their XML (letters/spacing.py).
BOUND_AFTER_MONTH, BOUND_BEFORE_UNIT = _MONTH, _UNIT


def typeset(text: str, lang: str = "fr") -> str:
    """A sentence with its language's spacing around punctuation."""
    if lang != "fr":
        return _BEFORE_SIGN.sub(r"\1", text)
    text = _BEFORE_SIGN.sub(NNBSP + r"\1", text)
    if "«" in text or "»" in text:
        text = _CLOSE.sub(NNBSP + "»", _OPEN.sub("«" + NNBSP, text))
    return text


def bind_words(text: str) -> str:
    """No line break between a day and its month, a month and its year, a number and its
    unit, « n° » and its number (a no-break space, in every language); a letter's XML or
    plain text alike."""
    if " " not in text:
        return text
    text = _MONTH.sub(_month, text)
    text = _UNIT.sub(_unit, text)
    return text.replace("n° ", "n°" + NBSP).replace("N° ", "N°" + NBSP)


def _month(found: re.Match[str]) -> str:
    """A month's name bound to its day before (« 30 », « 1er ») and its year after."""
    text, at = found.string, found.start()
    day = at > 0 and (text[at - 1].isdigit() or text[max(at - 3, 0) : at] == "1er")
    return (NBSP if day else " ") + found[1] + (NBSP if found[2] else "")


def _unit(found: re.Match[str]) -> str:
    """A unit bound to the number before it."""
    at = found.start()
    return NBSP if at > 0 and found.string[at - 1].isdigit() else " "


def typeset_message(text: str, lang: str = "fr", *, html: bool = False) -> str:
    """An e-mail's subject or body set as its letter is: French spaces before « : ; ! ? » and
    inside « », days bound to their months, numbers to their units, « n° » to its number.
    Hyphens stay (a reference copied from a message must be the invoice's own); in HTML only
    the text between tags is touched."""
    if not html:
        return bind_words(typeset(text, lang))
    parts = _TAG.split(text)
    return "".join(p if p.startswith("<") else bind_words(typeset(p, lang)) for p in parts)


def unbreakable(reference: str) -> str:
    """An invoice number or a reference that no line break cuts: « F2026‑015 »."""
    return str(reference).translate(_REF_BREAKS)


def plain(text: str) -> str:
    """The text with ordinary spaces and hyphens, for what is copied or searched (a bank
    transfer's reference, a spreadsheet)."""
    return str(text).translate(_PLAIN)


def day_long(day: dt.date, lang: str = "fr") -> str:
    """« 1er décembre 2026 », « 22 novembre 2026 »; English « 1 December 2026 »."""
    text = date_long(day, lang)
    if lang == "fr" and day.day == 1:
        return "1er" + text[1:]
    return text


def dates_phrase(days: Sequence[dt.date], lang: str = "fr", article: str = "le") -> str:
    """Dates in a sentence, the month and year said once where they repeat:
    « le 10 novembre 2026 », « les 10 et 17 novembre 2026 », « les 28 octobre et 17 novembre
    2026 », « les 30 décembre 2025 et 10 janvier 2026 ». article: « le » (le/les), « du »
    (du/des) or « » (none). English: « 10 and 17 November 2026 »."""
    unique = sorted(set(days))
    if not unique:
        return ""
    joint = " et " if lang == "fr" else " and "

    def listed(items: list[str]) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joint + items[-1]

    # The days of one month together (« 22 et 26 novembre »), the year after the last month
    # of that year.
    months: list[list[dt.date]] = []
    for day in unique:
        if months and (months[-1][0].year, months[-1][0].month) == (day.year, day.month):
            months[-1].append(day)
        else:
            months.append([day])
    parts = []
    for i, month in enumerate(months):
        nxt = months[i + 1][0] if i + 1 < len(months) else None
        numbers = ["1er" if lang == "fr" and d.day == 1 else str(d.day) for d in month]
        name = day_long(month[-1], lang).split(" ")[1]
        year = "" if nxt is not None and nxt.year == month[-1].year else f" {month[-1].year}"
        parts.append(f"{listed(numbers)} {name}{year}")
    text = listed(parts)
    if lang != "fr" or not article:
        return text
    plural = len(unique) > 1
    word = {"le": ("le", "les"), "du": ("du", "des")}[article][plural]
    return f"{word} {text}"


def list_items(items: Sequence[str], lang: str = "fr") -> list[str]:
    """The items of a list as punctuated in a letter: « ; » after each, « . » after the
    last (English: « ; » and « . » with no space before)."""
    cleaned = [re.sub(rf"{_SPACES}*[;.,]*{_SPACES}*$", "", str(x)) for x in items]
    sep = f"{NNBSP};" if lang == "fr" else ";"
    return [x + (sep if i < len(cleaned) - 1 else ".") for i, x in enumerate(cleaned)]


__all__ = [
    "NBSP",
    "NB_HYPHEN",
    "NNBSP",
    "bind_words",
    "dates_phrase",
    "day_long",
    "list_items",
    "plain",
    "typeset",
    "typeset_message",
    "unbreakable",
]
