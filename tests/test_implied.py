"""Implied relations: obvious relations checked without a relations: entry, conservatively."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.culprit import culprit_of
from factsuite.checking.engine import SCHEMA_ITEM, Evaluation, evaluate, load_articles, plan
from factsuite.checking.implied import candidate_relations
from factsuite.files.article import load_article
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.reports.wording import culprit_text, failing_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
HEADLINE_PAIR = "implied:same_figure[refugees-lead,refugees-headline]"
USER_PAIR = """\
  - id: headline-matches-lead
    rule: same_figure
    claims: [refugees-headline, refugees-lead]

"""


def _copy(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    folder = tmp_path / "facts" / SEED.name
    shutil.copytree(SEED, folder)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    for name, old, new in edits:
        path = folder / name
        text = path.read_text("utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), "utf-8")
    return folder


def _evaluate(folder: Path) -> Evaluation:
    return evaluate(load_articles([folder]))


def _implied(evaluation: Evaluation) -> list[str]:
    article = evaluation.articles[0]
    planned = plan(article, evaluation.library.for_article(article.folder))
    return [item.name for item in planned if item.name.startswith("implied:")]


def _failed(evaluation: Evaluation) -> set[str]:
    article = evaluation.articles[0]
    return {o.item.name for o in evaluation.of(article) if not o.passed and o.finding is None}


def test_the_seed_implies_nothing_its_relations_do_not_say() -> None:
    assert _implied(_evaluate(SEED)) == []


def test_a_forgotten_same_figure_is_implied_and_passes(tmp_path: Path) -> None:
    evaluation = _evaluate(_copy(tmp_path, ("claims.yaml", USER_PAIR, "")))
    assert _implied(evaluation) == [HEADLINE_PAIR]
    assert _failed(evaluation) == set()


def test_mutation_headline_figure_fails_the_implied_same_figure(tmp_path: Path) -> None:
    old, new = "More than 3.5 million people flee", "More than 4.5 million people flee"
    folder = _copy(
        tmp_path,
        ("claims.yaml", USER_PAIR, ""),
        ("article.txt", old, new),
        ("meta.yaml", old, new),
        (
            "claims.yaml",
            f'quote: "{old} Ukraine: UN"\n    value: 3.5',
            f'quote: "{new} Ukraine: UN"\n    value: 4.5',
        ),
    )
    evaluation = _evaluate(folder)
    assert _failed(evaluation) == {HEADLINE_PAIR, "record[refugees-headline]"}
    outcome = evaluation.outcome(evaluation.articles[0], HEADLINE_PAIR)
    text = failing_text("claims.yaml:86", outcome)
    assert text is not None
    assert "[figures_agree] Two mentions of the same figure" in text
    assert "This relation is implied, not written under relations" in text
    assert f"ignore_implied: ['{HEADLINE_PAIR}']" in text
    found = culprit_of(evaluation, evaluation.articles[0])
    assert found is not None
    assert "claim refugees-headline" in culprit_text(found)


def test_ignore_implied_switches_one_off_and_a_typo_is_located(tmp_path: Path) -> None:
    off = f"ignore_implied:\n  - {HEADLINE_PAIR}\n\nfindings:"
    evaluation = _evaluate(
        _copy(tmp_path, ("claims.yaml", USER_PAIR, ""), ("claims.yaml", "findings:", off))
    )
    assert _implied(evaluation) == []
    assert _failed(evaluation) == set()

    typo = "ignore_implied:\n  - implied:same_figure[a,b]\n\nfindings:"
    evaluation = _evaluate(_copy(tmp_path / "typo", ("claims.yaml", "findings:", typo)))
    schema = evaluation.outcome(evaluation.articles[0], SCHEMA_ITEM)
    assert "ignore_implied[1]: no implied relation is named 'implied:same_figure[a,b]'" in (
        schema.problems[0].summary
    )


def test_a_part_is_implied_from_the_population_vocabulary(tmp_path: Path) -> None:
    """Children who fled are part of people who fled (reference/populations.yaml)."""
    folder = _copy(
        tmp_path,
        (
            "claims.yaml",
            "as_of: 2022-03-15\n    attributed: UNICEF",
            "as_of: 2022-03-22\n    attributed: UNICEF",
        ),
        (
            "claims.yaml",
            "part: children-refugees\n    whole: refugees-lead",
            "part: children-refugees\n    whole: women-children-share",
        ),
    )
    article = load_article(folder)
    vocabulary = ReferenceLibrary().for_article(folder)
    assert vocabulary is not None
    names = [relation.id for relation in candidate_relations(article, vocabulary.populations)]
    assert "implied:part_of[children-refugees,refugees-lead]" not in names  # share_of names both
    assert "implied:part_of[children-refugees,refugees-headline]" in names


def test_mutation_children_exceed_the_whole_of_an_implied_part_of(tmp_path: Path) -> None:
    folder = _copy(
        tmp_path,
        (
            "claims.yaml",
            "as_of: 2022-03-15\n    attributed: UNICEF",
            "as_of: 2022-03-22\n    attributed: UNICEF",
        ),
        ("claims.yaml", "more than 1.5 million children", "more than 4.5 million children"),
        ("claims.yaml", "value: 1.5 million", "value: 4.5 million"),
        ("article.txt", "more than 1.5 million children", "more than 4.5 million children"),
    )
    evaluation = _evaluate(folder)
    name = "implied:part_of[children-refugees,refugees-headline]"
    assert name in _failed(evaluation)
    text = failing_text("x", evaluation.outcome(evaluation.articles[0], name))
    assert text is not None
    assert "[part_within_whole] A part cannot be larger than its whole." in text
    assert "the reference vocabulary (reference/populations.yaml) names one population" in text


UNITS = st.sampled_from(["people", "count"])
MEASURES = st.sampled_from(["refugees", "Refugees", "asylum claims"])
POPULATIONS = st.sampled_from(["people who fled", "people who have fled", "children who fled"])
DAYS = st.sampled_from(["2022-03-22", "2022-03-21"])
STATUS = st.sampled_from(["reviewed", "draft"])


@settings(max_examples=25, deadline=None)
@given(
    st.tuples(UNITS, MEASURES, POPULATIONS, DAYS, STATUS),
    st.tuples(UNITS, MEASURES, POPULATIONS, DAYS, STATUS),
)
def test_same_figure_is_implied_only_when_every_field_agrees(
    tmp_path_factory: pytest.TempPathFactory, one: tuple[str, ...], other: tuple[str, ...]
) -> None:
    folder = tmp_path_factory.mktemp("article")
    (folder / "article.txt").write_text("Some 10 fled. Then 10 more fled.\n", "utf-8")
    (folder / "meta.yaml").write_text(
        "headline: null\npublished: 2022-03-22\noutlet: null\nurl: null\n", "utf-8"
    )
    claims = ["claims:"]
    for name, quote, (unit, measure, population, day, status) in (
        ("a", "Some 10 fled", one),
        ("b", "Then 10 more", other),
    ):
        claims += [
            f"  - id: {name}",
            f"    quote: {quote}",
            "    value: '10'",
            f"    unit: {unit}",
            f"    measure: {measure}",
            f"    population: {population}",
            f"    as_of: {day}",
            f"    status: {status}",
        ]
    (folder / "claims.yaml").write_text("\n".join(claims) + "\n", "utf-8")
    article = load_article(folder)
    assert article.is_valid
    implied = [relation.id for relation in candidate_relations(article, None)]
    same = (
        one[0] == other[0]
        and one[1].casefold() == other[1].casefold()
        and one[2].replace("have ", "") == other[2].replace("have ", "")
        and one[3] == other[3]
        and one[4] == other[4] == "reviewed"
    )
    assert implied == (["implied:same_figure[a,b]"] if same else [])
