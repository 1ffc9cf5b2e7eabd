"""Every rule the suite runs: one module per rule (or small family of rules sharing a body),
found here and put in order.

Each module of this package holds a rule's check body (a registered pandera check over a
whole table), its explanation and its declaration, and says two things:

- ``RULES``: its ``Rule`` objects (one per table it reads, per reading where it has readings);
- ``ORDER``: where its rules stand among the other rules of the same table (lower first).

``rules()`` imports every module of the package and orders the rules by table, then
``ORDER``, then their place in ``RULES``; pandera numbers a schema's checks in that order, and
the failures of one check are told in it.  Two modules may not share an ``ORDER`` on one
table.  Adding a rule is adding a module: see docs/architecture.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from copy import copy
from functools import cache
from types import ModuleType

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.rule import Failure, Rule
from factsuite.files.model import RELATION_MODELS
from factsuite.meaning.lexicon import Kind

CLAIM_ITEM = "{rule}[{claim}]"
CLAIM_TABLES = ("claims", "records", "extremes", "populations", "replacements", "events")
"""Tables with one claim per row (or group of rows): their items are named rule[claim]."""
TABLES = (CLAIM_TABLES[0], *RELATION_MODELS, *CLAIM_TABLES[1:])
"""Every table a rule may read, in the order the rules are listed."""


def rule_modules() -> tuple[ModuleType, ...]:
    """Every module of this package, by name (each is a rule or a family of rules)."""
    return tuple(
        importlib.import_module(f"{__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
    )


def ordered(modules: tuple[ModuleType, ...]) -> tuple[Rule, ...]:
    """The rules of ``modules``, by table, ``ORDER`` and place in ``RULES``; a module that
    declares them wrongly, or shares a table's ``ORDER`` with another, is refused."""
    placed: dict[tuple[int, int], tuple[str, list[Rule]]] = {}
    for module in modules:
        order, declared = _declared(module)
        for rule in declared:
            if rule.table not in TABLES:
                raise ValueError(f"{module.__name__}: no table {rule.table!r} (one of {TABLES})")
            key = (TABLES.index(rule.table), order)
            owner, rules_there = placed.setdefault(key, (module.__name__, []))
            if owner != module.__name__:
                raise ValueError(
                    f"{module.__name__} and {owner} both have ORDER {order} on the "
                    f"{rule.table} table: give one of them another"
                )
            rules_there.append(rule)
    return tuple(rule for key in sorted(placed) for rule in placed[key][1])


def _declared(module: ModuleType) -> tuple[int, tuple[Rule, ...]]:
    order, declared = getattr(module, "ORDER", None), getattr(module, "RULES", None)
    if not isinstance(order, int):
        raise TypeError(f"{module.__name__} has no ORDER (an int): every rule module needs one")
    if not isinstance(declared, tuple) or not all(isinstance(r, Rule) for r in declared):
        raise TypeError(f"{module.__name__} has no RULES (a tuple of Rule)")
    return order, declared


def discover() -> tuple[Rule, ...]:
    """The rules of every module of this package, in order (``rules()`` keeps them)."""
    return ordered(rule_modules())


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule the suite runs; its order is the order failures are explained in."""
    return discover()


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
