"""change_fits (change): the level after can be the level before, changed as stated; with
no stated change ("up from 354"), the level after can lie on the stated side of the level
before."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import (
    Bounds,
    bounds,
    not_comparable,
    registered,
    series,
    times,
)
from factsuite.checking.explain_helpers import (
    bounds_interval,
    relation_claims,
    render_bound,
    written,
)
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_overlap

ORDER = 50


def expected_after(df: pd.DataFrame, reading: str) -> Bounds:
    """What the level after a change can be, from the level before and the change, by the
    change's kind: before + by (absolute, points), before x (1 + by/100) (percent), before x
    by (factor); a fall subtracts or divides."""
    before, by = bounds(df, f"before_{reading}"), bounds(df, f"by_{reading}")
    down = df["direction"] == "down"
    signed = _pick(down, _negated(by), by)
    added = (
        before[0] + signed[0],
        before[1] & signed[1],
        before[2] + signed[2],
        before[3] & signed[3],
    )
    rise = (1 + by[0] / 100, by[1], 1 + by[2] / 100, by[3])
    fall = ((1 - by[2] / 100).clip(lower=0), by[3], 1 - by[0] / 100, by[1])
    percent = times(before, _pick(down, fall, rise))
    with np.errstate(divide="ignore"):
        inverse = (1 / by[2], by[3], 1 / by[0], by[1] & (by[0] > 0))
    factor = times(before, _pick(down, inverse, by))
    kind = df["kind"]
    return _pick(kind == "percent", percent, _pick(kind == "factor", factor, added))


def _negated(a: Bounds) -> Bounds:
    return (-a[2], a[3], -a[0], a[1])


def _pick(where: pd.Series, yes: Bounds, no: Bounds) -> Bounds:
    picked = (
        pd.Series(np.where(where, y, n), index=where.index) for y, n in zip(yes, no, strict=True)
    )
    lo, lo_closed, hi, hi_closed = picked
    return lo.astype(float), lo_closed.astype(bool), hi.astype(float), hi_closed.astype(bool)


def moved_as_stated(df: pd.DataFrame, reading: str) -> pd.Series:
    """Some value the level after allows lies above (``up``) or below (``down``) some value
    the level before allows: strictly, as "rose from 800" says it is no longer 800."""
    after, before = bounds(df, f"after_{reading}"), bounds(df, f"before_{reading}")
    rose, fell = after[2] > before[0], after[0] < before[2]
    return pd.Series(np.where(df["direction"] == "down", fell, rose), index=df.index)


@registered("reading")
def change_fits(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The level after the change can be the level before, changed by the stated change;
    with none stated, moved in the stated direction."""
    overlap = series(can_overlap(bounds(df, f"after_{reading}"), expected_after(df, reading)))
    sized = df["by"].astype(bool)
    return not_comparable(df) | overlap.where(sized, moved_as_stated(df, reading))


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    if not row["by"]:
        return _explain_direction(failure, context)
    reading = context.reading.value
    expected = bounds_interval(expected_after(pd.DataFrame([row]), reading))
    after = context.interval(row["after"])
    assert after is not None
    draw = render_bound(context.claim(row["after"]).unit)
    verb = "risen" if row["direction"] == "up" else "fallen"
    by = written(context.claim(row["by"]))
    how = f"by a factor of {by}" if row["kind"] == "factor" else f"by {by}"
    return [
        "A change does not lead from the level before to the level after.",
        *relation_claims(failure, context),
        f"  Had it {verb} {how} from the level before, the level after would be "
        f"{expected.format(draw)}, but it is {after.format(draw)}.",
    ]


def _explain_direction(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    before, after = context.interval(row["before"]), context.interval(row["after"])
    assert before is not None
    assert after is not None
    draw = render_bound(context.claim(row["after"]).unit)
    said, but = ("rose", "no higher") if row["direction"] == "up" else ("fell", "no lower")
    return [
        "A change does not lead from the level before to the level after.",
        *relation_claims(failure, context),
        f"  The text says it {said}, but the level after, {after.format(draw)}, is {but} "
        f"than the level before, {before.format(draw)}.",
    ]


RULES = per_reading("change_fits", "change", lambda r: pa.Check.change_fits(reading=r), explain)
