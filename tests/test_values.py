"""Cell values: dates day first, French amounts, invoice numbers, terms, flags."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import example, given, settings
from hypothesis import strategies as st

from relance_xlsx.ledger import (
    Amount,
    Coded,
    Grid,
    Terms,
    due_from_terms,
    parse_amount,
    parse_amounts,
    parse_date,
    parse_flag,
    parse_hold,
    parse_terms,
    parse_text,
    status_says_paid,
)
from relance_xlsx.wording import money

D = dt.date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("15/03/2026", D(2026, 3, 15), id="slashes"),
        pytest.param("15-03-26", D(2026, 3, 15), id="dashes-short-year"),
        pytest.param("15.03.2026", D(2026, 3, 15), id="dots"),
        pytest.param("15 mars 2026", D(2026, 3, 15), id="french-month"),
        pytest.param("1er juin 2026", D(2026, 6, 1), id="premier"),
        pytest.param("2026-03-15", D(2026, 3, 15), id="iso"),
        pytest.param("05/03/2026", D(2026, 3, 5), id="day-first-never-may"),
        pytest.param(46096, D(2026, 3, 15), id="serial-general-format"),
        pytest.param(dt.datetime(2026, 3, 15, 14, 30), D(2026, 3, 15), id="datetime"),
        pytest.param(None, None, id="empty"),
        pytest.param("  ", None, id="blank-text"),
    ],
)
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("31/02/2026", id="impossible-day"),
        pytest.param("hier", id="word"),
        pytest.param(151, id="small-number-is-not-a-date"),
        pytest.param(True, id="boolean"),
    ],
)
def test_unreadable_dates_raise(raw):
    with pytest.raises(ValueError):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "value", "currency"),
    [
        pytest.param("1 234,56 €", 1234.56, "EUR", id="french-euro"),
        pytest.param("1\u202f234,56\u00a0€", 1234.56, "EUR", id="narrow-no-break-space"),
        pytest.param("1.234,56", 1234.56, None, id="dot-thousands"),
        pytest.param("1234.56", 1234.56, None, id="dot-decimal"),
        pytest.param("1,234.50", 1234.5, None, id="english-grouping"),
        pytest.param("£400", 400.0, "GBP", id="pound"),
        pytest.param("(120,00)", -120.0, None, id="parentheses-negative"),
        pytest.param("-45", -45.0, None, id="minus"),
        pytest.param(1200, 1200.0, None, id="number"),
    ],
)
def test_amounts(raw, value, currency):
    amount = parse_amount(raw)
    assert amount is not None
    assert (amount.value, amount.currency) == (value, currency)


@pytest.mark.parametrize(
    "raw", ["abc", "12,34,56.7.8x", dt.date(2026, 1, 1)], ids=["word", "garbage", "date"]
)
def test_unreadable_amounts_raise(raw):
    with pytest.raises(ValueError):
        parse_amount(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("2-876-0", "2-876-0", id="dashed-not-a-date"),
        pytest.param("00123", "00123", id="leading-zeros"),
        pytest.param(151, "151", id="integer"),
        pytest.param(151.0, "151", id="integral-float"),
    ],
)
def test_invoice_numbers_stay_as_seen(raw, expected):
    assert parse_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "terms"),
    [
        pytest.param("30 jours", Terms(30), id="30-days"),
        pytest.param("45 jours fin de mois", Terms(45, True), id="45-eom"),
        pytest.param("Net 30", Terms(30), id="net-30"),
        pytest.param("à réception", Terms(0, from_receipt=True), id="on-receipt"),
        pytest.param("comptant", Terms(0), id="cash"),
        pytest.param(
            "30 jours à réception de facture",
            Terms(30, from_receipt=True),
            id="30-days-from-receipt",
        ),
        pytest.param("45 jours fin de mois le 10", Terms(45, True, 10), id="45-eom-the-10th"),
        pytest.param("Fin de mois le 15", Terms(0, True, 15), id="eom-the-15th"),
    ],
)
def test_terms(raw, terms):
    assert parse_terms(raw) == terms


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        pytest.param("add_then_eom", D(2026, 3, 31), id="add-then-end-of-month"),
        pytest.param("eom_then_add", D(2026, 3, 17), id="end-of-month-then-add"),
    ],
)
def test_45_days_end_of_month_both_ways(method, expected):
    # The solon.law example: invoice of 15 January.
    assert due_from_terms(D(2026, 1, 15), Terms(45, True), method) == expected


@pytest.mark.parametrize(
    ("invoice", "terms", "method", "expected"),
    [
        # Early in the month, eom_then_add is the later date: neither way is always later.
        pytest.param(D(2026, 1, 3), Terms(45, True), "add_then_eom", D(2026, 2, 28), id="3-jan-add-then-eom"),
        pytest.param(D(2026, 1, 3), Terms(45, True), "eom_then_add", D(2026, 3, 17), id="3-jan-eom-then-add"),
        pytest.param(D(2026, 1, 20), Terms(45, True), "add_then_eom", D(2026, 3, 31), id="20-jan-add-then-eom"),
        pytest.param(D(2026, 1, 20), Terms(45, True), "eom_then_add", D(2026, 3, 17), id="20-jan-eom-then-add"),
        # « 45 jours fin de mois le 10 »: the first 10th after the end of month.
        pytest.param(D(2026, 1, 3), Terms(45, True, 10), "add_then_eom", D(2026, 3, 10), id="le-10-add"),
        pytest.param(D(2026, 1, 3), Terms(45, True, 10), "eom_then_add", D(2026, 4, 10), id="le-10-eom-first"),
        pytest.param(D(2026, 1, 3), Terms(0, True, 31), "add_then_eom", D(2026, 2, 28), id="le-31-in-february"),
        pytest.param(D(2026, 1, 3), Terms(30), "add_then_eom", D(2026, 2, 2), id="30-days-from-receipt"),
    ],
)  # fmt: skip
def test_due_dates_from_terms(invoice, terms, method, expected):
    assert due_from_terms(invoice, terms, method) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("oui", True),
        ("X", True),
        ("Y", True),
        (1, True),
        ("non", False),
        ("N", False),
        ("0", False),
        (None, None),
    ],
    ids=["oui", "x", "y", "one", "non", "n", "zero", "empty"],
)
def test_flags(raw, expected):
    assert parse_flag(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Contestation sur la quantité", True), ("non", False), ("faux", False), ("x", True)],
    ids=["any-text", "non", "faux", "x"],
)
def test_hold_is_set_by_any_text_but_no(raw, expected):
    assert parse_hold(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Payée", True),
        ("Réglée", True),
        ("Paid", True),
        ("Envoyée", False),
        ("Réglée partiellement", False),
        ("Non payée", False),
    ],
    ids=["payee", "reglee", "paid", "envoyee", "partial", "non-payee"],
)
def test_status_text_paid(raw, expected):
    assert status_says_paid(raw) is expected


@example(amount=-0.005, currency="EUR", language="fr")
@example(amount=2.675, currency="EUR", language="en")
@given(
    amount=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    currency=st.sampled_from(["EUR", "GBP", "USD", "CHF"]),
    language=st.sampled_from(["fr", "en"]),
)
def test_fast_money_matches_babel(amount, currency, language):
    # money() places digits in a shape Babel made once; it must agree with Babel itself,
    # except that an amount rounding to zero is never printed "-0,00 €".
    expected = format_currency(amount, currency, locale={"fr": "fr_FR", "en": "en_GB"}[language])
    if Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) == 0:
        expected = expected.replace("-", "", 1)
    assert money(amount, currency, language) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.floats(width=64),
            st.integers(-(10**12), 10**12),
            st.decimals(places=4, allow_nan=False, allow_infinity=False).map(float),
            st.sampled_from(["1 234,56 €", "(120,00)", "£400", "abc", "", " "]),
            st.none(),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_reading_a_column_of_amounts_gives_what_each_cell_gives_alone(values):
    """The column reader (bulk rounding, shortcuts, one parse per distinct value) changes
    nothing: each cell reads as parse_amount reads it alone, or fails with its message."""
    numbers, currencies, errors = parse_amounts(Coded.of(values))
    cells = zip(values, numbers, currencies.array(), errors.array(), strict=True)
    for value, number, currency, error in cells:
        try:
            expected = parse_amount(value)
        except ValueError as exc:
            assert math.isnan(number) and currency is None and error == str(exc)
        else:
            got = None if math.isnan(number) else Amount(float(number), currency)
            assert got == expected and error is None


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # 1 == 1.0 == True in Python: they are still three different cells to read.
        pytest.param([1, True, 1.0, "1"], [1, True, 1.0, "1"], id="equal-hashing-kept-apart"),
        # The bool comes after the number it hashes like: it is not among the distinct values.
        pytest.param(["x", 0, False, 1.0], ["x", 0, False, 1.0], id="bool-after-its-number"),
        pytest.param(
            [dt.date(2026, 3, 1), "01/03/2026", None, dt.date(2026, 3, 1)],
            [dt.date(2026, 3, 1), "01/03/2026", None, dt.date(2026, 3, 1)],
            id="dates-mixed-with-text",
        ),
        pytest.param([None, float("nan"), "x"], [None, None, "x"], id="none-and-nan-missing"),
        pytest.param([2.5, 2.5, None, 3.0], [2.5, 2.5, None, 3.0], id="floats-only"),
        pytest.param([], [], id="empty"),
    ],
)
def test_a_coded_column_gives_back_each_cell(cells, expected):
    column = Coded.of(cells)
    got = column.array().tolist()
    assert got == expected
    assert [type(v) for v in got] == [type(v) for v in expected]
    assert all(column.at(i) is column.array()[i] for i in range(len(cells)))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param([["A1", 10.0], ["A2", 20.0]], ["A1", "A2"], id="rectangular"),
        pytest.param([["A1"], ["A2", 20.0, "x"]], ["A1", "A2"], id="short-row-padded"),
        # A cell numpy could unpack (never from a workbook) is still one cell.
        pytest.param([[("A", 1), 10.0], [("B", 2), 20.0]], [("A", 1), ("B", 2)], id="tuple-cells"),
        pytest.param([], [], id="no-rows"),
    ],
)
def test_the_grid_reads_each_column_of_any_shape_of_rows(rows, expected):
    grid = Grid(rows, {"invoice": 0, "paid": 2}, ["N°", "Montant", "Réglé"], 2)
    assert grid.raw("invoice").array().tolist() == expected
    paid = grid.raw("paid").array().tolist()
    assert paid == [r[2] if len(r) > 2 else None for r in rows]


def test_a_long_amount_text_is_not_kept() -> None:
    """The split of an amount typed as text is kept for its second reading, but not a long
    hostile text: it would stay in memory for the life of the page's process."""
    from relance_xlsx.ledger.numbers import _split_kept, split_amount

    before = _split_kept.cache_info().currsize
    assert split_amount("9" * 20_000 + " €")[1] == "9" * 20_000
    assert _split_kept.cache_info().currsize == before
    split_amount("1 234,56 €")
    assert _split_kept.cache_info().currsize in (before, before + 1)  # kept (or already)
