"""The script an office would write instead of relance-xlsx: the baseline of the benchmarks.

pandas.read_excel with openpyxl, one DocxTemplate per overdue invoice, then openpyxl load and
save to add a status column. Each step prints its time; --letters N renders only N letters
and extrapolates the rest from their rate (the full loop takes minutes at 10,000 rows).

    python bench/baseline.py bench/out/ledger-10k.xlsx --out /tmp/baseline
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import openpyxl
import pandas as pd
from docxtpl import DocxTemplate

from relance_xlsx.letters import bundled_templates, sample_context


def main() -> None:
    """Run the three steps and print one JSON line with their times."""
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--as-of", default="2026-11-22")
    parser.add_argument("--letters", type=int, default=0, help="render only N, extrapolate")
    args = parser.parse_args()
    as_of = pd.Timestamp(args.as_of)
    args.out.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    frame = pd.read_excel(args.ledger, engine="openpyxl")
    frame = frame[pd.to_numeric(frame["Montant TTC"], errors="coerce").notna()]
    due = pd.to_datetime(frame["Échéance"], errors="coerce")
    paid = pd.to_numeric(frame["Montant réglé"], errors="coerce").fillna(0)
    overdue = frame[(due < as_of) & (paid < pd.to_numeric(frame["Montant TTC"]) - 1)]
    read = time.perf_counter() - start

    start = time.perf_counter()
    template = bundled_templates() / "relance_1.docx"
    context = sample_context("fr", "relance_1")
    todo = overdue if not args.letters else overdue.head(args.letters)
    for i, (_, row) in enumerate(todo.iterrows()):
        doc = DocxTemplate(str(template))
        context["debtor"]["name"] = str(row["Client"])
        context["invoices"][0]["number"] = str(row["N° facture"])
        doc.render(context, autoescape=True)
        doc.save(str(args.out / f"lettre_{i}.docx"))
    rendered = time.perf_counter() - start
    letters = rendered * len(overdue) / max(1, len(todo))

    start = time.perf_counter()
    book = openpyxl.load_workbook(args.ledger)
    sheet = book.active
    column = sheet.max_column + 1
    sheet.cell(1, column, "Statut relance")
    numbers = set(overdue["N° facture"].astype(str))
    for r in range(2, sheet.max_row + 1):
        if str(sheet.cell(r, 1).value) in numbers:
            sheet.cell(r, column, f"Relance 1 du {dt.date.fromisoformat(args.as_of):%d/%m/%Y}")
    book.save(args.out / "ledger-baseline.xlsx")
    written = time.perf_counter() - start

    print(
        json.dumps(
            {
                "read": read,
                "letters": letters,
                "letters_rendered": len(todo),
                "letters_needed": len(overdue),
                "write": written,
                "total": read + letters + written,
            }
        )
    )


if __name__ == "__main__":
    main()
