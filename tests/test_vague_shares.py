"""Vague shares (#16): "most", "the majority", "mostly" are a share above one half.

They are read as figures only where a claim's unit is percent (a part of a whole), so that
they can take part in ``share_count`` and ``partition``; elsewhere they are no figure.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factsuite.meaning.intervals import Interval
from factsuite.meaning.lexicon import Reading, load_lexicon
from factsuite.meaning.numbers import NumberError, VagueCount, parse_figure
from factsuite.meaning.readings import read_figure
from tests.test_relations import (
    add_relation,
    assert_fails,
    corpus_copy,
    in_both,
    problems,
    set_claim,
)

SPELLINGS = ("most", "Most of", "the majority", "the majority of", "a majority", "mostly")


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_most_and_the_majority_are_a_share_above_half(spelling: str) -> None:
    figure = parse_figure(spelling, "percent")
    assert isinstance(figure, VagueCount)
    assert figure.entry is load_lexicon().vague_share("most")
    reading = read_figure(spelling, "", "percent")
    assert reading.intervals[Reading.STRICT] == Interval(Fraction(50), Fraction(100), False, True)
    assert reading.intervals[Reading.PRAGMATIC] == Interval(
        Fraction(50), Fraction(100), False, False
    )


@pytest.mark.parametrize("unit", ["people", "count", "percent_change", "days"])
def test_most_is_no_count_or_change(unit: str) -> None:
    """ "most voters" is no number of voters: the error says to write it as a share."""
    with pytest.raises(NumberError, match="share of a whole: write it with unit percent"):
        parse_figure("most", unit)


def test_most_takes_no_qualifier() -> None:
    assert str(read_figure("most", "about", "percent").error) == (
        "a vague count or share takes no qualifier"
    )


def test_most_is_not_a_mention_of_raw_text() -> None:
    """ "the most infectious diseases" states no figure: coverage must not ask for a claim."""
    assert "most" not in load_lexicon().vague_spellings


@given(st.fractions(min_value=0, max_value=100))
def test_most_holds_exactly_the_shares_above_half(share: Fraction) -> None:
    strict = read_figure("the majority", "", "percent").intervals[Reading.STRICT]
    pragmatic = read_figure("the majority", "", "percent").intervals[Reading.PRAGMATIC]
    assert (share in strict) == (share > 50)
    assert (share in pragmatic) == (50 < share < 100)


# -- in share_count: "nearly a third of patients needing hospital treatment, most of them
#    children under five" beside "68 patients have been admitted ..., of whom 51 are aged
#    under five" (Leicester, corpus/tuning/a).

MEASLES = ("a", "2025-03-27-leicester-measles")
MOST_UNDER_FIVE = {
    "id": "most-admitted-under-five",
    "quote": "most of them children under five",
    "value": "most",
    "unit": "percent",
    "measure": "share of hospital patients aged under five",
    "population": "measles patients admitted to hospital in Leicester",
    "as_of": "2025-03-27",
}
RELATION = {
    "id": "under-five-share-of-admitted",
    "rule": "share_count",
    "share": "most-admitted-under-five",
    "part": "admitted-under-five",
    "whole": "admitted",
}


def _with_most(tmp_path: Path) -> Path:
    folder = corpus_copy(tmp_path, *MEASLES)
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["claims"].append(MOST_UNDER_FIVE)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    add_relation(folder, RELATION)
    return folder


def test_most_of_them_matches_51_of_68(tmp_path: Path) -> None:
    folder = _with_most(tmp_path)
    for reading in Reading:
        assert problems(folder, RELATION["id"], reading) == []
    assert problems(folder, "grounding[most-admitted-under-five]") == []


def test_most_fails_when_the_part_is_under_half(tmp_path: Path) -> None:
    """The careless writer's 21 of 68 under five is 31 %: not "most of them"."""
    folder = _with_most(tmp_path)
    in_both(folder, "of whom 51 are aged under five", "of whom 21 are aged under five")
    set_claim(folder, "admitted-under-five", value="21")
    assert_fails(
        problems(folder, RELATION["id"]),
        "share_matches_counts",
        '"most" reads as (50 %, 100 %)',
        "of the whole)",
    )
