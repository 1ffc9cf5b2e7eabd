"""A claim looks ahead by its own ``tense`` or by a future word before its value (#14)."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.files.model import Claim
from factsuite.meaning import tense
from factsuite.meaning.dates import DateSpan
from factsuite.meaning.readings import read_claim
from factsuite.meaning.tense import infer_tense, is_future


def _date(quote: str, value: str, tense: str | None = None) -> Claim:
    return Claim.model_validate(
        {
            "id": "d",
            "quote": quote,
            "value": value,
            "unit": "date",
            "measure": "date",
            "as_of": "2024-01-01",
            **({"tense": tense} if tense else {}),
        }
    )


@pytest.mark.parametrize(
    ("quote", "value", "future"),
    [
        ("and is due to end on Monday, Jan. 29", "Monday, Jan. 29", True),
        ("The bank's next rate decision is due on Sept. 4", "Sept. 4", True),
        ("the runoff will be held on June 18", "June 18", True),
        ("A ceasefire brokered by Saudi Arabia expired on June 3", "June 3", False),
        ("mail ballots postmarked by Tuesday", "Tuesday", False),
        ("On June 3 the talks were due to resume", "June 3", False),  # the word comes after
        ("a 37-hour week from 2026", "2026", False),
    ],
)
def test_future_words_before_the_value(quote: str, value: str, future: bool) -> None:
    assert is_future(_date(quote, value)) is future


def test_tense_overrides_the_words() -> None:
    assert is_future(_date("a 37-hour week from 2026", "2026", "future"))
    assert not is_future(_date("is due on Sept. 4", "Sept. 4", "past"))


def test_a_future_claim_reads_its_date_ahead() -> None:
    """ "due to end on Monday" in a Wednesday paper is the Monday after; a wrong weekday is
    still read as its date, with the problem kept for the calendar rule."""
    wednesday = date(2024, 1, 24)
    reading = read_claim(_date("is due to end on Monday", "Monday"), wednesday)
    assert reading.span is not None
    assert reading.span.first == date(2024, 1, 29)
    wrong = read_claim(_date("on Tuesday, Jan. 29", "Tuesday, Jan. 29"), wednesday)
    assert not wrong.error
    assert "not a Tuesday" in str(wrong.calendar_problem)
    assert wrong.span is not None
    assert wrong.span.first == date(2023, 1, 29)


# The clause around the quote (#14): the corpus's future dates, in sentences of the same kind.
OCT_15 = date(2024, 10, 15)


@pytest.mark.parametrize(
    ("text", "quote", "value", "future"),
    [
        # a future word earlier in the clause, outside the quote
        (
            "Rates were held on Sept. 19, and investors expect a cut on Nov. 7, a week after "
            "the minister presents her budget on Oct. 30.",
            "a cut on Nov. 7",
            "Nov. 7",
            True,
        ),
        (
            "Rates were held on Sept. 19, and investors expect a cut on Nov. 7, a week after "
            "the minister presents her budget on Oct. 30.",
            "her budget on Oct. 30",
            "Oct. 30",
            True,
        ),
        (
            "Rates were held on Sept. 19, and investors expect a cut on Nov. 7.",
            "held on Sept. 19",
            "Sept. 19",
            False,
        ),
        # a "when" clause after the date describes it
        (
            "Markets see a small chance of a cut on Thursday, when the Bank is expected to hold.",
            "a cut on Thursday",
            "Thursday",
            True,
        ),
        (
            "The Bank cut on Thursday, when it also lowered its forecast.",
            "on Thursday",
            "Thursday",
            False,
        ),
        # a plan in the past perfect looks back
        (
            "Economists had expected the first cut in August.",
            "the first cut in August",
            "August",
            False,
        ),
        ("Economists had been expecting a cut in August.", "a cut in August", "August", False),
        # "ahead of", a present of schedule, a later year after by/from/for
        ("Shares rose ahead of the Nov. 5 election.", "the Nov. 5 election", "Nov. 5", True),
        ("Talks resume on Monday, the union said.", "resume on Monday", "Monday", True),
        ("The strike, which ends a dispute, began on Monday.", "began on Monday", "Monday", False),
        (
            "The minister presents her first budget on Oct. 30.",
            "budget on Oct. 30",
            "Oct. 30",
            True,
        ),
        (
            "She will defend her title at the Games, which open on July 26.",
            "which open on July 26",
            "July 26",
            True,
        ),
        ("a 37-hour week from 2026", "a 37-hour week from 2026", "2026", True),
        ("the goal of 78 percent by March 2025", "by March 2025", "March 2025", True),
        ("the budget for 2025", "the budget for 2025", "2025", True),
        ("pay has risen 9 percent from 2019", "from 2019", "2019", False),
        # the date's own words, sentence and clause boundaries
        (
            "Workers will get 3 percent, down from 5 percent last year.",
            "5 percent last year",
            "last year",
            False,
        ),
        (
            "Talks are expected next month. The strike began on Monday.",
            "began on Monday",
            "Monday",
            False,
        ),
        (
            "Investors expect a cut on Nov. 7. Sales fell on Oct. 3.",
            "fell on Oct. 3",
            "Oct. 3",
            False,
        ),
        (
            "The union will meet again, but the strike ended on Monday.",
            "ended on Monday",
            "Monday",
            False,
        ),
    ],
)
def test_the_clause_decides_the_tense(text: str, quote: str, value: str, future: bool) -> None:
    assert (infer_tense(quote, value, "Headline\n" + text, OCT_15) == "future") is future


def test_the_headline_present_tells_of_the_past() -> None:
    """ "Strike ends on Monday" over a story of Wednesday: a headline's present is past."""
    text = "Rail strike ends on Monday\nThe strike ended on Monday."
    assert infer_tense("Rail strike ends on Monday", "Monday", text, OCT_15) is None
    assert infer_tense("Talks resume on Monday", "Monday", "H\nTalks resume on Monday", OCT_15)


def test_a_claim_reads_its_date_in_the_article_clause() -> None:
    """ "a cut on Thursday, when the Bank is expected to hold" in a Wednesday paper is the
    Thursday after; the quote alone reads the Thursday before."""
    wednesday = date(2024, 6, 19)
    text = "H\nMarkets see a chance of a cut on Thursday, when the Bank is expected to hold."
    claim = _date("a cut on Thursday", "Thursday")
    assert read_claim(claim, wednesday, text).span == DateSpan(date(2024, 6, 20), date(2024, 6, 20))
    assert read_claim(claim, wednesday).span == DateSpan(date(2024, 6, 13), date(2024, 6, 13))


_PAST_CLAUSES = st.sampled_from(
    ["The strike began on", "Officials said on", "The Bank cut rates on", "Prices fell on"]
)
_FUTURE_CLAUSES = st.sampled_from(
    ["The strike will end on", "Officials expect a vote on", "The decision is due on"]
)
_OTHER_SENTENCES = st.lists(
    st.sampled_from(
        [
            "Talks will resume next month.",
            "Analysts expect a cut.",
            "Prices rose 3 percent.",
            "Officials had expected a deal.",
        ]
    ),
    max_size=3,
)
_WEEKDAY = st.sampled_from(list(calendar.day_name))
_PUBLISHED = st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31))
"""Away from the calendar's ends, where relative phrases cannot be read at all."""


@settings(max_examples=200, deadline=None)
@given(_OTHER_SENTENCES, _PAST_CLAUSES, _WEEKDAY, _OTHER_SENTENCES, _PUBLISHED)
def test_other_sentences_never_change_a_clause_tense(
    before: list[str], clause: str, weekday: str, after: list[str], published: date
) -> None:
    """A past clause stays past, whatever future sentences stand around it, and its weekday
    is the last one on or before publication."""
    quote = f"{clause} {weekday}"
    text = " ".join(["Headline\n", *before, f"{quote}.", *after])
    assert infer_tense(quote, weekday, text, published) is None
    span = read_claim(_date(quote, weekday), published, text).span
    assert span is not None
    assert 0 <= (published - span.first).days < 7


@settings(max_examples=200, deadline=None)
@given(_OTHER_SENTENCES, _FUTURE_CLAUSES, _WEEKDAY, _PUBLISHED)
def test_a_future_clause_reads_its_weekday_ahead(
    before: list[str], clause: str, weekday: str, published: date
) -> None:
    quote = f"{clause} {weekday}"
    text = " ".join(["Headline\n", *before, f"{quote}."])
    span = read_claim(_date(quote, weekday), published, text).span
    assert span is not None
    assert 0 <= (span.first - published).days < 7


# -- a present that lasts into a date, a headline's "to", the day of a saying (trust4) -----


@pytest.mark.parametrize(
    ("text", "quote", "value", "future"),
    [
        ("The consultation runs until Oct. 21.", "runs until Oct. 21", "Oct. 21", True),
        ("The lower rate applies from Nov. 1.", "applies from Nov. 1", "Nov. 1", True),
        ("Schools remain closed until Monday.", "remain closed until Monday", "Monday", True),
        ("The offer is valid until Oct. 21.", "is valid until Oct. 21", "Oct. 21", True),
        # near misses: the past, an infinitive after "had", data up to a past month
        ("Schools remained closed until Monday.", "remained closed until Monday", "Monday", False),
        ("Schools had to remain closed until Monday.", "closed until Monday", "Monday", False),
        ("The strike ran until Oct. 3.", "ran until Oct. 3", "Oct. 3", False),
        ("The series runs until March 2024.", "runs until March 2024", "March 2024", False),
        ("Pay rose 4 percent in the last three months to August.", "to August", "August", False),
        # the day of a saying is past, whatever the clause it reports
        (
            "Bills will fall by 2 percent from Nov. 1, the regulator said on Tuesday.",
            "the regulator said on Tuesday",
            "Tuesday",
            False,
        ),
        (
            "Bills will fall by 2 percent from Nov. 1, the regulator said on Tuesday.",
            "will fall by 2 percent from Nov. 1",
            "Nov. 1",
            True,
        ),
    ],
)
def test_a_present_that_lasts_reads_ahead(text: str, quote: str, value: str, future: bool) -> None:
    assert (infer_tense(quote, value, "Headline\n" + text, OCT_15) == "future") is future


@pytest.mark.parametrize(
    ("headline", "value", "future"),
    [
        ("Price cap to fall from October", "October", True),
        ("Union to strike on Monday", "Monday", True),
        ("Cuts to services in May", "May", False),
        ("Jobless rate climbs to highest in October", "October", False),
        ("Prices rose in August", "August", False),
    ],
)
def test_a_headline_to_verb_is_a_plan(headline: str, value: str, future: bool) -> None:
    text = f"{headline}\nThe story follows."
    assert (infer_tense(headline, value, text, OCT_15) == "future") is future


@settings(max_examples=100, deadline=None)
@given(
    verb=st.sampled_from(["runs", "lasts", "remains open", "stays open", "continues", "applies"]),
    past=st.sampled_from(["ran", "lasted", "remained open", "stayed open", "continued"]),
    preposition=st.sampled_from(["until", "through", "from"]),
    weekday=_WEEKDAY,
)
def test_present_lasting_is_ahead_and_past_lasting_is_not(
    verb: str, past: str, preposition: str, weekday: str
) -> None:
    for words, future in ((verb, True), (past, False)):
        quote = f"The exhibition {words} {preposition} {weekday}"
        text = f"Headline\n{quote}."
        assert (infer_tense(quote, weekday, text, OCT_15) == "future") is future


# -- the guards that skip a pattern's search (#18) -------------------------------------------

_GUARDED = [
    (tense._SAID_ON, tense._SAID_ON_LAST),
    (tense._AHEAD_OF, tense._AHEAD_OF_LAST),
    (tense._SCHEDULE_PRESENT, tense._SCHEDULE_LAST),
    (tense._HEADLINE_INFINITIVE, tense._HEADLINE_LAST),
    (tense._LASTS_UNTIL, tense._LASTS_LAST),
    (tense._LOOK_AHEAD, tense._LOOK_AHEAD_LAST),
]
_CLAUSE_WORDS = sorted(
    {
        *tense.SCHEDULE_VERBS,
        *(f"{verb}s" for verb in (*tense.SCHEDULE_VERBS, *tense.LASTING_VERBS)),
        *tense.LASTING_VERBS,
        *tense.LOOK_AHEAD_PREPOSITIONS,
        *[
            "said",
            "says",
            "told",
            "announced",
            "reported",
            "added",
            "confirmed",
            "stated",
            "wrote",
            "applies",
            "is",
            "are",
        ],
        *[
            "late",
            "early",
            "mid",
            "last",
            "this",
            "on",
            "in",
            "at",
            "of",
            "the",
            "a",
            "its",
            "ahead",
            "next",
            "to",
            "until",
            "till",
            "end",
        ],
        *[
            "open",
            "closed",
            "valid",
            "available",
            "force",
            "show",
            "Price",
            "cap",
            "fall",
            "Union",
            "strike",
            "X",
        ],
    }
)
_clauses = st.lists(
    st.one_of(
        st.sampled_from(_CLAUSE_WORDS).flatmap(
            lambda word: st.sampled_from([word, word.upper(), word.title()])
        ),
        st.text(alphabet="aoinst-'’,;.ſK\u0130", min_size=1, max_size=4),
    ),
    max_size=9,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2009", ""]),
        min_size=len(words) + 1,
        max_size=len(words) + 1,
    ).map(lambda spaces: "".join(s + w for s, w in zip(spaces, [*words, ""], strict=True)))
)


@settings(max_examples=400, deadline=None)
@given(_clauses)
def test_a_guard_passes_every_clause_its_pattern_matches(clause: str) -> None:
    """The last-word guard is a necessary condition: skipping the search loses no match."""
    last = tense._last_word(clause)
    for pattern, guard in _GUARDED:
        if pattern.search(clause) is not None:
            assert tense._ends(guard, last), (pattern.pattern, clause)


def test_the_guards_let_the_clauses_of_the_rules_through() -> None:
    """Each rule's own example still reads as future: the guards skip no real clause."""
    for quote, value in [
        ("the Games, which open on July 26", "July 26"),
        ("the consultation runs until Oct. 21", "Oct. 21"),
        ("a budget for 2025", "2025"),
        ("ahead of the July 4 election", "July 4"),
    ]:
        assert infer_tense(quote, value, published=date(2024, 6, 1)) == "future", quote
    assert infer_tense("Bills will fall, Ofgem said on Tuesday", "Tuesday") is None
