"""dates_in_order (before): the earlier date comes no later than the later one."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import not_comparable, registered
from factsuite.checking.explain_helpers import endpoint, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule

ORDER = 50


@registered()
def dates_in_order(df: pd.DataFrame) -> pd.Series:
    return not_comparable(df) | (df["earlier_first"] <= df["later_last"])


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    return [
        "These dates are out of order: the earlier one comes after the later one.",
        labelled("earlier", endpoint(row, "earlier")),
        labelled("later", endpoint(row, "later")),
    ]


RULES = (Rule("dates_in_order", "before", RELATION_ITEM, pa.Check.dates_in_order(), explain),)
