"""The page's « Relevé bancaire » step, before the preview: the statements uploaded or named,
their credits matched to the workbook, the sure ones applied after a confirmation."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message

from ..errors import RelanceError, StatementError
from ..pipeline import MAX_STATEMENT_MB, SURE, match
from ..userfiles import open_fresh
from ..wording import DayOutOfRange, describe_os_error, typed_day
from .guard import posted
from .pages import go, settings_of, ui
from .state import UiState
from .views import render

_MB = 1024 * 1024


class _Step:
    """What the step remembers between its pages: the statements and the last result."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.day: dt.date = dt.date.today()
        self.result: Any = None
        self.applied: Any = None


def _step(request: Request) -> _Step:
    """The step of the workbook now chosen: each workbook keeps its own statement and result,
    never shown, nor applied, under another one (review-clerk3 M2)."""
    app_state = request.app.state
    if not hasattr(app_state, "releves"):
        app_state.releves = {}
    steps: dict[str, _Step] = app_state.releves
    ledger = ui(request).ledger
    key = str(ledger.resolve()) if ledger is not None else ""
    return steps.setdefault(key, _Step())


async def statement_page(request: Request) -> Response:
    """The form (files to upload or paths), and the proposals of the last matching."""
    state = ui(request)
    if state.ledger is None:
        return go("/")
    step = _step(request)
    if step.result is None:
        step.day = state.day  # the run's date, kept from step to step
    return _view(request, step, None)


async def match_statements(request: Request) -> Response:
    """Read the statements and propose; nothing is written into the workbook."""
    state = ui(request)
    try:  # the body is counted while it is read: past the limit, reading stops
        form = await posted(_bounded(request))
    except StatementError as exc:
        return _view(request, _step(request), str(exc))
    if state.ledger is None:
        return go("/")
    step = _step(request)
    try:
        step.day = state.day = _day(str(form.get("date", "")))
        step.paths = await _statements(state, form)
        if not step.paths:
            raise StatementError("Choisissez le fichier du relevé, ou indiquez son chemin.")
        step.result = _matched(state, step, apply=False)
        step.applied = None
    except (RelanceError, OSError) as exc:
        # The last statement's proposals go with it: no « Appliquer » for what is not shown.
        step.paths, step.result, step.applied = [], None, None
        said = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        return _view(request, step, said)
    return _view(request, step, None)


async def apply_statements(request: Request) -> Response:
    """Write the sure payments into the workbook, once the person confirmed."""
    state = ui(request)
    form = await posted(request)
    step = _step(request)
    if state.ledger is None or step.result is None:
        return go("/releve")
    if form.get("confirme") != "oui":
        # Said beside the box, which is outlined and focused: the person sees what to tick.
        unconfirmed = "Cochez la case pour confirmer l'écriture dans le classeur."
        return _view(request, step, None, unconfirmed)
    if state.busy():
        return _view(request, step, "Un traitement est en cours : attendez qu'il se termine.")
    try:
        step.applied = _matched(state, step, apply=True)
        step.result = step.applied
    except RelanceError as exc:
        return _view(request, step, str(exc))
    except OSError as exc:
        return _view(request, step, describe_os_error(exc))
    return _view(request, step, None)


def matched_of(request: Request) -> Any:
    """The last matching of this workbook's statement step (None before any)."""
    return _step(request).result


def _matched(state: UiState, step: _Step, *, apply: bool) -> Any:
    """The library's match, its review workbook in the page's own folder."""
    assert state.ledger is not None
    out = state.preview_root / "releves" / step.day.isoformat()
    result = match(
        state.ledger, step.paths, settings_of(state), as_of=step.day, apply=apply, out_dir=out
    )
    state.serve_from(out)
    return result


async def _statements(state: UiState, form: FormData) -> list[Path]:
    """The uploaded files, kept in the page's private folder, then the paths typed."""
    paths: list[Path] = []
    folder = state.preview_root / "releves" / "fichiers" / secrets.token_hex(6)
    for n, upload in enumerate(form.getlist("fichiers"), start=1):
        if isinstance(upload, UploadFile) and upload.filename:
            # One folder each: two banks' « export.csv » never replace one another.
            paths.append(await _saved(upload, folder / str(n)))
    typed = str(form.get("chemins", ""))
    paths += [
        Path(line.strip().strip('"')).expanduser() for line in typed.splitlines() if line.strip()
    ]
    return paths


async def _saved(upload: UploadFile, folder: Path) -> Path:
    """An uploaded statement written to the page's folder, refused past the size limit."""
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.\- ]", "_", Path(upload.filename or "releve").name)[:80] or "releve"
    target = folder / name
    size = 0
    try:
        with open_fresh(target) as fh:
            while chunk := await upload.read(1 << 20):
                size += len(chunk)
                if size > MAX_STATEMENT_MB * _MB:
                    raise StatementError(
                        f"Le relevé {name} dépasse {MAX_STATEMENT_MB:.0f} Mo : téléchargez "
                        "une période plus courte."
                    )
                fh.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)  # no partial statement left in the page's folder
        raise
    return target


def _bounded(request: Request) -> Request:
    """The request, its body refused past the statements' limit (and a little for the form),
    whether its length is announced or not: a 400 MB upload is never read in full."""
    limit = int(MAX_STATEMENT_MB * _MB) + _MB
    too_big = StatementError(
        f"Les fichiers envoyés dépassent {MAX_STATEMENT_MB:.0f} Mo : un relevé de compte pèse "
        "bien moins ; téléchargez une période plus courte."
    )
    announced = request.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > limit:
        raise too_big
    received = 0
    receive = request.receive

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise too_big
        return message

    return Request(request.scope, counted)


def _day(text: str) -> dt.date:
    text = text.strip()
    try:
        return typed_day(text) if text else dt.date.today()
    except DayOutOfRange as exc:
        raise StatementError(f"Date « {text} » refusée : {exc}.") from None
    except ValueError:
        raise StatementError(f"Date « {text} » illisible : attendu JJ/MM/AAAA.") from None


def _view(
    request: Request, step: _Step, error: str | None, unconfirmed: str | None = None
) -> Response:
    result = step.result
    sure = [p for p in result.proposals if p.status == SURE] if result is not None else []
    return render(
        request,
        "releve.html",
        result=result,
        applied=step.applied,
        sure=sure,
        day=step.day.isoformat(),
        error=error,
        unconfirmed=unconfirmed,
        decision=lambda p: "appliqué" if step.applied and p.status == SURE else p.status,
    )


__all__ = ["apply_statements", "match_statements", "matched_of", "statement_page"]
