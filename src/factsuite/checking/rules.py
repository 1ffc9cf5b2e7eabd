"""Every rule the suite runs, declared once: name, table, item, check and explanation.

Each rule is a registered pandera check (``checks.py``) evaluated over a whole table at once
(lazy validation collects every failure); its ``Rule`` says which pytest item a failing row
belongs to and how it is explained (``explanations.py``).  To add a rule, write its check
body and its explanation, and declare it here: see docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from functools import cache

import pandas as pd
import pandera.pandas as pa

from factsuite.checking import checks as _registered  # noqa: F401  (registers pa.Check.<name>)
from factsuite.checking import explanations as say
from factsuite.checking.explanations import Explainer
from factsuite.checking.rule import Failure, Rule
from factsuite.meaning.lexicon import Kind, Reading

CLAIM_ITEM = "{rule}[{claim}]"
CLAIM_TABLES = ("claims", "records", "populations", "replacements", "events")
"""Tables with one claim per row (or group of rows): their items are named rule[claim]."""
RELATION_ITEM = "{relation}"


def _per_reading(
    name: str,
    table: str,
    make: Callable[[str], pa.Check],
    explain: Explainer,
    item: str = RELATION_ITEM,
) -> list[Rule]:
    """One rule per reading of the qualifiers, so a failure can say which readings fail."""
    return [Rule(name, table, item, make(reading.value), explain, reading) for reading in Reading]


def _relation_basics(table: str) -> list[Rule]:
    return [
        Rule(
            "references_resolve",
            table,
            RELATION_ITEM,
            pa.Check.references_resolve(),
            say.references_resolve,
        ),
        Rule(
            "references_readable",
            table,
            RELATION_ITEM,
            pa.Check.references_readable(),
            say.references_readable,
        ),
    ]


def _units_agree(table: str, left: str) -> Rule:
    check = pa.Check.units_agree(left=left, right="whole_unit")
    return Rule("units_agree", table, RELATION_ITEM, check, say.units_agree)


def _kinds_fit(table: str) -> Rule:
    """The claims are of the kinds and units the relation compares (``comparable``)."""
    return Rule("kinds_fit", table, RELATION_ITEM, pa.Check.comparable(), say.kinds_fit)


def _claim_rules() -> list[Rule]:
    return [
        Rule("value_readable", "claims", "schema", pa.Check.value_readable(), say.value_readable),
        Rule("date_readable", "claims", "calendar", pa.Check.date_readable(), say.value_readable),
        Rule(
            "share_within_bounds",
            "claims",
            "schema",
            pa.Check.share_within_bounds(low=0, high=100),
            say.share_within_bounds,
        ),
        Rule(
            "as_of_not_after_publication",
            "claims",
            "schema",
            pa.Check.as_of_not_after_publication(),
            say.as_of_not_after_publication,
        ),
        Rule(
            "quote_in_article",
            "claims",
            "grounding",
            pa.Check.quote_in_article(),
            say.quote_in_article,
        ),
        Rule(
            "figure_in_quote",
            "claims",
            "grounding",
            pa.Check.figure_in_quote(),
            say.figure_in_quote,
        ),
        Rule(
            "date_matches_as_of",
            "claims",
            "calendar",
            pa.Check.date_matches_as_of(),
            say.date_matches_as_of,
        ),
        Rule(
            "date_not_after_publication",
            "claims",
            "calendar",
            pa.Check.date_not_after_publication(),
            say.date_not_after_publication,
        ),
        Rule(
            "date_not_before_publication",
            "claims",
            "calendar",
            pa.Check.date_not_before_publication(),
            say.date_not_before_publication,
        ),
    ]


def _relation_rules() -> list[Rule]:
    return [
        *_relation_basics("part_of"),
        Rule(
            "units_agree",
            "part_of",
            RELATION_ITEM,
            pa.Check.units_agree(left="part_unit", right="whole_unit"),
            say.units_agree,
        ),
        *_per_reading(
            "part_within_whole",
            "part_of",
            lambda r: pa.Check.at_most(left="part", right="whole", reading=r),
            say.part_within_whole,
        ),
        *_relation_basics("sum_of"),
        _units_agree("sum_of", "parts_kinds"),
        *_per_reading(
            "parts_within_whole",
            "sum_of",
            lambda r: pa.Check.at_most(left="parts", right="whole", reading=r),
            say.parts_within_whole,
        ),
        *_relation_basics("total"),
        _units_agree("total", "parts_kinds"),
        *_per_reading(
            "parts_make_whole",
            "total",
            lambda r: pa.Check.parts_make_whole(reading=r),
            say.parts_make_whole,
        ),
        *_relation_basics("share_of"),
        Rule(
            "kinds_fit",
            "share_of",
            RELATION_ITEM,
            pa.Check.kinds_fit(kinds={"share": Kind.SHARE.value, "whole": Kind.COUNT.value}),
            say.kinds_fit,
        ),
        _units_agree("share_of", "parts_kinds"),
        *_per_reading(
            "share_holds_parts",
            "share_of",
            lambda r: pa.Check.share_holds_parts(reading=r),
            say.share_holds_parts,
        ),
        *_relation_basics("share_count"),
        _kinds_fit("share_count"),
        *_per_reading(
            "share_matches_counts",
            "share_count",
            lambda r: pa.Check.share_matches_counts(reading=r),
            say.share_matches_counts,
        ),
        *_relation_basics("partition"),
        _kinds_fit("partition"),
        *_per_reading(
            "shares_within_100",
            "partition",
            lambda r: pa.Check.shares_within_100(reading=r),
            say.shares_within_100,
        ),
        *_per_reading(
            "shares_complete",
            "partition",
            lambda r: pa.Check.shares_complete(reading=r),
            say.shares_complete,
        ),
        *_relation_basics("change"),
        _kinds_fit("change"),
        *_per_reading(
            "change_fits",
            "change",
            lambda r: pa.Check.change_fits(reading=r),
            say.change_fits,
        ),
        *_relation_basics("rate"),
        _kinds_fit("rate"),
        *_per_reading(
            "rate_fits_total",
            "rate",
            lambda r: pa.Check.rate_fits_total(reading=r),
            say.rate_fits_total,
        ),
        *_relation_basics("same_figure"),
        Rule(
            "units_agree",
            "same_figure",
            RELATION_ITEM,
            pa.Check.units_agree(left="first_unit", right="other_unit"),
            say.units_agree,
        ),
        Rule(
            "same_measure",
            "same_figure",
            RELATION_ITEM,
            pa.Check.same_text(column="measure"),
            say.same_text,
        ),
        Rule(
            "same_population",
            "same_figure",
            RELATION_ITEM,
            pa.Check.same_text(column="population"),
            say.same_text,
        ),
        *_per_reading(
            "figures_agree",
            "same_figure",
            lambda r: pa.Check.figures_agree(reading=r),
            say.figures_agree,
        ),
        *_relation_basics("spans"),
        Rule(
            "kinds_fit",
            "spans",
            RELATION_ITEM,
            pa.Check.kinds_fit(kinds={"duration": Kind.DURATION.value}),
            say.kinds_fit,
        ),
        Rule(
            "endpoints_are_dates",
            "spans",
            RELATION_ITEM,
            pa.Check.endpoints_are_dates(roles=["start", "end"]),
            say.endpoints_are_dates,
        ),
        *_per_reading(
            "duration_fits_dates",
            "spans",
            lambda r: pa.Check.duration_fits_dates(reading=r),
            say.duration_fits_dates,
        ),
        *_relation_basics("before"),
        Rule(
            "endpoints_are_dates",
            "before",
            RELATION_ITEM,
            pa.Check.endpoints_are_dates(roles=["earlier", "later"]),
            say.endpoints_are_dates,
        ),
        Rule(
            "dates_in_order", "before", RELATION_ITEM, pa.Check.dates_in_order(), say.dates_in_order
        ),
    ]


def _reference_rules() -> list[Rule]:
    return [
        Rule("series_known", "records", "record", pa.Check.series_known(), say.series_known),
        Rule("record_exists", "records", "record", pa.Check.record_exists(), say.record_exists),
        *_per_reading(
            "record_matches",
            "records",
            lambda r: pa.Check.record_matches(reading=r),
            say.record_matches,
            "record",
        ),
        Rule(
            "series_known",
            "populations",
            "population",
            pa.Check.series_known(),
            say.series_known,
        ),
        Rule(
            "population_matches",
            "populations",
            "population",
            pa.Check.population_matches(),
            say.population_matches,
        ),
        Rule("series_known", "replacements", "stale", pa.Check.series_known(), say.series_known),
        *_per_reading(
            "not_replaced",
            "replacements",
            lambda r: pa.Check.not_replaced(reading=r),
            say.not_replaced,
            "stale",
        ),
        Rule("event_known", "events", "event", pa.Check.event_known(), say.event_known),
        Rule("event_in_date", "events", "event", pa.Check.event_in_date(), say.event_in_date),
    ]


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule the suite runs; its order is the order failures are explained in."""
    return (*_claim_rules(), *_relation_rules(), *_reference_rules())


def key_column(table: str) -> str:
    return "claim" if table in CLAIM_TABLES else "relation"


@cache
def schemas() -> dict[str, pa.DataFrameSchema]:
    """One pandera schema per table: its columns' types and its rules."""
    return _schemas(rules())


def _schemas(rule_set: tuple[Rule, ...]) -> dict[str, pa.DataFrameSchema]:
    by_table: dict[str, list[pa.Check]] = {}
    for rule in rule_set:
        by_table.setdefault(rule.table, []).append(rule.check)
    columns = {
        "claims": {
            "article": pa.Column(str),
            "claim": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9-]*$")),
            "kind": pa.Column(str, pa.Check.isin([kind.value for kind in Kind])),
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


def find_failures(
    tables: dict[str, pd.DataFrame], rule_set: tuple[Rule, ...] | None = None
) -> list[Failure]:
    """Validate every table once, lazily, and return each failing (rule, row).

    ``rule_set`` is ``rules()`` unless given (a new rule tried out beside the suite's own).
    Each schema is built from its table's rules in order, and pandera numbers a schema's
    checks in that order, so ``check_number`` gives back the ``Rule`` object itself; pandera
    lists every column of a failing row, hence the de-duplication.  Failures come by rule,
    then by the row's own values: a row's place in its table depends on the other articles
    evaluated with it, and an item's explanations must not.
    """
    if rule_set is None:
        rule_set, validating = rules(), validating_schemas()
    else:
        validating = {name: _na_not_ignored(s) for name, s in _schemas(rule_set).items()}
    failures: list[Failure] = []
    for name, schema in validating.items():
        table = tables[name]
        if table.empty:
            continue
        table_rules = [rule for rule in rule_set if rule.table == name]
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
                row = table.loc[int(index)]
                assert isinstance(row, pd.Series)  # a table's index is unique
                failures.append(Failure(rule, row))
    position = {id(rule): index for index, rule in enumerate(rule_set)}
    return sorted(
        failures,
        key=lambda failure: (position[id(failure.rule)], [str(v) for v in failure.row]),
    )
