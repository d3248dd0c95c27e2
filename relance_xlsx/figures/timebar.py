"""What a litigation file says of prescription and of a public debt's lapse: the invoices
already barred (left out of the claim, listed apart), a bar days away (said first: only a
court claim or an acknowledgement interrupts it), and a public debtor's lapse date.

Code de commerce L110-4 (5 years between businesses), Code de la consommation L218-2 (2 years
against a consumer), loi n° 68-1250 (a public debt lapses four years from 1 January after
the year its right arose, each written demand starting them again); Code civil 2238: the
small-claims procedure suspends prescription only from the debtor's agreement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..ledger import public_holidays
from .days import short_day
from .docxwrite import paragraph

if TYPE_CHECKING:
    from .dossier import Dossier

LAW_1968 = "loi n° 68-1250 du 31 décembre 1968"
_LAW = {
    "business": "Code de commerce L110-4",
    "consumer": "Code de la consommation L218-2",
    "public": f"déchéance quadriennale, {LAW_1968}, art. 1",
}
# What interrupted a public debt's lapse last, by the basis of its start (policy/prescription).
_SINCE = {
    "letter": "de la relance du",
    "journal": "de la relance du",
    "payment": "du paiement partiel du",
    "billed": "de la facture (demande de paiement) du",
}


@dataclass(frozen=True)
class TimeBar:
    """When one invoice's claim is barred (its first day barred), under which rule
    (« business », « consumer », « public »), counted from what day and what that day is
    (a name of policy.prescription.BASES); soon: within [policy] prescription_warning_days."""

    number: str
    barred_on: dt.date
    regime: str
    start: dt.date | None = None
    basis: str = ""
    soon: bool = False
    paid_after: dt.date | None = None  # a part payment once barred: it interrupted nothing

    @property
    def public(self) -> bool:
        """A public debt's four-year lapse, not a prescription."""
        return self.regime == "public"


def barred_text(bar: TimeBar) -> str:
    """« prescrite depuis le 03/11/2026 (Code de commerce L110-4) »."""
    head = "déchue" if bar.public else "prescrite"
    said = f"{head} depuis le {short_day(bar.barred_on)} ({_LAW[bar.regime]})"
    if bar.paid_after is None:
        return said
    return (
        f"{said} ; le règlement du {short_day(bar.paid_after)}, postérieur, ne l'a pas "
        "interrompue ; il ne vaut renonciation que s'il est sans équivoque (Code civil "
        "2250-2251) : à vérifier avant toute action"
    )


def barred_lines(dossier: Dossier) -> list[str]:
    """The barred invoices the request leaves out, one paragraph each, after its figures."""
    if not dossier.barred:
        return []
    out = [paragraph("Hors de la requête, prescription ou déchéance acquise :")]
    out += [
        paragraph(f"Facture {inv.number} : {barred_text(bar)}, non réclamée", "ListBullet")
        for inv, bar in dossier.barred
    ]
    return out


def urgent_lines(dossier: Dossier) -> list[str]:
    """The file's first words when a claimed invoice is barred within the warning days (not a
    public debt: a letter interrupts its lapse, lapse_lines says when)."""
    soon = sorted((b for b in dossier.bars if b.soon and not b.public), key=lambda b: b.barred_on)
    if not soon:
        return []
    first = soon[0]
    last = short_day(first.barred_on - dt.timedelta(days=1))
    which = _numbers([b.number for b in soon if b.barred_on == first.barred_on])
    return [
        paragraph(
            f"Dernier jour pour agir : {last}{_file_by(first.barred_on - dt.timedelta(days=1))} "
            f"; prescription acquise le {short_day(first.barred_on)} si rien ne l'interrompt "
            f"({which}, {_LAW[first.regime]}) : seule une demande en justice (injonction de "
            "payer) ou une reconnaissance de dette l'interrompt ; la procédure des petites "
            "créances ne la suspend qu'à compter de l'accord du débiteur (Code civil 2238). "
            "Déposez la requête en injonction de payer au plus tard le "
            f"{short_day(_working_before(first.barred_on))}."
        )
    ]


def working(day: dt.date) -> bool:
    """Neither a Saturday, a Sunday nor a French public holiday."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


def _working_before(day: dt.date) -> dt.date:
    """The last working day before day."""
    day -= dt.timedelta(days=1)
    while not working(day):
        day -= dt.timedelta(days=1)
    return day


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _file_by(last: dt.date) -> str:
    """A last day on a Saturday, a Sunday or a public holiday: file by the working day
    before (whether CPC 642 extends a Code civil prescription is not settled)."""
    if working(last):
        return ""
    day = _working_before(last)
    what = _WEEKDAYS[last.weekday()] if last.weekday() >= 5 else "jour férié"
    return f" ({what} : déposez au plus tard le {_WEEKDAYS[day.weekday()]} {short_day(day)})"


def urgent(dossier: Dossier) -> bool:
    """A claimed invoice is barred within the warning days: the injonction de payer first."""
    return any(b.soon and not b.public for b in dossier.bars)


def lapse_lines(dossier: Dossier) -> list[str]:
    """A public debtor's lapse date(s): « déchéance quadriennale : le 01/01/2031, compte tenu
    de la relance du 20/11/2026 », by date and by what last interrupted it."""
    bars = [b for b in dossier.bars if b.public]
    groups: dict[tuple[dt.date, str], list[str]] = {}
    for b in bars:
        groups.setdefault((b.barred_on, _since(b)), []).append(b.number)
    out = []
    for (day, since), numbers in sorted(groups.items()):
        which = f" ({_numbers(numbers)})" if len(groups) > 1 else ""
        out.append(
            f"Déchéance quadriennale{which} : le {short_day(day)}, {since} ({LAW_1968}, art. 1 "
            "et 2) ; toute réclamation écrite adressée au débiteur avant cette date, en "
            "recommandé avec avis de réception, l'interrompt"
        )
    return out


def _since(bar: TimeBar) -> str:
    """What the lapse is counted from: the last interruption, else the year the right arose."""
    words = _SINCE.get(bar.basis)
    if words and bar.start is not None:
        return f"compte tenu {words} {short_day(bar.start)}"
    year = bar.start.year if bar.start is not None else bar.barred_on.year - 5
    return f"droit né en {year}"


def _numbers(numbers: Sequence[str]) -> str:
    """« facture Q3 » or « factures Q3, Q4 »."""
    return f"facture{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}"


__all__ = ["TimeBar", "barred_lines", "barred_text", "lapse_lines", "urgent", "urgent_lines"]
