"""The litigation file of one client: who, what is claimed period by period and on what basis,
its mise en demeure, what happened, which documents to attach, and which procedure fits
(CPC 1405-1407, CPCE L125-1 and R125-1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import Creditor
from ..wording import day_long, money, percent
from .attached import documents
from .courts import SMALL_CLAIMS_LIMIT, procedure_text
from .days import day_or_dash as _day
from .days import short_day
from .docxwrite import paragraph, table, write_document
from .parties import Debtor, basis_lines, creditor_lines, debtor_lines, legal_rate_lines
from .received import excess_received, received_lines
from .requested import request_lines
from .settled import settled_lines
from .statement import statement_lines


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
        return procedure_text(self.debtor, self.small_claim_amount, self.net_indemnity)


def write_dossier(dossier: Dossier, target: Path) -> Path:
    """The file as a Word document (nothing to fill by hand), written straight as XML."""
    body = [
        paragraph(f"Dossier de recouvrement — {dossier.client}", "Heading1"),
        paragraph(f"Établi le {day_long(dossier.as_of)}."),
        *(paragraph(line) for line in dossier.changes),
        *_parties(dossier),
        *_claim(dossier),
        paragraph("Fondement de la créance", "Heading2"),
        *(paragraph(line, "ListBullet") for line in _basis(dossier)),
        *statement_lines(dossier),
        paragraph("Mise en demeure", "Heading2"),
        *_notices(dossier),
        paragraph("Chronologie", "Heading2"),
    ]
    body += [
        paragraph(f"{short_day(e.day)} — {e.text}", "ListBullet")
        for e in sorted(dossier.events, key=lambda e: e.day)
    ]
    if not dossier.events:
        body.append(paragraph("Aucune ligne au journal des relances pour ce client."))
    body.append(paragraph("Pièces à joindre", "Heading2"))
    body += [paragraph(item, "ListBullet") for item in documents(dossier.debtor.public)]
    body += [paragraph("Procédure", "Heading2"), paragraph(dossier.procedure())]
    body += request_lines(dossier)
    return write_document(body, target)


def _parties(dossier: Dossier) -> list[str]:
    out = [paragraph("Créancier", "Heading2"), *_creditor_paragraphs(dossier.creditor)]
    out.append(paragraph("Débiteur", "Heading2"))
    out += [paragraph(line) for line in debtor_lines(dossier.debtor)]
    return out


@lru_cache(maxsize=4)
def _creditor_paragraphs(creditor: Creditor) -> tuple[str, ...]:
    """The creditor's identity: the same in each of a run's files, made once."""
    return tuple(paragraph(line) for line in creditor_lines(creditor))


def _basis(dossier: Dossier) -> list[str]:
    """The basis of each amount; credit notes said when there are some."""
    lines = basis_lines(dossier.debtor, dossier.contract_rate, dossier.fixed_indemnity)
    lines += dossier.interest_from
    if dossier.consumer:
        rates = dict.fromkeys(p[3] for i in dossier.invoices for p in i.periods)
        lines += legal_rate_lines(list(rates), dossier.rate_notes)
    else:
        lines += dossier.rate_notes
    if dossier.credits:
        lines.append(
            "Avoirs : déduits du principal, jamais au-delà ; un avoir qui nomme sa facture en "
            "réduit la base des intérêts dès leur premier jour, quelle que soit sa date (la part "
            "qu'il annule n'a jamais été due)"
        )
    return lines


def _notices(dossier: Dossier) -> list[str]:
    """The mises en demeure found, or why there is none to attach."""
    if dossier.notices:
        return [paragraph(text, "ListBullet") for text in dossier.notices]
    if dossier.consumer:
        missing = (
            "Aucune mise en demeure trouvée au journal ni dans le classeur : contre un "
            "particulier, les intérêts ne courent qu'à compter de la mise en demeure (Code "
            "civil 1231-6) ; envoyez-la avant toute procédure."
        )
    elif dossier.public:
        missing = "Aucune mise en demeure trouvée au journal ni dans le classeur."
    else:
        missing = (
            "Aucune mise en demeure trouvée au journal ni dans le classeur : les pénalités "
            "courent sans rappel (L441-10), mais le juge de l'injonction de payer l'attend "
            "parmi les pièces."
        )
    return [paragraph(missing)]


def _claim(dossier: Dossier) -> list[str]:
    invoices = [
        (
            inv.number,
            _day(inv.issued),
            _day(inv.due),
            money(inv.amount),
            money(inv.paid),
            money(inv.principal),
        )
        for inv in dossier.invoices
    ]
    periods = [
        (inv.number, _day(start), _day(end), str(days), money(base), percent(rate), money(interest))
        for inv in dossier.invoices
        for start, end, days, rate, base, interest in inv.periods
    ]
    out = [
        paragraph("Créance, facture par facture", "Heading2"),
        table(
            ("Facture", "Date", "Échéance", "Montant", "Réglé", "Reste dû"),
            invoices,
            right=(3, 4, 5),
        ),
        *_periods(dossier, periods),
        *(paragraph(x) for x in received_lines(dossier.invoices, _interest_name(dossier).lower())),
    ]
    settled = settled_lines(dossier.debtor, dossier.invoices, dossier.undated)
    return out + [paragraph(line) for line in settled]


def _periods(dossier: Dossier, periods: Sequence[Sequence[str]]) -> list[str]:
    """The interest table, or, when nothing was computed, why (never an empty table under a
    basis that says interest runs: the lawyer's review, 10)."""
    name = _interest_name(dossier)
    if periods:
        return [
            paragraph(f"{name}, période par période", "Heading3"),
            table(("Facture", "Du", "Au", "Jours", "Base", "Taux", "Intérêts"), periods,
                  right=(3, 4, 5, 6)),
        ]  # fmt: skip
    if dossier.consumer and dossier.notices:
        why = (
            "non calculés ici (les intérêts d'un particulier ne le sont qu'avec « "
            "interest_for_consumers = true » dans relance.toml) ; dus de plein droit à compter "
            "de la mise en demeure (Code civil 1231-6), ils peuvent être demandés en sus dans la "
            "requête"
        )
    elif dossier.consumer:
        why = "aucun : ils ne courent qu'à compter d'une mise en demeure (ci-dessous)"
    else:
        why = "aucun à ce jour" if dossier.public else "aucune à ce jour"  # « Pénalités »
    return [paragraph(f"{name} : {why}.")]


def _interest_name(dossier: Dossier) -> str:
    """What the law calls the interest claimed from this debtor: a public buyer's intérêts
    moratoires (Code de la commande publique L2192-13), a consumer's legal interest (Code
    civil 1231-6), a business's pénalités de retard (Code de commerce L441-10)."""
    if dossier.public:
        return "Intérêts moratoires"
    if dossier.consumer:
        return "Intérêts au taux légal"
    return "Pénalités de retard"


__all__ = ["SMALL_CLAIMS_LIMIT", "ClaimedInvoice", "Dossier", "Event", "write_dossier"]
