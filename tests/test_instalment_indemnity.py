"""The 40 € recovery indemnity is due once per invoice (D441-5), never once per instalment: an
invoice of 1 200 € in three instalments of 400 €, all late, claims 40 €, not 120 €
(review-lawimg H1: « 40,00 € par facture » above 120,00 €, the dossier « pour 3 factures »)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance",
           "Montant TTC", "Montant échéance", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "10 rue Garibaldi\n69006 Lyon"
B = "2 place Bellecour\n69002 Lyon"


def _instalments(number, client, address, dues, each, total):
    return [[number, client, "professionnel", address, D(2026, 8, 1), due, total, each,
             "Relance 2", D(2026, 11, 20)] for due in dues]  # fmt: skip


THREE = [D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1)]


@pytest.mark.parametrize(
    ("rows", "indemnities"),
    [
        # 400 × 12,15 % × (98 + 68 + 37) / 365, each rounded: 13,05 + 9,05 + 4,93 = 27,03 €.
        pytest.param(_instalments("E-01", "Dupont SARL", A, THREE, 400.0, 1200.0),
                     {"Dupont SARL": (40.0, 1267.03)}, id="three-instalments-one-indemnity"),
        pytest.param(_instalments("E-01", "Dupont SARL", A, THREE[:1], 400.0, 400.0)
                     + _instalments("E-02", "Dupont SARL", A, THREE[1:2], 400.0, 400.0),
                     {"Dupont SARL": (80.0, 800 + 13.05 + 9.05 + 80)}, id="two-invoices-two"),
    ],
)  # fmt: skip
def test_the_indemnity_is_claimed_once_per_invoice(tmp_path, rows, indemnities):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o",
        dry_run=True, invoices_as_json=False,
    )  # fmt: skip
    by_client: dict[str, float] = {}
    for inv in result.invoices:
        by_client[inv.client] = by_client.get(inv.client, 0.0) + inv.indemnity
    got = {x.client: (round(by_client[x.client], 2), round(x.total_due, 2)) for x in result.letters}
    assert got == {c: (i, round(t, 2)) for c, (i, t) in indemnities.items()}


def test_an_invoice_in_instalments_is_one_invoice_in_the_sentence(tmp_path):
    """« la facture n° E-01 ci-dessous demeure impayée », never « impayées » (review-lawimg L1)."""
    rows = _instalments("E-01", "Dupont SARL", A, THREE, 400.0, 1200.0)
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o", pdf=False
    )
    (letter,) = result.letters
    text = " ".join(p.text for p in Document(letter.path).paragraphs).replace("\xa0", " ")
    assert "ci-dessous demeure impayée." in text


def test_the_litigation_file_is_a4_numbered_and_names_each_letter_once(tmp_path):
    """The dossier for counsel (review-lawimg L6, L7): A4 with « Page 1 sur 2 » at the foot
    (python-docx's default was US Letter, unnumbered), no line starting with « : », and the
    chronology names the Relance 2 of an invoice in three instalments once, not three times."""
    import zipfile

    rows = _instalments("E-01", "Dupont SARL", A, THREE, 400.0, 1200.0)
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    (path,) = [
        p
        for p in relance_xlsx.dossier(
            ledger, "Dupont SARL", complete_settings(), as_of=D(2026, 12, 8),
            out_dir=tmp_path / "o", pdf=False,
        )
        if p.endswith(".docx")
    ]  # fmt: skip
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
        footer = b"".join(package.read(n) for n in package.namelist() if "footer" in n).decode()
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in xml
    assert "Page " in footer and "NUMPAGES" in footer
    paragraphs = [p.text for p in Document(path).paragraphs]
    assert sum("Relance 2 — facture" in t for t in paragraphs) == 1
    assert not any(" :" in t for t in paragraphs), [t for t in paragraphs if " :" in t]


def test_a_paid_instalment_is_no_paid_invoice(tmp_path):
    """T-01, 3 × 300 €, the first paid late on 20/09: the 40 € goes with the letter that claims
    the two others (650,68 €, the lawyer's figure: 600 + 6,89 + 3,79 + 40), and the letter never
    says « Nous avons bien reçu le règlement de la facture n° T-01 » (review-lawre HIGH-2)."""
    headers = [*HEADERS, "Montant réglé", "Date règlement"]
    rows = [
        [*r, paid, day]
        for r, paid, day in zip(
            _instalments("T-01", "Theta SARL", A, [D(2026, 8, 31), D(2026, 9, 30), D(2026, 10, 31)],
                         300.0, 900.0),
            [300.0, None, None], [D(2026, 9, 20), None, None], strict=True,
        )
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o", pdf=False
    )
    (letter,) = result.letters
    assert round(letter.total_due, 2) == 650.68
    text = " ".join(p.text for p in Document(letter.path).paragraphs).replace("\xa0", " ")
    assert "bien reçu le règlement" not in text


def test_a_declaration_lists_an_invoice_in_instalments_once(tmp_path):
    """« copies des factures S-01 », never « S-01, S-01, S-01, S-01 » (review-lawre L3)."""
    headers = [*HEADERS, "Procédure collective"]
    proc = "RJ, jugement du 16/11/2026, BODACC du 26/11/2026"
    dues = [D(2026, 9, 30), D(2026, 10, 31), D(2026, 11, 30), D(2026, 12, 31)]
    rows = [[*r, proc] for r in _instalments("S-01", "Sigma SARL", A, dues, 300.0, 1200.0)]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o", pdf=False
    )
    [path] = [p for p in (tmp_path / "o").rglob("*.docx") if "declaration" in p.name]
    text = " ".join(p.text for p in Document(path).paragraphs).replace("\u2011", "-")
    assert "copies des factures S-01 " in text + " " and "S-01, S-01" not in text
