"""The registered letters' numbers, typed on the page: written into the run's posting list,
from which the next run carries them into the workbook (« N° recommandé »)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from ..pipeline import (
    PostingList,
    list_folders,
    recent_lists,
    refused_dates,
    refused_numbers,
    reused_numbers,
    save_numbers,
)
from .guard import posted
from .pages import go, ui
from .state import UiState
from .views import render

FIELD = "numero"  # the form's fields: numero-<list>-<line>
POSTED = "depot"  # depot-<list>-<line>: the date of posting, jj/mm/aaaa
LIST = "liste"  # liste-<list>: the key of the list shown at that place (PostingList.key)
CHANGED = (
    "Un traitement a remplacé ou modifié cette liste de dépôt depuis l'affichage de la page : "
    "rien n'a été enregistré ; la page montre maintenant les listes à jour : notez à nouveau "
    "les numéros."
)


def _lists(state: UiState) -> list[PostingList]:
    """The posting lists of the recent runs on the chosen workbook, found where a run finds
    them (a folder given to --out beside the workbook too), its own only."""
    assert state.ledger is not None
    last = state.last_run
    out = Path(last.out_dir) if last is not None and last.out_dir else None
    folders = list_folders(state.ledger, out)
    return recent_lists(folders, dt.date.today(), workbook=state.ledger.name)


async def registered_page(request: Request) -> Response:
    """Each registered letter of the recent runs, with a field for its LRAR number."""
    state = ui(request)
    if state.ledger is None:
        return go("/")
    return render(request, "recommandes.html", lists=_lists(state), errors={}, saved=None)


async def save_registered(request: Request) -> Response:
    """Check every number typed; write each list's numbers when all of them are right."""
    state = ui(request)
    if state.ledger is None:
        return go("/")
    form = await posted(request)
    lists = _lists(state)
    typed: dict[int, dict[int, str]] = {}
    dates: dict[int, dict[int, str]] = {}
    for name, value in form.items():
        parts = str(name).split("-")
        if len(parts) == 3 and parts[0] in (FIELD, POSTED) and all(map(str.isdigit, parts[1:])):
            into = typed if parts[0] == FIELD else dates
            into.setdefault(int(parts[1]), {})[int(parts[2])] = str(value)[:60]
    by_key = {p.key: p for p in lists}
    shown = {i: by_key.get(str(form.get(f"{LIST}-{i}", ""))) for i in {*typed, *dates}}
    errors = {
        f"{FIELD}-{i}-{line}": why
        for i, numbers in typed.items()
        for line, why in refused_numbers(numbers).items()
    }
    # A number another letter has (typed now, or saved in a list of this workbook before).
    index = {p.key: i for i, p in shown.items() if p is not None}
    pairs = [(p, typed.get(index.get(p.key, -1), {})) for p in lists]
    for (n, line), why in reused_numbers(pairs).items():
        errors.setdefault(f"{FIELD}-{index[lists[n].key]}-{line}", why)
    today = dt.date.today()
    errors |= {
        f"{POSTED}-{i}-{line}": why
        for i, days in dates.items()
        for line, why in refused_dates(days, _day(shown.get(i)), today).items()
    }
    if errors:
        return render(request, "recommandes.html", lists=lists, errors=errors, saved=None,
                      typed=form)  # fmt: skip
    # The numbers go to the list that was shown, found by its key: a run in between may have
    # put another list first, or rewritten this one for other letters.
    if any(p is None for p in shown.values()):
        return render(request, "recommandes.html", lists=lists, errors={LIST: CHANGED},
                      saved=None)  # fmt: skip
    saved = [
        save_numbers(p.path, typed.get(i, {}), dates.get(i, {}))
        for i, p in shown.items()
        if p is not None
    ]
    said = _saved(sum(x.numbers for x in saved), sum(x.dates for x in saved))
    return render(request, "recommandes.html", lists=_lists(state), errors={}, saved=said)


def _saved(numbers: int, dates: int) -> str:
    """« 2 numéros de recommandé et 1 date de dépôt enregistrés » (numbers, not fields)."""
    words = [f"{numbers} numéro{'s' * (numbers > 1)} de recommandé"]
    if dates:
        words.append(f"{dates} date{'s' * (dates > 1)} de dépôt")
    plural = "s" if numbers + dates > 1 else ""
    return f"{' et '.join(words)} enregistré{plural}"


def _day(shown: PostingList | None) -> dt.date | None:
    """The letters' date of a list shown (a date of posting is not before it)."""
    return shown.posted if shown is not None else None


__all__ = ["registered_page", "save_registered"]
