"""The parts of a declaration of claim that depend on the kind of proceedings: to whom it goes,
by when, what a liquidation changes, and the claims born after the judgment.

Liquidation judiciaire: the claim goes to the liquidateur (Code de commerce L641-1 II, L641-3),
the judgment makes the claims not yet due payable at once (L643-1), the debtor is dispossessed
(L641-9), later claims follow L641-13. Sauvegarde and redressement: to the mandataire
judiciaire; a later claim escapes declaration only under L622-17 I, the others are declared
(L622-24, 6th paragraph), and a priority is kept only if claimed within one year of the end of
the observation period (L622-17 IV).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..ledger import declaration_deadline
from ..wording import date_short, day_long, de
from .docxwrite import paragraph

if TYPE_CHECKING:
    from .declaration import Declaration
    from .dossier import ClaimedInvoice

TO_FILL = "[À COMPLÉTER : {what}]"
LIQUIDATION = "liquidation judiciaire"


def liquidation(d: Declaration) -> bool:
    """The proceedings are a liquidation judiciaire."""
    return d.proceedings == LIQUIDATION


def practitioner(d: Declaration) -> str:
    """« liquidateur judiciaire » or « mandataire judiciaire »."""
    return "liquidateur judiciaire" if liquidation(d) else "mandataire judiciaire"


def heading(d: Declaration) -> str:
    """The declaration's first sentence: the proceedings, the debtor, to whom it goes."""
    title = (d.proceedings or "procédure collective").capitalize()
    articles = "L622-24 à L622-26, L641-1 II et L641-3, R622-23" if liquidation(d) else (
        "L622-24 à L622-26, R622-23"
    )  # fmt: skip
    return (
        f"{title} {de(d.client)}. Déclaration établie le {day_long(d.as_of)}, à adresser au "
        f"{practitioner(d)} (Code de commerce {articles})."
    )


def procedure(d: Declaration) -> list[str]:
    """To whom, the judgment, the BODACC notice, the deadline; what a liquidation changes."""
    who = d.mandataire or TO_FILL.format(what=f"nom du {practitioner(d)}, publié au BODACC")
    court = d.court or TO_FILL.format(what="tribunal qui a ouvert la procédure")
    judged = (
        date_short(d.judgment)
        if d.judgment
        else TO_FILL.format(what="date du jugement d'ouverture (colonne « Date du jugement »)")
    )
    noticed = (
        date_short(d.notice)
        if d.notice
        else TO_FILL.format(what="date de publication au BODACC (colonne « Date BODACC »)")
    )
    out = [
        paragraph("Procédure", "Heading2"),
        *_addressee(d, who),
        paragraph(f"Jugement d'ouverture : {judged}, {court}"),
        paragraph(f"Publication au BODACC : {noticed}"),
    ]
    if liquidation(d):
        out.append(
            paragraph(
                "Liquidation judiciaire : le jugement rend exigibles les créances non échues "
                "(Code de commerce L643-1) ; le débiteur est dessaisi de l'administration et de "
                "la disposition de ses biens, ses droits et actions sont exercés par le "
                "liquidateur (L641-9) : n'adressez plus ni relance ni demande de paiement au "
                "débiteur."
            )
        )
    return out + _deadline(d)


# « Me », « Me. », « Maître » before the name in the ledger's cell: said once, as « Maître ».
_TITLE = re.compile(r"^\s*(?:ma[iî]tre|me\.?)\s+", re.IGNORECASE)


def _addressee(d: Declaration, who: str) -> list[str]:
    """« Destinataire : Maître Durand, mandataire judiciaire », then the address the cell
    gives on its next lines, asked for only when it gives none."""
    name, *address = [line.strip() for line in who.splitlines() if line.strip()] or [who]
    role = practitioner(d)
    # « Me Martin, mandataire judiciaire » in the cell: the role is not said twice.
    said = any(word in name.lower() for word in ("mandataire", "liquidateur"))
    named = f", {role}" if not d.mandataire or not said else ""
    head = f"Destinataire : Maître {_TITLE.sub('', name)}{named}"
    if not address:
        return [paragraph(f"{head}, adresse : {TO_FILL.format(what='adresse de son étude')}")]
    return [paragraph(head), *(paragraph(line) for line in address)]


_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _deadline(d: Declaration) -> list[str]:
    """The day to declare by; one that falls on a Saturday, a Sunday or a public holiday, with
    the next working day the law allows (CPC 642). Never « délai expiré »: a declaration does
    not admit foreclosure (the run's warning says it, and the relevé de forclusion)."""
    deadline, last = d.deadline, d.last_day
    if d.later and not d.due and not d.not_due:  # born after: their own day (later())
        return []
    if deadline is None or last is None:
        return [paragraph("Délai : 2 mois à compter de la publication au BODACC (R622-24).")]
    abroad = " ; 2 mois de plus, le créancier étant établi hors de France métropolitaine" if (
        d.abroad
    ) else ""  # fmt: skip
    what = "un jour férié" if deadline.weekday() < 5 else f"un {_DAYS[deadline.weekday()]}"
    extended = (
        f" Ce jour est {what} : le délai court jusqu'au premier jour ouvrable suivant, le "
        f"{day_long(last)} (Code de procédure civile 642)."
        if last != deadline
        else ""
    )
    return [
        paragraph(
            f"À déclarer au plus tard le {day_long(deadline)} (2 mois à compter de la "
            f"publication au BODACC, Code de commerce R622-24{abroad}).{extended}"
        )
    ]


def not_due_heading(d: Declaration) -> tuple[str, str, str]:
    """The heading, the note and the summary's label of the invoices not due on the judgment."""
    if liquidation(d):
        return (
            "Créances non échues au jour du jugement, rendues exigibles par la liquidation "
            "(L643-1)",
            "Sans intérêts ni indemnité : non échues au jour du jugement, exigibles par l'effet "
            "de la liquidation judiciaire.",
            "Total rendu exigible par la liquidation (L643-1)",
        )
    return (
        "Créances à échoir, avec leurs échéances (L622-25)",
        "Sans intérêts ni indemnité : non échues au jour du jugement.",
        "Total à échoir",
    )


def later(d: Declaration) -> list[str]:
    """The invoices born on or after the judgment: their own rule, never said « not declared »
    without its condition."""
    if not d.later:
        return []
    numbers = ", ".join(i.number for i in d.later)
    day = f" du {day_long(d.judgment)}" if isinstance(d.judgment, dt.date) else ""
    head = f"Factures nées le jour du jugement d'ouverture{day} ou après ({numbers}) : "
    if liquidation(d):
        rule = (
            "payables à leur échéance, hors déclaration, si elles sont nées pour les besoins du "
            "déroulement de la procédure ou du maintien provisoire de l'activité (Code de "
            "commerce L641-13) ; sinon, déclarez-les au liquidateur. À réclamer au liquidateur "
            "judiciaire : le débiteur, dessaisi, ne peut plus payer ni agir (L641-9)."
        )
    else:
        rule = (
            "payables à leur échéance, hors déclaration, si elles sont nées régulièrement pour "
            "les besoins de la procédure ou de la période d'observation, ou en contrepartie "
            "d'une prestation fournie au débiteur pendant cette période (Code de commerce "
            "L622-17 I) ; sinon, déclarez-les (L622-24, al. 6). Le privilège de L622-17 n'est "
            "conservé que si la créance est portée à la connaissance de l'administrateur ou du "
            "mandataire judiciaire dans l'année suivant la fin de la période d'observation "
            "(L622-17 IV)."
        )
    tail = " Si la prestation est antérieure au jugement, ajoutez-les ci-dessus."
    days = [paragraph(_later_deadline(i, d.abroad)) for i in d.later]
    return [
        paragraph("Créances nées après le jugement", "Heading2"),
        paragraph(head + rule + tail),
        *days,
    ]


def _later_deadline(inv: ClaimedInvoice, abroad: bool) -> str:
    """A claim born after the judgment, if it must be declared: 2 months from the day it
    falls due (Code de commerce R622-24, 2nd paragraph), never from the BODACC notice."""
    plus = " ; 2 mois de plus, le créancier étant établi hors de France métropolitaine" if (
        abroad
    ) else ""  # fmt: skip
    if not isinstance(inv.due, dt.date):
        return (
            f"Facture {inv.number}, si elle doit être déclarée : dans les 2 mois à compter de "
            f"son exigibilité (Code de commerce R622-24, al. 2{plus})."
        )
    aimed, last = declaration_deadline(inv.due, abroad)
    extended = (
        f" ; ce jour n'étant pas ouvrable, le délai court jusqu'au {day_long(last)} (Code de "
        "procédure civile 642)"
        if last != aimed
        else ""
    )
    return (
        f"Facture {inv.number}, si elle doit être déclarée : au plus tard le {day_long(aimed)} "
        f"(2 mois à compter de son exigibilité, échéance du {date_short(inv.due)}, Code de "
        f"commerce R622-24, al. 2{plus}){extended}."
    )


def interrupted(d: Declaration) -> list[str]:
    """Each invoice handed to litigation before the judgment: the instance it may have started
    is interrupted until the declaration, then resumed only to establish the claim and fix its
    amount (L622-22; L641-3 in a liquidation); the court seized is to be given (R622-23, 3°)."""
    articles = "L622-22 et L641-3" if liquidation(d) else "L622-22"
    before = ", avant le jugement d'ouverture" if d.judgment else ""
    court = TO_FILL.format(what="juridiction saisie et date de la saisine, ou « aucune »")
    return [
        f"Facture {number} remise au contentieux{' le ' + day_long(day) if day else ''}{before} "
        ": si une instance a été engagée à son titre (requête en injonction de payer, "
        "assignation), elle est interrompue par le jugement jusqu'à la présente déclaration "
        f"(Code de commerce {articles}), puis reprise pour la seule constatation de la créance "
        f"et la fixation de son montant. Juridiction saisie (R622-23, 3°) : {court}."
        for number, day in d.in_court
    ]


__all__ = [
    "heading",
    "interrupted",
    "later",
    "liquidation",
    "not_due_heading",
    "practitioner",
    "procedure",
]
