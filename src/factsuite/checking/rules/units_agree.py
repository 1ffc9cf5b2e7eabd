"""units_agree: the claims a relation compares are in one unit."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import blocked, registered
from factsuite.checking.explain_helpers import relation_claims
from factsuite.checking.findings import Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule

ORDER = 30


@registered("left", "right")
def units_agree(df: pd.DataFrame, *, left: str, right: str) -> pd.Series:
    """Equal units; a share_of with no parts has no parts' unit (null) to disagree."""
    return blocked(df) | (df[left] == df[right]) | df[left].isna()


def explain(failure: Failure, context: Context) -> list[Line]:
    return [
        "The claims of this relation are in different units, so they cannot be compared.",
        *relation_claims(failure, context),
    ]


def _units_agree(table: str, left: str, right: str = "whole_unit") -> Rule:
    check = pa.Check.units_agree(left=left, right=right)
    return Rule("units_agree", table, RELATION_ITEM, check, explain)


RULES = (
    _units_agree("part_of", "part_unit"),
    *(_units_agree(table, "parts_kinds") for table in ("sum_of", "total", "share_of")),
    _units_agree("same_figure", "first_unit", "other_unit"),
)
