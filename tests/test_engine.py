"""checking/engine.py: what each article is planned to get, and what an evaluation keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

from factsuite.checking.engine import (
    COVERAGE_ITEM,
    SCHEMA_ITEM,
    evaluate,
    load_articles,
    plan,
)
from factsuite.files.reference_library import ReferenceLibrary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"


def test_the_plan_follows_the_claims_and_relations() -> None:
    (article,) = load_articles([SEED])
    reference = ReferenceLibrary().for_article(SEED)
    items = {item.name: item for item in plan(article, reference)}
    assert next(iter(items)) == SCHEMA_ITEM
    assert COVERAGE_ITEM in items
    assert "calendar[refugees-lead]" not in items  # a count has no calendar
    assert "calendar[invasion-announced]" in items
    share = items["share-holds-children"]
    assert share.rule == "share_of"
    assert share.claims == ("refugees-lead", "women-children-share", "children-refugees")
    assert items["body-matches-headline"].claims == ("refugees-headline", "refugees-body")
    assert "record[refugees-lead]" in items
    assert not any(item.draft for item in items.values())


def test_an_article_is_planned_once_per_reference() -> None:
    (article,) = load_articles([SEED])
    reference = ReferenceLibrary().for_article(SEED)
    assert plan(article, reference) is plan(article, reference)
    without = plan(article, None)
    assert "record[refugees-lead]" not in {item.name for item in without}


def test_a_draft_claim_marks_its_checks_draft(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(SEED, tmp_path / SEED.name))
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    claims.write_text(
        text.replace(
            "  - id: children-refugees\n", "  - id: children-refugees\n    status: draft\n"
        ),
        "utf-8",
    )
    (article,) = load_articles([folder])
    drafts = {item.name for item in plan(article, None) if item.draft}
    assert drafts == {
        "schema[children-refugees]",
        "grounding[children-refugees]",
        "children-within-refugees",
        "share-holds-children",
    }


def test_the_evaluation_keeps_every_claims_reading() -> None:
    evaluation = evaluate(load_articles([SEED]))
    (article,) = evaluation.articles
    assert article.claims is not None
    for claim in article.claims.claims:
        assert evaluation.reading_of(article, claim.id).error is None
    lead = evaluation.reading_of(article, "refugees-lead")
    assert lead.interval(evaluation.reading) is not None


def test_with_no_rules_only_the_engines_own_checks_can_fail() -> None:
    """The rules come from the rule set given; the seed's findings then no longer hold."""
    evaluation = evaluate(load_articles([SEED]), rule_set=())
    (article,) = evaluation.articles
    assert all(outcome.passed for outcome in evaluation.of(article))


def test_a_file_that_does_not_validate_fails_schema_with_its_located_errors(
    tmp_path: Path,
) -> None:
    folder = Path(shutil.copytree(SEED, tmp_path / SEED.name))
    claims = folder / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("qualifier:", "qualifer:", 1), "utf-8")
    evaluation = evaluate(load_articles([folder]))
    (article,) = evaluation.articles
    (outcome,) = evaluation.of(article)
    (problem,) = outcome.problems
    assert outcome.item.name == SCHEMA_ITEM
    assert problem.rule is None
    assert "unknown key 'qualifer'" in problem.summary
