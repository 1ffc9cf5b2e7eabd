"""event_known (events): the event a date claim names is in reference/events."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import claim_ref
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule

ORDER = 10


@registered()
def event_known(df: pd.DataFrame) -> pd.Series:
    return df["event_found"].astype(bool)


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    return [
        f"The claim names the event '{row['event']}', which reference/events does not hold.",
        claim_ref(context, "claim", row["claim"]),
    ]


RULES = (Rule("event_known", "events", "event", pa.Check.event_known(), explain),)
