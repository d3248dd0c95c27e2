"""Where a template's filling failed, said to its author as a line: « (ligne 12) »."""

from __future__ import annotations

import re
from typing import Any

import jinja2

# A Word template is compiled without line breaks: its lines are its paragraphs, as the
# syntax errors count them (compiled.py), once a break is put before each.
_LINED = re.compile(r"<w:p([ >])")


def at_line(exc: BaseException) -> str:
    """« (ligne N) » from the error the sandbox raised, or nothing."""
    line = getattr(exc, "template_line", None)
    return f" (ligne {line})" if line else ""


def paragraph_line(template: jinja2.Template, context: dict[str, Any]) -> str:
    """« (ligne N) »: the paragraph of a Word template where its filling fails, found by
    filling it again with a line per paragraph (only once it failed: it costs a filling)."""
    source = getattr(template, "relance_source", None)
    if source is None:
        return ""
    env = template.environment
    try:
        lined = env.from_string(_LINED.sub("\n<w:p\\1", source))
        start = getattr(env, "start", None)
        if start is not None:
            start()
        lined.render(context)
    except jinja2.TemplateError as exc:
        return at_line(exc)
    return ""


__all__ = ["at_line", "paragraph_line"]
