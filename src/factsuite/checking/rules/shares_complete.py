"""shares_complete (partition): with every part listed, the shares can make 100 %."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import as_bools, bounds, not_comparable, registered, series
from factsuite.checking.explain_helpers import relation_claims, render_bound, total
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_overlap

ORDER = 60


@registered("reading")
def shares_complete(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Every part listed (``complete``): the shares can add to exactly 100 %."""
    full = (100.0, True, 100.0, True)
    overlap = series(can_overlap(as_bools(bounds(df, f"shares_{reading}")), full))
    return not_comparable(df) | ~df["complete"].astype(bool) | overlap


def explain(failure: Failure, context: Context) -> list[Line]:
    shares = total(context, failure.row["shares"])
    return [
        "The shares of every part of one whole do not add up to 100 %.",
        *relation_claims(failure, context),
        f"  The shares add up to {shares.format(render_bound('percent'))}; every part is "
        "listed (complete: true), so they should make about 100 %.",
    ]


RULES = per_reading(
    "shares_complete", "partition", lambda r: pa.Check.shares_complete(reading=r), explain
)
