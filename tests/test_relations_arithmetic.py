"""The interval arithmetic of the relations of #16, as properties.

Sound: when some exact values satisfy the relation (the parts make the whole, the part is the
share of the whole, ...), every interval holding those values passes, under any rounding.
Sharp: exact figures that break the relation by more than float noise fail.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.check_helpers import Bounds, minus
from factsuite.checking.findings import Blocked
from factsuite.checking.rules.change_fits import change_fits
from factsuite.checking.rules.parts_make_whole import parts_make_whole
from factsuite.checking.rules.rate_fits_total import rate_fits_total
from factsuite.checking.rules.share_matches_counts import share_matches_counts
from factsuite.checking.rules.shares_complete import shares_complete
from factsuite.checking.rules.shares_within_100 import shares_within_100
from factsuite.checking.tables import days_per
from factsuite.meaning.lexicon import Reading
from factsuite.meaning.readings import read_figure

READING = "pragmatic"
values = st.floats(min_value=0, max_value=1e7, allow_nan=False)
margins = st.floats(min_value=0, max_value=1e4, allow_nan=False)


def around(role: str, value: float, below: float, above: float) -> dict[str, object]:
    """A closed interval holding ``value``, ``below`` and ``above`` it."""
    return {
        f"{role}_{READING}_lo": value - below,
        f"{role}_{READING}_lo_closed": True,
        f"{role}_{READING}_hi": value + above,
        f"{role}_{READING}_hi_closed": True,
    }


def row(**columns: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "comparable": True,
        Blocked.UNRESOLVED: (),
        Blocked.UNREADABLE: (),
    }
    return pd.DataFrame([{**base, **columns}])


def holds(check: object, df: pd.DataFrame) -> bool:
    assert callable(check)
    return bool(check(df, reading=READING).iloc[0])


@given(st.lists(values, min_size=2, max_size=5), margins, margins, margins, margins)
def test_parts_that_make_their_whole_pass(
    parts: list[float], part_below: float, part_above: float, below: float, above: float
) -> None:
    whole = sum(parts)
    df = row(
        **around("parts", whole, part_below, part_above), **around("whole", whole, below, above)
    )
    assert holds(parts_make_whole, df)


@given(st.lists(values, min_size=2, max_size=5), st.floats(min_value=1, max_value=1e6))
def test_parts_short_of_or_over_their_whole_fail(parts: list[float], gap: float) -> None:
    total = sum(parts)
    for whole in (total + gap, total - gap):
        df = row(**around("parts", total, 0, 0), **around("whole", whole, 0, 0))
        assert not holds(parts_make_whole, df)


@given(
    st.floats(min_value=1, max_value=1e7),
    st.floats(min_value=0, max_value=1),
    margins,
    margins,
    st.floats(min_value=0, max_value=5),
    st.floats(min_value=0, max_value=5),
)
def test_a_part_that_is_its_share_of_the_whole_passes(
    whole: float, fraction: float, below: float, above: float, s_below: float, s_above: float
) -> None:
    part = whole * fraction
    df = row(
        **around("part", part, min(below, part), above),
        **around("whole", whole, min(below, whole), above),
        **around("share", fraction * 100, min(s_below, fraction * 100), s_above),
    )
    assert holds(share_matches_counts, df)


@given(st.floats(min_value=1, max_value=1e7), st.floats(min_value=0, max_value=0.8))
def test_an_overstated_share_fails(whole: float, fraction: float) -> None:
    """The planted error share_of let pass: a share 10 points above part / whole."""
    df = row(
        **around("part", whole * fraction, 0, 0),
        **around("whole", whole, 0, 0),
        **around("share", fraction * 100 + 10, 0, 0),
    )
    assert not holds(share_matches_counts, df)


@given(st.lists(st.floats(min_value=0, max_value=100), min_size=2, max_size=6), margins)
def test_shares_within_and_over_100(shares: list[float], margin: float) -> None:
    total = sum(shares)
    df = row(**around("shares", total, min(margin, total), margin), complete=True)
    assert holds(shares_within_100, df) == (total - min(margin, total) <= 100)
    assert holds(shares_complete, df) == (total - min(margin, total) <= 100 <= total + margin)


changes = st.tuples(
    st.sampled_from(["absolute", "points", "percent", "factor"]), st.sampled_from(["up", "down"])
)


def _after(before: float, by: float, kind: str, direction: str) -> float:
    up = direction == "up"
    if kind in ("absolute", "points"):
        return before + by if up else before - by
    if kind == "percent":
        return before * (1 + by / 100) if up else before * (1 - by / 100)
    return before * by if up else before / by


@given(
    st.floats(min_value=0, max_value=1e6),
    st.floats(min_value=0.01, max_value=100),
    changes,
    margins,
    margins,
)
def test_a_change_that_leads_to_its_level_passes(
    before: float, by: float, change: tuple[str, str], below: float, above: float
) -> None:
    kind, direction = change
    after = _after(before, by, kind, direction)
    df = row(
        **around("before", before, min(below, before), above),
        **around("by", by, min(below, by / 2), above),
        **around("after", after, below, above),
        by="by",
        kind=kind,
        direction=direction,
    )
    assert holds(change_fits, df)


@given(st.floats(min_value=1, max_value=1e6), st.floats(min_value=1, max_value=90), changes)
def test_a_change_that_misses_its_level_fails(
    before: float, by: float, change: tuple[str, str]
) -> None:
    kind, direction = change
    wrong = _after(before, by, kind, direction) + before  # off by the whole level before
    df = row(
        **around("before", before, 0, 0),
        **around("by", by, 0, 0),
        **around("after", wrong, 0, 0),
        by="by",
        kind=kind,
        direction=direction,
    )
    assert not holds(change_fits, df)


@given(
    st.floats(min_value=0, max_value=1e6),
    st.integers(min_value=1, max_value=400),
    margins,
    margins,
)
def test_a_daily_average_over_its_days_makes_the_total(
    per_day: float, days: int, below: float, above: float
) -> None:
    df = row(
        **around("per_period", per_day, min(below, per_day), above),
        **around("period", days, 0, 0),
        **around("total", per_day * days, below, above),
    )
    assert holds(rate_fits_total, df)


@given(st.floats(min_value=1, max_value=1e6), st.integers(min_value=2, max_value=400))
def test_a_daily_average_that_misses_the_total_fails(per_day: float, days: int) -> None:
    df = row(
        **around("per_period", per_day, 0, 0),
        **around("period", days, 0, 0),
        **around("total", per_day * (days + 1), 0, 0),
    )
    assert not holds(rate_fits_total, df)


@given(values, values, margins, margins, st.sampled_from(["up", "down"]))
def test_a_change_with_no_size_passes_exactly_when_it_can_move_as_stated(
    before: float, after: float, below: float, above: float, direction: str
) -> None:
    """Sound: levels that moved as stated pass under any rounding.  Sharp: exact levels that
    did not move, or moved the other way, fail."""
    moved = after > before if direction == "up" else after < before
    rounded = row(
        **around("before", before, below, above),
        **around("after", after, below, above),
        **around("by", float("nan"), 0, 0),  # as the table has it: no claim
        by="",
        kind="absolute",
        direction=direction,
    )
    exact = row(
        **around("before", before, 0, 0),
        **around("after", after, 0, 0),
        **around("by", float("nan"), 0, 0),  # as the table has it: no claim
        by="",
        kind="absolute",
        direction=direction,
    )
    if moved:
        assert holds(change_fits, rounded)
    assert holds(change_fits, exact) == moved


@given(
    st.floats(min_value=0, max_value=1e6),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(["day", "week", "month", "year"]),
    margins,
)
def test_an_average_per_unit_over_a_period_read_in_that_unit_makes_the_total(
    per_unit: float, periods: int, per: str, margin: float
) -> None:
    """ "1,200 a year over five years": the period, read as days the way the lexicon reads
    durations and converted back to ``per``, holds its count, so the exact total passes;
    and one period more or less fails."""
    reading = read_figure(str(periods), "", f"{per}s").intervals[Reading.PRAGMATIC]
    unit = days_per(per)
    lo, hi = float(reading.lo) / unit, float(reading.hi) / unit
    assert lo <= periods <= hi
    period = {
        f"period_{READING}_lo": lo,
        f"period_{READING}_lo_closed": reading.lo_closed,
        f"period_{READING}_hi": hi,
        f"period_{READING}_hi_closed": reading.hi_closed,
    }
    df = row(
        **around("per_period", per_unit, min(margin, per_unit), margin),
        **period,
        **around("total", per_unit * periods, margin, margin),
    )
    assert holds(rate_fits_total, df)


@given(
    st.floats(min_value=0, max_value=1e6),
    st.integers(min_value=0, max_value=1e6),
    margins,
    margins,
)
def test_an_amount_each_times_its_count_makes_the_total(
    each: float, count: int, below: float, above: float
) -> None:
    """ "$500 each to 2,000 families": the count stands where the period would."""
    df = row(
        **around("per_period", each, min(below, each), above),
        **around("period", count, min(below, count), above),
        **around("total", each * count, below, above),
    )
    assert holds(rate_fits_total, df)
    if each >= 1 and count >= 1:
        missed = row(
            **around("per_period", each, 0, 0),
            **around("period", count, 0, 0),
            **around("total", each * (count + 1), 0, 0),
        )
        assert not holds(rate_fits_total, missed)


def bounds_of(lo: float, hi: float, lo_closed: bool, hi_closed: bool) -> Bounds:
    return (pd.Series([lo]), pd.Series([lo_closed]), pd.Series([hi]), pd.Series([hi_closed]))


ends = st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans())


@given(values, values, margins, margins, margins, margins, ends)
def test_a_net_of_two_intervals_holds_every_difference_and_no_more(
    part: float,
    less: float,
    p_below: float,
    p_above: float,
    l_below: float,
    l_above: float,
    closed: tuple[bool, bool, bool, bool],
) -> None:
    """``minus`` (a net figure's parts less the subtracted, as ``_total`` tables them):
    sound, every difference of values of each is in it; sharp, its ends are the extreme
    differences, reached exactly when both ends they come from are."""
    p_lo, p_hi, l_lo, l_hi = closed
    parts = bounds_of(part - p_below, part + p_above, p_lo, p_hi)
    subtracted = bounds_of(less - l_below, less + l_above, l_lo, l_hi)
    lo, lo_closed, hi, hi_closed = (series.iloc[0] for series in minus(parts, subtracted))
    assert lo <= part - less <= hi
    assert lo == (part - p_below) - (less + l_above)
    assert hi == (part + p_above) - (less - l_below)
    assert bool(lo_closed) == (p_lo and l_hi)
    assert bool(hi_closed) == (p_hi and l_lo)


@given(
    st.lists(values, min_size=1, max_size=4),
    st.lists(values, min_size=1, max_size=4),
    st.floats(min_value=1, max_value=1e6),
)
def test_a_net_that_misses_its_whole_fails(
    parts: list[float], less: list[float], gap: float
) -> None:
    """Exact figures whose net (negative too) misses the whole fail parts_make_whole."""
    exact = minus(
        bounds_of(sum(parts), sum(parts), True, True), bounds_of(sum(less), sum(less), True, True)
    )
    net = float(exact[0].iloc[0])
    assert net == sum(parts) - sum(less)
    for whole in (net, net + gap, net - gap):
        df = row(**around("parts", net, 0, 0), **around("whole", whole, 0, 0))
        assert holds(parts_make_whole, df) == (whole == net)
