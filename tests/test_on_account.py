"""A payment received and not applied (« Acompte », « Règlement », « Escompte » in an aged
balance, review-pubwb5 M1, M2): never called an « avoir » in the letter; typed unsigned,
never chased. Imputed by law on the client's invoices, due ones first, the oldest first
(Code civil 1342-10; review-lawnew H1): deducted from the sum demanded, said so, penalties
on the reduced base from its date; what no invoice takes is shown « non imputé »."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Type", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]


def _text(path) -> str:
    doc = Document(path)
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return (
        "\n".join([p.text for p in doc.paragraphs] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


@pytest.mark.parametrize(
    ("kind", "amount"),
    [
        pytest.param("Acompte", -250.0, id="acompte-signed"),
        pytest.param("Acompte", 250.0, id="acompte-unsigned"),
        pytest.param("Règlement", -250.0, id="reglement"),
        pytest.param("Escompte", -250.0, id="escompte"),
    ],
)
def test_a_payment_on_account_is_no_credit_note_and_never_chased(tmp_path, kind, amount):
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, ADDRESS],
        ["1700001", kind, "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), amount, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = result.letters
    assert letter.invoices == ["F-1"]
    text = _text(letter.path)
    assert "non déduits de la somme demandée" not in text and "Avoirs disponibles" not in text
    assert (
        "250,00 € sur la facture n° F‑1 (règlement de 250,00 € du 20/09/2026, imputé sur "
        "cette facture : Code civil, article 1342-10)"
    ) in text, text
    assert "avoir" not in text.lower().split("règlement partiel")[1][:200]
    assert "Total restant dû : 750,00 €" in text
    ws = load_workbook(ledger).active
    statuses = {r[0].value: r[-1].value for r in ws.iter_rows(min_row=2)}
    assert (
        statuses["1700001"]
        == "Règlement reçu : imputé sur les factures du client (Code civil 1342-10)"
    )
    assert ws.cell(2, 6).value == 1000.0  # the ledger's cells are the user's: never rewritten


def test_the_formal_notice_claims_the_debt_net_of_a_payment_received(tmp_path):
    # review-lawnew H1: F-1 1 000 €, due 01/10/2026, « Règlement » 250 € on 20/09/2026:
    # 750 € + 750 × 12,15 % × 67/365 = 16,73 € + 40 € = 806,73 €, never 1 062,30 €.
    headers = [*HEADERS, "Niveau de relance", "Date de relance"]
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, ADDRESS, "Relance 2", D(2026, 10, 20)],
        ["1700001", "Règlement", "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, ADDRESS, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = result.letters
    text = _text(letter.path)
    assert "mettons en demeure de nous régler la somme de 806,73 €" in text, text
    assert "Total restant dû : 750,00 €" in text and "Solde du compte : 750,00 €" in text
    assert "imputé sur cette facture : Code civil, article 1342-10" in text


def test_payments_go_to_the_oldest_due_invoice_first(tmp_path):
    # 1342-10 al. 2: F-2 (due 01/08) before F-1 (due 01/10); 1 500 € pays F-2 (600 €) and
    # 900 € of F-1; none is left, nothing « non imputé ».
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, ADDRESS],
        ["F-2", "Facture", "Beta SAS", D(2026, 7, 1), D(2026, 8, 1), 600.0, ADDRESS],
        ["1700001", "Acompte", "Beta SAS", D(2026, 10, 20), D(2026, 10, 20), -1500.0, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = [x for x in result.letters if "F-1" in x.invoices]
    text = _text(letter.path)
    assert "100,00 €" in text and "non déduits" not in text, text
    assert (
        "règlement de 1 500,00 € du 20/10/2026, dont 900,00 € imputés sur cette facture" in text
    ), text


@pytest.mark.parametrize(
    ("kind", "chased"),
    [
        pytest.param("Facture d'acompte", True, id="facture-d-acompte"),
        pytest.param("Acompte", False, id="acompte"),
        pytest.param("Avoir", False, id="avoir"),
    ],
)
def test_only_an_invoice_of_a_deposit_is_chased(tmp_path, kind, chased):
    rows = [["A-1", kind, "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 400.0, ADDRESS]]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False, dry_run=True
    )
    assert bool(result.letters) is chased
    if kind == "Acompte":
        assert any("règlement reçu" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        # A credit note is compensated in the letter (review-lawhand 1): the part refused.
        pytest.param("Avoir", "la partie « Relance 1 » demanderait -50,00", id="avoir"),
    ],
)
def test_the_control_names_what_covers_the_sum(tmp_path, kind, said):
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 200.0, ADDRESS],
        ["1700001", kind, "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [held] = result.to_complete
    assert held.missing[0].startswith(f"refusée au contrôle : {said}"), held.missing


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        pytest.param("Avoir", "Avoir 1700001", id="avoir"),
    ],
)
def test_the_statement_of_a_formal_notice_names_a_payment_received(tmp_path, kind, label):
    headers = [*HEADERS, "Niveau de relance", "Date de relance"]
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 6, 1), D(2026, 7, 1), 1000.0, ADDRESS, "Relance 2", D(2026, 10, 1)],
        ["1700001", kind, "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, ADDRESS, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = result.letters
    assert letter.kind == "mise_en_demeure"
    lines = [
        line
        for line in _text(letter.path).splitlines()
        if " 1700001 | 20/09/2026 | –" in line  # the statement's line: a label first, no due day
    ]
    assert [line.split(" | ")[0] for line in lines] == [label]


@pytest.mark.parametrize(
    ("number", "kind", "due", "advance"),
    [
        pytest.param(
            "F-2", "Acompte", D(2026, 10, 31), True, id="facac3-acompte-own-number-and-due"
        ),
        pytest.param("F-2", "Acompte 30 %", D(2026, 10, 31), True, id="facac2-acompte-30"),
        pytest.param("1700001", "Acompte", D(2026, 10, 31), False, id="other-numbering-received"),
        pytest.param("F-2", "Acompte", D(2026, 10, 1), False, id="due-on-its-date-received"),
        pytest.param("F-2", "Acompte reçu", D(2026, 10, 31), False, id="acompte-recu"),
    ],
)
def test_an_advance_invoice_typed_acompte_is_chased(tmp_path, number, kind, due, advance):
    """review-nextcase H3: « Acompte » with its own invoice number and due date is an advance
    invoice to chase, never money the client is told he paid."""
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, ADDRESS],
        [number, kind, "Beta SAS", D(2026, 10, 1), due, 300.0, ADDRESS],
    ]
    ledger = read_ledger(
        write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS), complete_settings(), as_of=AS_OF
    )
    frame = ledger.frame
    row = frame[frame["invoice"] == number].iloc[0]
    assert (bool(row["on_account"]), bool(row["is_credit"])) == (not advance, not advance)
    # Received: imputed by law on F-1, already due (Code civil 1342-10), nothing of it left.
    assert float(row["outstanding"]) == (300.0 if advance else 0.0)
    first = frame[frame["invoice"] == "F-1"].iloc[0]
    assert float(first["outstanding"]) == (1000.0 if advance else 700.0)
    said = [p for p in ledger.problems if "facture d'acompte" in p.message]
    assert [p.row for p in said] == ([3] if advance else [])


def test_a_payment_beyond_every_invoice_leaves_its_surplus_open(tmp_path):
    # 250 € received on 20/09 for the client's only invoice, 200 € due 01/10: F-1 is paid
    # on time by imputation, never chased; the 50 € left are the client's, said so.
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 200.0, ADDRESS],
        ["1700001", "Acompte", "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    assert result.letters == [] or all("F-1" not in x.invoices for x in result.letters)
    ws = load_workbook(ledger).active
    statuses = {r[0].value: r[-1].value for r in ws.iter_rows(min_row=2)}
    assert statuses["1700001"].startswith("Règlement reçu : imputé en partie"), statuses
    assert "le reste, non imputé, est à imputer ou à rembourser" in statuses["1700001"]
