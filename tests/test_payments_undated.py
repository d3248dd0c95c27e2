"""A payment without a date in the payments sheet (« Règlements »): deducted from what is owed,
as an undated « Montant réglé » of the invoice sheet is, and said by a warning naming the sheet,
the row and the amount; never dropped (the fourth legal review, finding 1: E2 was claimed in
court and declared in full though paid)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
# Handed to litigation on 20/11 (the file is redone), or given notice on 01/10 (handed over today).
HANDED = ("Contentieux", D(2026, 11, 20))
NOTICE = ("Mise en demeure", D(2026, 10, 1))


def _rows(level):
    return [
        ["E1", "Epsilon SAS", "professionnel", D(2026, 4, 15), D(2026, 5, 15), 3000.0, ADDRESS, *level],
        ["E2", "Epsilon SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 600.0, ADDRESS, *level],
    ]  # fmt: skip


# Penalties at 12,15 % (ECB 2,15 % + 10, 2026 H1 and H2), payment day counted.
# E1: 3 000 €, due 15/05, 500 € paid on 01/07:
#   16/05–30/06, 46 d × 3 000 = 45,94; 01/07, 1 d × 3 000 = 1,00; 02/07–07/12, 159 d × 2 500 = 132,32
#   = 179,26 € + 40 €.
# E2: 600 €, due 01/06, a payment without a date in the sheet:
#   600 € (settled): nothing owed, no penalty nor indemnity (no date to stop them at):
#     principal 2 500,00, interest 179,26, indemnity 40 → 2 719,26 €.
#   200 € (part): counted as received from the due date, penalties on 400 € only:
#     02/06–30/06, 29 d × 400 = 3,86; 01/07–07/12, 160 d × 400 = 21,30 = 25,16 € + 40 €
#     → principal 2 900,00, interest 204,42, indemnities 80 → 3 184,42 €.
CASES = [
    pytest.param(600.0, HANDED, ["Principal : 2 500,00 €", "Intérêts arrêtés au 7 décembre 2026 : 179,26 €", "Total réclamé : 2 719,26 €", "Facture E2 : règlement de 600,00 € non daté ; principal soldé à une date inconnue"], (0.0, 0.0), id="settled"),
    pytest.param(200.0, NOTICE, ["Principal : 2 900,00 €", "Intérêts arrêtés au 7 décembre 2026 : 204,42 €", "Total réclamé : 3 184,42 €", "E2 | 01/05/2026 | 01/06/2026 | 600,00 € | 200,00 € | 400,00 €"], (25.16, 40.0), id="part-paid"),
]  # fmt: skip


def _text(path) -> str:
    doc = Document(path)
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return (
        "\n".join([p.text for p in doc.paragraphs] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


@pytest.mark.parametrize(("paid", "level", "said", "e2"), CASES)
def test_an_undated_payment_of_the_payments_sheet_is_deducted_and_said(
    tmp_path, paid, level, said, e2
):
    def sheet(wb):
        ws = wb.create_sheet("Règlements")
        ws.append(["N° facture", "Date règlement", "Montant réglé", "Référence bancaire"])
        ws.append(["E1", D(2026, 7, 1), 500.0, "VIR1"])
        ws.append(["E2", None, paid, "VIR4"])

    ledger = write_ledger(tmp_path / "ledger.xlsx", _rows(level), HEADERS, extra=sheet)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    invoice = next(i for i in result.invoices if i.invoice == "E2")
    assert (invoice.interest, invoice.indemnity) == e2
    [warning] = [
        w.replace("\xa0", " ").replace("\u202f", " ")
        for w in result.warnings
        if "sans date de règlement" in w
    ]
    assert warning.startswith(
        f"Feuille « Règlements », ligne 3 : règlement de {paid:.2f} € de la facture n° E2 sans date de règlement : il est déduit de ce qui reste dû".replace(
            ".", ","
        )
    ), warning
    [dossier] = result.dossiers
    text = _text(dossier)
    for line in said:
        assert line in text, text


def test_an_undated_payment_beside_a_paid_column_is_said_too(tmp_path):
    """The invoice sheet has its own « Montant réglé » column, which prevails: E2's 600 €,
    typed there, settles it (nothing owed, no penalty without a date); the sheet's undated
    row is said all the same."""
    headers = [*HEADERS[:6], "Montant réglé", *HEADERS[6:]]
    rows = [[*r[:6], paid, *r[6:]] for r, paid in zip(_rows(NOTICE), [None, 600.0], strict=True)]

    def sheet(wb):
        ws = wb.create_sheet("Règlements")
        ws.append(["N° facture", "Date règlement", "Montant réglé"])
        ws.append(["E2", None, 600.0])

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers, extra=sheet)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    invoice = next(i for i in result.invoices if i.invoice == "E2")
    assert (invoice.interest, invoice.indemnity) == (0.0, 0.0)
    [warning] = [w.replace("\xa0", " ") for w in result.warnings if "sans date de règlement" in w]
    assert warning.startswith(
        "Feuille « Règlements », ligne 2 : règlement de 600,00 € de la facture n° E2 sans date de règlement : c'est la colonne des montants réglés de la feuille des factures qui compte"
    ), warning


def test_an_undated_payment_of_a_client_in_collective_proceedings_names_l622_7(tmp_path):
    """Rouge SAS in redressement judiciaire (judgment 15/07/2024): R-2's undated 500 € is
    deducted like any undated payment, and the warning says that one received after the
    judgment is not deducted from the claim declared (L622-7)."""
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
    rows = [
        ["R-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, ADDRESS, "Redressement judiciaire", D(2024, 7, 15), D(2024, 7, 30)],
        ["R-2", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 500.0, ADDRESS, None, None, None],
    ]  # fmt: skip

    def sheet(wb):
        ws = wb.create_sheet("Règlements")
        ws.append(["N° facture", "Date règlement", "Montant réglé"])
        ws.append(["R-2", None, 500.0])

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers, extra=sheet)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out", pdf=False
    )
    [warning] = [w.replace("\xa0", " ") for w in result.warnings if "sans date de règlement" in w]
    assert warning.startswith(
        "Feuille « Règlements », ligne 2 : règlement de 500,00 € de la facture n° R-2"
    ), warning
    assert warning.endswith(
        "Client en procédure collective : s'il a été reçu après le jugement d'ouverture, il ne se déduit pas de la créance à déclarer (Code de commerce L622-7)."
    ), warning
