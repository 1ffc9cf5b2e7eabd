"""date_not_before_publication: a date the text looks ahead to cannot have passed already."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered, unreadable
from factsuite.checking.explain_helpers import claim_ref, failing_claim, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.dates import describe
from factsuite.meaning.lexicon import Kind

ORDER = 90


@registered()
def date_not_before_publication(df: pd.DataFrame) -> pd.Series:
    """A date the text looks ahead to ("due on Sept. 4") cannot have passed already."""
    past = ~df["future"].astype(bool)
    ahead = df["date_last"] >= df["published"]
    return (df["kind"] != Kind.DATE) | unreadable(df) | past | ahead


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    reading = context.claim_reading(claim.id)
    assert context.article.meta is not None
    assert reading.span
    return [
        f'"{written(claim)}" is {reading.span}, before the article was published on '
        f"{describe(context.article.meta.published)}, but the claim looks ahead to it "
        "(tense: future, or a future word in its clause): a scheduled date cannot have passed.",
        claim_ref(context, "claim", claim.id),
    ]


RULES = (
    Rule(
        "date_not_before_publication",
        "claims",
        "calendar",
        pa.Check.date_not_before_publication(),
        explain,
    ),
)
