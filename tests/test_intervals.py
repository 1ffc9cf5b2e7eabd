"""Interval arithmetic: the properties every rule relies on, checked against brute force.

The rules never look at points, only at bounds and open/closed ends, so each property
compares the bound arithmetic with what the points themselves say.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise

import pandas as pd
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from factsuite.meaning.intervals import (
    INF,
    Bound,
    Interval,
    can_be_at_most,
    can_overlap,
    format_number,
    is_non_empty,
)

SETTINGS = settings(max_examples=150, deadline=None)

fractions = st.fractions(min_value=-50, max_value=50, max_denominator=12)
closed = st.booleans()


@st.composite
def any_intervals(draw: st.DrawFn, bound: st.SearchStrategy[Fraction] = fractions) -> Interval:
    """Any interval, empty or not, with either end possibly infinite."""
    lo: Bound = draw(st.one_of(bound, st.just(-INF)))
    hi: Bound = draw(st.one_of(bound, st.just(INF)))
    return Interval(lo, hi, draw(closed), draw(closed))


@st.composite
def non_empty(
    draw: st.DrawFn,
    low: Fraction = Fraction(-50),
    infinite: bool = True,
) -> Interval:
    """A non-empty interval: lo <= hi, and a single point is closed at both ends."""
    lo = draw(st.fractions(min_value=low, max_value=50, max_denominator=12))
    if infinite and draw(st.booleans()):
        return Interval(lo, INF, draw(closed), False)
    width = draw(st.fractions(min_value=0, max_value=30, max_denominator=12))
    if width == 0:
        return Interval.point(lo)
    return Interval(lo, lo + width, draw(closed), draw(closed))


@st.composite
def pointed(draw: st.DrawFn, intervals: st.SearchStrategy[Interval]) -> tuple[Interval, Bound]:
    """A non-empty interval and one of its points, its closed ends included."""
    interval = draw(intervals)
    choices: list[Bound] = []
    if interval.lo_closed:
        choices.append(interval.lo)
    if interval.hi_closed:
        choices.append(interval.hi)
    if interval.hi == INF:
        offset = draw(st.fractions(min_value=0, max_value=1000, max_denominator=12))
        choices.append(interval.lo + offset + Fraction(1, 1000))
    elif interval.lo < interval.hi:
        t = draw(st.fractions(min_value=0, max_value=1, max_denominator=100))
        assume(0 < t < 1)
        choices.append(interval.lo + (interval.hi - interval.lo) * t)
    point = draw(st.sampled_from(choices))
    assert point in interval
    return interval, point


def probe_points(*intervals: Interval) -> list[Fraction]:
    """Every finite bound, the midpoints between them, and a point beyond each side.

    Membership is constant between consecutive bounds, so these points decide any
    set-level question about the intervals.
    """
    ends = sorted(
        {Fraction(e) for i in intervals for e in (i.lo, i.hi) if e not in (INF, -INF)}
    ) or [Fraction(0)]
    mids = [(a + b) / 2 for a, b in pairwise(ends)]
    return [ends[0] - 1, *ends, *mids, ends[-1] + 1]


# Brute force over small integer bounds: points on a half-integer grid witness everything.
POSITIVE = Fraction(1, 12)
SMALL = st.integers(min_value=-3, max_value=3).map(Fraction)
GRID = [Fraction(k, 2) for k in range(-10, 11)]


def grid_points(interval: Interval) -> list[Fraction]:
    return [p for p in GRID if p in interval]


@SETTINGS
@given(any_intervals(SMALL))
def test_is_non_empty_matches_brute_force(a: Interval) -> None:
    """An interval is empty exactly when no point lies in it."""
    assert (not a.is_empty) == bool(grid_points(a))


@SETTINGS
@given(any_intervals(SMALL), any_intervals(SMALL))
def test_can_be_at_most_iff_points_exist(a: Interval, b: Interval) -> None:
    """``a.can_be_at_most(b)`` iff some point of a is <= some point of b."""
    assume(not a.is_empty and not b.is_empty)
    witnesses = any(x <= y for x in grid_points(a) for y in grid_points(b))
    assert a.can_be_at_most(b) == witnesses


@SETTINGS
@given(any_intervals(SMALL), any_intervals(SMALL))
def test_can_overlap_and_intersects_iff_common_point(a: Interval, b: Interval) -> None:
    """Two non-empty intervals overlap iff they share a point, by both code paths."""
    assume(not a.is_empty and not b.is_empty)
    shared = any(p in b for p in grid_points(a))
    ends = (a.lo, a.lo_closed, a.hi, a.hi_closed), (b.lo, b.lo_closed, b.hi, b.hi_closed)
    assert bool(can_overlap(*ends)) == shared
    assert a.intersects(b) == shared


@SETTINGS
@given(any_intervals(), any_intervals())
def test_intersection_is_commutative(a: Interval, b: Interval) -> None:
    """Which side a claim sits on must not change whether two figures agree."""
    assert a.intersection(b) == b.intersection(a)


@SETTINGS
@given(any_intervals(), any_intervals())
def test_intersection_is_exactly_the_common_points(a: Interval, b: Interval) -> None:
    """A point is in the intersection iff it is in both (so it lies within each)."""
    both = a.intersection(b)
    for p in probe_points(a, b):
        assert (p in both) == (p in a and p in b), p


@pytest.mark.parametrize("as_float", [False, True], ids=["fraction", "float"])
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(any_intervals(SMALL), any_intervals(SMALL)), min_size=1, max_size=8))
def test_can_be_at_most_on_series_matches_scalar(
    as_float: bool, pairs: list[tuple[Interval, Interval]]
) -> None:
    """The bulk rules call the same predicate on whole columns; it must agree row by row."""
    cast = float if as_float else (lambda v: v)
    a_lo = pd.Series([cast(a.lo) for a, _ in pairs])
    a_lo_closed = pd.Series([a.lo_closed for a, _ in pairs])
    b_hi = pd.Series([cast(b.hi) for _, b in pairs])
    b_hi_closed = pd.Series([b.hi_closed for _, b in pairs])
    bulk = can_be_at_most(a_lo, a_lo_closed, b_hi, b_hi_closed)
    assert isinstance(bulk, pd.Series)
    assert bulk.tolist() == [a.can_be_at_most(b) for a, b in pairs]
    lo = pd.Series([cast(a.lo) for a, _ in pairs])
    hi = pd.Series([cast(a.hi) for a, _ in pairs])
    non_empty_bulk = is_non_empty(lo, a_lo_closed, hi, pd.Series([a.hi_closed for a, _ in pairs]))
    assert non_empty_bulk.tolist() == [not a.is_empty for a, _ in pairs]


@SETTINGS
@given(pointed(non_empty()), pointed(non_empty()))
def test_sum_contains_sums_of_members(
    a_x: tuple[Interval, Bound], b_y: tuple[Interval, Bound]
) -> None:
    """Adding parts: any choice of one point from each must land in the sum."""
    (a, x), (b, y) = a_x, b_y
    assert x + y in a + b


@SETTINGS
@given(non_empty(), non_empty())
def test_sum_ends_are_attained_only_when_both_are(a: Interval, b: Interval) -> None:
    """Each end of the sum is a sum of points iff both matching ends are points."""
    total = a + b
    assert total.lo == a.lo + b.lo
    assert total.lo_closed == (a.lo_closed and b.lo_closed)
    assert (a.lo + b.lo in total) == (a.lo in a and b.lo in b)
    assert total.hi == a.hi + b.hi
    if total.hi != INF:
        assert total.hi_closed == (a.hi_closed and b.hi_closed)
        assert (a.hi + b.hi in total) == (a.hi in a and b.hi in b)


@SETTINGS
@given(pointed(non_empty(low=POSITIVE)), pointed(non_empty(low=POSITIVE)))
def test_times_contains_products_of_positive_members(
    a_x: tuple[Interval, Bound], b_y: tuple[Interval, Bound]
) -> None:
    """A share of a whole: any product of member points lies in the product interval."""
    (a, x), (b, y) = a_x, b_y
    assert x * y in a.times(b)


@SETTINGS
@given(pointed(non_empty(low=Fraction(0))), pointed(non_empty(low=Fraction(0))))
@example(
    a_x=(Interval(Fraction(0), Fraction(1)), Fraction(0)),
    b_y=(Interval(Fraction(0), Fraction(1), False, True), Fraction(1, 2)),
)
@example(
    a_x=(Interval(Fraction(1), Fraction(2), True, False), Fraction(3, 2)),
    b_y=(Interval.point(Fraction(0)), Fraction(0)),
)
def test_times_contains_products_of_non_negative_members(
    a_x: tuple[Interval, Bound], b_y: tuple[Interval, Bound]
) -> None:
    """As above, but a share or a whole may be zero (a closed 0 end), which is common."""
    (a, x), (b, y) = a_x, b_y
    assert x * y in a.times(b)


@SETTINGS
@given(
    st.one_of(fractions, st.just(-INF)),
    st.one_of(fractions, st.just(INF)),
    closed,
    closed,
    non_empty(low=Fraction(0)),
    st.fractions(min_value=Fraction(1, 100), max_value=100, max_denominator=100),
)
def test_infinite_ends_are_always_open(
    lo: Bound, hi: Bound, lo_closed: bool, hi_closed: bool, other: Interval, factor: Fraction
) -> None:
    """No interval includes infinity, however it was built or combined."""
    built = Interval(lo, hi, lo_closed, hi_closed)
    results = [built, built + other, built.intersection(other), built.scaled(factor)]
    if lo != -INF and lo >= 0:
        results.append(built.times(other))
    for interval in results:
        if interval.hi == INF:
            assert not interval.hi_closed, interval
        if interval.lo == -INF:
            assert not interval.lo_closed, interval
        assert INF not in interval
        assert -INF not in interval


def test_closed_infinite_end_is_opened_on_construction() -> None:
    """Writing "[x, inf]" by mistake must not make infinity a possible value."""
    assert Interval(Fraction(3), INF, True, True) == Interval(Fraction(3), INF, True, False)
    assert not Interval(-INF, Fraction(0)).lo_closed


@SETTINGS
@given(
    lo=st.one_of(fractions, st.integers(-5, 5), st.floats(allow_nan=False)),
    hi=st.one_of(fractions, st.integers(-5, 5), st.floats(allow_nan=False)),
    lo_closed=closed,
    hi_closed=closed,
)
def test_only_an_infinite_end_is_opened(
    lo: Bound, hi: Bound, lo_closed: bool, hi_closed: bool
) -> None:
    """Construction skips the comparison for Fraction ends: whatever an end's type, only an
    infinite one is opened."""
    interval = Interval(lo, hi, lo_closed, hi_closed)
    assert interval.lo_closed == (lo_closed and lo != -INF)
    assert interval.hi_closed == (hi_closed and hi != INF)


@SETTINGS
@given(non_empty(infinite=False), st.fractions(min_value=Fraction(1, 100), max_value=100))
def test_scaled_maps_members_to_members(a: Interval, factor: Fraction) -> None:
    """Converting units (percent to a fraction, months to days) keeps every point."""
    for p in probe_points(a):
        assert (p in a) == (p * factor in a.scaled(factor))


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(Fraction(3_500_000), Fraction(4_000_000), False, True), "(3,500,000, 4,000,000]"),
        (Interval.point(Fraction(5)), "exactly 5"),
        (Interval.point(5), "exactly 5"),
        (Interval(Fraction(85), Fraction(95), True, False), "[85, 95)"),
        (Interval(Fraction(3_500_000), INF, False, False), "(3,500,000, no upper bound)"),
        (Interval(Fraction(1, 3), Fraction(5, 2)), "[0.33, 2.5]"),
        (Interval(Fraction(5), Fraction(5), True, False), "[5, 5)"),
    ],
)
def test_format_examples(interval: Interval, text: str) -> None:
    """Failure messages quote intervals in this notation; editors read them."""
    assert interval.format() == text
    assert str(interval) == text


def test_format_with_renderer() -> None:
    """A renderer draws each end (dates, for instance), the brackets stay."""
    interval = Interval(Fraction(1), Fraction(2), True, False)
    assert interval.format(lambda v: f"<{v}>") == "[<1>, <2>)"


@SETTINGS
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_number_of_integers_round_trips(n: int) -> None:
    """Whole numbers are written with thousands separators and read back exactly."""
    text = format_number(Fraction(n))
    assert text == f"{n:,}"
    assert int(text.replace(",", "")) == n
