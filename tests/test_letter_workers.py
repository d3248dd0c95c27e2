"""The letters' contexts and checks made on two cores come back as made in one process: in
order, every one, and the progress bar shown again once the workers are forked."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from relance_xlsx import collector
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


def _logged(log: Path, fail_at: int | None) -> Callable[[int], int]:
    """Work that notes each index it makes in a file (the forked workers share it)."""

    def work(i: int) -> int:
        with log.open("a") as out:
            out.write(f"{i}\n")
        time.sleep(0.002)
        if i == fail_at:
            raise ValueError(f"lettre {i}")
        return i

    return work


@pytest.mark.parametrize("stop", ["a-letter-fails", "the-caller-stops"])
def test_no_more_letters_made_once_the_run_stops(tmp_path: Path, stop: str) -> None:
    """An error in one letter, or a caller that stops reading (an error in the run's own
    work on a letter), ends the workers' batch: the rest is not made. Before, a caller that
    stopped waited while the workers made all 3 000."""
    log = tmp_path / "made.txt"
    results = in_order(3000, _logged(log, 5 if stop == "a-letter-fails" else None), _Bar(), "x")
    if stop == "a-letter-fails":
        with pytest.raises(ValueError, match="lettre 5"):
            list(results)
    else:
        assert [next(results) for _ in range(3)] == [0, 1, 2]
        results.close()
    made = log.read_text().split()
    assert 0 < len(made) < 1500


def test_pauses_of_the_collector_nest_across_threads() -> None:
    """Two page runs in threads: the first to end does not start the collector under the
    second, and the last one out restores it."""
    assert gc.isenabled()
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_an_error_in_the_callers_loop_leaves_the_collector_running() -> None:
    """The page runs in threads: a run that fails while it takes the letters must not leave
    the cycle collector paused for every later run (a pause held across the generator's
    yield lived as long as the failing frame, which a kept error keeps alive)."""

    def take() -> None:
        results = in_order(400, _context, _Bar(), "x")  # a local, as in build_letters
        for i, _ in enumerate(results):
            if i == 5:
                raise RuntimeError("run stopped")

    assert gc.isenabled()
    kept = []
    try:
        take()
    except RuntimeError as exc:
        kept.append(exc)  # the error kept (a log, a web job's state): its frames live
    assert gc.isenabled()
    kept.clear()
    gc.enable()  # whatever happened above, the next tests run with the collector
