"""What a claim's quote covers (#14): shorter and longer forms of its figure, and the date
that is its own as_of; a rescaled figure or another date is still demanded."""

from __future__ import annotations

from datetime import date

import pytest

from factsuite.checking.covering import covers, same_figure
from factsuite.files.model import Claim
from factsuite.meaning.mentions import find_mentions

PUBLISHED = date(2025, 9, 16)


@pytest.mark.parametrize(
    ("mention", "claimed", "same"),
    [
        ("millions of", "millions", True),
        ("three decades", "three", True),
        ("three", "three quarters", True),
        ("61", "61", True),
        ("5 million", "5", False),
        ("5 percent", "5", False),
        ("15", "1.5", False),
        ("three", "thirty", False),
    ],
)
def test_same_figure(mention: str, claimed: str, same: bool) -> None:
    assert same_figure(mention, claimed) is same


def _count(quote: str, value: str, as_of: str) -> Claim:
    return Claim.model_validate(
        {
            "id": "c",
            "quote": quote,
            "value": value,
            "unit": "people",
            "measure": "deaths",
            "population": "people killed",
            "as_of": as_of,
        }
    )


def test_a_date_that_is_the_claims_as_of_is_covered() -> None:
    quote = "up from 61 the previous day"
    (_, day) = find_mentions(quote)
    assert covers(day, _count(quote, "61", "2025-09-15"), PUBLISHED)


def test_a_date_that_is_not_the_claims_as_of_is_still_demanded() -> None:
    """The mutation: the claim is as of another day, so the date is not accounted for."""
    quote = "up from 61 the previous day"
    (_, day) = find_mentions(quote)
    assert not covers(day, _count(quote, "61", "2025-09-10"), PUBLISHED)
