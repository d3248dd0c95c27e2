"""The page's HTML: Jinja2 templates in web/templates, every value escaped (a client's name
is text, never markup), French amounts and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..pipeline import kind_label, missing_phrase, page_words
from ..wording import date_short, money

HERE = Path(__file__).resolve().parent
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every {{ value }} is escaped, whatever the template's name
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["money"] = lambda v: money(float(v or 0))
_ENV.filters["kind"] = lambda k: kind_label(str(k))
_ENV.filters["language"] = lambda code: {"fr": "français", "en": "anglais"}.get(str(code), code)
_ENV.filters["name"] = lambda p: Path(str(p)).name
_ENV.filters["folder"] = lambda p: Path(str(p)).parent.name  # a backup's hidden folder
_ENV.filters["url"] = lambda p: quote(str(p), safe="")
# A letter's missing settings are said once for all letters, above them: not on each.
_ENV.filters["lacking"] = lambda items: missing_phrase([str(m) for m in items])
_ENV.tests["settings_gap"] = lambda text: str(text).startswith("dans vos réglages")
# The run's messages name its folders (« a_completer/ »): the page names what it shows.
_ENV.filters["plain"] = lambda text: str(text).replace(
    "va dans a_completer/", "va dans « Lettres à compléter » (ci-dessus)"
)
# A message's failure, from the mail server: the settings by the names of their fields.
_ENV.filters["mail"] = lambda text: page_words(str(text))
_ENV.filters["day"] = lambda iso: date_short(dt.date.fromisoformat(str(iso)))


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page of the site, with what every page shows (the workbook, a job running)."""
    state = request.app.state.ui
    # A step may show a date of its own (the statement's); else the run's date, kept across steps.
    shared = {
        "jeton": state.token,
        "ledger": state.ledger,
        "busy": state.busy(),
        "closed": state.closed,
        "day": state.day.isoformat(),
    }
    page = _ENV.get_template(template).render({**shared, **context})
    return HTMLResponse(page, status_code=status, headers=SECURITY_HEADERS)


# No script, style or frame from anywhere but this page; nothing is ever cached.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer makes Chrome post « Origin: null »
    "Cache-Control": "no-store",
}

# A file of a run (a PDF shown inline, a Word file): framed by no page, not even of this
# machine (the page's own policy would keep the browser's PDF viewer from showing it).
FILE_HEADERS = {
    **{k: v for k, v in SECURITY_HEADERS.items() if k != "Content-Security-Policy"},
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
}

__all__ = ["FILE_HEADERS", "SECURITY_HEADERS", "render"]
