"""same_measure and same_population (same_figure): two mentions of one figure count the same
thing.  One body, ``same_text``, compares the wording of one column."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import blocked, registered
from factsuite.checking.explain_helpers import INDENT, claim_ref
from factsuite.checking.findings import Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule
from factsuite.files.populations import normalise

ORDER = 40


@registered("column")
def same_text(df: pd.DataFrame, *, column: str) -> pd.Series:
    """Wordings compared as ``files.populations`` normalises them (case, tense, articles)."""
    first, other = (df[f"{side}_{column}"].fillna("").map(normalise) for side in ("first", "other"))
    return blocked(df) | (first == other)


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    column = failure.rule.name.removeprefix("same_")
    return [
        f"Two mentions of the same figure count different things ({column}).",
        claim_ref(context, "first", row["first"]),
        f'{INDENT}{column}: "{row[f"first_{column}"]}"',
        claim_ref(context, "other", row["other"]),
        f'{INDENT}{column}: "{row[f"other_{column}"]}"',
    ]


RULES = tuple(
    Rule(f"same_{column}", "same_figure", RELATION_ITEM, pa.Check.same_text(column=column), explain)
    for column in ("measure", "population")
)
