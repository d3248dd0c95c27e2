"""The page is for the person at this machine only: every request shows the token, names
this server as its host (no DNS rebinding), and a form posts only from the page itself."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "relance_jeton"
FIELD = "jeton"
HEADER = "x-relance-jeton"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# The most a form of the page may send; the statements' upload has its own limit (bank.py).
FORM_LIMIT = 2 * 1024 * 1024
UPLOAD_PATHS = {"/releve"}
TOO_BIG = "Le formulaire envoyé est trop volumineux : revenez à la page et renvoyez-le."


def same(a: str | None, b: str) -> bool:
    """Compare secrets in constant time."""
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware: 403 for a foreign Host, a missing token or a cross-site post."""

    def __init__(
        self, app: ASGIApp, token: str, port: Callable[[], int], host: str = "127.0.0.1"
    ) -> None:
        self.app, self.token, self.port, self.host = app, token, port, host

    def hosts(self) -> set[str]:
        """The Host headers a browser on this machine sends to this server: its own address
        only (« localhost » too where that address is 127.0.0.1, the fallback)."""
        port = self.port()
        names = {self.host} | ({"localhost"} if self.host == "127.0.0.1" else set())
        return {f"{name}:{port}" for name in names}

    def cookie(self) -> str:
        """The token cookie's name: one per server, so that two pages open at once (on the
        fallback 127.0.0.1, where they share a host) never replace each other's."""
        return f"{COOKIE}_{self.port()}"

    def origins(self) -> set[str]:
        """The Origin headers of this page's own posts: scheme, host and port, exactly (a
        page served over https, or from another port of this machine, is another site)."""
        return {f"http://{host}" for host in self.hosts()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if not request.url.path.startswith("/static/"):
            send = _no_store(send)
        refusal = self.refusal(request)
        if refusal:
            await PlainTextResponse(refusal, status_code=403)(scope, receive, send)
            return
        if request.method in UNSAFE and request.url.path not in UPLOAD_PATHS:
            announced = request.headers.get("content-length", "")
            if announced.isdigit() and int(announced) > FORM_LIMIT:
                await PlainTextResponse(TOO_BIG, status_code=413)(scope, receive, send)
                return
            receive = _bounded(receive)
        if (
            same(request.query_params.get(FIELD), self.token)
            and request.cookies.get(self.cookie()) != self.token
        ):
            # The token of the URL opened becomes a cookie only this page sends back.
            async def with_cookie(message: MutableMapping[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    cookie = f"{self.cookie()}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                    message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
                await send(message)

            await self.app(scope, receive, with_cookie)
            return
        await self.app(scope, receive, send)

    def refusal(self, request: Request) -> str | None:
        """Why this request is refused (in French), or None."""
        if request.headers.get("host", "") not in self.hosts():
            return (
                "Accès refusé : cette page ne répond qu'à l'adresse de son lancement "
                f"({self.host}), sur ce poste."
            )
        shown = request.query_params.get(FIELD) or request.cookies.get(self.cookie())
        if not same(shown, self.token):
            return (
                "Accès refusé : cette page ne s'ouvre qu'avec le lien de son lancement. "
                "Fermez cet onglet et double-cliquez sur le raccourci « Relances » du bureau "
                "(ou déposez-y votre classeur) : la page se rouvre d'elle-même."
            )
        origin = request.headers.get("origin")
        if request.method in UNSAFE and origin is not None and origin not in self.origins():
            return "Accès refusé : formulaire envoyé depuis un autre site."
        return None


class MissingToken(Exception):
    """A post without the page's token in its form (or header, for the script's beats)."""


def _bounded(receive: Receive) -> Receive:
    """The body, counted while it is read: past FORM_LIMIT (a length not announced, or
    announced low), reading stops with a 413 (server.http_error)."""
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > FORM_LIMIT:
            raise HTTPException(413)
        return message

    return counted


def _no_store(send: Send) -> Send:
    """Every answer but the script and the style sheet is never cached (redirects and
    refusals too): Back never shows a page the server has moved past as if it were live."""

    async def sending(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = message.setdefault("headers", [])
            if not any(k.lower() == b"cache-control" for k, _ in headers):
                headers.append((b"cache-control", b"no-store"))
        await send(message)

    return sending


async def posted(request: Request) -> FormData:
    """The form of a post, after checking it carries the page's token (no cross-site post)."""
    form = await request.form()
    token: str = request.app.state.ui.token
    field = form.get(FIELD)
    if not same(field if isinstance(field, str) else request.headers.get(HEADER), token):
        raise MissingToken
    return form


def forbidden(_: Request, __: Exception) -> Response:
    """A post without the page's token."""
    return PlainTextResponse("Accès refusé : formulaire sans jeton de la page.", status_code=403)


Handler = Callable[[Request], Awaitable[Response]]

__all__ = [
    "COOKIE",
    "FIELD",
    "FORM_LIMIT",
    "HEADER",
    "Guard",
    "MissingToken",
    "forbidden",
    "posted",
    "same",
]
