"""The rules, as pandera schemas over the tables of ``tables.py``.

Each rule is a registered pandera check with a name, evaluated over a whole table at once
(lazy validation collects every failure).  ``RULES`` says which pytest item a failing row
belongs to, so the failures fan out to the items that pytest reports.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from functools import cache

import pandas as pd
import pandera.pandas as pa
from pandera.extensions import register_check_method

from factsuite.meaning.intervals import can_be_at_most, can_overlap
from factsuite.meaning.lexicon import Reading

# -- the checks -------------------------------------------------------------------------------


def _blocked(df: pd.DataFrame) -> pd.Series:
    """A relation with a dangling or unreadable claim is reported once, by its own checks."""
    return (df["unresolved"] != "") | (df["unreadable"] != "")


def _not_comparable(df: pd.DataFrame) -> pd.Series:
    """Claims of the wrong kind or unit are reported once, by kinds_fit or units_agree."""
    return _blocked(df) | ~df["comparable"].astype(bool)


def _unreadable(df: pd.DataFrame) -> pd.Series:
    return df["parse_error"] != ""


@register_check_method()
def value_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] == "date") | ~_unreadable(df)


@register_check_method()
def date_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] != "date") | ~_unreadable(df)


@register_check_method(statistics=["low", "high"])
def share_within_bounds(df: pd.DataFrame, *, low: float, high: float) -> pd.Series:
    return (df["kind"] != "share") | _unreadable(df) | df["figure"].between(low, high)


@register_check_method()
def as_of_not_after_publication(df: pd.DataFrame) -> pd.Series:
    return df["as_of"].isna() | (df["as_of"] <= df["published"])


@register_check_method()
def quote_in_article(df: pd.DataFrame) -> pd.Series:
    return df["quote_found"].astype(bool)


@register_check_method()
def figure_in_quote(df: pd.DataFrame) -> pd.Series:
    return df["figure_problem"] == ""


@register_check_method()
def date_matches_as_of(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["as_of"]) & (df["as_of"] <= df["date_last"])
    return (df["kind"] != "date") | _unreadable(df) | inside


@register_check_method()
def date_not_after_publication(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] != "date") | _unreadable(df) | (df["date_first"] <= df["published"])


@register_check_method()
def references_resolve(df: pd.DataFrame) -> pd.Series:
    return df["unresolved"] == ""


@register_check_method()
def references_readable(df: pd.DataFrame) -> pd.Series:
    return (df["unresolved"] != "") | (df["unreadable"] == "")


@register_check_method(statistics=["left", "right"])
def units_agree(df: pd.DataFrame, *, left: str, right: str) -> pd.Series:
    """Equal units; a share_of with no parts has no parts' unit ("") to disagree."""
    return _blocked(df) | (df[left] == df[right]) | (df[left] == "")


@register_check_method(statistics=["kinds"])
def kinds_fit(df: pd.DataFrame, *, kinds: dict[str, str]) -> pd.Series:
    fits = pd.Series(True, index=df.index)
    for role, kind in kinds.items():
        fits &= df[f"{role}_kind"] == kind
    return _blocked(df) | fits


@register_check_method(statistics=["left", "right", "reading"])
def at_most(df: pd.DataFrame, *, left: str, right: str, reading: str) -> pd.Series:
    """Some value of ``left`` can be no more than some value of ``right``."""
    feasible = can_be_at_most(
        df[f"{left}_{reading}_lo"],
        df[f"{left}_{reading}_lo_closed"],
        df[f"{right}_{reading}_hi"],
        df[f"{right}_{reading}_hi_closed"],
    )
    return _not_comparable(df) | feasible


@register_check_method(statistics=["reading"])
def share_holds_parts(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The parts fit in the group the share names: share x whole."""
    share_hi, whole_hi = df[f"share_{reading}_hi"], df[f"whole_{reading}_hi"]
    group_hi = share_hi / 100 * whole_hi
    reached = df[f"share_{reading}_hi_closed"] & df[f"whole_{reading}_hi_closed"]
    group_hi_closed = reached | (share_hi == 0) | (whole_hi == 0)  # as Interval.times
    feasible = can_be_at_most(
        df[f"parts_{reading}_lo"], df[f"parts_{reading}_lo_closed"], group_hi, group_hi_closed
    )
    return _not_comparable(df) | feasible


def _bounds(df: pd.DataFrame, prefix: str) -> tuple[pd.Series, ...]:
    return tuple(df[f"{prefix}_{end}"] for end in ("lo", "lo_closed", "hi", "hi_closed"))


@register_check_method(statistics=["reading"])
def figures_agree(df: pd.DataFrame, *, reading: str) -> pd.Series:
    overlap = can_overlap(_bounds(df, f"first_{reading}"), _bounds(df, f"other_{reading}"))
    return _not_comparable(df) | overlap


@register_check_method(statistics=["column"])
def same_text(df: pd.DataFrame, *, column: str) -> pd.Series:
    first = df[f"first_{column}"].str.casefold().str.strip()
    return _blocked(df) | (first == df[f"other_{column}"].str.casefold().str.strip())


@register_check_method(statistics=["roles"])
def endpoints_are_dates(df: pd.DataFrame, *, roles: list[str]) -> pd.Series:
    dated = pd.Series(True, index=df.index)
    for role in roles:
        dated &= df[f"{role}_is_date"].astype(bool)
    return _blocked(df) | dated


@register_check_method(statistics=["reading"])
def duration_fits_dates(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The days between the dates (a closed range) fall within the duration's reading."""
    always = pd.Series(True, index=df.index)
    elapsed = (df["elapsed_lo"], always, df["elapsed_hi"], always)
    fits = can_overlap(_bounds(df, f"duration_{reading}"), elapsed)
    return _not_comparable(df) | fits


@register_check_method()
def dates_in_order(df: pd.DataFrame) -> pd.Series:
    return _not_comparable(df) | (df["earlier_first"] <= df["later_last"])


@register_check_method()
def series_known(df: pd.DataFrame) -> pd.Series:
    return df["series_found"].astype(bool)


@register_check_method()
def record_exists(df: pd.DataFrame) -> pd.Series:
    return ~df["series_found"].astype(bool) | df["record_date"].notna()


@register_check_method(statistics=["reading"])
def record_matches(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some record within the lag of the claim's date lies in the claim's interval."""
    fits = can_overlap(_bounds(df, f"claim_{reading}"), _bounds(df, f"record_{reading}"))
    fits_any = (
        fits.fillna(False).astype(bool).groupby([df["article"], df["claim"]]).transform("any")
    )
    unchecked = (df["unreadable"] != "") | df["record_date"].isna()
    return unchecked | fits_any


@register_check_method()
def population_matches(df: pd.DataFrame) -> pd.Series:
    claimed = df["claim_population"].fillna("").str.casefold().str.strip()
    same = claimed == df["series_population"].fillna("").str.casefold().str.strip()
    return ~df["series_found"].astype(bool) | same


@register_check_method(statistics=["reading"])
def not_replaced(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """A newer statement published before the article still fits the claim."""
    fits = can_overlap(_bounds(df, f"claim_{reading}"), _bounds(df, f"record_{reading}"))
    unchecked = (df["unreadable"] != "") | ~df["series_found"].astype(bool)
    return unchecked | fits.fillna(False).astype(bool)


@register_check_method()
def event_known(df: pd.DataFrame) -> pd.Series:
    return df["event_found"].astype(bool)


@register_check_method()
def event_in_date(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["event_date"]) & (df["event_date"] <= df["date_last"])
    return (df["unreadable"] != "") | ~df["event_found"].astype(bool) | inside


# -- which check belongs to which item ----------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A named check over one table, the item its failures go to, and its reading if any."""

    name: str
    table: str
    item: str
    check: pa.Check
    reading: Reading | None = None


CLAIM_ITEM = "{rule}[{claim}]"
CLAIM_TABLES = ("claims", "records", "populations", "replacements", "events")
"""Tables with one claim per row (or group of rows): their items are named rule[claim]."""
RELATION_ITEM = "{relation}"


def _per_reading(name: str, table: str, make, item: str = RELATION_ITEM) -> list[Rule]:
    """One rule per reading of the qualifiers, so a failure can say which readings fail."""
    return [Rule(name, table, item, make(reading.value), reading) for reading in Reading]


def _relation_basics(table: str) -> list[Rule]:
    return [
        Rule("references_resolve", table, RELATION_ITEM, pa.Check.references_resolve()),
        Rule("references_readable", table, RELATION_ITEM, pa.Check.references_readable()),
    ]


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule the suite runs; its order is the order failures are explained in."""
    claim_rules = [
        Rule("value_readable", "claims", "schema", pa.Check.value_readable()),
        Rule("date_readable", "claims", "calendar", pa.Check.date_readable()),
        Rule(
            "share_within_bounds", "claims", "schema", pa.Check.share_within_bounds(low=0, high=100)
        ),
        Rule(
            "as_of_not_after_publication",
            "claims",
            "schema",
            pa.Check.as_of_not_after_publication(),
        ),
        Rule("quote_in_article", "claims", "grounding", pa.Check.quote_in_article()),
        Rule("figure_in_quote", "claims", "grounding", pa.Check.figure_in_quote()),
        Rule("date_matches_as_of", "claims", "calendar", pa.Check.date_matches_as_of()),
        Rule(
            "date_not_after_publication",
            "claims",
            "calendar",
            pa.Check.date_not_after_publication(),
        ),
    ]
    relation_rules = [
        *_relation_basics("part_of"),
        Rule(
            "units_agree",
            "part_of",
            RELATION_ITEM,
            pa.Check.units_agree(left="part_unit", right="whole_unit"),
        ),
        *_per_reading(
            "part_within_whole",
            "part_of",
            lambda r: pa.Check.at_most(left="part", right="whole", reading=r),
        ),
        *_relation_basics("sum_of"),
        Rule(
            "units_agree",
            "sum_of",
            RELATION_ITEM,
            pa.Check.units_agree(left="parts_kinds", right="whole_unit"),
        ),
        *_per_reading(
            "parts_within_whole",
            "sum_of",
            lambda r: pa.Check.at_most(left="parts", right="whole", reading=r),
        ),
        *_relation_basics("share_of"),
        Rule(
            "kinds_fit",
            "share_of",
            RELATION_ITEM,
            pa.Check.kinds_fit(kinds={"share": "share", "whole": "count"}),
        ),
        Rule(
            "units_agree",
            "share_of",
            RELATION_ITEM,
            pa.Check.units_agree(left="parts_kinds", right="whole_unit"),
        ),
        *_per_reading(
            "share_holds_parts", "share_of", lambda r: pa.Check.share_holds_parts(reading=r)
        ),
        *_relation_basics("same_figure"),
        Rule(
            "units_agree",
            "same_figure",
            RELATION_ITEM,
            pa.Check.units_agree(left="first_unit", right="other_unit"),
        ),
        Rule("same_measure", "same_figure", RELATION_ITEM, pa.Check.same_text(column="measure")),
        Rule(
            "same_population", "same_figure", RELATION_ITEM, pa.Check.same_text(column="population")
        ),
        *_per_reading("figures_agree", "same_figure", lambda r: pa.Check.figures_agree(reading=r)),
        *_relation_basics("spans"),
        Rule(
            "kinds_fit", "spans", RELATION_ITEM, pa.Check.kinds_fit(kinds={"duration": "duration"})
        ),
        Rule(
            "endpoints_are_dates",
            "spans",
            RELATION_ITEM,
            pa.Check.endpoints_are_dates(roles=["start", "end"]),
        ),
        *_per_reading(
            "duration_fits_dates", "spans", lambda r: pa.Check.duration_fits_dates(reading=r)
        ),
        *_relation_basics("before"),
        Rule(
            "endpoints_are_dates",
            "before",
            RELATION_ITEM,
            pa.Check.endpoints_are_dates(roles=["earlier", "later"]),
        ),
        Rule("dates_in_order", "before", RELATION_ITEM, pa.Check.dates_in_order()),
    ]
    reference_rules = [
        Rule("series_known", "records", "record", pa.Check.series_known()),
        Rule("record_exists", "records", "record", pa.Check.record_exists()),
        *_per_reading(
            "record_matches", "records", lambda r: pa.Check.record_matches(reading=r), "record"
        ),
        Rule("series_known", "populations", "population", pa.Check.series_known()),
        Rule("population_matches", "populations", "population", pa.Check.population_matches()),
        Rule("series_known", "replacements", "stale", pa.Check.series_known()),
        *_per_reading(
            "not_replaced", "replacements", lambda r: pa.Check.not_replaced(reading=r), "stale"
        ),
        Rule("event_known", "events", "event", pa.Check.event_known()),
        Rule("event_in_date", "events", "event", pa.Check.event_in_date()),
    ]
    return (*claim_rules, *relation_rules, *reference_rules)


def key_column(table: str) -> str:
    return "claim" if table in CLAIM_TABLES else "relation"


@cache
def schemas() -> dict[str, pa.DataFrameSchema]:
    """One pandera schema per table: its columns' types and its rules."""
    by_table: dict[str, list[pa.Check]] = {}
    for rule in rules():
        by_table.setdefault(rule.table, []).append(rule.check)
    columns = {
        "claims": {
            "article": pa.Column(str),
            "claim": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9-]*$")),
            "kind": pa.Column(str, pa.Check.isin(["count", "share", "date", "duration"])),
            "figure": pa.Column(float, nullable=True),
            "as_of": pa.Column(float, nullable=True),
            "published": pa.Column(float),
        }
    }
    return {
        table: pa.DataFrameSchema(
            columns.get(table, {"article": pa.Column(str), key_column(table): pa.Column(str)}),
            checks=checks,
            name=f"{table} table",
        )
        for table, checks in by_table.items()
    }


@cache
def validating_schemas() -> dict[str, pa.DataFrameSchema]:
    """``schemas()`` as validated: each rule with pandera's ``ignore_na`` off.

    With it on, pandera ORs each rule's result with an all-NaN test of every row, a third of
    the validation time; no row here is all NaN (each names its article), so nothing changes.
    ``schemas()`` itself stays as the files in ``schemas/`` describe it.
    """
    return {table: _na_not_ignored(schema) for table, schema in schemas().items()}


def _na_not_ignored(schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    checks = [copy(check) for check in schema.checks]
    for check in checks:
        check.ignore_na = False
    return pa.DataFrameSchema(schema.columns, checks=checks, name=schema.name)


@dataclass(frozen=True)
class Failure:
    """One failing row of one rule: enough to find the item and explain it."""

    rule: Rule
    row: pd.Series


def find_failures(tables: dict[str, pd.DataFrame]) -> list[Failure]:
    """Validate every table once, lazily, and return each failing (rule, row).

    pandera numbers a schema's own checks in the order given, so ``check_number`` names the
    rule; pandera lists every column of a failing row, hence the de-duplication.  Failures
    come by rule, then by the row's own values: a row's place in its table depends on the
    other articles evaluated with it, and an item's explanations must not.
    """
    failures: list[Failure] = []
    for name, schema in validating_schemas().items():
        table = tables[name]
        if table.empty:
            continue
        table_rules = [rule for rule in rules() if rule.table == name]
        try:
            schema.validate(table, lazy=True)
        except pa.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            unexpected = cases[cases["schema_context"] != "DataFrameSchema"]
            if not unexpected.empty:
                raise RuntimeError(f"the {name} table is malformed:\n{unexpected}") from errors
            pairs = cases[["check_number", "index"]].dropna().drop_duplicates()
            for check_number, index in pairs.itertuples(index=False):
                rule = table_rules[int(check_number)]
                failures.append(Failure(rule, table.loc[int(index)]))
    position = {id(rule): index for index, rule in enumerate(rules())}
    return sorted(
        failures,
        key=lambda failure: (position[id(failure.rule)], [str(v) for v in failure.row]),
    )
