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
    """What a letter's reference covers, read from its journal lines."""

    reference: str
    day: dt.date
    client: str
    invoices: tuple[str, ...]


class Book:
    """The invoices a credit may pay, with what each still owes while credits are applied."""

    def __init__(
        self,
        frame: pd.DataFrame,
        tolerance: float = 0.0,
        letters: Mapping[str, LetterRef] | None = None,
    ) -> None:
        usable = frame[frame["valid"].astype(bool) & ~frame["is_credit"].astype(bool)]
        usable = usable.sort_values(["due_date", "row"], kind="stable", na_position="last")
        self.rows = usable["row"].to_numpy(dtype=int)
        self.numbers = [str(v) if v not in (None, "") else "" for v in usable["invoice"].tolist()]
        self.clients = [str(v) for v in usable["client"].tolist()]
        owed = np.round(usable["outstanding"].to_numpy(dtype=float), 2)
        self.remaining = np.where(owed > tolerance, owed, 0.0)
        self.tolerance = tolerance
        self.index = NumberIndex(self.numbers)
        self.by_client: dict[str, list[int]] = {}
        for i, client in enumerate(self.clients):
            self.by_client.setdefault(client, []).append(i)
        self.names = ClientNames(c for c, i in self.by_client.items() if self._open_any(i))
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
    """A credit spread over invoices, oldest due first; the last may be paid in part."""
    left = cents(amount)
    out = []
    for i in positions:
        owed = cents(float(book.remaining[i]))
        if left <= 0 or owed <= 0:
            continue
        paid = min(owed, left)
        left -= paid
        out.append(
            Allocation(
                int(book.rows[i]), book.numbers[i], book.clients[i], paid / 100, owed / 100,
                partial=paid < owed, position=i,
            )
        )  # fmt: skip
    return out, left / 100


__all__ = ["Book", "LetterRef", "allocate", "cents"]
