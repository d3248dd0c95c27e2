"""What a letter says of the part of an invoice's amount it does not claim and no payment
explains (review pubwb4 M6): a retention (« Retenue de garantie ») withheld until its release,
and a net to pay (« Net à payer ») below the amount with no payment recorded. Said under the
part's totals, so the client never reads the gap as a payment received."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
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
    return [*_said(_RETENTIONS, kept, lang, money), *_said(_NETS, netted, lang, money)]


def _no(row: dict[str, Any]) -> str:
    return str(row["invoice"] or "–")


@dataclass(frozen=True)
class _Sentences:
    """What a letter says of some invoices, by language (« fr », else English): one sentence
    for many (past LIST_LIMIT: their count, the sum of their « summed » field), or one per
    invoice (its number, amount, retention, net)."""

    many: Mapping[str, str]
    each: Mapping[str, str]
    summed: str


_RETENTIONS = _Sentences(
    many={
        "fr": "Les montants TTC de ces {n} factures comprennent {total} de retenues de garantie, "
        "non exigibles avant leur levée, non réclamés.",
        "en": "The amounts of these {n} invoices include {total} of retention money, not due "
        "before its release, not claimed.",
    },
    each={
        "fr": "Montant TTC {of} : {amount}, dont {kept} de retenue de garantie, non exigible "
        "avant sa levée, non réclamés.",
        "en": "Amount {of}: {amount}, of which {kept} of retention money, not due before its "
        "release, not claimed.",
    },
    summed="retention",
)
_NETS = _Sentences(
    many={
        "fr": "La somme réclamée pour ces {n} factures est leur net à payer, et non leur montant "
        "TTC.",
        "en": "The sum claimed for these {n} invoices is their net amount payable.",
    },
    each={
        "fr": "La somme réclamée au titre {of} est son net à payer, {net}, et non son montant TTC "
        "de {amount}.",
        "en": "The sum claimed {for_} is its net amount payable, {net}, not its amount of "
        "{amount}.",
    },
    summed="outstanding",
)


def _said(said: _Sentences, rows: list[dict[str, Any]], lang: str, money: Money) -> list[str]:
    """The sentences of some invoices: one for them all past LIST_LIMIT, else one each."""
    language = "fr" if lang == "fr" else "en"
    if len(rows) > LIST_LIMIT:
        total = money(round(sum(float(r[said.summed] or 0) for r in rows), 2))
        return [said.many[language].format(n=len(rows), total=total)]
    out = []
    for r in rows:
        of = _of(r, lang)
        out.append(
            said.each[language].format(
                of=of,
                for_=of.replace("of ", "for ", 1),
                amount=money(float(r["amount"])),
                kept=money(float(r.get("retention") or 0)),
                net=money(float(r["outstanding"])),
            )
        )
    return out


def _of(row: dict[str, Any], lang: str) -> str:
    """« de la facture n° F-100 », « of invoice F-100 »."""
    phrase = invoices_phrase([_no(row)], lang)
    return f"de {phrase}" if lang == "fr" else f"of {phrase}"


__all__ = ["withheld_notes"]
