"""The command line through typer's CliRunner: exit codes, JSON, messages without tracebacks."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import settings_near
from typer.testing import CliRunner

from relance_xlsx.cli import app
from relance_xlsx.wording import money

runner = CliRunner()

INVOICE_KEYS = {
    "row",
    "invoice",
    "client",
    "due",
    "days_late",
    "outstanding",
    "level",
    "action",
    "interest_periods",
    "interest",
    "indemnity",
    "letter",
    "reason",
    "paid",
    "interest_paid",
    "indemnity_paid",
}
LETTER_KEYS = {
    "path", "client", "kind", "invoices", "total_due", "missing", "language", "registered", "lines",
    "parts", "bundle_page",
}  # fmt: skip
PROBLEM_KEYS = {"row", "column", "value", "message", "severity"}


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_run_json_is_one_document_with_the_schema(sample):
    result = invoke("run", str(sample), "--as-of", "2026-11-22", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {
        "ledger",
        "sheet",
        "header_row",
        "as_of",
        "dry_run",
        "invoices",
        "letters",
        "problems",
    } <= set(doc)
    assert (doc["sheet"], doc["header_row"], doc["as_of"], doc["dry_run"]) == (
        "Factures",
        4,
        "2026-11-22",
        False,
    )
    assert all(set(i) == INVOICE_KEYS for i in doc["invoices"])
    assert all(set(x) == LETTER_KEYS for x in doc["letters"])
    assert all(set(p) == PROBLEM_KEYS for p in doc["problems"])
    assert {i["action"] for i in doc["invoices"]} <= {
        "letter",
        "thanks",
        "litigation",
        "wait",
        "hold",
        "incomplete",
        "none",
    }
    assert {x["kind"] for x in doc["letters"]} <= {
        "relance_1",
        "relance_2",
        "mise_en_demeure",
        "remerciement",
        "pre_echeance",
    }
    for letter in doc["letters"]:
        assert Path(letter["path"]).is_file()
    assert "Aucun relance.toml" not in result.stderr  # the sample comes with its creditor


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_run_pdf_gives_a_pdf_per_letter_and_for_the_bundle(sample):
    result = invoke("run", str(sample), "--as-of", "2026-11-22", "--pdf", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    stems = {Path(p).stem for p in doc["pdfs"]}
    bundles = {"a_imprimer", "recommandes", "liste_recommandes"}
    assert stems == {Path(x["path"]).stem for x in doc["letters"]} | bundles
    assert all(Path(p).stat().st_size > 1000 for p in doc["pdfs"])


def test_dry_run_writes_nothing(sample):
    before = sample.read_bytes()
    result = invoke("run", str(sample), "--as-of", "2026-11-22", "--dry-run", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["dry_run"] is True and doc["letters"]
    assert sample.read_bytes() == before
    assert not (sample.parent / "relances").exists()


@pytest.mark.parametrize(
    ("row", "says"),
    [
        pytest.param(["D1", "Delta SARL", dt.date(2026, 9, 1), 400.0, "oui"],
                     "En litige / en attente : 1 facture(s), 400,00 € (Delta SARL)", id="dispute"),
        # Invoiced 01/06/2021: five years (L110-4) over at the end of 01/06/2026.
        pytest.param(["P1", "Presse P", dt.date(2021, 7, 1), 700.0, None],
                     "Prescrites : 1 facture(s), 700,00 € (Presse P)", id="time-barred"),
    ],
)  # fmt: skip
def test_the_terminal_says_what_is_not_chased_and_why(tmp_path, row, says):
    """The new user's review (2): a time-barred or disputed invoice left the screen with
    « Rien de nouveau » and nothing else; it is listed by why, with its amount and client."""
    from conftest import write_ledger

    headers = ["N° facture", "Client", "Échéance", "Montant TTC", "Litige", "Date facture"]
    ledger = write_ledger(tmp_path / "l.xlsx", [[*row, row[2] - dt.timedelta(days=30)]], headers)
    result = invoke("run", str(ledger), "--as-of", "2026-12-07", "--dry-run")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.replace("\u202f", " ").replace("\xa0", " ").split())
    assert "Non relancées cette semaine : - " + says in text


def test_run_shows_a_summary_table(sample):
    result = invoke("run", str(sample), "--as-of", "2026-11-22")
    assert result.exit_code == 0
    assert "Mise en demeure" in result.stdout and "Encours par niveau" in result.stdout
    assert "22 novembre 2026" in result.stdout  # the run's date, as a French reader writes it
    assert "Contentieux" not in result.stdout  # no row of zeros when nothing goes to court
    again = invoke("run", str(sample), "--as-of", "2026-11-22", "--json")
    assert json.loads(again.stdout)["letters"] == []  # a second run: no new letter
    noticed = [i for i in json.loads(again.stdout)["invoices"] if i["level"] == 3]
    assert len(noticed) >= 4
    # Eight weeks on, the formal notices of the first run have run out: the invoices under
    # mise en demeure (each at its own stage: not their clients' newer invoices) go to
    # litigation, counted as invoices since they get no letter.
    later = invoke("run", str(sample), "--as-of", "2027-01-15")
    assert re.search(rf"Contentieux \(factures, sans lettre\) +│ +{len(noticed)} │", later.stdout)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda d: d / "absent.xlsx", "introuvable", id="missing-file"),
        pytest.param(lambda d: _docx(d), "n'est pas un classeur Excel", id="docx-as-ledger"),
        # The formats read are said, and what to do with a .csv (the user's review, finding 8).
        pytest.param(
            lambda d: _csv(d),
            "un .xls, .xlsb ou .ods est lu, mais seuls les .xlsx et .xlsm sont mis à jour ; un "
            ".csv s'ouvre dans Excel et s'enregistre au format .xlsx",
            id="csv-as-ledger",
        ),
        pytest.param(lambda d: _no_table(d), "Aucun tableau de factures", id="no-invoice-table"),
        pytest.param(lambda d: _corrupt(d), "ne peut pas être lu", id="corrupt-xlsx"),
    ],
)
@pytest.mark.parametrize("command", ["run", "check"])
def test_cannot_start_exit_1_one_sentence(tmp_path, make, message, command):
    result = invoke(command, str(make(tmp_path)))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Erreur : ")


def _csv(folder: Path) -> Path:
    target = folder / "factures.csv"
    target.write_text("N° facture;Client;Montant\nF-1;Durand;100\n", encoding="utf-8")
    return target


def _docx(folder: Path) -> Path:
    from relance_xlsx.letters import bundled_templates

    target = folder / "lettre.docx"
    target.write_bytes((bundled_templates() / "relance_1.docx").read_bytes())
    return target


def _no_table(folder: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Nom", "Téléphone"])
    path = folder / "contacts.xlsx"
    wb.save(path)
    return path


def _corrupt(folder: Path) -> Path:
    path = folder / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a zip")
    return path


def test_invalid_config_exit_1(sample, tmp_path):
    config = tmp_path / "relance.toml"
    config.write_text("[policy]\ntolerence = 2\n", encoding="utf-8")
    result = invoke("run", str(sample), "--config", str(config))
    assert result.exit_code == 1
    assert "tolerence" in result.stderr


def test_usage_errors_exit_2(sample):
    assert invoke("run", str(sample), "--as-of", "31/02/2026").exit_code == 2
    assert invoke("run", str(sample), "--as-of", "2026/11/22").exit_code == 2
    assert invoke("run").exit_code == 2
    assert invoke("nonsense").exit_code == 2


def test_check_json(sample):
    result = invoke("check", str(sample), "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert (doc["sheet"], doc["header_row"], doc["invoices"]) == ("Factures", 4, 63)
    assert doc["columns"]["invoice"] == "N° facture"
    assert doc["columns"]["amount"] == "Montant TTC"


def test_init_writes_a_config_that_loads_and_templates(tmp_path, sample):
    assert invoke("init", str(tmp_path / "cfg")).exit_code == 0
    config = tmp_path / "cfg" / "relance.toml"
    assert (tmp_path / "cfg" / "modeles" / "mise_en_demeure.docx").is_file()
    from relance_xlsx.config import Settings, load_settings

    loaded = load_settings(config)
    # The defaults, except that the copied templates are the ones used.
    assert (loaded.policy, loaded.letters, loaded.writeback) == (
        Settings().policy,
        replace(Settings().letters, template_dir="modeles"),
        Settings().writeback,
    )
    assert invoke("init", str(tmp_path / "cfg")).exit_code == 1  # never overwrites
    result = invoke("run", str(sample), "--config", str(config), "--dry-run", "--json")
    assert result.exit_code == 0


def test_templates_check_bundled_ok_and_broken_fails(tmp_path):
    assert invoke("templates", "check").exit_code == 0
    from docx import Document

    from relance_xlsx.letters import bundled_templates

    doc = Document(str(bundled_templates() / "relance_1.docx"))
    doc.add_paragraph("Bonjour {nom}")
    doc.save(str(tmp_path / "relance_1.docx"))
    result = invoke("templates", "check", str(tmp_path))
    assert result.exit_code == 1
    assert "{nom}" in result.stdout


def test_core_does_not_import_typer():
    code = "import sys, relance_xlsx.pipeline; print('typer' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_long_step_reports_its_progress(sample):
    import relance_xlsx

    class Steps:
        def __init__(self) -> None:
            self.labels: list[str] = []
            self.advanced: dict[str, int] = {}

        def start(self, label: str, total: int) -> None:
            self.labels.append(label)

        def advance(self, n: int = 1) -> None:
            self.advanced[self.labels[-1]] = self.advanced.get(self.labels[-1], 0) + n

        def stop(self) -> None:
            return None

    steps = Steps()
    result = relance_xlsx.run(
        sample, settings_near(sample), as_of=dt.date(2026, 11, 22), progress=steps
    )
    assert steps.labels == [
        "Lecture du classeur",
        "Décisions",
        "Préparation des lettres",
        "Lettres",
        "Résultats",
        "Mise à jour du classeur",
        "Rapport",  # after the write-back: the report shows the workbook as the run left it
    ]
    assert steps.advanced["Lettres"] == steps.advanced["Préparation des lettres"]
    assert steps.advanced["Lettres"] == len(result.letters)


def test_the_summary_totals_lists_who_gets_a_letter_and_says_when_nothing_is_new(sample):
    dry = invoke("run", str(sample), "--as-of", "2026-11-22", "--dry-run")
    assert dry.exit_code == 0, dry.output
    document = json.loads(
        invoke("run", str(sample), "--as-of", "2026-11-22", "--dry-run", "--json").stdout
    )
    claimed = sum(
        x["total_due"] for x in document["letters"] if x["kind"] not in ("remerciement", "releve")
    )
    claimed += sum(i["outstanding"] for i in document["invoices"] if i["action"] == "litigation")
    assert "Total réclamé" in dry.stdout and money(claimed) in dry.stdout
    owed = sum(i["outstanding"] for i in document["invoices"] if i["outstanding"] > 0)
    assert money(owed) in dry.stdout  # the levels table's total row
    for letter in document["letters"]:
        assert letter["client"] in dry.stdout.replace("\n", " ")
    assert "Réglées en retard" in dry.stdout
    assert invoke("run", str(sample), "--as-of", "2026-11-22").exit_code == 0
    again = invoke("run", str(sample), "--as-of", "2026-11-22")
    assert "Rien de nouveau aujourd'hui" in again.stdout


def test_the_paid_late_line_names_no_indemnity_a_consumer_does_not_owe(tmp_path):
    """« Réglées en retard » cited L441-10 and its indemnities for everyone: a consumer owes
    legal interest from a formal notice (Code civil 1231-6) and no 40 €."""
    from conftest import ROOT, write_ledger

    headers = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance",
               "Montant TTC", "Montant réglé", "Date règlement", "Niveau de relance",
               "Date de relance"]  # fmt: skip
    address = "3 rue B\n06400 Cannes"
    rows = [["P1", "M. Jean Martin", "particulier", address, dt.date(2026, 7, 1),
             dt.date(2026, 7, 31), 2000.0, 2000.0, dt.date(2026, 11, 10), "Mise en demeure",
             dt.date(2026, 10, 1)]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    toml = tmp_path / "relance.toml"
    toml.write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
        + "\n[policy]\ninterest_for_consumers = true\n",
        encoding="utf-8",
    )
    done = invoke("run", str(ledger), "--as-of", "2026-11-22", "--dry-run")
    assert done.exit_code == 0, done.output
    line = " ".join(done.stdout.split())
    assert "Réglées en retard : 1 client(s) doivent encore" in line, line
    assert "indemnit" not in line.split("Réglées en retard")[1].split("--json")[0]
    assert "L441-10" not in line.split("Réglées en retard")[1].split("--json")[0]
