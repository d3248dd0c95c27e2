"""PDFs through LibreOffice headless: private profiles, two processes for big batches."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from queue import Queue

from ..config import on_path, standard_places
from ..errors import LibreOfficeError
from ..progress import Progress, Quiet
from ..userfiles import move_in, refuse_link

INSTALL_HINT = (
    "installez LibreOffice (Debian/Ubuntu : sudo apt-get install libreoffice-writer-nogui ; "
    "Windows/macOS : libreoffice.org) ; les lettres .docx ont bien été produites"
)
# One soffice start costs seconds: files go in batches; two batches run at once on two cores.
BATCH = 100
PARALLEL_FROM = 20


def soffice_binary(configured: str = "") -> str | None:
    """The LibreOffice program: the one configured, else on PATH, else in its usual folders.

    LibreOffice's Windows installer and the macOS app do not put soffice on PATH.
    """
    if configured:
        return configured if Path(configured).is_file() else None
    found = on_path("soffice", "libreoffice")
    if found:
        return found
    return next((str(p) for p in standard_places() if p.is_file()), None)


def convert_to_pdf(
    files: Sequence[Path],
    outdir: Path,
    *,
    timeout: float | None = None,
    progress: Progress | None = None,
    soffice: str = "",
) -> list[Path]:
    """Convert documents to PDF (two LibreOffice processes for big batches); check each PDF.

    soffice is the program set in [pdf] soffice, if any.
    """
    binary = soffice_binary(soffice)
    if binary is None:
        if soffice:
            raise LibreOfficeError(
                f"LibreOffice est introuvable à l'emplacement donné par [pdf] soffice "
                f"({soffice}) : donnez le chemin complet du programme soffice de LibreOffice ; "
                "les lettres .docx ont bien été produites."
            )
        raise LibreOfficeError(
            f"LibreOffice est introuvable pour produire les PDF : {INSTALL_HINT}."
        )
    progress = progress or Quiet()
    outdir.mkdir(parents=True, exist_ok=True)
    refuse_link(outdir, "Le dossier", "supprimez ce lien, puis relancez")
    lanes = min(2, os.cpu_count() or 1) if len(files) >= PARALLEL_FROM else 1
    size = min(BATCH, -(-len(files) // lanes))
    batches = [list(files[i : i + size]) for i in range(0, len(files), size)]
    progress.start("PDF (LibreOffice)", len(files))
    # LibreOffice writes through a link at its target name: it writes into a private folder
    # (made by mkdtemp, readable by the user alone), and each PDF is then moved in by rename.
    with tempfile.TemporaryDirectory(prefix="relance-lo-") as tmp:
        made = Path(tmp) / "pdf"
        made.mkdir()
        # A private profile per process: two LibreOffice runs sharing one fail silently.
        profiles: Queue[Path] = Queue()
        for lane in range(lanes):
            profiles.put(Path(tmp) / f"profil-{lane}")

        def run(batch: list[Path]) -> int:
            profile = profiles.get()
            try:
                _soffice(binary, profile, batch, made, timeout or 60.0 + 10.0 * len(batch))
            finally:
                profiles.put(profile)
            return len(batch)

        with ThreadPoolExecutor(lanes) as pool:
            for done in pool.map(run, batches):
                progress.advance(done)
        pdfs = [outdir / f"{f.stem}.pdf" for f in files]
        missing = [p.name for p in pdfs if not (made / p.name).is_file()]
        for pdf in pdfs:
            if (made / pdf.name).is_file():
                move_in(made / pdf.name, pdf)
    progress.stop()
    if missing:
        raise LibreOfficeError(
            f"LibreOffice n'a pas produit {len(missing)} PDF sur {len(pdfs)} (par exemple "
            f"{missing[0]}) ; les lettres .docx sont dans {outdir}."
        )
    return pdfs


def _soffice(binary: str, profile: Path, files: list[Path], outdir: Path, timeout: float) -> None:
    command = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
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


__all__ = ["INSTALL_HINT", "convert_to_pdf", "soffice_binary", "standard_places"]
