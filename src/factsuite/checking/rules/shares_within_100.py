"""shares_within_100 (partition): shares of one whole add up to at most 100 %."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import as_bools, bounds, not_comparable, registered, series
from factsuite.checking.explain_helpers import relation_claims, total
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_be_at_most, format_number

ORDER = 50


@registered("reading")
def shares_within_100(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Shares of one whole: their least sum is at most 100 %."""
    lo, lo_closed, _, _ = as_bools(bounds(df, f"shares_{reading}"))
    return not_comparable(df) | series(can_be_at_most(lo, lo_closed, 100.0, True))


def explain(failure: Failure, context: Context) -> list[Line]:
    shares = total(context, failure.row["shares"])
    return [
        "Shares of one whole add up to more than 100 %.",
        *relation_claims(failure, context),
        f"  The shares add up to at least {format_number(shares.lo)} %.",
    ]


RULES = per_reading(
    "shares_within_100", "partition", lambda r: pa.Check.shares_within_100(reading=r), explain
)
