"""parts_make_whole (total): the parts' sum, each within its rounding, less the figures under
``less`` (a net figure), can be the whole."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import as_bools, bounds, not_comparable, registered, series
from factsuite.checking.explain_helpers import relation_claims, render_bound, total
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_overlap

ORDER = 50


@registered("reading")
def parts_make_whole(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The parts' sum (each within its rounding) can be the whole (within its own)."""
    parts = as_bools(bounds(df, f"parts_{reading}"))
    overlap = series(can_overlap(parts, bounds(df, f"whole_{reading}")))
    return not_comparable(df) | overlap


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    whole = context.interval(row["whole"])
    assert whole is not None
    parts = total(context, row["parts"])
    less = list(row.get("less", []))
    if less:
        parts = parts - total(context, less)
    draw = render_bound(context.claim(row["whole"]).unit)
    short = "fall short of" if parts.hi <= whole.lo else "exceed"
    add_up = "less the figures subtracted come to" if less else "add up to"
    return [
        f"The parts do not add up to their total: together they {short} it.",
        *relation_claims(failure, context),
        f"  The parts {add_up} {parts.format(draw)}, but the whole is {whole.format(draw)}.",
    ]


RULES = per_reading(
    "parts_make_whole", "total", lambda r: pa.Check.parts_make_whole(reading=r), explain
)
