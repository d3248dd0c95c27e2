"""The signatory's title under the name in English letters too (issue 33's mailroom review):
as [creditor] signatory_title_en says, else the usual English of the French title, else the
French title itself; the same in the e-mail's signature. Read on LibreOffice's PDFs."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import replace
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, needs_libreoffice, write_ledger

import relance_xlsx
from relance_xlsx.wording import english_title

D = dt.date


@pytest.mark.parametrize(
    ("french", "english"),
    [
        pytest.param("Gérante", "Managing Director", id="gerante"),
        pytest.param("gérant", "Managing Director", id="lower-case"),
        pytest.param("Co-gérante", "Joint Managing Director", id="co-gerante"),
        pytest.param("Cogérant", "Joint Managing Director", id="cogerant"),
        pytest.param("Présidente", "President", id="presidente"),
        pytest.param("Présidente-directrice générale", "Chair and Chief Executive Officer",
                     id="pdg-in-words"),
        pytest.param("PDG", "Chair and Chief Executive Officer", id="pdg"),
        pytest.param("Directrice générale déléguée", "Deputy Chief Executive Officer",
                     id="dg-deleguee"),
        pytest.param("Directrice administrative et financière", "Chief Financial Officer",
                     id="daf-in-words"),
        pytest.param("Associée gérante", "Managing Partner", id="associee-gerante"),
        pytest.param("Experte-comptable", "Chartered Accountant", id="experte-comptable"),
        pytest.param("Cheffe comptable", "Chief Accountant", id="cheffe"),
        pytest.param("Chargée de recouvrement", "Credit Controller", id="recouvrement"),
        pytest.param("Trésorière", "Treasurer", id="association"),
        pytest.param("Responsable de l'agence de Lyon", "Responsable de l'agence de Lyon",
                     id="unknown-kept"),
        pytest.param("Managing Director", "Managing Director", id="already-english"),
        pytest.param("  ", "", id="none"),
    ],
)  # fmt: skip
def test_the_usual_french_titles_in_english(french, english):
    assert english_title(french) == english


HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Adresse", "Langue", "E-mail"]  # fmt: skip
ROWS = [
    ["E-1", "Harbour Trading Ltd", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0,
     "10 Dock Street\nE1 8AA London\nRoyaume-Uni", "en", "accounts@harbour.example"],
    ["F-1", "Atelier Alpha", D(2026, 9, 1), D(2026, 10, 1), 800.0, 0,
     "3 impasse des Lilas\n69100 Villeurbanne", "fr", "compta@alpha.example"],
]  # fmt: skip


def _signature(pdf: Path) -> list[str]:
    """The two lines under the closing formula: the name and the title."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = lines.index("Camille Exemple")
    return lines[at : at + 2]


@needs_libreoffice
@pytest.mark.parametrize(
    ("title", "title_en", "english"),
    [
        pytest.param("Gérante", "", "Managing Director", id="translated"),
        pytest.param("Gérante", "Company Director", "Company Director", id="configured"),
        pytest.param("Responsable d'agence", "", "Responsable d'agence", id="french-kept"),
    ],
)
def test_the_english_letter_and_e_mail_name_the_signatory_s_title(
    tmp_path, title, title_en, english
):
    ledger = write_ledger(tmp_path / "ledger.xlsx", ROWS, HEADERS)
    settings = relance_xlsx.load_settings(ROOT / "sample_workbooks" / "relance.toml")
    creditor = replace(settings.creditor, signatory_title=title, signatory_title_en=title_en)
    settings = replace(settings, creditor=creditor)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, pdf=True, email=True,
                              write_workbook=False, out_dir=tmp_path / "out")  # fmt: skip
    for letter in result.letters:
        stem = Path(letter.path).stem
        expected = english if letter.client.startswith("Harbour") else title
        pdf = tmp_path / "out" / "pdf" / f"{stem}.pdf"
        assert _signature(pdf) == ["Camille Exemple", expected], letter.client
        message = BytesParser(policy=policy.default).parsebytes(
            (tmp_path / "out" / "emails" / f"{stem}.eml").read_bytes()
        )
        assert f"Camille Exemple, {expected}\n" in message.get_body(("plain",)).get_content()
