"""figures_agree (same_figure): two mentions of one figure give values that can both be true."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, not_comparable, registered, series
from factsuite.checking.explain_helpers import claim_ref, render_bound
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_overlap

ORDER = 50


@registered("reading")
def figures_agree(df: pd.DataFrame, *, reading: str) -> pd.Series:
    overlap = series(can_overlap(bounds(df, f"first_{reading}"), bounds(df, f"other_{reading}")))
    return not_comparable(df) | overlap


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    first, other = context.interval(row["first"]), context.interval(row["other"])
    assert first is not None
    assert other is not None
    draw = render_bound(context.claim(row["first"]).unit)
    return [
        "Two mentions of the same figure give values that cannot both be true.",
        claim_ref(context, "first", row["first"]),
        claim_ref(context, "other", row["other"]),
        f"  {first.format(draw)} and {other.format(draw)} do not overlap.",
    ]


RULES = per_reading(
    "figures_agree", "same_figure", lambda r: pa.Check.figures_agree(reading=r), explain
)
