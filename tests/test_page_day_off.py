"""A run dated a Sunday or a public holiday is said on the preview: its letters would bear a
day no post leaves (review-clerk3: a Monday run kept Sunday's date, the registered letter
too). A working day, Saturday included, says nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from test_page import _previewed, blank_office, office, page  # noqa: F401

import relance_xlsx.pipeline as pipeline


@pytest.mark.parametrize(
    ("day", "said"),
    [
        pytest.param(dt.date(2026, 11, 22), "Le 22 novembre 2026 est un dimanche", id="sunday"),
        pytest.param(dt.date(2026, 11, 11), "Le 11 novembre 2026 est un jour férié", id="holiday"),
        pytest.param(dt.date(2026, 5, 25), "Le 25 mai 2026 est un jour férié", id="whit-monday"),
        pytest.param(dt.date(2026, 11, 23), None, id="monday"),
        pytest.param(dt.date(2026, 11, 21), None, id="saturday"),
    ],
)
def test_a_day_no_post_leaves_is_said(day, said):
    note = pipeline.day_off_note(day)
    if said is None:
        assert note is None
    else:
        assert note is not None and note.startswith(said + " : les lettres seront datées")


def test_the_preview_of_a_sunday_says_it_and_a_monday_does_not(page, office):  # noqa: F811
    sunday = _previewed(page, office, dt.date(2026, 11, 22)).get("/apercu").text
    assert 'id="date-chomee"' in sunday and "est un dimanche" in sunday
    monday = _previewed(page, office, dt.date(2026, 11, 23)).get("/apercu").text
    assert 'id="date-chomee"' not in monday
