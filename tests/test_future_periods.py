"""A figure the text looks ahead to, "this year"/"this month"/"this week", is of the whole
period (round five): "expected to handle 4.9 million containers this year" with ``tense:
future`` is as of any day of the year, not only up to publication.  A past figure of "this
year" still ends at publication, and a future one still lies within the year."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsuite.meaning.dates import parse_date
from tests.first_user import check_failures, write_article

TEXT = (
    "Valdora port expects another record year\n\n"
    "The Port of Valdora handled 4.6 million containers last year and is expected to handle"
    " 4.9 million containers this year, the port authority said on Monday.\n"
)
CLAIMS = """claims:
  - id: containers-2023
    quote: handled 4.6 million containers last year
    value: 4.6 million
    unit: count
    population: shipping containers
    measure: containers handled by the Port of Valdora in a year
    as_of: 2023-12-31
  - id: containers-2024
    quote: expected to handle 4.9 million containers this year
    value: 4.9 million
    unit: count
    population: shipping containers
    measure: containers the Port of Valdora expects to handle in a year
    as_of: {as_of}
    tense: future
{date_claim}  - id: said-on
    quote: said on Monday
    value: Monday
    unit: date
    measure: day of the port authority's statement
    as_of: 2024-03-11
"""
DATE_CLAIM = """  - id: this-year
    quote: 4.9 million containers this year
    value: this year
    unit: date
    measure: the year of the forecast
    as_of: {as_of}
    tense: future
"""


def _port(tmp_path: Path, *, as_of: str = "2024-12-31", date_claim: bool = True) -> Path:
    claims = CLAIMS.format(
        as_of=as_of, date_claim=DATE_CLAIM.format(as_of=as_of) if date_claim else ""
    )
    return write_article(tmp_path, "2024-03-12-valdora-port", "2024-03-12", TEXT, claims)


def test_a_forecast_for_this_year_is_as_of_the_years_end(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Failed before: "this year" ... means 1 January 2024 to Tuesday 12 March 2024."""
    assert check_failures(capsys, _port(tmp_path)) == {}


def test_a_forecast_for_this_year_covers_its_date_without_a_date_claim(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The count alone accounts for "this year" in its quote: `coverage` read it backwards."""
    assert check_failures(capsys, _port(tmp_path, date_claim=False)) == {}


def test_a_forecast_for_this_year_dated_next_year_still_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    failures = check_failures(capsys, _port(tmp_path, as_of="2025-06-30"))
    assert "calendar[this-year]" in failures
    assert "Tuesday 31 December 2024" in failures["calendar[this-year]"]


def test_a_past_this_year_still_ends_at_publication(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The same words without the look ahead: "has handled 1.1 million containers this
    year" cannot be as of December."""
    folder = _port(tmp_path)
    text = (folder / "article.txt").read_text("utf-8")
    (folder / "article.txt").write_text(
        text.replace("is expected to handle", "has already handled"), "utf-8"
    )
    claims = (folder / "claims.yaml").read_text("utf-8")
    claims = claims.replace("expected to handle 4.9", "already handled 4.9")
    (folder / "claims.yaml").write_text(claims.replace("    tense: future\n", ""), "utf-8")
    failures = check_failures(capsys, folder)
    assert "calendar[this-year]" in failures
    assert "Tuesday 12 March 2024" in failures["calendar[this-year]"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_period_read_forwards_holds_its_part_up_to_publication(published: date) -> None:
    """Forwards, "this week/month/year" is the whole period: it holds the past reading and
    no day of another period."""
    for phrase, length in (("this week", 7), ("this month", None), ("this year", None)):
        past, ahead = parse_date(phrase, published), parse_date(phrase, published, True)
        assert ahead.first == past.first <= published <= past.last <= ahead.last
        if length:
            assert ahead.last - ahead.first == timedelta(days=length - 1)
        else:
            assert (ahead.last + timedelta(days=1)).day == 1
            assert phrase == "this month" or (ahead.last.month, ahead.last.day) == (12, 31)
