"""Typography on each rendered letter: the narrow no-break space before « : ; ! ? » and inside
« » (French letters), invoice numbers and references that no line break cuts (every letter).

Applied to the letter's Word XML as it is written (its file and its section of the bundle),
after its template is filled: the template's own sentences, an office's edited template and
the values put into them are all covered. Not to the context, which the e-mails share: a
no-break hyphen copied from an e-mail into a transfer's reference field would not be the
hyphen of the invoice number. A few regular expressions over the XML text, each starting
with a literal character (found fast): about 0.1 ms a letter (a pass over its text nodes in
Python cost 0.6 ms, expressions starting with a class of spaces 1.5 ms).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any
from xml.sax.saxutils import escape

from ..wording import NBSP, NNBSP, unbreakable
from .compiled import Rendered

# The space before the sign may end the run before (« Objet » in bold, then « : »). The
# patterns start with a literal: Python's regular expressions find those fast.
_ACROSS = re.compile(
    r" </w:t>(</w:r><w:r(?: [^>]*)?>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?"
    r"<w:t(?: [^>]*)?>)([:;!?»])",
    re.S,
)
_SPACE_SIGN = re.compile(" (?=[:;!?»])")
_NBSP_SIGN = re.compile("\u00a0(?=[:;!?»])")
_TIGHT_OPEN = re.compile("«(?=[^\\s\u202f\u00a0<])")
_TIGHT_CLOSE = re.compile("([^\\s>\u202f\u00a0])»")
_BREAKS = re.compile(r"[-\u2010 ]")
# Words a line must not leave alone: a day and its month (« 30 / novembre »), a month and its
# year, a number and its unit (« 8 / jours », « 12,15 / % »). Each pattern starts with a
# literal space (found fast); what comes before it is looked at only where it matched.
_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = re.compile(rf" ({_MONTHS})\b( (?=[12][0-9]{{3}}\b))?")
_UNIT = re.compile(r" (?=(?:jours?|mois|ans?|heures?|days?|months?|years?|EUR)\b|%|€)")
# Where a letter's context lists the numbers it prints.
_NUMBERED = ("invoices", "credits", "interest_periods")


def letter_references(context: dict[str, Any]) -> list[str]:
    """The invoice and credit-note numbers a letter prints that a line could break inside,
    longest first (« F-12 » before « F-1 »)."""
    found: set[str] = set()
    lists: list[Any] = [context.get(key) or [] for key in _NUMBERED]
    lists.append((context.get("statement") or {}).get("lines") or [])
    # The numbers only named in its sentences: recalled under a notice, paid since.
    letter = context.get("letter") or {}
    if isinstance(letter, dict):
        lists.append((letter.get("recall") or {}).get("numbers") or [])
        lists.append(letter.get("paid_numbers") or [])
    for items in lists:
        for item in items if isinstance(items, list) else []:
            number = item.get("number") if isinstance(item, dict) else item
            if isinstance(number, str) and _BREAKS.search(number.strip()):
                found.add(number.strip())
    return sorted(found, key=len, reverse=True)


def typeset_xml(xml: str, references: tuple[str, ...], french: bool) -> str:
    """A letter's XML with its typography set (references: XML-escaped, longest first)."""
    for reference in references:
        if reference in xml:
            xml = xml.replace(reference, unbreakable(reference))
    xml = _unbroken_words(xml)
    if not french:
        return xml
    # A space right before a sign is text: no tag has one.
    xml = _NBSP_SIGN.sub(NNBSP, _SPACE_SIGN.sub(NNBSP, xml))
    if " </w:t>" in xml:
        xml = _ACROSS.sub(NNBSP + r"</w:t>\1\2", xml)
    if "«" in xml:
        xml = _TIGHT_OPEN.sub(
            "«" + NNBSP, xml.replace("« ", "«" + NNBSP).replace("«\u00a0", "«" + NNBSP)
        )
    if "»" in xml:
        xml = _TIGHT_CLOSE.sub(r"\1" + NNBSP + "»", xml)
    return xml


# Where a letter's XML can be cut and each piece typeset alone, with the same result: at the
# start of a paragraph or a table, or at the end of the body. No match of the expressions
# above reaches over one (a reference holds no « < », a sign is looked for inside a run's text
# or across the tags between two runs of one paragraph).
_CUTS = ("<w:p>", "<w:p ", "<w:tbl>", "<w:tbl ", "</w:body>")
_KEY = 200  # what is looked for, from a cut of one text, in the other to align them again
_TRIES = 8  # cuts tried, and stretches followed, before the rest is typeset piece by piece


def polished_pair(first: str, second: str, polish: Callable[[str], str] | None) -> tuple[str, str]:
    """polish(first) and polish(second) for two XML texts that differ in a few stretches (a
    letter's body and its section of the bundle: its bookmarks, its sections' properties),
    what they share typeset once."""
    if polish is None:
        return first, second
    out_first, out_second = [], []
    for piece_first, piece_second in _pieces(first, second):
        done = polish(piece_first)
        out_first.append(done)
        out_second.append(done if piece_second is piece_first else polish(piece_second))
    return "".join(out_first), "".join(out_second)


def _pieces(first: str, second: str) -> list[tuple[str, str]]:
    """The two texts cut at the same cuts into pieces, pair by pair: a piece both share is the
    same object in the pair. Any cutting is right (only what is shared saves work)."""
    pieces: list[tuple[str, str]] = []
    i = j = 0
    for _ in range(_TRIES):
        same = _common(first, i, second, j)
        if i + same == len(first) and j + same == len(second):
            break
        cut = max(first.rfind(c, i + 1, i + same) for c in _CUTS)
        if cut > i:
            shared = first[i:cut]
            pieces.append((shared, shared))
            i, j = cut, j + cut - i
        again = _realign(first, i, second, j)
        if again is None:
            break
        pieces.append((first[i : again[0]], second[j : again[1]]))
        i, j = again
    shared = first[i:]
    pieces.append((shared, shared) if shared == second[j:] else (shared, second[j:]))
    return pieces


def _realign(first: str, i: int, second: str, j: int) -> tuple[int, int] | None:
    """The next cut of first, from i, whose text is found in second from j (another place
    than (i, j)), or None."""
    at = i
    for _ in range(_TRIES):
        found = [k for c in _CUTS if (k := first.find(c, at)) >= 0]
        if not found:
            return None
        at = min(found)
        other = second.find(first[at : at + _KEY], j + (at == i))
        if other >= 0:
            return at, other
        at += 1
    return None


def _common(a: str, i: int, b: str, j: int) -> int:
    """How many characters a from i and b from j have in common (compared by halves, in C)."""
    low, high = 0, min(len(a) - i, len(b) - j)
    while low < high:
        middle = (low + high + 1) // 2
        if a[i + low : i + middle] == b[j + low : j + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _unbroken_words(xml: str) -> str:
    """No line break between a day and its month, a month and its year, a number and its
    unit, « n° » and its number (a no-break space, in every language)."""
    if " " not in xml:
        return xml
    xml = _MONTH.sub(_month, xml)
    xml = _UNIT.sub(_unit, xml)
    return xml.replace("n° ", "n°" + NBSP).replace("N° ", "N°" + NBSP)


def _month(found: re.Match[str]) -> str:
    """A month's name bound to its day before (« 30 », « 1er ») and its year after."""
    text, at = found.string, found.start()
    day = at > 0 and (text[at - 1].isdigit() or text[max(at - 3, 0) : at] == "1er")
    return (NBSP if day else " ") + found[1] + (NBSP if found[2] else "")


def _unit(found: re.Match[str]) -> str:
    """A unit bound to the number before it."""
    at = found.start()
    return NBSP if at > 0 and found.string[at - 1].isdigit() else " "


def typesetter(context: dict[str, Any]) -> Callable[[str], str]:
    """What sets a letter's typography, from its context (None: nothing to set)."""
    letter = context.get("letter") or {}
    french = letter.get("language", "fr") == "fr" if isinstance(letter, dict) else True
    references = tuple(escape(r) for r in letter_references(context))
    return partial(typeset_xml, references=references, french=french)


def typeset_letter(rendered: Rendered, context: dict[str, Any]) -> None:
    """Set the typography of a rendered letter: its headers and footers now, its body as it
    is written (rendered.polish)."""
    polish = typesetter(context)
    rendered.polish = polish
    for name, xml in rendered.parts.items():
        rendered.parts[name] = _part(xml, polish)


def _part(xml: bytes, polish: Callable[[str], str]) -> bytes:
    """A header or footer: the same for every letter of a template unless a reference of the
    letter is in it, so set once."""
    references = getattr(polish, "keywords", {}).get("references", ())
    if any(r.encode() in xml for r in references):
        return polish(xml.decode("utf-8")).encode("utf-8")
    return _cached(xml, getattr(polish, "keywords", {}).get("french", True))


@lru_cache(maxsize=64)
def _cached(xml: bytes, french: bool) -> bytes:
    return typeset_xml(xml.decode("utf-8"), (), french).encode("utf-8")


__all__ = [
    "letter_references",
    "polished_pair",
    "typeset_letter",
    "typeset_xml",
    "typesetter",
]
