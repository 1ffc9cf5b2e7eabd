"""share_matches_counts (share_count): the part divided by the whole can be the share."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, not_comparable, registered, series, times
from factsuite.checking.explain_helpers import relation_claims, render_bound, total, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_overlap

ORDER = 50


@registered("reading")
def share_matches_counts(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some share of some whole is some value of the part: the part lies in share x whole."""
    share = bounds(df, f"share_{reading}")
    fraction = (share[0] / 100, share[1], share[2] / 100, share[3])
    group = times(fraction, bounds(df, f"whole_{reading}"))
    overlap = series(can_overlap(bounds(df, f"part_{reading}"), group))
    return not_comparable(df) | overlap


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    share, part = context.interval(row["share"]), context.interval(row["part"])
    stated = isinstance(row["whole"], str)
    whole = context.interval(row["whole"]) if stated else total(context, row["whole_parts"])
    assert share is not None
    assert part is not None
    assert whole is not None
    group = share.scaled(Fraction(1, 100)).times(whole)
    draw = render_bound(context.claim(row["part"]).unit)
    as_share = render_bound(context.claim(row["share"]).unit)
    ratio = ""
    if whole.lo > 0 and whole.hi != float("inf"):
        ratio = (
            f" ({as_share(Fraction(part.lo) / Fraction(whole.hi) * 100)} to "
            f"{as_share(Fraction(part.hi) / Fraction(whole.lo) * 100)} of the whole)"
        )
    summed = [] if stated else [f"  The whole is its parts together: {whole.format(draw)}."]
    return [
        "A share does not match the counts it relates: the part divided by the whole is "
        "not the share.",
        *relation_claims(failure, context),
        *summed,
        f'  "{written(context.claim(row["share"]))}" of the whole is {group.format(draw)}, '
        f"but the part is {part.format(draw)}{ratio}.",
    ]


RULES = per_reading(
    "share_matches_counts",
    "share_count",
    lambda r: pa.Check.share_matches_counts(reading=r),
    explain,
)
