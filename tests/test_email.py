"""E-mail: drafts written by a run, then sent to a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from conftest import AS_OF, settings_near, soffice, write_ledger
from conftest import HEADERS as BASE_HEADERS
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx import ConfigError, EmailError, TemplateError, settings_from_dict
from relance_xlsx.cli import app
from relance_xlsx.ledger import ALL_KINDS
from relance_xlsx.letters import sample_context
from relance_xlsx.mail import EMAIL_ACTION, SENT_LOG, parse_addresses, render_email
from relance_xlsx.wording import BY_ATTACHED_LETTER, BY_TABLE, money, plain

# The usual ledger columns without "Montant réglé", plus what e-mail needs.
HEADERS = [
    *[h for h in BASE_HEADERS if h != "Montant réglé"],
    "E-mail",
    "PDF facture",
    "Niveau de relance",
    "Date de relance",
]
D = dt.date
# Each client shows one case: one address, two addresses, none, an unreadable one,
# an invoice PDF that exists, one that does not.
ROWS = [
    ["F-001", "Atelier Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, "1 rue A\n75001 Paris",
     "compta@alpha.fr", "factures/F-001.pdf", None, None],
    ["F-002", "Boulangerie Bêta", D(2026, 9, 5), D(2026, 10, 5), 480.0, "2 rue B\n69001 Lyon",
     "a@beta.fr; b@beta.fr", "factures/absente.pdf", "Relance 1", D(2026, 10, 20)],
    ["F-003", "Café Gamma", D(2026, 9, 8), D(2026, 10, 8), 90.0, "3 rue C\n13001 Marseille",
     None, None, None, None],
    ["F-004", "Droguerie Delta", D(2026, 9, 9), D(2026, 10, 9), 300.0, "4 rue D\n33000 Bordeaux",
     "pas une adresse", None, None, None],
]  # fmt: skip


def _config(folder: Path, smtp: dict[str, Any] | None = None) -> Path:
    lines = [
        "[creditor]",
        'name = "Conseil & Associés"',
        'address = "10 place du Marché\\n31000 Toulouse"',
        'siret = "123 456 789 00012"',
        'legal_form = "SARL"',
        'share_capital = "10 000 €"',
        'rcs_city = "Toulouse"',
        'vat_number = "FR32123456789"',
        'phone = "05 61 00 00 00"',
        'email = "compta@conseil.fr"',
        'signatory = "Claire Martin"',
        'iban = "FR76 3000 4000 0500 0012 3456 789"',
        'bic = "BNPAFRPPXXX"',
        "[smtp]",
        'from_address = "compta@conseil.fr"',
    ]
    for key, value in (smtp or {}).items():
        # JSON strings, integers and booleans are valid TOML values as written.
        lines.append(f"{key} = {json.dumps(value)}")
    path = folder / "relance.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "factures").mkdir()
    (folder / "factures" / "F-001.pdf").write_bytes(_tiny_pdf("Facture F-001"))
    _config(folder)
    return write_ledger(folder / "ledger.xlsx", ROWS, HEADERS)


def _tiny_pdf(text: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PDF", title=text)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run with --email on the small ledger; tests copy the folder before changing it."""
    folder = tmp_path_factory.mktemp("drafted")
    ledger = _build(folder)
    relance_xlsx.run(
        ledger, settings_near(ledger), as_of=AS_OF, email=True, now=dt.datetime(2026, 11, 22, 9, 0)
    )
    return folder


@pytest.fixture
def workdir(drafted: Path, tmp_path: Path) -> Path:
    """A private copy of the drafted run (ledger, config, letters, drafts)."""
    target = tmp_path / "bureau"
    shutil.copytree(drafted, target)
    return target


def _parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def _emails(folder: Path) -> dict[str, EmailMessage]:
    out = folder / "relances" / AS_OF.isoformat() / "emails"
    return {p.name: _parse(p.read_bytes()) for p in sorted(out.glob("*.eml"))}


# --- drafts -------------------------------------------------------------------------------


def test_run_writes_one_draft_per_letter_with_an_address(drafted: Path) -> None:
    emails = _emails(drafted)
    assert sorted(emails) == [
        "2026-11-22 Relance 1 - Atelier Alpha.eml",
        "2026-11-22 Relance 2 - Boulangerie Bêta.eml",
    ]
    alpha = emails["2026-11-22 Relance 1 - Atelier Alpha.eml"]
    assert alpha["X-Unsent"] == "1"  # Outlook opens it as a draft, nothing is sent
    assert alpha["To"] == "Atelier Alpha <compta@alpha.fr>"
    assert alpha["From"] == "Conseil & Associés <compta@conseil.fr>"
    assert plain(alpha["Subject"]) == "Relance : facture n° F-001 échue le 1er octobre 2026"
    text = plain(alpha.get_body(("plain",)).get_content())
    assert "nous n'avons pas reçu à ce jour le règlement de la facture n° F-001" in text
    assert f"régler la somme de {plain(money(1200.0))} au plus tard le 30 novembre 2026" in text
    # The signature carries the business papers' mentions (R123-237), in both bodies.
    html = plain(alpha.get_body(("html",)).get_content())
    for body in (text, html):
        assert "Conseil &amp; Associés – SARL au capital de 10 000 €" in body.replace(
            "Conseil & Associés", "Conseil &amp; Associés"
        )
        assert "RCS Toulouse 123 456 789 – SIRET 123 456 789 00012" in body
        assert "TVA intracommunautaire FR32123456789" in body
    beta = emails["2026-11-22 Relance 2 - Boulangerie Bêta.eml"]
    assert [a.addr_spec for a in beta["To"].addresses] == ["a@beta.fr", "b@beta.fr"]
    assert plain(beta["Subject"]) == "Deuxième relance : facture n° F-002 impayée"


def test_letter_and_invoice_pdf_are_attached_and_open(drafted: Path) -> None:
    alpha = _emails(drafted)["2026-11-22 Relance 1 - Atelier Alpha.eml"]
    parts = {a.get_filename(): a for a in alpha.iter_attachments()}
    stem = "2026-11-22 Relance 1 - Atelier Alpha"
    letter = f"{stem}.pdf" if soffice() else f"{stem}.docx"
    assert sorted(parts) == sorted([letter, "F-001.pdf"])
    data = parts[letter].get_content()
    if soffice():
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "Atelier Alpha" in text and "F-001" in text
    else:
        assert "Atelier Alpha" in "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert PdfReader(io.BytesIO(parts["F-001.pdf"].get_content())).metadata.title == "Facture F-001"


def test_missing_address_bad_address_and_missing_pdf_are_reported(tmp_path: Path) -> None:
    ledger = _build(tmp_path)
    result = relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF, email=True, dry_run=True)
    assert result.no_email == ["Café Gamma", "Droguerie Delta"]
    bad = [p for p in result.problems if p.column == "E-mail"]
    assert [(p.row, p.value) for p in bad] == [(5, "pas une adresse")]
    result = relance_xlsx.run(
        ledger, settings_near(ledger), as_of=AS_OF, email=True, write_workbook=False
    )
    missing = [p for p in result.problems if p.column == "PDF facture"]
    assert [(p.row, p.value) for p in missing] == [(3, "factures/absente.pdf")]
    assert len(result.emails) == 2


@pytest.mark.parametrize(
    ("language", "kind", "subject"),
    [
        ("fr", "pre_echeance", "Rappel : factures n° F2026-014 et F2026-021 à régler"),
        ("fr", "relance_1", "Relance : factures n° F2026-014 et F2026-021 échues"),
        ("fr", "relance_2", "Deuxième relance : factures n° F2026-014 et F2026-021 impayées"),
        ("fr", "mise_en_demeure", "Mise en demeure de payer : factures n° F2026-014 et F2026-021"),
        # The sample's business invoices were paid late, their penalties owed and not claimed:
        # a receipt, without thanks (review of 7 December 2026, finding 4).
        ("fr", "remerciement", "Règlement reçu : factures n° F2026-014 et F2026-021"),
        ("en", "relance_1", "Payment reminder: invoices F2026-014 and F2026-021 overdue"),
        ("en", "relance_2", "Second reminder: invoices F2026-014 and F2026-021 unpaid"),
        ("en", "mise_en_demeure", "Formal notice to pay: invoices F2026-014 and F2026-021"),
    ],
    ids=lambda v: str(v),
)
def test_subject_per_kind_and_language(language: str, kind: str, subject: str) -> None:
    body = render_email(sample_context(language, kind), language, settings_from_dict({}))
    assert plain(body.subject) == subject
    assert body.text.strip() and "<p>" in body.html


SIGNS = re.compile(r"[ \u00a0][:;!?»]|«[ \u00a0]")
# A day, a month and a year, or a number and its unit, with a space a line may break at.
LOOSE = re.compile(
    r"\d (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|jours|days|€)|(?:novembre|November) \d|n° \w"
)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_messages_are_set_as_their_letters_are(language: str, kind: str) -> None:
    """French spaces before « : ; ! ? » (narrow, no-break), no line break between a day and
    its month or a number and its unit, in the subject and both bodies; the invoice numbers'
    hyphens stay plain (copied into a transfer's reference) and the HTML's markup untouched."""
    ctx = sample_context(language, kind)
    body = render_email(ctx, language, settings_from_dict({}))
    html_text = re.sub(r"<[^>]*>", "", body.html)
    for text in (body.subject, body.text, html_text):
        assert not LOOSE.search(text), LOOSE.search(text)
        assert "\u2011" not in text
        if language == "fr":
            assert not SIGNS.search(text), text[SIGNS.search(text).start() - 40 :][:80]
            assert not re.search(r"\w[:;!?]", re.sub(r"https?://\S+", "", text)), text
        else:
            assert "\u202f:" not in text and "\u202f;" not in text
    assert 'style="font-family: Calibri' in body.html  # a tag's own colon left as it is


def test_client_names_are_text_in_html_and_never_break_the_subject() -> None:
    ctx = sample_context("fr", "relance_1")
    ctx["debtor"]["contact"] = 'R&D <Sud> "Ouest"'
    ctx["letter"]["subject_title"] = "F-1\nBcc: victime@example.com"
    body = render_email(ctx, "fr", settings_from_dict({}))
    assert "\n" not in body.subject and "Bcc: victime" in body.subject  # one line, as text
    assert "R&amp;D &lt;Sud&gt; &#34;Ouest&#34;" in body.html
    assert 'Bonjour R&D <Sud> "Ouest"' in body.text


def test_a_broken_email_template_stops_the_run_before_any_letter(tmp_path: Path) -> None:
    ledger = _build(tmp_path)
    (tmp_path / "modeles" / "email").mkdir(parents=True)
    (tmp_path / "modeles" / "email" / "objet.txt").write_text("Relance {{ debiteur.nom }}")
    config = tmp_path / "relance.toml"
    config.write_text(config.read_text() + '[letters]\ntemplate_dir = "modeles"\n')
    with pytest.raises(TemplateError, match=r"objet\.txt"):
        relance_xlsx.run(ledger, settings_near(ledger), as_of=AS_OF, email=True)
    assert not (tmp_path / "relances").exists()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("compta@alpha.fr", ["compta@alpha.fr"]),
        ("a@beta.fr; b@beta.fr", ["a@beta.fr", "b@beta.fr"]),
        ("Jean Dupont <jean@dupont.fr>", ["jean@dupont.fr"]),
        ("a@x.fr,\nb@y.fr", ["a@x.fr", "b@y.fr"]),
        ("pas une adresse", ValueError),
        ("jean@", ValueError),
        ("a@x.fr; n'importe quoi", ValueError),
        ("a@x.fr;a@x.fr;A@X.FR", ["a@x.fr"]),
        ("Compta <Compta@Beta.fr>, b@beta.fr; compta@beta.fr", ["Compta@Beta.fr", "b@beta.fr"]),
    ],
    ids=[
        *("one", "semicolon", "display-name", "newline", "words", "no-domain", "one-bad"),
        *("same-thrice", "same-case-apart"),
    ],
)
def test_parse_addresses(cell: str, expected: Any) -> None:
    if expected is ValueError:
        with pytest.raises(ValueError):
            parse_addresses(cell)
    else:
        assert parse_addresses(cell) == expected


def test_password_in_config_is_refused() -> None:
    with pytest.raises(ConfigError, match="RELANCE_SMTP_PASSWORD"):
        settings_from_dict({"smtp": {"host": "smtp.example.fr", "password": "secret"}})


# --- a real SMTP server on loopback ---------------------------------------------------------


@dataclass
class Sink:
    """An SMTP handler that keeps what it accepts and refuses the addresses it is told to."""

    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None  # answer 421 to DATA once this many messages are accepted
    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Destinataire inconnu"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            self.drop_after = None
            return "421 4.3.0 Service indisponible, connexion fermée"
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    sink: Sink
    port: int
    ca_file: Path | None = None


@pytest.fixture
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[ssl.SSLContext, Path]:
    """A self-signed CA and a server certificate for 127.0.0.1."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return context, ca_file


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = (auth_data.login, auth_data.password) == (b"compta", b"s3cret")
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


@pytest.fixture
def serve() -> Iterator[Any]:
    """Start aiosmtpd servers on loopback for one test; all are stopped afterwards."""
    controllers: list[Controller] = []

    def start(sink: Sink, **kw: Any) -> Server:
        port = _free_port()
        controller = Controller(sink, hostname="127.0.0.1", port=port, **kw)
        controller.start()
        controllers.append(controller)
        return Server(sink, port)

    yield start
    for c in controllers:
        c.stop()


def _point_at(folder: Path, port: int, **smtp: Any) -> None:
    _config(folder, {"host": "127.0.0.1", "port": port, "security": "none", **smtp})


def _send(folder: Path, **kw: Any) -> relance_xlsx.SendResult:
    plan = relance_xlsx.prepare_send(folder / "relances" / AS_OF.isoformat())
    return relance_xlsx.send(plan, now=lambda: dt.datetime(2026, 11, 22, 10, 0), **kw)


def _journal(ledger: Path) -> list[tuple[Any, ...]]:
    ws = load_workbook(ledger)["Journal des relances"]
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if r[4] == EMAIL_ACTION]


def test_plain_smtp_sends_each_draft_once_and_journals_it(workdir: Path, serve: Any) -> None:
    server = serve(Sink())
    _point_at(workdir, server.port)
    result = _send(workdir)
    assert result.count("sent") == 2 and result.count("refused") == 0
    received = {
        plain(_parse(data)["Subject"]): (sender, rcpts, _parse(data))
        for sender, rcpts, data in server.sink.received
    }
    sender, rcpts, msg = received["Relance : facture n° F-001 échue le 1er octobre 2026"]
    assert sender == "compta@conseil.fr"
    assert rcpts == ["compta@alpha.fr", "compta@conseil.fr"]  # bcc to self, not in the headers
    assert "Bcc" not in msg and msg["X-Unsent"] is None
    assert msg["Date"] == "Sun, 22 Nov 2026 10:00:00 " + msg["Date"].split()[-1]
    names = sorted(a.get_filename() for a in msg.iter_attachments())
    assert "F-001.pdf" in names and any(
        n.startswith("2026-11-22 Relance 1 - Atelier Alpha") for n in names
    )
    lines = _journal(workdir / "ledger.xlsx")
    assert sorted((r[1], r[3], r[8]) for r in lines) == [
        ("F-001", "Relance 1", "2026-11-22 Relance 1 - Atelier Alpha.eml"),
        ("F-002", "Relance 2", "2026-11-22 Relance 2 - Boulangerie Bêta.eml"),
    ]
    assert (workdir / "relances" / AS_OF.isoformat() / "emails" / SENT_LOG).is_file()

    again = _send(workdir)  # a re-run on the same date sends nothing twice
    assert again.count("already_sent") == 2 and again.count("sent") == 0
    assert len(server.sink.received) == 2
    assert len(_journal(workdir / "ledger.xlsx")) == 2


@pytest.mark.parametrize(
    ("from_address", "copy"),
    [
        # « Adresse d'expéditeur » left empty: the creditor's e-mail gets the copy.
        pytest.param("", "compta@conseil.fr", id="sender-empty"),
        pytest.param("envoi@conseil.fr", "envoi@conseil.fr", id="sender-set"),
    ],
)
def test_the_hidden_copy_goes_to_the_sender_or_the_creditor(
    workdir: Path, serve: Any, from_address: str, copy: str
) -> None:
    server = serve(Sink())
    _point_at(workdir, server.port)
    config = workdir / "relance.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('from_address = "compta@conseil.fr"', f'from_address = "{from_address}"'),
        encoding="utf-8",
    )
    assert _send(workdir).count("sent") == 2
    for mail_from, rcpts, data in server.sink.received:
        assert mail_from == "compta@conseil.fr"  # the drafts' From, written by the run
        assert rcpts[-1] == copy and rcpts.count(copy) == 1
        assert "Bcc" not in _parse(data)


def test_journal_alone_prevents_a_second_send(workdir: Path, serve: Any) -> None:
    server = serve(Sink())
    _point_at(workdir, server.port)
    _send(workdir)
    (workdir / "relances" / AS_OF.isoformat() / "emails" / SENT_LOG).unlink()
    plan = relance_xlsx.prepare_send(workdir / "relances" / AS_OF.isoformat())
    assert plan.pending == () and len(plan.already_sent) == 2


def test_starttls_with_self_signed_certificate_and_login(
    workdir: Path, serve: Any, tls: tuple[ssl.SSLContext, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    context, ca_file = tls
    server = serve(Sink(), tls_context=context, require_starttls=True, authenticator=_authenticator)
    _point_at(workdir, server.port, security="starttls", user="compta")
    monkeypatch.setenv("RELANCE_SMTP_CA_FILE", str(ca_file))
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("RELANCE_SMTP_HOST", "127.0.0.1")
    result = _send(workdir)
    assert result.count("sent") == 2 and len(server.sink.received) == 2


def test_implicit_tls(
    workdir: Path, serve: Any, tls: tuple[ssl.SSLContext, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    context, ca_file = tls
    server = serve(Sink(), ssl_context=context)
    _point_at(workdir, server.port, security="ssl")
    monkeypatch.setenv("RELANCE_SMTP_CA_FILE", str(ca_file))
    assert _send(workdir).count("sent") == 2


@pytest.mark.parametrize(
    "security", ["starttls", "ssl"], ids=["starttls-ca-from-file", "ssl-ca-from-file"]
)
def test_a_ca_named_by_the_shared_relance_toml_never_gets_the_password(
    workdir: Path,
    serve: Any,
    tls: tuple[ssl.SSLContext, Path],
    monkeypatch: pytest.MonkeyPatch,
    security: str,
) -> None:
    # An impostor of the real host, with a certificate from a CA that whoever writes into
    # the share dropped beside the ledger and named in relance.toml: nothing reaches it.
    context, ca_file = tls
    tried: list[bytes] = []

    def spy(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        tried.append(auth_data.password)
        return _authenticator(server, session, envelope, mechanism, auth_data)

    tls_kw = {"ssl_context": context} if security == "ssl" else {"tls_context": context}
    server = serve(Sink(), authenticator=spy, auth_require_tls=False, **tls_kw)
    _point_at(workdir, server.port, security=security, user="compta", ca_file=str(ca_file))
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("RELANCE_SMTP_HOST", "127.0.0.1")
    monkeypatch.delenv("RELANCE_SMTP_CA_FILE", raising=False)
    with pytest.raises(EmailError, match="RELANCE_SMTP_CA_FILE") as refused:
        _send(workdir)
    assert "relance.toml ne choisit pas le certificat" in str(refused.value)
    assert tried == [] and server.sink.received == []
    assert _journal(workdir / "ledger.xlsx") == []


def test_the_tls_refusal_no_longer_points_at_a_ca_file_in_relance_toml(
    workdir: Path, serve: Any, tls: tuple[ssl.SSLContext, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    context, _ = tls
    server = serve(Sink(), ssl_context=context)
    _point_at(workdir, server.port, security="ssl")
    monkeypatch.delenv("RELANCE_SMTP_CA_FILE", raising=False)
    with pytest.raises(EmailError, match="CERTIFICATE_VERIFY_FAILED") as refused:
        _send(workdir)
    said = str(refused.value)
    assert "ca_file" not in said and "RELANCE_SMTP_CA_FILE" in said, said


@pytest.mark.parametrize(
    ("password", "ca", "message"),
    [
        ("faux", True, "refuse l'identifiant compta"),
        (None, True, "Mot de passe d'envoi absent"),
        ("s3cret", False, "Connexion sécurisée impossible"),
    ],
    ids=["wrong-password", "no-password", "untrusted-certificate"],
)
def test_login_and_tls_failures_stop_before_sending(
    workdir: Path,
    serve: Any,
    tls: tuple[ssl.SSLContext, Path],
    monkeypatch: pytest.MonkeyPatch,
    password: str | None,
    ca: bool,
    message: str,
) -> None:
    context, ca_file = tls
    server = serve(
        Sink(),
        tls_context=context,
        require_starttls=True,
        authenticator=_authenticator,
    )
    smtp = {"security": "starttls", "user": "compta"}
    _point_at(workdir, server.port, **smtp)
    monkeypatch.delenv("RELANCE_SMTP_CA_FILE", raising=False)
    if ca:
        monkeypatch.setenv("RELANCE_SMTP_CA_FILE", str(ca_file))
    monkeypatch.delenv("RELANCE_SMTP_PASSWORD", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if password:
        monkeypatch.setenv("RELANCE_SMTP_PASSWORD", password)
        monkeypatch.setenv("RELANCE_SMTP_HOST", "127.0.0.1")
    with pytest.raises(EmailError, match=message):
        _send(workdir)
    assert server.sink.received == []
    assert _journal(workdir / "ledger.xlsx") == []


def test_a_refused_recipient_stops_only_its_message(workdir: Path, serve: Any) -> None:
    server = serve(Sink(refuse={"compta@alpha.fr"}))
    _point_at(workdir, server.port)
    result = _send(workdir)
    by_client = {d.client: d for d in result.deliveries}
    assert by_client["Atelier Alpha"].status == "refused"
    assert "compta@alpha.fr refusé (550" in by_client["Atelier Alpha"].detail
    assert by_client["Boulangerie Bêta"].status == "sent"
    assert [r[1] for r in _journal(workdir / "ledger.xlsx")] == ["F-002"]
    # the refused one is still pending: a later send tries it again
    plan = relance_xlsx.prepare_send(workdir / "relances" / AS_OF.isoformat())
    assert [d.client for d in plan.pending] == ["Atelier Alpha"]


def test_a_dropped_connection_fails_one_message_and_the_next_reconnects(
    workdir: Path, serve: Any
) -> None:
    server = serve(Sink(drop_after=0))
    _point_at(workdir, server.port)
    result = _send(workdir)
    assert [d.status for d in result.deliveries] == ["failed", "sent"]
    assert "421" in result.deliveries[0].detail
    assert len(server.sink.received) == 1


def test_sending_is_rate_limited(workdir: Path, serve: Any) -> None:
    server = serve(Sink())
    _point_at(workdir, server.port, per_minute=2)
    pauses: list[float] = []
    result = _send(workdir, sleep=pauses.append)
    assert result.count("sent") == 2
    assert len(pauses) == 1 and 29.0 < pauses[0] <= 30.0


def test_unreachable_server_is_one_sentence(workdir: Path) -> None:
    _point_at(workdir, _free_port())
    with pytest.raises(EmailError, match=r"Impossible de joindre le serveur d.envoi 127\.0\.0\.1"):
        _send(workdir)


def test_cli_send_needs_yes_without_a_terminal_and_sends_with_it(workdir: Path, serve: Any) -> None:
    server = serve(Sink())
    _point_at(workdir, server.port)
    folder = str(workdir / "relances" / AS_OF.isoformat())
    refused = CliRunner().invoke(app, ["send", folder])
    assert refused.exit_code == 2 and "--yes" in refused.output
    assert server.sink.received == []
    done = CliRunner().invoke(app, ["send", folder, "--yes", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["counts"]["sent"] == 2 and len(server.sink.received) == 2


def test_cli_run_email_send_in_one_command(tmp_path: Path, serve: Any) -> None:
    server = serve(Sink())
    ledger = _build(tmp_path)
    _point_at(tmp_path, server.port)
    result = CliRunner().invoke(
        app, ["run", str(ledger), "--as-of", AS_OF.isoformat(), "--email", "--send", "--yes"]
    )
    assert result.exit_code == 0, result.output
    assert "2 envoyé(s)" in result.stdout and len(server.sink.received) == 2
    assert "Café Gamma" in result.stdout  # listed: paper letter only


def test_send_without_drafts_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["send", str(tmp_path), "--yes"])
    assert result.exit_code == 1 and "relance run --email" in result.output


@pytest.mark.parametrize(
    ("language", "kind"),
    [
        ("fr", "relance_2"),
        ("en", "relance_2"),
        ("fr", "mise_en_demeure"),
        ("en", "mise_en_demeure"),
    ],
    ids=lambda v: str(v),
)
def test_a_message_never_points_to_a_table_it_does_not_have(language: str, kind: str) -> None:
    """Too many reminder dates for a sentence: the letter says its table gives them; the
    message has no table and sends the reader to the letter attached."""
    ctx = sample_context(language, kind)
    for part in ctx["parts"]:
        part["previous_reminders"], part["reminded"] = BY_TABLE[language], True
    body = render_email(ctx, language, settings_from_dict({}))
    for text in (body.text, body.html):
        flat = plain(text)
        assert "tableau ci-dessous" not in flat and "table below" not in flat
        assert plain(BY_ATTACHED_LETTER[language]) in flat


def test_each_hint_of_the_command_line_has_its_page_words() -> None:
    # The command line names relance.toml's keys; the page, the fields of its « Réglages ».
    from relance_xlsx.mail import hints

    said = [getattr(hints, n) for n in hints.__all__ if n not in ("page_words", "SAVE_PASSWORD")]
    said.append(
        f"Mot de passe d'envoi absent pour compta : {hints.SAVE_PASSWORD}, ou définissez la "
        "variable RELANCE_SMTP_PASSWORD (ou « keyring set relance-xlsx compta@smtp.fr:587 »)."
    )
    for text in said:
        shown = hints.page_words(text)
        assert not any(w in shown for w in ("[smtp]", "relance.toml", "keyring", "ca_file")), shown
        assert shown != text
