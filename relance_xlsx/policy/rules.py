"""The policy's rules in the order they are tried, and the sentence saying why one applied."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import (
    FORMAL_NOTICE,
    LITIGATION,
    PUBLIC_ENTERPRISE,
    REMINDER_1,
    REMINDER_2,
    hold_sentence,
    sued_abroad,
)
from ..wording import date_short, money
from .barred import barred_reasons
from .insolvent import insolvency_reasons
from .prescription import Prescription
from .statuses import say_settled

_SENT_NAMES = {
    REMINDER_1: "1re relance",
    REMINDER_2: "2e relance",
    FORMAL_NOTICE: "mise en demeure",
    LITIGATION: "contentieux",
}
# The policy's rules in the order they are tried; "wait" is what is left.
RULES = (
    "invalid",
    "hold",
    "credit",
    "claim",
    "thanks",
    "paid",
    "insolvent",
    "prescribed",
    # Barred before the deadline a letter of today would give: no letter (barred.py).
    "imminent",
    "promised",
    "waiting",
    "pre_due",
    "not_late",
    "first",
    "in_litigation",
    "escalate",
    "wait",
)
RULE = {name: i for i, name in enumerate(RULES)}
NEVER = 10**6  # days since a letter whose date is unknown: "sent long ago"


def reasons(
    frame: pd.DataFrame,
    rule: np.ndarray,
    level: np.ndarray,
    level_after: np.ndarray,
    days_late: np.ndarray,
    since: np.ndarray,
    delay: np.ndarray,
    barred: Prescription,
) -> np.ndarray:
    """A short French sentence per invoice saying why this action today.

    Built rule by rule over whole columns: a Python loop per row took 17 s for a million rows.
    """
    out = np.full(len(rule), "", dtype=object)
    due = _date_texts(frame["due_date"])
    has_due = due != ""
    sent = _date_texts(frame["last_date"])
    late = lookup(np.nan_to_num(days_late).astype(int), _days)
    ago = lookup(since.astype(int), _days)
    prev = lookup(level, lambda lv: _SENT_NAMES.get(int(lv), "relance"))
    next_name = lookup(level_after, lambda lv: _SENT_NAMES.get(int(lv), "relance"))
    next_title = lookup(level_after, lambda lv: _capitalised(_SENT_NAMES.get(int(lv), "relance")))

    def put(name: str, make: Callable[[np.ndarray], Any], when: np.ndarray | None = None) -> None:
        mask = rule == RULE[name] if when is None else (rule == RULE[name]) & when
        if mask.any():
            out[mask] = make(mask)

    problem = frame["problem"].to_numpy(dtype=object)
    put("invalid", lambda m: "À corriger : " + problem[m].astype(str).astype(object))
    _hold(put, frame)
    say_settled(put, frame, level, prev)
    _prescription(put, frame, barred)
    if (rule == RULE["insolvent"]).any():  # its groupings cost a run without any
        insolvency_reasons(put, frame)
    _promise(put, frame)
    waiting = frame["wait_reason"].to_numpy(dtype=object)
    put("waiting", lambda m: waiting[m])
    put("pre_due", lambda m: "Rappel avant échéance : échéance le " + due[m], has_due)
    put("pre_due", lambda m: "Rappel", ~has_due)
    put("not_late", lambda m: "Non échue : échéance le " + due[m], has_due)
    put("not_late", lambda m: "Non échue", ~has_due)
    put(
        "first",
        lambda m: next_title[m] + " : échue le " + due[m] + ", " + late[m] + " de retard",
        has_due,
    )
    put("first", lambda m: next_name[m], ~has_due)
    put("in_litigation", lambda m: "Contentieux en cours : aucune lettre")
    sent_on = _sent_on(frame, sent)
    since_letter = _since_letter(frame)

    def without(m: np.ndarray) -> np.ndarray:
        return prev[m] + sent_on[m] + since_letter[m] + ago[m]

    to_court = level_after >= LITIGATION
    _to_court(put, frame, without, to_court)
    put("escalate", lambda m: next_title[m] + " : " + without(m), ~to_court)
    delay_text = lookup(delay, str)
    put(
        "wait",
        lambda m: (
            "En attente : "
            + prev[m]
            + " envoyée il y a "
            + ago[m]
            + " (délai "
            + delay_text[m]
            + " jours)"
        ),
    )
    return out


def _to_court(
    put: Callable[..., None],
    frame: pd.DataFrame,
    without: Callable[[np.ndarray], np.ndarray],
    to_court: np.ndarray,
) -> None:
    """Handed to litigation: the injonction de payer, or for a public person (no injonction
    de payer, no seizure: legal-fr.md 8.1) the administrative court's référé-provision. An
    entreprise publique is a company; an EPIC is a public person, whose public contracts are
    administrative (Code de la commande publique L6)."""
    buyer = frame["buyer"].to_numpy(dtype=object) if "buyer" in frame else None
    public = frame["public"].to_numpy(dtype=bool)
    if buyer is not None:
        public = public & (buyer != PUBLIC_ENTERPRISE)
    # A consumer living outside the reach of French civil procedure is sued where he lives
    # (Brussels I bis, art. 18(2); ledger/territory.py): no French injonction de payer.
    abroad = to_court & ~public & _consumers_abroad(frame, to_court)
    put(
        "escalate",
        lambda m: "Contentieux : " + without(m) + " ; injonction de payer à engager",
        to_court & ~public & ~abroad,
    )
    put(
        "escalate",
        lambda m: (
            "Contentieux : " + without(m) + " ; procédure judiciaire de recouvrement à engager "
            "devant le juge du domicile du consommateur (pas d'injonction de payer française)"
        ),
        abroad,
    )
    put(
        "escalate",
        lambda m: (
            "Contentieux : " + without(m) + " ; référé-provision à demander au tribunal "
            "administratif (pas d'injonction de payer contre une personne publique)"
        ),
        to_court & public,
    )


def _consumers_abroad(frame: pd.DataFrame, among: np.ndarray) -> np.ndarray:
    """The consumers, among some rows, whose address is outside French civil procedure."""
    out = np.zeros(len(frame), dtype=bool)
    if "address" not in frame or "consumer" not in frame:
        return out
    rows = np.flatnonzero(among & frame["consumer"].to_numpy(dtype=bool))
    addresses = frame["address"].to_numpy(dtype=object)[rows]
    out[rows] = [sued_abroad(a) for a in addresses]
    return out


def _since_letter(frame: pd.DataFrame) -> np.ndarray:
    """« sans règlement depuis », or, when a payment came after the last letter, what it
    left: « ; règlement partiel le 05/11/2026, reste dû 860,00 € ; depuis »."""
    out = np.full(len(frame), " sans règlement depuis ", dtype=object)
    after = (frame["paid"].to_numpy(dtype=float) > 0) & (
        frame["payment_date"] > frame["last_date"]
    ).to_numpy(dtype=bool)
    if after.any():
        paid_on = _date_texts(frame["payment_date"].where(after))
        rest = frame["outstanding"].to_numpy(dtype=float)
        out[after] = [
            f" ; règlement partiel le {day}, reste dû {money(left)} ; lettre envoyée il y a "
            for day, left in zip(paid_on[after], rest[after], strict=True)
        ]
    return out


def _promise(put: Callable[..., None], frame: pd.DataFrame) -> None:
    """A promise to pay still running: no reminder until its date (and the grace)."""
    promised = _date_texts(frame["promise_date"])
    put(
        "promised",
        lambda m: "Promesse de paiement au " + promised[m] + " : pas de relance d'ici là",
    )


def _hold(put: Callable[..., None], frame: pd.DataFrame) -> None:
    """On hold: by the dispute column, by a remark whose words say so (quoted), or held back
    until a date (« Ne pas relancer avant ») with the office's reason."""
    back = frame["held_back"].to_numpy(dtype=bool)
    said = frame["hold_reason"].notna().to_numpy(dtype=bool) & ~back
    written = frame["hold_reason"].to_numpy(dtype=object)
    put(
        "hold",
        lambda m: "En litige : pas de relance tant que le blocage n'est pas levé",
        ~said & ~back,
    )
    # The ledger's sentence: a dispute quoted from the remarks, a platform's suspension.
    put("hold", lambda m: written[m], said)
    if back.any():
        put("hold", lambda m: _held_back(frame, m), back)


def _held_back(frame: pd.DataFrame, mask: np.ndarray) -> np.ndarray:
    """« Pas de relance avant le 29/11/2026 : <reason> », the very sentence read back."""
    until = frame["hold_until"].to_numpy()[mask]
    why = frame["held_reason"].to_numpy(dtype=object)[mask]
    return np.array(
        [hold_sentence(pd.Timestamp(d).date(), w or "") for d, w in zip(until, why, strict=True)],
        dtype=object,
    )


def _prescription(put: Callable[..., None], frame: pd.DataFrame, barred: Prescription) -> None:
    """Why a time-barred invoice gets no letter: its rule, its start, what interrupts it."""
    put("prescribed", lambda m: np.array(barred_reasons(barred, frame, m), dtype=object))


def lookup(values: np.ndarray, make: Callable[[Any], Any]) -> np.ndarray:
    """make(v) for every value, computed once per distinct value (a few, over a million rows)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return np.array([make(u) for u in uniques] + [None], dtype=object)[codes]


def _sent_on(frame: pd.DataFrame, sent: np.ndarray) -> np.ndarray:
    """« du 22/11/2026 » of the level's letter; the registered envelope that listed the
    invoice said as the letters say it: that very letter (« (lettre recommandée) ») or a
    later one (« , puis lettre recommandée du … »)."""
    sent_on = np.where(sent != "", " du " + sent, " (date inconnue)")
    if "envelope_date" not in frame:
        return sent_on
    envelope = _date_texts(frame["envelope_date"])
    same = (envelope != "") & (envelope == sent)
    after = (envelope != "") & ~same
    sent_on = np.where(same, sent_on + " (lettre recommandée)", sent_on)
    return np.where(after, sent_on + ", puis lettre recommandée du " + envelope, sent_on)


def _date_texts(dates: pd.Series) -> np.ndarray:
    """dd/mm/yyyy per row ("" when there is no date), formatted once per distinct date."""
    return lookup(
        dates.to_numpy(), lambda d: date_short(pd.Timestamp(d).date()) if pd.notna(d) else ""
    )


def _days(n: int) -> str:
    if n >= NEVER:
        return "longtemps"
    if n == 0:
        return "0 jour (aujourd'hui)"
    return f"{n} jour" if n == 1 else f"{n} jours"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = ["NEVER", "RULE", "RULES", "lookup", "reasons"]
