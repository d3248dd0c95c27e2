"""The manager's report against a hand-built ledger: every bucket, both DSO, the call list."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from conftest import complete_settings, convert, needs_libreoffice, write_ledger
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.figures import count_back_dso, simple_dso
from relance_xlsx.wording import money

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Montant réglé",
    "Date règlement",
    "Litige",
    "Adresse",
    "Téléphone",
    "Niveau de relance",
    "Date de relance",
]
ADDRESS = "1 rue Haute\n75001 Paris"
ROWS = [
    # Client A: not due, 21 days late (1–30), 82 days late (61–90), a credit note.
    ["A1", "Atelier A", D(2026, 11, 10), D(2026, 12, 10), 1000.0, None, None, None, ADDRESS, "01 11 11 11 11", None, None],
    ["A2", "Atelier A", D(2026, 10, 2), D(2026, 11, 1), 500.0, None, None, None, ADDRESS, None, "Relance 1", D(2026, 11, 10)],
    ["A3", "Atelier A", D(2026, 8, 2), D(2026, 9, 1), 200.0, None, None, None, ADDRESS, None, "Relance 1", D(2026, 11, 10)],
    ["AV1", "Atelier A", D(2026, 11, 5), D(2026, 11, 5), -100.0, None, None, None, ADDRESS, None, None, None],
    # Client B: 52 days late (31–60), 174 days late (> 90) after a relance 2, one disputed.
    ["B1", "Bureau B", D(2026, 9, 1), D(2026, 10, 1), 300.0, None, None, None, ADDRESS, "02 22 22 22 22", None, None],
    ["B2", "Bureau B", D(2026, 5, 2), D(2026, 6, 1), 400.0, None, None, None, ADDRESS, None, "Relance 2", D(2026, 10, 1)],
    ["B3", "Bureau B", D(2026, 9, 15), D(2026, 10, 15), 250.0, None, None, "oui", ADDRESS, None, None, None],
    # Client C: paid in full, on time.
    ["C1", "Cabinet C", D(2026, 10, 20), D(2026, 11, 19), 800.0, 800.0, D(2026, 11, 1), None, ADDRESS, None, None, None],
]  # fmt: skip

# The expected aging balance, by hand: (not due, 1–30, 31–60, 61–90, > 90, held, credits, total).
EXPECTED = {
    "Atelier A": (1000.0, (500.0, 0.0, 200.0, 0.0), 0.0, -100.0, 1600.0),
    "Bureau B": (0.0, (0.0, 300.0, 0.0, 400.0), 250.0, 0.0, 950.0),
}


@pytest.fixture
def ledger(tmp_path):
    return write_ledger(tmp_path / "ledger.xlsx", ROWS, HEADERS)


def _figures(ledger, **report):
    settings = complete_settings()
    if report:
        import dataclasses

        settings = dataclasses.replace(
            settings, report=dataclasses.replace(settings.report, **report)
        )
    return relance_xlsx.report(ledger, settings, as_of=AS_OF, write=False).figures


def test_every_bucket_of_every_client_to_the_cent(ledger):
    figures = _figures(ledger)
    got = {r.client: (r.not_due, r.buckets, r.held, r.credits, r.total) for r in figures.aging}
    assert got == EXPECTED
    assert [r.client for r in figures.aging] == ["Atelier A", "Bureau B"]  # by total owed
    total = figures.aging_total
    assert (total.not_due, total.buckets, total.held, total.credits, total.total) == (
        1000.0,
        (500.0, 300.0, 200.0, 400.0),
        250.0,
        -100.0,
        2550.0,
    )
    # The total is what `run --json` says is outstanding, invoice by invoice.
    run = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert total.total == round(sum(i.outstanding for i in run.invoices), 2)


def test_what_is_not_chased_is_split_by_why(tmp_path):
    """A dispute, a client in collective proceedings and a time-barred invoice each in their
    own column: a manager must not read a prescription or a liquidation as a dispute."""
    headers = [*HEADERS, "Procédure collective"]
    rows = [
        [*ROWS[6], None],  # B3: disputed, 250 €
        # Invoiced on 01/06/2021: five years (L110-4) over at the end of 01/06/2026.
        ["P1", "Presse P", D(2021, 6, 1), D(2021, 7, 1), 700.0, None, None, None, ADDRESS, None, None, None, None],
        ["L1", "Rouge SAS", D(2026, 6, 1), D(2026, 7, 1), 300.0, None, None, None, ADDRESS, None, None, None, "redressement judiciaire, jugement du 15/07/2026"],
    ]  # fmt: skip
    figures = _figures(write_ledger(tmp_path / "ledger.xlsx", rows, headers))
    got = {
        r.client: (r.held, r.insolvency, r.prescribed, r.buckets, r.total) for r in figures.aging
    }
    assert got == {
        "Presse P": (0.0, 0.0, 700.0, (0.0,) * 4, 700.0),
        "Rouge SAS": (0.0, 300.0, 0.0, (0.0,) * 4, 300.0),
        "Bureau B": (250.0, 0.0, 0.0, (0.0,) * 4, 250.0),
    }
    total = figures.aging_total
    assert (total.held, total.insolvency, total.prescribed, total.total) == (
        250.0,
        300.0,
        700.0,
        1250.0,
    )


def test_both_dso_figures_by_hand(ledger):
    ind = _figures(ledger).indicators
    # Simple: receivables 2 550 € ÷ sales of 25/08–22/11 (1 000 + 500 − 100 + 300 + 250 + 800
    # = 2 750 €) × 90 days = 83,45 → 83,5 days.
    assert (ind.dso.receivables, ind.dso.sales, ind.dso.simple) == (2550.0, 2750.0, 83.5)
    # Count-back: 23/10–22/11 (31 days) sold 900 € (A1, AV1): 1 650 € left; 23/09–22/10
    # (30 days) sold 1 300 € (A2, C1): 350 € left; 23/08–22/09 (31 days) sold 550 € (B1, B3):
    # 350 / 550 × 31 = 19,7 days. 31 + 30 + 19,7 = 80,7 days.
    assert ind.dso.count_back == 80.7
    # Late: 500 + 200 + 300 + 400 + 250 (the disputed one is late too) = 1 650 € of the
    # 2 650 € invoiced and open (the 100 € credit note lowers what is owed, not what is late):
    # 62,26 → 62,3 %. Over the net 2 550 € a share passed 100 % once every invoice was late.
    assert (ind.late, ind.late_share) == (1650.0, 62.3)
    # Weighted: (21×500 + 82×200 + 52×300 + 174×400 + 38×250) ÷ 1 650 = 121 600 ÷ 1 650 = 73,7
    assert ind.weighted_days_late == 73.7


@pytest.mark.parametrize(
    ("receivables", "monthly", "expected"),
    [
        pytest.param(100.0, [(200.0, 30)], 15.0, id="half-a-month"),
        pytest.param(300.0, [(200.0, 31), (200.0, 30)], 46.0, id="one-month-and-a-half"),
        pytest.param(0.0, [(200.0, 30)], 0.0, id="nothing-owed"),
        pytest.param(
            300.0, [(0.0, 31), (300.0, 30)], 61.0, id="a-month-without-sales-counts-whole"
        ),
        pytest.param(900.0, [(100.0, 30)], None, id="history-too-short"),
    ],
)
def test_count_back_dso(receivables, monthly, expected):
    assert count_back_dso(receivables, monthly) == expected


def test_simple_dso_without_sales_is_unknown():
    assert simple_dso(100.0, 0.0, 90) is None and simple_dso(100.0, 300.0, 90) == 30.0


def test_the_report_says_why_there_is_no_simple_dso(tmp_path):
    # The public workbooks' review, L14: « DSO simple : – » with no reason.
    rows = [r for r in ROWS if r[2] < D(2026, 8, 24)]  # nothing invoiced in the last 90 days
    old = write_ledger(tmp_path / "ancien.xlsx", rows, HEADERS)
    result = CliRunner().invoke(
        app, ["report", str(old), "--as-of", "22/11/2026", "--out", str(tmp_path / "r")],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    said = "DSO simple : – (aucune facture émise sur les 90 derniers jours) ; par épuisement"
    assert said in result.stdout
    sheet = load_workbook(tmp_path / "r" / "rapport.xlsx")["Indicateurs"]
    (line,) = [r for r in sheet.iter_rows(values_only=True) if r[0] == "DSO simple (jours)"]
    assert line[1] == "–" and line[2].endswith(
        "non calculé : aucune facture émise sur les 90 derniers jours"
    )


def test_the_call_list(ledger):
    calls = _figures(ledger).calls
    # Bureau B: a relance 2 sent on 1/10, nothing paid since.
    assert [(c.client, c.total_due, c.phone, c.oldest_invoice, c.last_action) for c in calls] == [
        ("Bureau B", 700.0, "02 22 22 22 22", "B2", "Relance 2")
    ]
    assert "B2" in calls[0].opening and "700,00" in calls[0].opening
    # Above a lowered threshold, Atelier A joins, the largest first.
    assert [c.client for c in _figures(ledger, call_above=1500.0).calls] == [
        "Atelier A",
        "Bureau B",
    ]


def test_rapport_xlsx_holds_its_sheets_and_charts(ledger, tmp_path):
    result = relance_xlsx.report(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    book = load_workbook(result.xlsx)
    # No client at the litigation stage: no « Contentieux » sheet, no empty page in the PDF.
    # Each chart on a sheet of its own, never under a table's repeated header; the DSO month
    # by month in columns of its own width.
    assert book.sheetnames == [
        "Balance âgée",
        "Graphique ancienneté",
        "Indicateurs",
        "DSO par mois",
        "À appeler",
    ]
    assert book["Graphique ancienneté"].print_title_rows is None
    assert book["Balance âgée"].print_title_rows == "$1:$1"
    dso = book["DSO par mois"]
    assert [c.value for c in dso[1]] == [
        "Mois (au)",
        "Encours",
        "DSO simple (jours)",
        "DSO par épuisement (jours)",
    ]
    assert all(dso.column_dimensions[x].width < 20 for x in "ABCD")
    aging = book["Balance âgée"]
    assert [c.value for c in aging[2]] == [
        "Atelier A",
        1000.0,
        500.0,
        0.0,
        200.0,
        0.0,
        0.0,
        0.0,
        0.0,
        -100.0,
        1600.0,
    ]
    assert [c.value for c in aging[1]][6:9] == [
        "En litige / en attente",
        "Procédure collective",
        "Prescrites",
    ]
    assert aging["K4"].value == "=SUM(K2:K3)"
    with zipfile.ZipFile(result.xlsx) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/chart")]
    # The stacked bars name the clients and the buckets of the first sheet.
    assert any(
        "'Balance âgée'!$A$2:$A$3" in c and "'Balance âgée'!$C$2:$C$3" in c and 'val="stacked"' in c
        for c in charts
    )
    assert ledger.read_bytes() == (tmp_path / "ledger.xlsx").read_bytes()


@needs_libreoffice
def test_the_report_converts_to_pdf_with_its_chart(ledger, tmp_path):
    result = relance_xlsx.report(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    pdf = convert(tmp_path / "out" / "rapport.xlsx", "pdf", tmp_path / "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Atelier A" in text and "Encours par ancienneté" in text and "DSO simple" in text
    assert result.pdf is not None


def test_report_command_writes_nothing_into_the_ledger(ledger, tmp_path):
    before = ledger.read_bytes()
    result = CliRunner().invoke(
        app,
        ["report", str(ledger), "--as-of", "22/11/2026", "--json", "--out", str(tmp_path / "r")],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (
        document["aging_total"]["total"] == 2550.0
        and document["indicators"]["dso"]["simple"] == 83.5
    )
    assert (tmp_path / "r" / "rapport.xlsx").exists() and ledger.read_bytes() == before


def test_every_run_writes_the_report_beside_its_letters_and_a_dry_run_does_not(ledger, tmp_path):
    dry = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "dry", dry_run=True
    )
    assert dry.report is None and not (tmp_path / "dry" / "rapport.xlsx").exists()
    done = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert done.report == str(tmp_path / "out" / "rapport.xlsx")
    assert load_workbook(done.report)["Balance âgée"]["A2"].value == "Atelier A"


@needs_libreoffice
def test_a_litigation_file_holds_the_claim_period_by_period_and_the_timeline_in_order(tmp_path):
    """Two invoices at relance 2: a notice on 15/10, litigation on 2/11, and the file."""
    from conftest import ROOT

    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    headers = [
        "N° facture",
        "Client",
        "Date facture",
        "Échéance",
        "Montant TTC",
        "Montant réglé",
        "Adresse",
        "Niveau de relance",
        "Date de relance",
    ]
    rows = [
        ["L-1", "Garage Test", D(2025, 11, 1), D(2025, 12, 1), 1000.0, 0, ADDRESS, "Relance 2", D(2026, 10, 1)],
        ["L-2", "Garage Test", D(2026, 2, 1), D(2026, 3, 1), 500.0, 0, ADDRESS, "Relance 2", D(2026, 10, 1)],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    notice = relance_xlsx.run(ledger, settings, as_of=D(2026, 10, 15), out_dir=tmp_path / "w1")
    assert {x.kind for x in notice.letters} == {"mise_en_demeure"}
    court = relance_xlsx.run(ledger, settings, as_of=D(2026, 11, 2), out_dir=tmp_path / "w2")
    assert {i.action for i in court.invoices} == {"litigation"}
    assert any("contentieux" in w and "Garage Test" in w for w in court.warnings)
    # The run itself wrote the file of the client it handed to litigation.
    file = tmp_path / "w2" / "contentieux" / "dossier_Garage-Test" / "dossier.docx"
    assert file.is_file() and court.dossiers == [str(file)]
    pdf = convert(file, "pdf", tmp_path / "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages).replace("\xa0", " ")
    assert "L-1" in text and "L-2" in text
    for start in ("02/12/2025", "01/01/2026", "01/07/2026", "02/03/2026"):  # each invoice's periods
        assert start in text
    total = sum(i.outstanding + i.interest + i.indemnity for i in court.invoices)
    assert money(round(total, 2)).replace("\xa0", " ").replace("\u202f", " ") in text.replace(
        "\u202f", " "
    )
    timeline = text[text.index("Chronologie") : text.index("Pièces à joindre")]
    assert timeline.index("15/10/2026") < timeline.index("02/11/2026")  # in order
    assert "Mise en demeure" in timeline and "Contentieux" in timeline
    flat = " ".join(text.split())  # the A4 page wraps its lines where it will
    assert "tribunal de commerce" in flat and "Mise en demeure" in text
    # On demand, the same file for any client, without writing the ledger; with the SIRET
    # of the clients sheet or column when there is one.
    before = ledger.read_bytes()
    written = relance_xlsx.dossier(
        ledger, "Garage Test", settings, as_of=D(2026, 11, 2), out_dir=tmp_path / "again", pdf=False
    )
    assert written[0].endswith("dossier.docx") and ledger.read_bytes() == before


def test_the_litigation_file_copies_the_invoice_pdfs_from_inside_the_ledger_s_folder_only(tmp_path):
    from conftest import ROOT

    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    (tmp_path / "factures").mkdir()
    (tmp_path / "factures" / "L-1.pdf").write_bytes(b"%PDF-1.4 facture L-1")
    (tmp_path.parent / "secret.pdf").write_bytes(b"%PDF-1.4 not the office's")
    headers = [
        "N° facture",
        "Client",
        "Date facture",
        "Échéance",
        "Montant TTC",
        "Adresse",
        "Niveau de relance",
        "Date de relance",
        "PDF facture",
    ]
    rows = [
        ["L-1", "Garage Test", D(2026, 8, 1), D(2026, 9, 1), 1000.0, ADDRESS, "Mise en demeure", D(2026, 10, 1), "factures/L-1.pdf"],
        ["L-2", "Garage Test", D(2026, 8, 1), D(2026, 9, 1), 500.0, ADDRESS, "Mise en demeure", D(2026, 10, 1), "../secret.pdf"],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    written = relance_xlsx.dossier(
        ledger, "Garage Test", settings, as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    pieces = sorted(
        p.name
        for p in (tmp_path / "out" / "contentieux" / "dossier_Garage-Test" / "pieces").iterdir()
    )
    assert pieces == ["L-1.pdf"] and len(written) == 2
    with pytest.raises(relance_xlsx.LedgerError, match="Aucun client « Personne »"):
        relance_xlsx.dossier(
            ledger, "Personne", settings, as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
        )


def test_the_litigation_file_names_the_debtor_s_siret_and_keeps_a_hostile_name_as_text(tmp_path):
    """A « SIRET » column is read; a name with markup and a control character stays text."""
    from docx import Document

    headers = ["N° facture", "Client", "SIRET", "Échéance", "Montant TTC", "Montant réglé",
               "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
    name = "<b>Dupont & Fils</b>"
    rows = [["H-1", name, "732 829 320 00074", D(2026, 3, 1), 700.0, 0, ADDRESS,
             "Mise en demeure", D(2026, 10, 1)],
            # A credit note in the client's favour: on its statement, deducted from the claim.
            ["Avoir AV-1", name, None, D(2026, 4, 1), -100.0, 0, ADDRESS, None, None],
            # Not yet due: on the statement, never in the claim (only a due debt is claimed).
            ["H-2", name, None, D(2026, 12, 15), 50.0, 0, ADDRESS, None, None]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    court = relance_xlsx.run(
        ledger, relance_xlsx.Settings(), as_of=D(2026, 11, 2), out_dir=tmp_path / "w"
    )
    assert [i.action for i in court.invoices] == ["litigation", "none", "none"]
    (file,) = (tmp_path / "w" / "contentieux").glob("*/dossier.docx")
    text = "\n".join(p.text for p in Document(str(file)).paragraphs).replace("\u202f", " ")
    assert "SIRET : 732 829 320 00074" in text
    assert "<b>Dupont & Fils</b>" in text
    cells = [c.text for t in Document(str(file)).tables for row in t.rows for c in row.cells]
    # The number's hyphen is a no-break one (never cut at the line's end); the text is as typed.
    assert "Avoir AV\u20111" in " ".join(cells)
    (h1,) = [i for i in court.invoices if i.invoice == "H-1"]
    claimed = round(h1.outstanding + h1.interest + h1.indemnity - 100.0, 2)
    fine = text.replace("\u202f", " ").replace("\xa0", " ")
    assert "Avoirs à déduire : 100,00 €" in fine
    assert f"Total réclamé : {money(claimed)}".replace("\u202f", " ").replace("\xa0", " ") in fine
    assert "Solde du compte : 650,00 €" in fine
    # The report's « Contentieux » sheet says the same total.
    sheet = load_workbook(court.report)["Contentieux"]
    (case,) = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == name]
    assert case[2] == 600.0 and case[-1] == claimed
    assert "Non échues, donc hors de la créance réclamée : H-2." in fine


def test_a_character_xml_cannot_hold_never_reaches_the_file():
    from relance_xlsx.figures.docxwrite import paragraph

    assert paragraph("A\x0bB\x00 <&>") == (
        '<w:p><w:r><w:t xml:space="preserve">AB &lt;&amp;&gt;</w:t></w:r></w:p>'
    )
