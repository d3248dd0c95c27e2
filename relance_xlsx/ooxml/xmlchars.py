"""Characters XML 1.0 forbids, in a sheet: found by cell when it is read, made valid when
the write-back rewrites it.

A control character (U+0001 to U+001F but tab and line breaks) or a noncharacter (U+FFFE,
U+FFFF), raw or as a character reference (`&#1;`, `&#xFFFE;`), is read by the reader
library but refused by every XML parser: the write-back could not save the sheet. So the
cell is named as a row's problem when the ledger is read, and the sheet is rewritten with a
control character as Excel itself stores one (`_x0001_`, read back as the same character)
and a noncharacter, which means nothing in a text, left out. The rest of the sheet is kept
byte for byte. A reference to no character at all (`&#0;`, `&#xD800;`, past U+10FFFF)
cannot be read by the reader library: the sheet is refused, naming the cell.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# The C0 controls but tab, LF and CR: bytes.translate finds them at 2.5 GB/s, then the
# noncharacters U+FFFE / U+FFFF (EF BF BE / BF) are searched as plain bytes.
_C0 = bytes([*range(9), 11, 12, *range(14, 32)])
_KEEP = bytes(b for b in range(256) if b not in _C0)
_RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
# The references that may be forbidden (each then decided by _allowed): below 32, the
# surrogates, U+FFFE and U+FFFF, and the largest; never an ordinary &#233;.
_REF = re.compile(
    rb"&#(?:x0*(1?[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]|[1-9a-fA-F][0-9a-fA-F]{5,7})"
    rb"|0*([0-9]|[12][0-9]|3[01]|5[5-7][0-9]{3}|6553[45]|[1-9][0-9]{6,9}));"
)
_CELL = b'<c r="'
_TAG = re.compile(rb"<[^>]*>")
MAX_KEPT = 1000  # forbidden characters kept per sheet, to name their cells


class Forbidden(NamedTuple):
    """One forbidden character: its cell (« C14 », "" outside a cell), its code point, the
    cell's text with the character shown as [U+0001], and whether it is no character at
    all (the reader cannot read the sheet)."""

    cell: str
    code: int
    text: str
    unreadable: bool


def _code(found: re.Match[bytes]) -> int:
    if found.re is _RAW:
        return ord(found.group().decode("utf-8"))
    hexa, decimal = found.group(1), found.group(2)
    return int(hexa, 16) if hexa is not None else int(decimal)


def _allowed(code: int) -> bool:
    if code < 0x20:
        return code in (0x09, 0x0A, 0x0D)
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF) or code > 0x10FFFF)


def _raw(data: bytes) -> bool:
    """Whether the XML holds a raw forbidden character."""
    if data.translate(None, _KEEP):
        return True
    # One byte is searched at memory speed; the three-byte searches only where it occurs.
    return b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


def has_forbidden(data: bytes) -> bool:
    """Whether the XML holds a forbidden character, raw or as a reference."""
    if _raw(data):
        return True
    # `&` alone is searched at memory speed, `&#` (two bytes) at a third of it.
    return (
        b"&" in data and b"&#" in data and any(not _allowed(_code(m)) for m in _REF.finditer(data))
    )


def _matches(data: bytes) -> list[re.Match[bytes]]:
    found = list(_RAW.finditer(data)) if _raw(data) else []
    if b"&#" in data:
        found += [m for m in _REF.finditer(data) if not _allowed(_code(m))]
    return sorted(found, key=lambda m: m.start())


def _shown(segment: bytes) -> str:
    """A cell's text with each forbidden character shown as [U+0001]."""

    def one(found: re.Match[bytes]) -> bytes:
        code = _code(found)
        if _allowed(code):
            return chr(code).encode("utf-8")  # an ordinary reference (&#233;): é
        return f"[U+{code:04X}]".encode()

    text = _TAG.sub(b"", _RAW.sub(one, _REF.sub(one, segment)))
    return text.decode("utf-8", "replace")[:120]


def forbidden_in(chunk: bytes) -> list[Forbidden]:
    """The forbidden characters of a piece of a sheet (cut after a tag), with their cells."""
    if not has_forbidden(chunk):
        return []
    out = []
    for found in _matches(chunk):
        start = chunk.rfind(_CELL, 0, found.start())
        end = chunk.find(b"</c>", found.end())
        ref = chunk[start + len(_CELL) : start + 20].split(b'"')[0] if start >= 0 else b""
        segment = chunk[start : end if end >= 0 else found.end() + 60] if start >= 0 else b""
        code = _code(found)
        out.append(
            Forbidden(
                ref.decode("ascii", "replace"),
                code,
                _shown(segment),
                (code == 0 and found.re is _REF) or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF,
            )
        )
    return out


def unreadable(found: list[Forbidden]) -> str:
    """The first reference to no character at all, as the predicate of « la partie … »
    (the reader library cannot read the sheet); "" when there is none."""
    for bad in found:
        if bad.unreadable:
            where = f" dans la cellule {bad.cell} (« {bad.text} »)" if bad.cell else ""
            return (
                f"contient une référence au caractère U+{bad.code:04X}{where}, qui n'existe "
                "pas en XML : le lecteur de classeurs ne peut pas lire cette feuille"
            )
    return ""


def _escaped(found: re.Match[bytes]) -> bytes:
    code = _code(found)
    if _allowed(code):
        return found.group()
    if code < 0x20:
        return f"_x{code:04X}_".encode()  # how Excel stores a control character
    return b""  # a noncharacter, a surrogate, beyond Unicode: nothing to keep


def made_valid(data: bytes) -> bytes:
    """The XML with every forbidden character made valid (see the module); the same bytes,
    not copied, when there is none."""
    if not has_forbidden(data):
        return data
    data = _RAW.sub(_escaped, data) if _raw(data) else data
    return _REF.sub(_escaped, data) if b"&#" in data else data


__all__ = ["MAX_KEPT", "Forbidden", "forbidden_in", "has_forbidden", "made_valid", "unreadable"]
