"""Public workbooks' leftovers (review-pubwb5): SAP « Texte » read for disputes, a remark that
says paid, pro formas in a document-kind column, unsigned payments on account, a FEC, the
QuickBooks « Type d'opération », Canadian dollars, two clients in a cell, a ledger whose only
rows are dropped."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import AS_OF, complete_settings, write_ledger
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.cli import app
from relance_xlsx.errors import LedgerError, RelanceError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.usable import would_stop

D = dt.date
ADDRESS = "1 rue A\n75001 Paris"
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ROWS = [
    ("F-100", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, ADDRESS),
    ("F-101", "Beta SAS", D(2026, 9, 2), D(2026, 10, 2), 850.0, ADDRESS),
    ("F-102", "Gamma EURL", D(2026, 9, 3), D(2026, 10, 3), 430.0, ADDRESS),
]


def _ledger(tmp_path, headers, rows, name="l.xlsx"):
    return write_ledger(tmp_path / name, rows, headers)


def _read(tmp_path, header, values, rows=ROWS):
    """The base ledger with one more column, values[i] on row i."""
    path = _ledger(tmp_path, [*BASE, header], [(*r, v) for r, v in zip(rows, values, strict=True)])
    return read_ledger(path, Settings(), as_of=AS_OF)


def _run(path, tmp_path):
    return relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")


def _written(path):
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    return {
        r[0]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)
    }


# M3 — SAP « Texte », « Text », « Libellé », « Désignation »: a dispute written there holds.
_FREE = ["Texte", "Text", "Libellé", "Désignation"]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _FREE])
def test_a_dispute_in_a_free_text_column_holds_the_row(tmp_path, header):
    said = "Litige qualité : humidité hors spécification (CLM-2026-017)"
    ledger = _read(tmp_path, header, [said, "Prestation de conseil novembre", None])
    frame = ledger.frame
    assert frame["hold"].tolist() == [True, False, False]
    assert f"colonne « {header} »" in frame["hold_reason"][0] and said in frame["hold_reason"][0]
    [warning] = ledger.problems
    assert (warning.row, warning.column, warning.severity) == (2, header, "warning")
    assert warning.message.startswith("litige écrit en remarque")


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _FREE])
def test_a_service_description_in_a_free_text_column_is_chased(tmp_path, header):
    values = ["Prestation de conseil novembre", "Réclamation non fondée, pas de litige", None]
    ledger = _read(tmp_path, header, values)
    assert not ledger.frame["hold"].any() and not ledger.problems


def test_a_dispute_in_texte_is_written_into_the_workbook(tmp_path):
    path = _ledger(
        tmp_path,
        [*BASE, "Commentaire", "Texte"],
        [
            (*ROWS[0], None, "Litige qualité : humidité"),
            (*ROWS[1], "RAS", None),
            (*ROWS[2], None, None),
        ],
        name="Factures.xlsx",
    )
    result = _run(path, tmp_path)
    assert {x.client for x in result.letters} == {"Beta SAS", "Gamma EURL"}
    rows = _written(path)
    assert "Litige qualité" in rows["F-100"]["Statut relance"]
    assert rows["F-100"]["Niveau de relance"] in (None, "")


# M4 — a remark saying the invoice is paid holds it: « règlement signalé en remarque, à vérifier ».
_PAID_SAID = [
    ("Commentaire", "Réglé par LC ATTIJARI le 15/10/2026, à lettrer"),
    ("Commentaire", "payé le 03/11 par chèque"),
    ("Remarques", "Encaissé"),
    ("Observations", "Virement reçu le 12/11"),
    ("Texte", "Réglé par virement, à lettrer"),
]
_NOT_PAID = [
    ("Commentaire", "non réglé"),
    ("Commentaire", "pas encore payé"),
    ("Commentaire", "Impayé, relancer"),
    ("Commentaire", "sera réglé le 15/12"),
    ("Commentaire", "Litige réglé"),
    ("Texte", "Prestation de conseil novembre"),
]


@pytest.mark.parametrize(("header", "said"), [pytest.param(*p, id=p[1]) for p in _PAID_SAID])
def test_a_remark_saying_paid_holds_the_row(tmp_path, header, said):
    ledger = _read(tmp_path, header, [said, None, None])
    frame = ledger.frame
    assert frame["hold"].tolist() == [True, False, False]
    assert frame["hold_reason"][0].startswith("Règlement signalé en remarque, à vérifier")
    [warning] = ledger.problems
    assert (warning.row, warning.column, warning.severity) == (2, header, "warning")
    assert warning.message.startswith("règlement signalé en remarque, à vérifier")


@pytest.mark.parametrize(("header", "said"), [pytest.param(*p, id=p[1]) for p in _NOT_PAID])
def test_a_remark_saying_unpaid_leaves_the_row_chased(tmp_path, header, said):
    ledger = _read(tmp_path, header, [said, None, None])
    assert not ledger.frame["hold"].any()
    assert not [p for p in ledger.problems if "règlement signalé" in p.message]


def test_a_paid_remark_on_a_paid_invoice_says_nothing(tmp_path):
    path = _ledger(
        tmp_path,
        [*BASE, "Montant réglé", "Commentaire"],
        [(*ROWS[0], 1200.0, "payé le 03/11"), (*ROWS[1], 0, None), (*ROWS[2], 0, None)],
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert not ledger.frame["hold"].any() and ledger.frame["is_paid"].tolist()[0]
    assert not ledger.problems


def test_a_paid_remark_is_held_in_the_run_and_the_workbook(tmp_path):
    said = "Réglé par LC ATTIJARI le 15/10/2026, à lettrer"
    path = _ledger(
        tmp_path,
        [*BASE, "Commentaire"],
        [(*ROWS[0], said), (*ROWS[1], None), (*ROWS[2], None)],
        name="Factures.xlsx",
    )
    result = _run(path, tmp_path)
    assert {x.client for x in result.letters} == {"Beta SAS", "Gamma EURL"}
    held = [n for n in result.summary.not_chased if "F-100" in n.invoices]
    assert held and "Règlement signalé en remarque" in held[0].detail
    assert _written(path)["F-100"]["Statut relance"].startswith("Règlement signalé en remarque")
    assert "Règlement signalé en remarque" in json.dumps(
        result.to_json(), ensure_ascii=False, default=str
    )


# M5 — « Proforma », « Pro forma », « Devis » in a document-kind column: kept out as a draft.
_KIND_HEADERS = ["Mode facturation", "Type de facture", "Nature", "Type"]
_DRAFTS = ["Proforma", "Pro forma", "Devis", "Facture pro-forma"]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _KIND_HEADERS])
@pytest.mark.parametrize("value", [pytest.param(v, id=v) for v in _DRAFTS])
def test_a_pro_forma_in_a_document_kind_column_is_kept_out(tmp_path, header, value):
    ledger = _read(tmp_path, header, [value, "Standard", "Facture sur devis"])
    assert ledger.frame["invoice"].tolist() == ["F-101", "F-102"]
    [skip] = ledger.skipped
    assert skip.row == 2 and skip.reason.startswith("brouillon, devis ou pro forma")
    assert f"« {value} », colonne « {header} »" in skip.reason


def test_a_pro_forma_beside_a_type_column_gets_no_letter(tmp_path):
    path = _ledger(
        tmp_path,
        [*BASE, "Type", "Mode facturation"],
        [
            (*ROWS[0], "Facture", "Proforma"),
            (*ROWS[1], "Facture", "Standard"),
            (*ROWS[2], "Avoir", "Standard"),
        ],
        name="Factures.xlsx",
    )
    result = _run(path, tmp_path)
    assert {x.client for x in result.letters} == {"Beta SAS"}
    assert not any("F-100" in x.invoices for x in result.letters)
    assert _written(path)["F-100"]["Niveau de relance"] in (None, "")


# M2 — a positive « Acompte » whose remark says it was received is a payment on account.
SAP = ["Client", "N° document", "Type", "Date document", "Échéance", "Montant", "Adresse", "Texte"]
SAP_ROWS = [
    ("CLIENT B", "9003018", "Facture", D(2026, 8, 1), D(2026, 10, 30), 1000.0, ADDRESS, None),
    ("CLIENT A", "9003019", "Facture", D(2026, 8, 5), D(2026, 11, 3), 800.0, ADDRESS, None),
]
_ADVANCES = [
    ("9003020", D(2026, 10, 20), "acompte non imputé", True),
    ("9003020", D(2026, 10, 20), "Acompte reçu le 20/09", True),
    ("9003020", D(2026, 10, 20), "à imputer", True),
    ("1700001", D(2026, 9, 20), "acompte non imputé", True),
    ("9003020", D(2026, 10, 20), "Acompte 30 % commande 6001030", False),
]


@pytest.mark.parametrize(
    ("number", "due", "text", "received"),
    [pytest.param(*a, id=f"{a[0]}-{a[2]}") for a in _ADVANCES],
)
def test_a_positive_acompte_said_received_is_never_chased(tmp_path, number, due, text, received):
    row = ("CLIENT B", number, "Acompte", D(2026, 9, 20), due, 250.0, ADDRESS, text)
    path = _ledger(tmp_path, SAP, [*SAP_ROWS, row])
    frame = read_ledger(path, Settings(), as_of=AS_OF).frame
    last = frame[frame["invoice"] == number].iloc[0]
    assert (bool(last["on_account"]), bool(last["is_credit"])) == (received, received)
    assert float(last["outstanding"]) == (0.0 if received else 250.0)


def test_a_positive_acompte_not_imputed_is_left_out_of_the_letter(tmp_path):
    row = (
        "CLIENT B",
        "9003020",
        "Acompte",
        D(2026, 9, 20),
        D(2026, 10, 20),
        250.0,
        ADDRESS,
        "acompte non imputé",
    )
    path = _ledger(tmp_path, SAP, [*SAP_ROWS, row], name="Factures.xlsx")
    result = _run(path, tmp_path)
    [letter] = [x for x in result.letters if x.client == "CLIENT B"]
    assert "9003020" not in letter.invoices
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    status = {
        r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert status["9003020"]["Statut relance"].startswith("Règlement reçu")
    assert status["9003020"]["Niveau de relance"] in (None, "")


# M11 — a FEC (header of article A47 A-1 LPF) is refused in one sentence, never guessed.
FEC = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
]
FEC_ROWS = [
    [
        "VT",
        "Ventes",
        "VT000101",
        20260901,
        "411000",
        "Clients",
        "C0001",
        "SARL ALPHA",
        "26/0000101",
        20260901,
        "Facture 26/101 SARL ALPHA",
        1200,
        0,
        "AA",
        20261015,
        20260930,
        "",
        "",
    ],
    [
        "VT",
        "Ventes",
        "VT000102",
        20260902,
        "411000",
        "Clients",
        "C0002",
        "BETA SAS",
        "26/0000102",
        20260902,
        "Facture 26/102 BETA SAS",
        850,
        0,
        "",
        None,
        20260930,
        "",
        "",
    ],
    [
        "BQ",
        "Banque",
        "BQ000201",
        20261015,
        "411000",
        "Clients",
        "C0001",
        "SARL ALPHA",
        "VIR151026",
        20261015,
        "Virement SARL ALPHA fact 101",
        0,
        1200,
        "AA",
        20261015,
        20261031,
        "",
        "",
    ],
]


def _fec(tmp_path, headers=FEC, columns=""):
    wb = Workbook()
    ws = wb.active
    ws.title = "FEC_411"
    ws.append(headers)
    for row in FEC_ROWS:
        ws.append(row)
    wb.save(tmp_path / "fec.xlsx")
    if columns:
        (tmp_path / "relance.toml").write_text(f"[columns]\n{columns}\n", encoding="utf-8")
    return tmp_path / "fec.xlsx"


@pytest.mark.parametrize(
    ("headers", "columns"),
    [
        pytest.param(FEC, "", id="fec"),
        pytest.param([h.upper() for h in FEC], "", id="fec-upper"),
        pytest.param(
            FEC,
            'invoice = "PieceRef"\nclient = "CompAuxLib"\n'
            'invoice_date = "PieceDate"\namount = "Debit"',
            id="fec-mapped-by-hand",
        ),
    ],
)
def test_a_fec_is_refused_in_one_sentence(tmp_path, headers, columns):
    path = _fec(tmp_path, headers, columns)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml") if columns else Settings()
    with pytest.raises(LedgerError) as refused:
        read_ledger(path, settings, as_of=AS_OF)
    said = str(refused.value)
    assert "est un FEC" in said and "balance âgée" in said and "échéancier clients" in said
    assert "grand livre clients non lettré" in said
    assert said.count(".") == 2 and said.endswith(".")  # one sentence (and fec.xlsx)
    assert "JournalLib" not in said.split(":")[0] and "devinées" not in said


def test_suggest_config_proposes_nothing_for_a_fec(tmp_path):
    path = _fec(tmp_path)
    result = CliRunner().invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code != 0
    assert "est un FEC" in result.output and "devinées" not in result.output
    assert not (tmp_path / "relance.toml").exists()


# L6 — QuickBooks « Type d'opération »: Paiement imputed, Note de crédit a credit,
# « Écriture de journal » skipped.
QB = ["Date", "Type d'opération", "N°", "Client", "Date d'échéance", "Montant", "Adresse"]
QB_ROWS = [
    (D(2026, 10, 20), "Facture", "1040", "SARL Alpha", D(2026, 11, 19), 1200.0, ADDRESS),
    (D(2026, 11, 10), "Paiement", None, "SARL Alpha", D(2026, 11, 10), -300.0, ADDRESS),
    (D(2026, 11, 12), "Note de crédit", "1043", "Gamma EURL", D(2026, 11, 12), -100.0, ADDRESS),
    (D(2026, 9, 20), "Facture", "1031", "Gamma EURL", D(2026, 10, 20), 430.0, ADDRESS),
    (D(2026, 8, 20), "Écriture de journal", "JE-12", "Beta SAS", D(2026, 9, 19), 150.0, ADDRESS),
]


def test_quickbooks_operation_types_are_read_as_document_kinds(tmp_path):
    ledger = read_ledger(_ledger(tmp_path, QB, QB_ROWS), Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("row")
    assert ledger.columns["doc_type"] == "Type d'opération"
    assert bool(frame.at[3, "on_account"]) and bool(frame.at[3, "valid"])  # the payment
    assert bool(frame.at[4, "is_credit"]) and not bool(frame.at[4, "on_account"])  # the credit note
    assert 6 not in frame.index
    [skip] = [s for s in ledger.skipped if s.row == 6]
    assert skip.reason.startswith("écriture de journal : pas une facture")
    assert not [p for p in ledger.problems if p.severity == "error"]


def test_a_quickbooks_payment_is_imputed_in_the_letter(tmp_path):
    path = _ledger(tmp_path, QB, QB_ROWS, name="Factures.xlsx")
    result = _run(path, tmp_path)
    [alpha] = [x for x in result.letters if x.client == "SARL Alpha"]
    assert alpha.invoices == ["1040"] and alpha.total_due == pytest.approx(900.0)
    assert not any("JE-12" in x.invoices for x in result.letters)
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows[1]["Statut relance"].startswith("Règlement reçu")
    assert rows[4]["Niveau de relance"] in (None, "")


# L5 — a fr-CA dollar format names CAD; « #,##0.00 $ » names « dollars », no country claimed.
@pytest.mark.parametrize(
    ("fmt", "said", "not_said"),
    [
        pytest.param("[$$-C0C]#,##0.00", "CAD (dollar canadien)", "États-Unis", id="fr-ca-tag"),
        pytest.param("#,##0.00 $", "dollars (pays non précisé)", "USD", id="dollar-after"),
        pytest.param(
            "#,##0.00\\ $", "dollars (pays non précisé)", "USD", id="dollar-after-escaped"
        ),
        pytest.param("$#,##0.00", "USD (dollar des États-Unis)", "CAD", id="dollar-before"),
    ],
)
def test_a_dollar_format_names_its_dollar(tmp_path, fmt, said, not_said):
    def dollars(wb):
        for row in wb.active.iter_rows(min_row=2, min_col=5, max_col=5):
            row[0].number_format = fmt

    path = write_ledger(tmp_path / "l.xlsx", ROWS, BASE, extra=dollars)
    with pytest.raises(RelanceError) as refused:
        read_ledger(path, Settings(), as_of=AS_OF)
    assert said in str(refused.value) and not_said not in str(refused.value)


# L4 — a client cell naming two companies is held: « deux clients dans une cellule ».
_TWO = [
    ("Vinci SA, AXA France", ["Vinci SA", "AXA France"], True),
    ("Vinci SA; AXA France", ["Vinci SA", "AXA France"], True),
    ("SARL Alpha / Beta SAS", ["Gamma", "Delta"], True),
    ("Vinci SA, AXA France", ["Gamma", "Delta"], False),  # AXA France: no form, not known
    ("Dupont, Martin et Associés", ["Gamma", "Delta"], False),
    ("Société Générale, SA", ["Gamma", "Delta"], False),
]


@pytest.mark.parametrize(
    ("cell", "others", "held"), [pytest.param(*t, id=f"{t[0]}-{t[2]}") for t in _TWO]
)
def test_two_clients_in_one_cell_hold_the_row(tmp_path, cell, others, held):
    rows = [(*ROWS[0][:1], cell, *ROWS[0][2:])] + [
        (r[0], name, *r[2:]) for r, name in zip(ROWS[1:], others, strict=True)
    ]
    ledger = read_ledger(_ledger(tmp_path, BASE, rows), Settings(), as_of=AS_OF)
    assert ledger.frame["hold"].tolist() == [held, False, False]
    said = [p for p in ledger.problems if "deux clients dans une cellule" in p.message]
    assert [(p.row, p.severity) for p in said] == ([(2, "warning")] if held else [])


def test_two_clients_in_one_cell_get_no_letter(tmp_path):
    rows = [
        (*ROWS[0][:1], "Vinci SA, AXA France", *ROWS[0][2:]),
        (ROWS[1][0], "Vinci SA", *ROWS[1][2:]),
        (ROWS[2][0], "AXA France", *ROWS[2][2:]),
    ]
    path = _ledger(tmp_path, BASE, rows, name="Factures.xlsx")
    result = _run(path, tmp_path)
    assert {x.client for x in result.letters} == {"Vinci SA", "AXA France"}
    assert not any("F-100" in x.invoices for x in result.letters)
    assert _written(path)["F-100"]["Statut relance"].startswith("Deux clients dans une cellule")


# L3 — a ledger whose only rows are dropped is a doubtful read, never « Rien de nouveau ».
@pytest.mark.parametrize(
    ("headers", "row"),
    [
        pytest.param(
            ["Date", "Client", "Amount"],
            ("2025-04-13", "ACME Corp", "$1,200"),
            id="dollar-text-no-number",
        ),
        pytest.param(
            ["N° facture", "Client", "Date facture", "Montant TTC"],
            (None, "ACME Corp", D(2026, 9, 1), None),
            id="neither",
        ),
        pytest.param(
            ["N° facture", "Client", "Date facture", "Montant TTC"],
            ("F-1", "ACME Corp", D(2026, 9, 1), None),
            id="no-amount",
        ),
    ],
)
def test_a_ledger_of_dropped_rows_is_a_doubtful_read(tmp_path, headers, row):
    path = _ledger(tmp_path, headers, [row], name="Factures.xlsx")
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert (would_stop(ledger, 0.5) or "").startswith("Lecture douteuse")
    amount = row[-1]
    said = [s for s in ledger.skipped if s.reason.startswith("ni numéro de facture ni montant")]
    assert not said if amount else True  # never said of a row that has an amount
    result = CliRunner().invoke(app, ["run", str(path), "--dry-run", "--as-of", "2026-11-22"])
    assert "Rien de nouveau" not in result.output and "Lecture douteuse" in result.output
