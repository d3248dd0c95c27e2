"""The printable bundles: the letters' own PDFs joined, page for page, ready for the printer.

Joining the very PDFs of the letters (rather than converting a merged document) makes the
bundle the letters exactly: same layout, same page count, « Page 2/3 » counted per letter.
Double-sided, each letter starts on a right-hand page: a letter of an odd number of pages
gets a back page that says it was left blank (a page with nothing on it can be skipped by a
printer's « skip blank pages » setting, which would put the next client's letter on its back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LibreOfficeError
from ..userfiles import write_atomically

if TYPE_CHECKING:  # pypdf is imported by the runs that make PDFs only (0.2 s to import)
    from pypdf import PageObject, PdfWriter

BLANK_TEXT = {
    "fr": "Page laissée blanche intentionnellement",
    "en": "This page is intentionally left blank",
}


@dataclass(frozen=True)
class Joined:
    """A bundle written: its file, the first page of each letter in it (from 1), its pages."""

    path: Path
    starts: tuple[int, ...]
    pages: int


def join_letters(letters: Sequence[tuple[Path, str]], target: Path, *, duplex: bool) -> Joined:
    """Join the letters' PDFs (path, language) in order into target, atomically.

    duplex: a blank back page after each letter that ends on a right-hand page.
    """
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    starts = []
    for n, (pdf, language) in enumerate(letters):
        try:
            reader = PdfReader(str(pdf))
            pages = list(reader.pages)
        except Exception as exc:  # pypdf raises its own errors for a damaged file
            raise LibreOfficeError(
                f"Le PDF {pdf.name} est illisible ({exc}) : le lot à imprimer n'a pas été fait."
            ) from exc
        starts.append(len(writer.pages) + 1)
        for page in pages:
            writer.add_page(page)
        if duplex and len(pages) % 2 and n < len(letters) - 1:
            _blank_page(writer, pages[-1], language)
    write_atomically(target, writer.write, suffix=".partiel")
    return Joined(target, tuple(starts), len(writer.pages))


def _blank_page(writer: PdfWriter, like: PageObject, language: str) -> None:
    """A back page of the same size, with one small grey line at its foot."""
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    width, height = float(like.mediabox.width), float(like.mediabox.height)
    page = writer.add_blank_page(width, height)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    text = BLANK_TEXT.get(language, BLANK_TEXT["fr"])
    size = 8.0
    x = (width - len(text) * size * 0.5) / 2  # Helvetica averages half an em a character
    escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
    escaped = escaped.replace(b")", b"\\)")
    stream = DecodedStreamObject()
    stream.set_data(
        b"BT /F1 %.1f Tf 0.55 g %.2f %.2f Td (" % (size, x, 40.0) + escaped + b") Tj ET"
    )
    page[NameObject("/Contents")] = writer._add_object(stream)


def page_counts(pdfs: Sequence[Path]) -> list[int]:
    """How many pages each PDF has."""
    from pypdf import PdfReader

    return [len(PdfReader(str(p)).pages) for p in pdfs]


__all__ = ["BLANK_TEXT", "Joined", "join_letters", "page_counts"]
