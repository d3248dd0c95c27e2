"""The sentences added to an invoice's status once its rule is known: paid late, claimed,
a promise broken, a public buyer's legal term."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import FORMAL_NOTICE, LITIGATION
from ..wording import date_short, money
from .declared import declared_penalties, declared_to

# Where the penalties still owed on an invoice paid in litigation go: its court claim.
KEPT_IN_COURT = "à maintenir dans la demande en justice (dossier de contentieux)"


def _public(frame: pd.DataFrame, rows: pd.Index) -> list[bool]:
    """Which rows are a public buyer's: intérêts moratoires, not L441-10's pénalités."""
    if "public" not in frame:
        return [False] * len(rows)
    public = frame.loc[rows, "public"].to_numpy(dtype=bool)
    return (public & ~frame.loc[rows, "consumer"].to_numpy(dtype=bool)).tolist()


def say_claimed(out: pd.DataFrame, mask: np.ndarray, frame: pd.DataFrame) -> None:
    """The status of an invoice whose penalties go out today in a letter of their own."""
    rows = out.index[mask]
    out.loc[rows, "reason"] = [
        f"Réglée le {date_short(paid.date())}, après l'échéance : "
        + (
            f"intérêts {money(i)} réclamés"
            if n == 0
            else f"intérêts moratoires {money(i)} et indemnité {money(n)} réclamés "
            "(Code de la commande publique L2192-13, R2192-31 et R2192-32)"
            if public
            else f"pénalités {money(i)} et indemnité {money(n)} réclamées"
        )
        for paid, i, n, public in zip(
            frame.loc[rows, "payment_date"],
            out.loc[rows, "interest"],
            out.loc[rows, "indemnity"],
            _public(frame, rows),
            strict=True,
        )
    ]


def say_paid(
    out: pd.DataFrame, frame: pd.DataFrame, claimed: np.ndarray, paid: np.ndarray, owes: Any
) -> np.ndarray:
    """The statuses of invoices paid late; which were claimed, today or before."""
    # A claim is remembered by its label, so the next run neither claims nor thanks again.
    was_claimed = frame["claimed"].to_numpy(dtype=bool) & paid
    say_paid_late(out, paid & owes & ~claimed & ~was_claimed, frame)
    # Claimed before: the same sentence again, so that the status is not rewritten each week.
    say_claimed(out, (claimed | was_claimed) & owes, frame)
    return claimed | was_claimed


def say_paid_late(out: pd.DataFrame, mask: np.ndarray, frame: pd.DataFrame) -> None:
    """Paid after the due date: what the law still gives, said in the status, not waived."""
    say_unthanked(out, mask)
    say_still_due(out, mask, frame)


def say_still_due(
    out: pd.DataFrame, mask: np.ndarray, frame: pd.DataFrame, court_lead: bool = False
) -> None:
    """Add to the status the penalties and indemnity a late payment left owed, and where they
    go: « à réclamer si vous le décidez », the court claim once in litigation (incourt.py), the
    declaration of claim for a client in collective proceedings paid before it (declared.py).
    court_lead: say « réglée après le passage au contentieux » for those (their status does not
    say it already)."""
    rows = out.index[mask]
    court = (frame.loc[rows, "level"] >= LITIGATION).tolist()
    # A client in collective proceedings, paid before the judgment: declared (declared.py).
    declared = pd.Series(declared_penalties(frame), index=frame.index).loc[rows].tolist()
    goes = [
        said if d else KEPT_IN_COURT if c else "à réclamer si vous le décidez"
        for said, d, c in zip(declared_to(frame, rows), declared, court, strict=True)
    ]
    out.loc[rows, "reason"] = [
        f"{reason} ; réglée après "
        + ("le passage au contentieux" if court_lead and c else "l'échéance")
        + f" : {_still_due(i, n, public)} ("
        + (
            "Code de la commande publique L2192-13, R2192-31 et R2192-32"
            if public
            else "Code de commerce L441-10"
        )
        + f"), {go}"
        for reason, i, n, public, c, go in zip(
            out.loc[rows, "reason"],
            out.loc[rows, "interest"],
            out.loc[rows, "indemnity"],
            _public(frame, rows),
            court,
            goes,
            strict=True,
        )
    ]


def _still_due(interest: float, indemnity: float, public: bool = False) -> str:
    """« pénalités 12,30 € et indemnité 40,00 € restent dues » (« intérêts moratoires … restent
    dus » for a public buyer), without a part at zero (an indemnity already paid by transfer)."""
    what, due = ("intérêts moratoires", "restent dus") if public else ("pénalités", "restent dues")
    if not indemnity:
        return f"{what} {money(interest)} {due}"
    if not interest:
        return f"indemnité {money(indemnity)} reste due"
    return f"{what} {money(interest)} et indemnité {money(indemnity)} {due}"


_SETTLED = re.compile(r"^Réglée(?: le \d\d/\d\d/\d{4})?")


def paid_late_rows(frame: pd.DataFrame) -> np.ndarray:
    """Invoices paid in full after their due date, with the date of payment known. Not one
    cancelled by credit notes without any payment: nothing was due, so nothing was late (the
    second legal review: penalties and 40 € were claimed on a cancelled invoice)."""
    paid_on = frame["payment_date"]
    cancelled = np.zeros(len(frame), dtype=bool)
    if "credited_on" in frame:
        cancelled = frame["credited_on"].notna().to_numpy() & (frame["paid"] <= 0).to_numpy()
    return (
        ~cancelled
        & frame["valid"].to_numpy(dtype=bool)
        & frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & paid_on.notna().to_numpy()
        & (paid_on > frame["due_date"]).to_numpy(dtype=bool)
    )


def credited_rows(frame: pd.DataFrame) -> np.ndarray:
    """The invoices the credit notes naming them settled, without a payment."""
    if "credited_on" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame["credited_on"].notna().to_numpy(dtype=bool)


def say_credited(out: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Settled by the credit notes naming it, not paid (ledger/credits.py): said so, with
    the credit's date, wherever the status would say « Réglée »."""
    if "credited_on" not in frame:
        return
    on = frame["credited_on"]
    rows = out.index[(on.notna() & frame["is_paid"]).to_numpy(dtype=bool)]
    for i in rows:
        said = f"Soldée par l'avoir du {date_short(on[i].date())}, sans règlement reçu"
        if float(frame.at[i, "paid"] or 0) > 0.005:  # paid in part too (N6), in date order
            payments = frame.at[i, "payments"]
            credit = f"l'avoir du {date_short(on[i].date())}"
            paid = part_paid(payments)
            days = [pd.Timestamp(d) for d, _ in payments or () if pd.notna(d)]
            first = bool(days) and on[i] < min(days)
            said = f"Soldée par {credit} et {paid}" if first else f"Soldée par {paid} et {credit}"
        reason = _SETTLED.sub(said, str(out.at[i, "reason"]), count=1)
        out.at[i, "reason"] = reason.replace("; réglée après", "; soldée après")


def part_paid(payments: Any) -> str:
    """« le règlement du 15/10/2026 », « les règlements du 15/10/2026 et du 20/10/2026 », or
    « un règlement non daté » when its date is not known (a credit note does not date it)."""
    days = sorted({pd.Timestamp(d).date() for d, _ in payments or () if pd.notna(d)})
    if not days:
        return "un règlement non daté"
    if len(days) == 1:
        return f"le règlement du {date_short(days[0])}"
    listed = ", du ".join(date_short(d) for d in days[:-1])
    return f"les règlements du {listed} et du {date_short(days[-1])}"


def say_unthanked(out: pd.DataFrame, mask: np.ndarray) -> None:
    """Paid late, its penalties owed and not claimed: the receipt is acknowledged without
    thanks (thanks unreserved would read as accepting the payment in full settlement; its
    label is « Réglée – règlement accusé », labels.py)."""
    rows = out.index[mask]
    out.loc[rows, "reason"] = [
        str(r).replace("Réglée : remerciement", "Réglée : règlement accusé, sans remerciement")
        for r in out.loc[rows, "reason"]
    ]


def say_broken(out: pd.DataFrame, mask: np.ndarray, promised: pd.Series) -> None:
    """A promise to pay that passed unpaid: the escalation resumes, and the reason says why."""
    if not mask.any():
        return
    rows = out.index[mask]
    out.loc[rows, "reason"] = [
        f"{reason} ; promesse du {date_short(day.date())} non tenue"
        for reason, day in zip(out.loc[rows, "reason"], promised[rows], strict=True)
    ]


def say_legal_terms(out: pd.DataFrame, frame: pd.DataFrame, mask: np.ndarray) -> None:
    """A public buyer's due date set by the law: which term, counted from which date."""
    if "term_note" not in frame:
        return
    notes = frame["term_note"].to_numpy(dtype=object)
    noted = mask & frame["term_note"].notna().to_numpy()
    if not noted.any():
        return
    rows = out.index[noted]
    out.loc[rows, "reason"] = [
        f"{reason} ; {note}"
        for reason, note in zip(out.loc[rows, "reason"], notes[noted], strict=True)
    ]


def _thanks(level: np.ndarray) -> np.ndarray:
    """The thanks of each of these levels: none after a formal notice, a receipt acknowledged."""
    said = np.where(level >= FORMAL_NOTICE, "règlement accusé, sans remerciement", "remerciement")
    return said.astype(object)


def _after(level: np.ndarray, prev: np.ndarray) -> np.ndarray:
    """« après la mise en demeure », « après le passage au contentieux »."""
    court = np.full(len(level), " après le passage au contentieux", dtype=object)
    return np.where(level >= LITIGATION, court, " après la " + prev)


_CREDIT_TIED = "Avoir : déduit dans les courriers de la facture qu'il nomme"
_CREDIT_FREE = "Avoir disponible : déduit de ce que le client doit (compensation, Code civil 1347)"
_RECEIVED_FREE = "Règlement reçu non imputé : signalé au client, non déduit"
# Imputed by law on the client's invoices (ledger/imputation.py, Code civil 1342-10).
_RECEIVED_USED = "Règlement reçu : imputé sur les factures du client (Code civil 1342-10)"
_RECEIVED_PART = (
    "Règlement reçu : imputé en partie sur les factures du client (Code civil 1342-10) ; "
    "le reste, non imputé, est à imputer ou à rembourser"
)
# Used up by the invoice it names, which it settled (ledger/credits.py).
_CREDIT_USED = "Avoir : entièrement imputé sur la facture qu'il nomme, soldée par lui"


def say_settled(put: Callable[..., None], frame: Any, level: np.ndarray, prev: np.ndarray) -> None:
    """Credit notes (letters/credits.py), late payments, thanks (none after a notice)."""
    thanked = frame["thanked"].to_numpy(dtype=bool)
    claimed = frame["claimed"].to_numpy(dtype=bool)
    names = frame["credit_for"].notna().to_numpy(dtype=bool)
    used = names & (frame["outstanding"].to_numpy(dtype=float) > -0.005)
    received = frame["on_account"].to_numpy(dtype=bool) if "on_account" in frame else names & False
    free = np.where(received, _RECEIVED_FREE, _CREDIT_FREE)
    put("credit", lambda m: np.where(names[m], _CREDIT_TIED, free[m]))
    put("credit", lambda m: _CREDIT_USED, used)
    left = frame["outstanding"].to_numpy(dtype=float)
    whole = frame["amount"].to_numpy(dtype=float)
    put("credit", lambda m: _RECEIVED_USED, received & (left > -0.005))
    put("credit", lambda m: _RECEIVED_PART, received & (left < -0.005) & (left > whole + 0.005))
    put("claim", lambda m: "Réglée après l'échéance")
    # Only the thanked rows' wording: over every row, a text array of 140 MB at 1M (0.7 s).
    put("thanks", lambda m: "Réglée : " + _thanks(level[m]) + _after(level[m], prev[m]))
    acknowledged = frame["acknowledged"].to_numpy(dtype=bool)
    put("paid", lambda m: "Réglée (remerciement déjà envoyé)", thanked & ~acknowledged & ~claimed)
    put(
        "paid",
        lambda m: "Réglée (règlement déjà accusé au client, sans remerciement)",
        acknowledged & ~claimed,
    )
    put("paid", lambda m: "Réglée – pénalités réclamées", claimed)
    put("paid", lambda m: "Réglée", ~thanked & ~claimed)


def say_withheld(out: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Add to the status the retention left out of the claim (« retenue de garantie de
    60,00 € non exigible »): not due before its release, never chased."""
    if "retention" not in frame:
        return
    kept = frame["retention"].fillna(0).to_numpy(dtype=float)
    rows = out.index[kept > 0]
    out.loc[rows, "reason"] = [
        f"{reason} ; retenue de garantie de {money(r)} non exigible (déduite du montant réclamé)"
        for reason, r in zip(out.loc[rows, "reason"], frame.loc[rows, "retention"], strict=True)
    ]


__all__ = [
    "credited_rows",
    "paid_late_rows",
    "say_broken",
    "say_claimed",
    "say_credited",
    "say_legal_terms",
    "say_paid",
    "say_paid_late",
    "say_settled",
    "say_still_due",
    "say_unthanked",
    "say_withheld",
]
