"""File names a person reads: « 2026-11-22 Mise en demeure - Boulangerie Dupont & Fils.docx ».

Safe on Windows, macOS and Linux: no character Windows refuses, no control or invisible
character (a right-to-left override would disguise the name), no trailing dot or space, no
reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9), a bounded length, and unique in
its folder even when two clients differ only by case, accents' encoding or a refused character.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..ledger import KIND_LABELS

# Windows refuses these in a name; a separator becomes a dash, the others go.
_AS_DASH = str.maketrans({"/": "-", "\\": "-", "|": "-", ":": " - "})
_DROPPED = str.maketrans({c: None for c in '<>"?*'})
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "conin$",
    "conout$",
    *(f"{p}{i}" for p in ("com", "lpt") for i in (*"123456789", "¹", "²", "³")),
}
# The client's part of a letter's name; with the date and the kind, about 110 characters:
# the run's folder keeps room under Windows' 260-character path limit.
CLIENT_CHARS = 80


def readable_name(text: str, *, limit: int = CLIENT_CHARS, fallback: str = "client") -> str:
    """A name component as a person wrote it, made safe for every file system."""
    text = unicodedata.normalize("NFC", str(text))
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] == "Z" or ch in "\t\r\n":
            kept.append(" ")  # a line break or an odd space in a cell reads as a space
        elif category[0] != "C":  # control, format (bidi, zero-width), private, unassigned
            kept.append(ch)
    text = "".join(kept).translate(_AS_DASH).translate(_DROPPED)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"-{2,}", "-", text)
    text = _cut(text.strip(" .-"), limit).strip(" .-")
    if not text:
        return fallback
    if text.split(".")[0].rstrip(" ").casefold() in _RESERVED:
        text = f"{text} ({fallback})"
    return text


def _cut(text: str, limit: int) -> str:
    """At most limit characters, cut at a word where one is near."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit * 2 // 3 else cut


def fold(name: str) -> str:
    """The key two names collide on: Windows and macOS ignore case; macOS decomposes accents."""
    return unicodedata.normalize("NFC", name).casefold()


def unique(stem: str, suffix: str, taken: set[str]) -> str:
    """stem + suffix, or « stem (2) » + suffix…, never a name already taken (folded)."""
    name, n = f"{stem}{suffix}", 2
    while fold(name) in taken:
        name, n = f"{stem} ({n}){suffix}", n + 1
    taken.add(fold(name))
    return name


def letter_filename(client: str, kind: str, as_of: dt.date, taken: set[str]) -> str:
    """« 2026-11-22 Mise en demeure - Boulangerie Dupont & Fils.docx », unique in taken."""
    label = KIND_LABELS.get(kind, kind)
    stem = f"{as_of.isoformat()} {label} - {readable_name(client)}"
    return unique(stem, ".docx", taken)


__all__ = ["CLIENT_CHARS", "fold", "letter_filename", "readable_name", "unique"]
