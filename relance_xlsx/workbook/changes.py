"""What a run changes in the workbook: the status cells and the journal lines (pure)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from .. import collector
from ..ledger import ACTION_LABELS, HoldBack
from .columns import StatusUpdate
from .journal import JournalEntry


# Each makes an object per row (200,000 at 200,000 invoices), none in a reference cycle: the
# cycle collector would walk the run's whole heap again and again meanwhile.
@collector.paused()
def status_updates(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    as_of: dt.date,
    held: dict[Any, HoldBack] | None = None,
) -> list[StatusUpdate]:
    """The rows whose status cells change; rows with a problem get only the status sentence.

    A row already acted on today keeps the sentence written then, so a second run on the
    same date leaves the workbook exactly as the first one did. held: the rows this run holds
    back (« Ne pas envoyer »), which get their « Ne pas relancer avant » date.
    """
    updates = _held_updates(frame, decisions, held) if held else []
    skip = {int(u.row) for u in updates}
    # Plain lists: one pass in Python, not one pandas lookup per cell (10 s at 10,000 rows);
    # the dates as datetime.date converted by numpy, the comparison with today too.
    columns = zip(
        frame["row"].to_list(),
        frame["valid"].to_list(),
        frame["status_text"].to_list(),
        frame["level_text"].to_list(),
        days_of(frame["last_date"]),
        (frame["last_date"] == pd.Timestamp(as_of)).to_list(),
        decisions["reason"].to_list(),
        decisions["label"].to_list(),
        days_of(decisions["date"]),
        decisions["action"].to_list(),
        strict=True,
    )
    for row, valid, status, level_text, old_day, old_today, reason, label, day, action in columns:
        if row in skip:
            continue
        reason, old_status = str(reason), _text(status)
        if not valid:
            if reason != old_status:
                updates.append(StatusUpdate(int(row), None, None, reason))
            continue
        label, old_label = _text(label), _text(level_text)
        if old_today and action not in _ACTED and (label, day) == (old_label, old_day):
            continue
        if (label, day, reason) != (old_label, old_day, old_status):
            updates.append(StatusUpdate(int(row), label, day, reason))
    return updates


# The actions whose row is written even when a run of the same day wrote it already.
_ACTED = frozenset(("letter", "thanks", "claim", "litigation"))


def days_of(column: pd.Series) -> list[dt.date | None]:
    """A column of dates as datetime.date (None when missing), in one numpy conversion when
    it holds datetimes (a Timestamp's .date() for each took a second at 200,000 rows)."""
    if column.dtype.kind == "M" and getattr(column.dtype, "tz", None) is None:
        days: list[dt.date | None] = (
            column.to_numpy().astype("datetime64[D]").astype(object).tolist()
        )
        return days
    return [v.date() if pd.notna(v) else None for v in column.to_list()]


def _held_updates(
    frame: pd.DataFrame, decisions: pd.DataFrame, held: dict[Any, HoldBack]
) -> list[StatusUpdate]:
    """The rows held back by this run: their date, and the status sentence with the reason."""
    rows = list(held)
    out = []
    for i, row, label, date, reason in zip(
        rows,
        frame.loc[rows, "row"].tolist(),
        decisions.loc[rows, "label"].tolist(),
        decisions.loc[rows, "date"].tolist(),
        decisions.loc[rows, "reason"].tolist(),
        strict=True,
    ):
        day = date.date() if pd.notna(date) else None
        out.append(StatusUpdate(int(row), _text(label), day, str(reason), held[i].until))
    return out


def _text(value: Any) -> str:
    if type(value) is str:
        return value  # nearly every cell
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


@collector.paused()
def journal_entries(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    letter_of: dict[Any, str],
    as_of: dt.date,
    reference_of: dict[Any, str] | None = None,
    held: dict[Any, HoldBack] | None = None,
    unclaimed: frozenset[Any] = frozenset(),
) -> list[JournalEntry]:
    """One journal line per invoice that got a letter, thanks or went to litigation today
    (with its letter's RF reference, for the bank matcher), and per invoice held back today
    (« Ne pas envoyer », with its date and reason). Interest and indemnity are what the
    letter claims: none for the invoices of unclaimed (a first reminder's part)."""
    lines = _acted_entries(frame, decisions, letter_of, as_of, reference_of or {}, unclaimed)
    return lines + _held_entries(frame, decisions, as_of, held) if held else lines


def _held_entries(
    frame: pd.DataFrame, decisions: pd.DataFrame, as_of: dt.date, held: dict[Any, HoldBack]
) -> list[JournalEntry]:
    rows = list(held)
    out = []
    for i in rows:
        hold = held[i]
        said = f"{ACTION_LABELS['held']} jusqu'au {hold.until.strftime('%d/%m/%Y')}"
        out.append(
            JournalEntry(
                as_of,
                _text(frame.at[i, "invoice"]),
                _text(frame.at[i, "client"]),
                _text(decisions.at[i, "label"]),
                f"{said} : {' '.join(hold.reason.split())}" if hold.reason.strip() else said,
                float(frame.at[i, "outstanding"]),
                float(decisions.at[i, "interest"]),
                float(decisions.at[i, "indemnity"]),
                "",
                "",
            )
        )
    return out


def _acted_entries(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    letter_of: dict[Any, str],
    as_of: dt.date,
    refs: dict[Any, str],
    unclaimed: frozenset[Any],
) -> list[JournalEntry]:
    acted = decisions["action"].isin(list(_ACTED)).to_numpy()
    picked = zip(
        frame.index[acted],
        frame["invoice"].to_numpy()[acted],
        frame["client"].to_numpy()[acted],
        frame["outstanding"].to_numpy()[acted],
        decisions["label"].to_numpy()[acted],
        decisions["action"].to_numpy()[acted],
        decisions["interest"].to_numpy()[acted],
        decisions["indemnity"].to_numpy()[acted],
        _registered(frame, acted),
        strict=True,
    )
    names: dict[str, str] = {}  # each letter's file name, for all its invoices
    lines = []
    for i, invoice, client, outstanding, label, action, interest, indemnity, lrar in picked:
        path = letter_of.get(i)
        name = ""
        if path is not None:
            name = names.get(path) or names.setdefault(path, Path(path).name)
        none = i in unclaimed
        lines.append(
            JournalEntry(
                as_of,
                str(invoice or ""),
                str(client),
                str(label),
                # The ledger's LRAR number is the notice's: said only where the case goes to
                # litigation on it, never on an ordinary letter sent after it.
                ACTION_LABELS[str(action)] + (lrar if str(action) == "litigation" else ""),
                float(outstanding),
                0.0 if none else float(interest),
                0.0 if none else float(indemnity),
                name,
                refs.get(i, "") if str(action) in ("letter", "claim") else "",
            )
        )
    return lines


def _registered(frame: pd.DataFrame, acted: Any) -> list[str]:
    """« (LRAR n° …, AR du …) » after the action, where the clerk noted them (rows acted)."""
    count = int(acted.sum())
    if "registered_no" not in frame:
        return [""] * count
    out = []
    numbers = frame["registered_no"].to_numpy()[acted].tolist()
    days = frame["ar_date"][acted].to_list()
    for number, day in zip(numbers, days, strict=True):
        parts = [f"LRAR n° {number}" if isinstance(number, str) and number else ""]
        parts.append(f"AR du {day.strftime('%d/%m/%Y')}" if isinstance(day, pd.Timestamp) else "")
        said = ", ".join(p for p in parts if p)
        out.append(f" ({said})" if said else "")
    return out


__all__ = ["journal_entries", "status_updates"]
