"""Send prepared drafts through SMTP, one at a time, recording each accepted message."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses
from pathlib import Path

from ..config import Smtp
from ..errors import EmailError
from ..userfiles import FileRefused, read_checked, write_bytes_atomically
from .cafile import checked_ca_file
from .emails import UNSENT_HEADER, Draft, parse_addresses
from .hints import (
    CA_ENV,
    CA_FILE,
    CHECK_HOST,
    CHECK_SECURITY,
    CHECK_SETTINGS,
    SAVE_PASSWORD,
    SET_SECURITY,
)
from .password import KEYRING_SERVICE, PASSWORD_ENV, keyring_user, refuse_clear_login
from .wire import BoundedSMTP, BoundedSMTPSSL, Wire, smtp_text, smtp_words

SENT_LOG = "envoyes.json"


@dataclass(frozen=True)
class Delivery:
    """What happened to one draft: sent, refused, failed or already sent earlier."""

    file: str
    client: str
    to: tuple[str, ...]
    status: str
    detail: str = ""


def read_sent_log(folder: Path) -> dict[str, dict[str, object]]:
    """Drafts already accepted by the server, by file name."""
    path = folder / SENT_LOG
    if not path.is_file():
        return {}
    try:
        data = json.loads(read_checked(path, max_mb=16).decode("utf-8"))
    except (OSError, ValueError, FileRefused) as exc:
        raise EmailError(
            f"{path} est illisible (fichier endommagé ou remplacé) : sans lui, des messages "
            "pourraient partir deux fois ; vérifiez-le avant de relancer l'envoi."
        ) from exc
    return dict(data)


def record_sent_log(folder: Path, log: dict[str, dict[str, object]]) -> None:
    """Save the sent log atomically."""
    # Written after every accepted message, atomically: a crash never forgets a sent one.
    data = json.dumps(log, ensure_ascii=False, indent=2).encode("utf-8")
    write_bytes_atomically(folder / SENT_LOG, data)


DRAFT_MB = 100  # a draft: its letter and the invoices' PDFs, 10 MB each at most


def _context(smtp: Smtp) -> ssl.SSLContext:
    """The TLS context: the system's CAs, and the one RELANCE_SMTP_CA_FILE names, read once."""
    # relance.toml sits in a shared folder: a CA it named would let whoever writes there
    # vouch for an impostor of the real host, which then gets the password and the letters.
    if smtp.ca_file.strip():
        raise EmailError(
            f"{CA_FILE}relance.toml ne choisit pas le certificat auquel l'envoi se fie (placé "
            "dans un dossier partagé, il ferait partir le mot de passe et les messages vers "
            "un serveur que seul ce certificat garantit) : retirez cette ligne ; pour un "
            "serveur au certificat auto-signé, le certificat que vous remet la personne qui "
            f"le gère se donne par la variable d'environnement {CA_ENV}."
        )
    ca_file = os.environ.get(CA_ENV, "").strip()
    if not ca_file:
        return ssl.create_default_context()
    checked = checked_ca_file(ca_file)  # a full path, a file only this user may change
    try:
        return ssl.create_default_context(cafile=str(checked))
    except (ssl.SSLError, OSError) as exc:
        raise EmailError(
            f"{CA_ENV} : {ca_file} n'est pas un certificat lisible (format PEM attendu, "
            "« -----BEGIN CERTIFICATE----- »)."
        ) from exc


class Mailer:
    """One SMTP connection, opened on first use and reopened after the server drops it."""

    def __init__(self, smtp: Smtp, password: str | None) -> None:
        self.smtp = smtp
        self.password = password
        self.client: Wire | None = None

    def connect(self) -> Wire:
        """Open, secure and log in; errors that stop the whole batch become EmailError."""
        s = self.smtp
        refuse_clear_login(s)
        context = _context(s)
        where = f"{s.host}:{s.port}"
        try:
            # One deadline for the conversation: connecting, securing, logging in, sending.
            client: Wire
            if s.security == "ssl":
                client = BoundedSMTPSSL(s.host, s.port, s.timeout, context)
            else:
                client = BoundedSMTP(s.host, s.port, s.timeout)
                if s.security == "starttls":
                    client.starttls(context=context)
            if s.user:
                if not self.password:
                    client.close()
                    raise EmailError(
                        f"Mot de passe d'envoi absent pour {s.user} : {SAVE_PASSWORD}, ou "
                        f"définissez la variable {PASSWORD_ENV} (ou « keyring set "
                        f"{KEYRING_SERVICE} {keyring_user(s.user, s.host, s.port)} »)."
                    )
                client.login(s.user, self.password)
        except smtplib.SMTPAuthenticationError as exc:
            raise EmailError(
                f"Le serveur {where} refuse l'identifiant {s.user} ({exc.smtp_code} "
                f"{smtp_text(exc.smtp_error)}) ; vérifiez le mot de passe."
            ) from exc
        except ssl.SSLError as exc:
            raise EmailError(
                f"Connexion sécurisée impossible avec {where} ({exc.reason or 'TLS'}) ; "
                f"{CHECK_SECURITY}."
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise EmailError(
                f"Le serveur {where} ne propose pas STARTTLS ; {SET_SECURITY}."
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            said = smtp_words(exc, s.timeout)
            check = "" if CHECK_HOST in said else f" ; {CHECK_SETTINGS}"  # said once
            raise EmailError(
                f"Impossible de joindre le serveur d'envoi {where} : {said}{check}."
            ) from exc
        self.client = client
        return client

    def send(self, msg: EmailMessage, recipients: list[str]) -> dict[str, tuple[int, bytes]]:
        """Send one message; returns the recipients the server refused."""
        client = self.client
        if client is None or client.sock is None:
            # smtplib closes the socket itself after a 421 reply: open a new one.
            client = self.connect()
        else:
            client.set_deadline(self.smtp.timeout)  # the whole conversation of this message
        try:
            return client.send_message(msg, to_addrs=recipients)
        except smtplib.SMTPServerDisconnected:
            self.client = None
            raise

    def close(self) -> None:
        """Say goodbye to the server if still connected."""
        if self.client is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.client.set_deadline(min(self.smtp.timeout, 5))
                self.client.quit()
            self.client = None


def send_drafts(
    folder: Path,
    drafts: list[Draft],
    smtp: Smtp,
    password: str | None,
    *,
    log: dict[str, dict[str, object]],
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    advance: Callable[[], None] = lambda: None,
    max_recipients: int = 10,
) -> list[Delivery]:
    """Send each draft, at most per_minute a minute; a refusal stops only its message.

    log is the sent log read by the caller; accepted messages are added to it and saved.
    """
    mailer = Mailer(smtp, password)
    interval = 60.0 / smtp.per_minute
    last: float | None = None
    results: list[Delivery] = []
    try:
        for draft in drafts:
            if last is not None and clock() - last < interval:
                sleep(interval - (clock() - last))
            last = clock()
            one = _send_one(folder, draft, smtp, mailer, log, now(), max_recipients)
            results.append(one)
            advance()
    finally:
        mailer.close()
    return results


def _send_one(
    folder: Path,
    draft: Draft,
    smtp: Smtp,
    mailer: Mailer,
    log: dict[str, dict[str, object]],
    when: dt.datetime,
    limit: int,
) -> Delivery:
    raw = read_checked(folder / draft.file, max_mb=DRAFT_MB)  # a draft, not a FIFO or 10 GB
    msg = BytesParser(policy=policy.SMTP).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    del msg[UNSENT_HEADER]
    del msg["Date"]
    msg["Date"] = format_datetime(when.astimezone())
    if not msg["From"]:
        msg["From"] = smtp.from_address
    try:
        recipients = draft_recipients(msg, limit)
    except ValueError as exc:
        return Delivery(draft.file, draft.client, draft.to, "refused", f"brouillon modifié : {exc}")
    copy = [smtp.from_address] if smtp.bcc_self and smtp.from_address else []
    try:
        refused = mailer.send(msg, recipients + copy)
    except smtplib.SMTPRecipientsRefused as exc:
        return _refused(draft, exc.recipients)
    except (smtplib.SMTPException, OSError) as exc:
        said = smtp_words(exc, smtp.timeout)
        return Delivery(draft.file, draft.client, draft.to, "failed", said)
    lost = {a: r for a, r in refused.items() if a in recipients}
    if len(lost) == len(recipients):
        return _refused(draft, lost)
    # Delivered to at least one address: recorded, so a re-run never sends it twice.
    log[draft.file] = {
        "sent_at": when.isoformat(timespec="seconds"),
        "to": recipients,
        "message_id": msg["Message-ID"],
        "journaled": False,  # set once its journal lines are in the workbook
    }
    record_sent_log(folder, log)
    detail = _refused(draft, lost).detail
    return Delivery(draft.file, draft.client, tuple(recipients), "sent", detail)


def draft_recipients(msg: EmailMessage, limit: int) -> list[str]:
    """Who a draft goes to, read from its own To and Cc headers (the clerk may edit them).

    A Bcc header or an address that cannot be read refuses the draft: nobody hidden, nobody
    unknown, gets the letter.
    """
    if msg.get_all("Bcc"):
        raise ValueError("un en-tête Bcc a été ajouté ; mettez l'adresse en Cc ou dans To")
    try:
        values = [str(v) for name in ("To", "Cc") for v in msg.get_all(name) or []]
    except (ValueError, TypeError, IndexError) as exc:
        raise ValueError(f"en-têtes To/Cc illisibles ({exc})") from None
    found = [addr for _, addr in getaddresses(values) if addr]
    if not found:
        raise ValueError("aucun destinataire lisible dans To")
    return parse_addresses(", ".join(found), limit)


def _refused(draft: Draft, refused: dict[str, tuple[int, bytes]]) -> Delivery:
    detail = "; ".join(
        f"{addr} refusé ({code} {' '.join(reply.decode(errors='replace').split())[:300]})"
        for addr, (code, reply) in refused.items()
    )
    return Delivery(draft.file, draft.client, draft.to, "refused", detail)


__all__ = [
    "SENT_LOG",
    "Delivery",
    "Mailer",
    "draft_recipients",
    "read_sent_log",
    "record_sent_log",
    "send_drafts",
]
