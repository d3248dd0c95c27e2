"""The ledger's invoices as the matcher needs them: arrays, and indexes built once (by
number, by client, by amount), so that 2,000 credits against 100,000 open invoices take
no pairwise loop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .names import ClientNames
from .numbers import NumberIndex, canonical
from .records import Allocation


def cents(value: float) -> int:
    """An amount in whole cents, the unit amounts are compared in."""
    return round(value * 100)


@dataclass(frozen=True)
class LetterRef:
    """What a letter's reference covers, read from its journal lines: its invoices, and for
    each the penalties it claimed (interest, indemnity), which its QR code's amount holds."""

    reference: str
    day: dt.date
    client: str
    invoices: tuple[str, ...]
    penalties: tuple[tuple[float, float], ...] = ()  # (interest, indemnity) per invoice

    def claimed(self, invoice: str) -> tuple[float, float]:
        """The interest and indemnity the letter claimed for one of its invoices."""
        if invoice in self.invoices and len(self.penalties) == len(self.invoices):
            return self.penalties[self.invoices.index(invoice)]
        return (0.0, 0.0)


class Book:
    """The invoices a credit may pay, with what each still owes while credits are applied."""

    def __init__(
        self,
        frame: pd.DataFrame,
        tolerance: float = 0.0,
        letters: Mapping[str, LetterRef] | None = None,
        gap: float = 0.0,
    ) -> None:
        usable = frame[frame["valid"].astype(bool) & ~frame["is_credit"].astype(bool)]
        usable = usable.sort_values(["due_date", "row"], kind="stable", na_position="last")
        self.rows = usable["row"].to_numpy(dtype=int)
        self.numbers = [str(v) if v not in (None, "") else "" for v in usable["invoice"].tolist()]
        self.clients = [str(v) for v in usable["client"].tolist()]
        owed = np.round(usable["outstanding"].to_numpy(dtype=float), 2)
        self.remaining = np.where(owed > tolerance, owed, 0.0)
        self.tolerance = tolerance
        self.gap = cents(gap)  # a difference a payment may have with what it settles, in cents
        self.index = NumberIndex(self.numbers)
        self.by_client: dict[str, list[int]] = {}
        for i, client in enumerate(self.clients):
            self.by_client.setdefault(client, []).append(i)
        opened = [c for c, i in self.by_client.items() if self._open_any(i)]
        self.names = ClientNames(opened, _column_by_client(usable, "legal_form"))
        self.sirens = {
            digits[:9]: client
            for client, value in _column_by_client(usable, "siret").items()
            if len(digits := "".join(ch for ch in value if ch.isdigit())) in (9, 14)
        }
        self.letters = dict(letters or {})
        self._by_cents: dict[int, list[int]] | None = None

    def _open_any(self, positions: Sequence[int]) -> bool:
        return bool((self.remaining[list(positions)] > 0).any())

    def is_open(self, i: int) -> bool:
        """Whether invoice i still owes something."""
        return bool(self.remaining[i] > 0)

    def open_of(self, client: str) -> list[int]:
        """The client's open invoices, oldest due first."""
        return [i for i in self.by_client.get(client, []) if self.remaining[i] > 0]

    def positions(self, key: str) -> list[int]:
        """The invoices of a canonical number."""
        return self.index.positions.get(key, [])

    def cited(self, text: str) -> tuple[list[int], list[str]]:
        """The invoices a text cites, and the numbers cited that name no single open invoice
        (« FACT 118 » when 2026/118 and 2025/118 are both open): a number of the ledger
        names all its invoices; a part of one (an alias) only the one open invoice it fits."""
        positions: list[int] = []
        unclear: list[str] = []
        for key in self.index.found_in(text):
            if key in self.index.positions:
                positions += self.index.positions[key]
                continue
            fits = [i for i in self.index.of(key) if self.is_open(i)]
            if len(fits) == 1:
                positions += fits
            else:
                unclear.append(key)
        return list(dict.fromkeys(positions)), unclear

    def settles(self, paid: int, owed: int) -> bool:
        """Whether a payment (cents) settles what is owed (cents), within the bank gap."""
        return abs(paid - owed) <= self.gap

    def of_number(self, number: str) -> list[int]:
        """The invoices of a number as written (by its canonical form)."""
        return self.positions(canonical(number))

    def same_amount(self, amount: float) -> list[int]:
        """Open invoices that still owe exactly this amount (an index by cents, built on
        first use)."""
        if self._by_cents is None:
            self._by_cents = {}
            owed = np.round(self.remaining * 100).astype(np.int64)
            for i in np.flatnonzero(owed > 0).tolist():
                self._by_cents.setdefault(int(owed[i]), []).append(i)
        wanted = cents(amount)
        found = self._by_cents.get(wanted, [])
        return [i for i in dict.fromkeys(found) if cents(float(self.remaining[i])) == wanted]

    def pay(self, i: int, amount: float) -> None:
        """Take a payment off what invoice i owes (later credits see it)."""
        self.remaining[i] = max(0.0, round(float(self.remaining[i]) - amount, 2))
        if self._by_cents is not None and self.remaining[i] > 0:
            self._by_cents.setdefault(cents(float(self.remaining[i])), []).append(i)


def allocate(book: Book, positions: Sequence[int], amount: float) -> tuple[list[Allocation], float]:
    """A credit spread over invoices, oldest due first; the last may be paid in part. A
    difference within the bank gap settles: a cent short pays the last invoice in full, a
    cent over is no surplus (each said, as the allocation's gap)."""
    left = cents(amount)
    live = [i for i in positions if cents(float(book.remaining[i])) > 0]
    out = []
    for n, i in enumerate(live):
        if left <= 0:
            break
        owed = cents(float(book.remaining[i]))
        over = n == len(live) - 1 and left > owed
        gap = left - owed if (left < owed or over) and book.settles(left, owed) else 0
        paid = min(owed, left)
        left = 0 if gap > 0 else left - paid
        out.append(
            Allocation(
                int(book.rows[i]), book.numbers[i], book.clients[i], paid / 100, owed / 100,
                partial=paid < owed and not gap, position=i, gap=gap / 100,
            )
        )  # fmt: skip
    return out, left / 100


def _column_by_client(frame: pd.DataFrame, column: str) -> dict[str, str]:
    """One text per client from a ledger column (its legal form, its SIRET), when it has one."""
    if column not in frame:
        return {}
    out: dict[str, str] = {}
    for client, value in zip(frame["client"].tolist(), frame[column].tolist(), strict=True):
        if isinstance(value, str | int) and str(value).strip() and client not in out:
            out[str(client)] = str(value)
    return out


__all__ = ["Book", "LetterRef", "allocate", "cents"]
