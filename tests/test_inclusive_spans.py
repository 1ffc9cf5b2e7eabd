"""``spans`` with ``inclusive: true`` counts both end days (#14): "a three-day stoppage from
Jan. 10 to Jan. 12", "the seven days to Jan. 24" from 18 to 24 January.  Where neither
``inclusive`` nor the words say how (round five), either count fits: "four days of talks
that ran from Saturday 13 December to Tuesday 16 December" (both ends) and "the 49 days from
July 1 to Monday" (days elapsed) both pass, and a duration several days off still fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsuite.checking.engine import evaluate, load_articles
from tests.first_user import check_failures, write_article

ARTICLE = "The union held a three-day stoppage from Jan. 10 to Jan. 12.\n"
CLAIMS = """claims:
  - id: stoppage-length
    quote: a three-day stoppage
    value: three
    unit: days
    measure: length of the stoppage
  - id: stoppage-start
    quote: from Jan. 10
    value: Jan. 10
    unit: date
    measure: first day of the stoppage
    as_of: 2024-01-10
  - id: stoppage-end
    quote: to Jan. 12
    value: Jan. 12
    unit: date
    measure: last day of the stoppage
    as_of: {end}
relations:
  - id: stoppage-span
    rule: spans
    duration: stoppage-length
    start: stoppage-start
    end: stoppage-end
{inclusive}"""


def _span_problems(tmp_path: Path, *, inclusive: bool | None, end: str = "Jan. 12") -> list[str]:
    folder = tmp_path / "2024-01-24-strike"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE.replace("Jan. 12", end), "utf-8")
    (folder / "meta.yaml").write_text(
        "headline: null\npublished: 2024-01-24\noutlet: null\nurl: null\n", "utf-8"
    )
    as_of = {"Jan. 12": "2024-01-12", "Jan. 13": "2024-01-13"}[end]
    flag = "" if inclusive is None else f"    inclusive: {str(inclusive).lower()}\n"
    claims = CLAIMS.format(end=as_of, inclusive=flag)
    (folder / "claims.yaml").write_text(claims.replace("Jan. 12", end), "utf-8")
    (article,) = load_articles([folder])
    outcome = evaluate([article]).outcome(article, "stoppage-span")
    return [problem.rule for problem in outcome.problems]


def test_inclusive_counts_both_end_days(tmp_path: Path) -> None:
    assert _span_problems(tmp_path, inclusive=True) == []


def test_inclusive_false_counts_the_two_days_between(tmp_path: Path) -> None:
    assert set(_span_problems(tmp_path, inclusive=False)) == {"duration_fits_dates"}


def test_unstated_the_stoppage_may_count_both_end_days(tmp_path: Path) -> None:
    """Failed before: the quote "a three-day stoppage" says nothing of the count."""
    assert _span_problems(tmp_path, inclusive=None) == []


def test_a_wrong_inclusive_span_still_fails(tmp_path: Path) -> None:
    """The mutation: Jan. 10 to Jan. 13 is four days counted inclusively, not three."""
    assert set(_span_problems(tmp_path, inclusive=True, end="Jan. 13")) == {"duration_fits_dates"}


TALKS = (
    "Ceasefire talks end without a deal\n\n"
    "Negotiators ended four days of talks that ran from Saturday 13 December to Tuesday"
    " 16 December without agreeing a ceasefire, the foreign ministry said on Wednesday.\n"
)
TALKS_CLAIMS = """claims:
  - id: talks-length
    quote: four days of talks that ran from Saturday 13 December to Tuesday 16 December
    value: four
    unit: days
    measure: length of the ceasefire talks
  - id: talks-start
    quote: from Saturday 13 December
    value: Saturday 13 December
    unit: date
    measure: first day of the ceasefire talks
    as_of: 2025-12-13
  - id: talks-end
    quote: to Tuesday 16 December
    value: Tuesday 16 December
    unit: date
    measure: last day of the ceasefire talks
    as_of: 2025-12-16
  - id: ministry-said
    quote: said on Wednesday
    value: Wednesday
    unit: date
    measure: day of the ministry's statement
    as_of: 2025-12-17
relations:
  - id: talks-span
    rule: spans
    duration: talks-length
    start: talks-start
    end: talks-end
"""
DRY = (
    "Valdora's driest summer on record\n\n"
    "Just 12 millimetres of rain fell at the city airport in the 49 days from July 1 to"
    " Monday, the weather service said on Tuesday.\n"
)
DRY_CLAIMS = """claims:
  - id: dry-days
    quote: the 49 days from July 1 to Monday
    value: "49"
    unit: days
    measure: length of the dry spell
  - id: dry-start
    quote: from July 1
    value: July 1
    unit: date
    measure: first day of the dry spell
    as_of: 2024-07-01
  - id: dry-end
    quote: to Monday
    value: Monday
    unit: date
    measure: day the dry spell was measured to
    as_of: 2024-08-19
  - id: service-said
    quote: said on Tuesday
    value: Tuesday
    unit: date
    measure: day of the weather service's statement
    as_of: 2024-08-20
relations:
  - id: dry-span
    rule: spans
    duration: dry-days
    start: dry-start
    end: dry-end
ignored:
  - quote: 12 millimetres
    reason: Rainfall in millimetres, a unit the claims do not take; no relation uses it.
"""


def _talks(tmp_path: Path, old: str = "", new: str = "") -> Path:
    return write_article(
        tmp_path,
        "2025-12-18-ceasefire-talks",
        "2025-12-18",
        TALKS.replace(old, new),
        TALKS_CLAIMS.replace(old, new),
    )


def _dry(tmp_path: Path, old: str = "", new: str = "") -> Path:
    return write_article(
        tmp_path,
        "2024-08-21-dry-summer",
        "2024-08-21",
        DRY.replace(old, new),
        DRY_CLAIMS.replace(old, new),
    )


def test_four_days_of_talks_count_both_end_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Failed before: "The dates are exactly 3 days apart; the duration allows [3.5 days,
    4.5 days)"."""
    assert check_failures(capsys, _talks(tmp_path)) == {}


def test_49_days_from_july_1_count_the_days_elapsed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Failed before: "The dates span exactly 50 days, both end days counted"."""
    assert check_failures(capsys, _dry(tmp_path)) == {}


def test_talks_two_days_longer_still_fail_under_either_count(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _talks(tmp_path, "Tuesday 16 December", "Thursday 18 December")
    (folder / "claims.yaml").write_text(
        (folder / "claims.yaml").read_text("utf-8").replace("2025-12-16", "2025-12-18"), "utf-8"
    )
    failures = check_failures(capsys, folder)
    assert set(failures) == {"talks-span"}
    assert (
        "The dates are exactly 5 days apart, or span exactly 6 days with both end days counted"
        " (its words allow either count); the duration allows [3.5 days, 4.5 days)"
    ) in failures["talks-span"]


def test_a_dry_spell_several_days_off_still_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    failures = check_failures(capsys, _dry(tmp_path, "49", "45"))
    assert set(failures) == {"dry-span"}
    assert "exactly 49 days apart, or span exactly 50 days" in failures["dry-span"]


def test_through_counts_both_end_days(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Explicit words decide: "through" counts both ends, so the 49 days are 50."""
    folder = _dry(tmp_path, "July 1 to Monday", "July 1 through Monday")
    claims = (
        (folder / "claims.yaml")
        .read_text("utf-8")
        .replace("quote: to Monday", "quote: through Monday")
    )
    (folder / "claims.yaml").write_text(claims, "utf-8")
    failures = check_failures(capsys, folder)
    assert set(failures) == {"dry-span"}
    assert "The dates span exactly 50 days, both end days counted" in failures["dry-span"]


def test_after_counts_the_days_between(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Explicit words decide: four days "after" Saturday 13 December is the 17th."""
    failures = check_failures(
        capsys, _talks(tmp_path, "four days of talks that ran", "four days after talks began")
    )
    assert "The dates are exactly 3 days apart; the duration allows" in failures["talks-span"]


def test_inclusive_stated_decides_over_the_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _talks(tmp_path)
    claims = (folder / "claims.yaml").read_text("utf-8") + "    inclusive: false\n"
    (folder / "claims.yaml").write_text(claims, "utf-8")
    failures = check_failures(capsys, folder)
    assert "The dates are exactly 3 days apart; the duration allows" in failures["talks-span"]
