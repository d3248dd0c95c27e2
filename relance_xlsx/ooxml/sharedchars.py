"""Characters XML 1.0 forbids in the shared strings (xl/sharedStrings.xml).

A sheet's text cell usually holds the index of a text kept in the shared strings. A control
character or a noncharacter there, raw or as a reference (`&#1;`), is read by the reader
library but refused by every XML parser, as in a sheet (xmlchars.py): the strings that hold
one are found by their index while the part is checked, then each sheet's cells showing such
a string are named as the sheet's own are, and the write-back rewrites the part made valid
(a control as Excel's `_x0001_`, a noncharacter left out). A reference to no character at
all (`&#0;`, `&#xD800;`) cannot be read: the workbook is refused.
"""

from __future__ import annotations

import bisect
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .docxzip import inflate_member
from .sheetscan import ForbiddenCharacter, whole_tags
from .xlsxparts import Package, rels_path, resolve_target
from .xmlchars import (
    _REF,
    MAX_KEPT,
    Forbidden,
    _code,
    _matches,
    _shown,
    has_forbidden,
    made_valid,
)

_SI = re.compile(rb"<(?:\w+:)?si[\s/>]")
_SI_END = re.compile(rb"</(?:\w+:)?si>")
# A cell holding a number: with t="s", the index of a shared string.
_NUMBER_CELL = re.compile(rb'<c r="([A-Za-z]{1,3}\d{1,7})"([^>]*)>\s*<v>\s*0*(\d{1,10})\s*</v>')
_CARRY = 256  # the start of a cell cut between two pieces: a shared-string cell is short


@dataclass(frozen=True)
class BadString:
    """A shared string holding characters XML forbids: their code points, and its text with
    each one shown as [U+0001]."""

    codes: tuple[int, ...]
    text: str


class StringsScan:
    """The shared strings' forbidden characters, followed piece by piece (cut after a tag)."""

    def __init__(self) -> None:
        self.count = 0  # strings started in the pieces so far
        self.bad: dict[int, BadString] = {}

    def add(self, chunk: bytes) -> None:
        """Note the strings of this piece that hold a forbidden character; ForbiddenCharacter
        for a reference to no character at all."""
        if has_forbidden(chunk):
            starts = [m.start() for m in _SI.finditer(chunk)]
            for found in _matches(chunk):
                before = bisect.bisect(starts, found.start())
                index = self.count + before - 1
                start = starts[before - 1] if before else 0
                end = _SI_END.search(chunk, found.end())
                text = _shown(chunk[start : end.start() if end else found.end() + 60])
                code = _code(found)
                if (code == 0 and found.re is _REF) or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    raise ForbiddenCharacter(
                        f"contient une référence au caractère U+{code:04X} (« {text} »), qui "
                        "n'existe pas en XML : le lecteur de classeurs ne peut pas lire ce "
                        "classeur"
                    )
                if index < 0:
                    continue
                known = self.bad.get(index)
                codes = tuple(sorted({*(known.codes if known else ()), code}))
                self.bad[index] = BadString(codes, text)
        if b":si" in chunk:  # prefixed elements (<x:si>): rare, counted by the expression
            self.count += sum(1 for _ in _SI.finditer(chunk))
        else:  # a gigabyte of strings: counted at memory speed
            self.count += sum(chunk.count(tag) for tag in (b"<si>", b"<si ", b"<si/>"))


def shared_forbidden(
    pieces: Callable[[], Iterable[bytes]], bad: dict[int, BadString]
) -> tuple[Forbidden, ...]:
    """The cells of a sheet showing a shared string that holds a forbidden character."""
    out: list[Forbidden] = []
    carry = b""
    for piece in pieces():
        data = carry + piece if carry else piece
        cut = data.rfind(b"</c>") + 4
        if cut < 4:
            carry = data[-_CARRY:]
            continue
        for cell in _NUMBER_CELL.finditer(data, 0, cut):
            string = bad.get(int(cell.group(3))) if b't="s"' in cell.group(2) else None
            if string is not None:
                ref = cell.group(1).decode("ascii")
                out += [Forbidden(ref, code, string.text, False) for code in string.codes]
                if len(out) >= MAX_KEPT:
                    return tuple(out[:MAX_KEPT])
        carry = data[cut:][-(1 << 20) :]
    return tuple(out)


def strings_made_valid(package: Package) -> None:
    """The shared strings rewritten with every forbidden character made valid, when they
    hold one (the reading named the cells showing them); untouched otherwise."""
    rels = rels_path("xl/workbook.xml")
    if rels not in package.names:
        return
    for rel in package.xml(rels):
        if not rel.get("Type", "").endswith("/sharedStrings"):
            continue
        part = resolve_target("xl/workbook.xml", rel.get("Target", ""))
        if part not in package.names or part in package.changed or part in package.packed:
            continue
        path = Path(package.path)
        with zipfile.ZipFile(path) as zf, zf.open(part) as fp:
            held = any(has_forbidden(c) for c in whole_tags(iter(lambda: fp.read(1 << 22), b"")))
        if held:
            package.write(part, made_valid(inflate_member(path, part)))


__all__ = ["BadString", "StringsScan", "shared_forbidden", "strings_made_valid"]
