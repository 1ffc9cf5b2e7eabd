"""kinds_fit: a relation's claims are of the kinds (and units) it compares.

Two bodies, one rule: ``kinds_fit`` names each role's kind (share_of, spans); ``comparable``
reads the table's own ``comparable`` column, where kinds and units go together.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import blocked, registered
from factsuite.checking.explain_helpers import relation_claims
from factsuite.checking.findings import Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule
from factsuite.meaning.lexicon import Kind

ORDER = 20


@registered("kinds")
def kinds_fit(df: pd.DataFrame, *, kinds: dict[str, str]) -> pd.Series:
    fits = pd.Series(True, index=df.index)
    for role, kind in kinds.items():
        fits &= df[f"{role}_kind"] == kind
    return blocked(df) | fits


@registered()
def comparable(df: pd.DataFrame) -> pd.Series:
    """The claims are of the kinds and units the relation compares."""
    return blocked(df) | df["comparable"].astype(bool)


EXPECTED = {
    "share_of": "a share (percent) of a count",
    "spans": "a duration",
    "share_count": "a share (percent) and two counts in one unit (part and whole)",
    "partition": "shares in percent",
    "change": "two levels in one unit and a change in the unit its kind needs "
    "(absolute: the levels' unit; percent: percent_change; points: points, between "
    "two percents)",
    "rate": "a count in total and per day in one unit, and a duration",
    "event_count": "a count, and dates (or events, or 'publication') as start and end",
    "exceeds": "two counts, shares or changes in one unit, or two durations",
}
"""What each relation needs, as its failure says."""


def explain(failure: Failure, context: Context) -> list[Line]:
    return [
        f"This rule needs {EXPECTED.get(failure.rule.table, 'other kinds of claim')}.",
        *relation_claims(failure, context),
    ]


def _kinds_fit(table: str, check: pa.Check) -> Rule:
    return Rule("kinds_fit", table, RELATION_ITEM, check, explain)


RULES = (
    _kinds_fit(
        "share_of", pa.Check.kinds_fit(kinds={"share": Kind.SHARE.value, "whole": Kind.COUNT.value})
    ),
    *(
        _kinds_fit(table, pa.Check.comparable())
        for table in ("share_count", "partition", "change", "rate", "exceeds", "event_count")
    ),
    _kinds_fit("spans", pa.Check.kinds_fit(kinds={"duration": Kind.DURATION.value})),
)
