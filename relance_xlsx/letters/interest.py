"""The breakdown of a letter's interest: one line per period, the rates it names (CPC 1407)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from ..wording import date_short, join_list, money, percent


def interest_lines(
    rows: list[dict[str, Any]], m: Callable[[float], str], lang: str
) -> list[dict[str, Any]]:
    """Each period of each invoice: its invoice, dates, days, base, rate and interest."""
    return [
        {
            "number": str(r["invoice"] or "–"),
            "start": date_short(start, lang),
            "end": date_short(end, lang),
            "days": days,
            "base": m(base),
            "rate": percent(rate, lang),
            "interest": m(interest),
        }
        for r in rows
        for start, end, days, rate, base, interest in r["periods"]
    ]


def rates_named(rows: list[dict[str, Any]], fallback: float, lang: str) -> dict[str, str]:
    """The rates a letter's interest was computed at, as its sentences and its total name them.

    One rate: « au taux de 12,15 % l'an ». Several (a delay over several half-years, or
    invoices of different ages): the lowest and the highest, and the reader is sent to the
    breakdown, so the letter never names one rate beside an amount computed at five.
    """
    rates = sorted({p[3] for r in rows for p in r["periods"]}) or [fallback]
    low, high = percent(rates[0], lang), percent(rates[-1], lang)
    if len(rates) == 1:
        long = f"au taux de {low} l'an" if lang == "fr" else f"at {low} a year"
        return {"rates": long, "rates_short": low}
    if lang == "fr":
        long = f"aux taux de {low} à {high} l'an selon les périodes (détail ci-dessous)"
        return {"rates": long, "rates_short": f"{low} à {high}"}
    long = f"at rates of {low} to {high} a year depending on the period (detailed below)"
    return {"rates": long, "rates_short": f"{low} to {high}"}


def on_balance(rows: list[dict[str, Any]]) -> bool:
    """Whether some interest was computed on what remains of an invoice partly paid on an
    unknown date (the letter says so: « calculées sur le solde restant dû »); never for a
    net to pay with nothing received (« netted », review-lawnew M3)."""
    return any(
        float(r["paid"]) - float(r.get("netted") or 0.0) > 0.005
        and r["periods"]
        and r["outstanding"] < r["amount"]
        and all(p[4] == r["outstanding"] for p in r["periods"])
        for r in rows
    )


def credit_bases(rows: list[dict[str, Any]], credits: list[dict[str, Any]], lang: str) -> str:
    """What the interest detail says of a credit note that lowered an invoice's base (it does
    from the start of the delay: the credited part was never due): « Facture n° F101 : base
    des intérêts diminuée de l'avoir AV5. » ('' when none did)."""
    said = []
    for r in rows:
        number = str(r["invoice"] or "–")
        named = [str(c["invoice"] or "–") for c in credits if str(c["credit_for"]) == number]
        said += _compensated(r, lang)
        if not (r["periods"] and named and number != "–"):
            continue
        listed = join_list(named, lang)
        if lang == "fr":
            whose = f"de l'avoir {listed}" if len(named) == 1 else f"des avoirs {listed}"
            said.append(f"Facture n° {number} : base des intérêts diminuée {whose}.")
        else:
            whose = "credit note" if len(named) == 1 else "credit notes"
            said.append(f"Invoice {number}: interest base reduced by {whose} {listed}.")
    return " ".join(said)


def _compensated(row: dict[str, Any], lang: str) -> list[str]:
    """« Facture n° G2 : base des intérêts diminuée de 300,00 € le 10/09/2026, par
    compensation avec l'avoir AV1 (Code civil 1347). », per free credit note set against it."""
    if not row["periods"] or not row.get("compensations"):
        return []
    number = str(row["invoice"] or "–")
    out = []
    for day, amount, credit in row["compensations"]:
        when = date_short(pd.Timestamp(day).date(), lang)
        if lang == "fr":
            out.append(
                f"Facture n° {number} : base des intérêts diminuée de {money(amount)} le "
                f"{when}, par compensation avec l'avoir {credit} (Code civil 1347)."
            )
        else:
            out.append(
                f"Invoice {number}: interest base reduced by {money(amount, language=lang)} "
                f"on {when}, set off against credit note {credit} (French Civil Code, art. 1347)."
            )
    return out


__all__ = ["credit_bases", "interest_lines", "on_balance", "rates_named"]
