"""Dates take only the date qualifiers (``late``, ``early``): "counted up to Monday",
"valid until Friday", "by Oct. 3" ground with no qualifier, and the scaffold drafts them so.
A count's "up to 400" and a date's "Late Monday" still need theirs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.engine import evaluate, load_articles
from factsuite.commands.scaffold import scaffold
from factsuite.files.article import CLAIMS_FILE
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.lexicon import load_lexicon

FIGURE_SPELLINGS = sorted(
    spelling
    for entry in load_lexicon().qualifiers
    if entry.name and "date" not in entry.kinds
    for spelling in entry.spellings
)
DATE_SPELLINGS = sorted(
    spelling
    for entry in load_lexicon().qualifiers
    if "date" in entry.kinds
    for spelling in entry.spellings
)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("Ballots had been counted up to Monday", "Monday"),
        ("The offer is valid until Friday, Oct. 3", "Oct. 3"),
        ("Payments must be made by Oct. 3", "Oct. 3"),
        ("Shops stayed open up to Dec. 24", "Dec. 24"),
    ],
)
def test_a_preposition_before_a_date_is_no_qualifier(quote: str, value: str) -> None:
    assert figure_problem(quote, value, "", "date") is None


def test_a_date_qualifier_and_a_count_qualifier_are_still_needed() -> None:
    assert figure_problem("Late Monday, officials said", "Monday", "", "date") is not None
    assert figure_problem("Late Monday, officials said", "Monday", "late", "date") is None
    assert figure_problem("up to 400 people were evacuated", "400", "", "people") is not None
    assert figure_problem("up to 400 people were evacuated", "400", "up to", "people") is None


@given(
    spelling=st.sampled_from(FIGURE_SPELLINGS),
    day=st.sampled_from(["Monday", "March 3", "Oct. 21", "2024"]),
)
def test_no_figure_qualifier_hedges_a_date(spelling: str, day: str) -> None:
    """Whatever figure qualifier stands before a date, a date claim need not take it; a
    claim of a count with the same words still must."""
    quote = f"the votes were counted {spelling} {day}"
    assert figure_problem(quote, day, "", "date") is None
    if not load_lexicon().may_leave_out(spelling):
        assert figure_problem(f"{spelling} 400 votes", "400", "", "count") is not None


@given(spelling=st.sampled_from(DATE_SPELLINGS))
def test_a_date_qualifier_is_never_left_out(spelling: str) -> None:
    assert figure_problem(f"{spelling} Monday, officials said", "Monday", "", "date") is not None


def test_the_scaffold_quotes_the_clause_with_no_qualifier(tmp_path: Path) -> None:
    text = (
        "Recount under way\n"
        "Election officials said 41,200 ballots had been counted up to Monday, "
        "and the rest would follow.\n"
    )
    folder = scaffold(tmp_path / "recount", text, date(2025, 3, 27))
    claims = {c["value"]: c for c in yaml.safe_load((folder / CLAIMS_FILE).read_text())["claims"]}
    monday = claims["Monday"]
    assert "up to Monday" in monday["quote"]
    assert "qualifier" not in monday
    evaluation = evaluate(load_articles([folder]))
    article = evaluation.articles[0]
    failing = [
        o.item.name
        for o in evaluation.of(article)
        if o.item.name.startswith("grounding[") and not o.passed
    ]
    assert failing == []
