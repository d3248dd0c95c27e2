"""Each invoice's decision and the letters a run would write: shared by run, report, dossier."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .. import collector
from ..config import Settings, sole_trader_notes
from ..ledger import (
    FORMAL_NOTICE,
    KIND_FORMAL_NOTICE,
    LAPSING,
    LITIGATION,
    REMINDER_1,
    Ledger,
    letters_after_due,
)
from ..letters import LetterPlan, LetterRows, in_print_order, plan_letters, statement_plans
from ..policy import (
    Decisions,
    close_letter_notes,
    decide,
    hold_doubtful_clients,
    one_letter_per_client,
    rate_tables_for,
    say_paid_in_court,
)
from ..workbook import (
    envelope_days,
    journal_demands,
    journal_notices,
    letters_sent,
    notice_envelopes,
    own_first_letters,
    penalties_paid,
    redone_owed,
)
from .associations import say_associations
from .forclosed import creditor_overseas, say_foreclosed
from .lapsesaving import registered_for_lapse


def decide_ledger(
    ledger: Ledger, settings: Settings, as_of: dt.date, statements: list[str]
) -> tuple[Decisions, list[LetterPlan], list[str]]:
    """Each invoice's decision, the letters in print order, the statement names not found."""
    tables = rate_tables_for(settings)
    note_penalties_paid(ledger, settings)
    note_redone(ledger, settings, as_of)
    note_early_letters(ledger, settings)
    frame = with_envelopes(with_notices(ledger, settings), ledger, settings)
    frame = creditor_overseas(with_deadlines(frame, ledger, settings, as_of), settings)
    # A payment said but not sure may pay the client's other invoices: all held (1342-10).
    frame = hold_doubtful_clients(frame)
    # The longest delay a letter of today gives: a claim barred before it gets none.
    days = max(settings.letters.payment_days, settings.letters.formal_notice_days)
    notice = settings.letters.formal_notice_days
    decisions = decide(
        frame, as_of, settings.policy, tables, demands(ledger, settings), days, notice
    )
    decisions = one_letter_per_client(decisions, ledger.frame, as_of, settings.policy)
    # Paid once handed to litigation: the court file must be corrected (policy/incourt.py).
    court = tuple(say_paid_in_court(frame, as_of, decisions.frame))
    court += say_associations(ledger.frame, decisions.frame)
    court += say_foreclosed(ledger.frame, decisions.frame, settings, as_of)
    court += tuple(sole_trader_notes(settings.creditor))  # R123-237: a warning, not a block
    decisions = replace(decisions, warnings=decisions.warnings + court)
    plans = registered_for_lapse(
        plan_letters(
            ledger.frame, decisions.frame, settings.letters.language, settings.policy.group_by
        ),
        decisions.frame,
    )
    asked, unknown, barred_only = statement_plans(
        ledger.frame, statements, settings.letters.language, decisions.frame
    )
    kept, silent = without_proceedings(ledger.frame, plans + asked)
    # The run warns as `check` does of a level dated too soon after the due date.
    said = (*silent, *barred_only, *close_letter_notes(ledger, settings))
    decisions = replace(decisions, warnings=decisions.warnings + said)
    return decisions, in_print_order(kept), unknown


def without_proceedings(
    frame: pd.DataFrame, plans: list[LetterPlan]
) -> tuple[list[LetterPlan], tuple[str, ...]]:
    """No letter of any kind to a client in collective proceedings (Code de commerce L622-21):
    the plans kept, and the run's sentence for each client whose letters are dropped."""
    if not plans or "insolvent" not in frame or not frame["insolvent"].to_numpy(bool).any():
        return plans, ()
    names = set(frame.loc[frame["insolvent"].to_numpy(bool), "client"].astype(str))
    dropped = sorted({p.client for p in plans if p.client in names})
    said = tuple(
        f"Aucun courrier à « {client} », en procédure collective (Code de commerce L622-21) : "
        "la déclaration de créance en tient lieu."
        for client in dropped
    )
    return [p for p in plans if p.client not in names], said


def note_penalties_paid(ledger: Ledger, settings: Settings) -> None:
    """The penalties a bank transfer paid (a QR code's amount holds them; the journal says
    how much, invoice by invoice) as the frame's interest_paid and indemnity_paid: they are
    claimed no more."""
    frame = ledger.frame
    if "interest_paid" in frame or not Path(ledger.path).is_file():
        return
    paid = penalties_paid(ledger.path, settings.writeback.journal_sheet)
    if not paid:
        return
    keys = zip(frame["client"].tolist(), frame["invoice"].tolist(), strict=True)
    found = [paid.get((str(c), str(n if n is not None else "")), (0.0, 0.0)) for c, n in keys]
    frame["interest_paid"] = [interest for interest, _ in found]
    frame["indemnity_paid"] = [indemnity for _, indemnity in found]


def note_early_letters(ledger: Ledger, settings: Settings) -> None:
    """How many letters each reminded invoice got after its due date, as the frame's
    after_due, when the journal holds one sent on or before it (NaN otherwise): those are no
    stage of dunning, journal line or ledger cell alike (ledger/early.py, Code civil 1344)."""
    frame = ledger.frame
    level = frame["level"].to_numpy(dtype=int)
    chased = (level >= REMINDER_1) & (level <= FORMAL_NOTICE) & frame["due_date"].notna().to_numpy()
    if "after_due" in frame or not chased.any() or not Path(ledger.path).is_file():
        return
    sent = letters_sent(ledger.path, settings.writeback.journal_sheet)
    if not sent:
        return
    keys = zip(frame["client"].tolist(), frame["invoice"].tolist(), strict=True)
    found = [sent.get((str(c), str(n if n is not None else "")), ()) for c, n in keys]
    frame["after_due"] = [
        letters_after_due(f, last, lv, due) if c else float("nan")
        for f, last, lv, due, c in zip(
            found, frame["last_date"], level.tolist(), frame["due_date"], chased, strict=True
        )
    ]


def note_redone(ledger: Ledger, settings: Settings, as_of: dt.date) -> None:
    """The principal the last litigation file redone before today still claims, as the
    frame's redone_owed (NaN for none): a file is redone again only when less is owed
    (policy/incourt.py). The journal is read only when some invoice is in litigation."""
    frame = ledger.frame
    if "redone_owed" in frame or not Path(ledger.path).is_file():
        return
    if not (frame["level"].to_numpy(dtype=int) >= LITIGATION).any():
        return
    found = redone_owed(ledger.path, settings.writeback.journal_sheet, as_of)
    if not found:
        return
    keys = zip(frame["client"].tolist(), frame["invoice"].tolist(), strict=True)
    nan = float("nan")
    frame["redone_owed"] = [
        found.get((str(c), str(n if n is not None else "")), nan) for c, n in keys
    ]


def demands(ledger: Ledger, settings: Settings) -> dict[Any, tuple[dt.date, ...]]:
    """The journal's letters of each public debtor's invoice (by frame index): each one
    interrupts the debt's four-year lapse. The journal is read only when there are some."""
    frame = ledger.frame
    if not frame["public"].to_numpy(dtype=bool).any():
        return {}
    lapsing = frame["buyer"].isin(list(LAPSING)).to_numpy() & ~frame["consumer"].to_numpy(bool)
    if not lapsing.any():
        return {}
    sent = journal_demands(ledger.path, settings.writeback.journal_sheet)
    if not sent:
        return {}
    keys = zip(
        frame.index[lapsing],
        frame["client"].to_numpy()[lapsing].tolist(),
        frame["invoice"].to_numpy()[lapsing].tolist(),
        strict=True,
    )
    found = {i: sent.get((str(c), str(n if n is not None else ""))) for i, c, n in keys}
    return {i: days for i, days in found.items() if days}


def with_notices(ledger: Ledger, settings: Settings) -> pd.DataFrame:
    """The frame, with the journal's mise en demeure of each consumer's invoice whose ledger
    level went past it (« Contentieux »): its interest runs from that notice (Code civil
    1231-6), not from the hand-over's date the ledger now holds."""
    frame = ledger.frame
    past = frame["consumer"].to_numpy(dtype=bool) & (frame["level"].to_numpy(int) > FORMAL_NOTICE)
    if not past.any():
        return frame
    found = journal_notices(ledger.path, settings.writeback.journal_sheet)
    if not found:
        return frame
    keys = zip(frame["client"].tolist(), frame["invoice"].tolist(), past.tolist(), strict=True)
    notices = [found.get((str(c), str(n))) if p else None for c, n, p in keys]
    return frame.assign(
        notice_date=pd.to_datetime([n[0] if n else None for n in notices]).to_numpy(),
        notice_received=pd.to_datetime([n[1] if n else None for n in notices]).to_numpy(),
    )


def with_envelopes(frame: pd.DataFrame, ledger: Ledger, settings: Settings) -> pd.DataFrame:
    """The frame, with the date of the letter that gave a formal notice and listed each
    invoice below the notice's stage (« Par ailleurs … dans le même délai »), and its avis de
    réception's: that invoice waits for the notice's delay as the notice's own invoices do."""
    below = frame["level"].between(1, FORMAL_NOTICE - 1).to_numpy(dtype=bool)
    if not below.any() or not Path(ledger.path).is_file():
        return frame
    found = notice_envelopes(ledger.path, settings.writeback.journal_sheet)
    if not found:
        return frame
    keys = zip(frame["client"].tolist(), frame["invoice"].tolist(), below.tolist(), strict=True)
    sent = [found.get((str(c), str(n))) if b else None for c, n, b in keys]
    return frame.assign(
        envelope_date=pd.to_datetime([s[0] if s else None for s in sent]).to_numpy(),
        envelope_received=pd.to_datetime([s[1] if s else None for s in sent]).to_numpy(),
    )


def with_deadlines(
    frame: pd.DataFrame, ledger: Ledger, settings: Settings, as_of: dt.date
) -> pd.DataFrame:
    """The frame, with the deadline the last letter listing each reminded invoice gave
    (« au plus tard le … », payment_days after it): no step follows before it has passed.
    A letter of today is the one a rerun already wrote: it changes nothing."""
    below = frame["level"].between(1, FORMAL_NOTICE - 1).to_numpy(dtype=bool)
    if not below.any() or not Path(ledger.path).is_file():
        return frame
    sent = journal_demands(ledger.path, settings.writeback.journal_sheet)
    if not sent:
        return frame
    keys = zip(frame["client"].tolist(), frame["invoice"].tolist(), below.tolist(), strict=True)
    last = [
        max((d for d in sent.get((str(c), str(n)), ()) if d < as_of), default=None) if b else None
        for c, n, b in keys
    ]
    days = pd.Timedelta(days=settings.letters.payment_days)
    return frame.assign(
        listed_on=pd.to_datetime(last).to_numpy(),
        listed_until=(pd.to_datetime(last) + days).to_numpy(),
    )


def letter_rows(
    ledger: Ledger,
    decisions: Decisions,
    plans: list[LetterPlan],
    settings: Settings,
    as_of: dt.date,
) -> LetterRows:
    """The rows the letters use, with the letters recorded for each invoice (the journal, the
    ledger's own level and date): the only reminders and notices a letter may cite; and which
    of them were a notice's envelope posted « en recommandé » (print.registered)."""
    sheet = settings.writeback.journal_sheet
    with collector.paused():
        sent = letters_sent(ledger.path, sheet) if plans else {}
        sealed = plans and KIND_FORMAL_NOTICE in settings.print.registered
        registered = envelope_days(ledger.path, sheet) if sealed else {}
        # Only where a first letter may skip a stage: else a tool's first letter at relance 2
        # follows a relance 1 the ledger held without its date.
        jumps = plans and settings.policy.start_at_days_late_level
        own = own_first_letters(ledger.path, sheet) if jumps else {}
        periods = decisions.interest_periods
        return LetterRows(
            ledger.frame, decisions.frame, plans, periods, sent, as_of, registered, own
        )


__all__ = [
    "decide_ledger",
    "demands",
    "note_early_letters",
    "note_penalties_paid",
    "with_deadlines",
    "with_envelopes",
    "with_notices",
    "without_proceedings",
]
