"""docs/architecture.md's worked example of adding a rule, run exactly as the page shows it.

The page's Python blocks are executed once, at import (a pandera check name can be
registered only once per process); the rule they define must pass on the seed, fail on a
mutated copy with the very message the page prints, and fail nothing without the rule.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from factsuite.checking.engine import evaluate, load_articles
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "architecture.md").read_text("utf-8")
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
ITEM = "schema[children-refugees]"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, flags=re.DOTALL)


EXAMPLE: dict[str, Any] = {}
exec(compile("\n".join(_blocks("python")), "docs/architecture.md", "exec"), EXAMPLE)


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


def test_the_example_rule_passes_on_the_seed() -> None:
    evaluation = EXAMPLE["evaluate_with_new_rule"](SEED)
    (article,) = evaluation.articles
    assert evaluation.outcome(article, ITEM).passed
    assert not any(
        problem.rule == "count_is_whole" for o in evaluation.of(article) for problem in o.problems
    )


def test_the_example_rule_fails_a_mutated_article_as_the_page_says(seed_copy: Path) -> None:
    _half_children(seed_copy)
    evaluation = EXAMPLE["evaluate_with_new_rule"](seed_copy)
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
