"""The page's address: a random loopback address of its own, so that its token cookie (browsers
keep cookies per host, never per port) reaches no other local server, and two pages open at
once keep their own cookies (review-attackpage 1 and 2)."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from test_page import browser, needs_chromium  # noqa: F401  (fixtures)

from relance_xlsx.web import running_page


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Another local web server: it notes the Cookie header of every request."""

    seen: list[str | None]

    def do_GET(self) -> None:
        self.seen.append(self.headers.get("Cookie"))
        body = b"<html><body>autre serveur</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str | None]]]:
    """A plain web server on 127.0.0.1 (another port): its address and the cookies it got."""
    seen: list[str | None] = []
    handler = type("Handler", (_Recorder,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def _shown(driver, text: str) -> str:
    for _ in range(100):
        if text in driver.page_source:
            break
        time.sleep(0.1)
    return driver.page_source


def test_the_page_has_a_loopback_address_of_its_own(tmp_path):
    with running_page(None, recent_file=tmp_path / "r.json") as page:
        (sock,) = [s for server in page.server.servers for s in server.sockets]
        assert sock.getsockname()[0] == page.host
        assert page.host.startswith("127.") and page.host != "127.0.0.1", page.host
        assert page.url.startswith(f"http://{page.host}:{page.port}/?jeton=")
        with httpx.Client(base_url=page.base) as client:
            assert client.get(f"/?jeton={page.state.token}").status_code == 200
        # Nothing of this page on 127.0.0.1: the browser never gives it that host's cookies.
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", page.port), timeout=2).close()


@pytest.mark.parametrize(
    ("host", "status"),
    [
        pytest.param("{host}:{port}", 200, id="its-own-address"),
        pytest.param("127.0.0.1:{port}", 403, id="another-loopback-address"),
        pytest.param("localhost:{port}", 403, id="localhost"),
        pytest.param("{host}", 403, id="no-port"),
        pytest.param("{host}:1", 403, id="another-port"),
    ],
)
def test_the_host_header_must_be_the_pages_own_address_exactly(tmp_path, host, status):
    with running_page(None, recent_file=tmp_path / "r.json") as page:
        headers = {"Host": host.format(host=page.host, port=page.port)}
        with httpx.Client(base_url=page.base) as client:
            answer = client.get(f"/?jeton={page.state.token}", headers=headers)
        assert answer.status_code == status, answer.text


def test_where_no_other_loopback_address_binds_the_page_uses_127_0_0_1(tmp_path):
    """macOS has only 127.0.0.1: an address that cannot be bound falls back to it, and the
    cookie is still named for this server (two pages never replace each other's)."""
    with running_page(None, recent_file=tmp_path / "r.json", address="192.0.2.1") as page:
        assert page.host == "127.0.0.1" and page.url.startswith(f"http://127.0.0.1:{page.port}/")
        assert page.cookie == f"relance_jeton_{page.port}"
        with httpx.Client(base_url=page.base) as client:
            first = client.get(f"/?jeton={page.state.token}")
            assert first.status_code == 200
            assert first.cookies.get(page.cookie) == page.state.token
            assert client.get("/").status_code == 200  # the cookie alone opens it
            localhost = client.get("/", headers={"Host": f"localhost:{page.port}"})
            assert localhost.status_code == 200


@needs_chromium
def test_another_local_server_never_receives_the_pages_token(
    tmp_path,
    listener,
    browser,  # noqa: F811
):
    """The clerk opens the page, then any other local web page (another port of 127.0.0.1):
    that server gets no cookie of the page's."""
    other, seen = listener
    with running_page(None, recent_file=tmp_path / "r.json") as page:
        browser.get(page.url)
        assert "Quel classeur" in _shown(browser, "Quel classeur")
        assert browser.get_cookie(page.cookie)["value"] == page.state.token
        browser.get(f"{other}/after")
        assert "autre serveur" in _shown(browser, "autre serveur")
    assert seen, "the other server was never visited"
    assert all(page.state.token not in (cookie or "") for cookie in seen), seen


@needs_chromium
def test_two_pages_open_at_once_keep_their_own_tokens(
    tmp_path,
    browser,  # noqa: F811
):
    """Page A, then page B in the same browser: A still opens, and its beats are accepted."""
    with (
        running_page(None, recent_file=tmp_path / "a.json") as a,
        running_page(None, recent_file=tmp_path / "b.json") as b,
    ):
        browser.get(a.url)
        assert "Quel classeur" in _shown(browser, "Quel classeur")
        browser.get(b.url)
        assert "Quel classeur" in _shown(browser, "Quel classeur")
        for page in (a, b):
            browser.get(f"{page.base}/")  # a link without the token: the cookie alone
            shown = _shown(browser, "Quel classeur")
            assert "Accès refusé" not in shown and "Quel classeur" in shown, shown[:500]
