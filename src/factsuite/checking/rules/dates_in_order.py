"""dates_in_order (before): the earlier date comes no later than the later one."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import not_comparable, registered
from factsuite.checking.explain_helpers import claim_ref, endpoint, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule

ORDER = 50


@registered()
def dates_in_order(df: pd.DataFrame) -> pd.Series:
    return not_comparable(df) | (df["earlier_first"] <= df["later_last"])


def explain(failure: Failure, context: Context) -> list[Line]:
    """Each date located: a date claim with its quote (so the culprit can name it), an ISO
    date or publication as read."""
    row = failure.row
    assert context.article.claims is not None
    ids = {claim.id for claim in context.article.claims.claims}
    return [
        "These dates are out of order: the earlier one comes after the later one.",
        *(
            claim_ref(context, role, row[role])
            if row[role] in ids
            else labelled(role, endpoint(row, role))
            for role in ("earlier", "later")
        ),
    ]


RULES = (Rule("dates_in_order", "before", RELATION_ITEM, pa.Check.dates_in_order(), explain),)
