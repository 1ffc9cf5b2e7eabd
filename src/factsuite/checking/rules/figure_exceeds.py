"""figure_exceeds (exceeds): one figure can lie above another ("more than the 20,000
required", "beating the 4.35 billion analysts had expected", "still below the target of 75
percent"), or, with ``or_equal``, at or above it ("met the target").

Only the order is checked: "well short of", "comfortably beat", "just above" say how far,
in words no reading bounds, so they add nothing a rule could fail on.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, not_comparable, registered
from factsuite.checking.explain_helpers import claim_ref, render_bound
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading

ORDER = 50


@registered("reading")
def figure_exceeds(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some value of the larger is above some value of the smaller: the larger's greatest
    against the smaller's least (equal to it, with ``or_equal``, when both ends are reached)."""
    larger_hi, larger_closed = bounds(df, f"larger_{reading}")[2:]
    smaller_lo, smaller_closed = bounds(df, f"smaller_{reading}")[:2]
    tie = (larger_hi == smaller_lo) & larger_closed & smaller_closed & df["or_equal"].astype(bool)
    return not_comparable(df) | (larger_hi > smaller_lo) | tie


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    larger, smaller = context.interval(row["larger"]), context.interval(row["smaller"])
    assert larger is not None
    assert smaller is not None
    draw = render_bound(context.claim(row["larger"]).unit)
    above = "at or above" if row["or_equal"] else "above"
    return [
        f"The text puts one figure {above} the other, but it cannot be.",
        claim_ref(context, "larger", row["larger"]),
        claim_ref(context, "smaller", row["smaller"]),
        f"  The larger is at most {draw(larger.hi)}, but the smaller is at least "
        f"{draw(smaller.lo)}.",
    ]


RULES = per_reading(
    "figure_exceeds", "exceeds", lambda r: pa.Check.figure_exceeds(reading=r), explain
)
