"""E-mail drafts: one message per letter whose client has an address, saved as .eml files."""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import re
from dataclasses import asdict, dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path
from typing import Any

import jinja2

from ..config import Settings
from ..errors import EmailError, TemplateError
from ..letters import BoundedSandbox, at_line, bounded_env, find_template, remote_in_html
from ..userfiles import FileMissing, FileRefused, read_checked, write_fresh
from ..wording import BY_ATTACHED_LETTER, BY_TABLE, typeset_message, visible

EMAIL_DIR = "emails"
MANIFEST_NAME = "messages.json"
# Outlook opens a message carrying this header as a draft, ready to send.
UNSENT_HEADER = "X-Unsent"
_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
# RFC 5321: 254 characters in an address that mail servers accept, 64 before the @.
MAX_ADDRESS, _MAX_LOCAL = 254, 64
_MAX_CELL = 4096  # an e-mail cell longer than this is refused before it is parsed
# The client's name shown in To: is cut (as its file name is): a header holds one short line.
_MAX_SHOWN_NAME = 70


@dataclass(frozen=True)
class InvoiceLine:
    """What the journal records for one invoice of a message once it is sent."""

    invoice: str
    level: str
    outstanding: float
    interest: float
    indemnity: float


@dataclass(frozen=True)
class Draft:
    """One prepared message: its .eml file, its recipients, its invoices."""

    file: str
    client: str
    kind: str
    to: tuple[str, ...]
    subject: str
    attachments: tuple[str, ...]
    lines: tuple[InvoiceLine, ...]


@dataclass(frozen=True)
class Manifest:
    """What `relance send` needs to know about the drafts of one run."""

    ledger: str
    sheet: str
    as_of: str
    config: str | None
    drafts: tuple[Draft, ...]

    def save(self, folder: Path) -> Path:
        """Write messages.json beside the drafts."""
        path = folder / MANIFEST_NAME
        write_fresh(path, json.dumps(asdict(self), ensure_ascii=False, indent=2).encode("utf-8"))
        return path

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """Read the manifest of a run's output folder (or its emails/ subfolder)."""
        path = manifest_folder(out_dir) / MANIFEST_NAME
        try:
            data = json.loads(read_checked(path, max_mb=16).decode("utf-8"))
            drafts = tuple(
                Draft(
                    **{
                        **d,
                        "to": tuple(d["to"]),
                        "attachments": tuple(d["attachments"]),
                        "lines": tuple(InvoiceLine(**line) for line in d["lines"]),
                    }
                )
                for d in data["drafts"]
            )
            return cls(data["ledger"], data["sheet"], data["as_of"], data["config"], drafts)
        except (FileNotFoundError, FileMissing) as exc:
            raise EmailError(
                f"Aucun e-mail préparé dans {out_dir} : lancez d'abord « relance run --email »."
            ) from exc
        except (OSError, ValueError, KeyError, TypeError, FileRefused) as exc:
            raise EmailError(
                f"{path} est illisible (fichier endommagé ou remplacé) : relancez "
                "« relance run --email »."
            ) from exc


def drafts_of(out_dir: Path) -> list[Draft]:
    """The drafts a run left in its folder (none when it prepared no e-mail)."""
    folder = manifest_folder(out_dir)
    return list(Manifest.load(out_dir).drafts) if (folder / MANIFEST_NAME).is_file() else []


def manifest_folder(out_dir: Path) -> Path:
    """The drafts folder of a run: out_dir itself when given emails/, else out_dir/emails."""
    return out_dir if (out_dir / MANIFEST_NAME).is_file() else out_dir / EMAIL_DIR


_HEADER_LIKE = re.compile(
    r"[\r\x00-\x08\x0b\x0c\x0e-\x1f]|(?:^|[\s,;])(?:bcc|cc|to|from|subject|reply-to)\s*:",
    re.IGNORECASE,
)


def parse_addresses(text: str, limit: int = 10) -> list[str]:
    """The addresses of an e-mail cell ('a@x.fr; b@y.fr'); ValueError when one is unreadable.

    A cell that smuggles a header (« Bcc: … » after a line break) or names more than limit
    recipients is refused whole: nobody the office did not mean gets the letter.
    """
    if len(text) > max(_MAX_CELL, limit * (MAX_ADDRESS + 2)):
        raise ValueError(
            f"la cellule fait {len(text)} caractères, plus que {limit} adresses e-mail n'en "
            f"demandent ({MAX_ADDRESS} au plus chacune)"
        )
    if _HEADER_LIKE.search(text):
        raise ValueError("la cellule contient un en-tête d'e-mail ou un caractère de contrôle")
    found = getaddresses([text.replace(";", ",").replace("\n", ",")])
    # « a@x.fr;a@x.fr;A@X.FR » is one recipient, once in To: (review-attack-6 §16).
    unique: dict[str, str] = {}
    for _, addr in found:
        if addr.strip():
            unique.setdefault(addr.strip().casefold(), addr.strip())
    addresses = list(unique.values())
    bad = [a for a in addresses if not _ADDRESS.match(a)]
    if bad or not addresses:
        shown = bad[0] if bad else repr(text)
        raise ValueError(f"adresse e-mail illisible : {shown[:80]}{'…' if len(shown) > 80 else ''}")
    long = next((a for a in addresses if len(a) > MAX_ADDRESS or a.index("@") > _MAX_LOCAL), "")
    if long:
        raise ValueError(
            f"adresse e-mail de {len(long)} caractères (« {long[:40]}… ») : une adresse en a "
            f"{MAX_ADDRESS} au plus, dont {_MAX_LOCAL} avant l'@ (RFC 5321)"
        )
    if len(addresses) > limit:
        raise ValueError(
            f"{len(addresses)} destinataires, plus que la limite de {limit} ([email] "
            "max_recipients)"
        )
    return addresses


# Whatever could end a header's line; no-break spaces are kept (amounts, dates).
_LINE_BREAKS = re.compile(r"[ \t\r\n\v\f\x1c-\x1f\x85\u2028\u2029]+")


def _environment(html: bool) -> BoundedSandbox:
    # Plain text is not markup, so no escaping there; HTML escapes every value. A line that
    # holds only a {% %} tag leaves nothing behind.
    return bounded_env(
        autoescape=html, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True
    )


def _tidy(text: str) -> str:
    """Lines without trailing spaces, paragraphs one blank line apart."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


@dataclass(frozen=True)
class EmailText:
    """Subject and bodies of one message."""

    subject: str
    text: str
    html: str


def render_email(context: dict[str, Any], language: str, settings: Settings) -> EmailText:
    """Subject, text and HTML bodies from the e-mail templates, with the letter's context."""
    parts = []
    for name, html in (("objet.txt", False), ("message.txt", False), ("message.html", True)):
        path = find_template(f"email/{name}", language, settings, "modèle d'e-mail")
        try:
            env = _environment(html)
            env.start()
            template = env.from_string(read_checked(path, max_mb=1).decode("utf-8"))
            parts.append(template.render(context))
        except FileRefused as exc:
            raise TemplateError(f"Modèle d'e-mail refusé : {exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(
                f"Le modèle d'e-mail {path} est illisible (il doit être du texte en UTF-8)."
            ) from exc
        except jinja2.TemplateError as exc:
            raise TemplateError(
                f"Le modèle d'e-mail {path} ne peut pas être rempli{at_line(exc)} : {exc}."
            ) from exc
    # A header never spans lines: a client name with a line break must not inject headers.
    # The letter's « dont le tableau ci-dessous donne les dates »: no table in a message.
    lang = "fr" if language == "fr" else "en"
    parts = [p.replace(BY_TABLE[lang], BY_ATTACHED_LETTER[lang]) for p in parts]
    remote = remote_in_html(parts[2], path)  # the template as filled: no remote content either
    if remote:
        raise TemplateError(f"Modèle d'e-mail refusé : {remote}.")
    subject = typeset_message(_LINE_BREAKS.sub(" ", parts[0]).strip(), language)
    text = typeset_message(_tidy(parts[1]), language)
    return EmailText(subject, text, typeset_message(parts[2], language, html=True))


def sender(settings: Settings) -> Address | None:
    """The From address: [smtp] from_address, else the creditor's e-mail; None when neither."""
    address = settings.smtp.from_address.strip() or settings.creditor.email.strip()
    if not address or not _ADDRESS.match(address):
        return None
    name = visible(settings.smtp.from_name.strip() or settings.creditor.name.strip())
    user, domain = address.rsplit("@", 1)
    return Address(display_name=name, username=user, domain=domain)


def build_message(
    settings: Settings,
    client: str,
    to: list[str],
    body: EmailText,
    attachments: list[Path],
    date: dt.datetime,
) -> EmailMessage:
    """A draft message: headers, text and HTML bodies, attachments, marked as unsent."""
    msg = EmailMessage()
    source = sender(settings)
    if source is not None:
        msg["From"] = source
    shown = client if len(client) <= _MAX_SHOWN_NAME else client[: _MAX_SHOWN_NAME - 1] + "…"
    msg["To"] = [
        Address(display_name=shown if i == 0 else "", addr_spec=a) for i, a in enumerate(to)
    ]
    if settings.smtp.reply_to.strip():
        msg["Reply-To"] = settings.smtp.reply_to.strip()
    msg["Subject"] = body.subject
    msg["Date"] = format_datetime(date.astimezone())
    msg["Message-ID"] = make_msgid(domain=source.domain if source else "relance-xlsx.invalid")
    msg[UNSENT_HEADER] = "1"
    msg.set_content(body.text)
    msg.add_alternative(body.html, subtype="html")
    for path in attachments:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        msg.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return msg


def draft_name(letter: Path) -> str:
    """The .eml file of a letter: the letter's own (already safe and unique) name."""
    return f"{letter.stem}.eml"


__all__ = [
    "EMAIL_DIR",
    "MANIFEST_NAME",
    "UNSENT_HEADER",
    "Draft",
    "EmailText",
    "InvoiceLine",
    "Manifest",
    "build_message",
    "draft_name",
    "drafts_of",
    "manifest_folder",
    "parse_addresses",
    "render_email",
    "sender",
]
