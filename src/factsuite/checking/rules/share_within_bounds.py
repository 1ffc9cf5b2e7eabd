"""share_within_bounds: a share lies between 0 and 100 percent."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered, unreadable
from factsuite.checking.explain_helpers import claim_ref, failing_claim, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.intervals import format_number
from factsuite.meaning.lexicon import Kind

ORDER = 30


@registered("low", "high")
def share_within_bounds(df: pd.DataFrame, *, low: float, high: float) -> pd.Series:
    """A vague share ("most") has no figure: the lexicon keeps its interval within bounds."""
    figure = df["figure"]
    return (df["kind"] != Kind.SHARE) | unreadable(df) | figure.isna() | figure.between(low, high)


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    return [
        f'A share must lie between 0 and 100 percent, but "{written(claim)}" is '
        f"{format_number(Fraction(failure.row['figure']))} percent.",
        claim_ref(context, "claim", claim.id),
    ]


RULES = (
    Rule(
        "share_within_bounds",
        "claims",
        "schema",
        pa.Check.share_within_bounds(low=0, high=100),
        explain,
    ),
)
