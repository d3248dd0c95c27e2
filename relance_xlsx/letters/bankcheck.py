"""An office's old copy of a bundled template writes « ({{ creditor.bank }}) »: with no bank
in the settings its letters print « () ». The bundled templates print creditor.bank_line
(« (Banque Exemple) » or nothing); an office's template is never changed behind its back:
`relance templates check` warns, naming the template and the line."""

from __future__ import annotations

import re
from pathlib import Path

from .render import TemplateIssue, template_paragraphs
from .templatefile import checked_template

_BARE = re.compile(r"\(\s*\{\{-?\s*creditor\.bank\s*-?\}\}\s*\)")
_GUARD = re.compile(r"\{%-?p?\s*if\s+creditor\.bank\b")
_SHOWN = 90


def bank_warnings(path: Path) -> list[TemplateIssue]:
    """Each paragraph printing « ({{ creditor.bank }}) » with no « {% if creditor.bank %} »
    around it: « () » on the letters of an office that gives no bank."""
    try:
        texts = template_paragraphs(checked_template(path, "modèle"))
    except Exception:  # check_template says what is unsafe or unreadable
        return []
    found = []
    for n, text in enumerate(texts, start=1):
        bare = _BARE.search(text)
        before = texts[n - 2] if n > 1 else ""
        if bare is None or _GUARD.search(text[: bare.start()]) or _GUARD.search(before):
            continue
        shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
        found.append(
            TemplateIssue(
                path,
                shown,
                f"paragraphe {n} : « ({{{{ creditor.bank }}}}) » imprime « () » quand la banque "
                "n'est pas renseignée ; écrivez {{ creditor.bank_line }} à la place",
            )
        )
    return found


__all__ = ["bank_warnings"]
