"""The page's first steps: choose the workbook, fill or correct the settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..config import CONFIG_NAME, Settings, find_config, load_settings, write_values
from ..errors import ConfigError, EmailError
from ..pipeline import (
    has_keyring,
    letters_need,
    password_known,
    pdf_program,
    send_test_message,
    setting_label,
)
from .finder import find_workbooks, user_folders
from .forms import FIELDS, SECTIONS, current_values, read_form, shown_values
from .guard import posted
from .mailsettings import edited, keep_password
from .plain import page_error
from .state import UiState
from .views import render

WORKBOOKS = (".xlsx", ".xlsm")


def ui(request: Request) -> UiState:
    """The page's memory."""
    state: UiState = request.app.state.ui
    return state


def config_path(state: UiState) -> Path | None:
    """The relance.toml the workbook uses: beside it, else the one found, else none yet."""
    if state.ledger is None:
        return None
    return find_config(None, state.ledger) or state.ledger.parent / CONFIG_NAME


def settings_of(state: UiState) -> Settings:
    """The settings in force for the chosen workbook (the defaults without relance.toml)."""
    path = config_path(state)
    return load_settings(path) if path is not None and path.is_file() else Settings()


def go(path: str) -> RedirectResponse:
    """After a post, to the page that shows its outcome (303: the browser GETs it)."""
    return RedirectResponse(path, status_code=303)


async def home(request: Request) -> Response:
    """Choose the workbook: one found in Documents, Desktop, Downloads, a recent one, a path."""
    return await run_in_threadpool(_home, request, None, "")


def _home(request: Request, error: str | None, typed: str) -> Response:
    state = ui(request)
    if not state.busy():  # the page opened: today's date, never one kept from another day
        state.day = dt.date.today()
    found = find_workbooks(user_folders(state.home))
    return render(request, "accueil.html", recent=state.recent(), found=found, error=error,
                  typed=typed)  # fmt: skip


async def choose(request: Request) -> Response:
    """Take the workbook typed or picked: it must exist and be an Excel workbook."""
    state = ui(request)
    form = await posted(request)
    typed = str(form.get("classeur", "")).strip().strip('"')
    error = workbook_error(typed)
    if error:
        return await run_in_threadpool(_home, request, error, typed)
    # Into « Vos classeurs récents » once a preview has read it (preview.start): an empty or
    # damaged file is never offered again.
    chosen = Path(typed).expanduser().resolve()
    if chosen != state.ledger:
        state.sent = None  # another workbook's send is not said on this one's e-mails page
    state.ledger = chosen
    # Each workbook starts on today's date: a date tried on another one is not kept.
    state.preview, state.holds, state.day = None, [], dt.date.today()
    return go("/reglages")


def workbook_error(typed: str) -> str | None:
    """Why this path is no workbook to work on (in French), or None."""
    if not typed:
        return "Indiquez le chemin du classeur Excel des factures, ou choisissez-le dans la liste."
    path = Path(typed).expanduser()
    if path.is_dir():
        return (
            f"« {typed} » est un dossier, pas un classeur : indiquez le fichier Excel des "
            "factures qu'il contient, ou choisissez-le dans la liste."
        )
    if not path.is_file():
        return f"Le fichier « {typed} » est introuvable : vérifiez le chemin."
    if path.suffix.lower() not in WORKBOOKS:
        return (
            f"« {path.name} » n'est pas un classeur .xlsx : ouvrez-le dans Excel ou "
            "LibreOffice puis « Enregistrer sous… » au format .xlsx (« Classeur Excel » dans "
            "Excel, « Excel 2007-365 » dans LibreOffice), et choisissez ici le nouveau fichier."
        )
    return None


async def settings_page(request: Request) -> Response:
    """The creditor, policy and mail-server form, filled from relance.toml."""
    state = ui(request)
    if state.ledger is None:
        return go("/")
    try:
        values: dict[str, Any] = current_values(settings_of(state))
        problem = None
    except ConfigError as exc:  # a broken relance.toml: say it, let the form rewrite it
        values, problem = current_values(Settings()), str(exc)
    said = dict([state.notice]) if state.notice else {}  # the test message's outcome, once
    state.notice = None
    return _settings_view(request, state, values, {}, problem, **said)


async def save_settings(request: Request) -> Response:
    """Check every field; write relance.toml (comments kept) when all are right; keep the
    mail server's password in the keyring (or, when the person insists, in the file)."""
    state = ui(request)
    form = await posted(request)
    values, errors = read_form(form)
    shown = shown_values({f"{s}.{k}": v for s, keys in values.items() for k, v in keys.items()})
    shown.update({name: form.get(name, "") for name in errors})
    path = config_path(state)
    if errors or path is None:
        return _settings_view(request, state, shown, errors, None)
    password = str(form.get("smtp.password", "") or "")
    insist = form.get("smtp.password_in_file") == "on"
    try:
        said = keep_password(values, password, insist)
        write_values(path, values)
    except (ConfigError, EmailError) as exc:
        return _settings_view(request, state, shown, {}, page_error(exc))
    saved = said or "Réglages enregistrés."
    return _settings_view(request, state, shown, {}, None, saved=saved + _still_needed(state))


def _still_needed(state: UiState) -> str:
    """What the letters still need once the settings are saved (the company's mentions for
    the legal form chosen…): said at once, not found out one preview at a time."""
    settings = _settings_or_none(state)
    gaps = letters_need(settings)[1] if settings is not None else []
    if not gaps:
        return ""
    names = [f"« {setting_label(key)} »" for key in gaps]
    listed = ", ".join(names[:-1]) + " et " + names[-1] if len(names) > 1 else names[0]
    return (
        f" Les lettres ne peuvent pas encore partir : à compléter, {listed} (marqué"
        f"{'s' if len(names) > 1 else ''} d'un * ci-dessous)."
    )


async def try_mail(request: Request) -> Response:
    """« Tester l'envoi »: a message to the creditor's own address, through the server set;
    then back to the settings (post-redirect-get: reloading the page sends nothing again)."""
    state = ui(request)
    form = await posted(request)
    current = _current(state)
    if changed := edited(form, current):  # kept on screen, not thrown away, not tried
        shown = {**current, **{n: form.get(n, "") for n in current if n in form}}
        said = (
            f"Enregistrez d'abord vos modifications ({', '.join(changed)}) : l'essai part "
            "avec les réglages enregistrés. Rien n'a été envoyé."
        )
        return _settings_view(request, state, shown, {}, None, tried=said)
    try:
        to = await run_in_threadpool(send_test_message, settings_of(state))
        state.notice = (
            "sent",
            f"Message d'essai envoyé à {to} : vérifiez qu'il est arrivé dans votre boîte.",
        )
    except (ConfigError, EmailError) as exc:
        state.notice = ("tried", page_error(exc))
    return go("/reglages")


def _settings_view(
    request: Request,
    state: UiState,
    values: dict[str, Any],
    errors: dict[str, str],
    problem: str | None,
    **said: str,
) -> Response:
    settings = _settings_or_none(state)
    # The legal form's mentions are required as its other fields are: marked with their *.
    needed, gaps = letters_need(settings) if settings is not None else ([], [])
    return render(
        request,
        "reglages.html",
        needed=set(needed),
        gaps=set(gaps),
        fields=FIELDS,
        sections=SECTIONS,
        values=values,
        errors=errors,
        problem=problem,
        saved=said.get("saved"),
        sent=said.get("sent"),
        tried=said.get("tried"),
        config=config_path(state),
        soffice=pdf_program(settings or Settings()),
        keyring=has_keyring(),
        password=password_known(settings.smtp) if settings else None,
    )


def _current(state: UiState) -> dict[str, Any]:
    """The form's values from the settings in force (the defaults when relance.toml is broken)."""
    settings = _settings_or_none(state)
    return current_values(settings or Settings())


def _settings_or_none(state: UiState) -> Settings | None:
    try:
        return settings_of(state)
    except ConfigError:
        return None


__all__ = [
    "choose",
    "config_path",
    "go",
    "home",
    "save_settings",
    "settings_of",
    "settings_page",
    "try_mail",
]
