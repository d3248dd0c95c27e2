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
from ..errors import EmailError
from ..userfiles import FileRefused, named_in_cell

_PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Attachment:
    """A file that may be attached, or the reason it may not (in French)."""

    path: Path | None
    refusal: str | None = None


def attachment_root(settings: Settings, ledger: Path) -> Path:
    """The folder invoice PDFs must be inside: [email] attachments_dir, or the ledger's.

    relance.toml may sit in the shared folder: attachments_dir only narrows the ledger's
    folder (or relance.toml's), never widens it to « / », the home folder or beyond.
    """
    folder = ledger.resolve().parent
    named = settings.email.attachments_dir
    if not named:
        return folder
    root = settings.path(named).resolve()
    allowed = [folder]
    if settings.config_path is not None:
        allowed.append(settings.config_path.resolve().parent)
    inside = any(root.is_relative_to(base) for base in allowed)
    if not inside or root == Path(root.anchor):
        raise EmailError(
            f"[email] attachments_dir = « {named} » sort du dossier du classeur ({folder}) : "
            "indiquez un de ses sous-dossiers (par exemple « factures »), ou laissez-le vide."
        )
    return root


def check_attachment(cell: str, root: Path, max_mb: float) -> Attachment:
    """The file a cell names, resolved under root, or why it is refused (« le fichier … »)."""
    try:
        found = named_in_cell(cell, root, max_mb=max_mb, magic=_PDF_MAGIC, suffixes=(".pdf",),
                              kind="un PDF")  # fmt: skip
    except FileRefused as exc:
        return Attachment(None, f"le fichier {exc.reason}")
    return Attachment(found)


__all__ = ["Attachment", "attachment_root", "check_attachment"]
