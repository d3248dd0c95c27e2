"""What may leave the office: attacks reproduced on generated workbooks, sent to a real server."""

from __future__ import annotations

import datetime as dt
import os
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import AS_OF, settings_near, write_ledger
from test_email import HEADERS, Sink, _config, _tiny_pdf, serve  # noqa: F401  (fixture)

import relance_xlsx
from relance_xlsx.mail import parse_addresses
from relance_xlsx.mail.attachments import check_attachment

D = dt.date
SECRET = b"%PDF-1.4 secret: RELANCE_SMTP_PASSWORD=hunter2\n"


def _row(number: str, client: str, attachment: str | None, email: str = "c@client.fr") -> list:
    return [number, client, D(2026, 9, 1), D(2026, 10, 1), 100.0, "1 rue A\n75001 Paris",
            email, attachment, None, None]  # fmt: skip


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office folder holding the ledger and its invoices, beside a folder of secrets."""
    secrets = tmp_path / "secret"
    secrets.mkdir()
    (secrets / "creds.pdf").write_bytes(SECRET)
    (secrets / "creds.txt").write_bytes(SECRET)
    office = tmp_path / "bureau"
    (office / "factures").mkdir(parents=True)
    (office / "factures" / "F-ok.pdf").write_bytes(_tiny_pdf("Facture F-ok"))
    (office / "factures" / "notes.txt").write_text("texte", encoding="utf-8")
    (office / "factures" / "faux.pdf").write_text("pas un PDF", encoding="utf-8")
    (office / "factures" / "gros.pdf").write_bytes(b"%PDF-" + b"0" * (2 * 1024 * 1024))
    os.symlink(secrets / "creds.pdf", office / "factures" / "lien.pdf")
    return office


CASES = [
    ("absolute", "/etc/passwd", "chemin absolu"),
    ("proc", "/proc/self/environ", "chemin absolu"),
    ("home", "~/.ssh/id_rsa", "chemin absolu"),
    ("dotdot", "../secret/creds.pdf", "sort du dossier"),
    ("dotdot-windows", "..\\secret\\creds.pdf", "sort du dossier"),
    ("drive", "C:\\Users\\compta\\creds.pdf", "chemin absolu"),
    ("symlink-out", "factures/lien.pdf", "hors du dossier"),
    ("not-pdf", "factures/notes.txt", "seuls les fichiers .pdf"),
    ("fake-pdf", "factures/faux.pdf", "ne commence pas comme un PDF"),
    ("too-big", "factures/gros.pdf", "plus que la limite de 1 Mo"),
    ("missing", "factures/absente.pdf", "introuvable"),
]


@pytest.mark.parametrize(("cell", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_cell_cannot_name_a_file_outside_the_ledger_folder(office, cell, reason):
    found = check_attachment(cell, office.resolve(), max_mb=1)
    assert found.path is None
    assert reason in (found.refusal or "")


def test_a_pdf_inside_the_folder_is_attached(office):
    found = check_attachment("factures/F-ok.pdf", office.resolve(), max_mb=1)
    assert found.path == (office / "factures" / "F-ok.pdf").resolve()


def test_nothing_outside_the_folder_is_ever_sent(office, serve):  # noqa: F811
    """The attack end to end: hostile cells in the ledger, a run with --email, then send."""
    rows = [_row(f"F-{i:02}", f"Client {c[0]}", c[1]) for i, c in enumerate(CASES)]
    rows.append(_row("F-99", "Client sain", "factures/F-ok.pdf"))
    ledger = write_ledger(office / "ledger.xlsx", rows, HEADERS)
    server = serve(Sink())
    config = _config(office, {"host": "127.0.0.1", "port": server.port, "security": "none"})
    config.write_text(config.read_text() + "[email]\nmax_attachment_mb = 1\n", encoding="utf-8")
    settings = settings_near(ledger)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, email=True)
    refused = {p.value for p in result.problems if p.column == "PDF facture"}
    assert refused == {c[1] for c in CASES}
    plan = relance_xlsx.prepare_send(Path(result.out_dir))
    sent = relance_xlsx.send(plan, now=lambda: dt.datetime(2026, 11, 22, 10, 0))
    assert sent.count("sent") == len(CASES) + 1
    names = []
    for _, _, content in server.sink.received:
        assert b"hunter2" not in content and b"root:" not in content
        message = BytesParser(policy=policy.default).parsebytes(content)
        names += [a.get_filename() for a in message.iter_attachments()]
    assert names.count("F-ok.pdf") == 1
    assert all(n == "F-ok.pdf" or n.startswith("relance_") for n in names)


def test_attachments_dir_moves_the_fence(office, tmp_path):
    (office / "relance.toml").write_text(
        '[email]\nattachments_dir = "factures"\n', encoding="utf-8"
    )
    settings = relance_xlsx.load_settings(office / "relance.toml")
    root = relance_xlsx_root(settings, office / "ledger.xlsx")
    assert root == (office / "factures").resolve()
    assert check_attachment("F-ok.pdf", root, 10).path is not None
    assert check_attachment("../factures/F-ok.pdf", root, 10).path is None


def relance_xlsx_root(settings, ledger):
    from relance_xlsx.mail.attachments import attachment_root

    return attachment_root(settings, ledger)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("a@x.fr\r\nBcc: espion@ailleurs.fr", "en-tête"),
        ("a@x.fr\nBcc: espion@ailleurs.fr", "en-tête"),
        ("a@x.fr, cc: b@y.fr", "en-tête"),
        ("a@x.fr\x00", "contrôle"),
        (", ".join(f"u{i}@x.fr" for i in range(300)), "300 destinataires"),
    ],
    ids=["crlf-bcc", "lf-bcc", "cc-header", "nul", "300-addresses"],
)
def test_a_cell_cannot_add_recipients(cell, reason):
    with pytest.raises(ValueError, match=reason):
        parse_addresses(cell, limit=10)


def test_two_addresses_on_two_lines_are_still_fine():
    assert parse_addresses("a@x.fr\nb@y.fr; c@z.fr") == ["a@x.fr", "b@y.fr", "c@z.fr"]
