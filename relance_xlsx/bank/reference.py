"""The strongest evidence: the RF reference of one of our letters. It says which invoices,
whoever pays; the QR code's amount is the principal, the interest and the indemnity, so what
a credit holds beyond the principal pays the penalties that letter claimed."""

from __future__ import annotations

from collections.abc import Sequence

from ..wording import join_list, money
from .book import Book, LetterRef, allocate, cents
from .creditorref import printed, references_in
from .records import (
    RULE_REFERENCE,
    SURE,
    TO_DECIDE,
    Allocation,
    BankEntry,
    PenaltyShare,
    Proposal,
)


def by_reference(entry: BankEntry, book: Book) -> Proposal | None:
    """The RF reference of one of our letters: it says which invoices, whatever the label."""
    for ref in references_in(entry.text):
        letter = book.letters.get(ref)
        if letter is not None:
            return _of_letter(entry, book, ref, letter)
    return None


def _of_letter(entry: BankEntry, book: Book, ref: str, letter: LetterRef) -> Proposal:
    positions = [
        i for n in letter.invoices for i in book.of_number(n) if book.clients[i] == letter.client
    ]
    open_ = [i for i in dict.fromkeys(positions) if book.is_open(i)]
    said = f"Référence {printed(ref)} de la lettre du {letter.day:%d/%m/%Y} à {letter.client}"
    if not open_:
        return Proposal(
            entry, TO_DECIDE, RULE_REFERENCE, 0.6,
            f"{said} : ses factures sont déjà réglées ; à décider par vous.",
        )  # fmt: skip
    paid = cents(entry.amount)
    # The amount of exactly one of the letter's invoices pays that one, not the oldest.
    one = [i for i in open_ if book.settles(paid, cents(float(book.remaining[i])))]
    targets = one if len(open_) > 1 and len(one) == 1 else open_
    allocations, surplus = allocate(book, targets, entry.amount)
    shares: tuple[PenaltyShare, ...] = ()
    if surplus > 0 and targets == open_:
        shares, surplus = _penalties(book, letter, ref, allocations, surplus)
    if len(targets) < len(open_):
        said += f" ; montant égal au reste dû de {book.numbers[targets[0]]}"
    return Proposal(
        entry, SURE, RULE_REFERENCE, 1.0,
        f"{said} : {paid_phrase(allocations, surplus, shares)}", tuple(allocations),
        surplus=surplus, penalties=shares,
    )  # fmt: skip


def _penalties(
    book: Book, letter: LetterRef, ref: str, allocations: Sequence[Allocation], surplus: float
) -> tuple[tuple[PenaltyShare, ...], float]:
    """What the credit holds beyond the principal pays the penalties the letter claimed,
    invoice by invoice, interest first; what is left beyond them stays a surplus."""
    left = cents(surplus)
    shares = []
    for a in allocations:
        interest, indemnity = (cents(v) for v in letter.claimed(a.invoice))
        on_interest = min(left, interest)
        on_indemnity = min(left - on_interest, indemnity)
        left -= on_interest + on_indemnity
        if on_interest or on_indemnity:
            shares.append(
                PenaltyShare(a.row, a.invoice, a.client, on_interest / 100, on_indemnity / 100, ref)
            )
    if 0 < left <= book.gap:
        left = 0  # a cent over what the letter claimed: no surplus to speak of
    return tuple(shares), left / 100


def paid_phrase(
    allocations: Sequence[Allocation], surplus: float, shares: Sequence[PenaltyShare] = ()
) -> str:
    """« M105 réglée (1 234,56 €) ; M106 réglée en partie : 100,00 € (reste 50,00 €) »."""
    parts = []
    for a in allocations:
        if a.partial:
            parts.append(
                f"{a.invoice} réglée en partie : {money(a.amount)} (reste {money(a.remaining)})"
            )
        elif a.gap:
            more = "de plus" if a.gap > 0 else "de moins"
            parts.append(
                f"{a.invoice} réglée ({money(a.amount)} ; écart de {money(abs(a.gap))} {more} "
                "accepté, la facture est soldée)"
            )
        else:
            parts.append(f"{a.invoice} réglée ({money(a.amount)})")
    if shares:
        interest = round(sum(s.interest for s in shares), 2)
        indemnity = round(sum(s.indemnity for s in shares), 2)
        what = [f"{money(interest)} d'intérêts"] if interest else []
        what += [f"{money(indemnity)} d'indemnité forfaitaire"] if indemnity else []
        parts.append(f"pénalités réclamées par la lettre réglées : {join_list(what)}")
    if surplus > 0:
        parts.append(
            f"excédent de {money(surplus)} non affecté (à rembourser ou à imputer : à décider "
            "par vous)"
        )
    return " ; ".join(parts) + "."


__all__ = ["by_reference", "paid_phrase"]
