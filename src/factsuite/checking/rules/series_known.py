"""series_known (records, populations, replacements): the series a claim cites is in
reference/ and can be read."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import claim_ref
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule

ORDER = 10
ITEMS = {"records": "record", "populations": "population", "replacements": "stale"}
"""Each reference table and the item its failures go to."""


@registered()
def series_known(df: pd.DataFrame) -> pd.Series:
    return df["series_found"].astype(bool)


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    lines: list[Line] = [
        f"The claim cites the series '{row['series']}', which reference/ does not hold."
    ]
    if context.reference is not None:
        for path, errors in context.reference.errors.items():
            if path.parent.name == row["series"]:
                lines.append("  It could not be read:")
                lines += [f"    {error}" for error in errors]
        known = ", ".join(sorted(context.reference.series)) or "none"
        lines.append(f"  Series in {context.reference.folder}: {known}.")
    return [*lines, claim_ref(context, "claim", row["claim"])]


RULES = tuple(
    Rule("series_known", table, item, pa.Check.series_known(), explain)
    for table, item in ITEMS.items()
)
