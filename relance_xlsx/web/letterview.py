"""A letter of the preview shown as a page, for a machine without LibreOffice: its paragraphs
and tables in order, every value escaped (what it says, not how Word lays it out)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .pages import ui
from .views import render

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def blocks(path: Path) -> list[dict[str, Any]]:
    """The letter's body as blocks: {"text": …} for a paragraph, {"rows": […]} for a table."""
    from docx import Document  # only when a letter is looked at

    body = Document(str(path)).element.body
    out: list[dict[str, Any]] = []
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            text = "".join(t.text or "" for t in child.iter(f"{_W}t"))
            out.append({"text": text})
        elif child.tag == f"{_W}tbl":
            rows = [
                ["".join(t.text or "" for t in cell.iter(f"{_W}t")) for cell in row.iter(f"{_W}tc")]
                for row in child.iter(f"{_W}tr")
            ]
            out.append({"rows": rows})
    return out


async def letter_page(request: Request) -> Response:
    """A letter of an output folder as a page (403 for any other file)."""
    state = ui(request)
    path = state.servable(request.query_params.get("chemin", ""))
    if path is None or path.suffix.lower() != ".docx":
        return render(request, "message.html", 403, message="Ce fichier n'est pas disponible.")
    return render(request, "lettre.html", name=path.name, blocks=blocks(path))


__all__ = ["blocks", "letter_page"]
