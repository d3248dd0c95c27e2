"""Reminder levels: their numbers, the labels written in the workbook, the letter kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .columns import normalise
from .values import is_empty

NONE, REMINDER_1, REMINDER_2, FORMAL_NOTICE, LITIGATION = 0, 1, 2, 3, 4
# A registered letter's days in the post (La Poste's J+2): without a dated avis de réception,
# a formal notice is taken as received this many days after its date (its delay, and a
# consumer's legal interest, run from its receipt), never on the day it was sent.
POSTAL_DAYS = 2
_SUNDAY = 6


def presumed_receipt(sent: dt.date) -> dt.date:
    """The day a letter sent on this day is presumed received: POSTAL_DAYS later, the next
    Monday when that is a Sunday (no delivery on Sundays; the code has no table of public
    holidays). The office's presumption, not a rule of law."""
    day = sent + dt.timedelta(days=POSTAL_DAYS)
    return day + dt.timedelta(days=1) if day.weekday() == _SUNDAY else day


# Written into the workbook: a data contract, change only with a CHANGELOG entry.
LEVEL_LABELS = {
    NONE: "",
    REMINDER_1: "Relance 1",
    REMINDER_2: "Relance 2",
    FORMAL_NOTICE: "Mise en demeure",
    LITIGATION: "Contentieux",
}
THANKED_LABEL = "Réglée – remerciée"
# Paid after a formal notice: its receipt was acknowledged, without thanks (never repeated).
ACKNOWLEDGED_LABEL = "Réglée – règlement accusé"
PRE_DUE_LABEL = "Rappel avant échéance"
# Paid late, and its penalties claimed in a letter of their own: never claimed twice.
CLAIMED_LABEL = "Réglée – pénalités réclamées"

KIND_REMINDER_1 = "relance_1"
KIND_REMINDER_2 = "relance_2"
KIND_FORMAL_NOTICE = "mise_en_demeure"
KIND_THANKS = "remerciement"
KIND_PRE_DUE = "pre_echeance"
# The penalties of invoices paid late (L441-10), when claim_after_payment = "letter".
KIND_CLAIM = "penalites"
# A statement of account asked for by name (relance run --releve): never changes a level.
KIND_STATEMENT = "releve"
KIND_BY_LEVEL = {
    REMINDER_1: KIND_REMINDER_1,
    REMINDER_2: KIND_REMINDER_2,
    FORMAL_NOTICE: KIND_FORMAL_NOTICE,
}
# Print order of the bundle: formal notices first, then level 2, level 1, courtesy, thanks.
# What the journal's Action column says for each action (the workbook is French).
ACTION_LABELS = {
    "letter": "Courrier",
    "thanks": "Remerciement",
    "claim": "Pénalités réclamées",
    "litigation": "Contentieux",
    "email": "E-mail envoyé",
    # Held back from the week's letters by the office (« Ne pas envoyer »), until a date.
    "held": "Ne pas envoyer",
}
PRINT_ORDER = (
    KIND_FORMAL_NOTICE,
    KIND_REMINDER_2,
    KIND_REMINDER_1,
    KIND_PRE_DUE,
    KIND_THANKS,
    KIND_CLAIM,
    KIND_STATEMENT,
)
ALL_KINDS = PRINT_ORDER
# How the summary names each kind (the kind itself names the template and the folder).
KIND_LABELS = {
    KIND_FORMAL_NOTICE: "Mise en demeure",
    KIND_REMINDER_2: "Relance 2",
    KIND_REMINDER_1: "Relance 1",
    KIND_PRE_DUE: "Rappel avant échéance",
    KIND_THANKS: "Remerciement",
    KIND_CLAIM: "Pénalités de retard",
    KIND_STATEMENT: "Relevé de compte",
}

_ALIASES = {
    "relance 1": REMINDER_1,
    "1re relance": REMINDER_1,
    "1ere relance": REMINDER_1,
    "premiere relance": REMINDER_1,
    "r1": REMINDER_1,
    "relance": REMINDER_1,
    "relance 2": REMINDER_2,
    "2e relance": REMINDER_2,
    "2eme relance": REMINDER_2,
    "deuxieme relance": REMINDER_2,
    "r2": REMINDER_2,
    "mise en demeure": FORMAL_NOTICE,
    "med": FORMAL_NOTICE,
    "relance 3": FORMAL_NOTICE,
    "contentieux": LITIGATION,
    "injonction de payer": LITIGATION,
    "recouvrement": LITIGATION,
}


class History:
    """What the workbook says was already done for an invoice."""

    __slots__ = ("acknowledged", "claimed", "level", "pre_due", "thanked")

    def __init__(
        self,
        level: int = NONE,
        thanked: bool = False,
        pre_due: bool = False,
        claimed: bool = False,
        acknowledged: bool = False,
    ) -> None:
        self.level, self.thanked, self.pre_due, self.claimed = level, thanked, pre_due, claimed
        self.acknowledged = acknowledged

    def _key(self) -> tuple[int, bool, bool, bool, bool]:
        return (self.level, self.thanked, self.pre_due, self.claimed, self.acknowledged)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, History) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def parse_level(value: Any) -> History:
    """Read a 'Niveau de relance' cell: the tool's label or a number 1–4 typed by hand."""
    if is_empty(value):
        return History()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 0 <= value <= LITIGATION:
            return History(int(value))
        raise ValueError("niveau de relance attendu entre 0 et 4")
    text = normalise(value)
    if text.isdigit() and int(text) <= LITIGATION:
        return History(int(text))
    if text == normalise(THANKED_LABEL) or text.startswith(("reglee remerciee", "remerciee")):
        return History(REMINDER_1, thanked=True)
    if text == normalise(ACKNOWLEDGED_LABEL) or text.startswith("reglee reglement accuse"):
        # Like a thank-you, the payment's receipt was written to the client: never twice.
        return History(REMINDER_1, thanked=True, acknowledged=True)
    if text == normalise(CLAIMED_LABEL) or text.startswith("reglee penalites reclamees"):
        # Claimed counts as thanked: the claim letter acknowledged the payment.
        return History(REMINDER_1, thanked=True, claimed=True)
    if text == normalise(PRE_DUE_LABEL):
        return History(NONE, pre_due=True)
    if text in _ALIASES:
        return History(_ALIASES[text])
    raise ValueError(
        "niveau de relance inconnu (attendu Relance 1, Relance 2, Mise en demeure, "
        "Contentieux ou un nombre de 1 à 4)"
    )


__all__ = [
    "ACKNOWLEDGED_LABEL",
    "ACTION_LABELS",
    "ALL_KINDS",
    "CLAIMED_LABEL",
    "FORMAL_NOTICE",
    "KIND_BY_LEVEL",
    "KIND_CLAIM",
    "KIND_FORMAL_NOTICE",
    "KIND_PRE_DUE",
    "KIND_REMINDER_1",
    "KIND_REMINDER_2",
    "KIND_STATEMENT",
    "KIND_THANKS",
    "LEVEL_LABELS",
    "LITIGATION",
    "NONE",
    "PRE_DUE_LABEL",
    "PRINT_ORDER",
    "REMINDER_1",
    "REMINDER_2",
    "THANKED_LABEL",
    "History",
    "parse_level",
]
