"""A ledger whose only amount is its net (« Montant total HT », « Montant HT », « Total HT »,
« Subtotal ») is refused in one sentence naming the column: the sum claimed and printed is the
TTC, never an HT under the name « Montant TTC » (review-pubwb5 M6; README: « a header that
says net … is never claimed as the TTC »). Named as the amount in [columns] (a business
without VAT), it is read; beside a TVA or a total, it never is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import LedgerError
from relance_xlsx.ledger import read_ledger

D = dt.date
BASE = ["N° facture", "Client", "Date facture", "Échéance"]


def _read(tmp_path, headers, cells, columns=None):
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, *headers])
    for i, row in enumerate(cells):
        ws.append([f"F-10{i}", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), *row])
    wb.save(tmp_path / "l.xlsx")
    settings = Settings()
    if columns:
        settings = Settings(columns=columns)
    return read_ledger(tmp_path / "l.xlsx", settings, as_of=AS_OF)


NETS = ["Montant total HT", "Montant HT", "Total HT", "Subtotal", "Hors taxes"]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in NETS])
def test_a_net_alone_is_refused(tmp_path, header):
    with pytest.raises(LedgerError) as refused:
        _read(tmp_path, [header, "Montant encaissé"], [[4200.0, 0.0], [1000.0, 500.0]])
    said = str(refused.value)
    assert f"« {header} », est hors taxes" in said and f'amount = "{header}"' in said


@pytest.mark.parametrize(
    ("headers", "cells", "claimed"),
    [
        pytest.param(["Montant HT", "TVA"], [[1000.0, 200.0]], [1200.0], id="net-plus-vat"),
        pytest.param(["Montant HT", "Montant TTC"], [[1000.0, 1200.0]], [1200.0], id="net-and-ttc"),
        pytest.param(["Montant HT", "TVA", "Total TTC"], [[1000.0, 200.0, 1200.0]], [1200.0],
                     id="net-vat-total"),
    ],
)  # fmt: skip
def test_a_net_beside_its_tax_or_total_is_read(tmp_path, headers, cells, claimed):
    assert _read(tmp_path, headers, cells).frame["amount"].tolist() == claimed


def test_a_net_named_as_the_amount_is_the_users_word(tmp_path):
    ledger = _read(tmp_path, ["Montant total HT"], [[4200.0]], {"amount": "Montant total HT"})
    assert ledger.frame["amount"].tolist() == [4200.0]


def _franchise(tmp_path, where, header):
    """An HT-only ledger saying « TVA non applicable, art. 293 B du CGI » in a cell, a footer
    line or a title above its header (or saying nothing: none)."""
    mention = "TVA non applicable, art. 293 B du CGI"
    wb = Workbook()
    ws = wb.active
    if where == "title":
        ws.append([f"Factures 2026 - {mention}"])
    extra = ["Mention TVA"] if where == "cell" else []
    ws.append([*BASE, header, *extra])
    for i, amount in enumerate([1200.0, 600.0]):
        more = [mention] if where == "cell" else []
        ws.append([f"F-10{i}", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), amount, *more])
    if where == "footer":
        ws.append([])
        ws.append([mention])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


# A VAT-free business (franchise en base, art. 293 B du CGI) writes HT only: the HT is what is
# owed, read without a [columns] line and said; silent about it, the ledger is still refused
# (review-nextcase H6).
@pytest.mark.parametrize("header", ["Montant HT", "Total HT"])
@pytest.mark.parametrize("where", ["cell", "footer", "title"])
def test_a_vat_free_ledger_reads_its_net_as_owed(tmp_path, where, header):
    ledger = _franchise(tmp_path, where, header)
    owed = ledger.frame.set_index("invoice")["amount"]
    assert owed[["F-100", "F-101"]].tolist() == [1200.0, 600.0]
    said = " ".join(ledger.warnings)
    assert f"Montant dû : « {header} »" in said and "293 B" in said


def test_a_net_alone_that_says_nothing_of_vat_is_still_refused(tmp_path):
    with pytest.raises(LedgerError, match="est hors taxes, sans colonne TTC ni TVA"):
        _franchise(tmp_path, "none", "Montant HT")
