"""The déclaration de créance of a client in collective proceedings (legal-fr.md 8.4): the
amounts due on the opening judgment, interest up to the day before it (L622-28) period by
period, the 40 € for invoices already due, those falling due later, the deadline (R622-24).
Rates from legal-fr.md: 2024 H1 ECB 4,50 % + 10 = 14,50 %; 2024 H2 4,25 % + 10 = 14,25 %."""

# ruff: noqa: E501

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, convert, needs_libreoffice, write_ledger
from docx import Document
from pypdf import PdfReader

import relance_xlsx
from relance_xlsx.figures import outside_metropolitan

D = dt.date
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Procédure collective", "Date du jugement", "Date BODACC", "Forme juridique"]  # fmt: skip


def _ledger(tmp_path: Path, judgment: dt.date | None, notice: dt.date | None) -> Path:
    rows = [
        # 1 000 € due 15/05/2024: 16/05 to 30/06/2024 = 46 days at 14,50 %: 1 000 × 14,50 % ×
        # 46 / 365 = 18,2740 → 18,27; 01/07 to 14/07/2024 (the eve of the judgment of 15/07)
        # = 14 days at 14,25 %: 1 000 × 14,25 % × 14 / 365 = 5,4658 → 5,47. Interest 23,74.
        ["J-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, ADDRESS, "Redressement judiciaire", judgment, notice, "SAS"],
        # Due 14/07/2024, the day before the judgment: no day of interest, but due before it:
        # its 40 €.
        ["J-2", "Rouge SAS", D(2024, 6, 14), D(2024, 7, 14), 500.0, ADDRESS, None, None, None, None],
        # Due on the judgment's day: not due then, declared with its date, no 40 €.
        ["J-3", "Rouge SAS", D(2024, 6, 15), D(2024, 7, 15), 800.0, ADDRESS, None, None, None, None],
        # Invoiced after the judgment: a later claim, outside the declaration only under
        # L622-17 I (else declared, L622-24 al. 6).
        ["J-4", "Rouge SAS", D(2024, 7, 20), D(2024, 8, 19), 300.0, ADDRESS, None, None, None, None],
    ]  # fmt: skip
    return write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return (
        "\n".join([p.text for p in doc.paragraphs] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


@pytest.mark.parametrize(
    ("address", "deadline"),
    [
        # BODACC of 30/07/2024 + 2 months: 30/09/2024 (R622-24).
        pytest.param(
            "12 rue des Tanneurs\n69002 Lyon", "30 septembre 2024", id="R622-24-two-months"
        ),
        # A creditor in La Réunion: 2 months more, 30/11/2024.
        pytest.param(
            "5 rue de Paris\n97400 Saint-Denis",
            "30 novembre 2024",
            id="R622-24-plus-two-months-overseas",
        ),
    ],
)
def test_a_declaration_with_the_judgment_between_two_half_years(tmp_path, address, deadline):
    ledger = _ledger(tmp_path, D(2024, 7, 15), D(2024, 7, 30))
    settings = complete_settings()
    settings = dataclasses.replace(
        settings, creditor=dataclasses.replace(settings.creditor, address=address)
    )
    result = relance_xlsx.run(ledger, settings, as_of=D(2024, 8, 20), out_dir=tmp_path / "out")
    assert [i.action for i in result.invoices] == ["insolvency"] * 4
    (file,) = result.declarations
    assert file.endswith("contentieux/dossier_Rouge-SAS/declaration_creance.docx")
    text = _text(Path(file))
    for period in (("16/05/2024", "30/06/2024", "46", "14,50 %", "18,27 €"),
                   ("01/07/2024", "14/07/2024", "14", "14,25 %", "5,47 €")):  # fmt: skip
        assert all(part in text for part in period)
    assert "Intérêts arrêtés au 14 juillet 2024 : 23,74 €" in text
    # Two invoices due before the judgment: 2 × 40 €.
    assert "Indemnités forfaitaires : 80,00 €" in text
    # 1 000 + 500 + 23,74 + 80 = 1 603,74 due; 800 to fall due; 2 403,74 declared.
    assert "Total échu au jour du jugement : 1 603,74 €" in text
    assert "Total à échoir : 800,00 €" in text and "15/07/2024" in text
    assert "Montant total déclaré : 2 403,74 €" in text
    assert "J-4" in text[text.index("Créances nées après le jugement") :] and "L622-17 I" in text
    assert f"À déclarer au plus tard le {deadline}" in text
    # 30/11/2024 is a Saturday: the term runs to Monday 02/12/2024 (CPC 642), and the file
    # says so beside the day to aim for (the lawyer's rare cases, M4).
    extended = "Ce jour est un samedi : le délai court jusqu'au premier jour ouvrable suivant, le "
    assert (extended + "2 décembre 2024" in text) is (deadline == "30 novembre 2024")
    assert "Redressement judiciaire" in text and "Forme juridique : SAS" in text
    assert "[À COMPLÉTER : nom du mandataire judiciaire" in text


def test_a_judgment_on_1_january_stops_interest_at_the_end_of_the_year(tmp_path):
    """2 000 € due 30/11/2024, judgment of 01/01/2025: 01/12 to 31/12/2024 = 31 days at
    14,25 % (2024 H2): 2 000 × 14,25 % × 31 / 365 = 24,2055 → 24,21; no 2025 period."""
    rows = [["K-1", "Vert SARL", D(2024, 10, 31), D(2024, 11, 30), 2000.0, ADDRESS,
             "Liquidation judiciaire, jugement du 01/01/2025, BODACC du 12/01/2025", None, None, None]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    written = relance_xlsx.dossier(ledger, "Vert SARL", complete_settings(), as_of=D(2025, 2, 1),
                                   out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    (file,) = written
    text = _text(Path(file))
    assert "Intérêts arrêtés au 31 décembre 2024 : 24,21 €" in text
    assert "2025" not in text.split("Intérêts de retard")[1].split("Indemnités")[0].replace(
        "01/01/2025", ""
    )
    assert "liquidateur judiciaire" in text and "Liquidation judiciaire" in text
    # BODACC 12/01/2025 + 2 months.
    assert "À déclarer au plus tard le 12 mars 2025" in text
    # 12/03/2025 is a Wednesday: no weekend note.
    assert "Ce jour tombe un" not in text
    assert "Total échu au jour du jugement : 2 064,21 €" in text


def test_without_the_judgment_s_date_the_declaration_asks_for_it_and_values_nothing(tmp_path):
    ledger = _ledger(tmp_path, None, D(2024, 7, 30))
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2024, 8, 20), dry_run=True)
    assert all("indiquez la date du jugement d'ouverture" in i.reason for i in result.invoices)
    written = relance_xlsx.dossier(ledger, "Rouge SAS", complete_settings(), as_of=D(2024, 8, 20),
                                   out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    text = _text(Path(written[0]))
    assert "[À COMPLÉTER : date du jugement d'ouverture" in text
    assert "Intérêts (date du jugement à indiquer) : 0,00 €" in text


@pytest.mark.parametrize(
    ("address", "abroad"),
    [
        pytest.param("12 rue des Tanneurs\n69002 Lyon", False, id="lyon"),
        pytest.param("12 rue des Tanneurs\n69002 Lyon\nFrance", False, id="lyon-france"),
        pytest.param("Lyon", False, id="a-town-alone"),
        pytest.param("5 rue de Paris\n97400 Saint-Denis", True, id="la-reunion"),
        pytest.param("Rue de la Loi 16\n1000 Bruxelles\nBelgique", True, id="belgium"),
    ],
)
def test_a_creditor_outside_metropolitan_france(address, abroad):
    assert outside_metropolitan(relance_xlsx.Creditor(address=address)) is abroad


@needs_libreoffice
def test_the_declaration_converts_to_pdf_and_reads_as_written(tmp_path):
    ledger = _ledger(tmp_path, D(2024, 7, 15), D(2024, 7, 30))
    written = relance_xlsx.dossier(ledger, "Rouge SAS", complete_settings(), as_of=D(2024, 8, 20),
                                   out_dir=tmp_path / "out", pdf=True)  # fmt: skip
    assert [Path(p).suffix for p in written] == [".docx", ".pdf"]
    pdf = convert(Path(written[0]), "pdf", tmp_path / "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    assert "Déclaration de créance" in text and "2 403,74 €" in text


def test_the_page_s_results_list_the_declarations(tmp_path):
    from relance_xlsx.results import RunResult
    from relance_xlsx.web.views import _ENV

    path = str(tmp_path / "contentieux" / "dossier_Rouge-SAS" / "declaration_creance.docx")
    result = RunResult(
        "l.xlsx", "Factures", 1, "2024-08-20", False, [], [], [], declarations=[path]
    )
    page = _ENV.get_template("resultats.html").render(
        jeton="t", ledger=None, busy=False, result=result, report_pdf=None
    )
    assert "Déclarations de créance (1)" in page and 'id="declarations"' in page
    assert "declaration_creance.docx" in page


@pytest.mark.parametrize(
    ("kind", "says", "never"),
    [
        # The lawyer's c06b/c06d (defect 7): a liquidation judiciaire of 20/12/2025 (BODACC
        # 31/12/2025). L-A, 2 400 € due 15/06/2025: 16/06 to 30/06 = 15 days at 13,15 % = 12,97;
        # 01/07 to 19/12/2025 = 172 days at 12,15 % = 137,41: 150,38 € and 40 €. L-B, 1 000 €
        # due 17/01/2026, made due at once by the judgment (L643-1): no interest, no 40 €.
        # Declared 2 400 + 150,38 + 40 + 1 000 = 3 590,38 €. L-C, work of 02/01/2026: L641-13.
        pytest.param(
            "LJ, jugement du 20/12/2025, BODACC du 31/12/2025",
            ["Liquidation judiciaire d'Imprimerie Fontaine SAS", "liquidateur judiciaire (Code de commerce L622-24 à L622-26, L641-1 II et L641-3",
             "rendues exigibles par la liquidation (L643-1)", "Total rendu exigible par la liquidation (L643-1) : 1 000,00 €",
             "Montant total déclaré : 3 590,38 €", "Intérêts arrêtés au 19 décembre 2025 : 150,38 €", "dessaisi", "(L641-9)",
             "(Code de commerce L641-13)"],
            ["à échoir", "mandataire judiciaire", "L622-17"],
            id="L643-1-L641-1-L641-9-L641-13-liquidation",
        ),
        # The lawyer's c06 (defect 8): a redressement: the later claim is declared unless
        # L622-17 I describes it (L622-24 al. 6), its priority kept only within a year of the end
        # of the observation period (L622-17 IV). Same figures, L-B « à échoir ».
        pytest.param(
            "RJ, jugement du 20/12/2025, BODACC du 31/12/2025",
            ["Redressement judiciaire d'Imprimerie Fontaine SAS", "mandataire judiciaire", "Total à échoir : 1 000,00 €",
             "Montant total déclaré : 3 590,38 €", "(Code de commerce L622-17 I)", "déclarez-les (L622-24, al. 6)", "(L622-17 IV)"],
            ["ne se déclare pas", "L641-13", "L643-1"],
            id="L622-17-I-and-IV-L622-24-al6-redressement",
        ),
    ],
)  # fmt: skip
def test_liquidation_and_later_claims(tmp_path, kind, says, never):
    headers = ["N° facture", "Date facture", "Date d'exécution", "Client", "Adresse", "Montant TTC", "Échéance", "Procédure collective"]  # fmt: skip
    client = "Imprimerie Fontaine SAS"
    address = "6 rue de l'Industrie\n42000 Saint-Étienne"
    rows = [["L-A", D(2025, 5, 16), None, client, address, 2400.0, D(2025, 6, 15), kind],
            ["L-B", D(2025, 12, 18), None, client, address, 1000.0, D(2026, 1, 17), kind],
            ["L-C", D(2026, 1, 5), D(2026, 1, 2), client, address, 700.0, D(2026, 2, 4), kind]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 2, 10), dry_run=True)
    reasons = {i.invoice: i.reason for i in result.invoices}
    (file,) = relance_xlsx.dossier(ledger, client, complete_settings(), as_of=D(2026, 2, 10),
                                   out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    text = _text(Path(file))
    for part in says:
        assert part in text
    for part in never:
        assert part not in text
    if kind.startswith("LJ"):
        assert (
            "liquidateur judiciaire (L641-1 II)" in reasons["L-A"] and "(L643-1)" in reasons["L-B"]
        )
        assert "L641-13" in reasons["L-C"] and "L641-9" in reasons["L-C"]
    else:
        assert "mandataire judiciaire" in reasons["L-A"]
        assert (
            "L622-17 I" in reasons["L-C"]
            and "L622-24, al. 6" in reasons["L-C"]
            and "L622-17 IV" in reasons["L-C"]
        )


def test_the_indemnities_by_amount_never_a_false_product(tmp_path):
    """Three invoices due before the judgment, their indemnities 40, 40 and 25 € (part of one
    paid): 2 × 40 + 1 × 25 = 105 €, never « 3 facture(s) × 40,00 € = 105,00 € »."""
    from relance_xlsx.figures import ClaimedInvoice, Debtor, Declaration, write_declaration

    def invoice(number: str, indemnity: float) -> ClaimedInvoice:
        return ClaimedInvoice(number, D(2024, 4, 15), D(2024, 5, 15), 1000.0, 0.0, 1000.0, (),
                              0.0, indemnity)  # fmt: skip

    due = [invoice("J-1", 40.0), invoice("J-2", 25.0), invoice("J-3", 40.0)]
    declaration = Declaration("Rouge SAS", D(2024, 8, 20), complete_settings().creditor,
                              Debtor("Rouge SAS", ADDRESS), "redressement judiciaire",
                              D(2024, 7, 15), D(2024, 7, 30), "", "", due)  # fmt: skip
    text = _text(write_declaration(declaration, tmp_path / "d.docx"))
    assert (
        "Indemnités forfaitaires pour frais de recouvrement : 3 factures échues avant le "
        "jugement, 2 × 40,00 € + 1 × 25,00 € = 105,00 € (L441-10 II, D441-5)." in text
    ), text
    assert "× 40,00 € = 105,00 €" not in text


def test_the_declaration_says_the_indemnity_the_settings_claim(tmp_path):
    """[policy] indemnity = 25: J-1 and J-2 are due before the judgment, 2 × 25 = 50 €; the
    basis says 25 €, not the law's 40 €."""
    settings = complete_settings()
    settings = dataclasses.replace(
        settings, policy=dataclasses.replace(settings.policy, indemnity=25.0)
    )
    ledger = _ledger(tmp_path, D(2024, 7, 15), D(2024, 7, 30))
    result = relance_xlsx.run(ledger, settings, as_of=D(2024, 8, 20), out_dir=tmp_path / "out")
    text = _text(Path(result.declarations[0]))
    assert "2 facture(s) échue(s) avant le jugement × 25,00 € = 50,00 €" in text, text
    assert (
        "Indemnité forfaitaire pour frais de recouvrement : 25,00 € par facture, en deçà des "
        "40 € prévus (Code de commerce L441-10 II et D441-5)" in text
    ), text
    assert "40 € par facture (" not in text


def test_a_credit_note_beyond_the_principal_is_not_deducted_from_the_interest(tmp_path):
    """R-1, 1 000 € due 15/05/2024, unpaid; a credit note of 1 500 € naming no invoice, dated
    01/06/2024, which extinguishes R-1 by compensation that day (Code civil 1347 al. 2,
    review-lawhand 2): interest (2024 H1 ECB 4,50 % + 10 = 14,50 %) 16/05–31/05, 16 d:
    1 000 × 14,50 % × 16 / 365 = 6,3562 → 6,36 €, none after. The credit is deducted from the
    principal only: 1 000 − 1 000 + 6,36 + 40 = 46,36 €, 500 € not imputed (main declared
    -436,26 €)."""
    rows = [
        ["R-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, ADDRESS,
         "Redressement judiciaire", D(2024, 7, 15), D(2024, 7, 30), "SAS"],
        ["AV-1", "Rouge SAS", D(2024, 6, 1), None, -1500.0, ADDRESS, None, None, None, "SAS"],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out"
    )
    text = _text(Path(result.declarations[0]))
    assert "Avoirs à déduire : 1 000,00 €" in text, text
    assert "Avoir non imputé : 500,00 € (au-delà du principal, il n'est déduit ni" in text, text
    assert "Total échu au jour du jugement : 46,36 €" in text, text
    assert "Montant total déclaré : 46,36 €" in text, text
