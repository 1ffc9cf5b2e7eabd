"""The README's convention for a figure of a period: its record is dated on the period's
last day, and the claim of that figure takes the same day as ``as_of``.  The checks compare
days: a claim as of the first day is compared with the period before."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsuite.checking.engine import evaluate, load_articles

ARTICLE = (
    "Jobless rate rises in July\n"
    "The unemployment rate rose to 6.4 percent in July, Statistics Canada said on Friday.\n"
)
CLAIMS = """claims:
  - id: rate-july
    quote: The unemployment rate rose to 6.4 percent in July
    value: 6.4 percent
    unit: percent
    measure: unemployment rate
    population: labour force in Canada
    as_of: {as_of}
    attributed: Statistics Canada
relations: []
ignored:
  - quote: in July, Statistics Canada said on Friday
    reason: the month and the day of the release, not checked here
"""
SERIES = """measure: unemployment rate
population: labour force in Canada
agency: Statistics Canada
unit: percent
cumulative: false
lag_days: 0
source: Statistics Canada, Labour Force Survey
licence: Statistics Canada Open Licence
notes: each record is dated on the last day of the month it refers to
"""
RECORDS = """date,value,qualifier,source,url,note
2024-06-30,6.2,,Labour Force Survey released 5 July 2024,,June
2024-07-31,6.4,,Labour Force Survey released 9 August 2024,,July
"""


def _record_passes(tmp_path: Path, as_of: str) -> bool:
    folder = tmp_path / "facts" / "2024-08-09-jobs"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(ARTICLE, "utf-8")
    (folder / "meta.yaml").write_text(
        "headline: Jobless rate rises in July\npublished: 2024-08-09\noutlet: null\nurl: null\n",
        "utf-8",
    )
    (folder / "claims.yaml").write_text(CLAIMS.format(as_of=as_of), "utf-8")
    series = tmp_path / "reference" / "statcan-unemployment-rate"
    series.mkdir(parents=True)
    (series / "series.yaml").write_text(SERIES, "utf-8")
    (series / "records.csv").write_text(RECORDS, "utf-8")
    evaluation = evaluate(load_articles([folder]))
    (article,) = evaluation.articles
    return evaluation.outcome(article, "record[rate-july]").passed


@pytest.mark.parametrize(("as_of", "passes"), [("2024-07-31", True), ("2024-07-01", False)])
def test_a_monthly_figure_is_as_of_its_last_day(tmp_path: Path, as_of: str, passes: bool) -> None:
    """As of 31 July, July's 6.4 percent; as of 1 July, the latest record before is June's."""
    assert _record_passes(tmp_path, as_of) is passes
