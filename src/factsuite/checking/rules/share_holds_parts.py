"""share_holds_parts (share_of): the group a share of a whole names can hold its parts."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import not_comparable, registered, series
from factsuite.checking.explain_helpers import claim_ref, render_bound, total, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_be_at_most

ORDER = 50


@registered("reading")
def share_holds_parts(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The parts fit in the group the share names: share x whole."""
    share_hi, whole_hi = df[f"share_{reading}_hi"], df[f"whole_{reading}_hi"]
    group_hi = share_hi / 100 * whole_hi
    reached = df[f"share_{reading}_hi_closed"] & df[f"whole_{reading}_hi_closed"]
    group_hi_closed = reached | (share_hi == 0) | (whole_hi == 0)  # as Interval.times
    feasible = series(
        can_be_at_most(
            df[f"parts_{reading}_lo"], df[f"parts_{reading}_lo_closed"], group_hi, group_hi_closed
        )
    )
    return not_comparable(df) | feasible


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    share, whole = context.interval(row["share"]), context.interval(row["whole"])
    assert share is not None
    assert whole is not None
    group = share.scaled(Fraction(1, 100)).times(whole)
    parts = total(context, row["parts"])
    draw = render_bound(context.claim(row["whole"]).unit)
    share_claim = context.claim(row["share"])
    lines: list[Line] = [
        "A share and the counts it relates disagree: the group the share names cannot hold "
        "its parts.",
        claim_ref(context, "share", row["share"]),
        claim_ref(context, "whole", row["whole"]),
    ]
    for part in row["parts"]:
        lines.append(claim_ref(context, "part", part))
    return [
        *lines,
        f'  "{written(share_claim)}" of the whole is at most {draw(group.hi)} '
        f"({group.format(draw)}), but the parts are at least {draw(parts.lo)}.",
    ]


RULES = per_reading(
    "share_holds_parts", "share_of", lambda r: pa.Check.share_holds_parts(reading=r), explain
)
