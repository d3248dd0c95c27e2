"""Fifth attack, §2: two clients of one name and different client numbers are two clients:
two letters, each to its own address and e-mail, and a payment on account is imputed
(Code civil 1342-10) only on its own client's invoices."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from conftest import complete_settings
from openpyxl import Workbook

import relance_xlsx

D = dt.datetime
HEADERS = ["N° facture", "Type", "Date facture", "N° client", "Client", "Adresse", "E-mail", "Montant TTC", "Échéance", "Montant réglé"]  # fmt: skip
MARTIN_1 = ("F2026-101", "Facture", D(2026, 6, 1), "C001", "Jean Martin", "1 rue A\n69001 Lyon", "jm1@example.org", 1000.0, D(2026, 7, 1), 0)  # fmt: skip
MARTIN_2 = ("F2026-102", "Facture", D(2026, 8, 1), "C002", "Jean Martin", "9 rue B\n13001 Marseille", "jm2@example.org", 800.0, D(2026, 9, 1), 0)  # fmt: skip
RECEIVED_2 = ("RG-55", "Règlement", D(2026, 9, 5), "C002", "Jean Martin", "9 rue B\n13001 Marseille", "jm2@example.org", -300.0, None, 0)  # fmt: skip
BERNARD = ("F2026-103", "Facture", D(2026, 8, 3), "C003", "Garage Bernard", "2 rue C\n69002 Lyon", "gb@example.org", 500.0, D(2026, 9, 3), 0)  # fmt: skip
# The same number under another name: today's behaviour (two names, two clients), warned.
BERNARD_2 = ("F2026-104", "Facture", D(2026, 8, 4), "C003", "Garage Bernart", "2 rue C\n69002 Lyon", "gb@example.org", 200.0, D(2026, 9, 4), 0)  # fmt: skip


def _book(path: Path, rows) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _run(tmp_path: Path, rows) -> relance_xlsx.RunResult:
    path = _book(tmp_path / "gl.xlsx", rows)
    return relance_xlsx.run(
        path, complete_settings(), as_of=dt.date(2026, 12, 1), out_dir=tmp_path / "out",
        email=True,
    )  # fmt: skip


def _to(tmp_path: Path) -> list[str]:
    """The e-mails' recipients' addresses."""
    out = []
    for eml in sorted((tmp_path / "out").rglob("*.eml")):
        to = str(make_header(decode_header(message_from_bytes(eml.read_bytes())["To"])))
        out.append(to[to.index("<") + 1 : to.index(">")])
    return out


@pytest.mark.parametrize(
    ("rows", "martins"),
    [
        pytest.param([MARTIN_1, MARTIN_2, BERNARD], {"F2026-101": 1000.0, "F2026-102": 800.0}, id="two-letters"),
        # C002's 300 € on account pays C002's invoice only: 500 € left, C001 still 1 000 €.
        pytest.param([MARTIN_1, MARTIN_2, RECEIVED_2, BERNARD], {"F2026-101": 1000.0, "F2026-102": 500.0}, id="payment-on-its-own-client"),
    ],
)  # fmt: skip
def test_same_name_different_numbers_are_two_clients(tmp_path, rows, martins):
    result = _run(tmp_path, rows)
    letters = [x for x in result.letters if "Martin" in x.client]
    assert sorted(x.invoices for x in letters) == [["F2026-101"], ["F2026-102"]]
    assert len({x.client for x in letters}) == 2
    owed = {i.invoice: i.outstanding for i in result.invoices if i.invoice in martins}
    assert owed == martins
    assert {x.invoices[0]: x.total_due for x in letters} == martins
    assert sorted(_to(tmp_path)) == ["gb@example.org", "jm1@example.org", "jm2@example.org"]
    text = {x.invoices[0]: Path(x.path).read_bytes() for x in letters}
    assert all(len(t) > 0 for t in text.values())
    assert any("Clients homonymes" in w and "Jean Martin" in w for w in result.warnings)


def test_one_number_under_two_names_is_warned(tmp_path):
    result = _run(tmp_path, [MARTIN_1, BERNARD, BERNARD_2])
    assert any("« C003 » porte plusieurs noms" in w for w in result.warnings)
    assert sorted(x.client for x in result.letters) == ["Garage Bernard", "Garage Bernart", "Jean Martin"]  # fmt: skip


def test_a_homonym_s_address_names_the_client_and_its_reference_the_number(tmp_path):
    """review-late L1: « Jean Martin (client n° C001) » was printed in the address's name
    line (the name on the registered letter's receipt); the number goes in the reference."""
    from conftest import all_paragraphs
    from docx import Document

    result = _run(tmp_path, [MARTIN_1, MARTIN_2, BERNARD])
    for letter in (x for x in result.letters if "Martin" in x.client):
        lines = [p.text for p in all_paragraphs(Document(letter.path))]
        assert "Jean Martin" in lines  # the address block's name line, alone
        number = "C001" if letter.invoices == ["F2026-101"] else "C002"
        reference = next(t for t in lines if t.startswith("Réf."))
        reference = reference.replace("\u202f", " ").replace("\xa0", " ")  # typeset spaces
        assert reference.endswith(f" ; client n° {number}"), reference


def test_an_english_homonym_reference_is_in_english(tmp_path):
    """« Ref.: F2026-101; customer no. C001 », never « ; client n° » (review-lawimg L4)."""
    from dataclasses import replace

    from conftest import all_paragraphs
    from docx import Document

    base = complete_settings()
    settings = replace(base, letters=replace(base.letters, language="en"))
    path = _book(tmp_path / "gl.xlsx", [MARTIN_1, MARTIN_2])
    result = relance_xlsx.run(path, settings, as_of=dt.date(2026, 12, 1), out_dir=tmp_path / "o")
    for letter in result.letters:
        lines = [p.text.replace("\xa0", " ") for p in all_paragraphs(Document(letter.path))]
        reference = next(t for t in lines if t.startswith("Ref"))
        number = "C001" if letter.invoices == ["F2026-101"] else "C002"
        assert reference.endswith(f"; customer no. {number}") and " ; " not in reference
