"""The local server: a random loopback address of its own (127.x.y.z, else 127.0.0.1), a free
port, a random token, stopped when the page has been closed for a while or on « Quitter »."""

from __future__ import annotations

import contextlib
import secrets
import shutil
import signal
import socket
import tempfile
import threading
import time
import webbrowser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import RelanceError
from ..wording import describe_error, describe_os_error
from . import bank, jobs, letterview, pages, preview, registered
from .guard import COOKIE, Guard, MissingToken, forbidden
from .opener import redirect_file, remove_redirect
from .plain import page_error
from .state import UiState, home_folder
from .views import HERE, render

HOST = "127.0.0.1"
# Browsers keep cookies per host, never per port: on an address of its own, the page's token
# cookie goes to no other local server (any 127.0.0.1 port would receive it).
# The previews' temporary folder, removed when the server stops.
PREVIEW_PREFIX = "relance-apercu-"
# Closed for this long (no heartbeat from the page, which beats every 10 s): the server stops.
IDLE_SECONDS = 120.0
# Before the browser first shows the page, allow time for it to start.
FIRST_VISIT_SECONDS = 600.0
# Starlette's own refusals (an unknown address, a form it cannot read), said in French.
HTTP_WORDS = {
    400: "Le formulaire envoyé est illisible ou trop chargé : revenez à la page et renvoyez-le.",
    404: "Cette page n'existe pas : revenez à l'accueil et suivez ses liens.",
    405: "Cette adresse ne s'ouvre pas ainsi : revenez à l'accueil et suivez ses liens.",
    413: "Le formulaire envoyé est trop volumineux : revenez à la page et renvoyez-le.",
}


def create_app(state: UiState, port: Callable[[], int], host: str = HOST) -> Starlette:
    """The page's ASGI application over this state (host, port: where the server listens)."""
    routes = [
        Route("/", pages.home),
        Route("/classeur", pages.choose, methods=["POST"]),
        Route("/reglages", pages.settings_page),
        Route("/reglages", pages.save_settings, methods=["POST"]),
        Route("/reglages/essai", pages.try_mail, methods=["POST"]),
        Route("/releve", bank.statement_page),
        Route("/releve", bank.match_statements, methods=["POST"]),
        Route("/releve/appliquer", bank.apply_statements, methods=["POST"]),
        Route("/apercu", preview.preview),
        Route("/apercu", preview.start_preview, methods=["POST"]),
        Route("/apercu/retenir", preview.hold, methods=["POST"]),
        Route("/apercu/reprendre", preview.unhold, methods=["POST"]),
        Route("/ligne", preview.row_page),
        Route("/traitement", jobs.start_run, methods=["POST"]),
        Route("/suivi", jobs.follow),
        Route("/etat", jobs.job_state),
        Route("/resultats", jobs.results),
        Route("/fichier", jobs.download),
        Route("/lettre", jobs.letter_pdf),
        Route("/lettre-texte", letterview.letter_page),
        Route("/ouvrir", jobs.open_folder, methods=["POST"]),
        Route("/recommandes", registered.registered_page),
        Route("/recommandes", registered.save_registered, methods=["POST"]),
        Route("/envoi", jobs.send_page),
        Route("/envoi", jobs.start_send, methods=["POST"]),
        Route("/battement", jobs.heartbeat, methods=["POST"]),
        Route("/quitter", jobs.quit_page, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers = {
        HTTPException: http_error,
        MissingToken: forbidden,
        RelanceError: refused,
        OSError: refused,
        Exception: unexpected,
    }
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.ui = state
    app.add_middleware(Guard, token=state.token, port=port, host=host)
    return app


def refused(request: Request, exc: Exception) -> Response:
    """The page's one error boundary: a RelanceError or an OSError said in one French sentence
    (a post without its token is a 403: guard.forbidden)."""
    message = describe_os_error(exc) if isinstance(exc, OSError) else page_error(exc)
    return render(request, "message.html", 400, message=message)


def http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (404, 405, a form it cannot parse), in French, never its
    English text."""
    status = exc.status_code if isinstance(exc, HTTPException) else 400
    message = HTTP_WORDS.get(status, f"La demande n'a pas pu être traitée (erreur {status}).")
    headers = exc.headers if isinstance(exc, HTTPException) else None
    response = render(request, "message.html", status, message=message)
    response.headers.update(headers or {})
    return response


def unexpected(request: Request, exc: Exception) -> Response:
    """A library's own error or a bug: said in French (500), never its English text."""
    return render(request, "message.html", 500, message=describe_error(exc))


@dataclass
class Running:
    """A server started in this process: its address (with the token) and how to stop it."""

    url: str
    host: str
    port: int
    state: UiState
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def base(self) -> str:
        """The page's origin, http://host:port (without the token)."""
        return f"http://{self.host}:{self.port}"

    @property
    def cookie(self) -> str:
        """The name of the cookie that carries the token to this server (guard.Guard.cookie)."""
        return f"{COOKIE}_{self.port}"

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


def new_state(ledger: Path | None, recent_file: Path | None = None) -> UiState:
    """A fresh state with a random token and a private preview folder (the workbook joins the
    recent ones once a preview has read it)."""
    state = UiState(secrets.token_urlsafe(24), ledger, recent_file)
    state.preview_root = Path(tempfile.mkdtemp(prefix=PREVIEW_PREFIX))
    return state


def random_loopback() -> str:
    """A random address of the loopback network 127.0.0.0/8, never 127.0.0.1."""
    return f"127.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{2 + secrets.randbelow(253)}"


def bind_loopback(address: str | None = None) -> socket.socket:
    """A socket on a free port of this loopback address (random by default), or of 127.0.0.1
    where it cannot be bound (macOS has only 127.0.0.1 unless an alias is added)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((address or random_loopback(), 0))  # port 0: a free one, no race
    except OSError:
        sock.close()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((HOST, 0))
    return sock


def start(
    ledger: Path | None = None,
    *,
    recent_file: Path | None = None,
    idle_seconds: float = IDLE_SECONDS,
    address: str | None = None,
) -> Running:
    """Start the page's server in a thread, on a free port of a loopback address of its own."""
    state = new_state(ledger, recent_file)
    sock = bind_loopback(address)
    host, port = sock.getsockname()[:2]
    app = create_app(state, lambda: port, host)
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=_serve, args=(server, sock, state), daemon=True)
    thread.start()
    watch = threading.Thread(target=_watch, args=(state, server, idle_seconds), daemon=True)
    watch.start()
    url = f"http://{host}:{port}/?jeton={state.token}"
    for _ in range(200):  # until it accepts connections (a few ms)
        if server.started:
            break
        time.sleep(0.02)
    return Running(url, host, port, state, server, thread)


def _serve(server: uvicorn.Server, sock: socket.socket, state: UiState) -> None:
    """Serve until stopped (« Quitter », idle, Ctrl+C); then remove the previews' temporary
    folder: copies of letters with clients' names and amounts are not left behind."""
    try:
        server.run(sockets=[sock])
    finally:
        remove_previews(state)


def remove_previews(state: UiState) -> None:
    """Remove the previews' temporary folder (the page's own, never /tmp itself)."""
    if state.preview_root.name.startswith(PREVIEW_PREFIX):
        shutil.rmtree(state.preview_root, ignore_errors=True)


def _watch(state: UiState, server: uvicorn.Server, idle: float) -> None:
    """Stop the server on « Quitter », or when the page has stopped beating for too long."""
    while not server.should_exit:
        if state.quit.wait(1.0):
            time.sleep(0.5)  # let the « arrêté » page reach the browser
            server.should_exit = True
            return
        limit = idle if state.seen_once else max(idle, FIRST_VISIT_SECONDS)
        if time.monotonic() - state.last_seen > limit and not state.busy():
            server.should_exit = True


def serve(
    ledger: Path | None = None, *, open_browser: bool = True, say: Callable[[str], None] = print
) -> None:
    """Serve the page until it is closed: open it in the default browser, wait."""
    running = start(ledger, recent_file=home_folder() / "recents.json")
    say(f"Page de relance : {running.url}")
    say("Laissez cette fenêtre ouverte ; « Quitter » sur la page arrête le serveur.")
    # The browser opens a private file that sends it on: the token is never on the
    # browser's command line, which every user of this machine can read (opener.py).
    opener = redirect_file(running.url) if open_browser else None
    _interrupt_on_end_signals()
    try:
        if opener is not None:
            webbrowser.open(opener.as_uri())
        with contextlib.suppress(KeyboardInterrupt):
            running.thread.join()
        running.stop()
    finally:
        # Here, in the main thread: after Ctrl+C the process may end before the server's
        # thread reaches its own clean-up.
        remove_previews(running.state)
        remove_redirect(opener)


def _interrupt_on_end_signals() -> None:
    """SIGTERM (a kill, a service stopped), SIGHUP and SIGBREAK (the console closed, the
    session ended) stop the page as Ctrl+C does: its temporary files are removed."""

    def interrupt(signum: int, _: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return  # signals are caught by the main thread only
    for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):  # SIGBREAK: Windows' console closed
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), interrupt)


@contextlib.contextmanager
def running_page(ledger: Path | None = None, **kw: object) -> Iterator[Running]:
    """A server for the time of a with block (tests, scripts)."""
    running = start(ledger, **kw)  # type: ignore[arg-type]
    try:
        yield running
    finally:
        running.stop()


__all__ = ["HOST", "Running", "create_app", "running_page", "serve", "start"]
