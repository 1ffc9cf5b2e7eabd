"""Dates as news text writes them, resolved against the publication date.

A news report's weekdays and relative phrases point back from publication; a yearless
date is the occurrence nearest to it.  Each property renders a known day the way an
editor would and checks that it resolves back to that day.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from dateutil import parser as dateutil_parser
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factsuite.meaning.dates import MONTHS, DateError, DateSpan, common_date, describe, parse_date

SETTINGS = settings(max_examples=150, deadline=None)

DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
WEEKDAY_NAMES = list(calendar.day_name)
AP_MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]  # AP style, as the wires write them
PUBLISHED = date(2022, 3, 22)  # a Tuesday: the seed article's publication date


def full(day: date, with_year: bool) -> str:
    text = f"{calendar.month_name[day.month]} {day.day}"
    return f"{text}, {day.year}" if with_year else text


def abbreviated(day: date, with_year: bool) -> str:
    text = f"{AP_MONTHS[day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if with_year else text


def day_first(day: date, with_year: bool) -> str:
    text = f"{day.day} {calendar.month_name[day.month]}"
    return f"{text} {day.year}" if with_year else text


def ordinal(day: date, with_year: bool) -> str:
    suffix = (
        "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    )
    text = f"{calendar.month_name[day.month]} {day.day}{suffix}"
    return f"{text}, {day.year}" if with_year else text


Render = Callable[[date, bool], str]
RENDERINGS: list[Render] = [full, abbreviated, day_first, ordinal]


def single(span: DateSpan) -> date:
    assert span.first == span.last, span
    return span.first


# --- weekdays ------------------------------------------------------------------------------


@SETTINGS
@given(published=DAYS, name=st.sampled_from(WEEKDAY_NAMES), style=st.sampled_from(range(4)))
def test_weekday_is_the_last_such_day_up_to_publication(
    published: date, name: str, style: int
) -> None:
    """ "on Tuesday" in a news report is within the week ending on publication day."""
    text = [name, name.lower(), f"on {name}", name.upper()][style]
    day = single(parse_date(text, published))
    assert calendar.day_name[day.weekday()] == name
    assert timedelta(0) <= published - day <= timedelta(days=6)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tuesday", date(2022, 3, 22)),
        ("Monday", date(2022, 3, 21)),
        ("Wednesday", date(2022, 3, 16)),
    ],
)
def test_weekday_examples(name: str, expected: date) -> None:
    """A Tuesday paper's "Tuesday" is that day; its "Wednesday" is six days back."""
    assert parse_date(name, PUBLISHED) == DateSpan(expected, expected)


# --- calendar dates ------------------------------------------------------------------------


@SETTINGS
@given(day=DAYS, published=DAYS, render=st.sampled_from(RENDERINGS))
def test_dates_with_a_year_round_trip(day: date, published: date, render: Render) -> None:
    """A date with its year means that day, whenever the article was published."""
    text = render(day, True)
    assert parse_date(text, published) == DateSpan(day, day), text


@SETTINGS
@given(
    day=DAYS,
    offset=st.integers(min_value=0, max_value=360),
    render=st.sampled_from(RENDERINGS),
)
def test_yearless_dates_resolve_to_the_last_such_day(
    day: date, offset: int, render: Render
) -> None:
    """ "February 24" in a report means the last February 24 on or before publication,
    and in a claim that looks ahead the first on or after it."""
    published = day + timedelta(days=offset)
    assume(not (day.month == 2 and day.day == 29))
    text = render(day, False)
    assert parse_date(text, published) == DateSpan(day, day), (text, published)
    before = day - timedelta(days=offset)
    assert parse_date(text, before, future=True) == DateSpan(day, day), (text, before)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("February 29", date(2023, 12, 1), date(2024, 2, 29)),
        ("29 February", date(2027, 12, 20), date(2028, 2, 29)),
    ],
)
def test_yearless_leap_day_across_new_year(text: str, published: date, expected: date) -> None:
    """A paper of December 2023 looking ahead to "February 29" means 29 February 2024; a
    report of it, the last one (2020)."""
    assert parse_date(text, published, future=True) == DateSpan(expected, expected)
    assert single(parse_date(text, published)) == expected.replace(year=expected.year - 4)


def test_yearless_date_after_publication_is_last_year_unless_future() -> None:
    """ "March 24" in a report of 22 March 2022 is 24 March 2021; said of a scheduled day
    (future) it is two days ahead.  "January" in a September paper is this January (#14)."""
    assert single(parse_date("March 24", PUBLISHED)) == date(2021, 3, 24)
    assert single(parse_date("March 24", PUBLISHED, future=True)) == date(2022, 3, 24)
    september = date(2024, 9, 12)
    assert parse_date("January", september) == DateSpan(date(2024, 1, 1), date(2024, 1, 31))
    assert parse_date("September", september).first == date(2024, 9, 1)
    assert parse_date("September", september, future=True).first == date(2024, 9, 1)
    assert single(parse_date("Oct. 8", date(2024, 4, 23))) == date(2023, 10, 8)


def test_future_weekday_is_the_next_one() -> None:
    """ "due to end on Monday" in a Wednesday paper is the Monday ahead."""
    wednesday = date(2024, 1, 24)
    assert single(parse_date("Monday", wednesday)) == date(2024, 1, 22)
    assert single(parse_date("Monday", wednesday, future=True)) == date(2024, 1, 29)
    assert single(parse_date("Wednesday", wednesday, future=True)) == wednesday


def test_yearless_date_across_new_year() -> None:
    """ "Dec. 28" in a January paper is the December just gone."""
    assert single(parse_date("Dec. 28", date(2022, 1, 5))) == date(2021, 12, 28)
    assert single(parse_date("Jan. 3", date(2021, 12, 20))) == date(2021, 1, 3)
    assert single(parse_date("Jan. 3", date(2021, 12, 20), future=True)) == date(2022, 1, 3)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("March 2022", date(2022, 3, 1), date(2022, 3, 31)),
        ("February", date(2022, 2, 1), date(2022, 2, 28)),
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
    ],
)
def test_dates_without_a_day_span_the_month_or_year(text: str, first: date, last: date) -> None:
    assert parse_date(text, PUBLISHED) == DateSpan(first, last)


# --- weekday and date together -------------------------------------------------------------


def test_wrong_weekday_with_date_raises() -> None:
    """The seed article's error: 24 February 2022 was a Thursday, not a Friday."""
    with pytest.raises(DateError, match="Thursday") as raised:
        parse_date("Friday, February 24", PUBLISHED)
    assert "Friday" in str(raised.value)


def test_right_weekday_with_date_reads() -> None:
    expected = date(2022, 2, 24)
    assert parse_date("Thursday, February 24", PUBLISHED) == DateSpan(expected, expected)
    assert parse_date("Thursday Feb. 24", PUBLISHED) == DateSpan(expected, expected)


@SETTINGS
@given(day=DAYS, shift=st.integers(min_value=0, max_value=6), published=DAYS)
def test_weekday_must_agree_with_the_date(day: date, shift: int, published: date) -> None:
    """A named weekday is checked against the date; the error names the real weekday."""
    named = WEEKDAY_NAMES[(day.weekday() + shift) % 7]
    text = f"{named}, {full(day, with_year=True)}"
    if shift == 0:
        assert parse_date(text, published) == DateSpan(day, day)
    else:
        with pytest.raises(DateError, match=calendar.day_name[day.weekday()]):
            parse_date(text, published)


# --- relative phrases ----------------------------------------------------------------------


@SETTINGS
@given(published=DAYS)
def test_earlier_this_month(published: date) -> None:
    """From the 1st to the day before publication; impossible in a paper of the 1st."""
    if published.day == 1:
        with pytest.raises(DateError, match="earlier this month"):
            parse_date("earlier this month", published)
    else:
        span = parse_date("Earlier this month", published)
        assert span == DateSpan(published.replace(day=1), published - timedelta(days=1))


def test_earlier_this_month_example() -> None:
    span = parse_date("earlier this month", PUBLISHED)
    assert span == DateSpan(date(2022, 3, 1), date(2022, 3, 21))


@SETTINGS
@given(published=DAYS)
def test_relative_phrases_never_point_past_publication(published: date) -> None:
    """A news report's "yesterday", "last month" and "this week" are all behind it."""
    yesterday = published - timedelta(days=1)
    assert parse_date("yesterday", published) == DateSpan(yesterday, yesterday)
    assert parse_date("today", published) == DateSpan(published, published)
    last_month = parse_date("last month", published)
    assert last_month.last == published.replace(day=1) - timedelta(days=1)
    assert last_month.first == last_month.last.replace(day=1)
    this_week = parse_date("this week", published)
    assert this_week.first.weekday() == 0
    assert this_week.last == published
    assert published - this_week.first < timedelta(days=7)


# --- invalid dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Feb 30", "February 30", "Feb. 31", "April 31", "31 June 2022", "February 29, 2023"],
)
def test_impossible_dates_raise(text: str) -> None:
    """A date that never existed is an error, not the nearest real one."""
    with pytest.raises(DateError):
        parse_date(text, PUBLISHED)


@SETTINGS
@given(
    month=st.integers(min_value=1, max_value=12),
    year=st.integers(min_value=1950, max_value=2090),
    data=st.data(),
)
def test_days_past_the_end_of_the_month_raise(month: int, year: int, data: st.DataObject) -> None:
    length = calendar.monthrange(year, month)[1]
    assume(length < 31)
    day = data.draw(st.integers(min_value=length + 1, max_value=31))
    with pytest.raises(DateError):
        parse_date(f"{calendar.month_name[month]} {day}, {year}", PUBLISHED)


@pytest.mark.parametrize("text", ["24", "the other day", "Febtember 3", "next blursday"])
def test_unreadable_dates_raise(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, PUBLISHED)


def test_describe_always_shows_the_weekday() -> None:
    assert describe(PUBLISHED) == "Tuesday 22 March 2022"
    assert str(DateSpan(date(2022, 3, 1), date(2022, 3, 21))) == (
        "Tuesday 1 March 2022 to Monday 21 March 2022"
    )


# --- the common shapes, read without dateutil ----------------------------------------------

WORDS = st.sampled_from([*MONTHS, "mayday", "marc", "monday", "the"])
MONTH_PARTS = st.builds(lambda word, dot: word + dot, WORDS, st.sampled_from(["", "."]))
DAY_PARTS = st.integers(min_value=0, max_value=40).map(str) | st.sampled_from(["05", "1st"])
YEAR_PARTS = st.integers(min_value=0, max_value=12_000).map(str) | st.sampled_from(["0999"])
GAPS = st.sampled_from([" ", " ", " ", ", ", ",", ""])
SHAPES = st.builds(
    lambda parts, gaps: "".join(part + gap for part, gap in zip(parts, gaps, strict=False)).strip(),
    st.tuples(MONTH_PARTS, DAY_PARTS | st.just(""), YEAR_PARTS | st.just("")).flatmap(
        st.permutations
    ),
    st.lists(GAPS, min_size=3, max_size=3),
)
"""Near the common shapes: a month, a day and a year in any order, some out of range."""
DEFAULTS = st.builds(
    date,
    st.sampled_from([2000, 1950, 2022, 2090]),
    st.integers(min_value=1, max_value=12),
    st.just(1),
)


def dateutil_date(text: str, default: date) -> date | None:
    """The reading common_date stands in for, or None where dateutil refuses the text."""
    try:
        return dateutil_parser.parse(
            text, default=datetime(default.year, default.month, default.day)
        ).date()
    except (ValueError, OverflowError):
        return None


@settings(max_examples=1500, deadline=None)
@given(text=SHAPES, default=DEFAULTS)
def test_common_date_reads_what_dateutil_reads(text: str, default: date) -> None:
    """Wherever the fast path answers, dateutil answers the same."""
    fast = common_date(text, default)
    if fast is not None:
        assert fast == dateutil_date(text, default), text


@SETTINGS
@given(
    day=DAYS,
    render=st.sampled_from([full, abbreviated, day_first, lambda day, _: f"{day:%b} {day.year}"]),
    with_year=st.booleans(),
    default=DEFAULTS,
)
def test_common_date_answers_for_the_common_shapes(
    day: date, render: Render, with_year: bool, default: date
) -> None:
    """The shapes news text writes take the fast path, and read as dateutil reads them."""
    text = " ".join(render(day, with_year).lower().replace(".", ". ").split())
    assert common_date(text, default) == dateutil_date(text, default), text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("last July", date(2024, 7, 1)),
        ("last September", date(2023, 9, 1)),
        ("September last year", date(2023, 9, 1)),
        ("January this year", date(2024, 1, 1)),
        ("last December", date(2023, 12, 1)),
    ],
)
def test_a_month_named_against_publication(text: str, first: date) -> None:
    """#14: readable relative months, in a paper of 12 September 2024."""
    span = parse_date(text, date(2024, 9, 12))
    assert span.first == first
    assert span.last.month == first.month
