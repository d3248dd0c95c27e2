"""The local page (relance ui): a thin shell over the library, the only package that
imports the web framework. Served on a loopback address of its own (127.x.y.z), in French,
for the clerk who never opens a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from .server import Running, create_app, running_page, serve, start
from .shortcut import make_shortcut


def main() -> None:
    """The relance-ui launcher: the page, on the workbook dropped on it if any."""
    dropped = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    browser = "--sans-navigateur" not in sys.argv[1:]
    serve(Path(dropped).resolve() if dropped else None, open_browser=browser, say=_say)


def _say(text: str) -> None:
    # Under pythonw (the Windows launcher) there is no console: stdout is None.
    if sys.stdout is not None:
        print(text, flush=True)


__all__ = ["Running", "create_app", "main", "make_shortcut", "running_page", "serve", "start"]
