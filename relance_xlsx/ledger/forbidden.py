"""The cells holding a character XML forbids, said as their rows' problems (the write-back
makes them valid: ooxml/xmlchars.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ooxml import Forbidden
from .problems import Problem

MAX_CELLS = 50  # cells named one by one; the count says the rest
_REF = re.compile(r"([A-Za-z]{1,3})0*([1-9]\d{0,6})")


def _column(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _reason(codes: list[int]) -> str:
    controls = [f"U+{c:04X}" for c in codes if c < 0x20]
    others = [f"U+{c:04X}" for c in codes if c >= 0x20]
    said = []
    if controls:
        one = len(controls) == 1
        what = "caractère de contrôle" if one else "caractères de contrôle"
        them = "l'" if one else "les "
        said.append(
            f"{what} {', '.join(controls)} qu'XML interdit : les lettres {them}omettent, le "
            f"classeur {'le' if one else 'les'} garde sous la forme {_escape(codes)} (la "
            "notation d'Excel)"
        )
    if others:
        one = len(others) == 1
        what = "caractère invalide" if one else "caractères invalides"
        them = "l'" if one else "les "
        said.append(
            f"{what} {', '.join(others)} qu'XML interdit : les lettres et le classeur réécrit "
            f"{them}omettent"
        )
    return " ; ".join(said) + " ; retapez ce texte dans Excel"


def _escape(codes: list[int]) -> str:
    return next(f"_x{c:04X}_" for c in codes if c < 0x20)


def forbidden_problems(found: Sequence[Forbidden] | None, headers: Sequence[str]) -> list[Problem]:
    """One warning per cell holding forbidden characters: its row, column, text, and what
    was done with them."""
    by_cell: dict[str, list[Forbidden]] = {}
    for bad in found or ():
        by_cell.setdefault(bad.cell, []).append(bad)
    problems = []
    for cell, bads in list(by_cell.items())[:MAX_CELLS]:
        ref = _REF.fullmatch(cell)
        row = int(ref.group(2)) if ref else None
        index = _column(ref.group(1)) - 1 if ref else -1
        column = (headers[index] or ref.group(1)) if ref and index < len(headers) else cell
        codes = sorted({b.code for b in bads})
        problems.append(Problem(row, column or None, bads[0].text, _reason(codes), "warning"))
    if len(by_cell) > MAX_CELLS:
        problems.append(
            Problem(
                None, None, None,
                f"et {len(by_cell) - MAX_CELLS} autre(s) cellule(s) avec un caractère qu'XML "
                "interdit, rendues valides de la même façon dans le classeur réécrit",
                "warning",
            )
        )  # fmt: skip
    return problems


__all__ = ["forbidden_problems"]
