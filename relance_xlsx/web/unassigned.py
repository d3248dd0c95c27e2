"""Credits the bank step left « À décider par vous »: the preview flags them beside the
client's letter and in its summary, so no letter claims what may have been paid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pipeline import TO_DECIDE, MatchResult
from ..wording import money


@dataclass(frozen=True)
class Unassigned:
    """One credit of the statement not yet assigned to an invoice."""

    client: str  # the client it seems to come from ("" when none is recognised)
    amount: float
    day: str  # JJ/MM/AAAA
    label: str  # what the bank printed
    candidates: tuple[str, ...] = ()  # the invoices it may pay, as the statement step found

    @property
    def sentence(self) -> str:
        """« un virement de 300,00 € reçu le 04/12/2026 n'est pas encore affecté »."""
        maybe = f", factures possibles : {', '.join(self.candidates)}" if self.candidates else ""
        return (
            f"un virement de {money(self.amount)} reçu le {self.day} n'est pas encore "
            f"affecté (relevé : « {self.label} »{maybe})"
        )


def unassigned(matched: MatchResult | None, ledger: Path, invoices: list[Any]) -> list[Unassigned]:
    """The credits of this workbook's statement step still to decide, each with its client:
    the one its allocations name, else the one owning its candidate invoices."""
    if matched is None or Path(matched.ledger).resolve() != ledger.resolve():
        return []
    owner = {i.invoice: i.client for i in invoices if i.invoice}
    out = []
    for p in matched.proposals:
        # A debit is never a payment received, nor a credit the bank took back (it never
        # arrived); one already applied is ALREADY (review-clerk3 H2).
        if p.status != TO_DECIDE or p.entry.amount <= 0 or p.reversed_on is not None:
            continue
        clients = {a.client for a in p.allocations} or {
            owner[n] for n in p.candidates if n in owner
        }
        client = clients.pop() if len(clients) == 1 else ""
        e = p.entry
        label = " ".join(e.label.split())
        out.append(Unassigned(client, e.amount, f"{e.date:%d/%m/%Y}", label, p.candidates[:5]))
    return out


def bounced(matched: MatchResult | None, ledger: Path) -> list[str]:
    """Each credit of this workbook's statement a later debit took back, said once: the
    invoice it named is still owed."""
    if matched is None or Path(matched.ledger).resolve() != ledger.resolve():
        return []
    out = []
    for p in matched.proposals:
        if p.reversed_on is None:
            continue
        owed = f" : la facture {', '.join(p.candidates)} reste due" if p.candidates else ""
        out.append(
            f"Virement de {money(p.entry.amount)} du {p.entry.date:%d/%m/%Y} rejeté par la "
            f"banque le {p.reversed_on:%d/%m/%Y}{owed}."
        )
    return out


__all__ = ["Unassigned", "bounced", "unassigned"]
