"""The bulk rules agree with the scalar interval arithmetic, row by row.

The rows come from a pandera schema's own data strategy, so the property covers whatever
bounds and open/closed ends the schema allows.
"""

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa
from hypothesis import HealthCheck, given, settings

from factsuite.intervals import Interval
from factsuite.rules import at_most, duration_fits_dates, figures_agree, share_holds_parts

READING = "pragmatic"
ROLES = ("left", "right")


def interval_columns(role: str, high: float) -> dict[str, pa.Column]:
    return {
        f"{role}_{READING}_lo": pa.Column(float, pa.Check.in_range(0, high)),
        f"{role}_width": pa.Column(float, pa.Check.in_range(0, high)),
        f"{role}_{READING}_lo_closed": pa.Column(bool),
        f"{role}_{READING}_hi_closed": pa.Column(bool),
    }


def bounds_schema(roles: tuple[str, ...], high: float = 100.0) -> pa.DataFrameSchema:
    columns: dict[str, pa.Column] = {}
    for role in roles:
        columns.update(interval_columns(role, high))
    return pa.DataFrameSchema(columns)


def with_his(df: pd.DataFrame, roles: tuple[str, ...]) -> pd.DataFrame:
    """Whole numbers make ties (a shared end) common, which is where open ends matter.

    A claim never reads as an empty interval (semantics rejects it), so a point is closed.
    """
    df = df.round(0)
    for role in roles:
        df[f"{role}_{READING}_hi"] = df[f"{role}_{READING}_lo"] + df[f"{role}_width"]
        point = df[f"{role}_width"] == 0
        for end in ("lo_closed", "hi_closed"):
            df[f"{role}_{READING}_{end}"] = df[f"{role}_{READING}_{end}"] | point
    df["unresolved"] = ""
    df["unreadable"] = ""
    df["comparable"] = True
    return df


def interval(row: pd.Series, role: str) -> Interval:
    return Interval(
        Fraction(row[f"{role}_{READING}_lo"]),
        Fraction(row[f"{role}_{READING}_hi"]),
        bool(row[f"{role}_{READING}_lo_closed"]),
        bool(row[f"{role}_{READING}_hi_closed"]),
    )


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(bounds_schema(ROLES).strategy(size=12))
def test_at_most_matches_scalar_can_be_at_most(df: pd.DataFrame) -> None:
    df = with_his(df, ROLES)
    bulk = at_most(df, left="left", right="right", reading=READING)
    for index, row in df.iterrows():
        assert bulk[index] == interval(row, "left").can_be_at_most(interval(row, "right"))


@SETTINGS
@given(bounds_schema(("first", "other")).strategy(size=12))
def test_figures_agree_matches_scalar_intersects(df: pd.DataFrame) -> None:
    df = with_his(df, ("first", "other"))
    bulk = figures_agree(df, reading=READING)
    for index, row in df.iterrows():
        assert bulk[index] == interval(row, "first").intersects(interval(row, "other"))


@SETTINGS
@given(bounds_schema(("share", "whole", "parts")).strategy(size=12))
def test_share_holds_parts_matches_scalar_product(df: pd.DataFrame) -> None:
    df = with_his(df, ("share", "whole", "parts"))
    bulk = share_holds_parts(df, reading=READING)
    for index, row in df.iterrows():
        group = interval(row, "share").scaled(Fraction(1, 100)).times(interval(row, "whole"))
        assert bulk[index] == interval(row, "parts").can_be_at_most(group)


@SETTINGS
@given(bounds_schema(("duration", "elapsed"), high=60.0).strategy(size=12))
def test_duration_fits_dates_matches_scalar_intersects(df: pd.DataFrame) -> None:
    df = with_his(df, ("duration", "elapsed"))
    df["elapsed_lo"] = df[f"elapsed_{READING}_lo"]
    df["elapsed_hi"] = df[f"elapsed_{READING}_hi"]
    df["start_is_date"] = df["end_is_date"] = True
    bulk = duration_fits_dates(df, reading=READING)
    for index, row in df.iterrows():
        elapsed = Interval(Fraction(row["elapsed_lo"]), Fraction(row["elapsed_hi"]))
        assert bulk[index] == interval(row, "duration").intersects(elapsed)


def test_a_blocked_relation_is_left_to_its_reference_check() -> None:
    """A dangling id is reported once, by references_resolve, not by every rule."""
    row = {
        "left_pragmatic_lo": 5.0, "left_pragmatic_hi": 6.0,
        "left_pragmatic_lo_closed": True, "left_pragmatic_hi_closed": True,
        "right_pragmatic_lo": 1.0, "right_pragmatic_hi": 2.0,
        "right_pragmatic_lo_closed": True, "right_pragmatic_hi_closed": True,
        "unresolved": "", "unreadable": "", "comparable": True,
    }  # fmt: skip
    df = pd.DataFrame([row, {**row, "unresolved": "refugees-leed"}])
    assert at_most(df, left="left", right="right", reading=READING).tolist() == [False, True]
