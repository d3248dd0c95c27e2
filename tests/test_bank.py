"""Reading bank statements as banks write them: every CSV layout, OFX 1.02 and 2, CAMT.053."""

from __future__ import annotations

import datetime as dt

import pytest
from statements import CSV_LAYOUTS, FORMATS, SUFFIX, Op, camt053, ofx_sgml

from relance_xlsx.bank import read_statement
from relance_xlsx.errors import StatementError

D = dt.date
OPS = [
    Op(D(2026, 11, 18), 1234.56, "VIR SEPA BOULANGERIE PÉTIT", "FACT M 105 réglée", "TX001"),
    Op(D(2026, 11, 18), -50.0, "PRLV EDF", "ÉCHÉANCE NOVEMBRE", "TX002"),
    Op(D(2026, 11, 19), 12345.67, "VIR CAFÉ DE LA GARE", "F2026-014 ET F2026-016", "TX003"),
    Op(D(2026, 11, 19), 300.0, "VIR SEPA M DUPONT JEAN", "", "TX004"),
    Op(D(2026, 11, 20), -1234.0, "CHQ 0001234", "", "TX005"),
]


def _credits(statement):
    return [(e.date, e.amount) for e in statement.credits]


EXPECTED = [(D(2026, 11, 18), 1234.56), (D(2026, 11, 19), 12345.67), (D(2026, 11, 19), 300.0)]


@pytest.mark.parametrize("layout", list(CSV_LAYOUTS), ids=list(CSV_LAYOUTS))
def test_every_bank_csv_layout_reads_its_credits(tmp_path, layout):
    path = CSV_LAYOUTS[layout](tmp_path / f"{layout}.csv", OPS)
    statement = read_statement(path)
    assert statement.format == "csv"
    assert _credits(statement) == EXPECTED, statement.description
    assert statement.debits == 2  # read, and ignored by the matcher
    first = statement.credits[0]
    # The accents survive the bank's encoding (cp1252, latin-1, UTF-8 with BOM).
    assert "PÉTIT" in first.text.upper() or "PETIT" in first.text.upper()
    assert "M 105" in first.text
    if layout in ("shine", "qonto", "qonto-fr", "revolut-business"):
        assert first.bank_ref == "TX001"  # the bank's own id: recognised when imported again


def test_qonto_pending_operation_is_set_aside(tmp_path):
    statement = read_statement(CSV_LAYOUTS["qonto"](tmp_path / "q.csv", OPS))
    assert any("non comptabilisée" in s for s in statement.skipped)
    assert 99.0 not in [e.amount for e in statement.entries]


@pytest.mark.parametrize("fmt", list(FORMATS), ids=list(FORMATS))
def test_every_format_reads_the_same_operations(tmp_path, fmt):
    path = FORMATS[fmt](tmp_path / f"releve{SUFFIX.get(fmt, '.csv')}", OPS)
    statement = read_statement(path)
    assert statement.format == {"ofx-1.02-sgml": "ofx", "ofx-2-xml": "ofx"}.get(
        fmt, "csv" if fmt.startswith("csv") else fmt
    )
    assert _credits(statement) == EXPECTED
    assert [e.amount for e in statement.entries if e.amount < 0] == [-50.0, -1234.0]
    if fmt != "csv-cp1252":
        assert [e.bank_ref for e in statement.credits] == ["TX001", "TX003", "TX004"]
        assert "FACT M 105" in statement.credits[0].remittance
        assert statement.credits[0].payer.upper().startswith("VIR SEPA BOULANGERIE P")


def test_ofx_sgml_keeps_cp1252_accents(tmp_path):
    statement = read_statement(ofx_sgml(tmp_path / "a.ofx", OPS))
    assert statement.credits[0].payer == "VIR SEPA BOULANGERIE PÉTIT"
    assert statement.credits[0].remittance == "FACT M 105 réglée"


def test_camt_structured_reference_and_batch(tmp_path):
    ops = [Op(D(2026, 11, 18), 480.0, "Boulangerie Petit", "RF18539007547034", "A1")]
    statement = read_statement(camt053(tmp_path / "c.xml", ops, structured=True))
    entry = statement.credits[0]
    assert entry.payer == "Boulangerie Petit"
    assert entry.remittance == "RF18539007547034"
    assert entry.bank_ref == "A1"


def test_camt_batch_entry_gives_one_entry_per_transaction(tmp_path):
    path = camt053(tmp_path / "c.xml", [Op(D(2026, 11, 18), 700.0, "X", "", "B1")])
    text = path.read_text(encoding="utf-8")
    one = (
        '<TxDtls><Refs><AcctSvcrRef>B1-{n}</AcctSvcrRef></Refs><Amt Ccy="EUR">{a}</Amt>'
        "<RltdPties><Dbtr><Nm>{who}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>{memo}</Ustrd>"
        "</RmtInf></TxDtls>"
    )
    batch = one.format(n=1, a="500.00", who="Garage Bernard", memo="F2026-020") + one.format(
        n=2, a="200.00", who="Café de la Gare", memo="F2026-016"
    )
    start, end = text.index("<TxDtls>"), text.index("</NtryDtls>")
    path.write_text(text[:start] + batch + text[end:], encoding="utf-8")
    statement = read_statement(path)
    assert [(e.amount, e.payer, e.bank_ref) for e in statement.credits] == [
        (500.0, "Garage Bernard", "B1-1"),
        (200.0, "Café de la Gare", "B1-2"),
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><x>&b;</x>'
            b"</Document>",
            "DTD",
            id="camt-with-entities",
        ),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://example.invalid/x.dtd">'
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>',
            "",
            id="camt-external-dtd",
        ),
        pytest.param(b"PK\x03\x04rest", "classeur ou un PDF", id="xlsx-given"),
        pytest.param(b"", "vide", id="empty"),
        pytest.param(b"bonjour\nceci n'est pas un releve\n", "aucune ligne d'en-tête", id="text"),
        pytest.param(b"OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BROKEN", "OFX", id="ofx-cut"),
    ],
)
def test_hostile_or_wrong_files_are_one_french_sentence(tmp_path, content, expected):
    path = tmp_path / "releve.dat"
    path.write_bytes(content)
    with pytest.raises(StatementError) as caught:
        read_statement(path)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_folder_or_a_device_is_no_statement(tmp_path):
    with pytest.raises(StatementError, match="fichier ordinaire"):
        read_statement(tmp_path)
    with pytest.raises(StatementError, match="introuvable"):
        read_statement(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("FACT M 105", ["M-105"], id="space"),
        pytest.param("M-105 ET M106", ["M-105", "M-106"], id="dash-and-glued"),
        pytest.param("FACTM105", ["M-105"], id="glued-to-keyword"),
        pytest.param("fact m0105", ["M-105"], id="zeros-and-case"),
        pytest.param("M1050", [], id="longer-number-is-not-it"),
        pytest.param("FACTURE 2026-014", ["2026-14"], id="prefix-left-out"),
        pytest.param("VIR 2026-014", [], id="prefix-left-out-needs-keyword"),
        pytest.param("fa2026 43 et 44", ["FA-2026-43", "FA-2026-44"], id="series"),
        pytest.param("FACT F2026-014, 015", ["F-2026-14", "F-2026-15"], id="series-comma"),
        pytest.param("VIR 18/11/2026 105", [], id="bare-short-number"),
        pytest.param("FACTURE 105", ["105"], id="bare-after-keyword"),
        pytest.param("REF 2026004512", [], id="inside-a-long-reference"),
        pytest.param("12345", ["12345"], id="long-bare-number"),
    ],
)
def test_invoice_numbers_as_payers_write_them(text, found):
    from relance_xlsx.bank import NumberIndex

    ledger = ["M105", "M106", "F2026-014", "F2026-015", "FA-2026-0043", "FA-2026-0044",
              "12345", "105", "FA-2026-0045"]  # fmt: skip
    assert NumberIndex(ledger).found_in(text) == found
