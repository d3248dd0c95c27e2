"""The page's first steps: choose the workbook, fill or correct the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..config import CONFIG_NAME, Settings, find_config, load_settings, write_values
from ..errors import ConfigError
from ..letters import soffice_binary
from .forms import FIELDS, current_values, read_form
from .guard import posted
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
    """Choose the workbook: a path, the recent ones, the one given on the command line."""
    state = ui(request)
    return render(request, "accueil.html", recent=state.recent(), error=None)


async def choose(request: Request) -> Response:
    """Take the workbook typed or picked: it must exist and be an Excel workbook."""
    state = ui(request)
    form = await posted(request)
    typed = str(form.get("classeur", "")).strip().strip('"')
    error = workbook_error(typed)
    if error:
        return render(request, "accueil.html", recent=state.recent(), error=error, typed=typed)
    state.remember(Path(typed).expanduser().resolve())
    state.preview = None
    return go("/reglages")


def workbook_error(typed: str) -> str | None:
    """Why this path is no workbook to work on (in French), or None."""
    if not typed:
        return "Indiquez le chemin du classeur Excel des factures."
    path = Path(typed).expanduser()
    if not path.is_file():
        return f"Le fichier « {typed} » est introuvable : vérifiez le chemin."
    if path.suffix.lower() not in WORKBOOKS:
        return "Le classeur doit être un fichier Excel .xlsx ou .xlsm."
    return None


async def settings_page(request: Request) -> Response:
    """The creditor and policy form, filled from relance.toml."""
    state = ui(request)
    if state.ledger is None:
        return go("/")
    try:
        values: dict[str, Any] = current_values(settings_of(state))
        problem = None
    except ConfigError as exc:  # a broken relance.toml: say it, let the form rewrite it
        values, problem = current_values(Settings()), str(exc)
    return _settings_view(request, state, values, {}, problem, saved=False)


async def save_settings(request: Request) -> Response:
    """Check every field; write relance.toml (comments kept) when all are right."""
    state = ui(request)
    form = await posted(request)
    values, errors = read_form(form)
    shown = {f"{s}.{k}": v for s, keys in values.items() for k, v in keys.items()}
    shown.update({name: form.get(name, "") for name in errors})
    path = config_path(state)
    if errors or path is None:
        return _settings_view(request, state, shown, errors, None, saved=False)
    try:
        write_values(path, values)
    except ConfigError as exc:
        return _settings_view(request, state, shown, {}, str(exc), saved=False)
    return _settings_view(request, state, shown, {}, None, saved=True)


def _settings_view(
    request: Request,
    state: UiState,
    values: dict[str, Any],
    errors: dict[str, str],
    problem: str | None,
    *,
    saved: bool,
) -> Response:
    return render(
        request,
        "reglages.html",
        fields=FIELDS,
        values=values,
        errors=errors,
        problem=problem,
        saved=saved,
        config=config_path(state),
        soffice=soffice_binary(_soffice(state)),
    )


def _soffice(state: UiState) -> str:
    try:
        return settings_of(state).soffice
    except ConfigError:
        return ""


__all__ = ["choose", "config_path", "go", "home", "save_settings", "settings_of", "settings_page"]
