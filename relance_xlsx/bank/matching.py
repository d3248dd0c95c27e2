"""Each credit of the statements matched to the invoices it pays, strongest evidence first:
the letter's RF reference, then invoice numbers in the label, then the amount of the payer's
open invoices. A credit that fits several invoices, or no client, is left to the office; a
card remittance is counted apart; a credit dated after the day of the matching waits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..wording import join_list, money
from .book import Book, allocate, cents
from .kinds import SAID, other_kind
from .records import (
    ALREADY,
    FUTURE,
    OTHER,
    RULE_NONE,
    RULE_NUMBER,
    SURE,
    TO_DECIDE,
    BankEntry,
    Proposal,
)
from .reference import by_reference, paid_phrase
from .reversals import reversals
from .rules import by_amount, payer_of

# The credits the journal says were applied: (bank date, cents) -> (invoice, client, import day).
Imported = dict[tuple[str, int], list[tuple[str, str, dt.date]]]
# How sure each kind of evidence is (0 to 1): shown, and sorted on, never a threshold.
CONFIDENCE = {"reference": 1.0, "number": 0.95, "number_partial": 0.9}


def distinct(
    entries: Iterable[BankEntry],
) -> tuple[list[BankEntry], list[tuple[BankEntry, BankEntry]]]:
    """The entries once each, and the duplicates set aside with the entry they repeat: the
    same bank entry (its reference, else its date, amount, label and account) in two
    overlapping statements, or in the same statement given twice, is one credit."""
    seen: dict[tuple[str, str], BankEntry] = {}
    kept: list[BankEntry] = []
    duplicates: list[tuple[BankEntry, BankEntry]] = []
    for entry in entries:
        first = seen.get(entry.identity)
        if first is not None:
            duplicates.append((entry, first))
            continue
        seen[entry.identity] = entry
        kept.append(entry)
    return kept, duplicates


def match_entries(
    entries: Iterable[BankEntry],
    book: Book,
    applied: frozenset[str] | set[str] = frozenset(),
    as_of: dt.date | None = None,
    imported: Imported | None = None,
) -> list[Proposal]:
    """One proposal per credit, in the statements' order, then one per debit that takes a
    customer's payment back (the credit it cancels in the same run is held)."""
    entries = list(entries)
    credits = [e for e in entries if e.amount > 0]
    done: dict[int, Proposal] = {}
    for n, entry in enumerate(credits):
        settled = _settled(entry, applied, as_of) or _imported(entry, book, imported or {})
        if settled is not None:
            done[n] = settled
    for rule in (by_reference, _by_numbers, _not_a_customer, by_amount):
        for n, entry in enumerate(credits):
            if n not in done:
                found = rule(entry, book)
                if found is not None:
                    done[n] = found
                    _take(book, found)
    held, taken = reversals(entries, credits, [done[n] for n in range(len(credits))], book, applied)
    return held + taken


def _settled(
    entry: BankEntry, applied: frozenset[str] | set[str], as_of: dt.date | None
) -> Proposal | None:
    """Already imported, dated after the matching's day, or in another currency."""
    if entry.key in applied or any(k in applied for k in entry.legacy_keys):
        return Proposal(
            entry, ALREADY, RULE_NONE, 1.0,
            "Déjà importé : ce virement est noté au journal des relances (même référence "
            "bancaire, ou même date, montant et libellé) ; rien n'est écrit deux fois.",
        )  # fmt: skip
    if as_of is not None and entry.date > as_of:
        return Proposal(
            entry, FUTURE, RULE_NONE, 0.0,
            f"Crédit du {entry.date:%d/%m/%Y}, après la date du rapprochement "
            f"({as_of:%d/%m/%Y}) : il n'est pas appliqué ; rapprochez-le à sa date.",
        )  # fmt: skip
    if entry.currency.upper() not in ("EUR", "€"):
        return Proposal(
            entry, TO_DECIDE, RULE_NONE, 0.0,
            f"Virement en {entry.currency} : les factures sont en euros, le montant crédité "
            "en euros est à vérifier. À décider par vous.",
        )  # fmt: skip
    return None


def _imported(entry: BankEntry, book: Book, imported: Imported) -> Proposal | None:
    """A credit the journal says was applied, imported from another statement (another
    format, another key): same date, same amount, an invoice it cites or its payer's."""
    found = imported.get((f"{entry.date:%d/%m/%Y}", cents(entry.amount)), [])
    if not found:
        return None
    cited = {book.numbers[i] for i in book.cited(entry.text)[0]}
    payer = payer_of(entry, book)[0] if not cited else None
    mine = [f for f in found if f[0] in cited or (payer is not None and f[1] == payer)]
    if not mine:
        return None
    days = join_list(sorted({f"{f[2]:%d/%m/%Y}" for f in mine}))
    invoices = join_list(list(dict.fromkeys(f[0] for f in mine)))
    return Proposal(
        entry, ALREADY, RULE_NONE, 1.0,
        f"Déjà importé le {days} : ce virement du {entry.date:%d/%m/%Y} (même montant) est "
        f"enregistré sur la facture {invoices} ; rien à faire.",
    )  # fmt: skip


def _take(book: Book, proposal: Proposal) -> None:
    """A sure proposal's payments are taken off the invoices before the next credit (a
    gap accepted settles the invoice: nothing is left of it)."""
    if proposal.status == SURE:
        for a in proposal.allocations:
            book.pay(a.position, a.outstanding if a.gap else a.amount)


def _not_a_customer(entry: BankEntry, book: Book) -> Proposal | None:
    """A card remittance, a cash deposit, interest, a loan: counted apart (it cites no
    invoice, or the rules before would have taken it)."""
    kind = other_kind(entry)
    if not kind:
        return None
    said = SAID[kind]
    return Proposal(
        entry, OTHER, RULE_NONE, 0.0,
        f"{said[0].upper()}{said[1:]} : pas un règlement de client (aucune facture citée) ; "
        "compté à part.",
    )  # fmt: skip


def _by_numbers(entry: BankEntry, book: Book) -> Proposal | None:
    """Invoice numbers cited in the label or remittance, when the payer agrees."""
    positions, _unclear = book.cited(entry.text)
    if not positions:
        return None
    cited = join_list(list(dict.fromkeys(book.numbers[i] for i in positions)))
    said = f"N° de facture {cited} dans le libellé"
    clients = list(dict.fromkeys(book.clients[i] for i in positions))
    payer, name = payer_of(entry, book)
    if payer is not None and payer not in clients:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.5,
            f"{said}, mais le payeur « {name} » est un autre client ({payer}) que celui de la "
            f"facture ({join_list(clients)}) : paiement pour un tiers ou erreur de numéro ? "
            "À décider par vous.", candidates=tuple(book.numbers[i] for i in positions),
        )  # fmt: skip
    open_ = [i for i in positions if book.is_open(i)]
    if not open_:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.5,
            f"{said}, mais déjà réglée(s) dans le classeur : doublon ou autre facture ? "
            "À décider par vous.", candidates=tuple(book.numbers[i] for i in positions),
        )  # fmt: skip
    owed = sum(cents(float(book.remaining[i])) for i in open_)
    paid = cents(entry.amount)
    close = book.settles(paid, owed)
    numbers = tuple(book.numbers[i] for i in open_)
    if paid > owed and not close:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.6,
            f"{said} ; le virement ({money(entry.amount)}) dépasse leur reste dû "
            f"({money(owed / 100)}) de {money((paid - owed) / 100)} : à décider par vous.",
            candidates=numbers, surplus=(paid - owed) / 100,
        )  # fmt: skip
    if paid < owed and not close and len(open_) > 1:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.6,
            f"{said} ; le virement ({money(entry.amount)}) couvre une partie de leur total "
            f"({money(owed / 100)}) : quelle facture est réglée ? À décider par vous.",
            candidates=numbers,
        )  # fmt: skip
    allocations, _ = allocate(book, open_, entry.amount)
    partial = paid < owed and not close
    confidence = CONFIDENCE["number_partial" if partial else "number"]
    return Proposal(
        entry, SURE, RULE_NUMBER, confidence, f"{said} : {paid_phrase(allocations, 0.0)}",
        tuple(allocations),
    )  # fmt: skip


__all__ = ["CONFIDENCE", "distinct", "match_entries"]
