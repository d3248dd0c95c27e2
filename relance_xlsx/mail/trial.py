"""« Tester l'envoi »: one message to the creditor's own address through the configured
server, so that the settings are known to work before any client's e-mail."""

from __future__ import annotations

import datetime as dt
import smtplib
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from ..config import Settings
from ..errors import EmailError
from .emails import parse_addresses, sender
from .password import smtp_password
from .sending import Mailer
from .wire import smtp_words


def send_test_message(settings: Settings, now: dt.datetime | None = None) -> str:
    """Send a test message to the creditor's own address; the address it went to."""
    smtp = settings.smtp
    if not smtp.host:
        raise EmailError("Indiquez le serveur d'envoi (SMTP) dans les réglages.")
    origin = sender(settings)
    if origin is None:
        raise EmailError(
            "Indiquez votre adresse e-mail (vos coordonnées) ou l'adresse d'expéditeur : le "
            "message d'essai lui est envoyé."
        )
    to = settings.creditor.email.strip() or origin.addr_spec
    try:
        [to] = parse_addresses(to, 1)
    except ValueError as exc:
        raise EmailError(f"Votre adresse e-mail est illisible ({exc}).") from exc
    msg = EmailMessage()
    msg["From"] = origin
    msg["To"] = to
    msg["Subject"] = "Relances : message d'essai"
    msg["Date"] = format_datetime((now or dt.datetime.now()).astimezone())
    msg["Message-ID"] = make_msgid(domain=origin.domain)
    msg.set_content(
        "Bonjour,\n\nCe message d'essai a été envoyé par relance-xlsx depuis la page "
        f"« Réglages », par le serveur {smtp.host}:{smtp.port}. Il ne demande aucune action : "
        "s'il vous est parvenu, les e-mails de relance partiront par le même chemin.\n"
    )
    mailer = Mailer(smtp, smtp_password(smtp))
    try:
        mailer.connect()
        refused = mailer.send(msg, [to])
    except (smtplib.SMTPException, OSError) as exc:
        said = smtp_words(exc, smtp.timeout)
        raise EmailError(f"Le message d'essai n'est pas parti : {said}.") from exc
    finally:
        mailer.close()
    if refused:
        raise EmailError(f"Le serveur refuse l'adresse {to}.")
    return to


__all__ = ["send_test_message"]
