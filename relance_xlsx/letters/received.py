"""What a letter says of the day a consumer's legal interest is counted from: the day after
the mise en demeure was received (Code civil 1231-6 and 1344; CPC 668), by its avis de
réception, or presumed received POSTAL_DAYS after it was sent when no receipt is dated (the
lawyer's review, 7: the letter said « à compter de notre mise en demeure » while the interest
ran from the day after it was sent). One sentence under the part's interest detail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..ledger import FORMAL_NOTICE, POSTAL_DAYS, presumed_receipt
from ..wording import dates_phrase


def _date(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _notice(row: Mapping[str, Any], received: dt.date) -> dt.date | None:
    """The date of the notice received that day: the ledger's (its level), else the latest
    the journal records before it."""
    sent = _date(row.get("last_date"))
    if int(row.get("level") or 0) == FORMAL_NOTICE and sent and sent <= received:
        return sent
    days = [d for d, stage in row.get("letters") or () if stage == FORMAL_NOTICE]
    days = [d for d in map(_date, days) if d and d <= received]
    return max(days, default=None)


def received_note(rows: Iterable[Mapping[str, Any]], lang: str) -> str:
    """« Intérêts au taux légal comptés à partir du lendemain de la réception … », or ''."""
    return " ".join(received_notes(rows, lang))


def received_notes(rows: Iterable[Mapping[str, Any]], lang: str) -> list[str]:
    """The sentences of received_note, one per notice and receipt."""
    said: dict[tuple[dt.date | None, dt.date, bool], None] = {}
    for r in rows:
        periods = r.get("periods") or ()
        if not r.get("consumer") or not periods:
            continue
        start = _date(periods[0][0])
        if start is None:
            continue
        received = start - dt.timedelta(days=1)
        notice = _notice(r, received)
        ar = _date(r.get("ar_date"))
        said[(notice, received, ar == received)] = None
    return [_sentence(n, day, by_ar, lang) for n, day, by_ar in said]


def _sentence(notice: dt.date | None, received: dt.date, by_ar: bool, lang: str) -> str:
    on = dates_phrase([received], lang, "")
    if lang == "fr":
        of = f" du {dates_phrase([notice], lang, '')}" if notice else ""
        head = (
            "Intérêts au taux légal comptés à partir du lendemain de la réception de notre "
            f"mise en demeure{of} (articles 1231-6 et 1344 du Code civil)"
        )
        if by_ar or notice is None or received != presumed_receipt(notice):
            return f"{head}, reçue le {on}."
        after = (
            "deux jours après son envoi"
            if (received - notice).days == POSTAL_DAYS
            else "le deuxième jour après son envoi étant un dimanche"
        )
        return f"{head}, présumée reçue le {on}, {after}, faute d'avis de réception daté."
    of = f" of {dates_phrase([notice], lang, '')}" if notice else ""
    head = (
        "Interest at the legal rate is counted from the day after our formal notice"
        f"{of} was received (French Civil Code, articles 1231-6 and 1344)"
    )
    if by_ar or notice is None or received != presumed_receipt(notice):
        return f"{head}: it was received on {on}."
    after = (
        "two days after it was sent"
        if (received - notice).days == POSTAL_DAYS
        else "the second day after it was sent being a Sunday"
    )
    return (
        f"{head}: it is presumed received on {on}, {after}, as no acknowledgement of receipt "
        "is dated."
    )


__all__ = ["received_note", "received_notes"]
