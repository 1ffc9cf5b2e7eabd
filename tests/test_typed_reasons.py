"""Why a value cannot be read, or a quote does not show its figure, as typed values: each
reason is a member of an enum, the words are its ``str()``, and "no problem" is None."""

from __future__ import annotations

from datetime import date

import pytest

from factsuite.meaning.grounding import FigureMismatch, Mismatch, figure_problem
from factsuite.meaning.readings import (
    Unreadability,
    Unreadable,
    WrongWeekday,
    _read_date,
    read_figure,
)

PUBLISHED = date(2024, 1, 24)


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "reason"),
    [
        ("12abc", "", "people", Unreadability.NOT_A_NUMBER),
        ("-5", "", "people", Unreadability.OUT_OF_RANGE),
        ("2000000000000000", "", "people", Unreadability.OUT_OF_RANGE),
        ("several", "about", "people", Unreadability.QUALIFIER_MISFITS),
        ("3", "no such hedge", "people", Unreadability.UNKNOWN_QUALIFIER),
    ],
)
def test_an_unreadable_value_says_why_as_a_reason(
    value: str, qualifier: str, unit: str, reason: Unreadability
) -> None:
    error = read_figure(value, qualifier, unit).error
    assert isinstance(error, Unreadable)
    assert error.reason is reason
    assert str(error) == error.words != ""


def test_a_readable_value_has_no_error() -> None:
    reading = read_figure("3.5 million", "more than", "people")
    assert reading.error is None
    assert reading.calendar_problem is None


def test_a_wrong_weekday_is_a_calendar_problem_not_an_error() -> None:
    reading = _read_date("Tuesday, Jan. 29", PUBLISHED, "date", False)
    assert reading.error is None
    assert isinstance(reading.calendar_problem, WrongWeekday)
    assert "not a Tuesday" in str(reading.calendar_problem)
    error = _read_date("the 45th of Smarch", PUBLISHED, "date", False).error
    assert isinstance(error, Unreadable)
    assert error.reason is Unreadability.NOT_A_DATE


def test_a_figure_mismatch_says_which() -> None:
    missing = figure_problem("up 1.15 percent", "15", "")
    assert isinstance(missing, FigureMismatch)
    assert missing.reason is Mismatch.VALUE_MISSING
    differs = figure_problem("nearly 250 people", "250", "more than")
    assert isinstance(differs, FigureMismatch)
    assert differs.reason is Mismatch.QUALIFIER_DIFFERS
    assert figure_problem("nearly 250 people", "250", "nearly") is None
