"""Where LibreOffice breaks a letter's pages (the mailroom's review of issue 33): never a last
page holding only the closing and the signature (the sentence above goes with them; the ways
to pay may stay on the page before, session 10), « Référence à rappeler » never apart from
the ways to pay it belongs to, no heading at a page's foot, a part's request never alone at a
page's top nor its opening sentence apart from its table; 25 to 30 mm to sign, « Page N sur
T » on every page and « Client — Objet — page N/T » above page 2 and later. Letters of
every length are made, so that the foot of the page falls at every place of their end; each
is read back from LibreOffice's PDF, line by line with its position."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, _load_sample_builder, needs_libreoffice, write_ledger

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Objet", "Adresse", "Langue", "Niveau de relance",
           "Date de relance"]  # fmt: skip
WHERE = "3 impasse des Lilas\n69100 Villeurbanne"
OBJECTS = ["Audit", "Installation d'un poste de travail complet", "Maintenance"]


def _row(no, client, due, amount, lang="fr", level=None, date=None, paid=0.0, paid_on=None):
    return [no, client, due - dt.timedelta(days=30), due, amount, paid, paid_on,
            OBJECTS[len(no) % 3], WHERE, lang, level, date]  # fmt: skip


def _rows() -> list[list]:
    """Letters of growing length: a first reminder of k invoices (French, English); a second
    reminder with a first-reminder part of k invoices; a formal notice with a part at each
    lower stage; a thank-you listing k invoices paid."""
    rows = []
    for k in range(1, 25):
        rows += [_row(f"A{k}-{i}", f"Solo {k:02d}", D(2026, 10, 1 + i), 100.0 + i)
                 for i in range(k)]  # fmt: skip
        if k % 2 == 0:
            rows += [_row(f"E{k}-{i}", f"Solo {k:02d} Ltd", D(2026, 10, 1 + i), 90.0 + i, "en")
                     for i in range(k)]  # fmt: skip
    for k in range(1, 17):
        client = f"Duo {k:02d}"
        rows.append(_row(f"B{k}-0", client, D(2026, 9, 1), 1500.0, level="Relance 1",
                         date=D(2026, 10, 20)))  # fmt: skip
        rows += [_row(f"B{k}-{i}", client, D(2026, 11, 1 + i % 9), 200.0 + i)
                 for i in range(1, k + 1)]  # fmt: skip
    for k in range(1, 11):
        client = f"Trio {k:02d}"
        rows.append(_row(f"C{k}-0", client, D(2026, 8, 1), 3000.0, level="Relance 2",
                         date=D(2026, 10, 25)))  # fmt: skip
        rows += [_row(f"C{k}-{i}", client, D(2026, 9, 1 + i), 400.0 + i, level="Relance 1",
                      date=D(2026, 10, 20)) for i in range(1, 3)]  # fmt: skip
        rows += [_row(f"C{k}-{i}", client, D(2026, 11, 1 + i % 9), 300.0 + i)
                 for i in range(3, 3 + k)]  # fmt: skip
    for k in range(12, 34, 3):
        rows += [_row(f"M{k}-{i}", f"Merci {k:02d}", D(2026, 10, 1), 50.0 + i, level="Relance 1",
                      date=D(2026, 10, 20), paid=50.0 + i, paid_on=D(2026, 10, 5))
                 for i in range(k)]  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    """The letters of every length above and the sample's week, with their PDFs."""
    folder = tmp_path_factory.mktemp("sauts")
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    made = []
    ledgers = [
        write_ledger(folder / "longueurs.xlsx", _rows(), HEADERS),
        _load_sample_builder().build(folder / "grand_livre_clients.xlsx"),
    ]
    for n, ledger in enumerate(ledgers):
        result = relance_xlsx.run(ledger, settings, as_of=AS_OF, pdf=True, write_workbook=False,
                                  out_dir=folder / f"out{n}")  # fmt: skip
        assert result.to_complete == [], [(x.client, x.missing) for x in result.to_complete]
        for letter in result.letters:
            made.append((letter, Path(result.out_dir) / "pdf" / f"{Path(letter.path).stem}.pdf"))
    return made


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    bottom: float
    text: str


def _lines(pdf: Path) -> tuple[list[Line], int]:
    """The body's lines (not the footer's), with their page and position; the page count."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = xml.split("<page ")[1:]
    out = []
    for n, page in enumerate(pages, start=1):
        for found in re.finditer(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                 r'yMax="([\d.]+)">(.*?)</line>', page, re.S):  # fmt: skip
            text = html.unescape(" ".join(re.findall(r">([^<]*)</word>", found[3])))
            out.append(Line(n, float(found[1]), float(found[2]), text))
    return out, len(pages)


FOOTER = ("Atelier Exemple SARL –", "RCS Lyon", "Page ")
HEADER_END = tuple(f"— page {n}/{t}" for t in range(2, 9) for n in range(2, t + 1))
CLOSINGS = ("distinguées.", "faithfully,")
CONTACT = ("Pour toute question", "If you have any question")
REFERENCE = ("Référence à rappeler", "Reference to quote")
WAYS = ("Modalités de règlement", "How to pay")
REQUESTS = ("Nous vous remercions de bien vouloir nous régler", "Nous vous demandons de",
            "Please pay", "We would be grateful if you would pay")  # fmt: skip
OPENINGS = ("Par ailleurs", "In addition")
TABLE_HEADS = ("N° facture", "Invoice no.")


def _body(lines: list[Line]) -> list[Line]:
    return [
        ln for ln in lines if not ln.text.startswith(FOOTER) and not ln.text.endswith(HEADER_END)
    ]


def _check(letter, pdf: Path) -> list[str]:
    """What is wrong with the page breaks of one letter (empty: nothing)."""
    all_lines, count = _lines(pdf)
    lines = _body(all_lines)
    faults = []
    # « Page N sur T » on every page; from page 2 on, « Client — Objet — page N/T » above.
    of = "of" if letter.language == "en" else "sur"
    numbers = [ln.text for ln in all_lines if re.fullmatch(r"Page \d+ (sur|of) \d+", ln.text)]
    if numbers != [f"Page {n} {of} {count}" for n in range(1, count + 1)]:
        faults.append(f"page numbers {numbers} for {count} pages")
    heads = [(ln.page, ln.text) for ln in all_lines if ln.text.endswith(HEADER_END)]
    if [p for p, _ in heads] != list(range(2, count + 1)) or not all(
        text.startswith(f"{letter.client} — ") and text.endswith(f"— page {p}/{count}")
        for p, text in heads
    ):
        faults.append(f"continuation headers {heads} for {count} pages")
    closing = next(i for i, ln in enumerate(lines) if ln.text.endswith(CLOSINGS))
    page = lines[closing].page
    above = [ln for ln in lines[:closing] if ln.page == page]
    # The closing goes with the paragraph above it (« Pour toute question… »), no further: the
    # ways to pay may stay on the page before, which the letter fills (session 10).
    if not above:
        faults.append(f"page {page} holds only the closing and the signature")
    signatory = lines[closing + 1]
    gap = (signatory.top - lines[closing].bottom) * 25.4 / 72
    if signatory.page != page or not 25 <= gap <= 32:
        faults.append(f"room to sign: {gap:.1f} mm, pages {page} and {signatory.page}")
    reference = [ln for ln in lines if ln.text.startswith(REFERENCE)]
    ways = [ln for ln in lines if ln.text.startswith(WAYS)]
    if reference and (not ways or ways[-1].page != reference[0].page):
        faults.append(f"« {reference[0].text} » apart from the ways to pay")
    for i, ln in enumerate(lines):
        last = i + 1 == len(lines) or lines[i + 1].page != ln.page
        first = i == 0 or lines[i - 1].page != ln.page
        if last and ln.text.endswith(":"):
            faults.append(f"heading at the foot of page {ln.page}: {ln.text}")
        if first and ln.text.startswith((*REQUESTS, *REFERENCE)):
            faults.append(f"starts page {ln.page} alone: {ln.text}")
        if ln.text.startswith(OPENINGS):
            head = next((x for x in lines[i:] if x.text.startswith(TABLE_HEADS)), None)
            if head is not None and head.page != ln.page:
                faults.append(f"opening on page {ln.page}, its table on {head.page}: {ln.text}")
    return faults


@needs_libreoffice
def test_no_page_breaks_a_letter_where_a_reader_would_stumble(letters):
    kinds = {letter.kind for letter, _ in letters}
    assert {"relance_1", "relance_2", "mise_en_demeure", "remerciement"} <= kinds
    # The lengths do put the foot of a page at every place of the letters' ends.
    assert sum(1 for _, pdf in letters if _lines(pdf)[1] > 1) > 20
    faults = {letter.client: found for letter, pdf in letters if (found := _check(letter, pdf))}
    assert faults == {}
