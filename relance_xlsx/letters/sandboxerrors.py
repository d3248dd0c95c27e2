"""The sandbox's errors as a template's author reads them: in French, and where."""

from __future__ import annotations

import re

import jinja2
from jinja2.exceptions import SecurityError

_UNDEFINED = re.compile(r"^'(?P<name>[^']*)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'(?P<owner>[^']*)' has no attribute '(?P<name>[^']*)'$")
_UNSAFE = re.compile(
    r"^access to attribute '(?P<name>[^']*)' of '(?P<owner>[^']*)' object is unsafe"
)


def template_line(exc: BaseException | None) -> int | None:
    """The template's line where the error was raised (the innermost template frame)."""
    tb, line = exc.__traceback__ if exc is not None else None, None
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return line


def in_french(exc: BaseException | None) -> jinja2.TemplateError | None:
    """Jinja's own messages a template author meets, in French (the variable named)."""
    text = str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        if found := _UNDEFINED.match(text):
            return jinja2.UndefinedError(f"la variable « {found['name']} » n'existe pas")
        if found := _NO_ATTRIBUTE.match(text):
            return jinja2.UndefinedError(f"« {found['name']} » n'existe pas dans cette variable")
    if isinstance(exc, SecurityError) and (found := _UNSAFE.match(text)):
        return SecurityError(f"l'attribut « {found['name']} » est interdit dans un modèle")
    return None


__all__ = ["in_french", "template_line"]
