"""The litigation file of one client as a Word document: its parties, its claim period by period
and on what basis, its statement, its mise en demeure, its timeline, the documents to attach,
the procedure and the figures for the request."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import Creditor
from ..wording import day_long, money, percent
from .attached import documents
from .days import day_or_dash as _day
from .days import short_day
from .docxwrite import paragraph, table, write_document
from .dossier import Dossier
from .parties import basis_lines, creditor_lines, debtor_lines, legal_rate_lines
from .received import received_lines
from .requested import request_lines
from .settled import settled_lines
from .statement import statement_lines
from .timebar import barred_lines, lapse_lines, urgent_lines


def write_dossier(dossier: Dossier, target: Path) -> Path:
    """The file as a Word document (nothing to fill by hand), written straight as XML."""
    body = [
        paragraph(f"Dossier de recouvrement — {dossier.client}", "Heading1"),
        paragraph(f"Établi le {day_long(dossier.as_of)}."),
        *urgent_lines(dossier),
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
    # Once each: an invoice in instalments is one row per instalment, one letter all the same.
    lines = [f"{short_day(e.day)} — {e.text}" for e in sorted(dossier.events, key=lambda e: e.day)]
    body += [paragraph(line, "ListBullet") for line in dict.fromkeys(lines)]
    if not dossier.events:
        body.append(paragraph("Aucune ligne au journal des relances pour ce client."))
    body.append(paragraph("Pièces à joindre", "Heading2"))
    body += [paragraph(item, "ListBullet") for item in documents(dossier.debtor.public)]
    body += [paragraph("Procédure", "Heading2"), paragraph(dossier.procedure())]
    body += request_lines(dossier) + barred_lines(dossier)
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
    lines += dossier.interest_from + lapse_lines(dossier)
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
            + (_SET_OFF if any(_set_off(c) for c in dossier.credits) else "")
        )
    return lines


# A free credit note (or what is left of one) deducted by compensation: from when (1347 al. 2).
_SET_OFF = (
    " ; un avoir qui ne nomme aucune facture, ou le reste d'un avoir plus grand que sa facture, "
    "déduit par compensation, réduit la base des intérêts de la facture qu'il éteint dès le jour "
    "où la compensation joue : le jour de l'avoir, ou l'échéance de cette facture si elle est "
    "postérieure (Code civil 1347 al. 2)"
)


def _set_off(credit: Any) -> bool:
    """Whether a credit note of the file is set off against other invoices: it names none, or
    it settled the one it names and has some left."""
    left = -float(credit.principal)
    return left > 0.005 and (not credit.credit_for or -float(credit.amount) - left > 0.005)


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


__all__ = ["write_dossier"]
