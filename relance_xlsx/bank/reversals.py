"""Debits that take a customer's payment back: a rejected direct debit, a returned transfer,
a bounced cheque, a cancellation (« REJET PRLV », « IMPAYE », « RETOUR », CAMT RvslInd, a
negative credit). Never ignored: the credit of the same run they cancel is held, and each
one is left to the office, naming the invoice it takes back."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..wording import join_list, money
from .book import Book, cents
from .creditorref import references_in
from .records import ALREADY, FUTURE, RULE_NONE, RULE_NUMBER, TO_DECIDE, BankEntry, Proposal, fold
from .rules import payer_of

# What the label or the bank's type says (folded) of a payment taken back.
_WORDS = re.compile(
    r"\b(?:REJETE?S?|IMPAYES?|RETOURS?|RETOURNES?|ANNUL\w*|CONTRE.?PASS\w*|EXTOURNE\w*"
    r"|RVSL|REVERS\w*|RETURN\w*|CHARGEBACK|R.?TRANSACTION|RTRN?)\b"
)
REVERSAL_KIND = "RVSL"  # the kind a reader gives an entry its bank marks as a reversal


def is_reversal(entry: BankEntry) -> bool:
    """Whether the bank says the entry takes a payment back (its label or its type)."""
    return bool(_WORDS.search(fold(entry.text)) or _WORDS.search(fold(entry.kind)))


def reversals(
    entries: Iterable[BankEntry],
    credits: Sequence[BankEntry],
    proposals: Sequence[Proposal],
    book: Book,
    applied: frozenset[str] | set[str],
) -> tuple[list[Proposal], list[Proposal]]:
    """The credits' proposals, with those a later debit takes back held, and one proposal
    (to decide) per debit that takes a customer's payment back."""
    held = list(proposals)
    taken: list[Proposal] = []
    for debit in (e for e in entries if e.amount < 0):
        named = _named(debit, book)
        words = is_reversal(debit)
        marked = fold(debit.kind).startswith(REVERSAL_KIND)  # the bank says: taken back
        if not (named or words or marked):  # a plain debit (a bill paid): nothing to look at
            continue
        linked = [
            n for n, c in enumerate(credits) if _cancels(debit, c, held[n], named, words, book)
        ]
        journal = words and _in_journal(debit, applied)
        if not (named or linked or journal or marked):
            continue
        for n in linked:
            held[n] = _held(held[n], debit)
        taken.append(_taken(debit, named, [credits[n] for n in linked], journal))
    return held, taken


def reversal_warnings(proposals: Iterable[Proposal]) -> tuple[str, ...]:
    """One warning per debit that takes a payment back, naming its line."""
    return tuple(
        f"{_where(p.entry)} ({money(p.entry.amount)}, « {p.entry.label[:100]} ») : {p.reason}"
        for p in proposals
        if p.entry.amount < 0
    )


def _named(debit: BankEntry, book: Book) -> list[str]:
    """The invoice numbers the debit cites, by number or by a letter's RF reference."""
    positions, _ = book.cited(debit.text)
    numbers = [book.numbers[i] for i in positions]
    for ref in references_in(debit.text):
        letter = book.letters.get(ref)
        if letter is not None:
            numbers += list(letter.invoices)
    return list(dict.fromkeys(n for n in numbers if n))


def _cancels(
    debit: BankEntry,
    credit: BankEntry,
    proposal: Proposal,
    named: list[str],
    words: bool,
    book: Book,
) -> bool:
    """Whether the debit takes back this credit: it names an invoice the credit pays, or it
    says it is a reversal, of the same amount, from the same payer or with the same label."""
    if credit.date > debit.date or proposal.status in (ALREADY, FUTURE):
        return False
    paid = {a.invoice for a in proposal.allocations} | set(proposal.candidates)
    if paid & set(named):
        return True
    if not words or cents(credit.amount) != cents(-debit.amount):
        return False
    payer, label = fold(credit.payer), fold(credit.label)
    return bool(
        (payer and payer == fold(debit.payer))
        or (credit.remittance and fold(credit.remittance) == fold(debit.remittance))
        or (label and label in fold(debit.label))
        or (payer_of(credit, book)[0] or "\0") == payer_of(debit, book)[0]
    )


def _in_journal(debit: BankEntry, applied: Iterable[str]) -> bool:
    """Whether a credit of the same amount, on or before the debit's day, was applied."""
    amount = f"{-debit.amount:.2f}".replace(".", ",")
    for key in applied:
        parts = key.split(" ", 2)
        if len(parts) >= 2 and parts[1].replace(".", ",") == amount:
            day = parts[0].split("/")
            if len(day) == 3 and (day[2], day[1], day[0]) <= (
                f"{debit.date:%Y}", f"{debit.date:%m}", f"{debit.date:%d}",
            ):  # fmt: skip
                return True
    return False


def _where(entry: BankEntry) -> str:
    return f"{Path(entry.source).name}, ligne {entry.line}"


def _held(proposal: Proposal, debit: BankEntry) -> Proposal:
    """A credit a later debit takes back: nothing of it is applied, the office decides."""
    invoices = [a.invoice for a in proposal.allocations] or list(proposal.candidates)
    return replace(
        proposal,
        status=TO_DECIDE,
        confidence=0.0,
        reason=f"{proposal.reason} ; mais le débit du {debit.date:%d/%m/%Y} ({_where(debit)}, "
        f"{money(debit.amount)}) reprend ce règlement : rien n'est appliqué. À décider par vous.",
        allocations=(),
        candidates=tuple(dict.fromkeys(invoices)),
        surplus=0.0,
        penalties=(),
        reversed_on=debit.date,
    )


def _taken(debit: BankEntry, named: list[str], linked: list[BankEntry], journal: bool) -> Proposal:
    """A debit that takes back a customer's payment, said and left to the office."""
    said = "Débit qui reprend un règlement de client (rejet, retour ou annulation)"
    if named:
        said += f", facture(s) {join_list(named)}"
    if linked:
        credits = join_list([f"{c.date:%d/%m/%Y} ({_where(c)}, {money(c.amount)})" for c in linked])
        said += f" : il annule le crédit du {credits}, qui n'est pas appliqué"
    if journal or len(linked) == 0:
        who = join_list(named) if named else "la facture réglée par ce crédit"
        said += (
            f" ; si le règlement repris est déjà noté dans le classeur, remettez {who} "
            "en impayé (Montant réglé), sinon elle n'est plus relancée"
        )
    return Proposal(
        debit, TO_DECIDE, RULE_NUMBER if named else RULE_NONE, 0.0,
        f"{said}. À décider par vous.", candidates=tuple(named),
    )  # fmt: skip


__all__ = ["REVERSAL_KIND", "is_reversal", "reversal_warnings", "reversals"]
