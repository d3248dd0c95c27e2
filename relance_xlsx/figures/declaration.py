"""The déclaration de créance of a client in collective proceedings, sent to the mandataire
judiciaire: the amount due on the opening judgment with its interest period by period and its
indemnities, the amounts falling due later with their dates, the supporting documents, the
deadline (Code de commerce L622-24 to L622-26, R622-23, R622-24)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Creditor
from ..ledger import declaration_deadline
from ..wording import day_long, money, percent
from .days import day_or_dash as _day
from .days import interest_stop
from .docxwrite import paragraph, table, write_document
from .dossier import ClaimedInvoice
from .indemnities import beyond_law, indemnity_label, indemnity_lines
from .paidlate import interest_span, paid_late_basis, paid_late_lines
from .parties import Debtor, basis_lines, creditor_lines, debtor_lines, outside_metropolitan
from .proceedings import heading, interrupted, later, liquidation, not_due_heading, procedure
from .received import received_lines
from .requested import UNALLOCATED, credit_detail

TO_FILL = "[À COMPLÉTER : {what}]"


@dataclass(frozen=True)
class Declaration:
    """Everything the declaration of one client's claim says."""

    client: str
    as_of: dt.date
    creditor: Creditor
    debtor: Debtor
    proceedings: str | None  # « redressement judiciaire », … ; None when the ledger is silent
    judgment: dt.date | None
    notice: dt.date | None  # the BODACC publication
    mandataire: str
    court: str
    due: list[ClaimedInvoice]  # due before the judgment: with interest and indemnity
    not_due: list[ClaimedInvoice] = field(default_factory=list)  # à échoir
    later: list[ClaimedInvoice] = field(default_factory=list)  # born after: not declared
    credits: list[ClaimedInvoice] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    disputed: list[str] = field(default_factory=list)
    contract_rate: float | None = None
    # What it says of a rate the table does not confirm yet (a claim certified « sincère et
    # véritable » must not state an unverified rate as fact).
    rate_notes: list[str] = field(default_factory=list)
    # Payments received after the judgment for earlier debts: not deducted (L622-7).
    paid_after: list[str] = field(default_factory=list)
    # The fixed indemnity claimed per invoice ([policy] indemnity; the law's is 40 €).
    fixed_indemnity: float = 40.0
    # Invoices handed to litigation before the judgment, with the hand-over's day: an
    # instance may be pending, interrupted by the judgment (L622-22; R622-23, 3°).
    in_court: list[tuple[str, dt.date | None]] = field(default_factory=list)
    # Invoices paid late before the judgment, with the payment's day: their penalties, born
    # before it, are declared (L622-24), listed in due with no principal left.
    paid_late: list[tuple[str, dt.date | None]] = field(default_factory=list)

    @property
    def abroad(self) -> bool:
        """The creditor is established outside metropolitan France (two more months)."""
        return outside_metropolitan(self.creditor)

    @property
    def deadline(self) -> dt.date | None:
        """The day to declare by: the BODACC notice + 2 months (+ 2 more abroad, R622-24)."""
        return None if self.notice is None else declaration_deadline(self.notice, self.abroad)[0]

    @property
    def last_day(self) -> dt.date | None:
        """The deadline, or the next working day when it falls on a Saturday, a Sunday or a
        public holiday (Code de procédure civile 642)."""
        return None if self.notice is None else declaration_deadline(self.notice, self.abroad)[1]

    def _sum(self, items: list[ClaimedInvoice], what: str) -> float:
        return round(sum(getattr(i, what) for i in items), 2)

    @property
    def credited(self) -> float:
        """The open credit notes deducted: from the principal due, never beyond it."""
        open_credit = -self._sum(self.credits, "principal")
        return round(max(min(open_credit, self._sum(self.due, "principal")), 0.0), 2)

    @property
    def unallocated(self) -> float:
        """What the credit notes leave beyond the principal due: said, deducted from nothing."""
        return round(-self._sum(self.credits, "principal") - self.credited, 2)

    @property
    def total_due(self) -> float:
        """Principal, interest and indemnities due on the judgment, credit notes deducted."""
        principal = self._sum(self.due, "principal") - self.credited
        interest, indemnity = self._sum(self.due, "interest"), self._sum(self.due, "indemnity")
        return round(principal + interest + indemnity, 2)

    @property
    def total(self) -> float:
        """The whole claim declared: due on the judgment and falling due later."""
        return round(self.total_due + self._sum(self.not_due, "principal"), 2)


def write_declaration(declaration: Declaration, target: Path) -> Path:
    """The declaration as a Word document, written straight as XML."""
    d = declaration
    body = [
        paragraph(f"Déclaration de créance — {d.client}", "Heading1"),
        paragraph(heading(d)),
        *procedure(d),
        paragraph("Créancier", "Heading2"),
        *(paragraph(line) for line in creditor_lines(d.creditor)),
        paragraph("Débiteur", "Heading2"),
        *(paragraph(line) for line in debtor_lines(d.debtor)),
        *_due(d),
        *_not_due(d),
        *_summary(d),
        paragraph("Fondement de la créance", "Heading2"),
        *(
            paragraph(line, "ListBullet")
            for line in [
                *basis_lines(d.debtor, d.contract_rate, d.fixed_indemnity),
                *paid_late_basis(d),
            ]
        ),
        *later(d),
        paragraph("Pièces justificatives jointes (bordereau)", "Heading2"),
        *(paragraph(f"{n}. {item}") for n, item in enumerate(_documents(d), start=1)),
        paragraph("Signature", "Heading2"),
        paragraph("Je certifie sincère et véritable la présente déclaration de créance."),
        paragraph(
            f"Fait à {d.creditor.city or TO_FILL.format(what='ville')}, le {day_long(d.as_of)}."
        ),
        paragraph(_signatory(d.creditor)),
        paragraph("Signature :"),
    ]
    return write_document(body, target)


def _invoice_rows(items: list[ClaimedInvoice]) -> list[tuple[str, ...]]:
    return [
        (i.number, _day(i.issued), _day(i.due), money(i.amount), money(i.paid), money(i.principal))
        for i in items
    ]


def _due(d: Declaration) -> list[str]:
    out = [paragraph("Créances échues au jour du jugement d'ouverture", "Heading2")]
    if not d.due:
        return [*out, paragraph("Aucune.")]
    out.append(table(("Facture", "Date", "Échéance", "Montant", "Réglé", "Reste dû"),
                     _invoice_rows(d.due), right=(3, 4, 5)))  # fmt: skip
    out += [paragraph(note) for note in d.paid_after]
    if d.judgment is None:
        out.append(
            paragraph(
                "Date du jugement d'ouverture inconnue : indiquez-la dans le classeur (colonne "
                "« Date du jugement ») ; les intérêts, arrêtés à cette date (L622-28), et les "
                "indemnités seront alors calculés."
            )
        )
        return out
    eve = d.judgment - dt.timedelta(days=1)
    periods = [
        (i.number, _day(s), _day(e), str(days), money(base), percent(rate), money(amount))
        for i in d.due
        for s, e, days, rate, base, amount in i.periods
    ]
    out.append(
        paragraph(f"{interest_span(d, eve)}, période par période au taux de chaque semestre :")
    )
    out.append(
        table(
            ("Facture", "Du", "Au", "Jours", "Base", "Taux", "Intérêts"),
            periods,
            right=(3, 4, 5, 6),
        )
    )
    # At_judgment deducts the interest a transfer paid (policy/penalties.py): said here.
    out += [
        paragraph(line) for line in received_lines(d.due, "intérêts de retard", False, "déclarés")
    ]
    out += [paragraph(note) for note in d.rate_notes]
    out += [paragraph(line) for line in paid_late_lines(d)]
    out += [paragraph(line) for line in indemnity_lines(d)]
    out += [paragraph(f"Facture {n} contestée par le débiteur (R622-23, 3°).") for n in d.disputed]
    return out + [paragraph(line) for line in interrupted(d)]


def _not_due(d: Declaration) -> list[str]:
    title, note, _ = not_due_heading(d)
    out = [paragraph(title, "Heading2")]
    if not d.not_due:
        return [*out, paragraph("Aucune.")]
    rows = [(i.number, _day(i.issued), _day(i.due), money(i.principal)) for i in d.not_due]
    amount = "Montant exigible" if liquidation(d) else "Montant à échoir"
    out.append(table(("Facture", "Date", "Échéance", amount), rows, right=(3,)))
    out.append(paragraph(note))
    return out


def _summary(d: Declaration) -> list[str]:
    lines = [
        ("Principal échu", d._sum(d.due, "principal")),
        *((("Avoirs à déduire", d.credited),) if d.credits else ()),  # never negative
        (
            f"Intérêts arrêtés {interest_stop(d.due, d.judgment - dt.timedelta(days=1))}"
            if d.judgment
            else "Intérêts (date du jugement à indiquer)",
            d._sum(d.due, "interest"),
        ),
        (indemnity_label(d), d._sum(d.due, "indemnity")),
        ("Total échu au jour du jugement", d.total_due),
        (not_due_heading(d)[2], d._sum(d.not_due, "principal")),
        ("Montant total déclaré", d.total),
    ]
    out = [paragraph("Récapitulatif", "Heading2")]
    out += [paragraph(f"{label} : {money(value)}") for label, value in lines]
    if d.unallocated > 0.005:  # after « Avoirs à déduire »
        out.insert(3, paragraph(f"Avoir non imputé : {money(d.unallocated)} ({UNALLOCATED})"))
    if d.credits:  # right after « Avoirs à déduire »: where the deduction comes from
        out.insert(3, paragraph(credit_detail(d.credits, d.credited, "déclaré")))
    out.append(
        paragraph(
            "Créance déclarée à titre chirographaire : le classeur ne connaît ni sûreté ni "
            "privilège ; indiquez-les s'il y en a (L622-25)."
        )
    )
    return out


def _documents(d: Declaration) -> list[str]:
    items = [
        # Each invoice once: one in instalments is one row per instalment (review-lawre L3).
        "copies des factures "
        + ", ".join(dict.fromkeys(i.number for i in [*d.due, *d.not_due]))
        + (
            " et des avoirs " + ", ".join(dict.fromkeys(i.number for i in d.credits))
            if d.credits
            else ""
        ),
        "conditions générales de vente, bon de commande, devis ou contrat signés",
        "bons de livraison ou procès-verbaux de réception",
        "relevé de compte du client et décompte des intérêts (ci-dessus)",
    ]
    if d.notices:
        items.append("mises en demeure et avis de réception : " + " ; ".join(d.notices))
    if beyond_law(d):
        items.append("justificatifs des frais de recouvrement exposés au-delà de 40 € par "
                     "facture (L441-10 II)")  # fmt: skip
    if d.in_court:
        items.append(
            "le cas échéant, acte de saisine de la juridiction (requête en injonction de payer, "
            "assignation) pour la facture " + ", ".join(n for n, _ in d.in_court)
        )
    items.append(
        "pouvoir spécial du déclarant, si la déclaration n'est pas signée par le représentant "
        "légal du créancier (L622-24)"
    )
    return items


def _signatory(creditor: Creditor) -> str:
    who = creditor.representative.strip() or TO_FILL.format(what="représentant légal")
    title = creditor.representative_title.strip()
    name = creditor.name.strip() or TO_FILL.format(what="raison sociale")
    return f"Pour {name} : {who}" + (f", {title}" if title else "")


__all__ = ["Declaration", "write_declaration"]
