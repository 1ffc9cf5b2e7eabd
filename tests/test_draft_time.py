"""The scaffold drafts ``tense: future`` and ``dated: true`` from the sentence, with a reason,
and only where the words say so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.engine import evaluate, load_articles
from factsuite.commands.draft_time import draft_dated, draft_tense
from factsuite.commands.scaffold import draft_claims, scaffold
from factsuite.files.article import CLAIMS_FILE
from factsuite.meaning.mentions import DATE_KINDS, find_mentions
from factsuite.meaning.tense import infer_tense

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


# -- the draft agrees with the checks' reading of its quote (trust4) -----------------------

SEPT_16 = date(2025, 9, 16)  # a Tuesday


def _drafted(tmp_path: Path, text: str) -> dict[str, dict[str, object]]:
    folder = scaffold(tmp_path / "article", text, SEPT_16)
    return {c["value"]: c for c in yaml.safe_load((folder / CLAIMS_FILE).read_text())["claims"]}


def test_dates_the_checks_read_ahead_are_drafted_ahead(tmp_path: Path) -> None:
    claims = _drafted(
        tmp_path,
        "Price cap to fall from October\n"
        "Public consultation on the cap runs until Oct. 21. The lower cap, Ofgem said, "
        "will apply from Oct. 1 to Dec. 31. The office surveyed 2,000 homes in August, "
        "and will publish its results on Feb. 12.\n",
    )
    ahead = {
        "October": date(2025, 10, 1),
        "Oct. 21": date(2025, 10, 21),
        "Oct. 1": date(2025, 10, 1),
        "Dec. 31": date(2025, 12, 31),
        "Feb. 12": date(2026, 2, 12),
    }
    for value, as_of in ahead.items():
        assert claims[value]["tense"] == "future", value
        assert claims[value]["as_of"] == as_of, value
    assert "tense" not in claims["August"]
    assert claims["August"]["as_of"] == date(2025, 8, 1)


def test_a_saying_and_a_past_stay_past(tmp_path: Path) -> None:
    claims = _drafted(
        tmp_path,
        "Bills cut\nBills will fall from Oct. 1, the regulator said on Monday. "
        "The strike ran until Sept. 3.\n",
    )
    assert "tense" not in claims["Monday"]
    assert claims["Monday"]["as_of"] == date(2025, 9, 15)
    assert "tense" not in claims["Sept. 3"]


_CLAUSES = st.sampled_from(
    [
        "The consultation runs until",
        "The consultation ran until",
        "Officials said on",
        "The rate will be set on",
        "Schools remain closed until",
        "Schools had to remain closed until",
        "The survey ended on",
    ]
)
_DAYS = st.sampled_from(["Monday", "Oct. 21", "Aug. 4", "Friday, Oct. 3"])


@settings(max_examples=60, deadline=None)
@given(clause=_CLAUSES, day=_DAYS, headline=st.sampled_from(["Rates", "Rates to rise on Friday"]))
def test_the_drafted_tense_is_the_checks_reading(clause: str, day: str, headline: str) -> None:
    """Whatever the sentence, a date the checks would read ahead from its drafted quote is
    drafted ``tense: future``: its ``as_of`` is read as the checks read it."""
    text = f"{headline}\n{clause} {day}, the ministry said.\n"
    for mention in find_mentions(text):
        if mention.kind not in DATE_KINDS:
            continue
        (draft,) = draft_claims(text, [mention], SEPT_16)
        checks = infer_tense(draft.quote, mention.value, text, SEPT_16)
        if checks == "future":
            assert draft.tense is not None, draft
            assert draft.tense.value == "future", draft
