"""Letters that look like the firm's: its legal mentions on every page (Code de commerce
R123-237), room to sign, headings kept with what follows, French typography."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from conftest import (
    AS_OF,
    ROOT,
    _load_sample_builder,
    all_paragraphs,
    needs_libreoffice,
    write_ledger,
)
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

import relance_xlsx
from relance_xlsx.config import Creditor, Settings, capital_text
from relance_xlsx.letters import convert_to_pdf, creditor_context
from relance_xlsx.letters.typeset import typeset_xml

D = dt.date
BASE = {
    "name": "Atelier Martin",
    "address": "12 rue des Tanneurs\n69002 Lyon",
    "siret": "732 829 320 00074",
}


@pytest.mark.parametrize(
    ("extra", "lines"),
    [
        pytest.param(
            {"legal_form": "SARL", "share_capital": "10 000 €", "rcs_city": "Lyon",
             "vat_number": "FR44 732829320"},
            ("Atelier Martin – SARL au capital de 10\u202f000\u00a0€ – 12 rue des Tanneurs, "
             "69002 Lyon",
             "RCS Lyon 732 829 320 – SIRET 732 829 320 00074 – TVA intracommunautaire "
             "FR44 732829320"),
            id="company",
        ),
        pytest.param(
            {"legal_form": "SCOP SA", "share_capital": "variable", "rcs_city": "RCS Lyon"},
            ("Atelier Martin – SCOP SA à capital variable – 12 rue des Tanneurs, 69002 Lyon",
             "RCS Lyon 732 829 320 – SIRET 732 829 320 00074"),
            id="variable-capital",
        ),
        pytest.param(
            {"sole_trader": True, "legal_form": "EI"},
            ("Atelier Martin EI – 12 rue des Tanneurs, 69002 Lyon", "SIRET 732 829 320 00074"),
            id="sole-trader",
        ),
        pytest.param(
            {"legal_form": "SAS", "head_office": "1 place Bellecour\n69002 Lyon"},
            ("Atelier Martin – SAS – Siège social : 1 place Bellecour, 69002 Lyon",
             "SIRET 732 829 320 00074"),
            id="head-office-elsewhere",
        ),
        pytest.param({}, ("Atelier Martin – 12 rue des Tanneurs, 69002 Lyon",
                          "SIRET 732 829 320 00074"), id="nothing-configured"),
    ],
)  # fmt: skip
def test_the_legal_mentions_are_in_every_letters_footer(extra, lines):
    creditor = creditor_context(Settings(creditor=Creditor(**BASE, **extra)), [])
    assert creditor["footer"] == "\n".join(lines)
    assert creditor["legal_line"] == " – ".join(lines)


@pytest.mark.parametrize(
    ("extra", "missing"),
    [
        pytest.param({"legal_form": "SARL", "share_capital": "10 000 €", "rcs_city": "Lyon"}, [],
                     id="company-complete"),
        pytest.param({"legal_form": "S.A.R.L."}, ["creditor.share_capital", "creditor.rcs_city"],
                     id="company-without-capital-or-registry"),
        pytest.param({"legal_form": "SCOP SA", "share_capital": "variable"},
                     ["creditor.rcs_city"], id="cooperative-without-registry"),
        pytest.param({}, ["creditor.legal_form"], id="form-unknown"),
        pytest.param({"legal_form": "Association loi 1901"}, [], id="association"),
        pytest.param({"legal_form": "Société par actions simplifiée"},
                     ["creditor.share_capital", "creditor.rcs_city"], id="company-written-out"),
        pytest.param({"sole_trader": True, "legal_form": "EI"}, [], id="sole-trader"),
    ],
)  # fmt: skip
def test_a_company_s_letters_wait_for_its_legal_mentions(extra, missing):
    """R123-237 (legal-fr §8.7): a company's papers name its form, capital and registry; a
    letter naming only its SIRET is held (a_completer/), never sent without them."""
    found: list[str] = []
    creditor_context(Settings(creditor=Creditor(**BASE, **extra)), found)
    assert [k for k in found if k in MENTIONS] == missing


MENTIONS = ("creditor.legal_form", "creditor.share_capital", "creditor.rcs_city")


@pytest.mark.parametrize(
    ("typed", "fr", "en"),
    [
        ("10 000 €", "10\u202f000\u00a0€", "€10,000"),
        ("10000", "10\u202f000\u00a0€", "€10,000"),
        ("1 000 000 euros", "1\u202f000\u202f000\u00a0€", "€1,000,000"),
        ("7 622,45 EUR", "7\u202f622,45\u00a0€", "€7,622.45"),
        ("10.000,50 €", "10\u202f000,50\u00a0€", "€10,000.50"),
        ("10.000", "10\u202f000\u00a0€", "€10,000"),
        ("37,5", "37,50\u00a0€", "€37.50"),
        ("deux mille", "deux mille", "deux mille"),
    ],
    ids=lambda v: str(v),
)
def test_the_share_capital_is_written_as_each_language_writes_an_amount(typed, fr, en):
    """« 10 000 € » never split at its thousands in a French letter; « €10,000 » in English."""
    assert capital_text(typed, "fr") == fr
    assert capital_text(typed, "en") == en


def test_the_english_footer_writes_the_capital_in_english():
    extra = {"legal_form": "SARL", "share_capital": "10 000 €", "rcs_city": "Lyon"}
    creditor = creditor_context(Settings(creditor=Creditor(**BASE, **extra)), [])
    assert creditor["legal_line_en"].startswith("Atelier Martin – SARL, capital €10,000 – 12 rue")


def test_the_report_carries_the_legal_mentions_at_the_foot_of_its_pages(tmp_path):
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", tmp_path / "relance.toml")
    ledger = _load_sample_builder().build(tmp_path / "grand_livre_clients.xlsx")
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    result = relance_xlsx.report(ledger, settings, as_of=AS_OF, pdf=False)
    book = load_workbook(result.xlsx)
    for ws in book.worksheets:
        foot = ws.oddFooter.center.text
        assert foot.startswith("Atelier Exemple SARL – SARL au capital de 10\u202f000\u00a0€ – 12")
        assert "RCS Lyon 000 000 000" in foot and "TVA intracommunautaire FR12" in foot
        assert ws.oddFooter.right.text.startswith("Page")


# -- typography, on real LibreOffice PDFs ------------------------------------------------------

# Clients whose long, hyphenated invoice numbers fall at every place of a line: the running
# text lists them all, and without the no-break hyphen some are cut (« FA-2026- / 000003 »).
LONG = [
    [f"FA-2026-{c:02d}{i:04d}", f"Client {'X' * (3 * c)} {c}", D(2026, 8, 1 + i),
     D(2026, 9, 1 + i), 1000.0 + i, 0, "3 impasse des Lilas\n69100 Villeurbanne"]
    for c in range(1, 13)
    for i in range(1, 2 + c % 5)
]  # fmt: skip


@pytest.fixture(scope="module")
def week_pdf(tmp_path_factory):
    """The sample's week and a client with long invoice numbers, run with --pdf."""
    folder = tmp_path_factory.mktemp("papiers")
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    sample = _load_sample_builder().build(folder / "grand_livre_clients.xlsx")
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    results = [relance_xlsx.run(sample, settings, as_of=AS_OF, pdf=True, write_workbook=False)]
    other = write_ledger(folder / "longs.xlsx", LONG)
    out = folder / "longs"
    results.append(relance_xlsx.run(other, settings, as_of=AS_OF, pdf=True, out_dir=out,
                                    write_workbook=False))  # fmt: skip
    return results


def _letters(results):
    for result in results:
        for letter in result.letters:
            pdf = Path(result.out_dir) / "pdf" / f"{Path(letter.path).stem}.pdf"
            yield letter, pdf


@needs_libreoffice
def test_no_ordinary_space_before_a_colon_in_a_french_letter(week_pdf):
    for letter, _ in _letters(week_pdf):
        doc = Document(letter.path)
        texts = [p.text for p in all_paragraphs(doc)]
        texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
        texts += [p.text for s in doc.sections for p in s.footer.paragraphs]
        english = any(t.startswith("Dear ") for t in texts)  # « Dear Mr Smith, » too
        joined = "\n".join(texts)
        for number in letter.invoices:  # never cut: a no-break hyphen in every number
            assert number not in joined or "-" not in number, (letter.client, number)
        # Nor an article's number (« R2192- » at a line's end, « 32 » on the next).
        cut = re.findall(r"\b(?:[LRD]\d{3,4}|1\d{3})-\d+", joined)
        assert not cut, (letter.client, cut)
        for text in texts:
            if english:
                assert not re.search(r"\s[:;!?]", text), (letter.client, text)
            else:
                assert not re.search(r"[ \u00a0][:;!?]|«[ \u00a0]|[ \u00a0]»", text), (
                    letter.client,
                    text,
                )


_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Ordinary (breakable) spaces a line must never break at.
_BREAKABLE = {
    "day-month": rf"\b(?:\d{{1,2}}|1er) (?:{_MONTHS})\b",
    "month-year": rf"\b(?:{_MONTHS}) [12]\d{{3}}\b",
    "number-days": r"\d (?:jours?|days?|mois|months?)\b",
    "numero": r"[nN]° ",
}


@needs_libreoffice
@pytest.mark.parametrize("kind", list(_BREAKABLE))
def test_no_line_breaks_between_a_day_and_its_month_or_a_number_and_its_unit(week_pdf, kind):
    """« 30 / novembre », « 8 / jours », « n° / 1A… » never split across two lines (the
    lawyer's review of issue 33 found them split): a no-break space there, every letter."""
    seen = 0
    for letter, _ in _letters(week_pdf):
        doc = Document(letter.path)
        texts = [p.text for p in all_paragraphs(doc)]
        texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
        for text in texts:
            assert not re.search(_BREAKABLE[kind], text), (letter.client, text)
            seen += len(re.findall(_BREAKABLE[kind].replace(" ", "\u00a0"), text))
    assert seen > 0  # the case is in the letters, bound


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param("05 56 12 34 56", "+33 5 56 12 34 56", id="spaces"),
        pytest.param("05.56.12.34.56", "+33 5 56 12 34 56", id="dots"),
        pytest.param("0556123456", "+33 5 56 12 34 56", id="run-together"),
        pytest.param("+33 5 56 12 34 56", "+33 5 56 12 34 56", id="already-international"),
        pytest.param("+44 20 7946 0958", "+44 20 7946 0958", id="foreign"),
        pytest.param("3615", "3615", id="short-kept"),
    ],
)
def test_an_english_letter_gives_the_phone_number_as_dialled_from_abroad(typed, expected):
    from relance_xlsx.letters.items import international_phone

    assert international_phone(typed) == expected


@needs_libreoffice
def test_the_english_letter_of_the_week_has_an_international_phone_number(week_pdf):
    english = [
        letter
        for letter, _ in _letters(week_pdf)
        if any(p.text.startswith("Dear ") for p in all_paragraphs(Document(letter.path)))
    ]
    assert english
    for letter in english:
        text = "\n".join(p.text for p in all_paragraphs(Document(letter.path)))
        assert "Tel. +33 " in text and "Tél." not in text, letter.client


def _pdf_lines(pdf: Path) -> list[str]:
    """The lines of a PDF as pypdf reads them: pdftotext would join a word cut at a hyphen
    (« F2026- » + « 003 » read back as « F2026003 »)."""
    return [
        ln.strip() for page in PdfReader(str(pdf)).pages for ln in page.extract_text().splitlines()
    ]


@needs_libreoffice
def test_no_line_breaks_inside_an_invoice_number(week_pdf):
    checked = 0
    for letter, pdf in _letters(week_pdf):
        lines = _pdf_lines(pdf)
        for number in letter.invoices:
            cuts = [number[: m.end()] for m in re.finditer(r"[-\s]", number)]
            for i, line in enumerate(lines[:-1]):
                for head in cuts:
                    tail = number[len(head) :].strip()
                    cut = line.endswith(head.strip()) and lines[i + 1].startswith(tail)
                    assert not cut, (letter.client, number, line, lines[i + 1])
            checked += sum(line.count(number) for line in lines)
    assert checked > 50  # the numbers are there, read back as typed (no-break hyphen → -)


def _glued_letters(folder: Path, typeset: bool) -> list[str]:
    """Letters where an invoice number is glued to the « ; » after it, at every place of a
    line (a filler one word longer each time); the lines of their PDF."""
    from relance_xlsx.letters import LetterJob, render_letters, sample_context
    from relance_xlsx.progress import Quiet

    template = folder / "colle.docx"
    doc = Document()
    doc.styles["Normal"].font.name = "Carlito"
    doc.add_paragraph("{{ filler }} en joignant la référence {{ invoices[0].number }} ; merci.")
    doc.add_paragraph("{{ filler }} en joignant la référence {{ invoices[0].number }} ;")
    doc.save(str(template))
    jobs = []
    for n in range(24):
        context = sample_context("fr", "relance_1")
        context["filler"] = "mot " * n + "x" * (n % 7)
        context["invoices"][0]["number"] = "F2026-003"
        jobs.append(LetterJob(template, context, folder / f"colle-{n}.docx"))
    import relance_xlsx.letters.batch as batch

    keep = batch.typeset_letter
    if not typeset:
        batch.typeset_letter = lambda rendered, context: None
    try:
        render_letters(jobs, folder / "lot.docx", Quiet(), workers=1)
    finally:
        batch.typeset_letter = keep
    pdfs = convert_to_pdf([j.target for j in jobs], folder / "pdf")
    return [line for pdf in pdfs for line in _pdf_lines(pdf)]


@needs_libreoffice
def test_an_invoice_number_glued_to_its_punctuation_is_never_cut(tmp_path):
    """Untypeset, LibreOffice starts a line with the « ; » after the number (or, elsewhere,
    cuts « F2026- / 003 ; »); typeset, neither."""

    def faults(lines: list[str]) -> list[str]:
        cut = [a for a in lines if a.endswith("F2026-")]
        return cut + [line for line in lines if line[:1] in ";:!?"]

    (tmp_path / "brut").mkdir()
    raw = _glued_letters(tmp_path / "brut", typeset=False)
    assert any(line.startswith(";") for line in raw)  # what the test would catch
    (tmp_path / "typo").mkdir()
    typeset = _glued_letters(tmp_path / "typo", typeset=True)
    assert faults(typeset) == []
    assert sum(line.count("F2026-003") for line in typeset) == 48


@pytest.mark.parametrize(
    ("xml", "french", "expected"),
    [
        pytest.param("<w:t>Objet : x</w:t>", True, "<w:t>Objet\u202f: x</w:t>", id="colon"),
        pytest.param("<w:t>Total\u00a0: 3 ;</w:t>", True, "<w:t>Total\u202f: 3\u202f;</w:t>",
                     id="nbsp-and-semicolon"),
        pytest.param("<w:t>«oubli»</w:t>", True, "<w:t>«\u202foubli\u202f»</w:t>",
                     id="tight-guillemets"),
        pytest.param("<w:t>Objet </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>: x</w:t>", True,
                     "<w:t>Objet\u202f</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>: x</w:t>",
                     id="space-in-the-run-before"),
        pytest.param('<w:t xml:space="preserve">https://a.fr/?b=1 à 10:30</w:t>', True,
                     '<w:t xml:space="preserve">https://a.fr/?b=1 à 10:30</w:t>', id="url-time"),
        pytest.param("<w:t>F2026-014 ; F2026-014</w:t>", False,
                     "<w:t>F2026\u2011014 ; F2026\u2011014</w:t>", id="english-numbers-only"),
        pytest.param("<w:t>R&amp;D-1 :</w:t>", True, "<w:t>R&amp;D\u20111\u202f:</w:t>",
                     id="escaped-number"),
        pytest.param("<w:t>le 30 novembre 2026, 8 jours</w:t>", True,
                     "<w:t>le 30\u00a0novembre\u00a02026, 8\u00a0jours</w:t>",
                     id="day-month-year-and-days"),
        pytest.param("<w:t>du 1er décembre ; n° 12 ; 12,15 %</w:t>", True,
                     "<w:t>du 1er\u00a0décembre\u202f; n°\u00a012\u202f; 12,15\u00a0%</w:t>",
                     id="premier-numero-percent"),
        pytest.param("<w:t>by 7 December 2026, within 8 days</w:t>", False,
                     "<w:t>by 7\u00a0December\u00a02026, within 8\u00a0days</w:t>",
                     id="english-dates-and-days"),
        pytest.param("<w:t>pour mars, Client 12 mai, et jours</w:t>", True,
                     "<w:t>pour mars, Client 12\u00a0mai, et jours</w:t>",
                     id="words-alone-untouched"),
    ],
)  # fmt: skip
def test_the_typography_of_a_letters_xml(xml, french, expected):
    references = tuple(escape(r) for r in ("F2026-014", "R&D-1"))
    assert typeset_xml(xml, references, french) == expected


# -- room to sign, headings kept with what follows ----------------------------------------------


def _bbox_lines(pdf: Path) -> list[tuple[int, float, float, str]]:
    """Each line of a PDF: its page, top and bottom (points from the top), its text."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    lines = []
    for n, page in enumerate(html.split("<page ")[1:], start=1):
        for found in re.finditer(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                 r'yMax="([\d.]+)">(.*?)</line>', page, re.S):  # fmt: skip
            words = re.findall(r">([^<]*)</word>", found[3])
            lines.append((n, float(found[1]), float(found[2]), " ".join(words)))
    return lines


@needs_libreoffice
def test_there_is_room_to_sign_above_the_signatory(week_pdf):
    """At least 25 mm between the closing formula's last line and the signatory's name,
    on the same page (measured on LibreOffice's PDF)."""
    measured = 0
    for letter, pdf in _letters(week_pdf):
        lines = _bbox_lines(pdf)
        at = next(i for i, ln in enumerate(lines) if ln[3] == "Camille Exemple")
        closing = lines[at - 1]
        assert closing[3].endswith(("distinguées.", "regards,", "faithfully,", "sincerely,"))
        assert closing[0] == lines[at][0], letter.client  # same page
        gap_mm = (lines[at][1] - closing[2]) * 25.4 / 72
        assert 25 <= gap_mm <= 32, (letter.client, gap_mm)
        measured += 1
    assert measured > 10


@needs_libreoffice
def test_no_heading_is_left_alone_at_the_foot_of_a_page(week_pdf):
    for letter, pdf in _letters(week_pdf):
        pages: dict[int, list[str]] = {}
        for page, _top, _bottom, text in _bbox_lines(pdf):
            pages.setdefault(page, []).append(text)
        for page, texts in pages.items():
            body = [
                t for t in texts if not t.startswith(("Page ", "Atelier Exemple SARL –", "RCS "))
            ]
            assert not body[-1].endswith(":"), (letter.client, page, body[-1])


@pytest.fixture(scope="module")
def sample_letters(tmp_path_factory):
    """The sample's week run once (letters only, the workbook untouched): each client's letter."""
    folder = tmp_path_factory.mktemp("sample_letters")
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    ledger = _load_sample_builder().build(folder / "grand_livre_clients.xlsx")
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, write_workbook=False)
    return {x.client: x for x in result.letters}


def test_english_tables_give_reminder_dates_short(sample_letters):
    """« 22 November 2026 » broke inside its year in the « Reminded on » cell: a table's dates
    are short in English letters too, « 3 Nov 2026 » bound by no-break spaces (never
    03/11/2026, which an American reads 11 March: review-lawimg M1); sentences keep
    « 3 November 2026 »."""
    letter = sample_letters["Harbour & Sons Ltd"]
    doc = Document(str(letter.path))
    [history] = [t for t in doc.tables if t.rows[0].cells[-1].text == "Reminded on"][:1]
    cells = [row.cells[-1].text for row in history.rows[1:]]
    day = r"\d{1,2}\u00a0[A-Z][a-z]{2}\u00a0\d{4}"
    assert cells and all(re.fullmatch(rf"{day}( and {day})*", c) for c in cells), cells
    assert "3\u00a0November\u00a02026" in "\n".join(p.text for p in doc.paragraphs)


def test_a_disputed_invoice_is_marked_on_the_statement_of_account(sample_letters):
    """The notice's annex lists every open item of the account: a disputed invoice is in its
    balance, as in the books, but said disputed, never as if it were claimed."""
    letter = sample_letters["Menuiserie Roux"]
    doc = Document(str(letter.path))
    pieces = [
        row.cells[0].text
        for t in doc.tables
        for row in t.rows
        if t.rows[0].cells[0].text == "Pièce"
    ]
    assert "Facture contestée F2026\u2011018" in pieces, pieces
    assert not any(p.startswith("Facture contestée") for p in pieces if "018" not in p)
