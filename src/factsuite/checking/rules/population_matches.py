"""population_matches (populations): the claim and the record it is checked against count
the same people."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import INDENT, claim_ref, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule

ORDER = 30


@registered()
def population_matches(df: pd.DataFrame) -> pd.Series:
    """Compared as ``files.populations`` normalises them (case, tense, articles, synonyms)."""
    return ~df["series_found"].astype(bool) | df["population_same"].fillna(True).astype(bool)


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    return [
        "The claim and the record it is checked against count different people.",
        claim_ref(context, "claim", row["claim"]),
        f'{INDENT}population: "{row["claim_population"]}"',
        labelled("series", f'{row["series"]} counts "{row["series_population"]}"'),
    ]


RULES = (
    Rule(
        "population_matches",
        "populations",
        "population",
        pa.Check.population_matches(),
        explain,
    ),
)
