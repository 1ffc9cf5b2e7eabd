"""date_not_after_publication: a report does not tell of a day after its publication as past."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered, unreadable
from factsuite.checking.explain_helpers import claim_ref, failing_claim, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.dates import describe
from factsuite.meaning.lexicon import Kind

ORDER = 80


@registered()
def date_not_after_publication(df: pd.DataFrame) -> pd.Series:
    future = df["future"].astype(bool)
    past = df["date_first"] <= df["published"]
    return (df["kind"] != Kind.DATE) | unreadable(df) | future | past


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    reading = context.claim_reading(claim.id)
    assert context.article.meta is not None
    assert reading.span
    return [
        f'"{written(claim)}" is {reading.span}, after the article was published on '
        f"{describe(context.article.meta.published)}: a report cannot tell of it as past.",
        claim_ref(context, "claim", claim.id),
    ]


RULES = (
    Rule(
        "date_not_after_publication",
        "claims",
        "calendar",
        pa.Check.date_not_after_publication(),
        explain,
    ),
)
