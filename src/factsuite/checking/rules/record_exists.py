"""record_exists (records): the cited series has a record on or before the claim's date."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import cited_series, claim_ref
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.dates import describe

ORDER = 20


@registered()
def record_exists(df: pd.DataFrame) -> pd.Series:
    return ~df["series_found"].astype(bool) | df["record_date"].notna()


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    series = cited_series(context, row)
    as_of = describe(date.fromordinal(int(row["as_of"])))
    return [
        f"The series '{series.id}' ({series.meta.agency}) has no record on or before {as_of}.",
        claim_ref(context, "claim", row["claim"]),
    ]


RULES = (Rule("record_exists", "records", "record", pa.Check.record_exists(), explain),)
