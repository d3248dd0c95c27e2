"""The litigation file of one client, as a record: who, what is claimed period by period and on
what basis, its mise en demeure, what happened, and which procedure fits (CPC 1405-1407, CPCE
L125-1 and R125-1); casedoc.py writes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..config import Creditor
from .courts import SMALL_CLAIMS_LIMIT, procedure_text
from .parties import Debtor
from .received import excess_received
from .timebar import TimeBar, urgent


@dataclass(frozen=True)
class ClaimedInvoice:
    """One invoice of the claim: its principal, its interest periods, its indemnity."""

    number: str
    issued: dt.date | None
    due: dt.date | None
    amount: float
    paid: float
    principal: float
    periods: tuple[tuple[Any, ...], ...]  # (start, end, days, rate, base, interest)
    interest: float
    indemnity: float
    # Paid by transfer of its penalties (received.py): interest and indemnity are the rest.
    interest_paid: float = 0.0
    indemnity_paid: float = 0.0
    # The credit notes that settled it (number, date, amount used, whole), its payments.
    credit_notes: tuple[tuple[str, dt.date | None, float, float], ...] = ()
    payments: tuple[tuple[dt.date | None, float], ...] = ()
    # A credit note: the invoice it names (« Facture d'origine »), "" for none.
    credit_for: str = ""


@dataclass(frozen=True)
class Event:
    """A line of the timeline: a letter, an e-mail, a payment, a promise."""

    day: dt.date
    text: str


@dataclass(frozen=True)
class Dossier:
    """Everything the litigation file of one client says."""

    client: str
    as_of: dt.date
    creditor: Creditor
    debtor: Debtor
    invoices: list[ClaimedInvoice]
    events: list[Event] = field(default_factory=list)
    # Credit notes in the client's favour still open: deducted from what is claimed.
    credits: list[ClaimedInvoice] = field(default_factory=list)
    # Open invoices not yet due: on the statement of account, not in the claim.
    not_due: list[ClaimedInvoice] = field(default_factory=list)
    # The mises en demeure found in the journal or the ledger, one sentence each.
    notices: list[str] = field(default_factory=list)
    # The contractual rate of [policy] interest_rate, None for the law's.
    contract_rate: float | None = None
    # What the run said of the rates used (a consumer's legal rate not confirmed).
    rate_notes: list[str] = field(default_factory=list)
    # Against a consumer: the day each invoice's interest runs from, and why.
    interest_from: list[str] = field(default_factory=list)
    # Due invoices the file does not claim, with why (« contestée », « en cours de relance »).
    set_aside: list[tuple[ClaimedInvoice, str]] = field(default_factory=list)
    # A file redone after a payment on an invoice handed over: what changed (redone.py).
    changes: list[str] = field(default_factory=list)
    # The fixed indemnity claimed per invoice ([policy] indemnity; the law's is 40 €).
    fixed_indemnity: float = 40.0
    # Invoices handed over, then settled by a payment without a day: nothing computed.
    undated: list[ClaimedInvoice] = field(default_factory=list)
    # Open invoices already time-barred: out of the claim and the balance, listed apart.
    barred: list[tuple[ClaimedInvoice, TimeBar]] = field(default_factory=list)
    # When each claimed invoice will be barred (prescription, or a public debt's lapse).
    bars: list[TimeBar] = field(default_factory=list)

    @property
    def consumer(self) -> bool:
        """The debtor is a private person."""
        return self.debtor.consumer

    @property
    def public(self) -> bool:
        """The debtor is a public buyer."""
        return self.debtor.public

    @property
    def principal(self) -> float:
        """What remains of the invoices."""
        return round(sum(i.principal for i in self.invoices), 2)

    @property
    def interest(self) -> float:
        """The interest to the file's date."""
        return round(sum(i.interest for i in self.invoices), 2)

    @property
    def indemnity(self) -> float:
        """The 40 € per invoice (none for a consumer)."""
        return round(sum(i.indemnity for i in self.invoices), 2)

    @property
    def open_credit(self) -> float:
        """The client's open credit notes, as a positive amount."""
        return round(-sum(c.principal for c in self.credits), 2)

    @property
    def credited(self) -> float:
        """The open credit notes deducted: from the principal, never beyond it."""
        return round(max(min(self.open_credit, self.principal), 0.0), 2)

    @property
    def unallocated(self) -> float:
        """What the open credit notes leave beyond the principal: said, never deducted from
        the penalties or indemnities (a claim is never negative)."""
        return round(self.open_credit - self.credited, 2)

    @property
    def net_indemnity(self) -> float:
        """The indemnities less the penalties received in excess, imputed on them (1342-10)."""
        return round(self.indemnity - min(excess_received(self.invoices), self.indemnity), 2)

    @property
    def total(self) -> float:
        """The whole claim, credit notes and penalties received in excess deducted (1342-10)."""
        return round(self.principal - self.credited + self.interest + self.net_indemnity, 2)

    @property
    def small_claim_amount(self) -> float:
        """Principal and interest, credit notes deducted, the 40 € left out (CPCE R125-1)."""
        return round(self.principal - self.credited + self.interest, 2)

    def procedure(self) -> str:
        """Which procedure fits the amount and the debtor, in one French paragraph."""
        # Every open invoice time-barred: a claim filed before the first day barred is kept.
        only_barred = self.barred and not any(i.principal >= 0.005 for i in self.invoices)
        barred_on = min(bar.barred_on for _, bar in self.barred) if only_barred else None
        return procedure_text(
            self.debtor,
            self.small_claim_amount,
            self.net_indemnity,
            first_to_court=urgent(self),
            barred_on=barred_on,
        )


__all__ = ["SMALL_CLAIMS_LIMIT", "ClaimedInvoice", "Dossier", "Event"]
