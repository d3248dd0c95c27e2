"""What the status says of a claim that is time-barred, or soon will be: the rule of its debtor,
the day it is counted from, and what would interrupt it (a letter does, only for public debts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import FORMAL_NOTICE, LITIGATION, POSTAL_DAYS, REMINDER_2
from ..wording import date_short
from .paidafter import paid_after_text
from .prescription import (
    BASES,
    CONSUMER,
    LAPSE_YEARS,
    PRESCRIPTION_YEARS,
    PUBLIC,
    REGIMES,
    Prescription,
    keep_bars,
    soon_prescribed,
)

LAW_1968 = "loi n° 68-1250 du 31 décembre 1968"
# What interrupts, by rule (Code civil 2240-2244; loi 68-1250, art. 2).
_INTERRUPTS = {
    "business": "seule une reconnaissance de dette (paiement partiel, échéancier signé) ou une "
    "action en justice l'interrompt, pas une relance ni une mise en demeure",
    "consumer": "seule une reconnaissance de dette (paiement partiel, échéancier signé) ou une "
    "action en justice l'interrompt, pas une relance ni une mise en demeure",
    "public": "toute réclamation écrite adressée au débiteur (une lettre de relance suffit), un "
    f"recours en justice ou un paiement partiel l'interrompt ({LAW_1968}, art. 2)",
}


# Where a letter's date comes from: it interrupts only if the letter really left (art. 2).
SENT = {
    "letter": " (date de la dernière relance du classeur, si elle est bien partie)",
    "journal": " (journal, si elle est bien partie)",
}


def _day(value: Any) -> str:
    return date_short(pd.Timestamp(value).date())


def _source(regime: str, basis: str, start: pd.Timestamp, performed: Any) -> tuple[str, str]:
    """What the term is counted from, as (« de la », « facture du 15/06/2021 … »)."""
    day = _day(start)
    if basis == "payment":
        return "du", f"paiement partiel du {day}, qui a reconnu la dette"
    if basis in ("letter", "journal"):
        return "de la", f"réclamation écrite du {day}{SENT[basis]}, qui l'a interrompue"
    if basis == "due":
        return "de l'", f"échéance du {day}"
    if basis == "performance":
        return "de la", f"livraison ou exécution de la prestation le {day}"
    if regime == "business":
        return "de la", f"facture du {day}"
    why = (
        "faute de date de livraison ou d'exécution dans le classeur"
        if pd.isna(performed)
        else "antérieure à la date d'exécution"
    )
    return "de la", f"facture du {day}, {why}"


def _rule(regime: str, basis: str, start: pd.Timestamp, performed: Any) -> str:
    """The rule and its article, with what the term is counted from."""
    article, source = _source(regime, basis, start, performed)
    counted = f"{article}{'' if article.endswith(chr(39)) else ' '}{source}"
    if regime == "public":
        year = start.year + 1
        if basis in ("letter", "journal", "payment", "billed"):
            act = {
                "letter": "la réclamation écrite",
                "journal": "la relance",
                "payment": "le paiement partiel",
                "billed": "la facture (demande de paiement)",
            }[basis]
            return (
                f"déchéance quadriennale ({LAW_1968}, art. 1 et 2), quatre ans à compter du "
                f"1er janvier {year}, {act} du {_day(start)}{SENT.get(basis, '')} l'ayant "
                "interrompue"
            )
        return (
            f"déchéance quadriennale ({LAW_1968}, art. 1), droit né en {start.year} ({source}), "
            f"quatre ans à compter du 1er janvier {year}"
        )
    years = PRESCRIPTION_YEARS[regime]
    if regime == "consumer":
        law = "Code de la consommation L218-2"
        if basis == "performance":
            law += " ; Cass. 3e civ., 1er mars 2023, n° 21-23.176"
        return f"{years} ans contre un particulier ({law}), comptés {counted}"
    return f"{years} ans entre professionnels (Code de commerce L110-4), comptés {counted}"


def _counted(p: Prescription, i: int) -> str:
    """A consumer's « ; 2 ans comptés de la facture du … » (legal-fr §8.3: say which date was
    used), '' for the others."""
    if p.regime[i] != CONSUMER:
        return ""
    performed = p.performed.iat[i] if p.performed is not None else pd.NaT
    article, source = _source("consumer", BASES[p.basis[i]], p.start.iat[i], performed)
    space = "" if article.endswith("'") else " "
    return f" ; {PRESCRIPTION_YEARS['consumer']} ans comptés {article}{space}{source}"


def barred_reasons(p: Prescription, frame: pd.DataFrame, mask: np.ndarray) -> list[str]:
    """The status of each time-barred invoice of the mask."""
    rows = np.flatnonzero(mask).tolist()
    performed = frame["performance_date"].tolist() if "performance_date" in frame else None
    out = []
    for i in rows:
        regime, basis = REGIMES[p.regime[i]], BASES[p.basis[i]]
        start, barred = p.start.iat[i], p.barred_on.iat[i]
        head = (
            f"Déchue depuis le {_day(barred)}"
            if regime == "public"
            else f"Prescrite depuis le {_day(barred)}"
        )
        rule = _rule(regime, basis, start, performed[i] if performed else pd.NaT)
        late = p.paid_after.iat[i] if p.paid_after is not None else pd.NaT
        out.append(
            f"{head} (dernier jour pour agir : {_day(barred - pd.Timedelta(days=1))}) : {rule} ; "
            f"{_INTERRUPTS[regime]} : vérifiez avant toute démarche qu'aucun de ces actes "
            "n'a échappé au classeur" + (paid_after_text(late) if pd.notna(late) else "")
        )
    return out


def note_soon_barred(
    out: pd.DataFrame, p: Prescription, as_of: dt.date, policy: Policy, alive: np.ndarray
) -> None:
    """Keep, beside each decision, the lapse or prescription date of the claims time-barred
    within [policy] prescription_warning_days (lapse, lapse_on): a letter that then cannot be
    posted (an address missing) must not hide it (the status it gets says it again). Every
    claim's bar is kept too (keep_bars), for the litigation file."""
    keep_bars(out, p)
    mask = soon_prescribed(p, as_of, policy) & alive
    if not mask.any():
        return
    texts: list[str | None] = [None] * len(out)
    for i in np.flatnonzero(mask).tolist():
        barred, last = _day(p.barred_on.iat[i]), _day(p.barred_on.iat[i] - pd.Timedelta(days=1))
        texts[i] = (
            f"déchéance quadriennale le {barred} (dernier jour {last}) : seule une réclamation "
            f"écrite partie avant cette date ouvre un nouveau délai de {LAPSE_YEARS} ans "
            f"({LAW_1968}, art. 2)"
            if p.regime[i] == PUBLIC
            else f"prescrite le {barred} (dernier jour pour agir : {last}{_counted(p, i)}) : à "
            "défaut de paiement, agissez avant (injonction de payer ou reconnaissance de dette "
            "signée ; une relance ne l'interrompt pas)"
        )
    out["lapse"] = pd.Series(texts, index=out.index, dtype=object)
    out["lapse_on"] = p.barred_on.where(mask).to_numpy()


def say_soon_barred(
    out: pd.DataFrame, p: Prescription, as_of: dt.date, policy: Policy, watched: np.ndarray
) -> list[str]:
    """Flag the watched claims time-barred within [policy] prescription_warning_days, in their
    reason and in one warning of the run."""
    mask = soon_prescribed(p, as_of, policy) & watched
    if not mask.any():
        return []
    rows = out.index[mask]
    where = np.flatnonzero(mask).tolist()
    texts = []
    for i, reason in zip(where, out.loc[rows, "reason"].tolist(), strict=True):
        last = _day(p.barred_on.iat[i] - pd.Timedelta(days=1))
        if p.regime[i] == PUBLIC:
            texts.append(
                f"{reason} ; déchéance quadriennale le {_day(p.barred_on.iat[i])} (dernier jour "
                f"{last}) : une réclamation écrite avant cette date, la prochaine relance par "
                f"exemple, ouvre un nouveau délai de {LAPSE_YEARS} ans ({LAW_1968}, art. 2)"
            )
        else:
            texts.append(
                f"{reason} ; prescrite le {_day(p.barred_on.iat[i])} (dernier jour pour agir : "
                f"{last}{_counted(p, i)}) : à défaut de paiement, agissez avant (injonction de "
                "payer ou reconnaissance de dette signée ; une relance ne l'interrompt pas)"
            )
    out.loc[rows, "reason"] = texts
    latest = _day(p.barred_on[mask].max())
    return [
        f"{len(rows)} facture(s) prescrite(s) ou déchue(s) d'ici le {latest} : à traiter en "
        "priorité (voir leur motif)."
    ]


def _windows(
    level: np.ndarray,
    escalate: np.ndarray,
    days_late: np.ndarray,
    policy: Policy,
    days: tuple[int, int | None],
) -> tuple[np.ndarray, np.ndarray]:
    """Per invoice, the days from today to the last step a letter of today announces, and
    whether that letter is a formal notice. A reminder's is its payment date (days[0]); a
    notice's is the court step it announces: its days in the post, its own delay from receipt
    (days[1], else days[0]), then days_after_formal_notice before the run hands the claim to
    litigation. A first letter is a notice only past days_late_for_level_3 (first_level)."""
    first = policy.start_at_days_late_level & (
        np.nan_to_num(days_late) >= policy.days_late_for_level_3
    )
    notice = ((level == REMINDER_2) & escalate) | ((level == 0) & first)
    own = days[0] if days[1] is None else days[1]
    court = POSTAL_DAYS + own + policy.days_after_formal_notice
    return np.where(notice, court, days[0]), notice


def imminent_bar(
    p: Prescription,
    as_of: dt.date,
    policy: Policy,
    days: tuple[int, int | None],
    alive: np.ndarray,
    marks: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Claims not yet barred that will be by the last step a letter of today would announce
    (_windows): a reminder would ask for payment after the bar, a notice would announce a
    court step that cannot be taken, and neither interrupts it (Code civil 2240-2244,
    legal-fr §8.3). Not a public debt (a letter interrupts its lapse), not one in litigation,
    nor one handed to litigation today. marks: level, escalate, days late. Also returns each
    invoice's window and whether its letter would be a notice, for say_imminent."""
    level, escalate, days_late = marks
    window, notice = _windows(level, escalate, days_late, policy, days)
    today = pd.Timestamp(as_of)
    by = (today + pd.to_timedelta(window, unit="D")).to_numpy()
    barred_on = p.barred_on.to_numpy(dtype="datetime64[ns]")
    soon = (barred_on > today.to_datetime64()) & (barred_on <= by)
    court = (level >= LITIGATION) | ((level == FORMAL_NOTICE) & escalate)
    return soon & alive & (p.regime != PUBLIC) & ~court, window, notice


def _before(as_of: dt.date, days: int, notice: bool) -> str:
    """« avant l'échéance qu'une relance donnerait (15/12/2026) » or its notice's words."""
    by = date_short(as_of + dt.timedelta(days=int(days)))
    if notice:
        return f"avant la saisine du juge qu'une mise en demeure annoncerait ({by})"
    return f"avant l'échéance qu'une relance donnerait ({by})"


def say_imminent(
    out: pd.DataFrame,
    p: Prescription,
    mask: np.ndarray,
    as_of: dt.date,
    days: np.ndarray,
    notice: np.ndarray,
) -> list[str]:
    """The status of each claim imminent_bar keeps out of the letters, and one warning."""
    if not mask.any():
        return []
    rows = out.index[mask]
    where = np.flatnonzero(mask).tolist()
    out.loc[rows, "reason"] = [
        f"Prescription imminente : prescrite le {_day(p.barred_on.iat[i])} (dernier jour pour "
        f"agir : {_day(p.barred_on.iat[i] - pd.Timedelta(days=1))}{_counted(p, i)}), "
        f"{_before(as_of, days[i], bool(notice[i]))} : aucune "
        f"{'mise en demeure' if notice[i] else 'relance'} envoyée ; seule une action en justice "
        "(injonction de payer) ou une reconnaissance de dette signée l'interrompt (Code civil "
        "2240 à 2244), pas une relance ni une mise en demeure"
        for i in where
    ]
    first = _day(p.barred_on[mask].min())
    kinds = sorted({bool(notice[i]) for i in where})
    before = " ou ".join(_before(as_of, max(days[mask & (notice == k)]), k) for k in kinds)
    sent = "aucune relance ni mise en demeure" if len(kinds) > 1 else "aucune relance"
    if kinds == [True]:
        sent = "aucune mise en demeure"
    return [
        f"Prescription imminente : {len(rows)} facture(s) prescrite(s) dès le {first}, "
        f"{before} : {sent} envoyée pour elles ; seule une action en justice (injonction de "
        "payer), à engager sans attendre, ou une reconnaissance de dette signée interrompt la "
        "prescription (voir leur motif)."
    ]


__all__ = [
    "barred_reasons",
    "imminent_bar",
    "note_soon_barred",
    "say_imminent",
    "say_soon_barred",
]
