"""What a letter says of the part of an invoice's amount it does not claim and no payment
explains (review pubwb4 M6): a retention (« Retenue de garantie ») withheld until its release,
and a net to pay (« Net à payer ») below the amount with no payment recorded. Said under the
part's totals, so the client never reads the gap as a payment received."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ledger import KIND_CLAIM
from ..wording import LIST_LIMIT, invoices_phrase

Money = Callable[[float], str]


def withheld_notes(kind: str, rows: list[dict[str, Any]], lang: str, money: Money) -> list[str]:
    """« Montant TTC de la facture n° F-100 : 1 200,00 €, dont 60,00 € de retenue de garantie,
    non exigible avant sa levée, non réclamés. », and what a net to pay leaves out."""
    if kind == KIND_CLAIM:
        return []
    owed = [r for r in rows if float(r["outstanding"]) > 0.005]
    kept = [r for r in owed if float(r.get("retention") or 0) > 0.005]
    netted = [r for r in owed if float(r.get("netted") or 0) > 0.005]
    return [*_retentions(kept, lang, money), *_nets(netted, lang, money)]


def _no(row: dict[str, Any]) -> str:
    return str(row["invoice"] or "–")


def _retentions(rows: list[dict[str, Any]], lang: str, money: Money) -> list[str]:
    fr = lang == "fr"
    if len(rows) > LIST_LIMIT:
        total = money(round(sum(float(r["retention"]) for r in rows), 2))
        if fr:
            return [
                f"Les montants TTC de ces {len(rows)} factures comprennent {total} de retenues "
                "de garantie, non exigibles avant leur levée, non réclamés."
            ]
        return [
            f"The amounts of these {len(rows)} invoices include {total} of retention money, "
            "not due before its release, not claimed."
        ]
    out = []
    for r in rows:
        on, amount, kept = _of(r, lang), money(float(r["amount"])), money(float(r["retention"]))
        if fr:
            out.append(
                f"Montant TTC {on} : {amount}, dont {kept} de retenue de garantie, non exigible "
                "avant sa levée, non réclamés."
            )
        else:
            out.append(
                f"Amount {on}: {amount}, of which {kept} of retention money, not due before "
                "its release, not claimed."
            )
    return out


def _nets(rows: list[dict[str, Any]], lang: str, money: Money) -> list[str]:
    fr = lang == "fr"
    if len(rows) > LIST_LIMIT:
        if fr:
            return [
                f"La somme réclamée pour ces {len(rows)} factures est leur net à payer, et non "
                "leur montant TTC."
            ]
        return [f"The sum claimed for these {len(rows)} invoices is their net amount payable."]
    out = []
    for r in rows:
        on, net, amount = _of(r, lang), money(float(r["outstanding"])), money(float(r["amount"]))
        if fr:
            out.append(
                f"La somme réclamée au titre {on} est son net à payer, {net}, et non son "
                f"montant TTC de {amount}."
            )
        else:
            on = on.replace("of ", "for ", 1)
            out.append(
                f"The sum claimed {on} is its net amount payable, {net}, not its amount of "
                f"{amount}."
            )
    return out


def _of(row: dict[str, Any], lang: str) -> str:
    """« de la facture n° F-100 », « of invoice F-100 »."""
    phrase = invoices_phrase([_no(row)], lang)
    return f"de {phrase}" if lang == "fr" else f"of {phrase}"


__all__ = ["withheld_notes"]
