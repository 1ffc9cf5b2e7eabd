"""part_within_whole (part_of) and parts_within_whole (sum_of): a part, or parts together,
can be no larger than their whole.  One body, ``at_most``, for both."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import not_comparable, registered, series
from factsuite.checking.explain_helpers import claim_ref, render_bound, total
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_be_at_most

ORDER = 50


@registered("left", "right", "reading")
def at_most(df: pd.DataFrame, *, left: str, right: str, reading: str) -> pd.Series:
    """Some value of ``left`` can be no more than some value of ``right``."""
    feasible = series(
        can_be_at_most(
            df[f"{left}_{reading}_lo"],
            df[f"{left}_{reading}_lo_closed"],
            df[f"{right}_{reading}_hi"],
            df[f"{right}_{reading}_hi_closed"],
        )
    )
    return not_comparable(df) | feasible


def explain_part(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    part, whole = context.interval(row["part"]), context.interval(row["whole"])
    assert part is not None
    assert whole is not None
    draw = render_bound(context.claim(row["part"]).unit)
    return [
        "A part cannot be larger than its whole.",
        claim_ref(context, "part", row["part"]),
        claim_ref(context, "whole", row["whole"]),
        f"  The part is at least {draw(part.lo)}, but the whole is at most {draw(whole.hi)}.",
    ]


def explain_parts(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    whole = context.interval(row["whole"])
    assert whole is not None
    parts = total(context, row["parts"])
    draw = render_bound(context.claim(row["whole"]).unit)
    lines: list[Line] = ["The parts together cannot be larger than their whole."]
    for part in row["parts"]:
        lines.append(claim_ref(context, "part", part))
    return [
        *lines,
        claim_ref(context, "whole", row["whole"]),
        f"  The parts add up to at least {draw(parts.lo)}, but the whole is at most "
        f"{draw(whole.hi)}.",
    ]


RULES = (
    *per_reading(
        "part_within_whole",
        "part_of",
        lambda r: pa.Check.at_most(left="part", right="whole", reading=r),
        explain_part,
    ),
    *per_reading(
        "parts_within_whole",
        "sum_of",
        lambda r: pa.Check.at_most(left="parts", right="whole", reading=r),
        explain_parts,
    ),
)
