"""Opening the page in the browser without showing its token to the other users.

The page's address holds its token (`?jeton=…`): given to the browser on its command line,
any user of this machine reads it in the process list (`ps`) and can drive the page. So, as
Jupyter does, the browser is given a small HTML file instead, readable by this user only
(0600, in a private folder), that sends it on to the address by a plain GET navigation (the
token becomes the page's cookie there, as when the address is typed). The file is removed
when the server stops.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "relance-ouverture-"
NAME = "ouvrir-la-page.html"


def redirect_file(url: str) -> Path:
    """A new private file whose opening sends the browser on to url (the page's address)."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))  # 0700: this user's only
    path = folder / NAME
    shown = html.escape(url, quote=True)
    text = (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0;url={shown}">\n'
        "<title>Relances</title></head>\n<body>\n"
        f'<p><a href="{shown}">Ouvrir la page de relance</a></p>\n'
        f"<script>location.replace({json.dumps(url)});</script>\n</body></html>\n"
    )
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fp:
        fp.write(text)
    return path


def remove_redirect(path: Path | None) -> None:
    """The redirect file and its folder, gone (only a folder this module made)."""
    if path is not None and path.parent.name.startswith(PREFIX):
        with contextlib.suppress(OSError):
            shutil.rmtree(path.parent)


__all__ = ["redirect_file", "remove_redirect"]
