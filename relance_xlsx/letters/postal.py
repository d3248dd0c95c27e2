"""The debtor's address as La Poste reads it (NF Z10-011), or why the letter cannot go.

At most 6 lines of 38 characters, the name first; in France the last line is the 5-digit
postcode and the town in capitals; abroad, a last line more: the country, in capitals. A
registered letter without its town is never delivered, and its deadline never starts: a
letter whose address is not complete goes to a_completer/ with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..ledger import country_of, sued_abroad, without_placeholders
from .items import present

LINE_WIDTH = 38
MAX_LINES = 6  # the name and the attention line included
MAX_LINES_ABROAD = 7  # the country's line more
_POSTCODE_LINE = re.compile(r"^(?:F\s*-\s*|FR\s*-\s*)?(\d{5})\s+(\S.*)$", re.IGNORECASE)
# « 12 rue Oberkampf 75011 Paris » typed on one line: the postcode starts the town's line.
_INLINE_POSTCODE = re.compile(r"^(.*?\S)[\s,;]+(\d{5})\s+([^\d\s].*)$")
# La Poste's own abbreviations, used only when the town's line is too long.
_ABBREVIATIONS = ((r"\bSAINTE\b", "STE"), (r"\bSAINT\b", "ST"))


@dataclass(frozen=True)
class Postal:
    """An address ready for the envelope's window, or the French reason it is not."""

    lines: tuple[str, ...]
    problem: str | None = None
    abroad: bool = False


def _clean(line: str) -> str:
    return " ".join(line.replace("\t", " ").split()).strip(" ,;.")


def _wrap(line: str) -> list[str]:
    """A line of at most 38 characters, cut between words (a word longer stays whole)."""
    out: list[str] = []
    for word in line.split(" "):
        if out and len(out[-1]) + 1 + len(word) <= LINE_WIDTH:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _town_line(postcode: str, town: str) -> str:
    line = f"{postcode} {_clean(town).upper()}"
    for pattern, short in _ABBREVIATIONS:
        if len(line) <= LINE_WIDTH:
            break
        line = re.sub(pattern, short, line)
    return line


def postal_address(text: Any, name_lines: int = 1) -> Postal:
    """The address of a ledger cell (or of its composed columns), in La Poste's order.

    name_lines: the lines above it in the window (the name, the « À l'attention de »).
    """
    raw = [] if text is None else str(text).replace("\r", "").split("\n")
    # An export's « None » or « nan » is no line (the ledger drops them; this text may come
    # from elsewhere).
    lines = [c for ln in raw if (c := _clean(without_placeholders(ln)))]
    if not lines:
        return Postal((), "adresse du client")
    country = country_of(lines[-1]) if len(lines) > 1 else None
    if country is not None:
        lines = lines[:-1]
    if country is not None and country != "France":
        if len(lines) < 2:
            return Postal(
                tuple(lines),
                f"adresse du client à l'étranger ({country}) incomplète : la rue et la ville",
                True,
            )
        return _fitted([*lines, country.upper()], name_lines, MAX_LINES_ABROAD, True)
    found = _POSTCODE_LINE.match(lines[-1])
    if found is None:
        inline = _INLINE_POSTCODE.match(lines[-1])
        if inline is not None:
            lines[-1:] = [inline.group(1), f"{inline.group(2)} {inline.group(3)}"]
            found = _POSTCODE_LINE.match(lines[-1])
    if found is None:
        return Postal(
            tuple(lines),
            "adresse du client incomplète : le code postal à 5 chiffres suivi de la ville "
            "(ou le pays, pour une adresse à l'étranger)",
        )
    if len(lines) < 2:
        return Postal(tuple(lines), "adresse du client incomplète : la rue")
    town = _town_line(found.group(1), found.group(2))
    return _fitted([*lines[:-1], town], name_lines, MAX_LINES, False)


def _fitted(lines: list[str], name_lines: int, most: int, abroad: bool) -> Postal:
    """The lines cut to 38 characters (the town's and the country's kept whole), or why
    they do not fit the window."""
    body = [w.strip(" ,;") for ln in lines[:-1] for w in _wrap(ln)] + [lines[-1]]
    widest = max(body, key=len)
    if len(widest) > 2 * LINE_WIDTH:  # one word that long would run out of the window
        return Postal(
            tuple(line[:LINE_WIDTH] for line in body),
            f"adresse du client illisible : une ligne de {len(widest)} caractères "
            f"(« {widest[:20]}… »), {LINE_WIDTH} au plus (norme postale NF Z10-011)",
            abroad,
        )
    if name_lines + len(body) > most:
        return Postal(
            tuple(body[: 2 * most]),  # shown to be completed: never pages of lines
            f"adresse du client trop longue : {name_lines + len(body)} lignes avec le nom, "
            f"{most} au plus (norme postale NF Z10-011)",
            abroad,
        )
    return Postal(tuple(body), None, abroad)


def debtor_address(rows: list[dict[str, Any]]) -> list[str]:
    """The lines of the first address the letter's invoices give, ready to print ([] none)."""
    for r in rows:
        if present(r.get("address")):
            return list(postal_address(r["address"]).lines)
    return []


def debtor_abroad(rows: list[dict[str, Any]]) -> bool:
    """Whether the letter's address (the first its invoices give) is outside the reach of
    French civil procedure (ledger/territory.py: an overseas département is France)."""
    found = next((r["address"] for r in rows if present(r.get("address"))), None)
    return found is not None and sued_abroad(str(found))


def address_problem(rows: list[dict[str, Any]], contact: bool) -> str | None:
    """Why the letter's address cannot be posted (None when it can)."""
    found = next(
        (
            postal_address(r["address"], 2 if contact else 1)
            for r in rows
            if present(r.get("address"))
        ),
        Postal((), "adresse du client"),
    )
    return found.problem


__all__ = [
    "LINE_WIDTH",
    "MAX_LINES",
    "Postal",
    "address_problem",
    "country_of",
    "debtor_abroad",
    "debtor_address",
    "postal_address",
]
