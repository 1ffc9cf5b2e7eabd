"""references_resolve and references_readable: every relation names claims (or dates) that
exist and can be read.

The tables mark a relation that cannot be compared at all with a typed reason (``Blocked``);
these two rules, on every relation's table, are the only ones that report it, once.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import any_blocked, registered
from factsuite.checking.findings import Blocked, Line
from factsuite.checking.rule import RELATION_ITEM, Context, Failure, Rule
from factsuite.files.model import RELATION_MODELS

ORDER = 10


@registered()
def references_resolve(df: pd.DataFrame) -> pd.Series:
    return ~any_blocked(df, Blocked.UNRESOLVED)


@registered()
def references_readable(df: pd.DataFrame) -> pd.Series:
    return any_blocked(df, Blocked.UNRESOLVED) | ~any_blocked(df, Blocked.UNREADABLE)


def explain_resolve(failure: Failure, context: Context) -> list[Line]:
    return ["A relation names something that does not exist.", _blocked(failure, context)]


def explain_readable(failure: Failure, context: Context) -> list[Line]:
    return ["A relation cannot be checked.", _blocked(failure, context)]


def _blocked(failure: Failure, context: Context) -> str:
    row = failure.row
    if row[Blocked.UNRESOLVED]:
        ids = ", ".join(f"'{name}'" for name in row[Blocked.UNRESOLVED])
        return (
            f"  It names {ids}, which is neither a claim of this file, nor a date, nor an "
            "event of reference/events, nor 'publication'."
        )
    items = ", ".join(_value_item(context, name) for name in row[Blocked.UNREADABLE])
    return f"  It cannot be checked until these values can be read: see {items}."


def _value_item(context: Context, claim_id: str) -> str:
    """Where an unreadable value is reported: calendar[...] for dates, schema[...] else."""
    rule = "calendar" if context.claim(claim_id).unit == "date" else "schema"
    return f"{rule}[{claim_id}]"


RULES = tuple(
    rule
    for table in RELATION_MODELS
    for rule in (
        Rule(
            "references_resolve",
            table,
            RELATION_ITEM,
            pa.Check.references_resolve(),
            explain_resolve,
        ),
        Rule(
            "references_readable",
            table,
            RELATION_ITEM,
            pa.Check.references_readable(),
            explain_readable,
        ),
    )
)
