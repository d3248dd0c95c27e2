"""What may leave the office: attacks reproduced on generated workbooks, sent to a real server."""

from __future__ import annotations

import datetime as dt
import os
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, complete_settings, settings_near, write_ledger
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
    assert all(n == "F-ok.pdf" or n.startswith("2026-11-22 Relance 1 - ") for n in names)


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


# -- the workbook: races, links, permissions, implausible reads -----------------------------

ADDRESS = "1 rue A\n75001 Paris"
INVOICES = [
    [f"F-{i:03}", f"Client {i % 7}", D(2026, 8, 1), D(2026, 9, 1), 100.0 + i, 0, ADDRESS]
    for i in range(40)
]


def _ledger(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_ledger(folder / "grand-livre.xlsx", INVOICES)


SAMPLE_TOML = str(ROOT / "sample_workbooks" / "relance.toml")
RUNNER = """
import datetime as dt, sys, time
from pathlib import Path
import relance_xlsx, relance_xlsx.pipeline  # imported before the start signal
out = Path(sys.argv[2])
other = out.with_name(("out1" if out.name == "out0" else "out0") + ".done")
go = out.parent / "go"

class HoldUntilTheOtherIsDone:
    # The run holding the lock waits, at its first step, for the other run's outcome: the
    # two runs truly overlap however loaded the machine. Were the lock not exclusive, both
    # would wait here, give up after a minute, and both write: the test would fail.
    waited = False
    def start(self, label, total):
        deadline = time.monotonic() + 60
        while not self.waited and not other.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        self.waited = True
    def advance(self, n=1):
        return None
    def stop(self):
        return None

Path(sys.argv[2] + ".ready").touch()  # tell the test this process is waiting
while not go.exists():  # both processes start the run at the same moment
    time.sleep(0.001)
try:
    settings = relance_xlsx.load_settings(Path(sys.argv[3]))
    r = relance_xlsx.run(Path(sys.argv[1]), settings, as_of=dt.date(2026, 11, 22),
                         out_dir=out, progress=HoldUntilTheOtherIsDone())
    print("wrote", r.rows_written)
except relance_xlsx.RelanceError as exc:
    print("refused", exc)
finally:
    Path(sys.argv[2] + ".done").touch()
"""


def test_two_runs_at_once_one_writes_the_other_is_refused(tmp_path):
    import subprocess
    import sys
    import time

    for attempt in range(3):
        ledger = _ledger(tmp_path / f"a{attempt}")
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    RUNNER,
                    str(ledger),
                    str(ledger.parent / f"out{i}"),
                    SAMPLE_TOML,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(2)
        ]
        # Both have imported the library and wait for the signal (a loaded machine may take
        # many seconds to import pandas twice: wait for them rather than for a fixed time).
        ready = [ledger.parent / f"out{i}.ready" for i in range(2)]
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in ready) and time.monotonic() < deadline:
            time.sleep(0.01)
        (ledger.parent / "go").touch()
        outs = [p.communicate(timeout=120) for p in procs]
        assert all(p.returncode == 0 for p in procs), outs
        said = sorted(o[0].split()[0] for o in outs)
        assert said == ["refused", "wrote"], outs
        assert any(
            "Un autre traitement (sur ce poste ou un autre) est en cours" in o[0] for o in outs
        )
        journal = _journal_lines(ledger)
        assert journal == len(INVOICES)  # one letter line per invoice, none lost or doubled


def _journal_lines(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path)
    if "Journal des relances" not in book.sheetnames:
        return 0
    ws = book["Journal des relances"]
    return sum(1 for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None)


class _SaveDuringWriteBack:
    """A progress listener that plays the user saving the workbook in Excel mid-run."""

    def __init__(self, ledger: Path, replacement: bytes) -> None:
        self.ledger, self.replacement = ledger, replacement

    def start(self, label: str, total: int) -> None:
        if label == "Mise à jour du classeur":
            self.ledger.write_bytes(self.replacement)

    def advance(self, n: int = 1) -> None:
        return None

    def stop(self) -> None:
        return None


def test_a_second_run_on_a_held_workbook_is_told_to_wait_and_retry(tmp_path):
    from relance_xlsx.workbook import ledger_lock

    ledger = tmp_path / "factures.xlsx"
    ledger.write_bytes(b"")
    said = (
        "Un autre traitement (sur ce poste ou un autre) est en cours sur factures.xlsx : "
        "attendez qu'il se termine puis réessayez."
    )
    with (
        ledger_lock(ledger),
        pytest.raises(relance_xlsx.WorkbookError) as refused,
        ledger_lock(ledger),
    ):
        pass
    assert refused.value.message == said


def test_the_users_save_during_the_write_back_wins(tmp_path):
    ledger = _ledger(tmp_path / "a")
    (tmp_path / "b").mkdir()
    other = write_ledger(tmp_path / "b" / "autre.xlsx", INVOICES[:5])
    users_version = other.read_bytes()
    with pytest.raises(relance_xlsx.WorkbookError, match="a été modifié"):
        relance_xlsx.run(
            ledger,
            complete_settings(),
            as_of=AS_OF,
            out_dir=tmp_path / "out",
            progress=_SaveDuringWriteBack(ledger, users_version),
        )
    assert ledger.read_bytes() == users_version
    assert list(tmp_path.joinpath("out").glob("*.docx"))  # the letters stay
    assert not list(ledger.parent.glob(".*relance-tmp*"))


def test_a_link_at_the_temporary_name_is_never_followed(tmp_path):
    ledger = _ledger(tmp_path / "a")
    victim = tmp_path / "victime.txt"
    victim.write_text("intact", encoding="utf-8")
    os.symlink(victim, ledger.parent / ".grand-livre.relance-tmp.xlsx")
    relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert victim.read_text(encoding="utf-8") == "intact"
    assert _journal_lines(ledger) == len(INVOICES)


def test_a_symlinked_ledger_is_written_through_and_keeps_its_permissions(tmp_path):
    real = _ledger(tmp_path / "donnees")
    real.chmod(0o600)
    link = tmp_path / "bureau" / "grand-livre.xlsx"
    link.parent.mkdir()
    os.symlink(real, link)
    relance_xlsx.run(link, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert link.is_symlink()
    assert _journal_lines(real) == len(INVOICES)
    assert (real.stat().st_mode & 0o777) == 0o600


def test_nothing_is_written_after_an_implausible_read(tmp_path):
    rows = [[r[0], r[1], "pas une date", "jamais", r[4], 0, r[6]] for r in INVOICES]
    ledger = write_ledger(tmp_path / "faux.xlsx", rows)
    before = ledger.read_bytes()
    with pytest.raises(relance_xlsx.LedgerError, match="Lecture douteuse") as caught:
        relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o")
    assert "en-têtes ligne 1" in str(caught.value)
    assert ledger.read_bytes() == before
    assert not (tmp_path / "o").exists()
    dry = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert dry.problems  # a dry run still shows what is wrong


def test_a_save_just_before_the_rename_is_kept(tmp_path):
    """The last check runs after the new file is written, right before it replaces the old."""
    from relance_xlsx.ledger import Fingerprint
    from relance_xlsx.ooxml import Package, save_atomically
    from relance_xlsx.workbook.writeback import unchanged

    ledger = _ledger(tmp_path / "a")
    read = Fingerprint.of(ledger)
    package = Package.open(str(ledger))
    name = next(n for n in package.names if n.startswith("xl/worksheets/sheet"))
    package.write(name, package.read(name))
    users_version = write_ledger(tmp_path / "b.xlsx", INVOICES[:3]).read_bytes()
    check = unchanged(read)

    def users_save_then_check(real: Path) -> None:
        real.write_bytes(users_version)  # Excel saves in the last moment
        check(real)

    with pytest.raises(relance_xlsx.WorkbookError, match="modifié pendant l'exécution"):
        save_atomically(package, ledger, 3, dt.datetime(2026, 11, 22), users_save_then_check)
    assert ledger.read_bytes() == users_version
    assert not list(ledger.parent.glob(".*relance-tmp*"))


# -- only letters that can be posted are recorded -------------------------------------------


def _levels(path: Path) -> dict[str, tuple]:
    from openpyxl import load_workbook

    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    at = {h: i for i, h in enumerate(header)}
    return {
        r[0]: (r[at["Niveau de relance"]], r[at["Statut relance"]])
        for r in ws.iter_rows(min_row=2, values_only=True)
        if r[0]
    }


def test_without_a_creditor_nothing_is_recorded_as_sent(tmp_path):
    ledger = _ledger(tmp_path / "a")
    result = relance_xlsx.run(ledger, relance_xlsx.Settings(), as_of=AS_OF, out_dir=tmp_path / "o")
    assert result.letters == [] and result.bundle is None
    assert len(result.to_complete) == 7  # one per client
    assert all("dans vos réglages" in x.missing[0] for x in result.to_complete)
    held = tmp_path / "o" / "a_completer"
    assert sorted(p.name for p in held.glob("*.docx") if "toutes" not in p.name) == sorted(
        Path(x.path).name for x in result.to_complete
    )
    listing = (held / "A_COMPLETER.txt").read_text(encoding="utf-8")
    assert "Client 3" in listing and "SIRET" in listing and "creditor." not in listing
    assert not (tmp_path / "o" / "a_imprimer.docx").exists()
    levels = _levels(ledger)
    assert all(level is None for level, _ in levels.values())
    assert all(status.startswith("Lettre à compléter") for _, status in levels.values())
    assert {i.action for i in result.invoices} == {"incomplete"}
    assert _journal_lines(ledger) == 0
    # Next week, with the creditor filled in, the first reminders go out for real.
    later = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "p")
    assert len(later.letters) == 7 and not later.to_complete
    assert {level for level, _ in _levels(ledger).values()} == {"Relance 1"}


def test_a_client_without_address_is_held_the_others_go(tmp_path):
    rows = [list(r) for r in INVOICES]
    for r in rows:
        if r[1] == "Client 2":
            r[6] = None
    ledger = write_ledger(tmp_path / "grand-livre.xlsx", rows)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, email=False)
    assert [x.client for x in result.to_complete] == ["Client 2"]
    assert result.to_complete[0].missing == ["adresse du client"]
    assert "Client 2" not in {x.client for x in result.letters}
    assert len(result.letters) == 6
    levels = _levels(ledger)
    for number, client, *_ in rows:
        level, status = levels[number]
        if client == "Client 2":
            assert level is None and "adresse du client" in status
        else:
            assert level == "Relance 1"
    from docx import Document

    bundle = Document(result.bundle)
    text = "\n".join(p.text for p in bundle.paragraphs)
    assert "Client 2" not in text and "Client 3" in text


# -- send: journal lines never lost, the draft's own recipients -----------------------------


def _drafted(folder: Path, port: int) -> Path:
    from test_email import _build, _point_at

    ledger = _build(folder)
    _point_at(folder, port, per_minute=10000)
    relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF, email=True)
    return ledger


def _email_lines(ledger: Path) -> int:
    from openpyxl import load_workbook

    ws = load_workbook(ledger)["Journal des relances"]
    return sum(1 for r in ws.iter_rows(min_row=2, values_only=True) if r[4] == "E-mail envoyé")


class _ExcelOpensItMidway(Sink):
    """Accepts messages; after the first one, the clerk opens the workbook in Excel."""

    ledger: Path | None = None

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        assert self.ledger is not None
        (self.ledger.parent / f"~${self.ledger.name}").write_text("x")
        return answer


def test_sent_but_not_journaled_is_journaled_by_the_next_run(tmp_path, serve):  # noqa: F811
    sink = _ExcelOpensItMidway()
    server = serve(sink)
    ledger = _drafted(tmp_path, server.port)
    sink.ledger = ledger
    plan = relance_xlsx.prepare_send(tmp_path / "relances" / AS_OF.isoformat())
    with pytest.raises(relance_xlsx.WorkbookError, match="pas encore notés dans le journal"):
        relance_xlsx.send(plan, now=lambda: dt.datetime(2026, 11, 22, 10, 0))
    assert len(sink.received) == 2  # both messages left
    (ledger.parent / f"~${ledger.name}").unlink()  # Excel closed
    assert _email_lines(ledger) == 0
    relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF + dt.timedelta(days=1))
    assert _email_lines(ledger) == 2  # one invoice per message
    plan = relance_xlsx.prepare_send(tmp_path / "relances" / AS_OF.isoformat())
    assert not plan.pending  # nothing is sent twice
    relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF + dt.timedelta(days=2))
    assert _email_lines(ledger) == 2  # and nothing journaled twice


def test_pending_lines_are_found_under_a_custom_out_folder(tmp_path, serve):  # noqa: F811
    """--out elsewhere: the next run beside the ledger still finds what is left to journal."""
    from test_email import _build, _point_at

    sink = _ExcelOpensItMidway()
    server = serve(sink)
    ledger = _build(tmp_path / "bureau")
    _point_at(ledger.parent, server.port, per_minute=10000)
    out = tmp_path / "ailleurs" / "semaine-47"
    relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF, email=True, out_dir=out)
    sink.ledger = ledger
    with pytest.raises(relance_xlsx.WorkbookError, match="pas encore notés"):
        relance_xlsx.send(relance_xlsx.prepare_send(out), now=lambda: dt.datetime(2026, 11, 22))
    (ledger.parent / f"~${ledger.name}").unlink()
    relance_xlsx.run(
        ledger, settings_near(ledger), as_of=AS_OF + dt.timedelta(days=1), out_dir=tmp_path / "o2"
    )
    assert _email_lines(ledger) == 2
    assert not relance_xlsx.prepare_send(out).pending


class _KillsTheSender(Sink):
    """Accepts messages; on the 7th, kills the sending process before answering it."""

    process: object = None
    killed = False

    async def handle_DATA(self, server, session, envelope):
        if len(self.received) == 6 and not self.killed:
            import signal

            self.killed = True
            self.process.send_signal(signal.SIGKILL)  # type: ignore[attr-defined]
            self.process.wait()  # type: ignore[attr-defined]
            return "451 stop"
        return await super().handle_DATA(server, session, envelope)


def test_killed_during_send_the_rerun_sends_the_rest_once_and_journals_all(tmp_path, serve):  # noqa: F811
    import subprocess
    import sys

    from test_email import HEADERS as MAIL_HEADERS
    from test_email import _config

    rows = [
        [f"F-{i:03}", f"Client {i}", D(2026, 9, 1), D(2026, 10, 1), 100.0 + i, ADDRESS,
         f"compta@client{i}.fr", None, None, None]
        for i in range(12)
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, MAIL_HEADERS)
    sink = _KillsTheSender()
    server = serve(sink)
    _config(tmp_path, {"host": "127.0.0.1", "port": server.port, "security": "none",
                       "per_minute": 10000, "bcc_self": False})  # fmt: skip
    relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF, email=True)
    folder = tmp_path / "relances" / AS_OF.isoformat()
    command = [sys.executable, "-m", "relance_xlsx", "send", str(folder), "--yes"]
    sink.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sink.process.wait(timeout=120)
    assert sink.process.returncode == -9
    first = [rcpts[0] for _, rcpts, _ in sink.received]
    assert len(first) == 6
    assert _email_lines(ledger) == 0  # killed before the journal was written
    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    everyone = [rcpts[0] for _, rcpts, _ in sink.received]
    assert sorted(everyone) == sorted(f"compta@client{i}.fr" for i in range(12))  # each once
    assert _email_lines(ledger) == 12  # the first six journaled too


def test_send_goes_to_the_drafts_own_recipients(tmp_path, serve):  # noqa: F811
    sink = Sink()
    server = serve(sink)
    _drafted(tmp_path, server.port)
    folder = tmp_path / "relances" / AS_OF.isoformat() / "emails"
    drafts = sorted(folder.glob("*.eml"))
    edited, bcc = drafts[0], drafts[1]
    edited.write_bytes(edited.read_bytes().replace(b"compta@alpha.fr", b"nouvelle@alpha.fr"))
    text = bcc.read_bytes()
    bcc.write_bytes(text.replace(b"\nSubject:", b"\nBcc: espion@ailleurs.fr\nSubject:", 1))
    plan = relance_xlsx.prepare_send(folder.parent)
    result = relance_xlsx.send(plan, now=lambda: dt.datetime(2026, 11, 22, 10, 0))
    statuses = {Path(d.file).name: (d.status, d.detail) for d in result.deliveries}
    assert statuses[bcc.name][0] == "refused" and "Bcc" in statuses[bcc.name][1]
    assert [r[1] for r in sink.received] == [["nouvelle@alpha.fr", "compta@conseil.fr"]]
