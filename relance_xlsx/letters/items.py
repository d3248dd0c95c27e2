"""The rows of a letter's tables, formatted: invoices, credit notes, the statement of account."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pandas as pd

from ..ledger import LITIGATION
from ..policy import DOUBTFUL_LABEL, doubtful
from ..wording import date_short, day_long, de


def statement(
    rows: list[dict[str, Any]], m: Callable[[float], str], lang: str, barred_out: bool = False
) -> dict[str, Any]:
    """The client's statement of account: open invoices and credits, payments, balance;
    barred_out: a time-barred open invoice is left out (its wording says « non prescrits »)."""
    items = [
        {
            "label": _statement_label(r, lang),
            "number": str(r["invoice"] or "–"),
            "date": day(r["invoice_date"], lang),
            # A credit note falls due on no day: « – », never its date plus the terms.
            "due": day(None if r["is_credit"] else r["due_date"], lang),
            # The due date as a sentence says it (« échue le 1er octobre 2026 »): the e-mails'.
            "due_long": long_day(None if r["is_credit"] else r["due_date"], lang),
            # « 1 200,00 €, dont retenue de garantie 60,00 € »: the line adds up (lawnew L1).
            "amount": m(r["amount"]) + _retained(r, m, lang),
            # A credit note's « Réglé » is what of it was imputed: −800, −600, −200 add up.
            "paid": m(r["amount"] - r["outstanding"] if r["is_credit"] else r["paid"]),
            "outstanding": m(r["outstanding"]),
        }
        for r in sorted(rows, key=lambda r: (_sort_day(r["due_date"]), str(r["invoice"])))
    ]
    # A payment said but not sure: listed, but no part of the balance (policy/doubtful.py).
    owed = [r for r in rows if not doubtful(r.get("hold_reason"))]
    return {
        "lines": items,
        "paid": m(sum(r["paid"] for r in rows)),
        "balance": m(sum(r["outstanding"] for r in owed)),
        "barred_out": barred_out,
    }


def statement_of(client: str, barred: bool) -> str:
    """« de Kappa SARL » after « factures et avoirs non soldés » in the statement's French
    heading; « et non prescrits de Kappa SARL » when a time-barred invoice is left out."""
    return f"et non prescrits {de(client)}" if barred else de(client)


def _retained(r: dict[str, Any], m: Callable[[float], str], lang: str) -> str:
    """The retention an invoice's amount holds, not due before its release and left out of
    its balance: said on its line, so that amount, paid and balance add up (lawnew L1)."""
    kept = float(r.get("retention") or 0.0)
    if kept <= 0.005 or r["is_credit"]:
        return ""
    return f", dont retenue de garantie {m(kept)}" if lang == "fr" else (
        f", including {m(kept)} of retention money"
    )  # fmt: skip


def _statement_label(r: dict[str, Any], lang: str) -> str:
    """What a line of the statement is: a credit note, an invoice, a disputed one (in the
    balance, as in the books, but not claimed) or one handed to litigation (claimed there)."""
    fr = lang == "fr"
    if r.get("on_account"):  # a payment received, not applied: no credit note
        return "Règlement reçu non imputé" if fr else "Payment received, not applied"
    if r["is_credit"]:
        return "Avoir" if fr else "Credit note"
    if r.get("hold") and doubtful(r.get("hold_reason")):  # never « contestée »: said paid
        return "Facture : " + DOUBTFUL_LABEL if fr else "Invoice: payment announced, being checked"
    if r.get("hold"):
        return "Facture contestée" if fr else "Disputed invoice"
    if max(int(r.get("level") or 0), int(r.get("stage") or 0)) >= LITIGATION:
        return "Facture transmise au contentieux" if fr else "Invoice in litigation"
    return "Facture" if fr else "Invoice"


def _sort_day(value: Any) -> pd.Timestamp:
    return value if isinstance(value, pd.Timestamp) else pd.Timestamp.max


def creditor_for(creditor: dict[str, Any], lang: str) -> dict[str, Any]:
    """The creditor as a letter in this language writes it (title, « à l'ordre d'… »)."""
    payee = creditor["cheque_payee"]
    if lang == "fr":
        return {**creditor, "cheque_payee_of": de(payee)}
    return {
        **creditor,
        "cheque_payee_of": payee,
        "signatory_title": creditor.get("signatory_title_en", ""),
        "phone": international_phone(creditor["phone"]),
        "contact_line": creditor["contact_line"]
        .replace("Tél.", "Tel.")
        .replace(creditor["phone"], international_phone(creditor["phone"])),
        "footer": creditor.get("footer_en", creditor["footer"]),
        "legal_line": creditor.get("legal_line_en", creditor["legal_line"]),
        "legal_who": creditor.get("legal_who_en", creditor.get("legal_who", "")),
        "legal_registry": creditor.get("legal_registry_en", creditor.get("legal_registry", "")),
    }


def international_phone(phone: str) -> str:
    """A French number as a reader abroad dials it (« 05 56 12 34 56 » → « +33 5 56 12 34
    56 »); any other number as typed."""
    digits = re.sub(r"[\s.\-\u00a0\u202f]", "", phone)
    if not re.fullmatch(r"0[1-9][0-9]{8}", digits):
        return phone
    return f"+33 {digits[1]} " + " ".join(digits[i : i + 2] for i in range(2, 10, 2))


def invoice_item(r: dict[str, Any], m: Callable[[float], str], lang: str) -> dict[str, Any]:
    """One invoice of the letter's table, formatted."""
    return {
        "number": str(r["invoice"] or "–"),
        "date": day(r["invoice_date"], lang),
        "object": str(r["object"]) if present(r["object"]) else "–",
        "amount": m(r["amount"]),
        "paid": m(r["paid"]),
        "due": day(r["due_date"], lang),
        # The due date as a sentence says it (« échue le 1er octobre 2026 »): the e-mails'.
        "due_long": long_day(r["due_date"], lang),
        "outstanding": m(r["outstanding"]),
        "days_late": int(r["days_late"]) if pd.notna(r["days_late"]) else 0,
        "interest": m(r["interest"]),
        "indemnity": m(r["indemnity"]),
        # Paid late: the day of payment and the days of delay the penalties ran for.
        "paid_on": day(r.get("payment_date"), lang),
        "days_late_paid": _days_between(r["due_date"], r.get("payment_date")),
    }


def _days_between(due: Any, paid_on: Any) -> int:
    if isinstance(due, pd.Timestamp) and isinstance(paid_on, pd.Timestamp):
        return max(int((paid_on - due).days), 0)
    return 0


def credit_item(r: dict[str, Any], m: Callable[[float], str], lang: str) -> dict[str, Any]:
    """One credit note the letter deducts, formatted: what is left of it (the rest of one
    larger than the invoice it names, review-lawhand 1), its whole amount said beside."""
    left, whole = float(r["outstanding"]), float(r["amount"])
    said = str(r["object"]) if present(r["object"]) else "–"
    if abs(left - whole) > 0.005 and abs(left) > 0.005:
        used = m(abs(whole - left))  # what of it went to the invoice it names, said (lawimg M2)
        rest = (
            f"reste de l'avoir de {m(-whole)} après imputation de {used}"
            if lang == "fr"
            else f"balance of a credit note of {m(-whole)} after applying {used}"
        )
        said = rest if said == "–" else f"{said} ({rest})"
    return {
        "number": str(r["invoice"] or "–"),
        "date": day(r["invoice_date"], lang),
        "object": said,
        "amount": m(left if abs(left) > 0.005 else whole),
    }


def received_item(r: dict[str, Any], m: Callable[[float], str], lang: str) -> dict[str, Any]:
    """One payment received and not applied, formatted: what of it no invoice took (positive;
    the rest is imputed by law on the client's invoices, ledger/imputation.py)."""
    return {**credit_item(r, m, lang), "amount": m(-float(r["outstanding"]))}


def present(value: Any) -> bool:
    # A cell read as NaN (pandas' missing value) is as empty as None or "".
    return bool(value) and not (isinstance(value, float) and value != value)


def day(value: Any, lang: str) -> str:
    if not isinstance(value, pd.Timestamp):
        return "–"
    return _day(value, lang) if value.tzinfo is None else date_short(value.date(), lang)


def long_day(value: Any, lang: str) -> str:
    """A ledger's date as running text says it (« 1er octobre 2026 »), « – » when missing."""
    if not isinstance(value, pd.Timestamp):
        return "–"
    return _long_day(value, lang) if value.tzinfo is None else day_long(value.date(), lang)


# A ledger has a few hundred distinct dates and a letter prints each invoice's three times
# (its table, its part, the statement): millions of calls at a million invoices, formatted
# once each. Only dates without a time zone: two equal instants in two zones are two days.
@lru_cache(maxsize=4096)
def _day(value: pd.Timestamp, lang: str) -> str:
    return date_short(value.date(), lang)


@lru_cache(maxsize=4096)
def _long_day(value: pd.Timestamp, lang: str) -> str:
    return day_long(value.date(), lang)


__all__ = [
    "credit_item",
    "creditor_for",
    "day",
    "invoice_item",
    "long_day",
    "present",
    "received_item",
    "statement",
]
