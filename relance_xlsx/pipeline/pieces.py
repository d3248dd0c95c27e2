"""The invoices' own PDF files, copied into a litigation file's pieces/ folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ..config import Settings
from ..ledger import Ledger, Problem
from ..mail import attachment_root, check_attachment
from ..userfiles import open_fresh


def copy_in(source: Path, target: Path) -> Path:
    """A copy of source at target, written as a new file (a link planted there is never
    followed), with source's dates."""
    with source.open("rb") as fh, open_fresh(target) as out:
        shutil.copyfileobj(fh, out, 1 << 20)
    shutil.copystat(source, target, follow_symlinks=False)
    return target


def copy_invoices(
    ledger: Ledger,
    settings: Settings,
    rows: list[dict[str, Any]],
    folder: Path,
    problems: list[Problem] | None,
) -> list[Path]:
    """The invoices' PDF files named in the attachment column, checked as the e-mails check
    them (inside the ledger's folder, a real PDF, within [email] max_attachment_mb)."""
    root = None  # resolved on the folder's first file (most clients have none)
    header = ledger.columns.get("attachment", "PDF facture")
    out = []
    for r in rows:
        value = r["attachment"]
        if not isinstance(value, str) or not value.strip():
            continue
        root = root or attachment_root(settings, ledger.path)
        found = check_attachment(value, root, settings.email.max_attachment_mb)
        if found.path is None:
            if problems is not None:
                row = int(ledger.frame.at[r["index"], "row"])
                refusal = f"{found.refusal} : pas de copie dans pieces/"
                problems.append(Problem(row, header, value, refusal, "warning"))
            continue
        folder.mkdir(parents=True, exist_ok=True)
        out.append(copy_in(found.path, folder / found.path.name))
    return out


__all__ = ["copy_in", "copy_invoices"]
