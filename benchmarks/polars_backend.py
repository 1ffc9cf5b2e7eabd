"""Does pandera's polars backend validate the claims table faster than its pandas backend?

The claims table of a synthetic archive is built once by the engine (``build_tables``), then
validated by the engine's own pandas schema, as ``find_failures`` runs it
(``rules.validating_schemas()["claims"]``), and by the same
columns and checks written as polars expressions for ``pandera.polars``.  Both must find the
same failing rows, so that the comparison is of like with like.

    python benchmarks/polars_backend.py --articles 10000

Needs ``pip install polars`` (pandera's polars extra); the engine itself is not changed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pandas as pd
import pandera.pandas as pa
import pandera.polars as pap
import polars as pl

from factsuite.checking import engine
from factsuite.checking.rules import schemas, validating_schemas
from factsuite.checking.tables import Tables, build_tables
from factsuite.commands.synth import write_archive
from factsuite.files.article import discover

# -- the claims rules of checking/rules/, as polars expressions ----------------------------------

UNREADABLE = pl.col("parse_error").is_not_null()
IS_DATE = pl.col("kind") == "date"
RULES = {
    "value_readable": IS_DATE | ~UNREADABLE,
    "date_readable": ~IS_DATE | ~UNREADABLE,
    "share_within_bounds": (pl.col("kind") != "share")
    | UNREADABLE
    | pl.col("figure").is_between(0, 100),
    "figure_not_negative": UNREADABLE | pl.col("figure").is_null() | (pl.col("figure") >= 0),
    "as_of_not_after_publication": pl.col("as_of").is_null()
    | (pl.col("as_of") <= pl.col("published")),
    "quote_in_article": pl.col("quote_found"),
    "figure_in_quote": pl.col("figure_problem").is_null(),
    "date_matches_as_of": ~IS_DATE
    | UNREADABLE
    | ((pl.col("date_first") <= pl.col("as_of")) & (pl.col("as_of") <= pl.col("date_last"))),
    "date_not_after_publication": ~IS_DATE
    | UNREADABLE
    | (pl.col("date_first") <= pl.col("published")),
}


def _check(name: str, expression: pl.Expr) -> pap.Check:
    """A dataframe-wide check; a null comparison fails, as NaN does in pandas."""
    return pap.Check(lambda data: data.lazyframe.select(expression.fill_null(False)), name=name)


def polars_schema() -> pap.DataFrameSchema:
    return pap.DataFrameSchema(
        {
            "article": pap.Column(str),
            "claim": pap.Column(str, pap.Check.str_matches(r"^[a-z0-9][a-z0-9-]*$")),
            "kind": pap.Column(str, pap.Check.isin(["count", "share", "date", "duration"])),
            "figure": pap.Column(float, nullable=True),
            "as_of": pap.Column(float, nullable=True),
            "published": pap.Column(float),
        },
        checks=[_check(name, expression) for name, expression in RULES.items()],
        name="claims table",
    )


# -- timing -----------------------------------------------------------------------------------


def _failing_rows(validate: Callable[[], object], errors: type[Exception]) -> int:
    try:
        validate()
    except errors as raised:
        cases = raised.failure_cases  # type: ignore[attr-defined]
        return len(set(cases["index"].to_list()) - {None})  # pandas lists each column of a row
    return 0


def _median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def to_polars(claims: pd.DataFrame) -> pl.DataFrame:
    """Column by column through numpy: pandas 3's string columns need no pyarrow that way."""
    return pl.DataFrame({name: claims[name].to_numpy() for name in claims.columns})


def compare(claims: pd.DataFrame, repeat: int) -> dict[str, float | int]:
    """Seconds (median of ``repeat``) per backend, and the failing rows each reports."""
    pandas_schema = validating_schemas()["claims"]
    frame = to_polars(claims)
    schema = polars_schema()

    def with_pandas() -> int:
        return _failing_rows(
            lambda: pandas_schema.validate(claims, lazy=True), pa.errors.SchemaErrors
        )

    def with_polars() -> int:
        return _failing_rows(lambda: schema.validate(frame, lazy=True), pap.errors.SchemaErrors)

    return {
        "rows": len(claims),
        "pandas_s": _median_seconds(with_pandas, repeat),
        "polars_s": _median_seconds(with_polars, repeat),
        "to_polars_s": _median_seconds(lambda: to_polars(claims), repeat),
        "pandas_reported_rows": with_pandas(),
        "polars_reported_rows": with_polars(),
        "failing_rows": int((~_pandas_pass(claims)).sum()),
        "polars_failing_rows": frame.select(
            ~pl.all_horizontal([e.fill_null(False) for e in RULES.values()])
        )
        .to_series()
        .sum(),
    }


def _pandas_pass(claims: pd.DataFrame) -> pd.Series:
    """Rows that pass every claims rule, with the engine's own check functions."""
    passed = pd.Series(True, index=claims.index)
    for check in schemas()["claims"].checks:
        passed &= check._check_fn(claims, **check.statistics)
    return passed


def claims_table(archive: Path) -> pd.DataFrame:
    """The claims table exactly as ``evaluate`` builds it (caught on its way to the rules)."""
    built: list[Tables] = []

    def keep(*arguments: object, **keywords: object) -> Tables:
        built.append(build_tables(*arguments, **keywords))
        return built[-1]

    with mock.patch.object(engine, "build_tables", keep):
        engine.evaluate(engine.load_articles(discover([archive])))
    return built[0].claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--error-rate", type=float, default=0.02)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        archive = Path(workdir) / "archive"
        write_archive(archive, arguments.articles, arguments.seed, arguments.error_rate)
        claims = claims_table(archive)
    for name, value in compare(claims, arguments.repeat).items():
        print(f"{name:>22}: {value:.3f}" if isinstance(value, float) else f"{name:>22}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
