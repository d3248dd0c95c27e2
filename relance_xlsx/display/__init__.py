"""What a person sees: progress bars on stderr, summary tables, and the JSON document.

Rich only; the command line (cli) decides when to call these.
"""

from .bank import render_match
from .console import Bar, err, out, print_json
from .figures import render_report
from .others import render_check, render_send
from .runs import render_run

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
