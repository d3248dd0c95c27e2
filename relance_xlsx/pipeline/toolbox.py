"""What the shells ask of the library besides a run: LibreOffice, a letter as PDF, the
labels of letter kinds and settings, who has the workbook open, the drafts of a run, the
mail server's password and test message. The page imports these, never a domain module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings, setting_label
from ..errors import ConfigError
from ..ledger import KIND_LABELS, Cell, Fingerprint, day_off, sheet_row
from ..letters import convert_to_pdf, creditor_gaps, required_mentions, soffice_binary
from ..mail import (
    PASSWORD_ENV,
    keyring_name,
    page_words,
    password_known,
    save_password,
    send_test_message,
    system_keyring,
)
from ..mail import Draft as Draft
from ..mail import drafts_of as _drafts_of
from ..wording import day_long
from ..workbook import lock_files, lock_owner


@dataclass(frozen=True)
class OpenElsewhere:
    """The workbook is open in Excel or LibreOffice: their lock file, and who (if it says)."""

    lock: Path
    owner: str | None


def letters_need(settings: Settings) -> tuple[list[str], list[str]]:
    """The creditor's settings the letters need for its legal form (keys, filled or not:
    the form marks them), and those of every letter's that are still blank."""
    return required_mentions(settings.creditor), creditor_gaps(settings)


def content_hash(ledger: Path) -> str | None:
    """The workbook's content as run() compares it (expect=): its sha256, None if unreadable."""
    try:
        return Fingerprint.of(ledger).sha256
    except OSError:
        return None


def open_elsewhere(ledger: Path) -> OpenElsewhere | None:
    """Whether Excel or LibreOffice has the workbook open (their lock file beside it)."""
    locks = lock_files(ledger)
    return OpenElsewhere(locks[0], lock_owner(locks[0])) if locks else None


def pdf_program(settings: Settings) -> str | None:
    """The LibreOffice program that makes the PDFs, or None when there is none or [pdf]
    soffice is refused (letter_as_pdf and a run with PDFs say why)."""
    try:
        return soffice_binary(settings.soffice)
    except ConfigError:
        return None


def letter_as_pdf(letter: Path, settings: Settings) -> Path:
    """A letter (.docx) as PDF beside it, in pdf/, made by LibreOffice on first asking."""
    made = letter.with_name("pdf") / (letter.stem + ".pdf")
    if not made.is_file():
        convert_to_pdf([letter], made.parent, soffice=settings.soffice)
    return made


def ledger_row(ledger: Path, sheet: str, header_row: int, row: int) -> list[Cell]:
    """A row of the invoice sheet as Excel shows it: references, headers, values."""
    return sheet_row(ledger, sheet, header_row, row)


def kind_label(kind: str) -> str:
    """How a person names a kind of letter (« Mise en demeure »)."""
    return KIND_LABELS.get(kind, kind)


def drafts_of(out_dir: Path) -> list[Draft]:
    """The e-mails a run prepared: each with its client, recipients and subject."""
    return _drafts_of(out_dir)


def has_keyring() -> bool:
    """Whether this machine has a keyring of its own for the mail server's password."""
    return system_keyring() is not None


__all__ = [
    "PASSWORD_ENV",
    "Cell",
    "Draft",
    "OpenElsewhere",
    "content_hash",
    "drafts_of",
    "has_keyring",
    "keyring_name",
    "kind_label",
    "ledger_row",
    "letter_as_pdf",
    "letters_need",
    "open_elsewhere",
    "page_words",
    "password_known",
    "pdf_program",
    "save_password",
    "send_test_message",
    "setting_label",
]


def day_off_note(day: dt.date | str) -> str | None:
    """The warning of a run dated a Sunday or a public holiday: its letters bear a day no
    post leaves (the clerk may have kept the date of a run prepared the day before)."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    what = day_off(day)
    if what is None:
        return None
    return (
        f"Le {day_long(day)} est {what} : les lettres seront datées d'un jour où elles ne "
        "peuvent pas partir. Si ce n'est pas voulu, changez la « Date du traitement » dans "
        "les réglages (le jour du dépôt à la poste)."
    )
