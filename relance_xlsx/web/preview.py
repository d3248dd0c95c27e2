"""The week's preview, a decision sheet: what goes, what is left out and why, what to
correct; « Ne pas envoyer » per letter or invoice; a workbook open in Excel caught here."""

from __future__ import annotations

import datetime as dt
import shutil
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import ConfigError
from ..pipeline import HoldBack, ledger_row, open_elsewhere, pdf_program, run, setting_label
from ..wording import DayOutOfRange, typed_day
from .guard import posted
from .pages import go, settings_of, ui
from .state import JobProgress, UiState
from .views import render

# What the clerk sees by default as the date until which a letter waits.
HOLD_DAYS = 7


def form_day(text: str, default: dt.date) -> dt.date:
    """The date of a form: JJ/MM/AAAA or AAAA-MM-JJ, the default when empty."""
    text = text.strip()
    try:
        return typed_day(text) if text else default
    except DayOutOfRange as exc:
        raise ConfigError(f"Date « {text} » refusée : {exc}.") from None
    except ValueError:
        raise ConfigError(f"Date « {text} » illisible : attendu JJ/MM/AAAA.") from None


def start(request: Request, state: UiState) -> Response:
    """Run the preview of state.day, with the holds chosen so far, in its own folder."""
    if state.ledger is None:
        return go("/")
    ledger, settings, day, holds = state.ledger, settings_of(state), state.day, list(state.holds)
    out = state.preview_root / day.isoformat()

    def work(progress: JobProgress) -> object:
        # The page's own temporary folder: last preview's letters go, none is shown stale.
        shutil.rmtree(out, ignore_errors=True)
        result = run(
            ledger, settings, as_of=day, out_dir=out, write_workbook=False, progress=progress,
            hold=holds,
        )  # fmt: skip
        state.preview = result
        state.serve_from(result.out_dir)
        return result

    if not state.start("apercu", work):
        message = "Un traitement est déjà en cours : attendez qu'il se termine."
        return render(request, "message.html", 409, message=message)
    return go("/suivi")


async def start_preview(request: Request) -> Response:
    """The dry run of the week: the letters, nothing written back (« Voir l'aperçu »)."""
    state = ui(request)
    form = await posted(request)
    day = form_day(str(form.get("date", "")), state.day)
    if day != state.day:
        state.holds = []  # chosen for another day's letters
    state.day = day
    return start(request, state)


async def hold(request: Request) -> Response:
    """« Ne pas envoyer » the letters and invoices ticked, until a date, for a reason."""
    state = ui(request)
    form = await posted(request)
    targets = [str(t) for t in form.getlist("sauf") if str(t).strip()]
    if not targets:
        return await _view(
            request, error="Cochez « Ne pas envoyer » pour une lettre ou une facture."
        )
    until = form_day(str(form.get("jusqu_au", "")), state.day + dt.timedelta(days=HOLD_DAYS))
    if until <= state.day:
        return await _view(request, error="La date de reprise doit suivre celle du traitement.")
    reason = " ".join(str(form.get("raison", "")).split())
    kept = [h for h in state.holds if h.target not in targets]
    state.holds = kept + [HoldBack(t, until, reason) for t in dict.fromkeys(targets)]
    return start(request, state)


async def unhold(request: Request) -> Response:
    """Put back a letter or an invoice held back in this preview."""
    state = ui(request)
    form = await posted(request)
    target = str(form.get("cible", ""))
    state.holds = [h for h in state.holds if h.target != target]
    return start(request, state)


async def preview(request: Request) -> Response:
    """What the week will send, and what it will not, with the totals to decide on."""
    return await _view(request)


async def _view(request: Request, error: str | None = None) -> Response:
    state = ui(request)
    result = state.preview
    if result is None or state.ledger is None:
        return go("/")
    settings = settings_of(state)
    opened = open_elsewhere(state.ledger)
    done = state.last_run if _same_day(state.last_run, result) else None
    return render(
        request,
        "apercu.html",
        result=result,
        pdf=pdf_program(settings) is not None,
        opened=opened,
        done=done,
        ran_at=state.ran_at,
        holds=state.holds,
        hold_until=(state.day + dt.timedelta(days=HOLD_DAYS)).isoformat(),
        gaps=[(key, setting_label(key)) for key in result.missing_settings],
        groups=_groups(result.summary.not_chased),
        error=error,
    )


def _same_day(run_result: Any, shown: Any) -> bool:
    """Whether the real run was made on the preview's workbook and date."""
    return (
        run_result is not None
        and run_result.as_of == shown.as_of
        and run_result.ledger == shown.ledger
    )


def _groups(items: list[Any]) -> list[dict[str, Any]]:
    """What is not chased, by reason: the label, the clients' rows, the total amount."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        group = out.setdefault(item.why, {"label": item.label, "rows": [], "amount": 0.0})
        group["rows"].append(item)
        group["amount"] = round(group["amount"] + item.amount, 2)
    return list(out.values())


async def row_page(request: Request) -> Response:
    """A row of the workbook to correct, as Excel shows it: sheet, row, cells, the one at fault."""
    state = ui(request)
    result = state.preview or state.last_run
    if result is None or state.ledger is None:
        return go("/")
    try:
        number = int(request.query_params.get("n", ""))
    except ValueError:
        return render(request, "message.html", 404, message="Cette ligne n'existe pas.")
    column = request.query_params.get("colonne", "")
    cells = await run_in_threadpool(
        ledger_row, state.ledger, result.sheet, result.header_row, number
    )
    problems = [p for p in result.problems if p.row == number]
    return render(
        request, "ligne.html", number=number, sheet=result.sheet, cells=cells, column=column,
        problems=problems,
    )  # fmt: skip


__all__ = [
    "HOLD_DAYS",
    "form_day",
    "hold",
    "preview",
    "row_page",
    "start",
    "start_preview",
    "unhold",
]
