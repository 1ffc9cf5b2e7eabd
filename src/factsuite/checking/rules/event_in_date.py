"""event_in_date (events): the date in the article is the day of the event it names."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import claim_ref, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.dates import describe

ORDER = 20


@registered()
def event_in_date(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["event_date"]) & (df["event_date"] <= df["date_last"])
    return df["unreadable"].notna() | ~df["event_found"].astype(bool) | inside


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    day = describe(date.fromordinal(int(row["event_date"])))
    return [
        "The date in the article does not match the event it names.",
        claim_ref(context, "claim", row["claim"]),
        labelled("event", f"{row['event']}: {row['event_text']} on {day}"),
    ]


RULES = (Rule("event_in_date", "events", "event", pa.Check.event_in_date(), explain),)
