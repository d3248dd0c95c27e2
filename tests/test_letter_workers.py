"""The letters' contexts and checks made on two cores come back as made in one process: in
order, every one, and the progress bar shown again once the workers are forked."""

from __future__ import annotations

import datetime as dt

import pytest

from relance_xlsx.letters.filling import in_order
from relance_xlsx.wording import money


class _Bar:
    """What a progress bar is told, in order."""

    def __init__(self) -> None:
        self.said: list[tuple[str, int] | str] = []

    def start(self, label: str, total: int) -> None:
        self.said.append((label, total))

    def advance(self, n: int = 1) -> None:
        self.said.append("advance")

    def stop(self) -> None:
        self.said.append("stop")


def _context(i: int) -> tuple[dict[str, object], tuple[str, ...], tuple[str, ...]]:
    """A letter's context as the run makes one: nested dicts and lists of formatted values."""
    day = dt.date(2026, 1, 1) + dt.timedelta(days=i % 300)
    items = [{"number": f"F-{i}-{k}", "amount": money(i * 1.5 + k, "EUR", "fr")} for k in range(5)]
    return {"invoices": items, "day": day, "letter": {"count": i}}, (), (f"refus {i}",) * (i % 2)


@pytest.mark.parametrize("count", [5, 299, 300, 1001], ids=["few", "below", "from", "many"])
def test_same_results_in_order(count: int) -> None:
    bar = _Bar()
    assert list(in_order(count, _context, bar, "Préparation des lettres")) == [
        _context(i) for i in range(count)
    ]
    forked = count >= 300
    assert bar.said == (["stop", ("Préparation des lettres", count)] if forked else [])


def test_error_of_a_letter_reaches_the_run() -> None:
    def broken(i: int) -> int:
        if i == 700:
            raise ValueError("lettre 700")
        return i

    with pytest.raises(ValueError, match="lettre 700"):
        list(in_order(1000, broken, _Bar(), "x"))
