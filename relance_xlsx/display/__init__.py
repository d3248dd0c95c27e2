"""What a person sees: progress bars on stderr, summary tables, and the JSON document.

Rich only; the command line (cli) decides when to call these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import on_first_use

if TYPE_CHECKING:
    from .bank import render_match
    from .console import SPLICE, Bar, err, out, print_json
    from .figures import render_report
    from .others import render_check, render_send
    from .runs import render_run

# Each name's module, imported on first use: `relance check` shows no run, no bank match, no
# report, and their modules import the letters, the bank and the mail (issue 35).
_WHERE = {
    "render_match": ".bank",
    "SPLICE": ".console",
    "Bar": ".console",
    "err": ".console",
    "out": ".console",
    "print_json": ".console",
    "render_report": ".figures",
    "render_check": ".others",
    "render_send": ".others",
    "render_run": ".runs",
}


__getattr__ = on_first_use(__name__, globals(), _WHERE)


__all__ = [
    "SPLICE",
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
