"""The SMTP conversation, bounded: every reply line and every multi-line reply (the banner
included) has a size limit, and one deadline covers the whole conversation of a message.

smtplib reads a multi-line reply without end (a server sending « 220-… » forever fills the
memory) and applies its timeout to each read (a server sending one byte every few seconds
holds the sending forever). Here the replies are read from the socket directly, each read
waiting only for what is left of the message's deadline; and smtplib's English (« Connection
unexpectedly closed », « timed out », raw reply tuples) is put into French sentences that
keep the server's own code and text.
"""

from __future__ import annotations

import errno
import smtplib
import socket
import ssl
import time
from typing import Any

from ..wording import describe_os_error
from .hints import CHECK_HOST

MAX_LINE = 4096  # RFC 5321: 512 octets a reply line; real servers stay far below this
MAX_LINES = 100  # an EHLO reply has a dozen lines
MAX_REPLY = 64 * 1024


class SmtpTrouble(smtplib.SMTPServerDisconnected):
    """The conversation was stopped: the server misbehaved (French message)."""


class _Bounded:
    """getreply and send of smtplib.SMTP, bounded in size and in time."""

    deadline: float
    limit: float
    sock: Any
    close: Any

    def set_deadline(self, seconds: float) -> None:
        """The whole conversation from now must end within seconds."""
        self.limit = seconds
        self.deadline = time.monotonic() + seconds

    def _left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.close()
            raise SmtpTrouble(
                f"le serveur n'a pas fini de répondre dans le délai de {_seconds(self.limit)}"
            )
        return left

    def _recv(self) -> bytes:
        if self.sock is None:
            raise SmtpTrouble("la connexion avec le serveur est fermée")
        self.sock.settimeout(self._left())
        try:
            chunk: bytes = self.sock.recv(MAX_LINE)
        except TimeoutError:
            self.close()
            raise SmtpTrouble(
                f"le serveur n'a pas répondu dans le délai de {_seconds(self.limit)}"
            ) from None
        except OSError as exc:
            self.close()
            raise SmtpTrouble(f"la connexion avec le serveur a été coupée ({_os(exc)})") from None
        if not chunk:
            self.close()
            raise SmtpTrouble("le serveur a fermé la connexion sans répondre")
        return chunk

    def _line(self) -> bytes:
        pending: bytes = getattr(self, "_pending", b"")
        while b"\n" not in pending:
            if len(pending) > MAX_LINE:
                self.close()
                raise SmtpTrouble(f"le serveur envoie une ligne de plus de {MAX_LINE} octets")
            pending += self._recv()
        line, _, self._pending = pending.partition(b"\n")
        if len(line) > MAX_LINE:
            self.close()
            raise SmtpTrouble(f"le serveur envoie une ligne de plus de {MAX_LINE} octets")
        return line + b"\n"

    def getreply(self) -> tuple[int, bytes]:
        """One reply of the server: its code and its text (the lines joined)."""
        lines: list[bytes] = []
        size = 0
        while True:
            line = self._line()
            size += len(line)
            if len(lines) >= MAX_LINES or size > MAX_REPLY:
                self.close()
                raise SmtpTrouble(
                    f"le serveur envoie une réponse sans fin (plus de {MAX_LINES} lignes ou "
                    f"{MAX_REPLY // 1024} Ko)"
                )
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                return -1, b"\n".join(lines)
            if line[3:4] != b"-":
                return code, b"\n".join(lines)

    def send(self, s: Any) -> None:
        """Send within what is left of the deadline (sendall's timeout is its total)."""
        if self.sock is not None:
            self.sock.settimeout(self._left())
        try:
            super().send(s)  # type: ignore[misc]
        except smtplib.SMTPServerDisconnected as exc:
            if isinstance(exc, SmtpTrouble):
                raise
            raise SmtpTrouble("la connexion avec le serveur a été coupée") from None

    def starttls(self, *args: Any, **kwargs: Any) -> Any:
        """STARTTLS, the handshake within the deadline; what was read before is dropped."""
        if self.sock is not None:
            self.sock.settimeout(self._left())
        answer = super().starttls(*args, **kwargs)  # type: ignore[misc]
        self._pending = b""
        return answer


class BoundedSMTP(_Bounded, smtplib.SMTP):
    """smtplib.SMTP with bounded replies and one deadline; connects at once."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.set_deadline(timeout)
        self._pending = b""
        super().__init__(host, port, timeout=timeout)


class BoundedSMTPSSL(_Bounded, smtplib.SMTP_SSL):
    """smtplib.SMTP_SSL with bounded replies and one deadline; connects at once."""

    def __init__(self, host: str, port: int, timeout: float, context: ssl.SSLContext) -> None:
        self.set_deadline(timeout)
        self._pending = b""
        super().__init__(host, port, timeout=timeout, context=context)


Wire = BoundedSMTP | BoundedSMTPSSL


def _seconds(value: float) -> str:
    shown = f"{value:g}".replace(".", ",")
    return f"{shown} seconde" + ("s" if value >= 2 else "")


_NETWORK = {
    errno.ECONNREFUSED: "le serveur refuse la connexion (rien n'écoute sur ce port ?)",
    errno.ECONNRESET: "le serveur a coupé la connexion",
    errno.ECONNABORTED: "la connexion a été interrompue",
    errno.EPIPE: "le serveur a coupé la connexion",
    errno.EHOSTUNREACH: "le serveur est injoignable (réseau)",
    errno.ENETUNREACH: "le réseau est injoignable (connexion à Internet ?)",
}


def _os(exc: OSError) -> str:
    if isinstance(exc, socket.gaierror):
        return f"nom de serveur inconnu ({CHECK_HOST})"
    if isinstance(exc, TimeoutError):
        return "pas de réponse du serveur dans le délai"
    said = _NETWORK.get(exc.errno or -1)
    if said:
        return said
    if exc.filename is not None:
        return describe_os_error(exc).rstrip(".")
    return f"erreur réseau n° {exc.errno}" if exc.errno else "erreur réseau"


def smtp_text(reply: object) -> str:
    """A server's reply text on one line, at most 300 characters."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())[:300]


def _reply(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {smtp_text(exc.smtp_error)}"


def smtp_words(exc: BaseException, timeout: float) -> str:
    """What went wrong in the conversation, in French, with the server's code and text."""
    if isinstance(exc, SmtpTrouble):
        return str(exc)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"le serveur refuse l'adresse {addr} ({code} {smtp_text(text)})"
            for addr, (code, text) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"le serveur refuse l'expéditeur {exc.sender} ({_reply(exc)})"
    if isinstance(exc, smtplib.SMTPDataError):
        return f"le serveur refuse le message ({_reply(exc)})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"le serveur répond par une erreur ({_reply(exc)})"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "la connexion avec le serveur a été coupée"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return "le serveur ne propose pas ce que demandent les réglages (STARTTLS, identification)"
    if isinstance(exc, TimeoutError):
        return f"le serveur n'a pas répondu dans le délai de {_seconds(timeout)}"
    if isinstance(exc, ssl.SSLError):
        return f"la connexion sécurisée a échoué ({exc.reason or 'TLS'})"
    if isinstance(exc, OSError):
        return _os(exc)
    return "l'échange avec le serveur a échoué"


__all__ = ["BoundedSMTP", "BoundedSMTPSSL", "SmtpTrouble", "Wire", "smtp_text", "smtp_words"]
