"""What a person sees: progress bars on stderr, summary tables, and the JSON document.

Rich only; the command line (cli) decides when to call these.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bank import render_match
    from .console import Bar, err, out, print_json
    from .figures import render_report
    from .others import render_check, render_send
    from .runs import render_run

# Each name's module, imported on first use: `relance check` shows no run, no bank match, no
# report, and their modules import the letters, the bank and the mail (issue 35).
_WHERE = {
    "render_match": ".bank",
    "Bar": ".console",
    "err": ".console",
    "out": ".console",
    "print_json": ".console",
    "render_report": ".figures",
    "render_check": ".others",
    "render_send": ".others",
    "render_run": ".runs",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value  # later uses find it at once
    return value


__all__ = [
    "Bar",
    "err",
    "out",
    "print_json",
    "render_check",
    "render_match",
    "render_report",
    "render_run",
    "render_send",
]
