"""value_readable and date_readable: a claim's value can be read in its unit.

One explanation for both; a date's failure goes to its calendar item, any other value's to
its schema item.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered, unreadable
from factsuite.checking.explain_helpers import claim_ref, failing_claim
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.lexicon import Kind

ORDER = 10


@registered()
def value_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] == Kind.DATE) | ~unreadable(df)


@registered()
def date_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] != Kind.DATE) | ~unreadable(df)


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    as_unit = "as a date" if claim.unit == "date" else f"in {claim.unit}"
    return [
        f'The value "{claim.value}" cannot be read {as_unit}: {failure.row["parse_error"]}.',
        claim_ref(context, "claim", claim.id),
    ]


RULES = (
    Rule("value_readable", "claims", "schema", pa.Check.value_readable(), explain),
    Rule("date_readable", "claims", "calendar", pa.Check.date_readable(), explain),
)
