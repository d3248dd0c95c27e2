"""The command line, a thin shell over the library: the only package that imports typer."""

from __future__ import annotations

from . import bank, page, reporting, setup  # noqa: F401  (register `match`, `ui`, `report`, `init`, `templates check`)
from .commands import app, main, parse_day, settings_for

__all__ = ["app", "main", "parse_day", "settings_for"]
