"""The page's work: the week's preview, the run once confirmed, its files, the e-mails."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from ..errors import ConfigError
from ..letters import convert_to_pdf, soffice_binary
from ..pipeline import prepare_send, run, send
from ..wording import typed_day
from .guard import posted
from .pages import go, settings_of, ui
from .state import JobProgress
from .views import SECURITY_HEADERS, render


def _day(text: str) -> dt.date:
    """The date of the run: JJ/MM/AAAA or AAAA-MM-JJ (the date field), today when empty."""
    text = text.strip()
    try:
        return typed_day(text) if text else dt.date.today()
    except ValueError:
        raise ConfigError(f"Date « {text} » illisible : attendu JJ/MM/AAAA.") from None


async def start_preview(request: Request) -> Response:
    """The dry run of the week, in a folder of its own: the letters, nothing written back."""
    state = ui(request)
    form = await posted(request)
    if state.ledger is None:
        return go("/")
    ledger, settings = state.ledger, settings_of(state)
    day = _day(str(form.get("date", "")))
    out = state.preview_root / day.isoformat()

    def work(progress: JobProgress) -> object:
        # The page's own temporary folder: last preview's letters go, none is shown stale.
        shutil.rmtree(out, ignore_errors=True)
        result = run(
            ledger, settings, as_of=day, out_dir=out, write_workbook=False, progress=progress
        )
        state.preview = result
        state.serve_from(result.out_dir)
        return result

    return _started(request, state.start("apercu", work))


async def preview(request: Request) -> Response:
    """What the week will send: per client its letter, invoices, amount and reason."""
    state = ui(request)
    result = state.preview
    if result is None:
        return go("/")
    reasons: dict[str, list[object]] = {}
    for invoice in result.invoices:
        reasons.setdefault(invoice.client, []).append(invoice)
    return render(
        request,
        "apercu.html",
        result=result,
        reasons=reasons,
        pdf=soffice_binary(settings_of(state).soffice) is not None,
    )


async def start_run(request: Request) -> Response:
    """The run itself, after the person confirmed the preview."""
    state = ui(request)
    form = await posted(request)
    if state.ledger is None or form.get("confirme") != "oui":
        return go("/apercu")
    ledger, settings = state.ledger, settings_of(state)
    day = _day(str(form.get("date", "")))
    pdf = form.get("pdf") == "on" and soffice_binary(settings.soffice) is not None
    email = form.get("email") == "on"

    def work(progress: JobProgress) -> object:
        result = run(ledger, settings, as_of=day, pdf=pdf, email=email, progress=progress)
        state.last_run = result
        state.serve_from(result.out_dir)
        return result

    return _started(request, state.start("traitement", work))


def _started(request: Request, started: bool) -> Response:
    if not started:
        message = "Un traitement est déjà en cours : attendez qu'il se termine."
        return render(request, "message.html", 409, message=message)
    return go("/suivi")


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
    """The files of the run: the print bundle, PDFs, e-mail drafts, the report."""
    result = ui(request).last_run
    if result is None:
        return go("/")
    pdf = Path(result.report).with_suffix(".pdf") if result.report else None
    report_pdf = str(pdf) if pdf is not None and pdf.is_file() else None
    return render(request, "resultats.html", result=result, report_pdf=report_pdf)


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
        headers={k: v for k, v in SECURITY_HEADERS.items() if k != "Content-Security-Policy"},
    )


async def letter_pdf(request: Request) -> Response:
    """A letter of the preview as PDF (made by LibreOffice on first asking), shown inline."""
    state = ui(request)
    path = state.servable(request.query_params.get("chemin", ""))
    if path is None or path.suffix.lower() != ".docx":
        return render(request, "message.html", 403, message="Ce fichier n'est pas disponible.")
    made = path.with_name("pdf") / (path.stem + ".pdf")
    if not made.is_file():
        # LibreOffice missing or failing: the page's boundary says so (server.refused).
        convert_to_pdf([path], made.parent, soffice=settings_of(state).soffice)
    return go("/fichier?chemin=" + quote(str(made), safe=""))


async def open_folder(request: Request) -> Response:
    """Open the run's folder in the file manager of this machine."""
    state = ui(request)
    await posted(request)
    result = state.last_run
    if result is not None and result.out_dir:
        reveal(Path(result.out_dir))
    return go("/resultats")


def reveal(folder: Path) -> None:
    """Show a folder in Explorer, the Finder or the desktop's file manager."""
    if sys.platform == "win32":
        os.startfile(folder)  # type: ignore[attr-defined]
    else:
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        # No file manager (a server): the page shows the folder's path anyway.
        with contextlib.suppress(OSError):
            subprocess.Popen([opener, str(folder)])


async def send_page(request: Request) -> Response:
    """What will be sent, and the second confirmation."""
    state = ui(request)
    result = state.last_run
    if result is None or not result.emails:
        return render(request, "message.html", message="Aucun e-mail préparé par ce traitement.")
    plan = prepare_send(Path(str(result.out_dir)))
    return render(request, "envoi.html", plan=plan, sent=state.sent, error=None)


async def start_send(request: Request) -> Response:
    """Send the drafts through SMTP, as `relance send` does, once confirmed a second time."""
    state = ui(request)
    form = await posted(request)
    result = state.last_run
    if result is None or not result.emails:
        return go("/resultats")
    plan = prepare_send(Path(str(result.out_dir)))
    if form.get("confirme") != "oui":
        error = "Cochez la case pour confirmer l'envoi."
        return render(request, "envoi.html", plan=plan, sent=state.sent, error=error)

    def work(progress: JobProgress) -> object:
        state.sent = send(plan, progress=progress)
        return state.sent

    return _started(request, state.start("envoi", work))


async def heartbeat(request: Request) -> Response:
    """The page is still open."""
    await posted(request)
    ui(request).alive()
    return JSONResponse({"ok": True})


async def quit_page(request: Request) -> Response:
    """Stop the server (« Quitter »)."""
    state = ui(request)
    await posted(request)
    state.quit.set()
    return render(
        request, "message.html", message="Relance est arrêté : vous pouvez fermer cet onglet."
    )


__all__ = [
    "download",
    "follow",
    "heartbeat",
    "job_state",
    "letter_pdf",
    "open_folder",
    "preview",
    "quit_page",
    "results",
    "send_page",
    "start_preview",
    "start_run",
    "start_send",
]
