"""Which invoice files may go with a message or into a litigation file's pieces/: PDFs
inside the ledger's folder, and small.

A cell of the ledger names the file. Whoever typed it (or a hostile workbook) must not be
able to send the rest of the disk: absolute paths, `..`, symbolic links leading out, and
anything that is not a regular PDF file are refused (userfiles.named_in_cell), each as a
problem on its row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..userfiles import FileRefused, named_in_cell

_PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Attachment:
    """A file that may be attached, or the reason it may not (in French)."""

    path: Path | None
    refusal: str | None = None


def attachment_root(settings: Settings, ledger: Path) -> Path:
    """The folder invoice PDFs must be inside: [email] attachments_dir, or the ledger's."""
    if settings.email.attachments_dir:
        return settings.path(settings.email.attachments_dir).resolve()
    return ledger.resolve().parent


def check_attachment(cell: str, root: Path, max_mb: float) -> Attachment:
    """The file a cell names, resolved under root, or why it is refused (« le fichier … »)."""
    try:
        found = named_in_cell(cell, root, max_mb=max_mb, magic=_PDF_MAGIC, suffixes=(".pdf",),
                              kind="un PDF")  # fmt: skip
    except FileRefused as exc:
        return Attachment(None, f"le fichier {exc.reason}")
    return Attachment(found)


__all__ = ["Attachment", "attachment_root", "check_attachment"]
