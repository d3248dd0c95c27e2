"""A posting list is trusted only for the letters the workbook's journal records: a list
planted beside the workbook (or another run's, edited) never writes an LRAR number for a
letter that was never sent (review-attack-6 §14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from .posting import PostingLine
from .typed import Listed

_SHOWN = 3  # lines said one by one


def sent_key(day: dt.date, letter: str, invoice: str) -> tuple[dt.date, str, str]:
    """What the journal says of a letter sent: its day, file name and one of its invoices."""
    return day, Path(letter.strip()).name.casefold(), invoice.strip().casefold()


def _recorded(
    day: dt.date | None, line: PostingLine, sent: Collection[tuple[dt.date, str, str]]
) -> bool:
    if day is None or not line.letter or not line.invoices:
        return False
    return all(sent_key(day, line.letter, i) in sent for i in line.invoices)


def journaled(
    lists: list[Listed], sent: Collection[tuple[dt.date, str, str]], warnings: list[str]
) -> list[Listed]:
    """The lists without the numbered lines whose letter (day, file name, invoices) the
    journal does not record; each line set aside said, in French."""
    out = []
    for listed in lists:
        gone = [x for x in listed.lines if x.number.strip() and not _recorded(listed.day, x, sent)]
        if not gone:
            out.append(listed)
            continue
        for line in gone[:_SHOWN]:
            warnings.append(
                f"Liste de recommandés {listed.name}, lettre n° {line.line} ({line.client}) : "
                f"le journal du classeur ne garde aucune trace du courrier « {line.letter} » "
                f"pour ces factures à cette date ; n° « {line.number.strip()} » non reporté "
                "dans le classeur (liste d'un autre classeur ou modifiée ?)."
            )
        if len(gone) > _SHOWN:
            warnings.append(
                f"Liste de recommandés {listed.name} : {len(gone) - _SHOWN} autre(s) lettre(s) "
                "absente(s) du journal du classeur, n° non reportés."
            )
        kept = [x for x in listed.lines if x not in gone]
        out.append(replace(listed, lines=kept))
    return out


__all__ = ["journaled", "sent_key"]
