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

import itertools
import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any
from xml.sax.saxutils import escape

from ..wording import NB_HYPHEN, NBSP, NNBSP, unbreakable
from .compiled import Rendered
from .spacing import bound

# The space before the sign may end the run before (« Objet » in bold, then « : »). The
# patterns start with a literal: Python's regular expressions find those fast.
_ACROSS = re.compile(
    r" </w:t>(</w:r><w:r(?: [^>]*)?>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?"
    r"<w:t(?: [^>]*)?>)([:;!?»])",
    re.S,
)
_TIGHT_OPEN = re.compile("«(?=[^\\s\u202f\u00a0<])")
_TIGHT_CLOSE = re.compile("([^\\s>\u202f\u00a0])»")
_BREAKS = re.compile(r"[-\u2010 ]")
# Where a letter's context lists the numbers it prints.
_NUMBERED = ("invoices", "credits", "interest_periods")


def letter_references(context: dict[str, Any]) -> list[str]:
    """The invoice and credit-note numbers a letter prints that a line could break inside,
    longest first (« F-12 » before « F-1 »)."""
    found: set[str] = set()
    lists: list[Any] = [context.get(key) or [] for key in _NUMBERED]
    lists.append((context.get("statement") or {}).get("lines") or [])
    # The numbers only named in its sentences: recalled under a notice, paid since.
    # The articles it cites: « R2192- » at a line's end and « 32 » on the next (the lawyer's
    # review, 14).
    legal = context.get("legal") or {}
    lists.append(legal.get("articles") or [] if isinstance(legal, dict) else [])
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
    groups = _apart(references) if references else None
    if groups is not None:
        xml = _replace_apart(xml, groups)
    else:  # one scan each, the longest first
        for reference in references:
            xml = xml.replace(reference, unbreakable(reference))
    # bind_words, then (French) the narrow space before a sign: a space right before a sign
    # is text, no tag has one.
    xml = bound(xml, french)
    if not french:
        return xml
    if " </w:t>" in xml:
        xml = _ACROSS.sub(NNBSP + r"</w:t>\1\2", xml)
    if "«" in xml:
        xml = _TIGHT_OPEN.sub(
            "«" + NNBSP, xml.replace("« ", "«" + NNBSP).replace("«\u00a0", "«" + NNBSP)
        )
    if "»" in xml:
        xml = _TIGHT_CLOSE.sub(r"\1" + NNBSP + "»", xml)
    return xml


# References by their first character: the start they all share, their lengths, and what
# each becomes.
_Groups = list[tuple[str, list[int], dict[str, str]]]


@lru_cache(maxsize=64)
def _apart(references: tuple[str, ...]) -> _Groups | None:
    """The references grouped to be found in one scan each, when that changes the same text
    as replacing them one after the other (a letter of 60 invoices scanned its XML 120
    times): no reference can overlap another in any text (none holds a first character of
    the others past its own start, none starts another) and none holds what unbreakable
    writes (a replaced one cannot make another appear). None otherwise."""
    if not all(references):
        return None
    firsts = {r[0] for r in references}
    if any(r.find(c, 1) >= 0 for r in references for c in firsts):
        return None
    ordered = sorted(references)
    if any(b.startswith(a) for a, b in itertools.pairwise(ordered)):
        return None
    if any(NB_HYPHEN in r or NBSP in r for r in references):
        return None
    groups = []
    for first in sorted(firsts):
        group = [r for r in ordered if r[0] == first]  # sorted: its ends share its start
        lengths = sorted({len(r) for r in group})
        shared = _shared_start(group[0], group[-1])
        groups.append((shared, lengths, {r: unbreakable(r) for r in group}))
    return groups


def _shared_start(a: str, b: str) -> str:
    """The longest start a and b share."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _replace_apart(xml: str, groups: _Groups) -> str:
    """Every reference replaced, found where the start of its group is (see _apart)."""
    found = []
    for start, lengths, becomes in groups:
        at = xml.find(start)
        while at >= 0:
            for length in lengths:
                written = becomes.get(xml[at : at + length])
                if written is not None:
                    found.append((at, length, written))
                    break
            at = xml.find(start, at + 1)
    if not found:
        return xml
    found.sort()
    pieces: list[str] = []
    done = 0
    for at, length, written in found:
        pieces += (xml[done:at], written)
        done = at + length
    pieces.append(xml[done:])
    return "".join(pieces)


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
    "typeset_letter",
    "typeset_xml",
    "typesetter",
]
