"""The bulk rules agree with the scalar interval arithmetic, row by row.

The rows come from a pandera schema's own data strategy, so the property covers whatever
bounds and open/closed ends the schema allows.
"""

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import HealthCheck, given, settings

from factsuite.checking.engine import load_articles
from factsuite.checking.reference_tables import build_reference_tables, event_days
from factsuite.checking.rules import find_failures, rules, schemas
from factsuite.checking.rules.duration_fits_dates import duration_fits_dates
from factsuite.checking.rules.figures_agree import figures_agree
from factsuite.checking.rules.part_within_whole import at_most
from factsuite.checking.rules.share_holds_parts import share_holds_parts
from factsuite.checking.tables import JOINED_COLUMNS, build_tables
from factsuite.commands.synth import write_archive
from factsuite.files.article import discover
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.intervals import Interval

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
    df["unresolved"] = [()] * len(df)
    df["unreadable"] = [()] * len(df)
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
        "unresolved": (), "unreadable": (), "comparable": True,
    }  # fmt: skip
    df = pd.DataFrame([row, {**row, "unresolved": ("refugees-leed",)}])
    assert at_most(df, left="left", right="right", reading=READING).tolist() == [False, True]


@pytest.fixture(scope="module")
def synthetic_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    """Every table of a small archive with errors planted, as the engine builds them."""
    archive = tmp_path_factory.mktemp("archive") / "archive"
    write_archive(archive, 40, seed=5, error_rate=0.5)
    library = ReferenceLibrary()
    articles = [a for a in load_articles(discover([archive]), library) if a.is_valid]
    references = {str(a.folder): library.for_article(a.folder) for a in articles}
    tables = build_tables(articles, {key: event_days(ref) for key, ref in references.items()})
    reference_tables = build_reference_tables(articles, tables.claims, references)
    return {"claims": tables.claims, **tables.relations, **reference_tables}


def failing_rows(schema: pa.DataFrameSchema, table: pd.DataFrame) -> set[tuple[int, int]]:
    try:
        schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as errors:
        pairs = errors.failure_cases[["check_number", "index"]].dropna()
        return {(int(check), int(index)) for check, index in pairs.itertuples(index=False)}
    return set()


def test_find_failures_fails_the_rows_the_written_schemas_fail(
    synthetic_tables: dict[str, pd.DataFrame],
) -> None:
    """find_failures validates with pandera's ignore_na off, for speed; nothing else changes."""
    expected = set()
    for name, schema in schemas().items():
        table_rules = [rule for rule in rules() if rule.table == name]
        if not synthetic_tables[name].empty:
            for check, index in failing_rows(schema, synthetic_tables[name]):
                expected.add((table_rules[check], index))
    found = {(failure.rule, failure.row.name) for failure in find_failures(synthetic_tables)}
    assert expected
    assert found == expected


@pytest.mark.parametrize(
    ("table", "role"),
    [("part_of", "part"), ("part_of", "whole"), ("same_figure", "other"), ("spans", "duration")],
)
def test_a_relation_joins_the_claims_a_left_merge_joins(
    synthetic_tables: dict[str, pd.DataFrame], table: str, role: str
) -> None:
    """The tables join claims by a lookup of (article, id): NaN where no claim has the id."""
    relations = synthetic_tables[table]
    claims = synthetic_tables["claims"][["article", "claim", *JOINED_COLUMNS]]
    merged = relations[["article", role]].merge(
        claims, how="left", left_on=["article", role], right_on=["article", "claim"]
    )
    joined = relations[[f"{role}_{column}" for column in JOINED_COLUMNS]]
    expected = merged[JOINED_COLUMNS].set_axis(joined.columns, axis=1)
    assert not relations.empty
    pd.testing.assert_frame_equal(joined, expected, check_dtype=False)
