"""What a template may say to each type of client: only the articles of that client's law,
never another law's claims (`relance templates check`, and the run before any letter).

A template is filled for a business, a public buyer and a consumer in turn; what it prints for
each is read back. A consumer is owed neither the 40 € nor L441-10 penalties (CPCE L111-8); a
public buyer is never threatened with an injonction de payer or a seizure (CGPPP L2311-1: its
route is the administrative court); between businesses and with public buyers interest runs
from the due date, never « from this notice ».
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx import Document
from docxtpl import DocxTemplate

from .render import TemplateIssue, jinja_env
from .truth import ALLOWED, TYPE_NAMES

# Words of the business-to-business claim, which a letter to a consumer never contains.
_B2B_WORDS = ("D441-5", "L441-10", "indemnité forfaitaire", "fixed compensation")
_WRONG = {
    "consumer": (*_B2B_WORDS, "R2192"),
    "public": ("injonction de payer", "order for payment", "saisie", "fait courir les intérêts"),
    "business": ("fait courir les intérêts", "référé-provision", "R2192", "L2192"),
}
_ARTICLES = re.compile(r"\b(L441-10|D441-5|L2192-13|R2192-3[12]|R541-1|1231-6|1344(?:-1)?)\b")
_FIX = {
    "consumer": "ni l'indemnité de 40 € ni les pénalités L441-10 ne sont dues à un particulier "
    "(CPCE L111-8) : placez la phrase entre {%p if not debtor.consumer %} et {%p endif %}",
    "public": "un acheteur public relève du Code de la commande publique et du tribunal "
    "administratif (référé-provision), jamais de l'injonction de payer ni d'une saisie : "
    "placez la phrase entre {%p if not debtor.public %} et {%p endif %}",
    "business": "entre professionnels, les pénalités courent dès le lendemain de l'échéance "
    "(L441-10), pas à compter de la mise en demeure : réservez la phrase aux particuliers "
    "({%p if debtor.consumer %})",
}


def _rendered(path: Path, context: dict[str, Any]) -> str | None:
    out = io.BytesIO()
    try:
        doc = DocxTemplate(str(path))
        doc.render(context, jinja_env=jinja_env(), autoescape=True)
        doc.save(out)
    except Exception:
        return None  # check_template says what is broken
    return _text(out)


def issues_for(path: Path, context: dict[str, Any], client_type: str) -> list[TemplateIssue]:
    """What the template prints for this type of client that its law does not allow."""
    text = _rendered(path, context)
    if text is None:
        return []
    words = [w for w in _WRONG[client_type] if w in text]
    if client_type == "consumer":
        amount = str(context.get("legal", {}).get("indemnity_amount", ""))
        words += [amount] if amount and amount in text else []
    cited = sorted(set(_ARTICLES.findall(text)) - ALLOWED[client_type])
    found = [
        TemplateIssue(
            path, w, f"écrit pour un client {TYPE_NAMES[client_type]} : {_FIX[client_type]}"
        )
        for w in words
    ]
    found += [
        TemplateIssue(
            path,
            f"article {a}",
            f"cité pour un client {TYPE_NAMES[client_type]}, dont la loi ne le prévoit pas : "
            "placez la phrase sous la condition de son type de client",
        )
        for a in cited
        if not any(a in w for w in words)
    ]
    return found


def consumer_issues(path: Path, context: dict[str, Any]) -> list[TemplateIssue]:
    """The B2B wording a template prints for a consumer (it must sit in an « if »)."""
    mine = {
        **context,
        "debtor": {**context["debtor"], "consumer": True, "public": False, "type": "consumer"},
    }
    return issues_for(path, mine, "consumer")


def law_issues(path: Path, language: str, kind: str) -> list[TemplateIssue]:
    """What the template says to a business, a public buyer or a consumer that is not of
    that client's law (filled with a sample letter of each type)."""
    from .sample import sample_context

    found: list[TemplateIssue] = []
    for client_type in ("business", "public", "consumer"):
        context = sample_context(language, kind, client_type=client_type)
        found += issues_for(path, context, client_type)
    return found


@lru_cache(maxsize=64)
def _uses_parts(path: str, mtime_ns: int) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            xml = zf.read("word/document.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return re.search(r"\bparts\b", re.sub(r"<[^>]+>", "", xml)) is not None


def uses_parts(path: Path) -> bool:
    """Whether a template lists a letter's parts (each invoice at its own stage)."""
    return _uses_parts(str(path), path.stat().st_mtime_ns)


def _text(data: io.BytesIO) -> str:
    doc = Document(io.BytesIO(data.getvalue()))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


__all__ = ["consumer_issues", "issues_for", "law_issues", "uses_parts"]
