"""The weakest evidence, used only when a label cites nothing: the payer's name recognised
as one client, and the amount equal to one of its open invoices or to the sum of several."""

from __future__ import annotations

from itertools import combinations

from ..wording import join_list, money
from .book import Book, allocate, cents
from .names import identified
from .records import RULE_AMOUNT, SURE, TO_DECIDE, Allocation, BankEntry, Proposal

# Sums of up to this many invoices are tried, among a client's first open invoices.
MAX_PARTS = 4
MAX_INVOICES = 16
SHOWN = 5
CONFIDENCE = {"one": 0.85, "all": 0.8, "some": 0.7}


def payer_of(entry: BankEntry, book: Book) -> tuple[str | None, str]:
    """The client who paid (by the SIREN or SIRET the label holds, else by name), or None,
    and the payer's name as compared."""
    scored, cleaned = book.names.recognise(entry.payer, entry.label)
    by_id = book.names.by_siren(entry.text, book.sirens) if book.sirens else None
    return (by_id or identified(scored)), cleaned or entry.label


def by_amount(entry: BankEntry, book: Book) -> Proposal:
    """The payer's client and the amount; else the credit is left to the office, with the
    invoices of that amount for it to choose among."""
    scored, cleaned = book.names.recognise(entry.payer, entry.label)
    by_id = book.names.by_siren(entry.text, book.sirens) if book.sirens else None
    client = by_id or identified(scored)
    if client is None:
        return _unknown(entry, book, scored, cleaned)
    if by_id:
        who = f"SIREN du client dans le libellé : {client}"
    else:
        who = f"Payeur « {cleaned} » reconnu : {client} ({scored[0][1]:.0f} %)"
    open_ = book.open_of(client)
    paid = cents(entry.amount)
    owes = {i: cents(float(book.remaining[i])) for i in open_}
    one = [i for i in open_ if owes[i] == paid] or [i for i in open_ if book.settles(paid, owes[i])]
    if len(one) == 1:
        allocations, _ = allocate(book, one, entry.amount)
        reason = f"{who} ; montant égal au reste dû de {book.numbers[one[0]]}"
        return Proposal(
            entry, SURE, RULE_AMOUNT, CONFIDENCE["one"], _with_gap(reason, allocations),
            tuple(allocations),
        )  # fmt: skip
    if len(one) > 1:
        numbers = tuple(book.numbers[i] for i in one)
        return Proposal(
            entry, TO_DECIDE, RULE_AMOUNT, 0.5,
            f"{who} ; {len(one)} factures ouvertes de ce montant ({join_list(list(numbers))}) : "
            "laquelle ? À décider par vous.", candidates=numbers,
        )  # fmt: skip
    total = sum(owes.values())
    if len(open_) > 1 and book.settles(paid, total):
        allocations, _ = allocate(book, open_, entry.amount)
        reason = f"{who} ; montant égal au total de ses {len(open_)} factures ouvertes"
        return Proposal(
            entry, SURE, RULE_AMOUNT, CONFIDENCE["all"], _with_gap(reason, allocations),
            tuple(allocations),
        )  # fmt: skip
    sums = _sums(book, open_[:MAX_INVOICES], paid)
    if len(sums) == 1:
        allocations, _ = allocate(book, list(sums[0]), entry.amount)
        reason = (
            f"{who} ; montant égal à la somme de {join_list([book.numbers[i] for i in sums[0]])}"
        )
        return Proposal(
            entry, SURE, RULE_AMOUNT, CONFIDENCE["some"], _with_gap(reason, allocations),
            tuple(allocations),
        )  # fmt: skip
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
    return Proposal(entry, TO_DECIDE, RULE_AMOUNT, 0.4, f"{who} ; {what} : à décider par vous.",
                    candidates=candidates)  # fmt: skip


def _with_gap(reason: str, allocations: list[Allocation]) -> str:
    """The reason, with the gap accepted when there is one."""
    gap = round(sum(a.gap for a in allocations), 2)
    if not gap:
        return reason + "."
    more = "de plus" if gap > 0 else "de moins"
    return f"{reason}, à {money(abs(gap))} près ({money(abs(gap))} {more}, écart accepté)."


def _sums(book: Book, open_: list[int], paid: int) -> list[tuple[int, ...]]:
    """The sets of 2 to MAX_PARTS open invoices whose sum is the amount (at most 2 kept:
    two already make the credit ambiguous)."""
    owed = {i: cents(float(book.remaining[i])) for i in open_}
    found: list[tuple[int, ...]] = []
    for size in range(2, min(MAX_PARTS, len(open_) - 1) + 1):
        for combo in combinations(open_, size):
            if book.settles(paid, sum(owed[i] for i in combo)):
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
        entry, TO_DECIDE, "none", 0.0, f"{who} ; {what}. À décider par vous.",
        candidates=tuple(book.numbers[i] for i in same[:SHOWN]),
    )  # fmt: skip


__all__ = ["by_amount", "payer_of"]
