"""Reference records: official series and dated events that claims are checked against.

A ``reference/`` folder beside ``facts/`` holds one folder per series (``records.csv`` and
``series.yaml``: what is measured, of whom, cumulative or not, source, licence) and an
``events`` folder (``events.csv`` and ``events.yaml``).  The CSVs are validated with pandera
schemas; an error names the file, the row and the column.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TypeVar

import pandas as pd
import pandera.pandas as pa
from pandera.api.extensions import register_check_method
from pydantic import Field

from factsuite.files.addresses import WebAddress, is_web_address
from factsuite.files.article import validated_file
from factsuite.files.loading import FactFileError, LocatedError, read_text
from factsuite.files.model import Strict, Text, Unit
from factsuite.files.names import (
    EVENTS_FILE,
    EVENTS_TABLE,
    POPULATIONS_FILE,
    RECORDS_FILE,
    SERIES_FILE,
)
from factsuite.files.populations import PopulationsFile, Vocabulary

HEADER_ROWS = 1


class SeriesMeta(Strict):
    """series.yaml: what a series measures, so that claims can be matched to it."""

    measure: Text
    population: Text
    agency: Text
    unit: Unit
    cumulative: bool = Field(description="A running total: it never falls.")
    lag_days: int = Field(
        default=1, ge=0, le=60, description="How many days a figure may trail its as_of date."
    )
    source: Text
    url: WebAddress | None = None
    licence: Text
    notes: Text | None = None


class EventsMeta(Strict):
    """events.yaml: where the dated events come from."""

    source: Text
    licence: Text
    notes: Text | None = None


# -- the pandera schemas of the reference tables -------------------------------------------


_CheckFunction = TypeVar("_CheckFunction", bound=Callable[..., "pd.Series[bool]"])


def _check_method(
    statistics: list[str] | None = None,
) -> Callable[[_CheckFunction], _CheckFunction]:
    """``register_check_method`` with types, which pandera's lacks: the function becomes a
    ``pa.Check`` method and is returned as written, as pandera's decorator returns it."""

    def register(check: _CheckFunction) -> _CheckFunction:
        register_check_method(statistics=statistics)(check)
        return check

    return register


def _as_dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")


@_check_method()
def dates_real(column: pd.Series) -> pd.Series:
    return _as_dates(column).notna()


@_check_method()
def numbers_not_negative(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column, errors="coerce") >= 0


@_check_method()
def web_addresses(column: pd.Series) -> pd.Series:
    """Empty, or http(s): an address is written into published pages (see ``addresses``)."""
    return column.map(lambda cell: cell == "" or is_web_address(cell))


@_check_method()
def not_blank(column: pd.Series) -> pd.Series:
    return column.str.strip() != ""


@_check_method(statistics=["cumulative"])
def never_falls(df: pd.DataFrame, *, cumulative: bool) -> pd.Series:
    """In a running total, no figure is below an earlier one."""
    if not cumulative:
        return pd.Series(True, index=df.index)
    values = pd.to_numeric(df["value"], errors="coerce").astype(float)
    dates = _as_dates(df["date"])
    ordered = values[dates.notna()].reindex(dates.dropna().sort_values(kind="stable").index)
    earlier_max = ordered.cummax().shift(fill_value=float("-inf"))
    rises = (ordered >= earlier_max).reindex(df.index)
    return rises.fillna(True).astype(bool) | values.isna()


@cache
def series_schema(cumulative: bool) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "date": pa.Column(str, pa.Check.dates_real(), unique=True),
            "value": pa.Column(str, pa.Check.numbers_not_negative()),
            "qualifier": pa.Column(str, required=False),
            "source": pa.Column(str, pa.Check.not_blank()),
            "url": pa.Column(str, pa.Check.web_addresses(), required=False),
            "note": pa.Column(str, required=False),
        },
        checks=[pa.Check.never_falls(cumulative=cumulative)],
        name="reference series",
        strict=True,
    )


@cache
def events_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9-]*$"), unique=True),
            "date": pa.Column(str, pa.Check.dates_real()),
            "event": pa.Column(str, pa.Check.not_blank()),
            "source": pa.Column(str, pa.Check.not_blank()),
            "url": pa.Column(str, pa.Check.web_addresses(), required=False),
            "note": pa.Column(str, required=False),
        },
        name="reference events",
        strict=True,
    )


_MESSAGES = {
    "dates_real": ("is not a real date", "write it as YYYY-MM-DD"),
    "numbers_not_negative": ("is not a non-negative number", "write digits only: 3557245"),
    "not_blank": ("is empty", "every row needs its source"),
    "web_addresses": ("is not a web address", "give one starting http:// or https://"),
    "never_falls": (
        "falls below an earlier figure of a cumulative series",
        "check the figure, or set cumulative: false in series.yaml",
    ),
    "field_uniqueness": ("appears twice", "keep one row per date (per id for events)"),
    "str_matches": ("is not an id of lower-case words and hyphens", "e.g. invasion-announced"),
    "column_in_dataframe": ("is missing", "add the column to the header"),
    "column_in_schema": ("is not a known column", "remove it or fix its spelling"),
}


def _table_errors(
    path: Path, table: pd.DataFrame, schema: pa.DataFrameSchema
) -> list[LocatedError]:
    try:
        schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as errors:
        located: list[LocatedError] = []
        seen: set[tuple[str, str, object]] = set()
        for case in errors.failure_cases.itertuples():
            name = str(case.check).split("(")[0]
            message, hint = _MESSAGES.get(name, (str(case.check), ""))
            column = case.column if isinstance(case.column, str) else str(case.failure_case)
            if name == "never_falls":
                column = "value"  # pandera lists every column of the row; the value is at fault
            if (name, column, case.index) in seen:
                continue
            seen.add((name, column, case.index))
            row = None if pd.isna(case.index) else int(case.index) + HEADER_ROWS + 1
            value = table.at[int(case.index), column] if row and column in table else None
            shown = f" ({value!r})" if value is not None else ""
            field_name = f"column {column}"
            located.append(LocatedError(path, row, field_name, f"{message}{shown}", hint))
        return located
    return []


def read_table(path: Path) -> pd.DataFrame:
    """A reference CSV as text cells: nothing is coerced before the schema looks at it.

    Like every reference file, it is refused unread when a link takes it out of
    ``reference/`` (``/etc/passwd``, ``/proc/self/environ``).
    """
    text = read_text(path, root=reference_tree(path))
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def reference_tree(path: Path) -> Path:
    """The ``reference/`` folder a reference file (``reference/<series>/<file>``) is in."""
    return Path(os.path.abspath(path)).parent.parent


# -- loading -------------------------------------------------------------------------------


@dataclass
class Series:
    id: str
    meta: SeriesMeta
    records: pd.DataFrame


@dataclass
class Reference:
    """Everything in one reference folder, as far as it could be read."""

    folder: Path
    series: dict[str, Series] = field(default_factory=dict)
    unusable: dict[str, SeriesMeta] = field(default_factory=dict)
    """Series whose metadata reads but whose records do not: claims still find them."""
    events: dict[str, tuple[date, str]] = field(default_factory=dict)
    errors: dict[Path, list[LocatedError]] = field(default_factory=dict)
    populations: Vocabulary | None = None
    """The optional vocabulary of reference/populations.yaml (see ``files.populations``)."""


def _load_table(
    path: Path, schema: pa.DataFrameSchema
) -> tuple[pd.DataFrame | None, list[LocatedError]]:
    try:
        table = read_table(path)
    except FactFileError as error:
        return None, error.errors
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        return None, [LocatedError(path, None, None, f"not a CSV table: {error}")]
    errors = _table_errors(path, table, schema)
    return (None if errors else table), errors


def load_series(folder: Path) -> tuple[SeriesMeta | None, Series | None, list[LocatedError]]:
    """The series' metadata, the series if its records validate, and what is wrong."""
    meta, _, errors = validated_file(
        folder / SERIES_FILE, SeriesMeta, reference_tree(folder / SERIES_FILE)
    )
    if meta is None:
        return None, None, errors
    table, errors = _load_table(folder / RECORDS_FILE, series_schema(meta.cumulative))
    if table is None:
        return meta, None, errors
    if table.empty:  # a series with no reading supports no claim: its claims are not checked
        empty = "holds no records: add one row per dated figure, under the header"
        return meta, None, [LocatedError(folder / RECORDS_FILE, None, None, empty)]
    return meta, Series(folder.name, meta, table), []


def load_events(folder: Path) -> tuple[dict[str, tuple[date, str]], list[LocatedError]]:
    meta, _, errors = validated_file(
        folder / EVENTS_FILE, EventsMeta, reference_tree(folder / EVENTS_FILE)
    )
    if meta is None:
        return {}, errors
    table, errors = _load_table(folder / EVENTS_TABLE, events_schema())
    if table is None:
        return {}, errors
    rows = table.itertuples()  # every cell is text: read with dtype=str
    return {str(row.id): (date.fromisoformat(str(row.date)), str(row.event)) for row in rows}, []


def load_populations(path: Path) -> tuple[Vocabulary | None, list[LocatedError]]:
    """reference/populations.yaml as a vocabulary, and what is wrong with it."""
    file, _, errors = validated_file(path, PopulationsFile)
    if file is None:
        return None, errors
    vocabulary = Vocabulary.of(file)
    errors = vocabulary.errors(path)
    return (None if errors else vocabulary), errors


def load_reference(folder: Path) -> Reference:
    reference = Reference(folder)
    if (folder / POPULATIONS_FILE).exists():
        reference.populations, errors = load_populations(folder / POPULATIONS_FILE)
        if errors:
            reference.errors[folder / POPULATIONS_FILE] = errors
    for child in sorted(path for path in folder.iterdir() if path.is_dir()):
        if (child / SERIES_FILE).exists():
            meta, series, errors = load_series(child)
            if series is not None:
                reference.series[series.id] = series
            elif meta is not None:
                reference.unusable[child.name] = meta
            if errors:
                reference.errors[child / SERIES_FILE] = errors
        elif (child / EVENTS_FILE).exists():
            events, errors = load_events(child)
            reference.events.update(events)
            if errors:
                reference.errors[child / EVENTS_FILE] = errors
    return reference
