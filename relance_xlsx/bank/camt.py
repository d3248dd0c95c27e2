"""CAMT.053 (ISO 20022 bank-to-customer statement), every version from 001.02 on, parsed
safely: no DTD, no entity expanded, nothing fetched, no huge tree (the project's one
hardened parser)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import StatementError
from ..ooxml import SAFE_PARSER
from .csvread import ranked
from .records import BankEntry, Statement
from .reversals import REVERSAL_KIND

NS_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.05"


def looks_like_camt(data: bytes) -> bool:
    """An ISO 20022 camt.052/053/054 document."""
    return NS_PREFIX.encode() in data[:4096] or b"BkToCstmrStmt" in data[:4096]


def _all(node: Any, path: str) -> list[Any]:
    """Elements by local names ("Ntry/Amt"), whatever the version's namespace."""
    steps = "/".join(f"*[local-name()='{s}']" for s in path.split("/"))
    found: list[Any] = node.xpath(steps)
    return found


def _text(node: Any, *paths: str) -> str:
    """The text of the first of these paths that has one."""
    for path in paths:
        for found in _all(node, path):
            if found.text and found.text.strip():
                return str(found.text).strip()
    return ""


def read_camt(path: Path, data: bytes) -> Statement:
    """The entries of a CAMT.053 statement: a batch entry gives one entry per transaction."""
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        # lxml's message is English: the line is what the person can use.
        where = f" à la ligne {exc.lineno}" if exc.lineno else ""
        text = str(exc.msg or "")
        what = (
            "éléments imbriqués sur plus de 256 niveaux"
            if "depth" in text
            else "un texte de plus de 10 Mo"
            if "too long" in text or "Resource limit" in text or "huge" in text.lower()
            else "XML abîmé"
        )
        raise StatementError(
            f"{path.name} n'est pas un relevé CAMT lisible ({what}{where}) ; téléchargez-le "
            "à nouveau depuis la banque."
        ) from exc
    if root.getroottree().docinfo.internalDTD is not None or b"<!ENTITY" in data[:65536]:
        raise StatementError(
            f"{path.name} déclare une DTD ou des entités, ce qu'aucun relevé CAMT ne fait : "
            "il est refusé sans être lu."
        )
    entries: list[BankEntry] = []
    skipped: list[str] = []
    accounts = []
    for statement in _all(root, "BkToCstmrStmt/Stmt") + _all(root, "BkToCstmrAcctRpt/Rpt"):
        account = _text(statement, "Acct/Id/IBAN", "Acct/Id/Othr/Id")
        accounts.append(account)
        for entry in _all(statement, "Ntry"):
            n = len(entries) + len(skipped) + 1
            made, why = _entries(path.name, n, entry, account)
            entries += made
            if why:
                skipped.append(f"écriture {n} : {why}")
    if not entries and not skipped:
        raise StatementError(f"{path.name} : aucune écriture (Ntry) dans ce relevé CAMT.")
    description = "compte " + ", ".join(a for a in accounts if a) if any(accounts) else ""
    return Statement(str(path), "camt.053", tuple(ranked(entries)), tuple(skipped), description)


def _entries(source: str, n: int, entry: Any, account: str) -> tuple[list[BankEntry], str]:
    """One Ntry: its transactions (several in a batch), each with its own amount and debtor."""
    status = _text(entry, "Sts/Cd", "Sts")
    if status and status.upper() not in ("BOOK", "BOOKED"):
        return [], f"écriture non comptabilisée (statut {status})"
    day = _date(_text(entry, "BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm"))
    if day is None:
        return [], "date de comptabilisation absente"
    sign = -1.0 if _text(entry, "CdtDbtInd").upper() == "DBIT" else 1.0
    total = _amount(_text(entry, "Amt"))
    if total is None:
        return [], "montant illisible"
    entry_ref = _text(entry, "AcctSvcrRef", "NtryRef")
    details = _all(entry, "NtryDtls/TxDtls")
    amounts = [_amount(_text(tx, "Amt", "AmtDtls/TxAmt/Amt")) for tx in details]
    # A batch is split only when every transaction says its amount and they add up.
    split = len(details) > 1 and None not in amounts
    split = split and abs(sum(a or 0.0 for a in amounts) - total) < 0.005
    parts: list[tuple[Any, float]] = (
        [(tx, a or 0.0) for tx, a in zip(details, amounts, strict=True)]
        if split
        else [(details[0] if details else None, total)]
    )
    made = [
        replace(
            _one(source, n, day, sign * amount, entry, tx, entry_ref, i, split),
            account=account,
            kind=_kind(entry, tx),
        )
        for i, (tx, amount) in enumerate(parts, start=1)
    ]
    return made, ""


def _kind(entry: Any, tx: Any) -> str:
    """The transaction code, marked as a reversal when the bank says so (RvslInd, a return
    reason): a credit taken back, never a payment."""
    code = _code(tx if tx is not None else entry) or _code(entry)
    where = tx if tx is not None else entry
    back = _text(entry, "RvslInd").lower() in ("true", "1") or _text(where, "RtrInf/Rsn/Cd")
    return f"{REVERSAL_KIND} {code}".strip() if back else code


def _code(node: Any) -> str:
    """The bank transaction code (« PMNT-RCDT-ESCT »: a SEPA transfer received; « PMNT-MCRD »:
    card remittances), or the bank's own (proprietary) code."""
    codes = [_text(node, "BkTxCd/Domn/Cd"), _text(node, "BkTxCd/Domn/Fmly/Cd"),
             _text(node, "BkTxCd/Domn/Fmly/SubFmlyCd")]  # fmt: skip
    return "-".join(c for c in codes if c) or _text(node, "BkTxCd/Prtry/Cd")


def _one(
    source: str, n: int, day: dt.date, amount: float, entry: Any, tx: Any,
    entry_ref: str, i: int, split: bool,
) -> BankEntry:  # fmt: skip
    """One transaction of an entry as a bank entry."""
    where = tx if tx is not None else entry
    payer = _text(
        where, "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm", "RltdPties/UltmtDbtr/Nm",
        "RltdPties/UltmtDbtr/Pty/Nm",
    )  # fmt: skip
    unstructured = " ".join(u.text.strip() for u in _all(where, "RmtInf/Ustrd") if u.text)
    structured = " ".join(
        r.text.strip() for r in _all(where, "RmtInf/Strd/CdtrRefInf/Ref") if r.text
    )
    extra = _text(entry, "AddtlNtryInf")
    tx_ref = _text(where, "Refs/AcctSvcrRef") if tx is not None else ""
    reference = tx_ref or entry_ref
    if split and not tx_ref:
        reference = f"{entry_ref}/{i}" if entry_ref else ""
    remittance = " ".join(x for x in (unstructured, structured) if x)
    return BankEntry(
        source=source,
        line=n,
        date=day,
        amount=round(amount, 2),
        label=" ".join(x for x in (extra, payer or _payee(where, amount)) if x) or remittance,
        payer=payer,
        remittance=remittance,
        bank_ref=reference,
        currency=(_attr(entry, "Amt", "Ccy") or "EUR").upper(),
    )


def _payee(where: Any, amount: float) -> str:
    """A debit's other party (a payment taken back names the customer there)."""
    return _text(where, "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm") if amount < 0 else ""


def _attr(node: Any, path: str, name: str) -> str:
    found = _all(node, path)
    return str(found[0].get(name, "")) if found else ""


def _amount(text: str) -> float | None:
    """An amount, or None when unreadable: INF, NaN, 1E400 or a thousand billion and more
    are no bank amount (« montant illisible », as in CSV and OFX)."""
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    if value is None or not math.isfinite(value) or abs(value) >= 1e12:
        return None
    return round(value, 2)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


__all__ = ["looks_like_camt", "read_camt"]
