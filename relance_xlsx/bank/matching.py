"""Each credit of the statements matched to the invoices it pays, strongest evidence first:
the letter's RF reference, then invoice numbers in the label, then the amount of the payer's
open invoices. A credit that fits several invoices, or no client, is left to the office."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..wording import join_list, money
from .book import Book, allocate, cents
from .creditorref import printed, references_in
from .records import (
    ALREADY,
    RULE_NONE,
    RULE_NUMBER,
    RULE_REFERENCE,
    SURE,
    TO_DECIDE,
    Allocation,
    BankEntry,
    Proposal,
)
from .rules import by_amount

# How sure each kind of evidence is (0 to 1): shown, and sorted on, never a threshold.
CONFIDENCE = {"reference": 1.0, "number": 0.95, "number_partial": 0.9}


def match_entries(
    entries: Iterable[BankEntry], book: Book, applied: frozenset[str] | set[str] = frozenset()
) -> list[Proposal]:
    """One proposal per credit (debits are not looked at), in the statements' order."""
    credits = [e for e in entries if e.amount > 0]
    done: dict[int, Proposal] = {}
    for n, entry in enumerate(credits):
        if entry.key in applied:
            done[n] = Proposal(entry, ALREADY, RULE_NONE, 1.0, _already(entry))
        elif entry.currency.upper() not in ("EUR", "€"):
            done[n] = Proposal(
                entry, TO_DECIDE, RULE_NONE, 0.0,
                f"Virement en {entry.currency} : les factures sont en euros, le montant crédité "
                "en euros est à vérifier. À affecter par le cabinet.",
            )  # fmt: skip
    for rule in (_by_reference, _by_numbers, by_amount):
        for n, entry in enumerate(credits):
            if n not in done:
                found = rule(entry, book)
                if found is not None:
                    done[n] = found
                    _take(book, found)
    return [done[n] for n in range(len(credits))]


def _already(entry: BankEntry) -> str:
    return (
        "Déjà importé : ce virement est noté au journal des relances (même référence "
        "bancaire, ou même date, montant et libellé) ; rien n'est écrit deux fois."
    )


def _take(book: Book, proposal: Proposal) -> None:
    """A sure proposal's payments are taken off the invoices before the next credit."""
    if proposal.status == SURE:
        for a in proposal.allocations:
            book.pay(a.position, a.amount)


def _by_reference(entry: BankEntry, book: Book) -> Proposal | None:
    """The RF reference of one of our letters: it says which invoices, whatever the label."""
    for ref in references_in(entry.text):
        letter = book.letters.get(ref)
        if letter is None:
            continue
        positions = [
            i
            for n in letter.invoices
            for i in book.of_number(n)
            if book.clients[i] == letter.client
        ]
        open_ = [i for i in dict.fromkeys(positions) if book.is_open(i)]
        said = f"Référence {printed(ref)} de la lettre du {letter.day:%d/%m/%Y} à {letter.client}"
        if not open_:
            return Proposal(
                entry, TO_DECIDE, RULE_REFERENCE, 0.6,
                f"{said} : ses factures sont déjà réglées ; virement à affecter par le cabinet.",
            )  # fmt: skip
        allocations, surplus = allocate(book, open_, entry.amount)
        return Proposal(
            entry, SURE, RULE_REFERENCE, CONFIDENCE["reference"],
            f"{said} : {_paid_phrase(allocations, surplus)}", tuple(allocations), surplus=surplus,
        )  # fmt: skip
    return None


def _by_numbers(entry: BankEntry, book: Book) -> Proposal | None:
    """Invoice numbers cited in the label or remittance."""
    keys = book.index.found_in(entry.text)
    if not keys:
        return None
    positions = [i for k in keys for i in book.positions(k)]
    cited = join_list([book.numbers[book.positions(k)[0]] for k in keys])
    said = f"N° de facture {cited} dans le libellé"
    open_ = [i for i in dict.fromkeys(positions) if book.is_open(i)]
    if not open_:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.5,
            f"{said}, mais déjà réglée(s) dans le classeur : doublon ou autre facture ? "
            "À affecter par le cabinet.", candidates=tuple(book.numbers[i] for i in positions),
        )  # fmt: skip
    owed = sum(cents(float(book.remaining[i])) for i in open_)
    paid = cents(entry.amount)
    allocations, surplus = allocate(book, open_, entry.amount)
    if paid > owed:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.6,
            f"{said} ; le virement ({money(entry.amount)}) dépasse leur reste dû "
            f"({money(owed / 100)}) de {money(surplus)} : à vérifier.",
            tuple(allocations), tuple(book.numbers[i] for i in open_), surplus,
        )  # fmt: skip
    if paid < owed and len(open_) > 1:
        return Proposal(
            entry, TO_DECIDE, RULE_NUMBER, 0.6,
            f"{said} ; le virement ({money(entry.amount)}) couvre une partie de leur total "
            f"({money(owed / 100)}) : quelle facture est réglée ? À décider.",
            tuple(allocations), tuple(book.numbers[i] for i in open_),
        )  # fmt: skip
    partial = paid < owed
    confidence = CONFIDENCE["number_partial" if partial else "number"]
    return Proposal(
        entry, SURE, RULE_NUMBER, confidence, f"{said} : {_paid_phrase(allocations, 0.0)}",
        tuple(allocations),
    )  # fmt: skip


def _paid_phrase(allocations: Sequence[Allocation], surplus: float) -> str:
    """« M105 réglée (1 234,56 €) ; M106 réglée en partie : 100,00 € (reste 50,00 €) »."""
    parts = []
    for a in allocations:
        if a.partial:
            parts.append(
                f"{a.invoice} réglée en partie : {money(a.amount)} (reste {money(a.remaining)})"
            )
        else:
            parts.append(f"{a.invoice} réglée ({money(a.amount)})")
    if surplus > 0:
        parts.append(f"excédent de {money(surplus)} non affecté")
    return " ; ".join(parts) + "."


__all__ = ["CONFIDENCE", "match_entries"]
