"""A claim looks ahead by its own ``tense`` or by a future word before its value (#14)."""

from __future__ import annotations

from datetime import date

import pytest

from factsuite.files.model import Claim
from factsuite.meaning.readings import read_claim
from factsuite.meaning.tense import is_future


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
