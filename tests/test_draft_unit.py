"""The scaffold drafts the unit the words ask for: ``points`` for percentage points,
``percent_change`` for a percentage that is the size of a change ("up 9 percent"), and
``money`` for a figure with a currency written after it ("4,500 crowns")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.engine import SCHEMA_ITEM, evaluate, load_articles
from factsuite.commands.draft_unit import draft_unit
from factsuite.commands.scaffold import scaffold
from factsuite.files.article import CLAIMS_FILE
from factsuite.meaning.mentions import find_mentions


def _unit(text: str, figure: str) -> str:
    mention = next(m for m in find_mentions(text) if m.text.endswith(figure))
    field = draft_unit(text, mention)
    return mention.unit if field is None else field.value


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("Turnout fell 3.2 percentage points in May.", "3.2 percentage points", "points"),
        ("Food prices were up 9 percent in May.", "9 percent", "percent_change"),
        ("Sales rose 12 percent from a year earlier.", "12 percent", "percent_change"),
        ("Regular pay grew by 4.9 per cent.", "4.9 per cent", "percent_change"),
        ("The union won a 5 percent pay rise.", "5 percent", "percent_change"),
        ("Rents are about 20 percent higher than in 2021.", "20 percent", "percent_change"),
        ("It asked for a rise of 8% this year.", "8%", "percent_change"),
        # near misses: levels and shares stay percent
        ("The jobless rate rose to 6.4 percent.", "6.4 percent", "percent"),
        ("Turnout was 64 percent, up from 61 percent.", "61 percent", "percent"),
        ("Turnout was 64 percent, up from 61 percent.", "64 percent", "percent"),
        ("Fees went up to 9 percent of income.", "9 percent", "percent"),
        ("Children make up more than 70 percent of cases.", "70 percent", "percent"),
        ("Exports account for 5 percent of growth.", "5 percent", "percent"),
        ("The budget has grown by nearly half since 2019.", "half", "percent"),
    ],
)
def test_a_percentage_gets_the_unit_its_words_ask_for(text: str, figure: str, unit: str) -> None:
    assert _unit(text, figure) == unit


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The fine is 4,500 crowns.", "4,500 crowns"),
        ("The city will spend 20 million euros on buses.", "20 million euros"),
        ("The club paid 40 million pounds for him.", "40 million pounds"),
        ("A month of care costs 38,000 kronor.", "38,000 kronor"),
        ("Fees rose to 2,000 Swiss francs.", "2,000 Swiss francs"),
        ("It was valued at between 15 million and 20 million euros.", "15 million"),
    ],
)
def test_a_currency_written_after_the_figure_is_money(text: str, figure: str) -> None:
    assert _unit(text, figure) == "money"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The team has won 3 titles.", "3"),
        ("It dropped a 500-pound bomb.", "500"),
        ("Some 15 people and 20 million euros were involved.", "15"),
    ],
)
def test_a_figure_without_a_currency_stays_a_count(text: str, figure: str) -> None:
    assert _unit(text, figure) != "money"


@given(
    verb=st.sampled_from(["rose", "fell", "was up", "was down", "grew by", "jumped", "climbed"]),
    figure=st.sampled_from(["9 percent", "12.5%", "0.4 per cent", "150 percent"]),
)
def test_a_change_verb_makes_a_percent_change_and_a_level_does_not(verb: str, figure: str) -> None:
    assert _unit(f"Output {verb} {figure} in May.", figure) == "percent_change"
    level = verb.split()[-1] if verb.startswith("was") else verb.removesuffix(" by")
    assert _unit(f"Output {level} to {figure} in May.", figure) == "percent"


def test_the_drafted_units_load_and_are_commented(tmp_path: Path) -> None:
    text = (
        "Prices up 9 percent\n"
        "Prices rose 9 percent in May, and the jobless rate fell 0.3 percentage points "
        "to 4.1 percent. The city fined the firm 4,500 crowns.\n"
    )
    folder = scaffold(tmp_path / "prices", text, date(2025, 6, 18))
    drafted = (folder / CLAIMS_FILE).read_text("utf-8")
    claims = yaml.safe_load(drafted)["claims"]
    units = {c["value"]: c["unit"] for c in claims}
    assert units["9 percent"] == "percent_change"
    assert units["0.3 percentage points"] == "points"
    assert units["4.1 percent"] == "percent"
    assert units["4,500"] == "money"
    assert '# "rose" before it: a percent change, not a share' in drafted
    # reviewed as drafted, each value reads in its drafted unit
    (folder / CLAIMS_FILE).write_text(drafted.replace("status: draft", "status: reviewed"))
    evaluation = evaluate(load_articles([folder]))
    article = evaluation.articles[0]
    assert evaluation.outcome(article, SCHEMA_ITEM).passed
    checked = [o for o in evaluation.of(article) if o.item.name.startswith("schema[")]
    assert len(checked) == len(claims)
    assert [o.problems for o in checked if not o.passed] == []
