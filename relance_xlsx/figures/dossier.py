"""The litigation file of one client: who, what is claimed period by period, what happened,
which documents to attach, and which procedure fits (CPC 1405-1407, CPCE L125-1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Creditor
from ..wording import date_long, date_short, money, percent
from .docxwrite import paragraph, table, write_document

SMALL_CLAIMS_LIMIT = 5000.0  # procédure simplifiée de recouvrement (CPCE L125-1)


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
    debtor_address: str
    debtor_contact: str
    debtor_email: str
    debtor_phone: str
    consumer: bool
    public: bool
    invoices: list[ClaimedInvoice]
    events: list[Event] = field(default_factory=list)
    debtor_siret: str = ""
    # Credit notes in the client's favour still open: deducted from what is claimed.
    credits: list[ClaimedInvoice] = field(default_factory=list)
    # Open invoices not yet due: on the statement of account, not in the claim.
    not_due: list[ClaimedInvoice] = field(default_factory=list)

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
    def credited(self) -> float:
        """The open credit notes, as a positive amount to deduct."""
        return round(-sum(c.principal for c in self.credits), 2)

    @property
    def total(self) -> float:
        """The whole claim, credit notes deducted."""
        return round(self.principal - self.credited + self.interest + self.indemnity, 2)

    def procedure(self) -> str:
        """Which procedure fits the amount and the debtor, in one French paragraph."""
        if self.public:
            return (
                "Débiteur public : l'injonction de payer ne s'applique pas à un contrat "
                "administratif ; la voie est le référé-provision devant le tribunal administratif "
                "(à vérifier avec votre conseil)."
            )
        court = "tribunal judiciaire" if self.consumer else "tribunal de commerce"
        text = (
            f"Injonction de payer (Code de procédure civile 1405 à 1425) : requête au {court} "
            "du domicile du débiteur, avec le détail de la créance (article 1407) et les pièces "
            "ci-dessous."
        )
        if self.total <= SMALL_CLAIMS_LIMIT:
            text = (
                f"Montant inférieur à {money(SMALL_CLAIMS_LIMIT)} : la procédure simplifiée de "
                "recouvrement des petites créances, par un commissaire de justice, est possible "
                "(Code des procédures civiles d'exécution L125-1), sans juge si le débiteur "
                "accepte. À défaut : " + text[0].lower() + text[1:]
            )
        return text


DOCUMENTS = (
    "les factures (copies jointes dans pieces/ quand le classeur donne leur fichier)",
    "les conditions générales de vente, ou le bon de commande ou le devis signé",
    "les bons de livraison ou procès-verbaux de réception",
    "la mise en demeure et son avis de réception",
    "le présent relevé de compte et le détail des intérêts",
)


def write_dossier(dossier: Dossier, target: Path) -> Path:
    """The file as a Word document (nothing to fill by hand), written straight as XML."""
    body = [
        paragraph(f"Dossier de recouvrement — {dossier.client}", "Heading1"),
        paragraph(f"Établi le {date_long(dossier.as_of)}."),
        *_parties(dossier),
        *_claim(dossier),
        *_statement(dossier),
        paragraph("Chronologie", "Heading2"),
    ]
    body += [
        paragraph(f"{date_short(e.day)} — {e.text}", "ListBullet")
        for e in sorted(dossier.events, key=lambda e: e.day)
    ]
    if not dossier.events:
        body.append(paragraph("Aucune ligne au journal des relances pour ce client."))
    body.append(paragraph("Pièces à joindre", "Heading2"))
    body += [paragraph(item, "ListBullet") for item in DOCUMENTS]
    body += [paragraph("Procédure", "Heading2"), paragraph(dossier.procedure())]
    body.append(paragraph("Chiffres pour la requête", "Heading2"))
    body += [
        paragraph(f"{label} : {money(value)}")
        for label, value in (
            ("Principal", dossier.principal),
            *((("Avoirs à déduire", -dossier.credited),) if dossier.credits else ()),
            (f"Intérêts arrêtés au {date_short(dossier.as_of)}", dossier.interest),
            ("Indemnités forfaitaires", dossier.indemnity),
            ("Total réclamé", dossier.total),
        )
    ]
    return write_document(body, target)


def _parties(dossier: Dossier) -> list[str]:
    creditor = dossier.creditor
    out = [paragraph("Créancier", "Heading2")]
    lines = (creditor.name, *creditor.address.split("\n"))
    out += [paragraph(line) for line in lines if line.strip()]
    out.append(paragraph(f"SIRET {creditor.siret or 'non renseigné dans relance.toml'}"))
    out.append(paragraph("Débiteur", "Heading2"))
    kind = (
        "particulier"
        if dossier.consumer
        else "acheteur public"
        if dossier.public
        else "professionnel"
    )
    out.append(paragraph(f"{dossier.client} ({kind})"))
    out.append(paragraph(f"SIRET : {dossier.debtor_siret or 'non renseigné dans le classeur'}"))
    out += [
        paragraph(f"{label} : {value or 'non renseigné dans le classeur'}")
        for label, value in (
            ("Adresse", dossier.debtor_address),
            ("Contact", dossier.debtor_contact),
            ("E-mail", dossier.debtor_email),
            ("Téléphone", dossier.debtor_phone),
        )
    ]
    return out


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
        table(("Facture", "Date", "Échéance", "Montant", "Réglé", "Reste dû"), invoices),
        paragraph("Intérêts de retard, période par période", "Heading3"),
        table(("Facture", "Du", "Au", "Jours", "Base", "Taux", "Intérêts"), periods),
    ]
    if dossier.indemnity:
        article = (
            "Code de la commande publique R2192-32" if dossier.public else "Code de commerce D441-5"
        )
        count = sum(1 for i in dossier.invoices if i.indemnity)
        out.append(
            paragraph(
                f"Indemnités forfaitaires pour frais de recouvrement ({article}) : "
                f"{money(dossier.indemnity)} pour {count} facture(s)."
            )
        )
    return out


def _statement(dossier: Dossier) -> list[str]:
    """The client's statement of account: its open invoices and credit notes, the balance."""
    lines = [
        (
            f"{'Avoir' if inv in dossier.credits else 'Facture'} {inv.number}",
            _day(inv.issued),
            _day(inv.due),
            money(inv.amount),
            money(inv.paid),
            money(inv.principal),
        )
        for inv in sorted(
            [*dossier.invoices, *dossier.not_due, *dossier.credits],
            key=lambda i: (i.due or dt.date.max, i.number),
        )
    ]
    balance = dossier.principal + sum(i.principal for i in dossier.not_due) - dossier.credited
    out = [
        paragraph(f"Relevé de compte au {date_short(dossier.as_of)}", "Heading2"),
        table(("Pièce", "Date", "Échéance", "Montant", "Réglé", "Solde"), lines),
        paragraph(f"Solde du compte : {money(balance)}"),
    ]
    if dossier.not_due:
        numbers = ", ".join(i.number for i in dossier.not_due)
        out.append(paragraph(f"Non échues, donc hors de la créance réclamée : {numbers}."))
    return out


def _day(value: Any) -> str:
    return date_short(value) if isinstance(value, dt.date) else "–"


__all__ = ["SMALL_CLAIMS_LIMIT", "ClaimedInvoice", "Dossier", "Event", "write_dossier"]
