"""Export layouts' columns (review-pubwb8): a [columns] value names its header outright, the
human column beside a column of keys, prefixed address and client headers, ISO date-times."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import AS_OF, complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
CLIENTS = [("SARL Alpha", 1200.0), ("SAS Beta", 850.0), ("EURL Gamma", 430.0)]
ADDRESS = "1 rue A\n75001 Paris"


def _pair(first, second):
    """Two invoice-number headers of the same folded form; « Invoice ID » holds Zoho's keys."""
    headers = [first, second, "Client", "Date", "Due Date", "Total", "Adresse"]
    rows = []
    for i, (client, amount) in enumerate(CLIENTS):
        cells = [
            9001 + i if h == "Invoice ID" else f"{h[:3].upper()}-{101 + i}" for h in (first, second)
        ]
        rows.append((*cells, client, D(2026, 9, 1), D(2026, 10, 1), amount, ADDRESS))
    return headers, rows


# H1 — `invoice = "…"` names its header outright, whatever header of the same folded form
# stands left of it; typed with other case or spaces it still wins.
_NAMED = [
    ("Invoice Number", "Invoice ID", "Invoice ID", "Invoice ID"),
    ("Invoice ID", "Invoice Number", "Invoice Number", "Invoice Number"),
    ("Invoice ID", "Invoice Number", "invoice  number ", "Invoice Number"),
    ("Invoice No", "Invoice Number", "Invoice Number", "Invoice Number"),
    ("Invoice Number", "Invoice No", "Invoice No", "Invoice No"),
]


@pytest.mark.parametrize(
    ("first", "second", "named", "read"),
    [pytest.param(*c, id=f"{c[0]}+{c[1]}->{c[2].strip()}") for c in _NAMED],
)
def test_a_named_invoice_header_wins_over_its_folded_twin(tmp_path, first, second, named, read):
    headers, rows = _pair(first, second)
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    ledger = read_ledger(path, Settings(columns={"invoice": named}), as_of=AS_OF)
    assert ledger.columns["invoice"] == read
    column = headers.index(read)
    assert ledger.frame["invoice"].tolist() == [str(r[column]) for r in rows]


def _text(path) -> str:
    doc = Document(str(path))
    cells = [" | ".join(c.text for c in r.cells) for t in doc.tables for r in t.rows]
    return "\n".join([p.text for p in doc.paragraphs] + cells).replace("\u2011", "-")


def test_the_letter_cites_the_named_invoice_number(tmp_path):
    headers, rows = _pair("Invoice ID", "Invoice Number")
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    settings = dataclasses.replace(complete_settings(), columns={"invoice": "Invoice Number"})
    result = relance_xlsx.run(path, settings, as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    assert {i for x in result.letters for i in x.invoices} == {"INV-101", "INV-102", "INV-103"}
    text = "\n".join(_text(x.path) for x in result.letters)
    assert "INV-101" in text and "9001" not in text


# H5 — beside a column of a system's keys, the human column is the client or the number.
_STRIPE = ["id", "Number", "Customer", "Customer Name", "Date", "Due Date", "Total", "Adresse"]
_ZOHO = ["Invoice ID", "Invoice Number", "Customer Name", "Invoice Date", "Due Date", "Total"]


def _stripe_rows():
    return [
        (f"in_1Q0{c}", f"A1B2C3D4-000{i}", f"cus_Q{i}", name, D(2026, 9, 1), D(2026, 10, 1), a)
        for i, (c, (name, a)) in enumerate(zip("abc", CLIENTS, strict=True), start=1)
    ]


_KEYS = [
    ("stripe", _STRIPE[:-1], _stripe_rows(), "Number", "Customer Name"),
    (
        "zoho",
        _ZOHO,
        [
            (9001 + i, f"INV-00010{i}", name, D(2026, 9, 1), D(2026, 10, 1), a)
            for i, (name, a) in enumerate(CLIENTS)
        ],
        "Invoice Number",
        "Customer Name",
    ),
    (
        "zoho-number-first",
        [_ZOHO[1], _ZOHO[0], *_ZOHO[2:]],
        [
            (f"INV-00010{i}", 9001 + i, name, D(2026, 9, 1), D(2026, 10, 1), a)
            for i, (name, a) in enumerate(CLIENTS)
        ],
        "Invoice Number",
        "Customer Name",
    ),
]


@pytest.mark.parametrize(
    ("headers", "rows", "invoice", "client"), [pytest.param(*c[1:], id=c[0]) for c in _KEYS]
)
def test_the_human_column_beats_a_column_of_keys(tmp_path, headers, rows, invoice, client):
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert (ledger.columns["invoice"], ledger.columns["client"]) == (invoice, client)
    assert ledger.frame["client"].tolist() == [c for c, _ in CLIENTS]


@pytest.mark.parametrize(
    ("header", "values"),
    [
        pytest.param("N° facture", [1001, 1002, 1003], id="bare-integers-alone"),
        pytest.param("Client", None, id="client-codes-without-names"),
    ],
)
def test_a_key_column_alone_is_still_read(tmp_path, header, values):
    headers = ["N° facture", "Client", "Date", "Échéance", "Montant TTC", "Référence"]
    rows = [
        (1001 + i, f"C{i:04d}", D(2026, 9, 1), D(2026, 10, 1), a, f"Commande {i}")
        for i, (_, a) in enumerate(CLIENTS)
    ]
    ledger = read_ledger(write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=AS_OF)
    assert ledger.columns[{"N° facture": "invoice", "Client": "client"}[header]] == header


def test_a_named_key_column_is_never_moved(tmp_path):
    path = write_ledger(tmp_path / "l.xlsx", _stripe_rows(), _STRIPE[:-1])
    settings = Settings(columns={"client": "Customer", "invoice": "id"})
    ledger = read_ledger(path, settings, as_of=AS_OF)
    assert (ledger.columns["invoice"], ledger.columns["client"]) == ("id", "Customer")
