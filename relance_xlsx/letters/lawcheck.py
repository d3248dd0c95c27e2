"""What a template may not say to a consumer: the B2B indemnity and penalties (CPCE L111-8)."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from docx import Document
from docxtpl import DocxTemplate

from .render import TemplateIssue, jinja_env

# Words of the business-to-business claim, which a letter to a consumer never contains.
_B2B_WORDS = ("D441-5", "L441-10", "indemnité forfaitaire", "fixed compensation")


def consumer_issues(path: Path, context: dict[str, Any]) -> list[TemplateIssue]:
    """The B2B wording a template prints for a consumer (it must sit in an « if »)."""
    mine = copy.deepcopy(context)
    mine["debtor"] = {**mine["debtor"], "consumer": True, "public": False}
    out = io.BytesIO()
    try:
        doc = DocxTemplate(str(path))
        doc.render(mine, jinja_env=jinja_env(), autoescape=True)
        doc.save(out)
    except Exception:
        return []
    text = _text(out)
    amount = str(mine.get("legal", {}).get("indemnity_amount", ""))
    words = [w for w in (*_B2B_WORDS, amount) if w and w in text]
    return [
        TemplateIssue(
            path,
            word,
            "écrit aussi pour un particulier, à qui ni l'indemnité de 40 € ni les pénalités "
            "L441-10 ne sont dues (CPCE L111-8) : placez la phrase entre "
            "{%p if not debtor.consumer %} et {%p endif %}",
        )
        for word in words
    ]


def _text(data: io.BytesIO) -> str:
    doc = Document(io.BytesIO(data.getvalue()))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


__all__ = ["consumer_issues"]
