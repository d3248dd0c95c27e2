"""A payment received and not applied is imputed by law (Code civil 1342-10 al. 2) on the
client's debts due and chased only: never on a held invoice (in dispute, suspended, a
promise under way); when every debt due on the payment's day is held, it stays « non
imputé », shown to the client, not deducted (lawleft brief, item 7). Read in the written
letter and in the payment's status."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = [
    "N° facture",
    "Type",
    "Client",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Adresse",
    "Litige",
]
PAYMENT = [
    "1700001",
    "Règlement",
    "Beta SAS",
    D(2026, 9, 15),
    D(2026, 9, 15),
    -250.0,
    ADDRESS,
    None,
]
NOT_APPLIED = "Règlements reçus non imputés (excédent) :"  # the templates' title (fix-tpl)
APPLIED = "imputé sur cette facture : Code civil, article 1342-10"


def _text(path) -> str:
    doc = Document(path)
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return (
        "\n".join([p.text for p in doc.paragraphs] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
        .replace("\u2011", "-")
    )


CASES = [
    # F-1 in dispute and due (01/09) on the payment's day, F-2 not due till 01/10: all due held.
    pytest.param("oui", D(2026, 10, 1), "F-2", "Total restant dû : 1 000,00 €", NOT_APPLIED, "Règlement reçu non imputé", id="all-due-debts-held-not-imputed"),
    # F-1 in dispute, F-2 due the same day and chased: the payment goes to F-2 only.
    pytest.param("oui", D(2026, 9, 1), "F-2", "Total restant dû : 750,00 €", APPLIED, "Règlement reçu : imputé", id="held-skipped-chased-due-debt-takes-it"),
    # Nothing held: the oldest due debt, F-1, takes it (unchanged).
    pytest.param(None, D(2026, 10, 1), "F-1", "Total restant dû : 1 350,00 €", APPLIED, "Règlement reçu : imputé", id="nothing-held-oldest-due-unchanged"),
]  # fmt: skip


@pytest.mark.parametrize(("dispute", "due", "number", "total", "said", "status"), CASES)
def test_a_payment_is_never_imputed_on_a_held_invoice(
    tmp_path, dispute, due, number, total, said, status
):
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 8, 1), D(2026, 9, 1), 600.0, ADDRESS, dispute],
        ["F-2", "Facture", "Beta SAS", D(2026, 8, 1), due, 1000.0, ADDRESS, None],
        PAYMENT,
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "out", pdf=False
    )
    [letter] = [x for x in result.letters if number in x.invoices]
    text = _text(letter.path)
    assert total in text, text
    assert said in text, text
    [payment] = [i for i in result.invoices if i.invoice == "1700001"]
    assert payment.reason.startswith(status), payment.reason
