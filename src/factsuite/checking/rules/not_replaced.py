"""not_replaced (replacements): no newer statement published before the article replaced the
figure with one it does not fit."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, registered, series
from factsuite.checking.explain_helpers import cited_series, claim_ref, record_line
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.dates import describe
from factsuite.meaning.intervals import can_overlap

ORDER = 30


@registered("reading")
def not_replaced(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """A newer statement published before the article still fits the claim."""
    fits = series(can_overlap(bounds(df, f"claim_{reading}"), bounds(df, f"record_{reading}")))
    unchecked = df["unreadable"].notna() | ~df["series_found"].astype(bool)
    return unchecked | fits.fillna(False).astype(bool)


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    cited = cited_series(context, row)
    newer = cited.records[
        cited.records["date"] == date.fromordinal(int(row["record_date"])).isoformat()
    ]
    published = describe(date.fromordinal(int(row["published"])))
    return [
        f"The figure was out of date: {cited.meta.agency} had replaced it before the article "
        f"was published on {published}.",
        claim_ref(context, "claim", row["claim"]),
        *[record_line(record) for _, record in newer.iterrows()],
    ]


RULES = per_reading(
    "not_replaced", "replacements", lambda r: pa.Check.not_replaced(reading=r), explain, "stale"
)
