"""docs/architecture.md's worked example of adding a rule, run exactly as the page shows it.

The page's Python block is saved as a module of ``factsuite.checking.rules`` (in a folder
added to the package's path), so the registry finds it as it would find a new file there; it
is imported once per process (a pandera check name can be registered only once).  The rule
must take its place among the claims table's rules, pass on the seed, fail on a mutated copy
with the very message the page prints, and fail nothing without it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import factsuite.checking.rules as rules_package
from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.checking.rule import Rule
from factsuite.checking.rules import discover, rules
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "architecture.md").read_text("utf-8")
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
ITEM = "schema[children-refugees]"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, flags=re.DOTALL)


@pytest.fixture(scope="session")
def module_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the page's module, as ``checking/rules/count_is_whole.py`` would."""
    (module,) = _blocks("python")
    folder = tmp_path_factory.mktemp("new-rule")
    (folder / "count_is_whole.py").write_text(module, "utf-8")
    return folder


@pytest.fixture
def with_new_rule(module_folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Rule, ...]:
    """Every rule the registry finds with the page's module in the package."""
    rules()  # the suite's own rules are kept before the package grows
    monkeypatch.setattr(rules_package, "__path__", [*rules_package.__path__, str(module_folder)])
    return discover()


def _evaluate(folder: Path, rule_set: tuple[Rule, ...]) -> Evaluation:
    return evaluate(load_articles([folder]), rule_set=rule_set)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (name, old)
    path.write_text(text.replace(old, new), "utf-8")


def _half_children(folder: Path) -> None:
    """The page's mutation: 'more than 1.5 million children' loses its million."""
    old, new = "more than 1.5 million children", "more than 1.5 children"
    _edit(folder, "article.txt", old, new)
    _edit(folder, "claims.yaml", old, new)
    _edit(folder, "claims.yaml", "value: 1.5 million", "value: '1.5'")


def test_the_registry_finds_the_module_and_places_it_by_its_order(
    with_new_rule: tuple[Rule, ...],
) -> None:
    claims = [rule.name for rule in with_new_rule if rule.table == "claims"]
    assert claims.index("count_is_whole") == claims.index("share_within_bounds") + 1
    assert [rule for rule in with_new_rule if rule.name != "count_is_whole"] == list(rules())


def test_the_example_rule_passes_on_the_seed(with_new_rule: tuple[Rule, ...]) -> None:
    evaluation = _evaluate(SEED, with_new_rule)
    (article,) = evaluation.articles
    assert evaluation.outcome(article, ITEM).passed
    assert not any(
        problem.rule == "count_is_whole" for o in evaluation.of(article) for problem in o.problems
    )


def test_the_example_rule_fails_a_mutated_article_as_the_page_says(
    seed_copy: Path, with_new_rule: tuple[Rule, ...]
) -> None:
    _half_children(seed_copy)
    evaluation = _evaluate(seed_copy, with_new_rule)
    (article,) = evaluation.articles
    outcome = evaluation.outcome(article, ITEM)
    (shown,) = _blocks("text")
    assert problem_texts(outcome) == [shown.rstrip("\n")]
    (problem,) = outcome.problems
    assert problem.rule == "count_is_whole"
    assert [claim.claim for claim in problem.claims] == ["children-refugees"]


def test_without_the_rule_the_mutation_passes_that_item(seed_copy: Path) -> None:
    """So it is the new rule, and nothing else, that catches it."""
    _half_children(seed_copy)
    evaluation = evaluate(load_articles([seed_copy]))
    (article,) = evaluation.articles
    assert evaluation.outcome(article, ITEM).passed
