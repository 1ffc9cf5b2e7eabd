"""figure_in_quote: the claim's value and qualifier are what its quote says."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import failing_claim, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule

ORDER = 60


@registered()
def figure_in_quote(df: pd.DataFrame) -> pd.Series:
    return df["figure_problem"].isna()


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    return [
        f"The claim and its quote disagree: {failure.row['figure_problem']}.",
        labelled("quote", f'"{claim.quote}" (claims.yaml:{context.article.claim_line(claim.id)})'),
        labelled("claim", f'value "{claim.value}", qualifier "{claim.qualifier}"'),
    ]


RULES = (Rule("figure_in_quote", "claims", "grounding", pa.Check.figure_in_quote(), explain),)
