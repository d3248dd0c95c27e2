"""The sample's letters as LibreOffice prints them (session 10, review-lawletters 5 and
review-clerk2): the end of a letter is no unbreakable block, so page 1 is filled and a
one-invoice first reminder holds on one page (its payment QR code on the right of the ways to
pay, not under them); page 2 and later carry a continuation header
« Client — Objet — page N/M », every page « Page N sur M »; page 1 keeps no header above the
address block at the envelope's window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, _load_sample_builder, needs_libreoffice
from pypdf import PdfReader

import relance_xlsx

SUBJECTS = {"mise_en_demeure": "Mise en demeure de payer"}


def _week(folder: Path, iban: str = ""):
    """The sample's week, its letters and their PDFs (real LibreOffice); with a valid IBAN,
    each letter that asks for money carries its payment QR code (qr_code is on by default)."""
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    if iban:
        toml = toml.replace('iban = "FR76 0000 0000 0000 0000 0000 000"', f'iban = "{iban}"')
    (folder / "relance.toml").write_text(toml, encoding="utf-8")
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    assert settings.letters.qr_code
    ledger = _load_sample_builder().build(folder / "grand_livre_clients.xlsx")
    result = relance_xlsx.run(
        ledger, settings, as_of=AS_OF, pdf=True, write_workbook=False, out_dir=folder / "out"
    )
    pdfs = Path(result.out_dir) / "pdf"
    return [(x, pdfs / f"{Path(x.path).stem}.pdf") for x in result.letters]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return _week(tmp_path_factory.mktemp("pages"))


def _pages(pdf: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages]


@needs_libreoffice
def test_a_one_invoice_first_reminder_of_the_sample_holds_on_one_page(sample):
    ones = [(x, pdf) for x, pdf in sample if x.kind == "relance_1" and len(x.invoices) == 1]
    assert len(ones) >= 2, [(x.client, x.invoices) for x, _ in sample]
    for letter, pdf in ones:
        pages = _pages(pdf)
        assert len(pages) == 1, (letter.client, pages)
        assert "Page 1 sur 1" in pages[0] and "— page" not in pages[0], pages[0]


@needs_libreoffice
def test_with_its_qr_code_a_one_invoice_first_reminder_still_holds_on_one_page(tmp_path):
    """review-clerk2: the code under the ways to pay took 4 cm and sent the closing and the
    signature to a page 2; it stands on their right now."""
    week = _week(tmp_path, iban="FR76 3000 6000 0112 3456 7890 189")
    ones = [(x, pdf) for x, pdf in week if x.kind == "relance_1" and len(x.invoices) == 1]
    assert ones
    for letter, pdf in ones:
        reader = PdfReader(str(pdf))
        assert len(reader.pages) == 1, letter.client
        assert len(reader.pages[0].images) == 1, letter.client  # the code
        assert "scannez le code ci-contre" in _pages(pdf)[0]


@needs_libreoffice
def test_page_two_of_a_formal_notice_carries_the_continuation_header(sample):
    notices = [(x, pdf) for x, pdf in sample if x.kind == "mise_en_demeure"]
    assert notices
    for letter, pdf in notices:
        pages = _pages(pdf)
        count = len(pages)
        assert count >= 2, (letter.client, count)
        assert "— page" not in pages[0], pages[0]  # page 1: the window's address block only
        assert f"Page 1 sur {count}" in pages[0]
        for n, text in enumerate(pages[1:], start=2):
            head = f"{letter.client} — {SUBJECTS[letter.kind]} — page {n}/{count}"
            assert head in text, (n, text[:200])
            assert f"Page {n} sur {count}" in text
        # The closing and the signature on one page, with the sentence above them.
        signed = [t for t in pages if "Camille Exemple Gérante" in t]
        assert len(signed) == 1 and "salutations distinguées." in signed[0], pages
        assert re.search(r"(Pour toute question|Si vous avez réglé).*distinguées", signed[0])


@needs_libreoffice
def test_the_ways_to_pay_stay_on_the_page_before_when_they_fit_there(sample):
    """review-lawletters 5: the ways to pay, the closing and the signature moved to page 2 as
    one block and left page 1 a third empty; now the letter breaks between paragraphs
    (Traiteur Chevalier's two-part first reminder: the ways to pay on page 1)."""
    split = []
    for letter, pdf in sample:
        pages = _pages(pdf)
        ways = [n for n, t in enumerate(pages) if "Modalités de règlement" in t]
        signed = [n for n, t in enumerate(pages) if "Camille Exemple Gérante" in t]
        if ways and signed:
            assert ways[-1] <= signed[0], (letter.client, ways, signed)
            split += [letter.client] if ways[-1] < signed[0] else []
    assert "Traiteur Chevalier" in split, split
