"""What a letter's part says of the payments received on its invoices still owed: « Nous
avons bien reçu, en règlement partiel, … », and the words that say what is left unpaid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd

from ..ledger import KIND_CLAIM
from ..wording import LIST_LIMIT, date_short, day_long, invoices_phrase, join_list
from .withheld import withheld_notes


def partly_paid_rows(kind: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The invoices of a part still owed after a payment (a claim's are paid in full)."""
    if kind == KIND_CLAIM:
        return []
    return [r for r in rows if received(r) > 0.005 and r["outstanding"] > 0.005]


def received(row: dict[str, Any]) -> float:
    """What was received on an invoice: its paid amount but a credit note applied to it, and
    the gap a net to pay leaves with no payment recorded (« netted »: never said received)."""
    return float(row["paid"]) - float(row.get("applied") or 0.0) - float(row.get("netted") or 0)


def partly_paid_words(
    kind: str,
    rows: list[dict[str, Any]],
    lang: str,
    money: Callable[[float], str],
    as_of: dt.date,
) -> dict[str, Any]:
    """What was received on the part's invoices still owed: « 2 000,00 € sur la facture
    n° FH-110 (dernier règlement le 5 novembre 2026) », said before the table that deducts
    it; and what of the amounts is neither received nor claimed (withheld.py)."""
    withheld = withheld_notes(kind, rows, lang, money)
    paid = partly_paid_rows(kind, rows)
    total = round(float(sum(received(r) for r in paid)), 2)
    # What is left unpaid, said truly when part of it was paid (« partly unpaid »); counted
    # by invoice: an invoice in instalments is one row per instalment, yet one invoice.
    invoices = {str(r["invoice"] or "–") for r in rows}
    whole = not paid or {str(r["invoice"] or "–") for r in paid} == invoices
    unpaid = "unpaid" if not paid else "partly unpaid"
    unpaid = unpaid if whole else "unpaid in whole or in part"
    # The same in French, agreed with the part's invoices (« restent impayées »).
    s = "s" if len(invoices) > 1 else ""
    impayee = f"impayée{s}" if not paid else f"partiellement impayée{s}"
    impayee = impayee if whole else f"impayée{s} en tout ou partie"
    if len(paid) > LIST_LIMIT:
        on = f"sur {len(paid)} factures" if lang == "fr" else f"on {len(paid)} invoices"
        return {
            "partly_paid": f"{money(total)} {on}",
            "partly_paid_total": total,
            "unpaid": unpaid,
            "impayee": impayee,
            "withheld_notes": withheld,
        }
    fr = lang == "fr"
    said = []
    for r in paid:
        on = ("sur " if fr else "on ") + invoices_phrase([str(r["invoice"] or "–")], lang)
        day = r.get("payment_date")
        when = ""
        # A payment dated after the letter (typed ahead, or a typo) is not cited: the letter
        # cannot say it was received on a day still to come.
        if isinstance(day, pd.Timestamp) and pd.notna(day) and day.date() <= as_of:
            text = day_long(day.date(), lang)  # a sentence: « le 21 septembre 2026 »
            when = f" (dernier règlement le {text})" if fr else f" (last payment on {text})"
        when = imputed_words(r.get("imputed"), lang, money) or when
        said.append(f"{money(received(r))} {on}{when}")
    return {
        "partly_paid": join_list(said, lang),
        "partly_paid_total": total,
        "unpaid": unpaid,
        "impayee": impayee,
        "withheld_notes": withheld,
    }


def imputed_words(imputed: Any, lang: str, money: Callable[[float], str]) -> str:
    """The payments received and not applied that the law imputed on an invoice (Code civil
    1342-10): « (règlement de 250,00 € du 20/09/2026, imputé sur cette facture …) »."""
    if not imputed:
        return ""
    fr, said = lang == "fr", []
    for _number, day, used, whole in imputed:
        on = date_short(day.date(), lang) if isinstance(day, pd.Timestamp) else "–"
        if fr:
            of = "imputé" if abs(used - whole) < 0.005 else f"dont {money(used)} imputés"
            said.append(f"règlement de {money(whole)} du {on}, {of} sur cette facture")
        else:
            of = "applied" if abs(used - whole) < 0.005 else f"{money(used)} of it applied"
            said.append(f"payment of {money(whole)} dated {on}, {of} to this invoice")
    law = "Code civil, article 1342-10" if fr else "French Civil Code, article 1342-10"
    return f" ({' ; '.join(said) if fr else '; '.join(said)} : {law})".replace(
        " : French", ": French"
    )


__all__ = ["imputed_words", "partly_paid_rows", "partly_paid_words", "received"]
