"""endpoints_are_dates (spans, before): the dates a relation names are dates."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import blocked, registered
from factsuite.checking.explain_helpers import endpoint, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule

ORDER = 40
ENDPOINTS = {"spans": ("start", "end"), "before": ("earlier", "later")}
"""Each table's roles that name a date."""


@registered("roles")
def endpoints_are_dates(df: pd.DataFrame, *, roles: list[str]) -> pd.Series:
    dated = pd.Series(True, index=df.index)
    for role in roles:
        dated &= df[f"{role}_is_date"].astype(bool)
    return blocked(df) | dated


def explain(failure: Failure, context: Context) -> list[Line]:
    return [
        "A date in this relation is not a date: name a date claim, an ISO date or 'publication'.",
        *(labelled(role, endpoint(failure.row, role)) for role in ENDPOINTS[failure.rule.table]),
    ]


RULES = tuple(
    Rule(
        "endpoints_are_dates",
        table,
        RELATION_ITEM,
        pa.Check.endpoints_are_dates(roles=list(roles)),
        explain,
    )
    for table, roles in ENDPOINTS.items()
)
