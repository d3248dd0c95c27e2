"""Which invoice files may go with a message: PDFs inside the ledger's folder, and small.

A cell of the ledger names the file. Whoever typed it (or a hostile workbook) must not be
able to send the rest of the disk: absolute paths, `..`, symbolic links leading out, and
anything that is not a regular PDF file are refused, each as a problem on its row.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..config import Settings

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
    """The file a cell names, resolved under root, or why it is refused."""
    text = cell.strip()
    if not text:
        return Attachment(None, "chemin vide")
    windows, posix = PureWindowsPath(text), PurePosixPath(text)
    if windows.is_absolute() or posix.is_absolute() or windows.drive or text.startswith("~"):
        return Attachment(
            None, f"chemin absolu refusé : indiquez un chemin relatif au dossier {root}"
        )
    parts = [p for p in text.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        return Attachment(None, f"chemin qui sort du dossier {root} (« .. ») : refusé")
    if not parts or not parts[-1].lower().endswith(".pdf"):
        return Attachment(None, "seuls les fichiers .pdf sont joints")
    candidate = root.joinpath(*parts)
    # Symbolic links are followed, then the real place must still be under root.
    real = Path(os.path.realpath(candidate))
    if not real.is_relative_to(root):
        return Attachment(None, f"le fichier mène hors du dossier {root} (lien) : refusé")
    if not real.is_file():
        return Attachment(None, "fichier de la facture introuvable : l'e-mail part sans lui")
    size = real.stat().st_size
    if size > max_mb * 1024 * 1024:
        return Attachment(
            None, f"fichier de {size / 1024 / 1024:.1f} Mo, plus que la limite de {max_mb:g} Mo"
        )
    with real.open("rb") as fh:
        if fh.read(len(_PDF_MAGIC)) != _PDF_MAGIC:
            return Attachment(None, "le fichier ne commence pas comme un PDF : refusé")
    return Attachment(real)


__all__ = ["Attachment", "attachment_root", "check_attachment"]
