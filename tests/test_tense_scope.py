"""A future word reaches only the date it governs (round five): in "bills would rise by
6 percent in July, the first increase since 2019", July looks ahead and 2019 does not; nor
does a date in a clause of its own in the past ("will replace the bridge that opened in
1962"), nor one of "would have" ("the plant would have opened in 2019").  Real future dates
("will take effect on July 1", "is due to open in 2027") still read as future, and still
fail when they have passed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factsuite.meaning.tense import future_reason
from tests.first_user import check_failures, write_article

TEXT = (
    "Water bills to rise\n\n"
    "Valdora Water said on Wednesday that average bills would rise by 6 percent in July,"
    " the first increase since 2019. The new tariff will take effect on July 1. A treatment"
    " works that will replace the plant that opened in 1962 is due to open in 2027.\n"
)
CLAIMS = """claims:
  - id: said-on
    quote: said on Wednesday
    value: Wednesday
    unit: date
    measure: day of the company's statement
    as_of: 2024-05-08
  - id: bill-rise
    quote: average bills would rise by 6 percent
    value: 6 percent
    unit: percent_change
    measure: change in the average water bill
    as_of: 2024-07-01
    tense: future
  - id: rise-month
    quote: 6 percent in July
    value: July
    unit: date
    measure: month the rise takes effect
    as_of: 2024-07-01
  - id: last-increase
    quote: the first increase since 2019
    value: "2019"
    unit: date
    measure: year of the last increase in bills
    as_of: 2019-04-01
  - id: tariff-start
    quote: will take effect on July 1
    value: July 1
    unit: date
    measure: day the new tariff takes effect
    as_of: 2024-07-01
  - id: old-plant
    quote: the plant that opened in 1962
    value: "1962"
    unit: date
    measure: year the old treatment plant opened
    as_of: 1962-06-30
  - id: works-opening
    quote: is due to open in 2027
    value: "2027"
    unit: date
    measure: year the new treatment works opens
    as_of: 2027-06-30
"""


def _bills(tmp_path: Path, old: str = "", new: str = "") -> Path:
    return write_article(
        tmp_path,
        "2024-05-09-water-bills",
        "2024-05-09",
        TEXT.replace(old, new),
        CLAIMS.replace(old, new),
    )


def test_since_and_a_past_clause_stay_past_beside_a_future_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Failed before: calendar[last-increase] and calendar[old-plant], "the claim looks ahead
    to it (tense: future ...): a scheduled date cannot have passed"."""
    assert check_failures(capsys, _bills(tmp_path)) == {}


def _edited(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    folder = _bills(tmp_path)
    for name in ("article.txt", "claims.yaml"):
        path = folder / name
        text = path.read_text("utf-8")
        for old, new in edits:
            text = text.replace(old, new)
        path.write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize(
    ("edits", "check", "words"),
    [
        (
            [
                ("July 1", "April 1"),
                ("as_of: 2024-07-01\n  - id: old", "as_of: 2024-04-01\n  - id: old"),
            ],
            "calendar[tariff-start]",
            "means Tuesday 1 April 2025",  # read forwards: the next April 1
        ),
        ([("2027", "2023")], "calendar[works-opening]", "looks ahead"),
    ],
)
def test_a_future_date_that_has_passed_still_fails(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    edits: list[tuple[str, str]],
    check: str,
    words: str,
) -> None:
    failures = check_failures(capsys, _edited(tmp_path, *edits))
    assert set(failures) == {check}
    assert words in failures[check]


def test_a_since_date_after_publication_still_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    failures = check_failures(capsys, _edited(tmp_path, ("2019", "2025")))
    assert "calendar[last-increase]" in failures
    assert "cannot tell of it as past" in failures["calendar[last-increase]"]


PUBLISHED = date(2024, 5, 9)


@pytest.mark.parametrize(
    ("sentence", "value", "future"),
    [
        ("The bank said it would raise rates, the first increase since 2019.", "2019", False),
        ("It would be the highest level since early 2020.", "early 2020", False),
        ("The council will replace the bridge that opened in 1962.", "1962", False),
        ("The line, which closed in March, will reopen on Monday.", "March", False),
        ("The plant would have opened in 2019.", "2019", False),
        ("The council will reopen the line closed in 2020.", "2020", False),
        ("It will reopen the bridge, damaged in March.", "March", False),
        ("The stadium will reopen on June 3.", "June 3", True),
        ("The works will be opened in June.", "June", True),
        ("The hall is expected to be completed in 2027.", "2027", True),
        ("The bank is expected to hold rates in June.", "June", True),
        ("The new terminal is due to open in 2027.", "2027", True),
        ("The line, which closed in March, will reopen on Monday.", "Monday", True),
        ("Talks that are expected to resume in June were suspended.", "June", True),
        ("Ministers will meet twice, on Monday and Friday.", "Friday", True),
    ],
)
def test_a_future_word_reaches_the_date_it_governs(sentence: str, value: str, future: bool) -> None:
    assert bool(future_reason(sentence, value, sentence, PUBLISHED)) is future
