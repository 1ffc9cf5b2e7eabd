"""``spans`` with ``inclusive: true`` counts both end days (#14): "a three-day stoppage from
Jan. 10 to Jan. 12", "the seven days to Jan. 24" from 18 to 24 January."""

from __future__ import annotations

from pathlib import Path

from factsuite.checking.engine import evaluate, load_articles

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


def _span_problems(tmp_path: Path, *, inclusive: bool, end: str = "Jan. 12") -> list[str]:
    folder = tmp_path / "2024-01-24-strike"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE.replace("Jan. 12", end), "utf-8")
    (folder / "meta.yaml").write_text(
        "headline: null\npublished: 2024-01-24\noutlet: null\nurl: null\n", "utf-8"
    )
    as_of = {"Jan. 12": "2024-01-12", "Jan. 13": "2024-01-13"}[end]
    claims = CLAIMS.format(end=as_of, inclusive="    inclusive: true\n" if inclusive else "")
    (folder / "claims.yaml").write_text(claims.replace("Jan. 12", end), "utf-8")
    (article,) = load_articles([folder])
    outcome = evaluate([article]).outcome(article, "stoppage-span")
    return [problem.rule for problem in outcome.problems]


def test_inclusive_counts_both_end_days(tmp_path: Path) -> None:
    assert _span_problems(tmp_path, inclusive=True) == []


def test_without_inclusive_the_days_between_are_two(tmp_path: Path) -> None:
    assert set(_span_problems(tmp_path, inclusive=False)) == {"duration_fits_dates"}


def test_a_wrong_inclusive_span_still_fails(tmp_path: Path) -> None:
    """The mutation: Jan. 10 to Jan. 13 is four days counted inclusively, not three."""
    assert set(_span_problems(tmp_path, inclusive=True, end="Jan. 13")) == {"duration_fits_dates"}
