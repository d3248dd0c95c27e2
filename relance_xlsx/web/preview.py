"""The week's preview, a decision sheet: what goes, what is left out and why, what to
correct; « Ne pas envoyer » per letter or invoice; a workbook open in Excel caught here."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import ConfigError
from ..pipeline import (
    HoldBack,
    content_hash,
    day_off_note,
    ledger_row,
    open_elsewhere,
    pdf_program,
    preview_digest,
    run,
    setting_label,
)
from ..wording import DayOutOfRange, day_long, typed_day
from .bank import matched_of
from .dayfiles import after_run, day_files
from .guard import posted
from .pages import go, settings_of, ui
from .previewnotes import FOLLOW, faulty_ref, notes, page_text, preview_warnings
from .state import JobProgress, UiState
from .unassigned import bounced, unassigned
from .views import render

# What the clerk sees by default as the date until which a letter waits.
HOLD_DAYS = 7
# Said when the preview a tab confirms is not the one the server holds any more.
CHANGED = "L'aperçu a changé dans un autre onglet : vérifiez-le avant de confirmer."
# Said when « Confirmer » a future date comes without its own tick.
UNTICKED = "Cochez la case de la date future pour confirmer, ou changez la date du traitement."


def future(day: str | dt.date) -> str | None:
    """The warning of a run dated after today (letters would bear a date to come), or None."""
    day = typed_day(day) if isinstance(day, str) else day
    today = dt.date.today()
    if day <= today:
        return None
    return (
        f"Cette date est dans le futur : les lettres seront datées du {day_long(day)} et le "
        f"classeur mis à jour à cette date, alors que nous sommes le {day_long(today)}. "
        "Un traitement plus ancien serait ensuite refusé jusqu'à cette date. Si ce n'est pas "
        "voulu, changez la « Date du traitement » dans les réglages."
    )


def version(state: UiState) -> str:
    """The identity of the preview the server holds: its workbook, day, letters (each
    invoice's amounts) and holds. The confirm form carries it: a tab that shows another
    preview confirms nothing."""
    result = state.preview
    if result is None:
        return ""
    letters = [
        (x.client, x.kind, x.path, round(float(x.total_due), 2),
         [(n.invoice, n.outstanding, n.interest, n.indemnity) for n in x.lines])
        for x in result.letters
    ]  # fmt: skip
    holds = sorted((h.target, h.until.isoformat(), h.reason) for h in state.holds)
    text = repr((result.ledger, result.as_of, letters, holds))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def confirmed(state: UiState) -> str | None:
    """Why the preview shown can no longer change (its day was run), or None."""
    result = state.preview
    if result is None:
        return None
    if _same_day(state.last_run, result) or result.done_before:
        return (
            f"Le traitement du {typed_day(result.as_of):%d/%m/%Y} est déjà confirmé : ses "
            "lettres sont écrites, plus rien ne peut être retenu ni remis. Pour la semaine "
            "prochaine, « Ne pas envoyer » sera proposé dans son aperçu."
        )
    return None


def form_day(text: str, default: dt.date) -> dt.date:
    """The date of a form: JJ/MM/AAAA or AAAA-MM-JJ, the default when empty."""
    text = text.strip()
    try:
        return typed_day(text) if text else default
    except DayOutOfRange as exc:
        raise ConfigError(f"Date « {text} » refusée : {exc}.") from None
    except ValueError:
        raise ConfigError(f"Date « {text} » illisible : attendu JJ/MM/AAAA.") from None


def start(request: Request, state: UiState, note: str | None = None) -> Response:
    """Run the preview of state.day, with the holds chosen so far, in its own folder; note:
    why it was made, said above it."""
    if state.ledger is None:
        return go("/")
    ledger, settings, day, holds = state.ledger, settings_of(state), state.day, list(state.holds)
    # A folder of its own per workbook: another workbook's preview lists are not found there.
    own = hashlib.sha256(str(ledger).encode("utf-8")).hexdigest()[:12]
    out = state.preview_root / own / day.isoformat()

    def work(progress: JobProgress) -> object:
        # The page's own temporary folder: last preview's letters go, none is shown stale.
        shutil.rmtree(out, ignore_errors=True)
        # Before the reading (a change during it is caught); « Confirmer » checks it again.
        seen = preview_digest(content_hash(ledger), settings)
        result = run(
            ledger, settings, as_of=day, out_dir=out, write_workbook=False, progress=progress,
            hold=holds,
        )  # fmt: skip
        state.preview, state.seen, state.preview_note = result, seen, note
        state.serve_from(result.out_dir)
        state.remember(ledger)  # read: a workbook worth offering again
        return result

    if not state.start("apercu", work):
        message = "Un traitement est déjà en cours : attendez qu'il se termine."
        return render(request, "message.html", 409, message=message, link=FOLLOW)
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
    if said := confirmed(state):
        return await _view(request, error=said, status=409)
    targets = [str(t) for t in form.getlist("sauf") if str(t).strip()]
    reason = " ".join(str(form.get("raison", "")).split())
    # On an error the form comes back as it was typed: the ticks, the reason, the date.
    typed = str(form.get("jusqu_au", ""))
    asked = {"targets": targets, "reason": reason, "until": typed}
    if not targets:
        said = "Cochez « Ne pas envoyer » pour une lettre ou une facture."
        return await _view(request, error=said, asked=asked)
    try:
        until = form_day(typed, state.day + dt.timedelta(days=HOLD_DAYS))
    except ConfigError as exc:
        return await _view(request, error=str(exc), asked=asked)
    if until <= state.day:
        said = (
            f"La date « Pas de relance avant le » ({until:%d/%m/%Y}) doit suivre celle du "
            f"traitement ({state.day:%d/%m/%Y}) : rien n'a été retenu."
        )
        return await _view(request, error=said, asked=asked)
    kept = [h for h in state.holds if h.target not in targets]
    state.holds = kept + [HoldBack(t, until, reason) for t in dict.fromkeys(targets)]
    return start(request, state)


async def unhold(request: Request) -> Response:
    """Put back a letter or an invoice held back in this preview."""
    state = ui(request)
    form = await posted(request)
    if said := confirmed(state):
        return await _view(request, error=said, status=409)
    target = str(form.get("cible", ""))
    state.holds = [h for h in state.holds if h.target != target]
    return start(request, state)


async def preview(request: Request) -> Response:
    """What the week will send, and what it will not, with the totals to decide on."""
    said = {"change": CHANGED, "futur": UNTICKED}
    asked = [text for key, text in said.items() if request.query_params.get(key) == "1"]
    return await _view(request, error=asked[0] if asked else None)


async def _view(
    request: Request, error: str | None = None, status: int = 200, asked: Any = None
) -> Response:
    state = ui(request)
    result = state.preview
    if result is None or state.ledger is None:
        return go("/")
    settings = settings_of(state)
    opened = open_elsewhere(state.ledger)
    done = state.last_run if _same_day(state.last_run, result) else None
    # The page opened again after the day's run: that run's files, not a second run.
    earlier = day_files(state.ledger, result.as_of) if result.done_before and not done else None
    if earlier is not None:
        state.serve_from(earlier.folder)
    credits = unassigned(matched_of(request), state.ledger, result.invoices)
    return render(
        request,
        "apercu.html",
        status,
        result=result,
        version=version(state),
        frozen=confirmed(state) is not None or state.busy(),
        **notes(state, result),
        pdf=pdf_program(settings) is not None,
        opened=opened,
        done=done,
        after=after_run(result.as_of, len(result.letters)) if done and result.done_before else None,
        earlier=earlier,
        credits=credits,
        bounced=bounced(matched_of(request), state.ledger),
        warnings=preview_warnings(result),
        future=future(result.as_of),
        day_off=day_off_note(result.as_of),
        asked=asked or {"targets": [], "reason": "", "until": ""},
        owners={i.invoice: i.client for i in result.invoices if i.invoice},
        credits_of={c.client: [x for x in credits if x.client == c.client] for c in credits},
        ran_at=state.ran_at,
        holds=state.holds,
        hold_until=(state.day + dt.timedelta(days=HOLD_DAYS)).isoformat(),
        gaps=[(key, setting_label(key)) for key in result.missing_settings],
        groups=_groups(result.summary.not_chased),
        error=error or state.preview_note,
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
        number = 0
    if number < 1:
        return render(request, "message.html", 404, message="Cette ligne n'existe pas.")
    column = request.query_params.get("colonne", "")
    cells = await run_in_threadpool(
        ledger_row, state.ledger, result.sheet, result.header_row, number
    )
    problems = [p for p in result.problems if p.row == number]
    fault = faulty_ref(cells, column)
    return render(
        request, "ligne.html", number=number, sheet=result.sheet, cells=cells, fault=fault,
        example=fault or f"A{max(number, 1)}", problems=problems,
    )  # fmt: skip


__all__ = [
    "CHANGED",
    "HOLD_DAYS",
    "confirmed",
    "form_day",
    "future",
    "hold",
    "page_text",
    "preview",
    "preview_warnings",
    "row_page",
    "start",
    "start_preview",
    "unhold",
    "version",
]
