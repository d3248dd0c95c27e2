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


# M2 — prefixed address headers, export client, date and number headers are read.
_ADDRESSED = [
    pytest.param(
        ["Billing Address", "Billing Code", "Billing City", "Billing Country"],
        {"address": 0, "postcode": 1, "city": 2, "country": 3},
        id="zoho-billing",
    ),
    pytest.param(
        ["POAddressLine1", "POAddressLine2", "POPostalCode", "POCity", "POCountry"],
        {"street": 0, "complement": 1, "postcode": 2, "city": 3, "country": 4},
        id="xero-po",
    ),
]


@pytest.mark.parametrize(("headers", "expected"), _ADDRESSED)
def test_prefixed_address_headers_are_read(tmp_path, headers, expected):
    place = {
        "address": "12 rue des Lilas",
        "street": "12 rue des Lilas",
        "complement": "Bât. B",
        "postcode": "69003",
        "city": "Lyon",
        "country": "France",
    }
    fields = {j: f for f, j in expected.items()}
    values = [place[fields[j]] for j in range(len(headers))]
    base = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
    rows = [
        (f"F-{i}", name, D(2026, 9, 1), D(2026, 10, 1), a, *values)
        for i, (name, a) in enumerate(CLIENTS)
    ]
    path = write_ledger(tmp_path / "l.xlsx", rows, [*base, *headers])
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert {f: ledger.positions.get(f) for f in expected} == {
        f: j + len(base) for f, j in expected.items()
    }


_FIELD_HEADERS = [
    *[
        ("client", h)
        for h in (
            "Contact Name",
            "ContactName",
            "Partenaire",
            "Partenaire de la facture",
            "Nom du tiers",
            "Facturé à",
            "Billed To",
            "Intitulé compte",
        )
    ],
    *[
        ("invoice_date", h)
        for h in ("Date d'envoi", "Date de vente", "Invoice Issued", "Txn Date", "Date sent")
    ],
    *[("invoice", h) for h in ("Transaction#", "Voucher No")],
]
_BASE = {
    "invoice": "N° facture",
    "client": "Client",
    "invoice_date": "Date facture",
    "amount": "Montant TTC",
}


@pytest.mark.parametrize(
    ("field", "header"), [pytest.param(f, h, id=f"{f}:{h}") for f, h in _FIELD_HEADERS]
)
def test_export_headers_name_their_field(tmp_path, field, header):
    headers = [header if f == field else h for f, h in _BASE.items()]
    rows = [(f"F-{i}", name, D(2026, 9, 1), a) for i, (name, a) in enumerate(CLIENTS)]
    ledger = read_ledger(write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=AS_OF)
    assert ledger.columns.get(field) == header
    assert ledger.frame["client"].tolist() == [c for c, _ in CLIENTS]


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        pytest.param(["Contact", "Client"], "client", id="contact-beside-client"),
        pytest.param(["Contact Name", "Client"], "client", id="contact-name-beside-client"),
        pytest.param(["Contact", "Nom du contact"], "contact", id="contact-alone"),
    ],
)
def test_a_contact_stays_the_contact(headers, field):
    from relance_xlsx.ledger.columns import match_headers

    found = match_headers(["N° facture", *headers, "Montant TTC"])
    assert found.get("contact") == 1 and (field == "contact" or found["client"] == 2)
    assert field != "contact" or "client" not in found


# M2 — the table is read but its client or date column is missing: `check` gives the line.
_HINTED = [
    pytest.param("Contact", "client", 'client = "Contact"', id="client-contact"),
    pytest.param(
        "Date d'opération", "invoice_date", 'invoice_date = "Date d\'opération"', id="date"
    ),
    pytest.param("Pièce X", "invoice", 'invoice = "Pièce X"', id="number-as-before"),
]


@pytest.mark.parametrize(("header", "field", "line"), _HINTED)
def test_check_gives_the_columns_line_for_a_missing_field(tmp_path, header, field, line):
    headers = [header if f == field else h for f, h in _BASE.items()]
    rows = [(f"F-10{i}", name, D(2026, 9, 1), a) for i, (name, a) in enumerate(CLIENTS)]
    ledger = read_ledger(write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=AS_OF)
    said = [p.message for p in ledger.problems if p.message.startswith("aucune colonne")]
    assert len(said) == 1 and said[0].endswith(
        f"écrivez dans la section [columns] de relance.toml : {line}"
    )


def test_suggest_config_on_a_recognised_table_says_nothing_was_written(tmp_path):
    headers = [h if f != "client" else "Contact" for f, h in _BASE.items()]
    rows = [(f"F-10{i}", name, D(2026, 9, 1), a) for i, (name, a) in enumerate(CLIENTS)]
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = relance_xlsx.check(path, Settings(), as_of=AS_OF, suggest_config=True)
    assert result.config_written is None
    assert any("relance.toml n'a pas été modifié" in w for w in result.warnings)
    assert not (tmp_path / "relance.toml").exists()


# M3 — a mostly empty column is never suggested as the number, a town never as the client.
def test_a_guess_never_takes_an_empty_column_or_a_town(tmp_path):
    from relance_xlsx.ledger.unfit import suggest_columns

    headers = ["Qui", "POCity", "Reference", "Date", "Total"]
    towns = ["Lyon", "Lyon", "Nantes", "Lyon"]
    names = ["Boulangerie Martin", "Boulangerie Martin", "Garage Leroy", "Cabinet Aubert"]
    sample = [
        [n, t, "Commande 12" if i == 0 else None, D(2026, 9, 1 + i), 100.0 * (i + 1)]
        for i, (n, t) in enumerate(zip(names, towns, strict=True))
    ]
    guess, doubts, _ = suggest_columns(headers, sample, {})
    assert guess.get("client") != "POCity" and guess.get("invoice") != "Reference"
    assert any("« Reference »" in d and "vide sur 3 ligne(s) sur 4" in d for d in doubts)


@pytest.mark.parametrize(
    ("reference", "read"),
    [
        pytest.param([None, None, "Avoir"], "Numéro", id="reference-mostly-empty"),
        pytest.param(["R-1", "R-2", "R-3"], "Référence", id="reference-filled"),
    ],
)
def test_a_mostly_empty_reference_yields_to_the_number(tmp_path, reference, read):
    headers = ["Numéro", "Partenaire de la facture", "Date", "Total", "Référence"]
    rows = [
        (f"FAC/2026/0010{i}", name, D(2026, 9, 1), a, ref)
        for i, ((name, a), ref) in enumerate(zip(CLIENTS, reference, strict=True))
    ]
    ledger = read_ledger(write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=AS_OF)
    assert ledger.columns["invoice"] == read


# M5 — ISO date-times written as text are dates, the time dropped.
@pytest.mark.parametrize(
    "stamp",
    [
        pytest.param("{} 10:32:11", id="space"),
        pytest.param("{}T10:32:11Z", id="t-zulu"),
        pytest.param("{}T10:32:11.250+02:00", id="t-offset"),
        pytest.param("{} 10:32", id="minutes"),
    ],
)
def test_iso_date_times_in_text_are_dates(tmp_path, stamp):
    headers = ["Number", "Customer Name", "Date (UTC)", "Due Date (UTC)", "Total"]
    rows = [
        (f"A-{i}", name, stamp.format("2026-09-01"), stamp.format("2026-10-01"), a)
        for i, (name, a) in enumerate(CLIENTS)
    ]
    ledger = read_ledger(write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=AS_OF)
    assert ledger.columns["due_date"] == "Due Date (UTC)"
    assert ledger.columns["invoice_date"] == "Date (UTC)"
    assert {d.date() for d in ledger.frame["due_date"]} == {D(2026, 10, 1)}
    assert not [p for p in ledger.problems if "conditions de paiement" in p.message]


def test_an_invoice_number_empty_on_unissued_rows_stays_the_number(tmp_path):
    headers = ["N° facture", "Client", "Date", "Total", "Votre référence"]
    rows = [
        (number, name, D(2026, 9, 1), a, f"CDE-{i}")
        for i, ((name, a), number) in enumerate(zip(CLIENTS, ["F-1", None, None], strict=True))
    ]
    ledger = read_ledger(write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=AS_OF)
    assert ledger.columns["invoice"] == "N° facture"
