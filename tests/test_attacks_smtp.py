"""A misbehaving SMTP server: a real socket server on loopback that never ends its banner,
drips one byte at a time, closes, stays silent, sends endless lines or refuses in 5xx.

`relance send` (and the page's « Tester l'envoi », the same code) must end within the
settings' timeout for each message, under the address-space limit, and say what happened in
French with the server's own code and text: never a MemoryError, a hang, or smtplib's
English (« Connection unexpectedly closed », « timed out », raw reply tuples).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hostile_files import ledger_rows, sheet_xml, workbook
from test_attacks import AS_OF, ENGLISH, _office, _with_config, relance, said_in_french

import relance_xlsx
from relance_xlsx import EmailError

TIMEOUT = 3  # [smtp] timeout: the whole conversation of one message


def _dialogue(conn: socket.socket, on_mail: bytes, after_data: Callable[[], None]) -> None:
    """A plain server: EHLO, AUTH, MAIL (answered on_mail), RCPT, DATA (then after_data)."""
    conn.sendall(b"220 ok\r\n")
    lines = conn.makefile("rb")
    while line := lines.readline():
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            conn.sendall(b"250-hi\r\n250 AUTH PLAIN LOGIN\r\n")
        elif verb == b"AUTH":
            conn.sendall(b"235 ok\r\n")
        elif verb == b"MAIL":
            conn.sendall(on_mail)
        elif verb == b"DATA":
            conn.sendall(b"354 go\r\n")
            while lines.readline() not in (b".\r\n", b""):
                pass
            after_data()
        elif verb == b"QUIT":
            conn.sendall(b"221 bye\r\n")
            return
        else:
            conn.sendall(b"250 ok\r\n")


def _endless_banner(conn: socket.socket) -> None:
    while True:
        conn.sendall((b"220-" + b"x" * 200 + b"\r\n") * 100)


def _drip(conn: socket.socket) -> None:
    while True:
        for byte in b"220-lent\r\n":
            conn.sendall(bytes([byte]))
            time.sleep(0.2)


def _long_line(conn: socket.socket) -> None:
    conn.sendall(b"220 " + b"x" * 100_000)
    time.sleep(30)


def _data_drip(conn: socket.socket) -> None:
    def drip() -> None:
        while True:
            conn.sendall(b"2")
            time.sleep(0.2)

    _dialogue(conn, b"250 ok\r\n", drip)


MODES: dict[str, Callable[[socket.socket], None]] = {
    "endless-banner": _endless_banner,
    "drip": _drip,
    "close": lambda conn: None,
    "silent": lambda conn: time.sleep(30),
    "line-of-100-kb": _long_line,
    "5xx-on-mail": lambda conn: _dialogue(conn, b"554 5.7.1 no thanks\r\n", lambda: None),
    "drip-after-data": _data_drip,
    "close-after-data": lambda conn: _dialogue(
        conn, b"250 ok\r\n", lambda: conn.shutdown(socket.SHUT_RDWR)
    ),
}


@pytest.fixture
def bad_server(request) -> Iterator[int]:
    """A misbehaving server on loopback in a thread; its port."""
    serve = MODES[request.param]
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        try:
            serve(conn)
        except OSError:
            pass  # the client hung up, as it should
        finally:
            conn.close()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed at the end of the test
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    stop.set()
    listener.close()


def _smtp(port: int) -> str:
    return (
        f"[smtp]\nhost = '127.0.0.1'\nport = {port}\nsecurity = 'none'\nuser = 'u'\n"
        f"from_address = 'compta@atelier.example'\ntimeout = {TIMEOUT}\nper_minute = 600"
    )


def _drafted(folder: Path, port: int) -> Path:
    _office(folder)
    ledger = workbook(
        folder / "grand-livre.xlsx", sheets={"Factures": sheet_xml(ledger_rows(email=True))}
    )
    _with_config(folder, _smtp(port))
    done = relance("run", str(ledger), "--as-of", AS_OF, "--email", cwd=folder)
    assert done.returncode == 0, done.stderr
    return folder / "relances" / AS_OF


# mode: (exit code, what is said); a failure to connect stops the batch (exit 1), a failure
# during one message is that message's (exit 0, said on its line), the others still tried.
SAID = {
    "endless-banner": (1, "réponse sans fin"),
    "drip": (1, f"dans le délai de {TIMEOUT} secondes"),
    "close": (1, "a fermé la connexion sans répondre"),
    "silent": (1, f"n'a pas répondu dans le délai de {TIMEOUT} secondes"),
    "line-of-100-kb": (1, "une ligne de plus de 4096 octets"),
    "5xx-on-mail": (0, "refuse l'expéditeur compta@atelier.example (554 5.7.1 no thanks)"),
    "drip-after-data": (0, f"dans le délai de {TIMEOUT} secondes"),
    "close-after-data": (0, "a fermé la connexion sans répondre"),
}


CASES = [pytest.param(m, *SAID[m], id=m) for m in MODES]


@pytest.mark.parametrize(("bad_server", "code", "phrase"), CASES, indirect=["bad_server"])
def test_a_misbehaving_server_ends_the_sending_in_time_in_french(
    tmp_path, bad_server, code, phrase, monkeypatch
):
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "x")
    monkeypatch.setenv("RELANCE_SMTP_HOST", "127.0.0.1")
    folder = _drafted(tmp_path, bad_server)
    drafts = len(list(folder.rglob("*.eml")))
    started = time.monotonic()
    done = relance("send", str(folder), "--yes", "--json", cwd=tmp_path, timeout=120)
    elapsed = time.monotonic() - started
    said = said_in_french(done, code, phrase)
    # Each message's whole conversation within the timeout (and a few seconds to start).
    assert elapsed < 15 + drafts * (TIMEOUT + 1), elapsed
    if code == 0:
        report = json.loads(done.stdout)
        failed = [d for d in report["deliveries"] if d["status"] != "sent"]
        assert failed and all(phrase in d["detail"] for d in failed), report
        said = " ".join(d["detail"] for d in failed)
    for word in (*ENGLISH, "Connection", "timed out", "b'"):
        assert word not in said.replace(str(tmp_path), ""), (word, said)


@pytest.mark.parametrize("bad_server", ["endless-banner", "drip", "5xx-on-mail"], indirect=True)
def test_the_pages_test_message_says_the_same(tmp_path, bad_server, monkeypatch):
    """« Tester l'envoi » goes through the same bounded conversation."""
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "x")
    monkeypatch.setenv("RELANCE_SMTP_HOST", "127.0.0.1")
    settings = relance_xlsx.settings_from_dict(
        {"smtp": {"host": "127.0.0.1", "port": bad_server, "security": "none", "user": "u",
                  "from_address": "compta@atelier.example", "timeout": TIMEOUT},
         "creditor": {"email": "compta@atelier.example"}}
    )  # fmt: skip
    started = time.monotonic()
    with pytest.raises(EmailError) as caught:
        relance_xlsx.send_test_message(settings)
    assert time.monotonic() - started < TIMEOUT + 3
    said = str(caught.value)
    assert said.startswith(("Le message d'essai n'est pas parti", "Impossible de joindre")), said
    for word in ("Connection", "timed out", "b'", "MemoryError"):
        assert word not in said
