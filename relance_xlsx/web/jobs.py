"""The page's work once the preview is confirmed: the run, its files, the e-mails, quitting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from ..errors import EmailError
from ..pipeline import (
    AGAIN_PAGE,
    changed_sentence,
    content_hash,
    drafts_of,
    letter_as_pdf,
    pdf_program,
    prepare_send,
    run,
    send,
    what_changed,
)
from .finder import reveal
from .guard import posted
from .pages import go, settings_of, ui
from .plain import page_error
from .preview import future, page_text, preview_warnings, start, version
from .previewnotes import FOLLOW
from .state import JobProgress, UiState
from .views import FILE_HEADERS, render


async def start_run(request: Request) -> Response:
    """The run itself, after the person confirmed the preview (with its « Ne pas envoyer »)."""
    state = ui(request)
    form = await posted(request)
    if state.ledger is None or form.get("confirme") != "oui":
        return go("/apercu")
    ledger, settings, holds = state.ledger, settings_of(state), list(state.holds)
    # The day of the preview confirmed, not the field's: the page may have opened again since.
    shown = state.preview
    day = dt.date.fromisoformat(shown.as_of) if shown is not None else state.day
    done = state.last_run
    if done is not None and done.as_of == day.isoformat() and done.ledger == str(ledger):
        return _already(request, state.ran_at)
    if state.preview is not None and state.preview.done_before:
        return _already(request, None, "/apercu")
    if state.preview is None:  # no preview seen: nothing to confirm
        return go("/apercu")
    seen = state.seen
    # The workbook (saved in Excel), relance.toml or a template changed since the preview:
    # hashed aside, a big workbook takes a while. A new preview, saying what changed.
    changed = await run_in_threadpool(lambda: what_changed(seen, content_hash(ledger), settings))
    if changed:
        return start(request, state, changed_sentence(changed, AGAIN_PAGE))
    if form.get("apercu") != version(state):  # another tab held or released a letter since
        return go("/apercu?change=1")
    if future(day) and form.get("futur") != "oui":  # a date to come: its own tick, always
        return go("/apercu?futur=1")
    pdf = form.get("pdf") == "on" and pdf_program(settings) is not None
    email = form.get("email") == "on"

    def work(progress: JobProgress) -> object:
        result = run(
            ledger, settings, as_of=day, pdf=pdf, email=email, progress=progress, hold=holds,
            expect=seen,
        )  # fmt: skip
        state.last_run, state.ran_at, state.holds = result, dt.datetime.now(), []
        state.sent, state.preview_note = None, None  # another run's send; the note was said
        state.serve_from(result.out_dir)
        return result

    if not state.start("traitement", work):
        message = "Un traitement est déjà en cours : attendez qu'il se termine."
        return render(request, "message.html", 409, message=message, link=FOLLOW)
    return go("/suivi")


def _already(request: Request, at: dt.datetime | None, where: str = "/resultats") -> Response:
    """A second « Confirmer » the same day: nothing is run again; the day's results."""
    when = f" à {at:%H:%M}" if at else ""
    return render(
        request,
        "message.html",
        message=f"Le traitement de ce jour a déjà été fait{when} : ses lettres sont écrites et "
        "le classeur est à jour. Rien n'a été refait.",
        link=(where, "Voir les résultats de ce jour"),
    )


# Where each kind of job shows its outcome.
NEXT_PAGE = {"apercu": "/apercu", "traitement": "/resultats", "envoi": "/envoi"}


async def follow(request: Request) -> Response:
    """The job's progress (the script polls /etat; without it, the page reloads)."""
    state = ui(request)
    if state.job is None:
        return go("/")
    if state.job.finished and not state.job.error:
        return go(NEXT_PAGE[state.job.kind])
    return render(request, "suivi.html", job=state.job)


async def job_state(request: Request) -> Response:
    """The job as JSON, for the progress bar."""
    job = ui(request).job
    return JSONResponse(job.as_json() if job else {"finished": True, "error": None})


async def results(request: Request) -> Response:
    """The files of the run: the print bundle, PDFs, e-mails (to whom, what), the report."""
    state = ui(request)
    result = state.last_run
    if result is None:
        return go("/")
    pdf = Path(result.report).with_suffix(".pdf") if result.report else None
    report_pdf = str(pdf) if pdf is not None and pdf.is_file() else None
    drafts = drafts_of(Path(result.out_dir)) if result.emails else []
    shown = preview_warnings(state.preview) if state.preview is not None else []
    said = [w for w in map(page_text, result.warnings) if w not in shown]
    return render(
        request, "resultats.html", result=result, report_pdf=report_pdf, drafts=drafts,
        ran_at=state.ran_at, warnings=said,
        opened=request.query_params.get("ouvert"),
    )  # fmt: skip


async def download(request: Request) -> Response:
    """A file of an output folder, and nothing else (403 for any other path)."""
    state = ui(request)
    path = state.servable(request.query_params.get("chemin", ""))
    if path is None:
        return render(request, "message.html", 403, message="Ce fichier n'est pas disponible.")
    inline = path.suffix.lower() in (".pdf", ".png")
    return FileResponse(
        path,
        filename=path.name,
        content_disposition_type="inline" if inline else "attachment",
        headers=FILE_HEADERS,
    )


async def letter_pdf(request: Request) -> Response:
    """A letter of the preview as PDF (made by LibreOffice on first asking), shown inline."""
    state = ui(request)
    path = state.servable(request.query_params.get("chemin", ""))
    if path is None or path.suffix.lower() != ".docx":
        return render(request, "message.html", 403, message="Ce fichier n'est pas disponible.")
    # LibreOffice missing or failing: the page's boundary says so (server.refused).
    made = letter_as_pdf(path, settings_of(state))
    return go("/fichier?chemin=" + quote(str(made), safe=""))


async def open_folder(request: Request) -> Response:
    """Open the run's folder in the file manager of this machine, or say why it cannot."""
    state = ui(request)
    await posted(request)
    result = state.last_run
    if result is None or not result.out_dir:
        return go("/resultats")
    why = reveal(Path(result.out_dir))
    return go("/resultats?ouvert=" + quote(why or "oui", safe=""))


async def send_page(request: Request) -> Response:
    """What will be sent, and the second confirmation; the way to the settings when the mail
    server is not set yet."""
    state = ui(request)
    result = state.last_run
    if result is None or not result.emails:
        return render(request, "message.html", message="Aucun e-mail préparé par ce traitement.")
    settings = settings_of(state)
    unset = not settings.smtp.host
    try:
        plan = None if unset else prepare_send(Path(str(result.out_dir)), settings)
    except EmailError as exc:
        return render(request, "message.html", 400, message=page_error(exc), link=TO_SMTP)
    if plan is None:
        message = (
            "Le serveur d'envoi des e-mails n'est pas encore réglé : indiquez-le dans les "
            "réglages (« E-mails : le serveur d'envoi »), essayez-le avec « Tester l'envoi », "
            "puis revenez ici."
        )
        return render(request, "message.html", 400, message=message, link=TO_SMTP)
    return render(request, "envoi.html", plan=plan, sent=_sent(state, plan), error=None)


def _sent(state: UiState, plan: Any) -> Any:
    """The last send, if it was of this run's e-mails (another workbook's, another run's: no)."""
    sent = state.sent
    return sent if sent is not None and sent.folder == str(plan.folder) else None


TO_SMTP = ("/reglages#smtp.host", "Régler le serveur d'envoi")


async def start_send(request: Request) -> Response:
    """Send the drafts through SMTP, as `relance send` does, once confirmed a second time."""
    state = ui(request)
    form = await posted(request)
    result = state.last_run
    if result is None or not result.emails:
        return go("/resultats")
    plan = prepare_send(Path(str(result.out_dir)), settings_of(state))
    if form.get("confirme") != "oui":
        # Said beside the box, which is outlined and focused: the person sees what to tick.
        unconfirmed = "Cochez la case pour confirmer l'envoi."
        return render(
            request, "envoi.html", plan=plan, sent=_sent(state, plan), error=None,
            unconfirmed=unconfirmed,
        )  # fmt: skip

    def work(progress: JobProgress) -> object:
        state.sent = send(plan, progress=progress)
        return state.sent

    if not state.start("envoi", work):
        message = "Un traitement est déjà en cours : attendez qu'il se termine."
        return render(request, "message.html", 409, message=message, link=FOLLOW)
    return go("/suivi")


async def heartbeat(request: Request) -> Response:
    """The page is still open."""
    await posted(request)
    ui(request).alive()
    return JSONResponse({"ok": True})


async def quit_page(request: Request) -> Response:
    """Stop the server (« Quitter »): the page says so, with no link to a stopped server."""
    state = ui(request)
    await posted(request)
    state.closed = True
    state.quit.set()
    return render(request, "ferme.html")


__all__ = [
    "download",
    "follow",
    "heartbeat",
    "job_state",
    "letter_pdf",
    "open_folder",
    "quit_page",
    "results",
    "send_page",
    "start_run",
    "start_send",
]
