# ruff: noqa: E501
"""The report a run writes: current (its own letters) and printable (LibreOffice, under a
locale that is not French: every page titled, dated, numbered, amounts written in French)."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess

import pytest
from conftest import ROOT, needs_libreoffice, soffice, write_ledger
from openpyxl import load_workbook
from pypdf import PdfReader

import relance_xlsx

D = dt.date
AS_OF = D(2026, 11, 22)
ADDRESS = "1 rue Haute\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Téléphone", "Niveau de relance", "Date de relance"]  # fmt: skip
ROWS = [
    # Garage Bernard: a relance 2 on 30/10, unpaid: a mise en demeure goes today.
    ["G-1", "Garage Bernard", D(2026, 6, 2), D(2026, 7, 2), 4000.0, 0, None, ADDRESS, None, "Relance 2", D(2026, 10, 30)],
    ["G-2", "Garage Bernard", D(2026, 8, 1), D(2026, 9, 1), 2171.15, 0, None, ADDRESS, None, "Relance 2", D(2026, 10, 30)],
    # Atelier Alpha: a mise en demeure on 1/10, unpaid: handed to litigation today.
    ["A-1", "Atelier Alpha & Fils", D(2026, 5, 4), D(2026, 6, 3), 1500.0, 0, None, ADDRESS, "01 11 11 11 11", "Mise en demeure", D(2026, 10, 1)],
    # Café Gamma: a first reminder, not to be called.
    ["C-1", "Café Gamma", D(2026, 9, 1), D(2026, 10, 1), 90.0, 0, None, ADDRESS, "03 33 33 33 33", None, None],
    # Paid invoices with their dates, from April: the monthly history starts there.
    *[[f"P-{m}", "Café Gamma", D(2026, m, 3), D(2026, m + 1, 3), 1234.56, 1234.56, D(2026, m + 1, 1), ADDRESS, None, None, None] for m in range(4, 10)],
]  # fmt: skip
FRENCH_MONEY = re.compile(r"\d{1,3}(?:[  ]\d{3})*,\d{2}[  ]€")
ENGLISH_MONEY = re.compile(r"\d,\d{3}\.\d{2}|\d\.\d{2}[  ]?€")


@pytest.fixture
def done(tmp_path):
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "Factures.xlsx", ROWS, HEADERS)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    return ledger, settings, result


def _calls(path):
    ws = load_workbook(path)["À appeler"]
    header = [c.value for c in ws[1]]
    return {
        r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }


def test_the_run_s_report_shows_its_own_letters(done):
    ledger, settings, result = done
    kinds = {x.client: x.kind for x in result.letters}
    assert kinds == {"Garage Bernard": "mise_en_demeure", "Café Gamma": "relance_1"}
    calls = _calls(result.report)
    # The mise en demeure just sent, dated today, not the relance 2 of 30/10.
    bernard = calls["Garage Bernard"]
    assert (bernard["Dernière relance"], bernard["Date"]) == (
        "Mise en demeure",
        dt.datetime(2026, 11, 22),
    )
    assert bernard["Échéance"] == dt.datetime(2026, 7, 2)  # real dates: Excel sorts them
    # The amounts labelled: the client's total, the oldest invoice's own amount.
    assert bernard["Total dû par le client"] == 6171.15 and bernard["Son reste dû"] == 4000.0
    assert bernard["Factures impayées"] == 2 and bernard["Plus ancienne facture"] == "G-1"
    opening = bernard["Pour commencer"].replace("\u202f", " ").replace("\xa0", " ")
    assert "vos 2 factures impayées, 6 171,15 € au total" in opening
    assert "n° G-1, échue le 02/07/2026, reste due pour 4 000,00 €" in opening
    # No phone in the ledger: flagged on the sheet and in the run's warnings.
    assert bernard["Téléphone"].startswith("À trouver")
    assert any("sans numéro de téléphone" in w and "Garage Bernard" in w for w in result.warnings)
    # Written to today: called once its deadline has run (15 days after a mise en demeure).
    assert calls["Garage Bernard"]["Pourquoi"].split(" ; ") == [
        "mise en demeure du 22/11/2026, envoyée ce jour : à appeler après le 07/12/2026",
        "plus de 5\u202f000,00\xa0€ dus",
    ]
    assert calls["Atelier Alpha & Fils"]["Pourquoi"] == "remis au contentieux le 22/11/2026"
    # Litigation handed over today is in the report.
    cases = load_workbook(result.report)["Contentieux"]
    assert [r[0] for r in cases.iter_rows(min_row=2, values_only=True)] == ["Atelier Alpha & Fils"]
    # The same call list as `relance report` on the workbook the run left.
    again = relance_xlsx.report(ledger, settings, as_of=AS_OF, write=False).figures
    assert [(c.client, c.last_action, c.last_date, c.total_due) for c in again.calls] == [
        (c["Client"], c["Dernière relance"], f"{c['Date']:%d/%m/%Y}", c["Total dû par le client"])
        for c in calls.values()
    ]
    months = load_workbook(result.report)["DSO par mois"]
    assert any(isinstance(c.value, dt.datetime) for c in months["A"])  # « Mois (au) »


@pytest.mark.parametrize(
    ("day", "why", "after"),
    [
        pytest.param(
            D(2026, 11, 27),
            "mise en demeure du 22/11/2026 : à appeler après le 07/12/2026",
            "07/12/2026",
            id="deadline-running",
        ),
        pytest.param(
            D(2026, 12, 7),
            "mise en demeure du 22/11/2026 sans règlement depuis 15 jours",
            "",
            id="deadline-reached",
        ),
        pytest.param(
            D(2026, 12, 20),
            "mise en demeure du 22/11/2026 sans règlement depuis 28 jours",
            "",
            id="weeks-later",
        ),
    ],
)
def test_the_call_list_says_what_happened_and_when(done, day, why, after):
    ledger, settings, _ = done
    calls = {
        c.client: c
        for c in relance_xlsx.report(ledger, settings, as_of=day, write=False).figures.calls
    }
    bernard = calls["Garage Bernard"]
    assert (bernard.why.split(" ; ")[0], bernard.call_after) == (why, after)


def test_the_history_starts_with_the_first_month_with_data(done):
    ledger, settings, _ = done
    months = relance_xlsx.report(ledger, settings, as_of=AS_OF, write=False).figures.dso_by_month
    assert months and months[0].on == D(2026, 4, 22)  # invoicing began in April


def _pdf_under_english_locale(xlsx, folder):
    profile = folder / "profil"
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "C", "LANGUAGE": "en"}
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
        check=True, capture_output=True, timeout=180, env=env,
    )  # fmt: skip
    return folder / "rapport.pdf"


@needs_libreoffice
def test_every_page_has_its_header_number_and_french_amounts_on_an_english_machine(done, tmp_path):
    _, _, result = done
    pdf = _pdf_under_english_locale(result.report, tmp_path / "pdf")
    pages = [
        p.extract_text().replace("\u202f", " ").replace("\xa0", " ")
        for p in PdfReader(str(pdf)).pages
    ]
    assert len(pages) >= 4
    sheets = [
        "Balance âgée",
        "Graphique ancienneté",
        "Indicateurs",
        "DSO par mois",
        "À appeler",
        "Contentieux",
    ]
    seen = set()
    for number, text in enumerate(pages, start=1):
        assert "Atelier Exemple SARL" in text, number  # the company (sample creditor)
        assert "22 novembre 2026" in text, number
        assert f"Page {number} sur {len(pages)}" in text, number
        assert "Factures.xlsx" in text, number
        title = re.search(r"Rapport de relances – (" + "|".join(sheets) + ")", text)
        assert title, number
        seen.add(title.group(1))
        assert not ENGLISH_MONEY.search(text), (number, ENGLISH_MONEY.search(text))
        # No page holds only its header and footer.
        body = text.replace("Atelier Exemple SARL", "").replace("22 novembre 2026", "")
        assert (
            len(
                re.sub(
                    r"Page \d+ sur \d+|Factures\.xlsx|Rapport de relances – " + title.group(1),
                    "",
                    body,
                ).split()
            )
            > 5
        )
    assert seen == set(sheets)
    whole = " ".join(pages)
    for amount in ("6 171,15 €", "4 000,00 €", "1 500,00 €"):
        assert amount in whole
    assert len(FRENCH_MONEY.findall(whole)) > 20
    # Each chart on one page: its title and its legend together.
    for title, legend in (
        ("Encours par ancienneté", "Non échu"),
        ("DSO des 12 derniers mois", "DSO par épuisement"),
    ):
        (page,) = [p for p in pages if title in p]
        assert legend in page


@needs_libreoffice
def test_no_contentieux_page_when_nobody_is_at_that_stage(tmp_path):
    ledger = write_ledger(
        tmp_path / "Factures.xlsx", [r for r in ROWS if r[1] != "Atelier Alpha & Fils"], HEADERS
    )
    result = relance_xlsx.report(
        ledger,
        relance_xlsx.load_settings(ROOT / "sample_workbooks" / "relance.toml"),
        as_of=AS_OF,
        out_dir=tmp_path / "out",
        pdf=False,
    )
    pdf = _pdf_under_english_locale(result.xlsx, tmp_path / "pdf")
    text = " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Contentieux" not in text.replace("Contentieux en cours", "")


def test_the_aging_chart_shows_disputed_and_held_amounts_as_their_own_series(done):
    import zipfile

    _, _, result = done
    with zipfile.ZipFile(result.report) as book:
        charts = [
            book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/charts/chart")
        ]
    aging = next(c for c in charts if "Balance âgée" in c and "barChart" in c)
    # Non échu, four buckets, and what is not chased (columns G to I: in dispute or on hold,
    # in collective proceedings, time-barred): no empty bar.
    assert aging.count("<c:ser>") == 8
    assert all(f"'Balance âgée'!${c}$1" in aging for c in "GHI")
