"""A workbook with one sheet per period (« 2025-S2 », « 2025-S1 »): the run reads one, and
each run warns that the other sheet's invoices are not read, and how to choose it (the
user's review, finding 7)."""

# ruff: noqa: E501

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ADDRESS = "3 rue Oberkampf\n75011 Paris"


def _rows(first: int, count: int, width: int = 6) -> list[list]:
    return [
        [f"F-{i}", f"Client {i % 3}", D(2025, 7, 1 + i % 20), D(2025, 8, 1 + i % 20), 100.0 + i, ADDRESS][:width]
        for i in range(first, first + count)
    ]  # fmt: skip


def _second(headers: list[str], rows: list[list]):
    def add(wb):
        sheet = wb.create_sheet("2025-S1")
        sheet.append(headers)
        for row in rows:
            sheet.append(row)

    return add


@pytest.mark.parametrize(
    ("headers", "rows", "sheet", "warned"),
    [
        pytest.param(HEADERS, _rows(100, 4), "", True, id="same-columns"),
        # Fewer columns: a lesser table (an extract), named only by check's choice sentence.
        pytest.param(HEADERS[:5], _rows(100, 4, 5), "", False, id="fewer-columns"),
        # A purchases table beside the sales: never the invoices to chase.
        pytest.param(["N° facture", "Fournisseur", "Date facture", "Échéance", "Montant TTC", "Adresse"], _rows(100, 4), "", False, id="purchases"),
        # The sheet chosen by the user: the other is not a candidate.
        pytest.param(HEADERS, _rows(100, 4), "2025-S2", False, id="sheet-chosen"),
    ],
)  # fmt: skip
def test_a_sheet_as_good_as_the_one_read_is_a_warning_of_the_run(
    tmp_path, headers, rows, sheet, warned
):
    ledger = write_ledger(
        tmp_path / "l.xlsx", _rows(1, 6), HEADERS, sheet="2025-S2", extra=_second(headers, rows)
    )
    settings = dataclasses.replace(complete_settings(), sheet=sheet)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, dry_run=True)
    assert result.sheet == "2025-S2"
    said = [w for w in result.warnings if "« 2025-S1 »" in w]
    if not warned:
        assert said == []
        return
    (warning,) = said
    assert "(6 colonnes reconnues) que la feuille lue « 2025-S2 »" in warning
    assert "ses factures ne sont ni lues ni relancées" in warning
    assert '--sheet "2025-S1"' in warning and 'sheet = "2025-S1"' in warning
    assert {i.invoice for i in result.invoices} == {f"F-{i}" for i in range(1, 7)}
    # check says it too, among its warnings.
    assert warning in relance_xlsx.check(ledger, settings).warnings
