"""The print bundle (one .docx, each letter on a new page) and PDFs through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docxcompose.composer import Composer

from .errors import LibreOfficeError

BUNDLE_NAME = "a_imprimer.docx"
INSTALL_HINT = (
    "installez LibreOffice (Debian/Ubuntu : sudo apt-get install libreoffice-writer-nogui ; "
    "Windows/macOS : libreoffice.org) ; les lettres .docx ont bien été produites"
)


def build_bundle(letters: Sequence[Path], target: Path) -> Path:
    """Concatenate letters in the given order, each starting on a new page."""
    composer = Composer(Document(str(letters[0])))
    for path in letters[1:]:
        # docxcompose adds no break between documents: end the previous letter's page here.
        composer.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        composer.append(Document(str(path)))
    composer.save(str(target))
    return target


def soffice_binary() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: Sequence[Path], outdir: Path, *, timeout: float = 600.0) -> list[Path]:
    """Convert documents to PDF in one LibreOffice call with a private profile; check each PDF."""
    binary = soffice_binary()
    if binary is None:
        raise LibreOfficeError(
            f"LibreOffice est introuvable pour produire les PDF : {INSTALL_HINT}."
        )
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="relance-lo-") as profile:
        # A private profile: two LibreOffice runs sharing one fail silently.
        command = [
            binary,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *(str(f) for f in files),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise LibreOfficeError(
                f"LibreOffice n'a pas terminé la conversion en PDF en {int(timeout)} s ; "
                "fermez les fenêtres LibreOffice ouvertes et relancez."
            ) from exc
    pdfs = [outdir / f"{f.stem}.pdf" for f in files]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise LibreOfficeError(
            f"LibreOffice n'a pas produit {len(missing)} PDF sur {len(pdfs)} (par exemple "
            f"{missing[0]}) ; les lettres .docx sont dans {outdir}."
        )
    return pdfs


__all__ = ["BUNDLE_NAME", "build_bundle", "convert_to_pdf", "soffice_binary"]
