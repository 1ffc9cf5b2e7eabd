"""date_matches_as_of: a date claim's words, read from the publication day, mean its as_of
(and name the right weekday)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered, unreadable
from factsuite.checking.explain_helpers import claim_ref, failing_claim, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.dates import describe
from factsuite.meaning.lexicon import Kind

ORDER = 70


@registered()
def date_matches_as_of(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["as_of"]) & (df["as_of"] <= df["date_last"])
    right_weekday = df["calendar_problem"].isna()
    return (df["kind"] != Kind.DATE) | unreadable(df) | (inside & right_weekday)


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    reading = context.claim_reading(claim.id)
    assert claim.as_of is not None
    assert context.article.meta is not None
    assert reading.span
    if reading.calendar_problem:
        return [f"{reading.calendar_problem}.", claim_ref(context, "claim", claim.id)]
    return [
        f'"{written(claim)}" in an article published {describe(context.article.meta.published)} '
        f"means {reading.span}, but the claim says it is {describe(claim.as_of)}.",
        claim_ref(context, "claim", claim.id),
    ]


RULES = (Rule("date_matches_as_of", "claims", "calendar", pa.Check.date_matches_as_of(), explain),)
