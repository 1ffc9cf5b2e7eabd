"""rate_fits_total (rate): the total can be the average per day (week, month, year) times
the period in those units, or the amount each times the count that gets it."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import (
    as_bools,
    bounds,
    not_comparable,
    registered,
    series,
    times,
)
from factsuite.checking.explain_helpers import (
    bounds_interval,
    claim_ref,
    labelled,
    render_bound,
)
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import INF, Interval, can_overlap, format_number

ORDER = 50
BOUND_NAMES = ("lo", "lo_closed", "hi", "hi_closed")


@registered("reading")
def rate_fits_total(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The total can be the average times the period (in the unit it is an average per), or
    the amount each times the count: the table puts either in the period's columns."""
    period = bounds(df, f"period_{reading}")
    expected = times(bounds(df, f"per_period_{reading}"), as_bools(period))
    overlap = series(can_overlap(bounds(df, f"total_{reading}"), expected))
    return not_comparable(df) | overlap


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    reading = context.reading.value
    each, total = context.interval(row["per_period"]), context.interval(row["total"])
    assert each is not None
    assert total is not None
    period = bounds_interval(
        tuple(pd.Series([row[f"period_{reading}_{end}"]]) for end in BOUND_NAMES)
    )
    expected = each.times(period)
    draw = render_bound(context.claim(row["total"]).unit)
    counted = bool(row["count"])
    per = str(row["per"])
    lines: list[Line] = [
        "An amount each, or an average, does not fit the total it makes."
        if counted
        else f"{ADJECTIVES[per]} average does not fit the total over its period.",
        claim_ref(context, "total", row["total"]),
        claim_ref(context, "each" if counted else f"per {per}", row["per_period"]),
    ]
    if counted:
        lines.append(claim_ref(context, "count", row["count"]))
        how = f"{each.format(draw)} each for {period.format(format_number)}"
    else:
        if row["period"]:
            lines.append(claim_ref(context, "period", row["period"]))
        else:
            lines.append(labelled("period", f"{int(row['days'])} days"))
        over = period.format(lambda value: f"{format_number(value)} {per}s")
        how = f"{each.format(draw)} a {per} over {over}"
    lines.append(f"  {how} is {expected.format(draw)}, but the total is {total.format(draw)}.")
    if counted and period.lo > 0:
        lines.append(f"  The total over the count is {_quotient(total, period).format(draw)} each.")
    return lines


def _quotient(total: Interval, count: Interval) -> Interval:
    """Every total divided by every count (the count above zero): the average they give, as
    an editor checks an average ("71.2 million nights over 14.9 million arrivals")."""
    return Interval(
        Fraction(total.lo) / Fraction(count.hi) if count.hi != INF else Fraction(0),
        Fraction(total.hi) / Fraction(count.lo) if total.hi != INF else INF,
        total.lo_closed and count.hi_closed and count.hi != INF,
        total.hi_closed and count.lo_closed,
    )


ADJECTIVES = {"day": "A daily", "week": "A weekly", "month": "A monthly", "year": "A yearly"}


RULES = per_reading(
    "rate_fits_total", "rate", lambda r: pa.Check.rate_fits_total(reading=r), explain
)
