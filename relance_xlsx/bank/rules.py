"""The weakest evidence, used only when a label cites nothing: the payer's name recognised
as one client, and the amount equal to one of its open invoices or to the sum of several."""

from __future__ import annotations

from itertools import combinations

from ..wording import join_list, money
from .book import Book, allocate, cents
from .names import identified
from .records import RULE_AMOUNT, SURE, TO_DECIDE, BankEntry, Proposal

# Sums of up to this many invoices are tried, among a client's first open invoices.
MAX_PARTS = 4
MAX_INVOICES = 16
SHOWN = 5
CONFIDENCE = {"one": 0.85, "all": 0.8, "some": 0.7}


def by_amount(entry: BankEntry, book: Book) -> Proposal:
    """The payer's client and the amount; else the credit is left to the office, with the
    invoices of that amount for it to choose among."""
    scored, cleaned = book.names.recognise(entry.payer or entry.label)
    client = identified(scored)
    if client is None:
        return _unknown(entry, book, scored, cleaned)
    who = f"Payeur « {cleaned} » reconnu : {client} ({scored[0][1]:.0f} %)"
    open_ = book.open_of(client)
    paid = cents(entry.amount)
    one = [i for i in open_ if cents(float(book.remaining[i])) == paid]
    if len(one) == 1:
        allocations, _ = allocate(book, one, entry.amount)
        reason = f"{who} ; montant égal au reste dû de {book.numbers[one[0]]}."
        return Proposal(entry, SURE, RULE_AMOUNT, CONFIDENCE["one"], reason, tuple(allocations))
    if len(one) > 1:
        numbers = tuple(book.numbers[i] for i in one)
        return Proposal(
            entry, TO_DECIDE, RULE_AMOUNT, 0.5,
            f"{who} ; {len(one)} factures ouvertes de ce montant ({join_list(list(numbers))}) : "
            "laquelle ? À décider.", candidates=numbers,
        )  # fmt: skip
    total = sum(cents(float(book.remaining[i])) for i in open_)
    if len(open_) > 1 and total == paid:
        allocations, _ = allocate(book, open_, entry.amount)
        reason = f"{who} ; montant égal au total de ses {len(open_)} factures ouvertes."
        return Proposal(entry, SURE, RULE_AMOUNT, CONFIDENCE["all"], reason, tuple(allocations))
    sums = _sums(book, open_[:MAX_INVOICES], paid)
    if len(sums) == 1:
        allocations, _ = allocate(book, list(sums[0]), entry.amount)
        reason = (
            f"{who} ; montant égal à la somme de {join_list([book.numbers[i] for i in sums[0]])}."
        )
        return Proposal(entry, SURE, RULE_AMOUNT, CONFIDENCE["some"], reason, tuple(allocations))
    candidates = tuple(book.numbers[i] for i in open_[:SHOWN])
    if sums:
        what = f"{len(sums)} combinaisons de factures donnent ce montant"
    elif not open_:
        what = "aucune facture ouverte pour ce client"
    else:
        what = (
            f"le montant ({money(entry.amount)}) ne correspond à aucune facture ouverte ni à "
            f"une somme de factures (reste dû total {money(total / 100)})"
        )
    return Proposal(entry, TO_DECIDE, RULE_AMOUNT, 0.4, f"{who} ; {what} : à décider.",
                    candidates=candidates)  # fmt: skip


def _sums(book: Book, open_: list[int], paid: int) -> list[tuple[int, ...]]:
    """The sets of 2 to MAX_PARTS open invoices whose sum is the amount (at most 2 kept:
    two already make the credit ambiguous)."""
    owed = {i: cents(float(book.remaining[i])) for i in open_}
    found: list[tuple[int, ...]] = []
    for size in range(2, min(MAX_PARTS, len(open_) - 1) + 1):
        for combo in combinations(open_, size):
            if sum(owed[i] for i in combo) == paid:
                found.append(combo)
                if len(found) > 1:
                    return found
    return found


def _unknown(
    entry: BankEntry, book: Book, scored: list[tuple[str, float]], cleaned: str
) -> Proposal:
    """No client (or several) for this payer: never applied, the same-amount invoices shown."""
    same = book.same_amount(entry.amount)
    if len(scored) > 1:
        names = join_list([name for name, _ in scored[:3]])
        who = f"Payeur « {cleaned} » : plusieurs clients possibles ({names})"
        same = [i for i in same if book.clients[i] in {n for n, _ in scored}] or same
    else:
        who = f"Payeur « {cleaned or entry.label} » : aucun client reconnu"
    if same:
        listed = join_list([f"{book.numbers[i]} ({book.clients[i]})" for i in same[:SHOWN]])
        what = f"{len(same)} facture(s) ouverte(s) de ce montant : {listed}"
    else:
        what = "aucune facture ouverte de ce montant"
    return Proposal(
        entry, TO_DECIDE, "none", 0.0, f"{who} ; {what}. À décider par le cabinet.",
        candidates=tuple(book.numbers[i] for i in same[:SHOWN]),
    )  # fmt: skip


__all__ = ["by_amount"]
