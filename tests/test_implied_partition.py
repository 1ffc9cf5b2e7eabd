"""Implied partitions (#16): shares of one whole, checked without a ``partition`` entry.

Found only where the measures name different parts of one whole, at one population and date:
the corpus's planted shares over 100 % are caught with no relation written, and shares of
one population that are not of different parts (women and children, and children) are never
grouped, nor shares of different wholes or dates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.engine import SCHEMA_ITEM, evaluate, load_articles
from factsuite.checking.implied import candidate_relations
from factsuite.checking.implied_partition import splits
from factsuite.files.article import load_article
from factsuite.reports.wording import failing_text
from tests.test_relations import corpus_copy, in_both, set_claim

PRIMARY = ("a", "2024-05-22-marlow-primary")
BUDGET = ("b", "2024-11-13-denver-budget")
CANDIDATES = "implied:partition[delgado-share-headline,ruiz-share,owens-share]"
FUND = (
    "implied:partition[public-safety-share,homelessness-share,transport-share,parks-share,"
    "other-share]"
)


def drop_relation(folder: Path, relation: str) -> None:
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["relations"] = [r for r in data["relations"] if r["id"] != relation]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def partitions(folder: Path) -> list[str]:
    names = [relation.id for relation in candidate_relations(load_article(folder), None)]
    return [name for name in names if name.startswith("implied:partition")]


def failed(folder: Path) -> dict[str, str]:
    articles = load_articles([folder])
    evaluation = evaluate(articles)
    return {
        outcome.item.name: failing_text("claims.yaml", outcome) or ""
        for outcome in evaluation.of(articles[0])
        if not outcome.passed and outcome.finding is None
    }


def test_the_corpus_implies_no_partition_its_relations_do_not_say(tmp_path: Path) -> None:
    """Where the writer wrote the partition, nothing more is implied."""
    for writer, slug in (PRIMARY, BUDGET, ("a", "2023-06-13-sudan-refugees")):
        assert partitions(corpus_copy(tmp_path / slug, writer, slug)) == []


def test_the_planted_shares_over_100_are_caught_with_no_relation(tmp_path: Path) -> None:
    """52 + 46 + 11 = 109 %: a headline and its lead count once; the threshold "more than 50
    percent" needed to avoid a runoff is no candidate's share and is left out."""
    folder = corpus_copy(tmp_path, *PRIMARY)
    drop_relation(folder, "candidates-shares")
    assert partitions(folder) == [CANDIDATES]
    text = failed(folder)[CANDIDATES]
    assert "[shares_within_100] Shares of one whole add up to more than 100 %." in text
    assert "This relation is implied, not written under relations" in text
    assert "their measures name different parts of one whole" in text
    assert f"ignore_implied: ['{CANDIDATES}']" in text


def test_mutation_corrected_share_passes_and_ignore_implied_switches_it_off(
    tmp_path: Path,
) -> None:
    folder = corpus_copy(tmp_path, *PRIMARY)
    drop_relation(folder, "candidates-shares")
    in_both(folder, "or 46 percent", "or 36 percent")
    set_claim(folder, "ruiz-share", value="36 percent")
    assert CANDIDATES not in failed(folder)

    off = corpus_copy(tmp_path / "off", *PRIMARY)
    drop_relation(off, "candidates-shares")
    path = off / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["ignore_implied"] = [CANDIDATES]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    failing = failed(off)
    assert CANDIDATES not in failing
    assert SCHEMA_ITEM not in failing


def test_the_budget_slices_are_one_whole_with_no_relation(tmp_path: Path) -> None:
    """ "share of the 2025 general fund for public safety", "... for parks and recreation":
    38 + 12 + 14 + 9 + 41 = 114 %."""
    folder = corpus_copy(tmp_path, *BUDGET)
    drop_relation(folder, "general-fund-shares")
    assert partitions(folder) == [FUND]
    assert "[shares_within_100]" in failed(folder)[FUND]


def test_false_alarm_shares_of_one_population_that_are_not_parts(tmp_path: Path) -> None:
    """ "nine in 10 are women and children ... half are children": 140 %, and right."""
    folder = corpus_copy(tmp_path, "a", "2023-06-13-sudan-refugees")
    assert partitions(folder) == []
    measles = corpus_copy(tmp_path / "m", "a", "2025-03-27-leicester-measles")
    assert partitions(measles) == []  # a third in hospital, half under 10, one in six adults


TWO = ["implied:partition[delgado-share-headline,ruiz-share]"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("population", "ballots cast in Harlan's last county executive election", TWO),
        ("as_of", "2020-06-01", TWO),
        ("status", "draft", TWO),
        (
            "measure",
            "share of the vote in the Democratic primary for county executive, Luis Ruiz "
            "among women",
            [],
        ),
    ],
)
def test_false_alarm_shares_of_different_wholes_are_not_grouped(
    tmp_path: Path, field: str, value: str, expected: list[str]
) -> None:
    """Owens's 11 % of another race, date, a draft, or a part within Ruiz's: with Ruiz's
    46 % and Delgado's 52 % it would pass 100 %, but they are no partition of one whole.
    A part within another's makes the whole group doubtful: none is implied."""
    folder = corpus_copy(tmp_path, *PRIMARY)
    drop_relation(folder, "candidates-shares")
    set_claim(folder, "owens-share", **{field: value})
    assert partitions(folder) == expected


def test_splits_read_whole_and_part_at_each_separator() -> None:
    assert splits("Share of the fund for parks, and libraries") == [
        ("share of the fund for parks", "and libraries"),
        ("share of the fund", "parks, and libraries"),
    ]
    assert splits("share of women and children") == []


STEMS = st.sampled_from(["share of the vote", "share of the vote in the primary"])
SEPARATORS = st.sampled_from([", ", " for "])
PARTS = st.sampled_from(["Ana Delgado", "Luis Ruiz", "Luis Ruiz among women"])
POPULATIONS = st.sampled_from(["ballots cast", "the ballots cast", "registered voters"])
DAYS = st.sampled_from(["2024-05-21", "2024-05-20"])


@settings(max_examples=40, deadline=None)
@given(
    st.tuples(STEMS, SEPARATORS, PARTS, POPULATIONS, DAYS),
    st.tuples(STEMS, SEPARATORS, PARTS, POPULATIONS, DAYS),
)
def test_a_partition_is_implied_only_for_different_parts_of_one_whole(
    tmp_path_factory: pytest.TempPathFactory, one: tuple[str, ...], other: tuple[str, ...]
) -> None:
    folder = tmp_path_factory.mktemp("article")
    (folder / "article.txt").write_text("She won 52 percent. He won 46 percent.\n", "utf-8")
    (folder / "meta.yaml").write_text(
        "headline: null\npublished: 2024-05-22\noutlet: null\nurl: null\n", "utf-8"
    )
    claims = ["claims:"]
    for name, quote, value, (stem, separator, part, population, day) in (
        ("a", "She won 52 percent", "52 percent", one),
        ("b", "He won 46 percent", "46 percent", other),
    ):
        claims += [
            f"  - id: {name}",
            f"    quote: {quote}",
            f"    value: {value}",
            "    unit: percent",
            f"    measure: {stem}{separator}{part}",
            f"    population: {population}",
            f"    as_of: {day}",
        ]
    (folder / "claims.yaml").write_text("\n".join(claims) + "\n", "utf-8")
    article = load_article(folder)
    assert article.is_valid
    first, second = one[2].split(), other[2].split()
    nested = first == second[: len(first)] or second == first[: len(second)]
    whole = one[0] == other[0]  # ", " and " for " both divide the whole from its part
    population = one[3].removeprefix("the ") == other[3].removeprefix("the ")
    implied = whole and not nested and population and one[4] == other[4]
    assert partitions(folder) == (["implied:partition[a,b]"] if implied else [])
