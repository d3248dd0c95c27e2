"""A credit note that names its invoice lowers that invoice's interest base from its own date
(the period is split there). Rates from legal-fr.md: 2026 H1, ECB 2,15 % + 10 = 12,15 %."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.ledger.credits import named_invoice

D = dt.date
AS_OF = D(2026, 6, 30)
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Facture d'origine",
           "Remarques", "Adresse"]  # fmt: skip
INVOICE = ["F-10", "Atelier Bleu", D(2026, 3, 1), D(2026, 3, 31), 1000.0, None, None, ADDRESS]


@pytest.mark.parametrize(
    ("credit", "interest", "periods"),
    [
        # No credit note: 01/04 to 30/06 = 91 days; 1 000 × 12,15 % × 91 / 365 = 30,2918 → 30,29.
        pytest.param(None, 30.29, [("2026-04-01", "2026-06-30", 91, 1000.0, 30.29)], id="no-credit"),
        # Credit of 250 € dated 15/05/2026 naming F-10 in « Facture d'origine »: 01/04 to 14/05
        # (44 days) on 1 000 €: 121,5 × 44 / 365 = 14,6466 → 14,65; from 15/05 (the credit's
        # date) to 30/06 (47 days) on 750 €: 91,125 × 47 / 365 = 11,7339 → 11,73; 26,38 in all.
        pytest.param(["AV-1", "Atelier Bleu", D(2026, 5, 15), None, -250.0, "F-10", None, ADDRESS], 26.38,
                     [("2026-04-01", "2026-05-14", 44, 1000.0, 14.65), ("2026-05-15", "2026-06-30", 47, 750.0, 11.73)], id="origin-column-splits-the-period"),
        # The same credit named in a remark « Avoir sur F-10 »: the same figures.
        pytest.param(["AV-1", "Atelier Bleu", D(2026, 5, 15), None, -250.0, None, "Avoir sur F-10", ADDRESS], 26.38,
                     [("2026-04-01", "2026-05-14", 44, 1000.0, 14.65), ("2026-05-15", "2026-06-30", 47, 750.0, 11.73)], id="remark-avoir-sur"),
        # Dated 20/03/2026, before the due date: 750 € from the first day, 91 days:
        # 91,125 × 91 / 365 = 22,7188 → 22,72.
        pytest.param(["AV-1", "Atelier Bleu", D(2026, 3, 20), None, -250.0, "Facture n° F-10", None, ADDRESS], 22.72,
                     [("2026-04-01", "2026-06-30", 91, 750.0, 22.72)], id="credit-before-the-due-date"),
        # A credit naming an invoice of another client changes nothing here.
        pytest.param(["AV-1", "Autre client", D(2026, 5, 15), None, -250.0, "F-10", None, ADDRESS], 30.29,
                     [("2026-04-01", "2026-06-30", 91, 1000.0, 30.29)], id="another-client-s-credit"),
    ],
)  # fmt: skip
def test_a_credit_note_lowers_its_invoice_s_interest_from_its_date(
    tmp_path, credit, interest, periods
):
    rows = [INVOICE] + ([credit] if credit else [])
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    f10 = next(i for i in result.invoices if i.invoice == "F-10")
    assert f10.interest == interest
    assert [
        (p.start.isoformat(), p.end.isoformat(), p.days, p.base, p.interest)
        for p in f10.interest_periods
    ] == periods
    assert f10.outstanding == 1000.0  # the credit stays a line of its own, deducted from the total


def test_a_credit_naming_no_invoice_of_the_client_is_a_warning_on_its_row(tmp_path):
    rows = [INVOICE, ["AV-9", "Atelier Bleu", D(2026, 5, 15), None, -50.0, "F-99", None, ADDRESS]]
    result = relance_xlsx.check(write_ledger(tmp_path / "l.xlsx", rows, HEADERS))
    (problem,) = [p for p in result.problems if "F-99" in p.message]
    assert problem.row == 3 and problem.column == "Facture d'origine"
    assert problem.severity == "warning" and "sans effet sur les intérêts" in problem.message


@pytest.mark.parametrize(
    ("text", "number"),
    [
        pytest.param("Avoir sur F2026-012", "F2026-012", id="avoir-sur"),
        pytest.param("avoir sur facture n° 151", "151", id="avoir-sur-facture-no"),
        pytest.param("Avoir relatif à la facture FA-7.", "FA-7", id="relatif-a"),
        pytest.param("Credit note for invoice INV-12", "INV-12", id="english"),
        pytest.param("remise avoir de 10 %", None, id="a-rate-is-no-invoice"),
        pytest.param("Avoir commercial", None, id="no-invoice-named"),
    ],
)
def test_the_invoice_a_remark_names(text, number):
    assert named_invoice(text) == number
