"""record_matches (records): a record of the cited series, near the claim's date, lies in
what the claim's words allow (a part need only be at most the record)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, registered, series
from factsuite.checking.explain_helpers import cited_series, claim_ref, labelled, record_line
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.checking.series_match import candidates, envelope_text
from factsuite.meaning.dates import describe
from factsuite.meaning.intervals import can_be_at_most, can_overlap

ORDER = 30


@registered("reading")
def record_matches(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some record within the lag of the claim's date (or the envelope of a cumulative series'
    readings around it) lies in the claim's interval; a part need only be at most a record."""
    claim, record = bounds(df, f"claim_{reading}"), bounds(df, f"record_{reading}")
    fits = series(can_overlap(claim, record))
    as_part = df["as_part"].fillna(False).astype(bool)
    fits = fits.where(~as_part, series(can_be_at_most(claim[0], claim[1], record[2], record[3])))
    fits_any = (
        fits.fillna(False).astype(bool).groupby([df["article"], df["claim"]]).transform("any")
    )
    unchecked = df["unreadable"].notna() | df["record_date"].isna()
    return unchecked | fits_any


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    cited = cited_series(context, row)
    as_of = date.fromordinal(int(row["as_of"]))
    lag = cited.meta.lag_days
    around = envelope_text(cited, row["as_of"])
    headline = (
        f"The claim counts a part of {cited.meta.agency}'s population "
        f'("{cited.meta.population}"), but exceeds the whole series at its date.'
        if row["as_part"]
        else f"The record does not support the claim: {cited.meta.agency}'s figure at its "
        "date lies outside what the claim's words allow."
    )
    return [
        headline,
        claim_ref(context, "claim", row["claim"]),
        labelled("as of", f"{describe(as_of)} (records up to {lag} day(s) earlier count)"),
        *[record_line(record) for _, record in candidates(cited, row["as_of"]).iterrows()],
        *([labelled("envelope", f"{around}; the claim fits neither")] if around else []),
    ]


def source(failure: Failure, context: Context) -> str | None:
    """The agency of the series the claim disagrees with: the culprit suspects it first."""
    row = failure.row
    if "series" not in row or context.reference is None:
        return None
    if row["series"] not in context.reference.series:
        return None
    return str(cited_series(context, row).meta.agency)


RULES = per_reading(
    "record_matches",
    "records",
    lambda r: pa.Check.record_matches(reading=r),
    explain,
    "record",
    source,
)
