"""as_of_not_after_publication: a claim is not as of a day after the article was published
(unless it looks ahead)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import claim_ref, failing_claim
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.dates import describe

ORDER = 40


@registered()
def as_of_not_after_publication(df: pd.DataFrame) -> pd.Series:
    return df["as_of"].isna() | df["future"].astype(bool) | (df["as_of"] <= df["published"])


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    assert claim.as_of is not None
    assert context.article.meta is not None
    return [
        f"The claim is as of {describe(claim.as_of)}, after the article was published on "
        f"{describe(context.article.meta.published)}.",
        claim_ref(context, "claim", claim.id),
    ]


RULES = (
    Rule(
        "as_of_not_after_publication",
        "claims",
        "schema",
        pa.Check.as_of_not_after_publication(),
        explain,
    ),
)
