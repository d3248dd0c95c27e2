"""OFX statements, 1.x SGML (Windows-1252 headers, unclosed elements) and 2.x XML.

ofxtools reads the header, the character set and the SGML or XML into a tree; the entries'
values are read here with the tolerance bank files need (comma decimals, names longer than
the specification's 32 characters, aggregates a bank leaves out), rather than through
ofxtools' validating model, which refuses a whole statement for one such deviation.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from pathlib import Path
from typing import Any

from ..errors import StatementError
from ..ledger import parse_amount
from .csvread import ranked
from .records import BankEntry, Statement

_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})")


def looks_like_ofx(data: bytes) -> bool:
    """An OFX file: its SGML header or its XML processing instruction."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    return head.startswith(b"OFXHEADER") or b"<?OFX" in head or head.startswith(b"<OFX>")


def read_ofx(path: Path, data: bytes) -> Statement:
    """The entries of an OFX statement (every account it holds)."""
    # Imported when an OFX file is read: ofxtools takes 0.6 s to import, every run would pay.
    from ofxtools.Parser import OFXTree

    tree = OFXTree()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree.parse(io.BytesIO(data))
    except Exception as exc:  # ofxtools raises its own types and ValueError for bad files
        # Its message is English and internal: the person is told what to do, in French.
        raise StatementError(
            f"{path.name} n'est pas un fichier OFX lisible (en-tête ou balises abîmés) ; "
            "téléchargez-le à nouveau depuis la banque, ou choisissez l'export CSV."
        ) from exc
    entries, skipped = [], []
    n = 0
    statements: list[Any] = tree.findall(".//STMTRS") + tree.findall(".//CCSTMTRS")
    for statement in statements or [tree]:
        account = (statement.findtext(".//ACCTID") or "").strip()
        for node in statement.findall(".//STMTTRN"):
            n += 1
            entry, why = _entry(path.name, n, node, account)
            if entry is not None:
                entries.append(entry)
            else:
                skipped.append(f"opération {n} : {why}")
    accounts = [a.findtext("ACCTID") or "" for a in tree.findall(".//BANKACCTFROM")]
    description = "compte " + ", ".join(a for a in accounts if a) if any(accounts) else ""
    return Statement(str(path), "ofx", tuple(ranked(entries)), tuple(skipped), description)


def _entry(source: str, n: int, node: Any, account: str) -> tuple[BankEntry | None, str]:
    day = _day(node.findtext("DTPOSTED") or node.findtext("DTUSER") or "")
    if day is None:
        return None, f"date illisible « {node.findtext('DTPOSTED') or ''} »"
    try:
        text = (node.findtext("TRNAMT") or "").strip()
        # OFX groups no thousands: its one mark is the decimal one (« 12.500 » is 12,5).
        amount = parse_amount(text, "," if "," in text else ".")
    except ValueError:
        amount = None
    if amount is None:
        return None, f"montant illisible « {node.findtext('TRNAMT') or ''} »"
    name = (node.findtext("NAME") or node.findtext(".//PAYEE/NAME") or "").strip()
    memo = (node.findtext("MEMO") or "").strip()
    return BankEntry(
        source=source,
        line=n,
        date=day,
        amount=round(float(amount.value), 2),
        label=" ".join(x for x in (name, memo) if x),
        payer=name,
        remittance=" ".join(x for x in (memo, (node.findtext("REFNUM") or "").strip()) if x),
        bank_ref=(node.findtext("FITID") or "").strip(),
        currency=(node.findtext("CURRENCY/CURSYM") or "EUR").strip() or "EUR",
        account=account,
        kind=(node.findtext("TRNTYPE") or "").strip(),
    ), ""


def _day(text: str) -> dt.date | None:
    """YYYYMMDD, with the time and zone OFX may add (20261118120000.000[+1:CET])."""
    m = _DAY.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


__all__ = ["looks_like_ofx", "read_ofx"]
