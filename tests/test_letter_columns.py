"""The letters' rows taken column by column give the very values pandas gives: the same
Python types, dates as Timestamps of the same unit, missing values as pandas says them."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from relance_xlsx.letters.columns import column_values, frame_columns


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, pd.Timestamp):
        return a == b and a.unit == b.unit and a.tz == b.tz
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if a is pd.NA or a is pd.NaT or a is None:
        return a is b
    return bool(a == b)


def _frame() -> pd.DataFrame:
    days = pd.to_datetime(["2026-01-02", None, "2026-01-02", "2025-12-31", None, "2026-03-04"])
    return pd.DataFrame(
        {
            "seconds": days.as_unit("s"),
            "nanos": days.as_unit("ns"),
            "zoned": days.tz_localize("Europe/Paris"),
            "late": pd.array([3, None, 5, 0, -2, None], dtype="Int64"),
            "text": pd.array(["a", None, "b", "c", "d", "e"], dtype="str"),
            "objects": ["x", None, 3, 2.5, pd.NaT, np.nan],
            "amount": [1.5, np.nan, 2.0, 3.25, 0.1, -1.0],
            "level": [0, 1, 2, 3, 4, 5],
            "flag": [True, False, True, True, False, False],
            "kind": pd.Categorical(["a", "b", "a", None, "b", "a"]),
        },
        index=[10, 11, 12, 13, 14, 15],
    )


@pytest.mark.parametrize("name", list(_frame().columns))
def test_column_values_as_tolist(name: str) -> None:
    frame = _frame()
    at = np.array([5, 0, 2, 1, 4, 3, 0], dtype=np.intp)
    got = column_values(frame[name], at)
    want = frame[name].iloc[at].tolist()
    assert len(got) == len(want)
    assert all(_same(a, b) for a, b in zip(got, want, strict=True)), (got, want)


def test_frame_columns_as_loc_and_join() -> None:
    frame = _frame()
    decisions = pd.DataFrame({"level": [1, 2, 3, 4, 5, 6], "x": list("abcdef")}, index=frame.index)
    rows = [15, 10, 12]
    got = frame_columns(frame, decisions, rows, ("late", "zoned", "absent"), {"level": "stage"})
    sub = frame.loc[rows, ["late", "zoned"]].join(
        decisions.loc[rows, ["level"]].rename(columns={"level": "stage"})
    )
    assert list(got) == list(sub.columns)
    for name in sub.columns:
        assert all(_same(a, b) for a, b in zip(got[name], sub[name].tolist(), strict=True))


def test_frame_columns_labels_twice() -> None:
    # An index with a label twice: the rows as pandas gives them (no positions).
    frame = pd.DataFrame({"level": [1, 2, 3]}, index=[7, 7, 8])
    decisions = pd.DataFrame({"action": ["a", "b", "c"]}, index=[7, 7, 8])
    got = frame_columns(frame, decisions, [8], ("level",), {"action": "action"})
    assert got == {"level": [3], "action": ["c"]}
