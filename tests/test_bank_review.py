"""The clerk's review of `relance match`, defect by defect: who paid, what a label cites, the
same entry in two statements, a cent's difference, credits that are no customer's, the
files as more banks write them. Ledgers and statements are built here, as offices and banks
write them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import write_ledger
from statements import (
    CSV_LAYOUTS,
    Op,
    banque_postale,
    camt053,
    cic_iso885915,
    credit_mutuel,
    n26,
    ofx_sgml,
)
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.bank import read_statement
from relance_xlsx.cli import app
from relance_xlsx.errors import StatementError

D = dt.date
AS_OF = D(2026, 11, 20)


def siren(first8: str) -> str:
    """A SIREN with its Luhn key, from its first eight digits."""
    for key in "0123456789":
        digits = first8 + key
        total = sum(
            (d - 9 if (d := int(c) * (2 if i % 2 else 1)) > 9 else d)
            for i, c in enumerate(reversed(digits))
        )
        if total % 10 == 0:
            return digits
    raise AssertionError


GIRAUD = siren("73125498")
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "SIRET"]  # fmt: skip
ROWS = [
    # Two clients named Martin: a one-word name and a longer one.
    ["FC-2026-0201", "SARL Martin", D(2026, 9, 1), D(2026, 10, 1), 312.0, None, None, ""],
    ["FC-2026-0202", "Martin & Fils", D(2026, 9, 2), D(2026, 10, 2), 540.0, None, None, ""],
    ["FC-2026-0203", "Martin & Fils", D(2026, 9, 3), D(2026, 10, 3), 1250.4, None, None, ""],
    ["FC-2026-0204", "Martin & Fils", D(2026, 9, 4), D(2026, 10, 4), 687.6, None, None, ""],
    # Numbers whose prefix or zeros a payer leaves out.
    ["2026/318", "Boulangerie Lefèvre", D(2026, 6, 1), D(2026, 7, 1), 384.0, None, None, ""],
    ["2026/319", "Boulangerie Lefèvre", D(2026, 6, 2), D(2026, 7, 2), 384.0, None, None, ""],
    ["2026/312", "Pharmacie Roussel", D(2026, 4, 10), D(2026, 5, 10), 1980.0, 500.0,
     D(2026, 6, 20), ""],
    ["2026/324", "Électricité Générale Caron", D(2026, 6, 2), D(2026, 7, 2), 540.0, None, None,
     ""],
    ["FC-2026-0247", "Menuiserie Perrin", D(2026, 9, 15), D(2026, 10, 15), 932.4, None, None,
     ""],
    ["FC-2026-0255", "Hôtel du Cèdre Argenté", D(2026, 10, 6), D(2026, 11, 5), 745.2, None,
     None, ""],
    # A cent's difference either way.
    ["FC-2026-0251", "Imprimerie Vallée", D(2026, 9, 23), D(2026, 10, 23), 2317.45, None, None,
     ""],
    ["FC-2026-0256", "Imprimerie Vallée", D(2026, 10, 8), D(2026, 11, 7), 199.99, None, None,
     ""],
    # Known by its SIREN only.
    ["FC-2026-0257", "Transports Giraud SAS", D(2026, 10, 12), D(2026, 11, 11), 890.0, None,
     None, f"{GIRAUD}00017"],
    ["FC-2026-0250", "Garage Dubois", D(2026, 9, 22), D(2026, 10, 22), 1200.0, None, None, ""],
]  # fmt: skip


@pytest.fixture
def ledger(tmp_path):
    return write_ledger(tmp_path / "grand-livre.xlsx", ROWS, HEADERS)


def _one(ledger, tmp_path, name, memo="", amount=100.0, day=None, **kw):
    day = day or D(2026, 11, 12)
    path = credit_mutuel(tmp_path / "releve.csv", [Op(day, amount, name, memo, "")])
    (proposal,) = relance_xlsx.match(ledger, [path], as_of=AS_OF, **kw).proposals
    return proposal


def _paid(p):
    return [a.invoice for a in p.allocations] if p.status == "sure" else []


# -- what a label cites, and who paid ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "memo", "amount", "status", "paid", "said"),
    [
        pytest.param("VIR SEPA COMPTOIR DES ARTS", "FACTURE DU 30/09/2026 112,80 EUR", 112.8,
                     "to_decide", [], "aucun client", id="a-date-and-an-amount-no-invoice"),
        pytest.param("VIR SEPA TRANSPORTS GIRAUD SAS", "VOTRE REF CDE 2026-0324", 540.0,
                     "to_decide", [], "Transports Giraud", id="an-order-number-no-invoice"),
        pytest.param("VIR SEPA GARAGE DUBOIS", "BON DE COMMANDE 0250", 1200.0, "sure",
                     ["FC-2026-0250"], "montant égal", id="bon-de-commande-then-amount"),
        pytest.param("VIR SEPA PHARMACIE ROUSSEL", "FACT FC-2026-0247", 932.4, "to_decide", [],
                     "autre client (Pharmacie Roussel)", id="number-of-another-clients-invoice"),
        pytest.param("VIREMENT DE BOULANGERIE LEFEVRE", "FACT 318", 384.0, "sure", ["2026/318"],
                     "N° de facture 2026/318", id="last-number-alone"),
        pytest.param("VIR SEPA MARTIN ET FILS", "F2026-0203", 1250.4, "sure", ["FC-2026-0203"],
                     "N° de facture", id="prefix-changed"),
        pytest.param("VIR SEPA MARTIN ET FILS", "FACT 0203 ET 0204", 1938.0, "sure",
                     ["FC-2026-0203", "FC-2026-0204"], "N° de facture", id="two-last-numbers"),
        pytest.param("VIR SEPA SAS HOTEL DU CEDRE", "FACTURE 0255", 745.2, "sure",
                     ["FC-2026-0255"], "N° de facture", id="zeros-and-truncated-name"),
        pytest.param("VIR SEPA ELECTRICITE GENERALE CARON", "FACTURE 2026/324 DU 02/06/2026",
                     540.0, "sure", ["2026/324"], "N° de facture", id="number-then-its-date"),
        pytest.param("VIR INST DE: GARAGE DUBOIS", "MOTIF: FC20260250", 1200.0, "sure",
                     ["FC-2026-0250"], "N° de facture", id="separators-dropped"),
        pytest.param("VIR SEPA ELECTRICITE GENERALE CARON", "FACT 2026/324 540,00 EUR", 540.0,
                     "sure", ["2026/324"], "N° de facture", id="number-then-an-amount"),
        pytest.param("VIREMENT EN VOTRE FAVEUR DE", "GARAGE DUBOIS", 1200.0, "sure",
                     ["FC-2026-0250"], "Payeur « GARAGE DUBOIS »", id="en-votre-faveur-de"),
        pytest.param("Payment from SARL Martin", "", 312.0, "sure", ["FC-2026-0201"],
                     "Payeur « SARL MARTIN »", id="payment-from"),
        pytest.param("VIR SEPA RECU /DE BOULANGERIE LEFEVRE /MOTIF FACT 318 ET 319", "", 768.0,
                     "sure", ["2026/318", "2026/319"], "N° de facture", id="two-last-numbers-lbp"),
    ],
)  # fmt: skip
def test_what_a_label_cites_and_who_paid(ledger, tmp_path, name, memo, amount, status, paid,
                                         said):  # fmt: skip
    p = _one(ledger, tmp_path, name, memo, amount)
    assert (p.status, _paid(p)) == (status, paid), p.reason
    assert said in p.reason


def test_a_last_number_two_open_invoices_share_names_none(tmp_path):
    rows = [
        ["2026/118", "Boulangerie Lefèvre", D(2026, 6, 1), D(2026, 7, 1), 384.0, None, None, ""],
        ["2025/118", "Boulangerie Lefèvre", D(2025, 6, 1), D(2025, 7, 1), 384.0, None, None, ""],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "gl.xlsx", rows, HEADERS)
    p = _one(ledger, tmp_path, "VIREMENT DE BOULANGERIE LEFEVRE", "FACT 118", 384.0)
    assert p.status == "to_decide" and "2 factures ouvertes de ce montant" in p.reason


@pytest.mark.parametrize(
    ("name", "memo", "amount", "status", "paid"),
    [
        pytest.param("VIR SEPA M JEAN MARTIN", "REMBOURSEMENT TROP PERCU", 312.0, "to_decide",
                     [], id="a-person-called-martin-is-not-sarl-martin"),
        pytest.param("VIR SEPA SARL MARTIN", "", 312.0, "sure", ["FC-2026-0201"],
                     id="the-legal-form-tells"),
        pytest.param("VIR SEPA MARTIN ET FILS", "REGLEMENT", 540.0, "sure", ["FC-2026-0202"],
                     id="and-sons-is-the-longer-name"),
        pytest.param("VIR SEPA MARTIN", "", 540.0, "to_decide", [], id="martin-alone-no-client"),
        pytest.param("VIR SEPA DUBOIS PIERRE", "", 1200.0, "to_decide", [],
                     id="a-common-surname-is-not-garage-dubois"),
        pytest.param(f"VIR SEPA {GIRAUD}", "", 890.0, "sure", ["FC-2026-0257"],
                     id="the-siren-alone"),
        pytest.param(f"VIR SEPA {GIRAUD[:3]} {GIRAUD[3:6]} {GIRAUD[6:]}00017", "", 890.0, "sure",
                     ["FC-2026-0257"], id="the-siret-spaced"),
        pytest.param("VIR SEPA 123456789", "", 890.0, "to_decide", [], id="a-wrong-luhn-key"),
    ],
)  # fmt: skip
def test_names_a_one_word_client_does_not_capture(ledger, tmp_path, name, memo, amount, status,
                                                  paid):  # fmt: skip
    p = _one(ledger, tmp_path, name, memo, amount)
    assert (p.status, _paid(p)) == (status, paid), p.reason


def test_the_banks_payer_field_is_the_name(ledger, tmp_path):
    """CAMT gives the debtor apart: « JEAN MARTIN » is not SARL Martin, « SARL MARTIN » is."""
    path = camt053(tmp_path / "camt.xml", [
        Op(D(2026, 11, 9), 312.0, "JEAN MARTIN", "REMBOURSEMENT", "C1"),
        Op(D(2026, 11, 10), 312.0, "SARL MARTIN", "REGLEMENT FACTURE", "C2"),
    ])  # fmt: skip
    first, second = relance_xlsx.match(ledger, [path], as_of=AS_OF).proposals
    assert first.status == "to_decide"
    assert (second.status, _paid(second)) == ("sure", ["FC-2026-0201"])


# -- a cent's difference ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "memo", "amount", "tolerance", "status", "gap"),
    [
        pytest.param("VIR SEPA IMPRIMERIE VALLEE", "FACTURE FC-2026-0251", 2317.44, 0.01, "sure",
                     -0.01, id="a-cent-short-settles"),
        pytest.param("VIR SEPA IMPRIMERIE VALLEE", "FC-2026-0256", 200.0, 0.01, "sure", 0.01,
                     id="a-cent-over-settles"),
        pytest.param("VIR SEPA IMPRIMERIE VALLEE", "", 200.0, 0.01, "sure", 0.01,
                     id="a-cent-over-by-name-and-amount"),
        pytest.param("VIR SEPA IMPRIMERIE VALLEE", "FC-2026-0256", 200.02, 0.01, "to_decide",
                     None, id="two-cents-over-is-a-surplus"),
        pytest.param("VIR SEPA IMPRIMERIE VALLEE", "FC-2026-0256", 200.0, 0.0, "to_decide", None,
                     id="tolerance-off"),
    ],
)  # fmt: skip
def test_a_cent_either_way(ledger, tmp_path, name, memo, amount, tolerance, status, gap):
    settings = relance_xlsx.Settings(bank=relance_xlsx.config.Bank(tolerance=tolerance))
    p = _one(ledger, tmp_path, name, memo, amount, settings=settings)
    assert p.status == status, p.reason
    if gap is not None:
        (a,) = p.allocations
        assert (a.gap, a.remaining, a.partial) == (gap, 0.0, False)
        assert "écart" in p.reason and "accepté" in p.reason


# -- credits that wait, credits that are no customer's ----------------------------------------


@pytest.mark.parametrize(
    ("name", "memo", "kind"),
    [
        pytest.param("REMISE CB 04/11 MC 0123456", "", "other", id="card-remittance"),
        pytest.param("REMISE CARTE TPE 0456789", "", "other", id="tpe"),
        pytest.param("VERSEMENT ESPECES", "AGENCE LYON", "other", id="cash"),
        pytest.param("REMISE CB 13/11", "FACT FC-2026-0250", "sure", id="card-citing-invoice"),
        pytest.param("REMISE CHEQUE 0001234", "", "to_decide", id="cheques-are-customers"),
        pytest.param("REMISE DE VIREMENTS SEPA", "GARAGE DUBOIS", "sure",
                     id="a-batch-of-transfers-is-no-card"),
    ],
)  # fmt: skip
def test_card_remittances_are_counted_apart(ledger, tmp_path, name, memo, kind):
    p = _one(ledger, tmp_path, name, memo, 1200.0)
    assert p.status == kind, p.reason


def test_bank_type_codes_say_card(ledger, tmp_path):
    """N26's « Type », the OFX TRNTYPE: a card payment received is no transfer."""
    path = n26(tmp_path / "n26.csv", [Op(D(2026, 11, 12), 1200.0, "SUMUP PAYOUT", "", "")])
    text = path.read_text().replace("Credit Transfer", "MasterCard Payment")
    path.write_text(text)
    (p,) = relance_xlsx.match(ledger, [path], as_of=AS_OF).proposals
    assert p.status == "other"


def test_credits_after_the_day_wait(ledger, tmp_path):
    p = _one(ledger, tmp_path, "VIR SEPA GARAGE DUBOIS", "", 1200.0, day=D(2026, 11, 25))
    assert p.status == "future" and "25/11/2026" in p.reason and "20/11/2026" in p.reason


# -- the same entry in two statements ---------------------------------------------------------

OVERLAP_1 = [
    Op(D(2026, 11, 3), 1938.0, "VIR SEPA MARTIN ET FILS", "REF FC2026 203 204", "B1"),
    Op(D(2026, 11, 4), -45.9, "PRLV SEPA ORANGE", "", "B2"),
    Op(D(2026, 11, 6), 1200.0, "VIR SEPA GARAGE DUBOIS", "", "B3"),
]
OVERLAP_2 = [*OVERLAP_1[1:], Op(D(2026, 11, 18), 890.0, f"VIR SEPA {GIRAUD}", "", "B4")]


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(credit_mutuel, id="csv-no-bank-reference"),
        pytest.param(ofx_sgml, id="ofx-fitid"),
        pytest.param(camt053, id="camt-acctsvcrref"),
    ],
)
def test_one_entry_in_two_statements_is_one_credit(ledger, tmp_path, write):
    suffix = {ofx_sgml: ".ofx", camt053: ".xml"}.get(write, ".csv")
    first = write(tmp_path / f"a{suffix}", OVERLAP_1)
    second = write(tmp_path / f"b{suffix}", OVERLAP_2)
    result = relance_xlsx.match(ledger, [first, second, second], as_of=AS_OF, apply=True)
    paid = [inv for p in result.proposals for inv in _paid(p)]
    assert sorted(paid) == ["FC-2026-0203", "FC-2026-0204", "FC-2026-0250", "FC-2026-0257"]
    assert len(result.proposals) == 3
    assert result.credit_duplicates == 1 + 2  # Dubois once more, then the whole second again
    assert result.debits == 1
    doc = result.to_json()
    assert len(doc["duplicates"]) == 3
    # And the journal: one line per invoice paid, the next import adds nothing.
    again = relance_xlsx.match(ledger, [second, first], as_of=AS_OF, apply=True)
    assert again.count("already") == 3 and again.applied == 0


def test_the_summary_says_the_duplicates(ledger, tmp_path):
    first = credit_mutuel(tmp_path / "a.csv", OVERLAP_1)
    second = credit_mutuel(tmp_path / "b.csv", OVERLAP_2)
    out = CliRunner().invoke(app, ["match", str(ledger), str(first), str(second), "--as-of",
                                   "20/11/2026"]).stdout  # fmt: skip
    flat = " ".join(out.split())
    assert "1 crédit(s) en double écarté(s)" in flat
    assert "à décider par vous" in flat and "cabinet" not in flat


# -- files as more banks write them -----------------------------------------------------------

LAYOUT_OPS = [
    Op(D(2026, 11, 5), 312.0, "SARL MARTIN", "Facture FC-2026-0201", "W1"),
    Op(D(2026, 11, 13), -59.9, "Amazon EU", "", "W2"),
    Op(D(2026, 11, 18), 745.2, "HOTEL DU CEDRE ARGENTE", "FACTURE 0255", "W3"),
]


@pytest.mark.parametrize("layout", ["n26", "n26-2021", "wise", "revolut", "cic-iso-8859-15"])
def test_more_layouts_end_to_end(ledger, tmp_path, layout):
    path = CSV_LAYOUTS[layout](tmp_path / f"{layout}.csv", LAYOUT_OPS)
    result = relance_xlsx.match(ledger, [path], as_of=AS_OF)
    (statement,) = result.statements
    assert "sans ligne d'en-têtes" not in statement.description
    assert not any(f in statement.description for f in ("value_date", "label =", "payer ="))
    assert [_paid(p) for p in result.proposals] == [["FC-2026-0201"], ["FC-2026-0255"]]


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        pytest.param("iso-8859-15", "SŒUR MARIE CŒUR € 12", id="iso-8859-15"),
        pytest.param("cp1252", "SŒUR MARIE CŒUR € 12 œuvre", id="cp1252"),
        pytest.param("latin-1", "CAFÉ DE LA GARE ½ PENSION", id="latin-1"),
    ],
)
def test_single_byte_encodings_are_told_apart(tmp_path, encoding, label):
    path = tmp_path / "releve.csv"
    path.write_bytes(f"Date;Libellé;Crédit\r\n12/11/2026;{label};10,00\r\n".encode(encoding))
    (entry,) = read_statement(path).entries
    assert entry.label == label


def test_iso_8859_15_written_by_the_bank(tmp_path):
    path = cic_iso885915(tmp_path / "cic.csv", [Op(D(2026, 11, 5), 50.0, "VIR CŒUR", "€", "")])
    (entry,) = read_statement(path).entries
    assert entry.label == "VIR CŒUR €"


def test_line_numbers_are_the_files_own(tmp_path):
    """The person counts lines from 1, header included, as the file shows them."""
    path = banque_postale(tmp_path / "lbp.csv", [Op(D(2026, 11, 5), 50.0, "VIR X", "", "")])
    lines = [*path.read_text(encoding="cp1252").splitlines(), "31/02/2026;VIR Y;+10,00"]
    path.write_text("\n".join(lines) + "\n", encoding="cp1252")
    statement = read_statement(path)
    assert statement.entries[0].line == next(i for i, x in enumerate(lines, 1) if "VIR X" in x)
    assert statement.skipped == (f"ligne {len(lines)} : date illisible « 31/02/2026 »",)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("casse.ofx", b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n"
                     b"<OFX><BANK", id="ofx"),
        pytest.param("casse.xml", b'<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:'
                     b'20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt><Stmt>', id="camt"),
    ],
)  # fmt: skip
def test_a_broken_file_is_said_in_french_only(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(StatementError) as caught:
        read_statement(path)
    said = str(caught.value)
    english = ("header", "malformed", "premature", "expected", "tag", "line 3")
    assert not any(word in said.lower() for word in english), said
    assert "téléchargez" in said


def test_json_counts_every_status(ledger, tmp_path):
    path = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 1200.0, "VIR SEPA GARAGE DUBOIS", "", ""),
        Op(D(2026, 11, 6), 126.9, "REMISE CB 05/11", "", ""),
        Op(D(2026, 11, 30), 312.0, "VIR SEPA SARL MARTIN", "", ""),
    ])  # fmt: skip
    out = CliRunner().invoke(app, ["match", str(ledger), str(path), "--json", "--as-of",
                                   "20/11/2026"])  # fmt: skip
    counts = json.loads(out.stdout)["counts"]
    assert counts == {"sure": 1, "to_decide": 0, "already": 0, "future": 1, "other": 1}
