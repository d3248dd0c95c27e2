"""Beside a column of a system's keys, the column a person reads is the client or the invoice
number (review-pubwb8 H5): Stripe's « Customer » of `cus_…` keys beside « Customer Name »,
its « id » of `in_…` keys beside « Number », Zoho's « Invoice ID » of bare integers beside
« Invoice Number » (INV-000101), Odoo's « Référence » mostly empty beside « Numéro ». A
column named in relance.toml is never moved."""

from __future__ import annotations

import re
from typing import Any

from .column_case import Case
from .columns import ALIASES, header_words
from .fitness import sparse

# A database key: a short lowercase prefix, an underscore, letters and digits (« cus_Q1 »).
_KEY = re.compile(r"^[a-z]{2,5}_[A-Za-z0-9]+$")
_REFERENCE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9/_.\- ]*$")
_MOST = 0.8
_REFERENCE_WORDS = frozenset({"ref", "reference", "references"})
_CLIENT_HEADERS = frozenset(header_words(a) for a in ALIASES["client"])
_INVOICE_HEADERS = frozenset(header_words(a) for a in ALIASES["invoice"])


def human_columns(case: Case) -> None:
    """The client and the invoice number read from the human column beside a column of keys."""
    _client(case)
    _invoice(case)


def _cells(case: Case, column: int) -> list[Any]:
    cells = (row[column] if column < len(row) else None for row in case.profiles.sample)
    return [v.strip() if isinstance(v, str) else v for v in cells if v not in (None, "")]


def _shown(value: Any) -> str:
    """A cell as the sheet shows it: 9001, not 9001.0."""
    return f"{value:.0f}" if isinstance(value, float) and value.is_integer() else str(value)


def _share(cells: list[Any], test: Any) -> float:
    return sum(1 for v in cells if test(v)) / len(cells) if cells else 0.0


def _keys(cells: list[Any]) -> bool:
    return _share(cells, lambda v: isinstance(v, str) and bool(_KEY.match(v))) >= _MOST


def _integers(cells: list[Any]) -> bool:
    def whole(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer()

    return bool(cells) and _share(cells, whole) == 1.0


def _is_reference(header: str) -> bool:
    return bool(set(header_words(header).split()) & _REFERENCE_WORDS)


def _client(case: Case) -> None:
    column = case.movable("client")
    if column is None:
        return
    cells = _cells(case, column)
    if not (_keys(cells) or case.profiles[column].digits >= _MOST):
        return
    for other in case.free():
        p = case.profiles[other]
        if header_words(case.name(other)) not in _CLIENT_HEADERS or p.filled < 2:
            continue
        if p.texts < _MOST or p.digits > 0.2 or _keys(_cells(case, other)):
            continue
        old = case.name(column)
        case.pos["client"] = other
        case.evidence["client"] = f"en-tête reconnu ; des noms, « {old} » ne porte que des codes"
        case.notes.append(
            f"« {old} » porte des codes (« {_shown(cells[0])} »…) : le client est lu dans "
            f"« {case.name(other)} »."
        )
        if "client_number" not in case.pos:
            case.pos["client_number"] = column
        return


def _invoice(case: Case) -> None:
    column = case.movable("invoice")
    if column is None:
        return
    cells = _cells(case, column)
    keys = _keys(cells)
    # Only a reference's column mostly empty (Odoo's « Référence »): a « N° facture » empty
    # on unissued rows stays the number.
    empty = _is_reference(case.name(column)) and sparse(case.profiles[column], case.profiles.sample)
    if not (keys or empty or _integers(cells)):
        return
    own = header_words(case.name(column))
    for other in case.free():
        folded = header_words(case.name(other))
        if folded != own and not ((keys or empty) and folded in _INVOICE_HEADERS):
            continue
        if empty and _is_reference(case.name(other)):
            continue
        theirs = _cells(case, other)
        if sparse(case.profiles[other], case.profiles.sample) or not theirs or _keys(theirs):
            continue
        if _share(theirs, lambda v: isinstance(v, str) and bool(_REFERENCE.match(v))) < _MOST:
            continue
        old = case.name(column)
        case.pos["invoice"] = other
        if empty:
            why = f"« {old} » {empty.removeprefix('elle ')}"
        else:
            why = f"« {old} » porte les identifiants internes du logiciel (« {_shown(cells[0])} »…)"
        case.evidence["invoice"] = f"en-tête reconnu ; des références, {why}"
        case.notes.append(f"{why} : le n° de facture est lu dans « {case.name(other)} ».")
        return


__all__ = ["human_columns"]
