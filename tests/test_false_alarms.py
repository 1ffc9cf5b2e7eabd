"""The classes of false alarm the labelled corpus showed (#14), each fixed in meaning/ and
each still catching a real error of the same shape.

Every mutation copies a corpus article (``corpus/tuning`` or the old ``corpus/holdout``,
scored once and open to tuning since) with its writer's ``reference/``, makes the edit a
careless writer or encoder would, and asserts that the check that should fail does, with
words that say why.  The unmutated article passes those same checks.
"""

from __future__ import annotations

import calendar
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.engine import evaluate, load_articles
from factsuite.files.model import Claim
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.context import anchor_of
from factsuite.meaning.dated import is_dated
from factsuite.meaning.dates import DateSpan, parse_date
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.inclusive import counting
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
INFLATION = ("holdout", "b", "2024-06-19-uk-inflation-may")
LABOUR = ("holdout", "b", "2024-10-15-uk-labour-market")
MPOX = ("holdout", "b", "2024-08-16-congo-mpox")
RAIL = ("tuning", "b", "2024-01-24-german-rail-strike")
MEASLES = ("tuning", "b", "2024-01-26-west-midlands-measles")


def corpus_copy(tmp_path: Path, part: str, writer: str, slug: str) -> Path:
    folder = tmp_path / "facts" / slug
    shutil.copytree(ROOT / "corpus" / part / writer / "facts" / slug, folder)
    reference = ROOT / "corpus" / part / writer / "reference"
    if reference.is_dir():
        shutil.copytree(reference, tmp_path / "reference")
    return folder


def failing(folder: Path) -> dict[str, str]:
    """The failing items of the article, each with its explanation's text."""
    library = ReferenceLibrary()
    articles = load_articles([folder], library)
    evaluation = evaluate(articles, library=library)
    return {
        outcome.item.name: "\n".join(problem_texts(outcome))
        for outcome in evaluation.of(articles[0])
        if not outcome.passed and outcome.finding is None
    }


def in_text(folder: Path, old: str, new: str, file: str = "article.txt") -> None:
    path = folder / file
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new), "utf-8")


def set_claim(folder: Path, claim: str, **fields: object) -> None:
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    (entry,) = [c for c in data["claims"] if c["id"] == claim]
    entry.update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


@dataclass(frozen=True)
class Case:
    """A false alarm that no longer fails, and a real error of its shape that does."""

    article: tuple[str, str, str]
    fixed: tuple[str, ...]
    """Items that failed as false alarms before the fix, and must pass unmutated."""
    texts: tuple[tuple[str, str], ...]
    """Edits made in article.txt, and in claims.yaml where its quotes hold them."""
    claims: tuple[tuple[str, dict[str, object]], ...]
    """Claim fields the encoder sets after the edit."""
    fails: str
    words: str


CASES = {
    # 1. Future dates: a scheduled date that has passed is still an error.
    "a scheduled date already past": Case(
        INFLATION,
        ("calendar[election-day]", "schema[election-day]", "election-called-before-polling"),
        (("ahead of the July 4 national", "ahead of the May 4 national"),),
        (("election-day", {"value": "May 4", "as_of": "2024-05-04"}),),
        "calendar[election-day]",
        "4 May 2025",
    ),
    "a forecast in the past perfect": Case(
        INFLATION,
        ("calendar[first-cut-expected]", "schema[first-cut-expected]"),
        (("Most economists expect the first", "Most economists had expected the first"),),
        (),
        "calendar[first-cut-expected]",
        "August 2023",
    ),
    "a wrong weekday on a scheduled date": Case(
        LABOUR,
        ("calendar[next-decision]", "schema[next-decision]", "calendar[budget-day]"),
        (("cut on Nov. 7", "cut on Wednesday, Nov. 7"),),
        (("next-decision", {"value": "Wednesday, Nov. 7"}),),
        "calendar[next-decision]",
        "not a Wednesday",
    ),
    # 2. Verbs: the floor verb and "up to" after a verb of movement still need the right hedge.
    "a ceiling for a floor verb": Case(
        MPOX,
        ("grounding[cases-headline]",),
        (),
        (("cases-headline", {"qualifier": "less than"}),),
        "grounding[cases-headline]",
        'the quote has "pass" before "15,600"',
    ),
    "a hedge read into a verb's particle": Case(
        LABOUR,
        ("grounding[employment-rate]",),
        (),
        (("employment-rate", {"qualifier": "less than"}),),
        "grounding[employment-rate]",
        'the quote has "up to" before "74.9 percent"',
    ),
    # 3. "over" a duration: the period, but a wrong hedge still fails.
    "a wrong hedge on a period": Case(
        RAIL,
        ("grounding[offer-term]",),
        (),
        (("offer-term", {"qualifier": "less than"}),),
        "grounding[offer-term]",
        'the quote has "over" before "32 months"',
    ),
    # 4. Dates counted from another date: a wrong as_of is still uncovered.
    "the previous week of another week": Case(
        MPOX,
        ("coverage",),
        (),
        (("cases-previous-week", {"as_of": "2024-07-21"}),),
        "coverage",
        '"previous week" (relative_date)',
    ),
    # 5. A figure dated by its "when" clause: without it, the stale figure is caught.
    "a current figure long replaced": Case(
        INFLATION,
        ("stale[cpi-july-2021]",),
        (("July 2021, when inflation was also 2.0", "July 2021; inflation is also 2.0"),),
        (("cpi-july-2021", {"quote": "inflation is also 2.0 percent"}),),
        "stale[cpi-july-2021]",
        "out of date",
    ),
    # 6. Spans counted either way where the words do not say (a plain "from X to Y"):
    # a range two days too long is caught under either count.
    "a three-day stoppage of five days": Case(
        RAIL,
        ("earlier-strike-span",),
        (("from Jan. 10 to Jan. 12", "from Jan. 10 to Jan. 14"),),
        (("earlier-strike-end", {"value": "Jan. 14", "as_of": "2024-01-14"}),),
        "earlier-strike-span",
        "both end days counted",
    ),
    "seven days to a day of nine": Case(
        MEASLES,
        ("latest-week-span",),
        (),
        (),
        "latest-week-span",
        "both end days counted",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_the_false_alarm_is_gone_and_its_real_error_caught(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    clean = corpus_copy(tmp_path / "clean", *case.article)
    assert not set(case.fixed) & set(failing(clean))
    folder = corpus_copy(tmp_path / "mutated", *case.article)
    for old, new in case.texts:
        in_text(folder, old, new)
        if old in (folder / "claims.yaml").read_text("utf-8"):  # a quote follows its text
            in_text(folder, old, new, "claims.yaml")
    for claim, fields in case.claims:
        set_claim(folder, claim, **fields)
    if name == "seven days to a day of nine":  # the start of "the seven days" two days early
        in_text(folder, "start: '2024-01-18'", "start: '2024-01-16'", "claims.yaml")
    failures = failing(folder)
    assert case.fails in failures, sorted(failures)
    assert case.words in failures[case.fails]


# -- units and properties of the readings behind the fixes ----------------------------------


PUSHING = "pushing the rate for those aged 16 to 64 up to 74.9 percent"


@pytest.mark.parametrize(
    ("quote", "value", "unit", "qualifier", "grounds"),
    [
        ("an 11 percent pay rise over 32 months", "32 months", "months", "", True),
        ("an 11 percent pay rise over 32 months", "32 months", "months", "more than", True),
        ("unemployed for over two years", "two years", "years", "more than", True),
        ("over 3 million people fled", "3 million", "people", "", False),
        ("over 3 million people fled", "3 million", "people", "more than", True),
        ("revised up to 44,000", "44,000", "count", "", True),
        (
            "pushing the rate for those aged 16 to 64 up to 74.9 percent",
            "74.9 percent",
            "percent",
            "",
            True,
        ),
        (
            "pushing the rate for those aged 16 to 64 up to 74.9 percent",
            "74.9 percent",
            "percent",
            "at most",
            True,
        ),
        ("the fund will cover up to 500 families", "500", "people", "", False),
        ("pushed on, and up to 500 families", "500", "people", "", False),
    ],
)
def test_spellings_that_hedge_nothing_in_place(
    quote: str, value: str, unit: str, qualifier: str, grounds: bool
) -> None:
    assert (figure_problem(quote, value, qualifier, unit) is None) is grounds


def _claim(quote: str, value: str, unit: str = "percent", as_of: str = "2021-07-31") -> Claim:
    return Claim.model_validate(
        {
            **{"id": "c", "quote": quote, "value": value, "unit": unit, "measure": "m"},
            **{"population": "p", "as_of": as_of},
        }
    )


def test_a_when_clause_dates_the_figure_its_date_names() -> None:
    text = "H\nIt was the lowest since July 2021, when inflation was also 2.0 percent."
    claim = _claim("when inflation was also 2.0 percent", "2.0 percent")
    assert is_dated(claim, text)
    assert not is_dated(claim)  # the quote alone names no date
    current = "H\nPrices rose, when inflation was also 2.0 percent."
    assert not is_dated(claim, current)


JUNE_19 = date(2024, 6, 19)


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("a year earlier", DateSpan(date(2023, 6, 1), date(2023, 6, 30))),
        ("the same month last year", DateSpan(date(2023, 6, 1), date(2023, 6, 30))),
        ("the previous quarter", DateSpan(date(2024, 3, 1), date(2024, 5, 31))),
        ("a month earlier", DateSpan(date(2024, 5, 1), date(2024, 5, 31))),
        ("two weeks ago", DateSpan(date(2024, 6, 5), date(2024, 6, 5))),
        ("three days earlier", DateSpan(date(2024, 6, 16), date(2024, 6, 16))),
    ],
)
def test_periods_counted_back(phrase: str, span: DateSpan) -> None:
    assert parse_date(phrase, JUNE_19) == span


def test_a_phrase_counted_from_another_date_reads_from_its_sentence() -> None:
    """ "the previous week" after "the week of Aug. 5 to Aug. 11" is the week of 29 July;
    read from publication (16 August) it would be 5 to 11 August."""
    text = "H\nCases in the week of Aug. 5 to Aug. 11 fell from 1,130 the previous week."
    published = date(2024, 8, 16)
    anchor = anchor_of(
        "the previous week", "1,130 the previous week", text, published, date(2024, 8, 4)
    )
    assert date(2024, 8, 4) in parse_date("the previous week", anchor)
    wrong = anchor_of(
        "the previous week", "1,130 the previous week", text, published, date(2024, 7, 21)
    )
    assert wrong == published  # no date of the sentence names it: read from publication


_COUNT = st.integers(min_value=1, max_value=6)
_ANCHOR = st.dates(min_value=date(10, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    _ANCHOR,
    _COUNT,
    st.sampled_from(["day", "week", "month", "year"]),
    st.sampled_from(["earlier", "ago", "before"]),
)
def test_a_period_counted_back_lies_before_its_anchor_and_holds_the_day(
    anchor: date, count: int, unit: str, word: str
) -> None:
    """Always before the anchor; "N days/weeks" exactly that day; "N months/years" the month
    holding the day N months or years back."""
    plural = "s" if count > 1 else ""
    span = parse_date(f"{count} {unit}{plural} {word}", anchor)
    assert span.last < anchor
    if unit in ("day", "week"):
        assert (
            span.first == span.last == anchor - timedelta(days=count * (7 if unit == "week" else 1))
        )
    else:
        months = count * (12 if unit == "year" else 1)
        index = anchor.year * 12 + anchor.month - 1 - months
        assert (span.first.year, span.first.month) == (index // 12, index % 12 + 1)
        assert span.first.day == 1
        assert span.last.day == calendar.monthrange(span.last.year, span.last.month)[1]


_DAY = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


def _written(day: date) -> str:
    return f"{calendar.month_abbr[day.month]}. {day.day}"


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=2, max_value=9),
    st.sampled_from(["stoppage", "strike", "walkout", "festival"]),
    _DAY,
    st.sampled_from(["to", "through", "until"]),
)
def test_a_duration_counts_days_as_its_words_say(
    days: int, noun: str, first: date, word: str
) -> None:
    """ "through" counts both end days, "after" the days between; a plain range or no
    range at all says neither, and either count is accepted."""
    last = first + timedelta(days=days - 1)
    quote = f"a {days}-day {noun} from {_written(first)} {word} {_written(last)}"
    assert counting(quote, str(days)) == ("both" if word == "through" else "either")
    after = f"{days} days after the {noun} began on {_written(first)}"
    assert counting(after, f"{days} days") == "between"
    assert counting(f"a {days}-day {noun} that began on {_written(first)}", str(days)) == "either"
