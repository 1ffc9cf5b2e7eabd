"""The scaffold drafts ``tense: future`` and ``dated: true`` from the sentence, with a reason,
and only where the words say so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from factsuite.checking.engine import evaluate, load_articles
from factsuite.commands.draft_time import draft_dated, draft_tense
from factsuite.commands.scaffold import scaffold
from factsuite.files.article import CLAIMS_FILE
from factsuite.meaning.mentions import find_mentions

PUBLISHED = date(2025, 3, 27)  # a Thursday


def _tense(text: str, figure: str) -> str | None:
    mention = next(m for m in find_mentions(text) if m.text.endswith(figure))
    field = draft_tense(text, mention, PUBLISHED)
    return None if field is None else field.value


def _dated(text: str, figure: str) -> str | None:
    mentions = find_mentions(text)
    mention = next(m for m in mentions if m.text.endswith(figure))
    field = draft_dated(text, mention, mentions)
    return None if field is None else field.value


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Clinics will now stay open until 30 April.", "30 April"),
        ("The strike is due to end on Monday, March 31.", "March 31"),
        ("The vote is expected to take place in May, officials said.", "May"),
        ("The goal is 78 percent by March 2026.", "March 2026"),
    ],
)
def test_a_date_the_text_looks_ahead_to_is_future(text: str, figure: str) -> None:
    assert _tense(text, figure) == "future"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "The Kremlin said earlier this month that it would halt the operation.",
            "earlier this month",
        ),
        ("Economists had forecast a rate of 6.5 percent for February.", "February"),
        ("The clinic opened on 3 March and will stay open.", "will stay open"),
        ("Cases rose last week and will rise again, officials said.", "last week"),
        ("The council met on Tuesday.", "Tuesday"),
    ],
)
def test_a_past_date_is_not_made_future(text: str, figure: str) -> None:
    if figure == "will stay open":
        figure = "3 March"  # "will" belongs to the verb after "and"
    assert _tense(text, figure) is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The agency's count stood at 450,000 on June 4.", "450,000"),
        ("As of March 3, some 1,200 people had registered.", "1,200"),
        ("The unemployment rate was 6.2 percent in June.", "6.2 percent"),
        ("The death toll rose to 87 on Tuesday, officials said.", "87"),
    ],
)
def test_a_figure_its_sentence_dates_is_dated(text: str, figure: str) -> None:
    assert _dated(text, figure) == "true"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Cases have climbed to 347 since the outbreak began in October.", "347"),
        ("The union offered an 11 percent rise and said on Monday it would wait.", "11 percent"),
        ("The list fell by about 20,000 to 7.62 million at the end of July.", "20,000"),
        ("More than 3.5 million people have fled so far this month.", "3.5 million"),
    ],
)
def test_a_figure_its_sentence_does_not_date_is_left_alone(text: str, figure: str) -> None:
    assert _dated(text, figure) is None


def test_the_drafted_tense_keeps_a_scheduled_date_passing(tmp_path: Path) -> None:
    text = "Clinics extended\nThe clinics opened on 3 March and until 30 April will stay open.\n"
    folder = scaffold(tmp_path / "clinics", text, PUBLISHED)
    claims_file = folder / CLAIMS_FILE
    drafted = claims_file.read_text("utf-8")
    claims = {c["value"]: c for c in yaml.safe_load(drafted)["claims"]}
    assert claims["30 April"]["tense"] == "future"
    assert claims["30 April"]["as_of"] == date(2025, 4, 30)
    assert "tense" not in claims["3 March"]
    assert '# "will" in its clause' in drafted

    def failures() -> list[str]:
        evaluation = evaluate(load_articles([folder]))
        article = evaluation.articles[0]
        return [o.item.name for o in evaluation.of(article) if not o.passed]

    assert failures() == []
    claims_file.write_text(drafted.replace("    tense: future", ""), "utf-8")
    # without the drafted tense, "30 April" is read as last year's, not the as_of drafted
    assert failures() != []
