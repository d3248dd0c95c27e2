"""The date of posting the office types beside each LRAR number: read as typed (a date cell,
text, a day number), then checked against the letters' date and the run's before the journal
says « déposée le »."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ..wording import visible
from .listread import quoted

# A date of posting typed as text: 23/11/2026, 23-11-26, 23.11.2026.
_DAY_TEXT = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
# Excel's day numbers of the years a letter can be posted (a date typed into a cell
# formatted as a number): 1 January 2000 to 31 December 2099.
_SERIALS = (36526, 73415)


def posted_day(value: Any) -> dt.date | str | None:
    """The date of posting as typed: a date, the text typed when it is none, None if empty."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIALS[0] <= value <= _SERIALS[1] and value == int(value):
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        return str(value)
    # Invisible characters (a zero-width space pasted with the date) are not typed, as in the
    # numbers.
    said = visible(unicodedata.normalize("NFKC", "" if value is None else str(value))).strip()
    if not said:
        return None
    found = _DAY_TEXT.fullmatch(said)
    try:
        if found:
            day, month, year = (int(g) for g in found.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
        return dt.date.fromisoformat(said)
    except ValueError:
        return said


def posted_problem(
    posted: dt.date | str | None,
    letters: dt.date | None,
    as_of: dt.date,
    after: str = "la date de cette exécution",
) -> str:
    """Why a date of posting typed cannot be the one (French, after « : »); "" when it can,
    or when nothing was typed. after: what as_of is to the reader (the page says
    « aujourd'hui »)."""
    if posted is None:
        return ""
    if isinstance(posted, str):
        return f"« {quoted(posted)} » n'est pas une date (jj/mm/aaaa)"
    if letters is not None and posted < letters:
        return f"le {posted:%d/%m/%Y} est avant la date des lettres ({letters:%d/%m/%Y})"
    if posted > as_of:
        return f"le {posted:%d/%m/%Y} est après {after} ({as_of:%d/%m/%Y})"
    return ""


__all__ = ["posted_day", "posted_problem"]
