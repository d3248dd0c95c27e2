"""Ledgers of the lawyer's rare cases (review lawrare-s10), built by code, and the text of the
documents a run or a litigation file writes from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
LYON = "10 rue Garibaldi\n69006 Lyon"
HEADERS = (
    "N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
    "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance",
    "Date de réception", "Date de livraison", "Langue",
)  # fmt: skip
# A second reminder on 20/11/2026: the next stage, on 07/12/2026, is the mise en demeure.
SECOND = {"level": 2, "sent": D(2026, 11, 20)}
AS_OF = D(2026, 12, 7)


def row(
    number: str,
    client: str,
    kind: str,
    issued: dt.date,
    due: dt.date | None,
    amount: float,
    *,
    level: int | None = None,
    sent: dt.date | None = None,
    delivered: dt.date | None = None,
    address: str = LYON,
    lang: str | None = None,
) -> list[Any]:
    """One invoice of the ledger, nothing paid."""
    return [number, client, kind, issued, due, amount, None, None, address, level, sent, None,
            delivered, lang]  # fmt: skip


def text(path: Path) -> str:
    """A Word document's text, tables included, with plain spaces."""
    paragraphs = [p.text for p in all_paragraphs(Document(str(path)))]
    joined = "\n".join(paragraphs)
    for odd in ("\u202f", "\xa0"):
        joined = joined.replace(odd, " ")
    return joined.replace("\u2011", "-")


def litigation_file(
    tmp: Path,
    rows: Sequence[Sequence[Any]],
    client: str,
    as_of: dt.date = AS_OF,
    settings: Any = None,
) -> str:
    """The text of the client's litigation file, made on demand."""
    ledger = write_ledger(tmp / "l.xlsx", rows, HEADERS)
    written = relance_xlsx.dossier(
        ledger, client, settings or complete_settings(), as_of=as_of, out_dir=tmp / "o", pdf=False
    )
    return text(Path(next(p for p in written if p.endswith(".docx"))))


def run_texts(
    tmp: Path, rows: Sequence[Sequence[Any]], as_of: dt.date = AS_OF, settings: Any = None
) -> tuple[Any, dict[str, str]]:
    """A run's result, and the text of each .docx it wrote, by file name."""
    ledger = write_ledger(tmp / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, settings or complete_settings(), as_of=as_of, out_dir=tmp / "o", pdf=False
    )
    return result, {p.name: text(p) for p in sorted((tmp / "o").rglob("*.docx"))}
