"""Clients of one name and different client numbers (two « Jean Martin », one chain's sites):
two clients, told apart by their number, never one letter nor one account."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .clients import ClientsTable, join_clients, key_of

_SHOWN = 3  # names said in a warning


def _cell(row: Sequence[Any], at: int) -> Any:
    return row[at] if at < len(row) else None


def _number(value: Any) -> str:
    """A client number as typed (1001.0 is 1001)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def with_clients(
    data: list[list[Any]],
    positions: dict[str, int],
    headers: tuple[str, ...],
    clients: ClientsTable | None,
) -> tuple[dict[str, int], tuple[str, ...], str, list[str]]:
    """The clients table joined (if any: join_clients), then clients of one name and several
    numbers told apart: the positions and headers to read with, the join's sentence, and
    the warnings."""
    read_headers, joined = headers, ""
    doubled: list[str] = []
    if clients is not None:
        positions, read_headers, joined, doubled = join_clients(data, positions, headers, clients)
    return positions, read_headers, joined, [*doubled, *split_homonyms(data, positions)]


def split_homonyms(data: list[list[Any]], positions: dict[str, int]) -> list[str]:
    """Each row whose client name is carried by several client numbers named « name (client
    n° number) », in place, so that every grouping by client keeps them apart (letters,
    payments imputed, credits); the warnings, in French (also a number under two names)."""
    at, number_at = positions.get("client"), positions.get("client_number")
    if at is None or number_at is None or at == number_at:
        return []
    numbers: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    typed_numbers: dict[str, str] = {}
    for row in data:
        name, number = key_of(_cell(row, at)), key_of(_cell(row, number_at))
        if name and number:
            numbers.setdefault(name, set()).add(number)
            names.setdefault(number, set()).add(str(_cell(row, at)).strip())
            typed_numbers.setdefault(number, _number(_cell(row, number_at)))
    split = {name for name, found in numbers.items() if len(found) > 1}
    said: dict[str, str] = {}
    for row in data:
        name, number = key_of(_cell(row, at)), _cell(row, number_at)
        if name in split and key_of(number):
            typed = str(row[at]).strip()
            said.setdefault(name, typed)
            row[at] = f"{typed}{_APART.format(_number(number))}"
    warnings = []
    if split:
        shown = ", ".join(f"« {said[n]} »" for n in sorted(split)[:_SHOWN])
        more = f" et {len(split) - _SHOWN} autre(s)" if len(split) > _SHOWN else ""
        warnings.append(
            f"Clients homonymes : {shown}{more} porte(nt) plusieurs n° de client ; chacun est "
            "un client distinct, nommé « nom (client n° …) » (ses lettres, ses règlements) ; "
            "les lignes de ce nom sans n° de client restent à part."
        )
    doubled = sorted(n for n, found in names.items() if len({key_of(f) for f in found}) > 1)
    for number in doubled[:_SHOWN]:
        typed = ", ".join(f"« {n} »" for n in sorted(names[number])[:_SHOWN])
        warnings.append(
            f"Le n° de client « {typed_numbers[number]} » porte plusieurs noms ({typed}) : "
            "chaque nom reste un client à part ; vérifiez le n° ou le nom."
        )
    return warnings


# How a homonym is named apart: « Jean Martin (client n° C001) ».
_APART = " (client n° {})"
_NAMED_APART = re.compile(r"(.*) \(client n° ([^)]*)\)")


def named_apart(client: str) -> tuple[str, str]:
    """A homonym's own name and its client number (« Jean Martin (client n° C001) » →
    « Jean Martin », « C001 »): the address shows the name, the reference the number."""
    found = _NAMED_APART.fullmatch(client)
    return (found.group(1), found.group(2)) if found else (client, "")


__all__ = ["named_apart", "split_homonyms", "with_clients"]
