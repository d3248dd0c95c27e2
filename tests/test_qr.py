"""The letters' payment reference (ISO 11649 RF) and EPC QR code: built and checked in the
bank domain, then read back from a letter printed to PDF by LibreOffice, and a transfer
carrying the reference matched to that letter's invoices."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, all_paragraphs, convert, needs_libreoffice, write_ledger
from docx import Document
from statements import Op, camt053

import relance_xlsx
from relance_xlsx.bank import (
    epc_payload,
    is_valid,
    letter_reference,
    make_reference,
    printed,
    qr_png,
    references_in,
)

D = dt.date
AS_OF = D(2026, 11, 22)
IBAN = "FR76 3000 6000 0112 3456 7890 189"
ZBARIMG = shutil.which("zbarimg")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("539007547034", "RF18539007547034", id="iso-11649-example"),
        pytest.param("0000000000000000000001", None, id="too-long"),
        pytest.param("a1b2", "RF45A1B2", id="letters-folded"),  # 98 - 1011112271500 % 97
    ],
)
def test_make_reference(body, expected):
    if expected is None:
        with pytest.raises(ValueError):
            make_reference(body)
    else:
        assert make_reference(body) == expected
        assert is_valid(expected)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        pytest.param("RF18539007547034", True, id="compact"),
        pytest.param("RF18 5390 0754 7034", True, id="grouped"),
        pytest.param("rf18 5390 0754 7034", True, id="lower-case"),
        pytest.param("RF19539007547034", False, id="wrong-check"),
        pytest.param("RF18539007547035", False, id="typo-in-body"),
        pytest.param("RF1", False, id="truncated"),
    ],
)
def test_is_valid(text, valid):
    assert is_valid(text) is valid


def test_letter_reference_is_deterministic_and_says_the_letter():
    one = letter_reference("Boulangerie Petit", AS_OF, ["M105", "M106"])
    assert one == letter_reference("BOULANGERIE  PETIT", AS_OF, ["M106", "M105"])
    assert is_valid(one) and len(one) <= 25 and one[4:10] == "261122"
    assert one != letter_reference("Boulangerie Petit", AS_OF, ["M105"])
    assert one != letter_reference("Boulangerie Petit", D(2026, 11, 29), ["M105", "M106"])


@pytest.mark.parametrize(
    "label",
    [
        "VIR SEPA PETIT {p}",
        "/ROC/{c}/",
        "REF:{c} MERCI",
        "paiement {lower}",
    ],
    ids=["grouped", "slashes", "glued-colon", "lower-case"],
)
def test_references_found_in_labels(label):
    ref = letter_reference("Boulangerie Petit", AS_OF, ["M105"])
    text = label.format(p=printed(ref), c=ref, lower=printed(ref).lower())
    assert references_in(text) == [ref]


def test_epc_payload_is_the_standard_text():
    ref = "RF18539007547034"
    payload = epc_payload("Atelier Martin SARL", IBAN, 1234.5, ref, "AGRIFRPP")
    assert payload.split("\n") == [
        "BCD", "002", "1", "SCT", "AGRIFRPP", "Atelier Martin SARL",
        "FR7630006000011234567890189", "EUR1234.50", "", ref,
    ]  # fmt: skip
    assert len(payload.encode("utf-8")) <= 331


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"iban": "FR76 3000 6000 0112 3456 7890 188"}, "clé fausse", id="bad-iban"),
        pytest.param({"iban": "pas un iban"}, "IBAN commence", id="not-iban"),
        pytest.param({"iban": "FR76 0000 0000 0000 0000 0000 000"}, "zéros", id="sample-zeros"),
        pytest.param({"bic": "AGRI"}, "BIC", id="bad-bic"),
        pytest.param({"amount": 0.0}, "montant", id="zero"),
        pytest.param({"amount": 1e12}, "montant", id="too-big"),
        pytest.param({"reference": "RF19539007547034"}, "référence", id="bad-reference"),
        pytest.param({"name": "  "}, "nom", id="no-name"),
    ],
)
def test_epc_payload_refuses_what_a_bank_would(kwargs, message):
    values = {"name": "Atelier", "iban": IBAN, "amount": 10.0, "reference": "RF18539007547034",
              "bic": ""}  # fmt: skip
    values.update(kwargs)
    with pytest.raises(ValueError, match=message):
        epc_payload(**values)


def test_long_names_are_cut_at_70():
    payload = epc_payload("É" * 90, IBAN, 10.0, "RF18539007547034")
    assert payload.split("\n")[5] == "É" * 70


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg is not installed")
def test_the_png_decodes_back_to_the_payload(tmp_path):
    payload = epc_payload("Café « Les Amis »", IBAN, 99.99, "RF18539007547034", "AGRIFRPP")
    image = tmp_path / "qr.png"
    image.write_bytes(qr_png(payload))
    assert _decode(image) == [payload]


def _decode(image) -> list[str]:
    done = subprocess.run(
        [ZBARIMG, "-q", "--raw", "-Sbinary", str(image)], capture_output=True, timeout=60
    )
    text = done.stdout.decode("utf-8")
    return [text.rstrip("\n")] if text.strip() else []


# -- the letter, printed ------------------------------------------------------------------

HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Adresse"]  # fmt: skip
ROWS = [
    ["M105", "Boulangerie Petit", D(2026, 9, 1), D(2026, 10, 1), 1234.56, 0, "1 rue A\n69002 Lyon"],
    ["M106", "Boulangerie Petit", D(2026, 9, 5), D(2026, 10, 5), 480.0, 0, "1 rue A\n69002 Lyon"],
]  # fmt: skip


def _office(tmp_path, qr: bool = True, iban: str = IBAN):
    ledger = write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)
    text = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    text = text.replace('iban = "FR76 0000 0000 0000 0000 0000 000"', f'iban = "{iban}"')
    text = text.replace('bic = "EXEMFRPPXXX"', 'bic = "AGRIFRPP"')
    if not qr:
        text += "\n[letters]\nqr_code = false\n"
    (tmp_path / "relance.toml").write_text(text, encoding="utf-8")
    return ledger, relance_xlsx.load_settings(tmp_path / "relance.toml")


def _pictures(docx) -> list[str]:
    with zipfile.ZipFile(docx) as zf:
        return [n for n in zf.namelist() if n.startswith("word/media/qr-")]


@needs_libreoffice
@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg is not installed")
def test_the_printed_letter_pays_its_invoices_by_its_reference(tmp_path):
    ledger, settings = _office(tmp_path)
    run = relance_xlsx.run(ledger, settings, as_of=AS_OF)
    (letter,) = run.letters
    pdf = convert(Path(letter.path), "pdf", tmp_path / "pdf")
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)  # fmt: skip
    found = [p for image in sorted(tmp_path.glob("page*.png")) for p in _decode(image)]
    assert len(found) == 1, found
    lines = found[0].split("\n")
    assert lines[:4] == ["BCD", "002", "1", "SCT"]
    assert lines[6] == "FR7630006000011234567890189"
    assert lines[7] == f"EUR{letter.total_due:.2f}"
    reference = lines[9]
    assert is_valid(reference)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    shown = text.replace("\u00a0", " ").replace("\u202f", " ")  # the letter is typeset
    assert f"Référence à rappeler : {printed(reference)}" in shown
    # The journal says which invoices the reference covers.
    journal = openpyxl.load_workbook(ledger)["Journal des relances"]
    assert {r[9].value for r in journal.iter_rows(min_row=2)} == {reference}
    # The bundle carries the code too.
    assert _pictures(run.bundle)
    # A transfer with that reference alone, from a payer the ledger does not know.
    statement = camt053(
        tmp_path / "camt.xml",
        [Op(D(2026, 11, 25), letter.total_due, "SCI DES TILLEULS", reference, "T1")],
        structured=True,
    )
    matched = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 26))
    (proposal,) = matched.proposals
    assert proposal.status == "sure" and proposal.rule == "reference"
    assert proposal.confidence == 1.0
    assert [a.invoice for a in proposal.allocations] == ["M105", "M106"]
    assert proposal.surplus == pytest.approx(letter.total_due - 1714.56)


@pytest.mark.parametrize(
    ("qr", "iban", "pictures"),
    [
        pytest.param(True, IBAN, 1, id="on"),
        pytest.param(False, IBAN, 0, id="off-in-letters"),
        pytest.param(True, "FR76 0000 0000 0000 0000 0000 000", 0, id="invalid-iban"),
    ],
)
def test_no_code_when_off_or_without_a_valid_iban(tmp_path, qr, iban, pictures):
    ledger, settings = _office(tmp_path, qr, iban)
    run = relance_xlsx.run(ledger, settings, as_of=AS_OF, write_workbook=False)
    (letter,) = run.letters
    assert len(_pictures(letter.path)) == pictures
    text = "\n".join(p.text for p in all_paragraphs(Document(letter.path)))
    # The reference is printed either way (typeset: a narrow no-break space before « : »).
    assert "Référence à rappeler\u202f: RF" in text


# -- the code never starts a page alone ----------------------------------------------------


def _long_office(tmp_path, invoices: int):
    """A second reminder for one client, its interest broken down invoice by invoice: the
    longer the list, the lower the ways to pay fall on the page."""
    headers = [*HEADERS, "Niveau de relance", "Date de relance"]
    rows = [
        [f"M{200 + n}", "Boulangerie Petit", D(2026, 6, 1 + n), D(2026, 7, 1 + n), 100.0 + n,
         0, "1 rue A\n69002 Lyon", "Relance 1", D(2026, 10, 1)]
        for n in range(invoices)
    ]  # fmt: skip
    _, settings = _office(tmp_path)
    return write_ledger(tmp_path / "factures.xlsx", rows, headers), settings


@pytest.mark.parametrize(
    "invoices", [1, 4, 12], ids=["one-invoice", "code-at-the-foot", "long-list"]
)
def test_the_code_stays_with_the_ways_to_pay(tmp_path, invoices):
    ledger, settings = _long_office(tmp_path, invoices)
    run = relance_xlsx.run(ledger, settings, as_of=AS_OF, write_workbook=False)
    (letter,) = run.letters
    # In the file: the heading of the ways to pay, and each paragraph down to the reference,
    # kept with the next one; the code floats on the right of the heading (review-clerk2: under
    # the list it sent a one-invoice reminder's signature to a page 2).
    paragraphs = all_paragraphs(Document(letter.path))
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Modalités"))
    code = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Référence à rappeler"))
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[start:code])
    assert paragraphs[start]._p.xpath(".//wp:anchor//pic:pic")
    assert "scannez le code ci-contre" in paragraphs[code].text
    if shutil.which("soffice") is None:
        return
    pdf = convert(Path(letter.path), "pdf", tmp_path / "pdf")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")  # fmt: skip
    with_code = [p for p in pages if "Référence à rappeler" in p]
    assert len(with_code) == 1
    assert "Modalités de règlement" in with_code[0]
    assert "par virement" in with_code[0]
