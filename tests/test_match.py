"""`relance match`: credits matched to open invoices, strongest evidence first; --apply
writes the sure ones through the safe write-back, once."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import openpyxl
import pytest
from conftest import write_ledger
from statements import FORMATS, SUFFIX, Op
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = [
    "N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
    "Date règlement", "Adresse",
]  # fmt: skip
ROWS = [
    ["M105", "Boulangerie Petit", D(2026, 10, 1), D(2026, 10, 31), 1234.56, 0, None, "Lyon"],
    ["M106", "Boulangerie Petit", D(2026, 10, 5), D(2026, 11, 4), 480.0, 0, None, "Lyon"],
    ["F2026-014", "Café de la Gare", D(2026, 9, 1), D(2026, 10, 1), 300.0, 0, None, "Lyon"],
    ["F2026-016", "Café de la Gare", D(2026, 9, 3), D(2026, 10, 3), 200.0, 0, None, "Lyon"],
    ["F2026-015", "Garage Bernard", D(2026, 9, 1), D(2026, 10, 1), 300.0, 0, None, "Lyon"],
    ["F2026-020", "Garage Bernard", D(2026, 9, 10), D(2026, 10, 10), 1000.0, 0, None, "Lyon"],
    ["F2026-021", "Pharmacie Martin", D(2026, 9, 15), D(2026, 10, 15), 750.0, 250.0,
     D(2026, 10, 20), "Lyon"],
    ["F2026-022", "Pharmacie Martin", D(2026, 9, 20), D(2026, 10, 20), 120.0, 0, None, "Lyon"],
    ["F2026-030", "Librairie Durand", D(2026, 9, 20), D(2026, 10, 20), 300.0, 0, None, "Lyon"],
]  # fmt: skip
OPS = [
    # The invoice number, spelt « M 105 »: exact.
    Op(D(2026, 11, 18), 1234.56, "VIR SEPA BOULANGERIE PETIT", "FACT M 105", "E1"),
    Op(D(2026, 11, 18), -50.0, "PRLV EDF", "ECHEANCE", "E2"),  # a debit: ignored
    # One transfer for two invoices, both cited.
    Op(D(2026, 11, 19), 500.0, "VIR INST CAFE DE LA GARE", "REGLEMENT F2026-14 F2026-016", "E3"),
    # A partial payment, with its number.
    Op(D(2026, 11, 19), 400.0, "VIR GARAGE BERNARD", "ACOMPTE FACTURE F2026-020", "E4"),
    # 300,00 € from an unknown payer: three open invoices of that amount. Left alone.
    Op(D(2026, 11, 20), 300.0, "VIR SEPA M DUPONT JEAN", "", "E5"),
    # No number: the payer's name and the sum of its open invoices (after a partial payment).
    Op(D(2026, 11, 20), 620.0, "VIR PHARMACIE MARTIN SARL", "", "E6"),
    # No number: the name and one invoice's amount.
    Op(D(2026, 11, 21), 480.0, "VIREMENT BOULANGERIE PETIT", "MERCI", "E7"),
    Op(D(2026, 11, 21), -300.0, "CHQ 0001234", "", "E8"),  # a debit of 300: ignored
]
EXPECTED = [  # (status, invoices paid, partial)
    ("sure", ["M105"], [False]),
    ("sure", ["F2026-014", "F2026-016"], [False, False]),
    ("sure", ["F2026-020"], [True]),
    ("to_decide", [], []),
    ("sure", ["F2026-021", "F2026-022"], [False, False]),
    ("sure", ["M106"], [False]),
]


@pytest.fixture
def ledger(tmp_path):
    return write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)


def statement(tmp_path, fmt, ops=OPS, name="releve"):
    return FORMATS[fmt](tmp_path / f"{name}{SUFFIX.get(fmt, '.csv')}", ops)


def _shape(result):
    return [
        (p.status, [a.invoice for a in p.allocations], [a.partial for a in p.allocations])
        for p in result.proposals
    ]


@pytest.mark.parametrize("fmt", list(FORMATS), ids=list(FORMATS))
def test_each_format_gives_the_same_proposals(ledger, tmp_path, fmt):
    before = ledger.read_bytes()
    result = relance_xlsx.match(ledger, [statement(tmp_path, fmt)], as_of=AS_OF)
    assert _shape(result) == EXPECTED, [p.reason for p in result.proposals]
    assert ledger.read_bytes() == before  # without apply, nothing is written
    assert result.debits == 2
    unknown = result.proposals[3]
    assert "aucun client reconnu" in unknown.reason
    # F2026-014 (also 300,00 €) was paid by the credit before: two left to choose among.
    assert set(unknown.candidates) == {"F2026-015", "F2026-030"}
    assert result.proposals[0].rule == "number" and result.proposals[0].confidence >= 0.9
    assert result.proposals[4].rule == "amount"
    assert "Pharmacie Martin" in result.proposals[4].reason
    partial = result.proposals[2].allocations[0]
    assert (partial.amount, partial.remaining) == (400.0, 600.0)
    review = openpyxl.load_workbook(result.review)
    assert review["Rapprochement"]["F1"].value == "Décision"


def _cells(path):
    book = openpyxl.load_workbook(path)
    return {
        ws.title: {
            c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None
        }
        for ws in book.worksheets
    }


def test_apply_writes_only_the_paid_cells_and_the_journal(ledger, tmp_path):
    before = _cells(ledger)
    result = relance_xlsx.match(ledger, [statement(tmp_path, "ofx-1.02-sgml")], as_of=AS_OF,
                                apply=True)  # fmt: skip
    assert result.applied == 5 and result.payments_written == 7
    after = _cells(ledger)
    changed = {
        k: (before["Factures"].get(k), v)
        for k, v in after["Factures"].items()
        if before["Factures"].get(k) != v
    }
    day = lambda d: dt.datetime(d.year, d.month, d.day)  # noqa: E731
    assert changed == {
        "F2": (0, 1234.56), "G2": (None, day(D(2026, 11, 18))),
        "F3": (0, 480), "G3": (None, day(D(2026, 11, 21))),
        "F4": (0, 300), "G4": (None, day(D(2026, 11, 19))),
        "F5": (0, 200), "G5": (None, day(D(2026, 11, 19))),
        "F7": (0, 400), "G7": (None, day(D(2026, 11, 19))),
        # added to the earlier partial payment of 250
        "F8": (250, 750), "G8": (day(D(2026, 10, 20)), day(D(2026, 11, 20))),
        "F9": (0, 120), "G9": (None, day(D(2026, 11, 20))),
    }  # fmt: skip
    assert not [k for k in before["Factures"] if k not in after["Factures"]]
    journal = openpyxl.load_workbook(ledger)["Journal des relances"]
    lines = [[c.value for c in row] for row in journal.iter_rows(min_row=2)]
    assert len(lines) == 7
    assert {line[4] for line in lines} == {"Règlement bancaire", "Règlement partiel (banque)"}
    assert journal["J1"].value == "Référence"
    # The bank's reference and the account: a bank numbers its entries per account.
    assert {line[9].split(" compte ")[0] for line in lines} == {"Banque E1", "Banque E3",
                                                                "Banque E4", "Banque E6",
                                                                "Banque E7"}  # fmt: skip
    assert result.backup and (tmp_path / ".relance-sauvegardes").is_dir()


@pytest.mark.parametrize("fmt", ["csv-cp1252", "camt.053"], ids=["csv-no-bank-ref", "camt"])
def test_the_same_statement_twice_counts_once(ledger, tmp_path, fmt):
    path = statement(tmp_path, fmt)
    first = relance_xlsx.match(ledger, [path], as_of=AS_OF, apply=True)
    assert first.applied == 5
    bytes_after_first = ledger.read_bytes()
    again = relance_xlsx.match(ledger, [path], as_of=AS_OF, apply=True)
    assert again.applied == 0 and again.count("already") == 5
    assert ledger.read_bytes() == bytes_after_first
    # And on a later day, with the statement downloaded again over a longer period.
    longer = statement(tmp_path, fmt, [*OPS, Op(D(2026, 11, 23), 1.0, "X", "", "E9")], "long")
    later = relance_xlsx.match(ledger, [longer], as_of=D(2026, 11, 25), apply=True)
    assert later.applied == 0 and later.count("already") == 5
    paid = {
        r[0].value: r[5].value
        for r in openpyxl.load_workbook(ledger)["Factures"].iter_rows(min_row=2)
    }
    assert paid["F2026-020"] == 400 and paid["F2026-021"] == 750


def test_workbook_open_in_excel_is_refused(ledger, tmp_path):
    lock = ledger.with_name("~$" + ledger.name)
    lock.write_bytes(b"\x0bAnne Martin" + b" " * 40)
    before = ledger.read_bytes()
    with pytest.raises(relance_xlsx.WorkbookError, match="ouvert par Anne Martin"):
        relance_xlsx.match(ledger, [statement(tmp_path, "camt.053")], as_of=AS_OF, apply=True)
    assert ledger.read_bytes() == before
    # Without --apply the proposals are still shown: nothing is written.
    assert relance_xlsx.match(ledger, [statement(tmp_path, "camt.053")], as_of=AS_OF).proposals


def test_without_a_paid_column_payments_go_to_a_payments_sheet(tmp_path):
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
    ledger = write_ledger(tmp_path / "f.xlsx", [r[:5] for r in ROWS], headers)
    ops = [OPS[0], OPS[3]]
    result = relance_xlsx.match(ledger, [statement(tmp_path, "camt.053", ops)], as_of=AS_OF,
                                apply=True)  # fmt: skip
    assert result.target == "feuille « Règlements » (2 règlement(s) daté(s))"
    sheet = openpyxl.load_workbook(ledger)["Règlements"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == ["N° facture", "Date règlement", "Montant réglé", "Référence bancaire"]
    assert [(r[0], r[2], r[3]) for r in rows[1:]] == [
        ("M105", 1234.56, "E1"),
        ("F2026-020", 400, "E4"),
    ]
    # The reader understands it: M105 is paid, F2026-020 owes 600.
    settings = relance_xlsx.Settings()
    run = relance_xlsx.run(ledger, settings, as_of=AS_OF, dry_run=True)
    owed = {i.invoice: i.outstanding for i in run.invoices}
    assert owed["M105"] == 0 and owed["F2026-020"] == 600
    again = relance_xlsx.match(ledger, [statement(tmp_path, "camt.053", ops)], as_of=AS_OF,
                               apply=True)  # fmt: skip
    assert again.applied == 0


def test_cli_json_is_one_document_and_writes_nothing(ledger, tmp_path):
    before = ledger.read_bytes()
    result = CliRunner().invoke(
        app, ["match", str(ledger), str(statement(tmp_path, "csv-cp1252")), "--json",
              "--as-of", "22/11/2026"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["counts"] == {"sure": 5, "to_decide": 1, "already": 0, "future": 0, "other": 0}
    assert document["apply"] is False and document["backup"] is None
    assert document["proposals"][0]["invoices"][0]["invoice"] == "M105"
    assert ledger.read_bytes() == before


def test_cli_table_in_french(ledger, tmp_path):
    result = CliRunner().invoke(
        app, ["match", str(ledger), str(statement(tmp_path, "ofx-2-xml")), "--as-of", "22/11/2026"]
    )
    assert result.exit_code == 0, result.output
    assert "Rapprochement bancaire" in result.stdout
    assert "Rien n'a été écrit dans le classeur" in result.stdout
    assert re.search(r"1\s234,56\s€", result.stdout)


def test_cli_missing_statement_is_one_sentence(ledger, tmp_path):
    result = CliRunner().invoke(app, ["match", str(ledger), str(tmp_path / "absent.csv")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Erreur : Le relevé") and "Traceback" not in result.output


def test_a_copy_of_the_sample_matches(sample, tmp_path):
    shutil.copy2(sample, tmp_path / "copy.xlsx")
    ops = [Op(D(2026, 11, 20), 1.0, "VIR INCONNU", "", "Z1")]
    result = relance_xlsx.match(tmp_path / "copy.xlsx", [statement(tmp_path, "camt.053", ops)],
                                as_of=AS_OF)  # fmt: skip
    assert result.count("to_decide") == 1


def test_an_older_journal_gets_its_reference_column(tmp_path):
    def journal(wb):
        ws = wb.create_sheet("Journal des relances")
        ws.append(["Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
                   "Intérêts", "Indemnité", "Courrier"])  # fmt: skip
        ws.append([dt.datetime(2026, 11, 1), "M105", "Boulangerie Petit", "Relance 1",
                   "Courrier", 1234.56, 0, 0, "relance_1.docx"])  # fmt: skip

    ledger = write_ledger(tmp_path / "f.xlsx", ROWS, HEADERS, extra=journal)
    relance_xlsx.match(ledger, [statement(tmp_path, "camt.053", OPS[:1])], as_of=AS_OF,
                       apply=True)  # fmt: skip
    rows = list(openpyxl.load_workbook(ledger)["Journal des relances"].iter_rows(values_only=True))
    assert rows[0][8:10] == ("Courrier", "Référence")
    assert rows[1][4] == "Courrier" and rows[1][9] is None  # the old line as it was
    assert rows[2][4] == "Règlement bancaire"
    assert rows[2][9] == "Banque E1 compte FR7630004000050000123456789"


def test_a_credit_in_another_currency_is_left_to_the_office(ledger, tmp_path):
    path = statement(tmp_path, "camt.053", OPS[:1])
    path.write_text(path.read_text(encoding="utf-8").replace('Ccy="EUR"', 'Ccy="USD"'), "utf-8")
    result = relance_xlsx.match(ledger, [path], as_of=AS_OF)
    assert result.proposals[0].status == "to_decide" and "USD" in result.proposals[0].reason
