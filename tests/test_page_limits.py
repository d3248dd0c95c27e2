"""The page's own refusals over real HTTP (review-attackpage 5, 6, 8): the web framework's
errors in French, every form's body bounded (the statements' upload has its own limit), and a
run's files framed by no page."""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from pypdf import PdfWriter
from test_page import _signed_in, page  # noqa: F401  (fixtures)

from relance_xlsx.web.guard import FORM_LIMIT

ENGLISH = ("Not Found", "Method Not Allowed", "Missing boundary", "Too many fields", "exceeded")


ERRORS = {
    # what is sent -> (status, what the page says)
    "unknown-address": ("GET", "/nexistepas", None, 404, "Cette page n'existe pas"),
    "unknown-static": ("GET", "/static/nexistepas.js", None, 404, "Cette page n'existe pas"),
    "get-of-a-post": ("GET", "/traitement", None, 405, "ne s'ouvre pas ainsi"),
    "no-boundary": ("POST", "/classeur", "no-boundary", 400, "illisible ou trop chargé"),
    "too-many-fields": ("POST", "/classeur", "fields", 400, "illisible ou trop chargé"),
}


@pytest.mark.parametrize(("method", "path", "body", "status", "said"), ERRORS.values(), ids=ERRORS)
def test_the_frameworks_own_errors_are_said_in_french(page, method, path, body, status, said):  # noqa: F811
    client = _signed_in(page)
    token = page.state.token
    headers = {"X-Relance-Jeton": token}
    content = None
    if body == "no-boundary":
        content, headers["Content-Type"] = b"x", "multipart/form-data"
    elif body == "fields":
        content = ("jeton=" + token + "&" + "&".join(f"a{i}=1" for i in range(1001))).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    answer = client.request(method, path, content=content, headers=headers)
    text = html.unescape(answer.text)
    assert answer.status_code == status, text[:300]
    assert said in text and 'lang="fr"' in text
    assert not any(word in text for word in ENGLISH), text
    if status == 405:
        assert answer.headers["allow"] == "POST"


def _file_part(token: str, size: int) -> Iterator[bytes]:
    """A form with a file part of this size (a file part has no field limit of its own)."""
    yield f'--zz\r\nContent-Disposition: form-data; name="jeton"\r\n\r\n{token}\r\n'.encode()
    yield b'--zz\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\n\r\n'
    for _ in range(size // 65536):
        yield b"a" * 65536
    yield b"\r\n--zz--\r\n"


@pytest.mark.parametrize("path", ["/battement", "/classeur", "/reglages", "/quitter"])
def test_every_form_is_bounded_its_length_announced_or_not(page, path):  # noqa: F811
    client = _signed_in(page)
    token = page.state.token
    headers = {"X-Relance-Jeton": token, "Content-Type": "multipart/form-data; boundary=zz"}
    body = b"".join(_file_part(token, FORM_LIMIT + 65536))
    announced = client.post(path, content=body, headers=headers)
    assert announced.status_code == 413 and "trop volumineux" in announced.text
    chunked = client.post(path, content=_file_part(token, FORM_LIMIT + 65536), headers=headers)
    assert chunked.status_code == 413, html.unescape(chunked.text)[-900:]
    assert "trop volumineux" in html.unescape(chunked.text)
    assert not page.state.quit.is_set()
    small = client.post("/battement", content=_file_part(token, 65536), headers=headers)
    assert small.status_code == 200


def test_the_statements_upload_keeps_its_own_larger_limit(page):  # noqa: F811
    client = _signed_in(page)
    token = page.state.token
    files = {"fichiers": ("releve.csv", b"a;b\n" * (FORM_LIMIT // 2))}
    answer = client.post("/releve", data={"jeton": token}, files=files)
    assert answer.status_code != 413 and "trop volumineux" not in answer.text


def test_a_runs_file_is_framed_by_no_page(page, tmp_path):  # noqa: F811
    folder = tmp_path / "relances"
    folder.mkdir()
    pdf = folder / "lettre.pdf"
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    pdf.write_bytes(buffer.getvalue())
    page.state.serve_from(folder)
    answer = _signed_in(page).get("/fichier?chemin=" + quote(str(pdf), safe=""))
    assert answer.status_code == 200 and answer.content[:4] == b"%PDF"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert answer.headers["x-content-type-options"] == "nosniff"
