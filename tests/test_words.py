"""Words real articles use (#14): each phrase that gave a false alarm, a missed mention or a
wrong draft, read by the lexicon and the parsers as the docs say, and properties over every
figure written with each verb qualifier and every range of days with the month written once.
"""

from __future__ import annotations

import calendar
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factsuite.checking.engine import evaluate, load_articles
from factsuite.commands.scaffold import draft_claims, scaffold
from factsuite.meaning.dates import parse_date
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.intervals import INF
from factsuite.meaning.lexicon import Reading, load_lexicon
from factsuite.meaning.mentions import Mention, find_mentions
from factsuite.meaning.numbers import Quantity, VagueCount, parse_figure
from factsuite.meaning.readings import read_figure

PUBLISHED = date(2024, 6, 12)  # a Wednesday
SETTINGS = settings(max_examples=200, deadline=None)


def _found(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(m.text, m.kind, m.value, m.qualifier, m.unit) for m in find_mentions(text)]


def _only(text: str) -> Mention:
    mentions = find_mentions(text)
    assert len(mentions) == 1, (text, mentions)
    return mentions[0]


# Verbs that carry a qualifier, and verbs that only look as if they did.

VERBS = {
    "more than": ["exceeded", "exceeds", "topped", "surpassed"],
    "at least": ["passed", "crossed", "as few as"],
    "at most": ["as many as"],
    "reached": ["reached", "hit", "hits"],
    "": ["rose to", "climbed to", "fell to", "went up to", "dropped to"],
}
VERB_OF = {verb: entry for entry, verbs in VERBS.items() for verb in verbs}


@pytest.mark.parametrize("verb", sorted(VERB_OF))
def test_each_verb_names_its_lexicon_entry(verb: str) -> None:
    entry = load_lexicon().qualifier(verb)
    assert entry is not None
    assert entry.name == VERB_OF[verb]
    assert entry.why, "every entry gives its reason"


def test_went_up_to_is_no_up_to() -> None:
    mention = _only("Fares went up to 500 euros a month.")
    assert (mention.value, mention.qualifier) == ("500", "")
    assert _only("Fares of up to 500 euros.").qualifier == "up to"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deaths exceeded 1,000 on Friday", ("exceeded 1,000", "count", "1,000", "exceeded")),
        ("Sales topped 2 million", ("topped 2 million", "count", "2 million", "topped")),
        ("Cases passed 10,000", ("passed 10,000", "count", "10,000", "passed")),
        ("Turnout crossed 60%", ("crossed 60%", "share", "60%", "crossed")),
        ("Inflation hit 5.2 percent", ("hit 5.2 percent", "share", "5.2 percent", "hit")),
        ("Support fell to 26 percent", ("26 percent", "share", "26 percent", "")),
        ("It climbed to 40%", ("40%", "share", "40%", "")),
        ("as few as 10 voters came", ("as few as 10", "count", "10", "as few as")),
        ("as many as 400 patients", ("as many as 400", "count", "400", "as many as")),
    ],
)
def test_verb_qualifiers_are_read_in_sentences(text: str, expected: tuple[str, ...]) -> None:
    assert _found(text)[0][:4] == expected


def test_verb_readings() -> None:
    def reading(qualifier: str, value: str, which: Reading) -> str:
        interval = read_figure(value, qualifier, "count").interval(which)
        assert interval is not None
        return str(interval)

    assert reading("exceeded", "1,000", Reading.STRICT) == "(1,000, no upper bound)"
    assert reading("exceeded", "1,000", Reading.PRAGMATIC) == "(1,000, 2,000]"
    assert reading("passed", "1 million", Reading.PRAGMATIC) == "[1,000,000, 2,000,000]"
    assert reading("as many as", "400", Reading.STRICT) == "[0, 400]"
    assert reading("hit", "5.2", Reading.STRICT) == "[5.15, no upper bound)"
    assert reading("hit", "5.2", Reading.PRAGMATIC) == "[5.15, 5.25)"
    assert reading("rose to", "26", Reading.PRAGMATIC) == reading("", "26", Reading.PRAGMATIC)


figures = st.one_of(
    st.integers(1, 9_999_999).map(lambda n: (f"{n:,}", Fraction(n))),
    st.builds(
        lambda whole, tenth: (f"{whole}.{tenth} million", Fraction(f"{whole}.{tenth}") * 10**6),
        st.integers(1, 99),
        st.integers(1, 9),
    ),
)


@SETTINGS
@given(figure=figures, verb=st.sampled_from(sorted(VERB_OF)), which=st.sampled_from(Reading))
def test_any_figure_with_a_verb_reads_to_the_right_interval(
    figure: tuple[str, Fraction], verb: str, which: Reading
) -> None:
    """Found in a sentence and read, the figure is where the verb puts it: the open floor of
    "exceeded", the closed floor of "passed", the ceiling of "as many as", inside the others."""
    written, number = figure
    mention = _only(f"Officials said the total {verb} {written} on the day.")
    assert mention.value == written
    interval = read_figure(mention.value, mention.qualifier, "count").interval(which)
    assert interval is not None
    entry = VERB_OF[verb]
    if entry == "more than":
        assert (interval.lo, interval.lo_closed) == (number, False)
    else:
        assert number in interval
    if entry == "at least":
        assert interval.lo == number
    if entry == "at most":
        assert interval.hi == number
    if entry == "reached" and which is Reading.STRICT:
        assert interval.hi == INF


# Figures written as words or folded into words.


@pytest.mark.parametrize(
    ("text", "kind", "value", "qualifier", "unit", "number"),
    [
        ("nearly a hundred homes burned", "count", "a hundred", "nearly", "count", 100),
        ("A hundred people came", "count", "A hundred", "", "people", 100),
        ("a decade of war", "duration", "a decade", "", "years", 10),
        ("after two decades", "duration", "two decades", "", "years", 20),
        ("a month-long strike", "duration", "month", "", "months", 1),
        ("a decade-long war", "duration", "decade", "", "years", 10),
        ("for a third straight week", "duration", "third", "", "weeks", 3),
        ("the second consecutive month", "duration", "second", "", "months", 2),
    ],
)
def test_figures_in_words(
    text: str, kind: str, value: str, qualifier: str, unit: str, number: int
) -> None:
    mention = _only(text)
    assert (mention.kind, mention.value, mention.qualifier, mention.unit) == (
        kind,
        value,
        qualifier,
        unit,
    )
    figure = parse_figure(mention.value, mention.unit)
    assert isinstance(figure, Quantity)
    assert figure.value == number


def test_millions_is_a_vague_count() -> None:
    mention = _only("Millions of people watched.")
    assert (mention.kind, mention.unit) == ("vague_count", "people")
    figure = parse_figure(mention.value, mention.unit)
    assert isinstance(figure, VagueCount)
    strict = figure.entry.interval(
        Reading.STRICT, Quantity(Fraction(0), Fraction(1), Fraction(1)).scale
    )
    assert (strict.lo, strict.hi) == (2_000_000, INF)


# Relative dates, months after "for", ranges of days and ages.


@pytest.mark.parametrize(
    ("text", "value", "first", "last"),
    [
        ("Sales fell the previous day.", "previous day", date(2024, 6, 11), date(2024, 6, 11)),
        ("as in the prior month", "prior month", date(2024, 5, 1), date(2024, 5, 31)),
        ("Talks stalled last week.", "last week", date(2024, 6, 3), date(2024, 6, 9)),
        ("the figures for June", "June", date(2024, 6, 1), date(2024, 6, 30)),
        ("the estimate for May was cut", "May", date(2024, 5, 1), date(2024, 5, 31)),
    ],
)
def test_relative_dates_and_months(text: str, value: str, first: date, last: date) -> None:
    mention = _only(text)
    assert mention.value == value
    span = parse_date(mention.value, PUBLISHED)
    assert (span.first, span.last) == (first, last)


def test_a_number_after_a_date_is_still_a_count() -> None:
    assert [m.kind for m in find_mentions("On March 3 and 5 people died.")] == ["date", "count"]


STYLES = ["{m} {a} and {b}", "{m} {a}-{b}", "{m} {a} to {b}", "{a} to {b} {m}", "{a}-{b} {m}"]


@SETTINGS
@given(
    month=st.integers(1, 12),
    days=st.tuples(st.integers(1, 31), st.integers(1, 31)).map(sorted),
    style=st.sampled_from(STYLES),
    year=st.sampled_from(["", " 2023"]),
)
def test_a_range_of_days_with_the_month_once_reads_both_ends(
    month: int, days: list[int], style: str, year: str
) -> None:
    first, last = days
    assume(last <= calendar.monthrange(2023, month)[1] and first != last)
    written = style.format(m=calendar.month_name[month], a=first, b=last) + year
    mention = _only(f"The festival ran between {written}, organisers said.")
    assert (mention.kind, mention.value) == ("date", written)
    span = parse_date(mention.value, PUBLISHED)
    assert (span.first.month, span.first.day) == (month, first)
    assert (span.last.month, span.last.day) == (month, last)
    assert span.first.year == span.last.year


@SETTINGS
@given(
    st.integers(10, 60), st.integers(1, 40), st.sampled_from(["{a} to {b}", "between {a} and {b}"])
)
def test_an_age_range_is_two_ages(low: int, more: int, style: str) -> None:
    found = _found(f"Adults aged {style.format(a=low, b=low + more)} were asked.")
    assert [(kind, value, unit) for _, kind, value, _, unit in found] == [
        ("duration", str(low), "years"),
        ("duration", str(low + more), "years"),
    ]


@pytest.mark.parametrize("noun", ["pupils", "voters", "residents", "patients", "patient"])
def test_people_nouns_make_the_unit_people(noun: str) -> None:
    assert _only(f"The school said 40 {noun} were sent home.").unit == "people"


def test_draft_ids_come_from_the_figures_own_clause() -> None:
    text = "Prices rose 5%; wages fell. In 2019, 40 schools closed."
    ids = [draft.id for draft in draft_claims(text, find_mentions(text), PUBLISHED)]
    assert ids == ["5-prices-rose", "2019", "40-schools-closed"]


# docs/scaffold.md's "How spans counts days": where the words do not say, either count.

SPANS_ARTICLE = (
    "Hospital admissions\n\nIn the previous seven days, from March 1 to March 7, 1,200 people"
    " were admitted, officials said on Wednesday.\n"
)
SPANS_CLAIMS = """\
claims:
  - id: seven-days
    quote: In the previous seven days
    value: seven days
    unit: days
    measure: the days counted
    status: reviewed
  - id: first-day
    quote: from March 1 to March 7
    value: March 1
    unit: date
    measure: the first day counted
    as_of: 2023-03-01
    status: reviewed
  - id: last-day
    quote: from March 1 to March 7
    value: March 7
    unit: date
    measure: the last day counted
    as_of: 2023-03-07
    status: reviewed
  - id: admitted
    quote: 1,200 people were admitted
    value: 1,200
    unit: people
    measure: admissions to hospital
    population: patients
    status: reviewed
  - id: said
    quote: officials said on Wednesday
    value: Wednesday
    unit: date
    measure: the day officials spoke
    as_of: 2023-03-08
    status: reviewed
relations:
  - id: week-to-publication
    rule: spans
    duration: seven-days
    start: first-day
    end: publication
  - id: week-to-last-day
    rule: spans
    duration: seven-days
    start: first-day
    end: last-day
  - id: week-to-last-day-elapsed
    rule: spans
    duration: seven-days
    start: first-day
    end: last-day
    inclusive: false
ignored: []
"""


def test_spans_counts_the_days_between_its_dates(tmp_path: Path) -> None:
    folder = scaffold(tmp_path / "facts" / "week", SPANS_ARTICLE, date(2023, 3, 8))
    (folder / "claims.yaml").write_text(SPANS_CLAIMS, "utf-8")
    evaluation = evaluate(load_articles([folder]), Reading.PRAGMATIC)
    (article,) = evaluation.articles
    passed = {o.item.name: o.passed for o in evaluation.of(article)}
    assert passed["week-to-publication"] is True  # 1 to 8 March: 7 days
    assert passed["week-to-last-day"] is True  # 1 to 7 March, both end days counted: 7
    assert passed["week-to-last-day-elapsed"] is False  # 6 days elapsed, not "seven days"


@pytest.mark.parametrize(
    ("quote", "value", "qualifier", "grounds"),
    [
        ("Measles cases passed 200", "200", "", True),
        ("Measles cases passed 200", "200", "passed", True),
        ("Measles cases passed 200", "200", "at least", True),
        # the verb leaves open whether the mark counts: either floor (#14, "pass 15,600")
        ("Measles cases passed 200", "200", "more than", True),
        ("Mpox cases pass 15,600", "15,600", "more than", True),
        ("Measles cases passed 200", "200", "less than", False),
        ("Measles cases passed 200", "200", "at most", False),
        ("Cases top 340", "340", "at least", True),
        ("more than 200 cases", "200", "at least", False),
        ("Cases top 340 as officials urge vaccination", "340", "more than", True),
        ("as few as one in 10 trains ran", "one in 10", "", True),
        ("Rainfall reached 480 millimeters", "480", "", True),
        ("Deaths rose to 87 on Tuesday", "87", "", True),
        ("more than 200 cases", "200", "", False),
        ("up to 500 euros", "500", "", False),
    ],
)
def test_a_claim_may_leave_out_a_verb_but_not_a_hedge(
    quote: str, value: str, qualifier: str, grounds: bool
) -> None:
    """Encoders write "passed 200" with the qualifier empty or as "at least": both ground."""
    assert (figure_problem(quote, value, qualifier) is None) is grounds
