"""What the status says of an invoice of a client in collective proceedings: no reminder, the
declaration, its deadline and to whom; a claim born after the judgment, by its own rules.

Sauvegarde and redressement: the claim is declared to the mandataire judiciaire (L622-24). A
claim born after the opening judgment escapes declaration only when L622-17 I describes it
(born for the needs of the proceedings or of the observation period, or in return for a
service supplied to the debtor during it); the others are declared (L622-24, 6th paragraph),
and a priority claim keeps its priority only if brought to the administrateur or the
mandataire within one year of the end of the observation period (L622-17 IV).
Liquidation judiciaire: the judgment makes every claim due at once (L643-1), the claim goes to
the liquidateur (L641-1 II), later claims follow L641-13, and the debtor, dispossessed, can no
longer pay nor act (L641-9).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import declaration_deadline
from ..wording import date_short, join_list, money
from .prescription import column

LIQUIDATION = "liquidation judiciaire"
NO_LETTER = "Réglée : aucun courrier au client, en procédure collective (Code de commerce L622-21)"
LATER_OBSERVATION = (
    " (Code de commerce L622-17 I) : payable à son échéance, hors déclaration, si elle est née "
    "régulièrement pour les besoins de la procédure ou de la période d'observation, ou en "
    "contrepartie d'une prestation fournie au débiteur pendant cette période ; sinon, "
    "déclarez-la (L622-24, al. 6) ; son privilège n'est conservé que si elle est portée à la "
    "connaissance de l'administrateur ou du mandataire judiciaire dans l'année suivant la fin "
    "de la période d'observation (L622-17 IV) ; pas de relance automatique"
)
LATER_LIQUIDATION = (
    " (Code de commerce L641-13) : payable à son échéance si elle est née pour les besoins du "
    "déroulement de la procédure ou du maintien provisoire de l'activité ; sinon, "
    "déclarez-la au liquidateur ; à réclamer au liquidateur judiciaire, le débiteur, dessaisi, "
    "ne pouvant plus payer ni agir (L641-9) ; pas de relance automatique"
)


def _texts(dates: pd.Series) -> np.ndarray:
    """dd/mm/yyyy per row ("" when there is no date)."""
    # Formatted once per distinct date (a few, over a million rows); -1 (no date) is "".
    codes, uniques = pd.factorize(dates.to_numpy())
    names = [date_short(pd.Timestamp(d).date()) for d in uniques]
    return np.array([*names, ""], dtype=object)[codes]


def _deadlines(notice: pd.Series, overseas: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the day to declare by (dd/mm/yyyy, "" without a BODACC date) and, when it
    falls on a Saturday, a Sunday or a public holiday, the sentence of the next working day
    the law allows (CPC 642); each distinct date worked out once."""
    codes, uniques = pd.factorize(notice.to_numpy())
    days = [declaration_deadline(pd.Timestamp(d).date(), overseas) for d in uniques]
    aimed = [date_short(a) for a, _ in days]
    later = [
        f" ; ce jour n'étant pas ouvrable, le délai court jusqu'au {date_short(last)} (Code de "
        "procédure civile 642)"
        if last != a
        else ""
        for a, last in days
    ]
    return np.array([*aimed, ""], dtype=object)[codes], np.array([*later, ""], dtype=object)[codes]


Paid = tuple[tuple[pd.Timestamp, float], ...]


def _late(frame: pd.DataFrame) -> tuple[np.ndarray, dict[int, Paid]]:
    """late_paid's amounts, and by row position the (date, amount) of each such payment."""
    if "judgment_date" not in frame or not frame["judgment_date"].notna().any():
        return np.zeros(len(frame)), {}  # no judgment dated: no grouping on a million rows
    judged = column(frame, "judgment_date").groupby(frame["client"]).transform("max")
    born = column(frame, "performance_date").fillna(frame["invoice_date"])
    paid_on = column(frame, "payment_date")
    before = (born < judged).to_numpy(dtype=bool) & ~frame["is_credit"].to_numpy(dtype=bool)
    paid = frame["paid"].to_numpy(dtype=float)
    out = np.where(before & (paid_on >= judged).to_numpy(dtype=bool) & (paid > 0), paid, 0.0)
    each: dict[int, Paid] = {
        i: ((paid_on.iat[i], float(out[i])),) for i in np.flatnonzero(out > 0).tolist()
    }
    if "payments" in frame:
        for i in np.flatnonzero(before).tolist():
            payments = frame["payments"].iat[i]
            if payments:
                day = judged.iat[i]
                later = tuple((pd.Timestamp(d), a) for d, a in payments if pd.Timestamp(d) >= day)
                out[i] = round(sum(a for _, a in later), 2)
                each.pop(i, None)
                if later:
                    each[i] = later
    return out, each


def late_paid(frame: pd.DataFrame) -> np.ndarray:
    """What each invoice born before its client's opening judgment was paid on or after it:
    a payment L622-7 forbids (L641-3 in a liquidation), not deducted from the claim. Its
    dated payments when a payments sheet gives them, else its payment if dated so."""
    return _late(frame)[0]


def late_payments(frame: pd.DataFrame) -> list[Paid]:
    """By row, each payment late_paid counts: (date, amount), in date order."""
    each = _late(frame)[1]
    return [each.get(i, ()) for i in range(len(frame))]


def paid_after_judgment(frame: pd.DataFrame) -> np.ndarray:
    """Invoices born before the client's opening judgment and paid (in part) on or after it."""
    return late_paid(frame) > 0


def mark_insolvent(frame: pd.DataFrame, masks: dict[str, np.ndarray]) -> None:
    """The invoices frozen by their client's collective proceedings, in place: one invoice
    marked is enough, the proceedings concern the client. One paid on or after the judgment
    for an earlier debt is still declared (the payment forbidden, L622-7): not « paid »."""
    insolvent = frame["insolvent"].groupby(frame["client"]).transform("any").to_numpy(bool)
    forbidden = insolvent & paid_after_judgment(frame) & ~masks["credit"]
    masks["insolvent"] = insolvent & (~masks["paid"] | forbidden) & ~masks["credit"]
    for name in ("thanks", "paid"):
        masks[name] = masks[name] & ~forbidden
    # No letter at all to a client in proceedings, not even thanks (L622-21): « silenced ».
    masks["silenced"] = insolvent & masks["paid"] & ~masks["credit"]
    masks["thanks"] = masks["thanks"] & ~insolvent


def say_no_letter(
    reason: np.ndarray, mask: np.ndarray, level: np.ndarray, owes: np.ndarray
) -> None:
    """The status of a paid invoice of a client in collective proceedings that would have had
    a letter (thanks after a reminder, penalties owed): none, the declaration is the channel."""
    plain = mask & ((level >= 1) | owes) & (reason == "Réglée")
    reason[plain] = NO_LETTER


def forbidden_payment(payments: Sequence[tuple[Any, float]]) -> str:
    """The warning on the payments received after the opening judgment for an earlier debt:
    each one's amount and date."""
    if len(payments) == 1:
        [(day, amount)] = payments
        return (
            f"paiement de {money(amount)} reçu le {_short(day)}, après le jugement d'ouverture, "
            "pour une dette née avant lui : paiement interdit par l'article L622-7 du Code de "
            "commerce, qui pourra devoir être restitué au mandataire judiciaire ou au "
            "liquidateur ; ne le déduisez pas, déclarez la créance entière due au jour du "
            "jugement et prévenez votre avocat"
        )
    total = round(sum(a for _, a in payments), 2)
    each = join_list([f"{money(a)} le {_short(d)}" for d, a in payments])
    return (
        f"{len(payments)} paiements, {money(total)} en tout, reçus après le jugement "
        f"d'ouverture pour une dette née avant lui ({each}) : paiements interdits par "
        "l'article L622-7 du Code de commerce, qui pourront devoir être restitués au mandataire "
        "judiciaire ou au liquidateur ; ne les déduisez pas, déclarez la créance entière due au "
        "jour du jugement et prévenez votre avocat"
    )


def _short(day: Any) -> str:
    """dd/mm/yyyy of a date or a Timestamp."""
    return date_short(pd.Timestamp(day).date())


def insolvency_reasons(put: Callable[..., None], frame: pd.DataFrame) -> None:
    """Collective proceedings: no reminder, the declaration's deadline and what it holds."""
    # The dates may be on one invoice of the client only: they hold for all of them.
    by_client = frame["client"]
    notice = frame["bodacc_date"].groupby(by_client).transform("max")
    judged = column(frame, "judgment_date").groupby(by_client).transform("max")
    kinds = frame["proceedings"] if "proceedings" in frame else pd.Series(None, index=frame.index)
    liquidation = (kinds == LIQUIDATION).groupby(by_client).transform("any").to_numpy(bool)
    overseas = "creditor_overseas" in frame  # set by the run from [creditor] address
    deadline, extended = _deadlines(notice, overseas)
    noticed, judgment = _texts(notice), _texts(judged)
    born = column(frame, "performance_date").fillna(frame["invoice_date"])
    later = (born >= judged).to_numpy(dtype=bool)
    known, dated = deadline != "", judgment != ""
    stop = "Procédure collective du client" + np.where(
        dated, " (jugement d'ouverture du " + judgment + ")", ""
    )
    stop = stop + " : aucune relance ni poursuite (Code de commerce L622-21)"
    stop = stop + np.where(dated, " ; intérêts arrêtés au jugement (L622-28)", "")
    stop = stop + np.where(
        liquidation,
        " ; liquidation judiciaire : toutes les factures deviennent exigibles (L643-1), le "
        "débiteur est dessaisi (L641-9) ; déclarez la créance au liquidateur judiciaire "
        "(L641-1 II)",
        " ; déclarez la créance au mandataire judiciaire",
    )
    when = np.where(
        known,
        " au plus tard le " + deadline + (
            " (4 mois après la publication au BODACC du " + noticed + " : 2 mois, R622-24, et 2 "
            "de plus, le créancier étant établi hors de France métropolitaine)"
            if overseas
            else " (2 mois après la publication au BODACC du " + noticed + ", R622-24 ; 2 mois "
            "de plus pour un créancier établi hors de France métropolitaine)"
        ) + extended,
        " dans les 2 mois de la publication au BODACC (R622-24) : indiquez sa date dans la "
        "colonne de la procédure ou « Date BODACC »",
    )  # fmt: skip
    figures = np.where(
        dated,
        "",
        " ; indiquez la date du jugement d'ouverture (colonne « Date du jugement ») pour chiffrer "
        "la déclaration",
    )
    put("insolvent", lambda m: stop[m] + when[m] + figures[m], ~later)
    forbidden = paid_after_judgment(frame) & ~later
    if forbidden.any():
        each = late_payments(frame)

        def warned(m: np.ndarray) -> np.ndarray:
            said = [forbidden_payment(p) for p, keep in zip(each, m, strict=True) if keep]
            return stop[m] + when[m] + figures[m] + " ; " + np.array(said, dtype=object)

        put("insolvent", warned, forbidden)
    rule = np.where(liquidation, LATER_LIQUIDATION, LATER_OBSERVATION)
    # No delivery date: the invoice may bill a service before the judgment (review-late M5).
    undelivered = column(frame, "performance_date").isna().to_numpy(dtype=bool) & dated
    before = np.where(
        undelivered,
        " ; sans date de prestation : si la prestation est antérieure au " + judgment
        + ", la créance est née avant : à déclarer" + when + " ; passé ce délai, relevé de "
        "forclusion à demander dans les 6 mois de la publication au BODACC (L622-26)",
        "",
    )  # fmt: skip
    own = _later_deadlines(frame["due_date"], overseas)
    put(
        "insolvent",
        lambda m: "Créance née après le jugement d'ouverture du " + judgment[m] + rule[m] + own[m]
        + before[m],
        later,
    )  # fmt: skip


def _later_deadlines(due: pd.Series, overseas: bool) -> np.ndarray:
    """A claim born after the judgment, if declared: 2 months from its due date (R622-24,
    2nd paragraph; 2 more for a creditor overseas), never from the BODACC notice."""
    aimed, extended = _deadlines(due, overseas)
    dues = _texts(due)
    plus = " ; 2 mois de plus, créancier établi hors de France métropolitaine" if overseas else ""
    return np.where(
        aimed != "",
        " ; si elle doit être déclarée : au plus tard le " + aimed + " (2 mois à compter de "
        "son exigibilité, échéance du " + dues + ", Code de commerce R622-24, al. 2" + plus + ")"
        + extended,
        " ; si elle doit être déclarée : dans les 2 mois de son exigibilité (R622-24, al. 2)",
    )  # fmt: skip


__all__ = [
    "LATER_LIQUIDATION",
    "LATER_OBSERVATION",
    "LIQUIDATION",
    "NO_LETTER",
    "forbidden_payment",
    "insolvency_reasons",
    "late_paid",
    "late_payments",
    "mark_insolvent",
    "paid_after_judgment",
    "say_no_letter",
]
