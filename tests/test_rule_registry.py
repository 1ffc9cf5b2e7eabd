"""The registry of ``checking/rules/``: every module is a rule, placed by table and ORDER,
and a module declared wrongly is refused by name rather than silently skipped."""

from __future__ import annotations

from types import ModuleType

import pandera.pandas as pa
import pytest

from factsuite.checking.rule import RELATION_ITEM, Rule
from factsuite.checking.rules import TABLES, ordered, rule_modules, rules
from factsuite.checking.rules.readable import explain


def _module(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(f"factsuite.checking.rules.{name}")
    for key, value in attributes.items():
        setattr(module, key, value)
    return module


def _rule(name: str, table: str) -> Rule:
    return Rule(name, table, RELATION_ITEM, pa.Check.greater_than(0), explain)


def test_every_module_declares_rules_and_each_table_keeps_its_modules_apart() -> None:
    assert rule_modules()
    assert ordered(rule_modules()) == rules()
    assert [TABLES.index(rule.table) for rule in rules()] == sorted(
        TABLES.index(rule.table) for rule in rules()
    )


def test_rules_go_by_table_then_order_then_place_in_their_module() -> None:
    late = _module("late", ORDER=20, RULES=(_rule("b1", "part_of"), _rule("b2", "claims")))
    early = _module("early", ORDER=10, RULES=(_rule("a1", "part_of"), _rule("a2", "part_of")))
    assert [rule.name for rule in ordered((late, early))] == ["b2", "a1", "a2", "b1"]


def test_a_module_without_order_or_rules_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match=r"rules\.no_order has no ORDER"):
        ordered((_module("no_order", RULES=()),))
    with pytest.raises(TypeError, match=r"rules\.listed has no RULES"):
        ordered((_module("listed", ORDER=1, RULES=[_rule("a", "claims")]),))


def test_two_modules_sharing_an_order_on_one_table_are_refused() -> None:
    first = _module("first", ORDER=10, RULES=(_rule("a", "spans"),))
    second = _module("second", ORDER=10, RULES=(_rule("b", "spans"),))
    with pytest.raises(ValueError, match="both have ORDER 10 on the spans table"):
        ordered((first, second))
    assert len(ordered((first, _module("other", ORDER=10, RULES=(_rule("c", "before"),))))) == 2


def test_a_rule_for_a_table_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="no table 'nowhere'"):
        ordered((_module("lost", ORDER=1, RULES=(_rule("a", "nowhere"),)),))
