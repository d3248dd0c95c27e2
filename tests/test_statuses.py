"""Statuses read for what they mean, placeholders, a collection agency's statement, and
`check` for people and for scripts (issue 30)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from conftest import AS_OF, complete_settings
from openpyxl import Workbook
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.cli import app
from relance_xlsx.ledger import read_ledger

D = dt.date
runner = CliRunner()
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse", "Statut"]


def _book(path, rows, headers=HEADERS, title="Factures", above=()):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for i, line in enumerate([*above, headers, *rows]):
        for j, value in enumerate(line):
            if value is not None:
                ws.cell(i + 1, j + 1, value)
    wb.save(path)
    return path


def _row(number, status, client="Alpha SARL"):
    return [number, client, D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS, status]


def _outcome(ledger, number):
    """What the reading made of one invoice: skipped, paid, credit, hold, wait or open."""
    frame = ledger.frame.set_index("invoice")
    if number not in frame.index:
        return "skipped"
    row = frame.loc[number]
    for name, column in (("credit", "is_credit"), ("paid", "is_paid"), ("hold", "hold")):
        if row[column]:
            return name
    return "wait" if row["wait_reason"] else "open"


STATUSES = [
    # paid, French and English, misspellings included
    *[(s, "paid") for s in ("Payée", "payé", "Réglée", "réglé", "Soldé", "soldée", "Encaissée",
                            "encaisée", "Paid", "payed", "PAID IN FULL", "settled", "Acquittée")],
    # not issued, cancelled, written off, closed: never chased
    *[(s, "skipped") for s in ("Brouillon", "brouillion", "Draft", "Proforma", "Pro-forma", "Devis",
                               "Quote", "Annulée", "annulé", "Cancelled", "canceled", "Void",
                               "Dossier classé", "Classée", "Irrécouvrable", "IRR", "IRR insolvable",
                               "Passée en perte", "Written off", "Write-off")],
    ("Avoir", "credit"), ("Credit note", "credit"),
    *[(s, "hold") for s in ("En litige", "Contestée", "Suspendu", "Disputed", "On hold")],
    # what is still owed
    *[(s, "open") for s in ("Impayée", "Non payée", "Partiellement réglée", "À payer", "Unpaid",
                            "Envoyée", "Relance 1", "En retard", "Litige réglé", "")],
    # a negation anywhere before the paid word: still owed (review-pubwb2 H4)
    *[(s, "open") for s in ("Pas encore payé", "Non encore payée", "Jamais payée", "Pas payée",
                            "Toujours pas réglée", "Not yet paid", "Never paid", "No pagado",
                            "Non pagato", "Nicht bezahlt", "pas encore réglée", "Payé ? non", "Non clôturé")],
    # but « n° » before the word, or « pas de litige », is no negation
    *[(s, "paid") for s in ("Bezahlt", "Virement n° 45 reçu", "Pas de litige, payée",
                            "Relance non nécessaire, payée")],
    # Spanish, Italian, Portuguese (review-pubwb2 M11)
    *[(s, "paid") for s in ("Pagado", "Pagada", "Pagato", "Pagata", "Pago", "Cobrado", "Cobrada")],
    *[(s, "open") for s in ("Pendiente", "Pendiente de pago", "Vencido", "Vencida", "In sospeso",
                            "Scaduto")],
    *[(s, "skipped") for s in ("Anulado", "Anulada", "Annullato", "Borrador", "Bozza")],
]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "outcome"), [pytest.param(s, o, id=s or "empty") for s, o in STATUSES]
)
def test_a_status_is_read_for_what_it_means(tmp_path, status, outcome):
    ledger = read_ledger(
        _book(tmp_path / "l.xlsx", [_row("F1", status), _row("F2", None)]), Settings(), as_of=AS_OF
    )
    assert _outcome(ledger, "F1") == outcome
    assert _outcome(ledger, "F2") == "open"


E_INVOICING = [
    ("Déposée", "letter"), ("Mise à disposition", "letter"), ("Approuvée", "letter"),
    ("Rejetée", None), ("Refusée", None), ("En litige", "hold"), ("Suspendue", "hold"),
    ("Paiement transmis", "wait"), ("Encaissée", "none"),
]  # fmt: skip


def test_the_e_invoicing_platform_statuses_decide_the_run(tmp_path):
    headers = [*HEADERS[:6], "Statut PDP"]
    rows = [_row(f"F{i}", s, client=f"Client {i}") for i, (s, _) in enumerate(E_INVOICING)]
    path = _book(tmp_path / "l.xlsx", rows, headers=headers)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    actions = {i.invoice: i.action for i in result.invoices}
    assert actions == {f"F{i}": a for i, (_, a) in enumerate(E_INVOICING) if a}
    reasons = {i.invoice: i.reason for i in result.invoices}
    assert reasons["F7"].startswith(
        "Paiement transmis (« Paiement transmis », colonne « Statut PDP »)"
    )
    assert "pas de relance cette semaine" in reasons["F7"]
    assert reasons["F6"].startswith("Suspendue (« Suspendue », colonne « Statut PDP »)")
    assert reasons["F5"].startswith("En litige « En litige » (colonne « Statut PDP »)")
    skipped = {s.row: s.reason for s in result.skipped}
    assert skipped[5].startswith("refusée ou rejetée sur la plateforme de facturation (« Rejetée »")


def test_a_payment_sent_never_joins_its_client_s_letter(tmp_path):
    rows = [_row("F1", "Paiement transmis"), _row("F2", None), _row("F3", "Déposée")]
    path = _book(tmp_path / "l.xlsx", rows, headers=[*HEADERS[:6], "Statut PDP"])
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    [letter] = result.letters
    assert letter.invoices == ["F2", "F3"]


def test_two_status_columns_the_stronger_meaning_wins(tmp_path):
    headers = [*HEADERS, "Statut plateforme"]
    rows = [
        [*_row("F1", "Envoyée"), "Encaissée"],
        [*_row("F2", "Payée"), "Déposée"],
        [*_row("F3", "Envoyée"), "Rejetée"],
    ]
    ledger = read_ledger(_book(tmp_path / "l.xlsx", rows, headers=headers), Settings(), as_of=AS_OF)
    assert [_outcome(ledger, n) for n in ("F1", "F2", "F3")] == ["paid", "paid", "skipped"]


@pytest.mark.parametrize(
    "number",
    [
        "À_GÉNÉRER",
        "A GENERER",
        "TBD",
        "XXX",
        "F2026-XXX",
        "???",
        "—",
        "à venir",
        "provisoire",
        None,
    ],
)
def test_a_placeholder_invoice_number_is_not_an_issued_invoice(tmp_path, number):
    rows = [_row("F1", None), _row(number, None), _row("F3", None)]
    ledger = read_ledger(_book(tmp_path / "l.xlsx", rows), Settings(), as_of=AS_OF)
    assert ledger.frame["invoice"].tolist() == ["F1", "F3"]
    [skip] = ledger.skipped
    assert skip.row == 3 and "facture non émise" in skip.reason
    assert [d.count for d in ledger.decisions if "facture non émise" in d.what] == [1]


def test_a_table_without_invoice_numbers_is_still_read(tmp_path):
    """A ledger whose number column is mostly empty does not number its invoices there."""
    rows = [_row(None, None), _row(None, None), _row("F3", None)]
    ledger = read_ledger(_book(tmp_path / "l.xlsx", rows), Settings(), as_of=AS_OF)
    assert ledger.invoice_count == 3


# -- a collection agency's statement of claims ------------------------------------------------

AGENCY_HEADERS = ["NOMBRE", "V/REF", "REMIS LE", "ANCIENNETE", "N/REF", "DEBITEUR", "CREANCE PRINCIPALE",
                  "RECOUVRE", "DONT EN ATTENTE DE FACTURATION", "ETAT", "CLOTURE"]  # fmt: skip
AGENCY = [
    [
        1,
        40211,
        D(2025, 3, 4),
        628,
        "P-5501",
        "Garage Bernard",
        1500.0,
        0.0,
        0.0,
        "Amiable en cours",
        "-",
    ],
    [1, 40212, D(2025, 3, 4), 628, "P-5502", "Atelier Durand", 2300.0, 2300.0, 0.0, "Soldé", "-"],
    [
        1,
        40213,
        D(2025, 4, 9),
        592,
        "P-5503",
        "SARL Martin",
        870.4,
        0.0,
        0.0,
        "IRR insolvable",
        "oui",
    ],
    [
        1,
        40214,
        D(2025, 4, 9),
        592,
        "P-5504",
        "Hôtel des Célestins",
        640.0,
        0.0,
        0.0,
        "Dossier classé",
        "-",
    ],
    [
        1,
        40215,
        D(2025, 5, 2),
        569,
        "P-5505",
        "Boulangerie Petit",
        1200.0,
        800.0,
        0.0,
        "Judiciaire",
        "-",
    ],
    [
        1,
        40216,
        D(2025, 5, 2),
        569,
        "P-5506",
        "Café du Port",
        300.0,
        0.0,
        0.0,
        "Amiable en cours",
        "oui",
    ],
    [
        1,
        40217,
        D(2025, 6, 1),
        539,
        "P-5507",
        "Tabac Lemoine",
        95.0,
        0.0,
        0.0,
        "IRR - débiteur introuvable",
        "-",
    ],
    [7, None, None, None, None, "TOTAL", 7765.4, 3100.0, 0.0, None, None],
]
AGENCY_ABOVE = [
    ["Cabinet de recouvrement"],
    ["1, rue de Stockholm — 75008 PARIS"],
    [],
    ["ÉTAT DES CRÉANCES au 15/11/2026"],
    [],
]


def test_a_collection_agency_statement_is_read_for_what_it_says(tmp_path):
    path = _book(
        tmp_path / "etat.xlsx",
        AGENCY,
        headers=AGENCY_HEADERS,
        title="Etat Public",
        above=AGENCY_ABOVE,
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert ledger.header_row == 6
    assert {f: ledger.columns[f] for f in ("invoice", "client", "amount", "paid", "status", "closed")} == {
        "invoice": "V/REF", "client": "DEBITEUR", "amount": "CREANCE PRINCIPALE",
        "paid": "RECOUVRE", "status": "ETAT", "closed": "CLOTURE",
    }  # fmt: skip
    frame = ledger.frame.set_index("invoice")
    assert frame.index.tolist() == ["40211", "40212", "40215"]
    assert frame["outstanding"].tolist() == [1500.0, 0.0, 400.0]
    assert frame["is_paid"].tolist() == [False, True, False]
    reasons = {s.row: s.reason for s in ledger.skipped}
    assert reasons[9].startswith(
        "créance classée, irrécouvrable ou passée en perte (« IRR insolvable », colonne « ETAT »)"
    )
    assert reasons[10].startswith("créance classée") and "Dossier classé" in reasons[10]
    assert reasons[12].startswith("dossier clôturé (« oui », colonne « CLOTURE »)")
    assert reasons[14] == "ligne de total"
    said = {d.what: d.count for d in ledger.decisions}
    assert said["« ETAT » = « Soldé » (1) : réglée"] == 1
    assert said["« CLOTURE » = « oui » (2) : dossier clôturé : non relancé"] == 2
    [written_off] = [
        w
        for w in said
        if w.endswith("créance classée, irrécouvrable ou passée en perte : non relancée")
    ]
    assert (
        said[written_off] == 3
        and "« IRR insolvable » (1)" in written_off
        and "« Dossier classé » (1)" in written_off
    )
    assert (
        "« ETAT » = « Amiable en cours » (2), « Judiciaire » (1) : à relancer si elle est échue"
        in said
    )


def test_a_reference_is_never_suggested_as_the_amount(tmp_path):
    headers = ["Pièce", "Qui", "Émise", "V/REF"]
    rows = [[f"P{i}", "Alpha" if i % 2 else "Beta", D(2026, 9, 1 + i), 40211 + i] for i in range(6)]
    path = _book(tmp_path / "l.xlsx", rows, headers=headers, title="Données")
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert (
        "« V/REF » n'est pas retenue pour le montant : son en-tête nomme une référence" in message
    )
    assert "relance.toml n'a pas été modifié" in message
    assert not (tmp_path / "relance.toml").exists()


# -- check for people and for scripts -------------------------------------------------------


def test_check_names_fields_in_french_with_the_evidence(tmp_path):
    path = _book(
        tmp_path / "etat.xlsx",
        AGENCY,
        headers=AGENCY_HEADERS,
        title="Etat Public",
        above=AGENCY_ABOVE,
    )
    result = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    # Its two invoices still owed have no date: `relance run` refuses it, and check says so.
    assert result.exit_code == 1, result.output
    out = result.output
    assert "relance run s'arrêterait sur ce classeur : Lecture douteuse" in out
    assert (
        "invoice_date" not in out
        and "client" not in out.split("Colonnes lues")[1].split("Décisions")[0]
    )
    for shown in (
        "N° de facture",
        "Montant TTC",
        "Montant réglé",
        "Clôture",
        "Décisions de lecture",
    ):
        assert shown in out
    assert "« ETAT » = « Soldé » (1) : réglée" in out


def test_check_json_carries_fields_and_decisions(tmp_path):
    rows = [_row("F1", "payed"), _row("F2", "Brouillon"), _row("F3", None)]
    result = runner.invoke(app, ["check", str(_book(tmp_path / "l.xlsx", rows)), "--json"])
    document = json.loads(result.stdout)
    fields = {f["field"]: f for f in document["fields"]}
    assert fields["invoice_date"]["label"] == "Date de facture"
    assert fields["invoice_date"]["evidence"] == "en-tête reconnu ; 100 % de dates"
    assert {d["what"]: d["count"] for d in document["decisions"]} == {
        "« Statut » = « payed » (1) : réglée": 1,
        "« Statut » = « Brouillon » (1) : brouillon, devis ou pro forma : pas une facture émise, non relancée": 1,
    }


@pytest.mark.parametrize(
    ("make", "said"),
    [
        pytest.param(lambda p: p / "absent.xlsx", "introuvable", id="missing"),
        pytest.param(
            lambda p: (p / "faux.xlsx").write_bytes(b"not a zip") and p / "faux.xlsx",
            "n'est pas un classeur Excel",
            id="not-a-workbook",
        ),
        pytest.param(
            lambda p: _book(p / "v.xlsx", [], headers=["Couleur", "Taille"]),
            "Aucun tableau",
            id="no-table",
        ),
    ],
)
def test_check_json_always_prints_one_document(tmp_path, make, said):
    path = make(tmp_path)
    for command in (["check", str(path), "--json"], ["run", str(path), "--dry-run", "--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "relance_xlsx", *command],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert done.returncode == 1
        document = json.loads(done.stdout)
        assert said in document["error"] and document["exit_code"] == 1
        assert "Traceback" not in done.stderr and "Warning" not in done.stderr


def test_no_library_warning_reaches_the_terminal(tmp_path):
    # Invoices without a client: pandas warns when their groups are cast (a real warning of
    # this run, found on a public workbook), and the office is told in French instead.
    rows = [["F1", None, D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS, None], _row("F2", None)]
    path = _book(tmp_path / "l.xlsx", rows)
    code = (
        "import warnings, sys; warnings.simplefilter('always');"
        "from relance_xlsx.cli import main; sys.argv = ['relance', 'run', sys.argv[1], '--dry-run'];"
        "main()"
    )
    done = subprocess.run(
        [sys.executable, "-W", "always", "-c", code, str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "warn" not in done.stderr.lower()
