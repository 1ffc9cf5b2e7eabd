"""Dates as news text writes them, resolved against the publication date.

"February 24", "Feb. 24", "24 February 2022", "Tuesday", "Thursday, February 24",
"earlier this month", "yesterday".  Calendar dates go through dateutil (already installed
with pandas), the common shapes through a regex that reads them as dateutil does; weekdays
and relative phrases are resolved here, because they need the publication date and always
point backwards from it in a news report.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as dateutil_parser

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_YEAR = re.compile(r"\b\d{4}\b")
_WEEKDAY_PREFIX = re.compile(rf"^({'|'.join(WEEKDAYS)})\s*,?\s*(.*)$")
_MONTH_WORD = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
MONTHS = {
    spelling: index
    for index, spellings in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for spelling in spellings
}
"""The month spellings dateutil reads, lower-case."""
_DAY = r"(?:[1-9]|[12]\d|3[01])"
_COMMON_DATE = re.compile(
    rf"(?:(?P<month>[a-z]+)\.?(?: (?P<day>{_DAY}))?"
    rf"|(?P<day_first>{_DAY}) (?P<month_after>[a-z]+)\.?)"
    r"(?:,? (?P<year>[1-9]\d{3}))?"
)


_ORDINAL_SUFFIX = "(?:st|nd|rd|th)?"
_DAYS_TO = r" ?(?:-|–| to | and | through | until ) ?"
_DAY_RANGE = re.compile(
    rf"(?:(?P<month>[a-z]+)\.? (?P<first>{_DAY}){_ORDINAL_SUFFIX}{_DAYS_TO}"
    rf"(?P<last>{_DAY}){_ORDINAL_SUFFIX}"
    rf"|(?P<first_before>{_DAY}){_ORDINAL_SUFFIX}{_DAYS_TO}(?P<last_before>{_DAY}){_ORDINAL_SUFFIX}"
    r" (?P<month_after>[a-z]+)\.?)(?:,? (?P<year>[1-9]\d{3}))?"
)
"""A range of days with the month written once: "march 3 and 5", "3-5 march 2022"."""


class DateError(ValueError):
    """A date the parser cannot read or that contradicts itself."""


class WeekdayError(DateError):
    """A weekday that does not name the date beside it: the date itself is still read
    (``span``), so that the calendar rule says the weekday is wrong while the relations
    using the date are still checked."""

    def __init__(self, message: str, span: DateSpan) -> None:
        super().__init__(message)
        self.span = span


@dataclass(frozen=True)
class DateSpan:
    """The days a date expression can mean, first and last included."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    def __str__(self) -> str:
        if self.first == self.last:
            return describe(self.first)
        return f"{describe(self.first)} to {describe(self.last)}"


def describe(day: date) -> str:
    """'Tuesday 22 March 2022': the weekday always shown, since it is often the point."""
    return (
        f"{calendar.day_name[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"
    )


def describe_day(ordinal: int) -> str:
    """A day by its ordinal, also one past the calendar's ends (a sum of dates can be)."""
    if date.min.toordinal() <= ordinal <= date.max.toordinal():
        return describe(date.fromordinal(ordinal))
    return f"day {ordinal:,} of the proleptic calendar (outside years 1 to 9999)"


def _month_span(year: int, month: int) -> DateSpan:
    last_day = calendar.monthrange(year, month)[1]
    return DateSpan(date(year, month, 1), date(year, month, last_day))


def _previous_month(day: date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def _relative(phrase: str, published: date, future: bool = False) -> DateSpan | None:
    """Phrases that only make sense against the publication date.  A figure the text looks
    ahead to ("expected to handle 4.9 million containers this year") is of the whole
    period, not of its part up to publication."""
    span = (_whole_periods(published) if future else {}).get(phrase)
    span = span or _relative_spans(published).get(phrase)
    if span is not None and span.first > span.last:
        raise DateError(f'"{phrase}" cannot fall in an article published {describe(published)}')
    return span


@lru_cache(maxsize=4096)
def _relative_spans(published: date) -> dict[str, DateSpan]:
    """Every relative phrase's span for one publication date, worked out once: an article
    has several dates to read against it.  Never mutated."""
    month_start = published.replace(day=1)
    week_start = published - timedelta(days=published.weekday())
    yesterday = published - timedelta(days=1)
    spans = {
        "today": DateSpan(published, published),
        "yesterday": DateSpan(yesterday, yesterday),
        "this month": _month_span(published.year, published.month),
        "earlier this month": DateSpan(month_start, yesterday),
        "last month": _month_span(*_previous_month(published)),
        "this week": DateSpan(week_start, published),
        "earlier this week": DateSpan(week_start, yesterday),
        "last week": DateSpan(week_start - timedelta(days=7), week_start - timedelta(days=1)),
        "this year": DateSpan(date(published.year, 1, 1), published),
        "earlier this year": DateSpan(date(published.year, 1, 1), yesterday),
        "last year": DateSpan(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)),
    }
    # "the previous day" and "the prior month", read from publication like "yesterday": a
    # text that means the day before another date needs the claim's as_of set by hand.
    for unit, same in (("day", "yesterday"), ("week", "last week"), ("month", "last month")):
        spans[f"previous {unit}"] = spans[f"prior {unit}"] = spans[same]
    spans["previous year"] = spans["prior year"] = spans["last year"]
    return spans


@lru_cache(maxsize=4096)
def _whole_periods(published: date) -> dict[str, DateSpan]:
    """ "This week/month/year" read forwards: the whole week, month or year of publication."""
    week_start = published - timedelta(days=published.weekday())
    return {
        "this week": DateSpan(week_start, week_start + timedelta(days=6)),
        "this month": _month_span(published.year, published.month),
        "this year": DateSpan(date(published.year, 1, 1), date(published.year, 12, 31)),
    }


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTED_BACK = re.compile(
    r"^(?:(?P<count>a|an|one|two|three|four|five|six|\d{1,2}) (?P<unit>day|week|month|year)s?"
    r" (?:earlier|before|ago|previously)"
    r"|(?:previous|prior|preceding|last) (?P<quarter>quarter)"
    r"|same (?P<same>month) (?:a year earlier|a year ago|last year|of last year))$"
)
"""Periods counted back from a date: "a year earlier", "two weeks ago", "the previous
quarter", "the same month last year"."""


def _shifted_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _counted_back(phrase: str, anchor: date) -> DateSpan | None:
    """A period counted back from ``anchor`` (publication, or a date the sentence names).

    "N days/weeks earlier" is that day; "a month earlier" that month; "a year earlier" the
    same month a year before ("up 1.7 percent from a year earlier" compares a month with
    the same month); "the previous quarter" the three months before the anchor's month;
    "the same month last year" the anchor's month a year before.
    """
    match = _COUNTED_BACK.fullmatch(phrase)
    if match is None:
        return None
    if match["quarter"]:
        first, last = _shifted_months(anchor, 3), _shifted_months(anchor, 1)
        return DateSpan(_month_span(*first).first, _month_span(*last).last)
    if match["same"]:
        return _month_span(*_shifted_months(anchor, 12))
    count = _COUNTS.get(match["count"]) or int(match["count"])
    unit = match["unit"]
    if unit in ("day", "week"):
        day = anchor - timedelta(days=count * (7 if unit == "week" else 1))
        return DateSpan(day, day)
    return _month_span(*_shifted_months(anchor, count * (12 if unit == "year" else 1)))


def last_weekday(name: str, published: date) -> date:
    """The most recent such weekday on or before publication: "on Tuesday" in a Tuesday paper."""
    back = (published.weekday() - WEEKDAYS[name]) % 7
    return published - timedelta(days=back)


def next_weekday(name: str, published: date) -> date:
    """The first such weekday on or after publication: "due to end on Monday"."""
    ahead = (WEEKDAYS[name] - published.weekday()) % 7
    return published + timedelta(days=ahead)


LEAP_YEAR = 2000


def _calendar_date(text: str, published: date, future: bool = False) -> DateSpan:
    # Without a year, read it in a leap year so that "February 29" exists until the year is
    # chosen (the occurrence nearest to publication).
    year = published.year if _YEAR.search(text) else LEAP_YEAR
    parsed = _parse_calendar(text, date(year, published.month, 1))
    if not _MONTH_WORD.search(text) and not _YEAR.search(text):
        raise DateError(f"cannot read {text!r} as a date: name the month")
    has_day = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text) is not None
    if not _YEAR.search(text):
        return _occurrence(parsed, has_day, published, text, future)
    if not has_day:
        return (
            _month_span(parsed.year, parsed.month)
            if _MONTH_WORD.search(text)
            else DateSpan(date(parsed.year, 1, 1), date(parsed.year, 12, 31))
        )
    return DateSpan(parsed, parsed)


def _parse_calendar(text: str, default: date) -> date:
    """The date dateutil reads, with ``default`` filling what the text leaves out."""
    parsed = common_date(text, default)
    if parsed is not None:
        return parsed
    try:
        return dateutil_parser.parse(text, default=_as_datetime(default)).date()
    except (ValueError, OverflowError) as error:
        raise DateError(f"cannot read {text!r} as a date") from error


def common_date(text: str, default: date) -> date | None:
    """What dateutil reads in the shapes news text mostly uses ("feb. 24", "24 february
    2022", "march 2022"), without its tokenizer, which was most of the cost of a date; None
    for any other shape, and for a day the month lacks, so that dateutil says why."""
    match = _COMMON_DATE.fullmatch(text)
    if match is None:
        return None
    month = MONTHS.get(match["month"] or match["month_after"])
    if month is None:
        return None
    day = match["day"] or match["day_first"]
    year = match["year"]
    try:
        return date(int(year) if year else default.year, month, int(day) if day else default.day)
    except ValueError:
        return None


def _occurrence(day: date, has_day: bool, published: date, text: str, future: bool) -> DateSpan:
    """A date written without its year: in a report, the most recent such day (or month) on
    or before publication; in a claim marked future, the first on or after it.

    "January" in a paper of September 2024 is January 2024, not January 2025; "July 26"
    said of a scheduled opening in April 2024 (``tense: future``) is 26 July 2024.
    """
    spans = []
    for year in range(published.year - 8, published.year + 9):  # 8: leap days skip a century year
        try:
            moved = day.replace(year=year)
        except ValueError:
            continue
        spans.append(DateSpan(moved, moved) if has_day else _month_span(year, moved.month))
    if future:
        ahead = [span for span in spans if span.last >= published]
        if ahead:
            return min(ahead, key=lambda span: span.first)
    else:
        behind = [span for span in spans if span.first <= published]
        if behind:
            return max(behind, key=lambda span: span.first)
    raise DateError(f"{text!r} is not a date near {describe(published)}")


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _day_range(phrase: str, published: date, future: bool) -> DateSpan | None:
    """ "march 3 and 5": the days from the first to the last, both in the month named."""
    match = _DAY_RANGE.fullmatch(phrase)
    if match is None:
        return None
    month = match["month"] or match["month_after"]
    year = f" {match['year']}" if match["year"] else ""
    first_day = f"{month} {match['first'] or match['first_before']}{year}"
    first = _calendar_date(first_day, published, future)
    # Both ends in the year chosen for the first: each nearest to publication could differ.
    last_day = f"{month} {match['last'] or match['last_before']} {first.first.year}"
    last = _calendar_date(last_day, published, future)
    if last.first < first.first:
        raise DateError(f"{phrase!r}: the range ends before it begins")
    return DateSpan(first.first, last.last)


_NAMED_MONTH = re.compile(r"^(?:last (?P<last>[a-z]+)|(?P<month>[a-z]+) (?P<year>last|this) year)$")
"""A month named against publication: "last July", "September last year", "May this year"."""


def _named_month(phrase: str, published: date) -> DateSpan | None:
    """ "last July": the last July wholly before publication's month; "September last
    year": September of the year before; "May this year": May of publication's year."""
    match = _NAMED_MONTH.fullmatch(phrase)
    if match is None:
        return None
    month = MONTHS.get(match["last"] or match["month"])
    if month is None:
        return None
    if match["last"]:
        year = published.year if month < published.month else published.year - 1
    else:
        year = published.year - (match["year"] == "last")
    return _month_span(year, month)


def parse_date(text: str, published: date, future: bool = False) -> DateSpan:
    """Resolve a date expression; a weekday named with a date must agree with it (else a
    ``WeekdayError`` that still carries the date).  ``future``: the text looks ahead, so
    a weekday or a date without its year is the next one, not the last.

    A phrase that would fall before year 1 or after 9999 ("yesterday" in a paper of
    1 January 0001) is a ``DateError`` like any unreadable date, not Python's overflow.
    """
    try:
        return _parse_date(text, published, future)
    except DateError:
        raise
    except (ValueError, OverflowError):
        raise DateError(
            f"{text!r} read in an article published {published.isoformat()} falls outside "
            "the calendar (years 1 to 9999)"
        ) from None


def _parse_date(text: str, published: date, future: bool) -> DateSpan:
    phrase = " ".join(text.lower().replace(".", ". ").split()).strip()
    phrase = phrase.removeprefix("on ").removeprefix("the ").strip()
    relative = _relative(phrase, published, future) or _counted_back(phrase, published)
    if relative is not None:
        return relative
    if phrase in WEEKDAYS:
        day = (next_weekday if future else last_weekday)(phrase, published)
        return DateSpan(day, day)
    days = _day_range(phrase, published, future) or _named_month(phrase, published)
    if days is not None:
        return days
    match = _WEEKDAY_PREFIX.match(phrase)
    weekday = match.group(1) if match and match.group(2) else None
    span = _calendar_date(match.group(2) if match and weekday else phrase, published, future)
    if weekday and span.first == span.last and span.first.weekday() != WEEKDAYS[weekday]:
        raise WeekdayError(
            f"{text!r}: {describe(span.first)} was a "
            f"{calendar.day_name[span.first.weekday()]}, not a {weekday.capitalize()}",
            span,
        )
    return span
