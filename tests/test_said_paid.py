"""What a ledger says was paid, read for whether it surely was (review-attack-5 §4–§6): a
receipts row naming another client, « not paid » abbreviations in a lettering column, and
statuses that say paid with a doubt, a share or a day after the run."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings
from openpyxl import Workbook, load_workbook

from relance_xlsx import Settings, run
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 1)
HEADERS = ["N° facture", "Date facture", "Client", "Adresse", "Montant TTC", "Échéance"]


def _ledger(tmp_path, column, values):
    """One invoice per value, each of its own client, the value under `column`."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([*HEADERS, column])
    for i, value in enumerate(values):
        ws.append([f"F{i}", D(2026, 6, 1), f"Client {chr(65 + i)} SARL",
                   "1 rue X\n69002 Lyon", 1000.0 + i, D(2026, 7, 1), value])  # fmt: skip
    path = tmp_path / "l.xlsx"
    wb.save(path)
    return read_ledger(path, Settings(), as_of=AS_OF).frame.set_index("invoice")


def _outcome(row) -> str:
    if not row["valid"] or row["hold"]:
        return "held"
    return "paid" if row["is_paid"] else "open"


STATUSES = [
    ("Réglé ?", "held"),
    ("Soi-disant réglé", "held"),
    ("Réglé selon client", "held"),
    ("Client dit avoir réglé", "held"),
    ("Payée par erreur à un autre fournisseur", "held"),
    ("Payé en double", "held"),
    ("Virement à vérifier", "held"),
    ("Réglé 50%", "open"),  # half paid, the other half chased (review-nextcase2 H1)
    ("Réglée le 15/01/2027", "held"),  # after the run's day: no payment yet
    ("RÉGLÉ MAIS REJETÉ", "open"),  # bounced: nothing received
    ("Payé puis retourné", "open"),
    ("Non payée", "open"),
    # still paid
    ("Payé en double – remboursé le 15/04/2026", "paid"),  # the doubt resolved (review-late M1)
    ("Réglé selon client - confirmé", "paid"),
    ("Réglée le 15/10/2026", "paid"),
    ("Réglé 100%", "paid"),
    ("Payée", "paid"),
    ("Payé, TVA 20%", "paid"),
]


@pytest.mark.parametrize(("status", "expected"), STATUSES, ids=[s for s, _ in STATUSES])
def test_a_status_says_paid_only_when_it_surely_does(tmp_path, status, expected):
    frame = _ledger(tmp_path, "Statut", [status, None])
    assert _outcome(frame.loc["F0"]) == expected
    assert _outcome(frame.loc["F1"]) == "open"


def test_a_doubtful_payment_gives_its_reason(tmp_path):
    frame = _ledger(tmp_path, "Statut", ["Réglé selon client"])
    assert "règlement annoncé mais incertain" in frame.loc["F0", "hold_reason"]


LETTERING = [("AA", "paid"), ("AB", "paid"), ("IMP", "open"), ("NOK", "open"), ("NP", "open"),
             ("REJ", "open"), ("LIT", "open"), ("KO", "open"), ("ATT", "open")]  # fmt: skip


def test_not_paid_abbreviations_are_no_lettering_code(tmp_path):
    frame = _ledger(tmp_path, "Lettrage", [code for code, _ in LETTERING])
    found = {code: _outcome(frame.loc[f"F{i}"]) for i, (code, _) in enumerate(LETTERING)}
    assert found == dict(LETTERING)


def _receipts(tmp_path, payer):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    ws.append(["F2026-201", D(2026, 6, 1), "Hôtel des Célestins", "4 rue des Archers\n69002 Lyon",
               4100.0, D(2026, 7, 1)])  # fmt: skip
    ws.append(["F2026-202", D(2026, 6, 5), "Garage Bernard", "2 rue C\n69002 Lyon", 90.0,
               D(2026, 7, 5)])  # fmt: skip
    receipts = wb.create_sheet("Encaissements")
    receipts.append(["Date règlement", "Client", "Facture réglée", "Montant", "Mode"])
    receipts.append([D(2026, 9, 1), payer, "F2026-201", 4100.0, "Chèque"])
    receipts.append([D(2026, 9, 2), "Garage Bernard", "F2026/202 ", 5.0, "Chèque"])
    path = tmp_path / "gl.xlsx"
    wb.save(path)
    return path


PAYERS = [
    ("Garage Bernard", False),  # another client: never applied
    ("HOTEL DES CELESTINS SARL", True),  # the same client, written otherwise
    ("C0042", True),  # a client code is no name: the number decides, as before
]


@pytest.mark.parametrize(("payer", "applied"), PAYERS, ids=[p for p, _ in PAYERS])
def test_a_receipt_naming_another_client_settles_nothing(tmp_path, payer, applied):
    path = _receipts(tmp_path, payer)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    by_number = {d.invoice: d for d in result.invoices}
    hotel = by_number["F2026-201"]
    assert (hotel.outstanding == 0) is applied
    assert by_number["F2026-202"].outstanding == 85.0  # its own receipt still applies
    statuses = [
        [c.value for c in row] for row in load_workbook(path)["Factures"].iter_rows(min_row=2)
    ]
    hotel_row = next(r for r in statuses if r[0] == "F2026-201")
    assert ("Réglée" in " ".join(str(v) for v in hotel_row if v)) is applied
    if not applied:
        assert any("autre client" in w for w in result.warnings)


# (column, text, outcome) — review-nextcase2 M5: a dispute settled, or who pays, is no payment
# said nor a dispute; the invoice is chased.
REMARKS = [
    ("Remarque", "Client a réglé le différend", "open"),
    ("Remarque", "Réglé le litige avec le client, facture due", "open"),
    ("Remarque", "Litige réglé", "open"),
    ("Libellé", "Prestation payée par le client final", "open"),
    ("Remarque", "Réglé par virement le 12/11/2026", "held"),  # a payment said: checked first
    ("Remarque", "Litige en cours", "held"),
]


@pytest.mark.parametrize(
    ("column", "text", "expected"), [pytest.param(*r, id=r[1]) for r in REMARKS]
)
def test_a_settled_dispute_or_a_payer_is_no_payment_said(tmp_path, column, text, expected):
    frame = _ledger(tmp_path, column, [text, None])
    assert _outcome(frame.loc["F0"]) == expected
    assert _outcome(frame.loc["F1"]) == "open"


def test_a_payment_of_an_invoice_not_in_the_ledger_is_said(tmp_path):
    """A « Règlements » row naming an invoice the ledger does not hold is applied to none, and
    said (review-late M3: it paid exactly another invoice of the client, silently dropped)."""
    path = _receipts(tmp_path, "Hôtel des Célestins")
    wb = load_workbook(path)
    wb["Encaissements"].append([D(2026, 9, 3), "Garage Bernard", "F2026-209", 90.0, "Chèque"])
    wb.save(path)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    said = [w for w in result.warnings if "n'est pas dans le classeur" in w]
    assert len(said) == 1 and "F2026-209" in said[0] and "ligne(s) 4" in said[0]
    assert not any("F2026-202" in w and "pas dans le classeur" in w for w in result.warnings)


def _held_alone(tmp_path, how):
    """Two invoices, one settled by a receipt of its group, the other held by a payments
    sheet (another client's name, or a sheet total above the paid cell): the only open one."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([*HEADERS, "Montant réglé"])
    ws.append(["F1", D(2026, 8, 1), "Dupont SARL", "10 rue A\n69006 Lyon", 1200.0,
               D(2026, 8, 31), None])  # fmt: skip
    ws.append(["F2", D(2026, 9, 1), "Martin SAS", "9 rue B\n13001 Marseille", 1000.0,
               D(2026, 10, 1), 100.0 if how == "sheet-above-cell" else None])  # fmt: skip
    receipts = wb.create_sheet("Règlements")
    receipts.append(["N° facture", "Client", "Date règlement", "Montant réglé"])
    receipts.append(["F1", "Groupe Dupont Holding", D(2026, 9, 10), 1200.0])
    payer = "Bernard EURL" if how == "other-client" else "Martin SAS"
    receipts.append(["F2", payer, D(2026, 10, 5), 600.0 if how == "sheet-above-cell" else 1000.0])
    path = tmp_path / "gl.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("how", ["other-client", "sheet-above-cell"])
def test_an_invoice_held_by_a_payments_sheet_does_not_stop_the_run(tmp_path, how):
    """review-late M6: the only open invoice, held on purpose with its reason, made the read
    « Lecture douteuse : 0 facture(s) utilisable(s) » and nothing was written back."""
    path = _held_alone(tmp_path, how)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    by_number = {d.invoice: d for d in result.invoices}
    assert by_number["F1"].outstanding == 0 and by_number["F2"].action != "letter"
    rows = {r[0]: r for r in load_workbook(path)["Factures"].iter_rows(values_only=True)}
    assert "Réglée" in " ".join(str(v) for v in rows["F1"] if v)  # written back


FIVE = ["Garage Bernard", "Menuiserie Roux", "Traiteur Chevalier", "Boulangerie Petit",
        "Plomberie Martin"]  # fmt: skip


def _sorted_receipts(tmp_path, payers, wrong):
    """Five clients, five 1 000 € invoices; receipts paid by `payers`, the first `wrong` rows
    carrying the next client's invoice number (the « Facture réglée » column sorted alone)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    for i, client in enumerate(FIVE):
        ws.append([f"F-90{i}", D(2026, 8, 1), client, "1 rue X\n69003 Lyon", 1000.0,
                   D(2026, 9, 1)])  # fmt: skip
    receipts = wb.create_sheet("Règlements")
    receipts.append(["Date", "Client", "Facture réglée", "Montant"])
    for i, payer in enumerate(payers):
        receipts.append([D(2026, 11, 2), payer, f"F-90{(i + 1) % 5 if i < wrong else i}", 1000.0])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    return read_ledger(path, Settings(), as_of=AS_OF).frame.set_index("invoice")


# (payers, rows misaligned, outcome of F-900..F-904) — review-attack-6 §4: 3 or more rows
# naming another client of the ledger are a misaligned sheet, every one held, none applied.
OTHERS = ["Groupe Alpha Holding", "Financière Beta", "Omega Participations", "Delta Gestion",
          "Sigma Capital"]  # fmt: skip
MISALIGNED = [
    ("two-wrong", FIVE, 2, ["open", "held", "held", "paid", "paid"]),
    ("three-wrong", FIVE, 3, ["open", "held", "held", "held", "paid"]),
    ("all-wrong", FIVE, 5, ["held"] * 5),
    # not the ledger's clients at all (parent companies): the number decides, as before
    ("another-naming", OTHERS, 5, ["paid"] * 5),
]


@pytest.mark.parametrize(("payers", "wrong", "expected"), [m[1:] for m in MISALIGNED],
                         ids=[m[0] for m in MISALIGNED])  # fmt: skip
def test_a_misaligned_receipts_sheet_is_held_not_applied(tmp_path, payers, wrong, expected):
    frame = _sorted_receipts(tmp_path, payers, wrong)
    assert [_outcome(frame.loc[f"F-90{i}"]) for i in range(5)] == expected
