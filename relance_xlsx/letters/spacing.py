"""The spaces of a letter's XML set in one pass: what wording.bind_words and the French
space before « : ; ! ? » do one after the other, done by one expression.

Each of those passes scanned the whole XML (a letter of 60 invoices: 200 000 characters, a
quarter of a millisecond a pass); every one of them looks at a space and what follows it, so
one expression starting with a space finds them all, and a function says what the space
becomes, exactly as the passes in a row would have left it.
"""

from __future__ import annotations

import re

from ..wording import BOUND_AFTER_MONTH, BOUND_BEFORE_UNIT, NBSP, NNBSP

# Alternatives in the order that gives the passes' result: a space before a sign becomes the
# narrow no-break space whatever else it is (the French pass ran last); then a month's name
# (its group, then the space before its year), a unit, a space after « n° ».
_SIGN = "(?=[:;!?»])"
_AFTER_NUMBER = "(?<=[nN]° )"
# Most spaces of a letter's XML part a tag's attributes (` w:val=`, ` xml:space=`): no sign,
# month or unit starts so, and skipping them at once halves the pass (the same result).
_TAG_SPACE = "(?!w:|r:|xml:)"
_FRENCH = re.compile(
    f" (?:{_TAG_SPACE}(?:{_SIGN}|{BOUND_AFTER_MONTH.pattern[1:]}|{BOUND_BEFORE_UNIT.pattern[1:]})"
    f"|{_AFTER_NUMBER})"
)
_OTHER = re.compile(
    f" (?:{_TAG_SPACE}(?:{BOUND_AFTER_MONTH.pattern[1:]}|{BOUND_BEFORE_UNIT.pattern[1:]})"
    f"|{_AFTER_NUMBER})"
)
_NBSP_SIGN = re.compile("\u00a0(?=[:;!?»])")


def bound(xml: str, french: bool) -> str:
    """bind_words(xml), then for a French letter every space and no-break space before
    « : ; ! ? » made narrow, in one scan."""
    if " " not in xml:
        return _NBSP_SIGN.sub(NNBSP, xml) if french else xml
    xml = (_FRENCH if french else _OTHER).sub(_space, xml)
    return _NBSP_SIGN.sub(NNBSP, xml) if french else xml


def _space(found: re.Match[str]) -> str:
    """What the space (and a month's name after it) becomes."""
    text, at = found.string, found.start()
    sign = found.end() == at + 1 and at + 1 < len(text) and text[at + 1] in ":;!?»"
    if sign and found.re is _FRENCH:
        return NNBSP
    after_number = text[max(at - 2, 0) : at] in ("n°", "N°")
    month = found[1]
    if month is not None:
        day = at > 0 and (text[at - 1].isdigit() or text[max(at - 3, 0) : at] == "1er")
        return (NBSP if day or after_number else " ") + month + (NBSP if found[2] else "")
    if after_number or (at > 0 and text[at - 1].isdigit() and found.end() == at + 1):
        return NBSP
    return " "


__all__ = ["bound"]
