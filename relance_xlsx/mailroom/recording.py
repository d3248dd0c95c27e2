"""The LRAR numbers read back, carried to their invoices' rows of the workbook.

Each number goes to the invoices of its letter (by client and invoice number: rows may have
moved since), into the workbook's « N° recommandé » column, as La Poste prints it. A number
is written only when nothing says it is wrong: malformed, typed for two letters, already in
the workbook for another letter, or beside another number on the letter's rows. Each case is
one warning naming where it was typed and why; the run goes on. The date of posting typed
beside it goes with it when it can be the one (not before the letters, not after the run);
otherwise it is set aside, said, and the number goes without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .listread import fold, quoted
from .lrar import clean_number, number_problem, shown_number
from .posted import posted_problem
from .posting import PostingLine, invoices_text
from .typed import Listed


@dataclass(frozen=True)
class RegisteredNumber:
    """An LRAR number typed on a posting list, written by a run into an invoice's row."""

    row: int
    invoice: str
    client: str
    number: str  # as La Poste prints it (« 1A 123 456 7890 5 »)
    letter: str


@dataclass(frozen=True)
class Recorded:
    """An LRAR number to write on one invoice's row."""

    index: Any  # the invoice's label in the ledger frame
    row: int  # its Excel row
    invoice: str
    client: str
    number: str  # as La Poste prints it
    letter: str
    listed: dt.date  # the posting list's date: the letters'
    posted: dt.date | None = None  # the date of posting typed on the list, when it holds
    # The number already in the workbook, its date of posting read only now (corrected on
    # the list, or no longer after the run's date): a journal line, no cell to write.
    dated_only: bool = False

    def public(self) -> RegisteredNumber:
        """What the run's result says of it."""
        return RegisteredNumber(self.row, self.invoice, self.client, self.number, self.letter)


@dataclass(frozen=True)
class _Typed:
    """A well-formed number typed for one line of a list."""

    listed: Listed
    line: PostingLine
    key: str  # without spaces
    posted: dt.date | None = None

    @property
    def place(self) -> str:
        """Where it was typed, for a warning."""
        return (
            f"liste {self.listed.name}, {self.line.where} (lettre n° {self.line.line}, "
            f"{self.line.client})"
        )


def record_numbers(
    frame: pd.DataFrame,
    lists: Sequence[Listed],
    column: str = "« N° recommandé »",
    *,
    as_of: dt.date | None = None,
    dated: Collection[tuple[str, str, str]] = (),
) -> tuple[list[Recorded], list[str]]:
    """The numbers to write, invoice by invoice, and a French warning for each one, or each
    date of posting, set aside (column: the workbook's sheet and column, for those warnings;
    as_of: the run's date, after which no letter was posted; dated: the (client, invoice,
    number) whose date of posting the journal already says, the others get it once it
    holds)."""
    warnings: list[str] = []
    typed: list[_Typed] = []
    for listed in lists:
        warnings += listed.notes
        for line in listed.lines:
            why = number_problem(line.number)
            key = clean_number(line.number)
            if why:
                typed_text = quoted(line.number)
                warnings.append(
                    f"Liste de recommandés {listed.name}, {line.where} (lettre n° {line.line}, "
                    f"{line.client}) : « {typed_text} » n'est pas un n° de recommandé, {why} ; "
                    "non reporté dans le classeur, corrigez-le dans la liste."
                )
            elif key:
                typed.append(_Typed(listed, line, key, _posted(listed, line, as_of, warnings)))
    typed = _used_once(typed, warnings)
    rows = _rows(frame, [t.line for t in typed] + [x for li in lists for x in li.lines])
    said = {(fold(client), invoice, number) for client, invoice, number in dated}
    found = _matched(frame, typed, rows, column, warnings, said)
    warnings += [li.problem for li in lists if li.problem and _pending(frame, li, rows)]
    return found, warnings


def _posted(
    listed: Listed, line: PostingLine, as_of: dt.date | None, warnings: list[str]
) -> dt.date | None:
    """The date of posting typed for a line, when it can be the one; else None, and why."""
    why = posted_problem(line.posted, listed.day, as_of or dt.date.max)
    if why:
        place = f"Liste de recommandés {listed.name}, {line.posted_where}"
        later = isinstance(line.posted, dt.date) and as_of is not None and line.posted > as_of
        # Asked again at each run until it holds: then the journal says it.
        then = (
            f"une exécution datée du {line.posted:%d/%m/%Y} ou après la reportera dans le "
            "journal, corrigez-la dans la liste si elle est fausse"
            if later and isinstance(line.posted, dt.date)
            else "corrigez la date dans la liste : l'exécution suivante la reportera dans le "
            "journal"
        )
        warnings.append(
            f"{place} (lettre n° {line.line}, {line.client}) : date de dépôt non retenue, "
            f"{why} ; le n° de recommandé est reporté sans date de dépôt, {then}."
        )
        return None
    return line.posted if isinstance(line.posted, dt.date) else None


def _used_once(typed: list[_Typed], warnings: list[str]) -> list[_Typed]:
    """The numbers typed for one letter only; one typed for two is written for neither."""
    letters: dict[str, list[_Typed]] = {}
    for t in typed:
        letters.setdefault(t.key, []).append(t)
    kept = []
    for key, same in letters.items():
        if len(same) == 1:
            kept.append(same[0])
            continue
        names = {t.listed.name for t in same}
        of = f" de la liste {same[0].listed.name}" if len(names) == 1 else ""
        places = " et ".join(
            f"{'' if of else f'liste {t.listed.name}, '}{t.line.where} (lettre n° "
            f"{t.line.line}, {t.line.client})"
            for t in same
        )
        warnings.append(
            f"Le n° de recommandé {shown_number(key)} est noté pour {len(same)} lettres{of} : "
            f"{places} ; il n'est reporté pour aucune, un recommandé n'a qu'un numéro : "
            "corrigez celui qui est faux."
        )
    return kept


def _rows(frame: pd.DataFrame, lines: Sequence[PostingLine]) -> dict[tuple[str, str], list[Any]]:
    """The frame's rows of each (client, invoice) of these lines."""
    wanted = {invoice for x in lines for invoice in x.invoices}
    if not wanted or frame.empty:
        return {}
    invoices = frame["invoice"].astype(str)
    found: dict[tuple[str, str], list[Any]] = {}
    for idx in frame.index[invoices.isin(wanted).to_numpy()]:
        key = (fold(frame.at[idx, "client"]), str(frame.at[idx, "invoice"]))
        found.setdefault(key, []).append(idx)
    return found


def _own(line: PostingLine, rows: dict[tuple[str, str], list[Any]]) -> list[Any]:
    client = fold(line.client)
    return [idx for invoice in line.invoices for idx in rows.get((client, invoice), [])]


def _current(frame: pd.DataFrame, idx: Any) -> str:
    """The number already in the workbook's cell ("" for none)."""
    value = frame.at[idx, "registered_no"] if "registered_no" in frame else None
    return value.strip() if isinstance(value, str) else ""


def _matched(
    frame: pd.DataFrame,
    typed: list[_Typed],
    rows: dict[tuple[str, str], list[Any]],
    column: str,
    warnings: list[str],
    dated: set[tuple[str, str, str]],
) -> list[Recorded]:
    """The rows of each letter whose number cell is empty, when none says otherwise; and
    those holding it already whose date of posting the journal does not say yet."""
    in_book = _numbers_in_book(frame, {t.key for t in typed})
    found: list[Recorded] = []
    for t in typed:
        own = _own(t.line, rows)
        why = _refused(frame, t, own, in_book, column)
        if why:
            warnings.append(why)
            continue
        shown = shown_number(t.key)
        for idx in own:
            invoice, known = str(frame.at[idx, "invoice"]), bool(_current(frame, idx))
            if known and (t.posted is None or (fold(t.line.client), invoice, shown) in dated):
                continue
            found.append(
                Recorded(idx, int(frame.at[idx, "row"]), invoice, t.line.client, shown,
                         t.line.letter, t.listed.day or dt.date.min, t.posted, known)
            )  # fmt: skip
    return found


def _refused(
    frame: pd.DataFrame, t: _Typed, own: list[Any], in_book: dict[str, list[Any]], column: str
) -> str:
    """Why a number typed for a letter is not written on its rows ("" when it is)."""
    shown = shown_number(t.key)
    if not own:
        return (
            f"Le n° de recommandé {shown} ({t.place}) n'est pas reporté : aucune facture de "
            f"cette lettre ({invoices_text(t.line.invoices)}) n'est plus dans le classeur au "
            f"nom de {t.line.client} (renommé ou supprimé ?) ; notez-le à la main."
        )
    others = [i for i in in_book.get(t.key, []) if i not in own]
    if others:
        i = others[0]
        return (
            f"Le n° de recommandé {shown} ({t.place}) n'est pas reporté : le classeur le donne "
            f"déjà, ligne {int(frame.at[i, 'row'])}, colonne {column}, à la facture "
            f"{frame.at[i, 'invoice']} de {frame.at[i, 'client']} ; un recommandé n'a qu'un "
            "numéro, corrigez celui qui est faux."
        )
    for i in own:
        now = _current(frame, i)
        if now and clean_number(now) != t.key:
            return (
                f"Classeur, ligne {int(frame.at[i, 'row'])}, colonne {column} (facture "
                f"{frame.at[i, 'invoice']}, {t.line.client}) : « {quoted(now)} » y est déjà, "
                f"la {t.place} "
                f"donne {shown} ; non remplacé, ni reporté sur les autres factures de la "
                "lettre : gardez le bon numéro et effacez l'autre."
            )
    return ""


def _numbers_in_book(frame: pd.DataFrame, keys: set[str]) -> dict[str, list[Any]]:
    """The rows that already hold one of these numbers, by number."""
    if not keys or "registered_no" not in frame:
        return {}
    cells = frame["registered_no"].dropna()
    cells = cells[cells.map(lambda v: isinstance(v, str) and v.strip() != "")]
    found: dict[str, list[Any]] = {}
    for idx, value in cells.items():
        key = clean_number(value)
        if key in keys:
            found.setdefault(key, []).append(idx)
    return found


def _pending(frame: pd.DataFrame, listed: Listed, rows: dict[tuple[str, str], list[Any]]) -> bool:
    """Whether a list that cannot be read may hold a number still missing from the workbook:
    not when every invoice of its letters already has one."""
    if not listed.lines:
        return True
    own = [idx for x in listed.lines for idx in _own(x, rows)]
    return not own or any(not _current(frame, idx) for idx in own)


__all__ = ["Recorded", "RegisteredNumber", "record_numbers"]
