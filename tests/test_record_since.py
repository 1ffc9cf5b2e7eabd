"""highest_since / lowest_since: "the highest level since comparable records began in 2011"
checked against the records of the series the claim cites (rule ``record_since``, failing
the claim's ``record[...]`` item).

The West Midlands crime story (``corpus/unseen/d``) says knife offences "rose by 310 to
5,840 from 5,530, the highest level since comparable records began in 2011"; its writer had
no knife-crime series, so the tests give it one (invented, as the corpus's series are).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.findings import Blocked
from factsuite.checking.rules.record_since import record_since
from factsuite.files.article import load_article
from factsuite.meaning.lexicon import Reading
from tests.test_relations import assert_fails, edit, in_both, problems

ROOT = Path(__file__).resolve().parents[1]
CRIME = ROOT / "corpus/unseen/d/facts/2025-10-23-west-midlands-crime"
SERIES = "ons-west-midlands-knife-crime"
RECORDS = [
    ("2012-06-30", 4120),
    ("2016-06-30", 4480),
    ("2020-06-30", 5210),
    ("2024-06-30", 5530),
    ("2025-06-30", 5840),
]
KNIFE = """  measure: 'offences involving a knife or sharp instrument in the year to June 2025'
  population: 'knife offences in the West Midlands'
"""
READING = "pragmatic"


def crime_copy(tmp_path: Path, since: str = "highest_since: 2010-12-31") -> Path:
    """The article with its writer's reference/, a knife-crime series, and the claim citing
    it with ``since``."""
    folder = tmp_path / "facts" / CRIME.name
    shutil.copytree(CRIME, folder)
    shutil.copytree(CRIME.parents[1] / "reference", tmp_path / "reference")
    series = tmp_path / "reference" / SERIES
    series.mkdir()
    (series / "series.yaml").write_text(
        "measure: offences involving a knife or sharp instrument in the 12 months\n"
        "population: knife offences in the West Midlands\n"
        "agency: Office for National Statistics\nunit: count\ncumulative: false\n"
        "lag_days: 0\nsource: ONS police recorded crime (invented for the test)\n"
        "licence: invented figures for testing\n",
        "utf-8",
    )
    rows = "".join(f"{day},{value},,ONS,,\n" for day, value in RECORDS)
    (series / "records.csv").write_text("date,value,qualifier,source,url,note\n" + rows, "utf-8")
    cited = f"  as_of: 2025-06-30\n  cites: {SERIES}\n  {since}\n" if since else ""
    edit(folder, "claims.yaml", KNIFE, KNIFE + cited)
    return folder


def set_record(tmp_path: Path, day: str, value: int) -> None:
    path = tmp_path / "reference" / SERIES / "records.csv"
    text = path.read_text("utf-8")
    old = next(f"{d},{v}," for d, v in RECORDS if d == day)
    path.write_text(text.replace(old, f"{day},{value},"), "utf-8")


def record_problems(folder: Path, reading: Reading = Reading.PRAGMATIC) -> list[str]:
    return [p for p in problems(folder, "record[knife-offences]", reading) if "record_since" in p]


# -- unit ------------------------------------------------------------------------------------


def row(extreme: str, claim: tuple[float, float], record: tuple[float, float]) -> pd.DataFrame:
    columns: dict[str, object] = {"extreme": extreme, "unreadable": None}
    for role, (lo, hi) in (("claim", claim), ("record", record)):
        columns |= {
            f"{role}_{READING}_lo": lo,
            f"{role}_{READING}_lo_closed": True,
            f"{role}_{READING}_hi": hi,
            f"{role}_{READING}_hi_closed": False,
        }
    return pd.DataFrame([{Blocked.UNRESOLVED: (), **columns}])


def holds(extreme: str, claim: tuple[float, float], record: tuple[float, float]) -> bool:
    return bool(record_since(row(extreme, claim, record), reading=READING).iloc[0])


def test_a_record_beyond_the_claim_fails_and_one_within_its_reading_does_not() -> None:
    assert holds("highest", (5_835, 5_845), (5_529.5, 5_530.5))
    assert not holds("highest", (5_835, 5_845), (6_119.5, 6_120.5))
    # a record the claim's rounding can reach is no contradiction
    assert holds("highest", (5_835, 5_845), (5_840, 5_850))
    assert holds("lowest", (84_500, 87_500), (90_000, 91_000))
    assert not holds("lowest", (84_500, 87_500), (60_000, 61_000))


values = st.integers(min_value=0, max_value=200)


@given(values, st.integers(min_value=1, max_value=20), values, st.integers(1, 20), st.booleans())
def test_the_rule_fails_exactly_when_every_record_value_is_beyond_every_claim_value(
    claim: int, claim_width: int, record: int, record_width: int, highest: bool
) -> None:
    """Sound and sharp against the values of half-open intervals [lo, hi)."""
    claims = (claim, claim + claim_width)
    records = (record, record + record_width)
    # highest: some record value below some claim value; lowest: some above
    expected = records[0] < claims[1] if highest else claims[0] < records[1]
    assert holds("highest" if highest else "lowest", claims, records) == expected


# -- schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("highest_since: 2010-12-31\n  lowest_since: 2010-12-31", "not both"),
        ("highest_since: 2025-07-31", "must come before as_of"),
        ("highest_since: 2011", "is not a date"),
    ],
)
def test_a_bad_since_is_a_located_schema_error(tmp_path: Path, since: str, message: str) -> None:
    folder = crime_copy(tmp_path, since)
    article = load_article(folder)
    errors = [str(error) for error in article.errors]
    assert any(message in error and "claims.yaml:" in error for error in errors), errors


def test_since_without_a_series_is_refused(tmp_path: Path) -> None:
    """With nothing to compare against, the words would pass unchecked: a schema error."""
    folder = crime_copy(tmp_path, since="")
    edit(folder, "claims.yaml", KNIFE, KNIFE + "  highest_since: 2010-12-31\n")
    errors = [str(error) for error in load_article(folder).errors]
    assert any("name it with cites" in error for error in errors), errors


# -- mutations -------------------------------------------------------------------------------


def test_the_highest_since_2011_passes_against_lower_records(tmp_path: Path) -> None:
    folder = crime_copy(tmp_path)
    for reading in Reading:
        assert record_problems(folder, reading) == []


def test_mutation_a_higher_record_after_the_day(tmp_path: Path) -> None:
    """The series holds 6,120 for 2016: 5,840 is no longer the highest since 2011."""
    folder = crime_copy(tmp_path)
    set_record(tmp_path, "2016-06-30", 6120)
    assert_fails(
        record_problems(folder),
        "record_since",
        "The figure is said to be the highest since Friday 31 December 2010, but Office for "
        "National Statistics recorded a higher one after that day.",
        "  claim     knife-offences (claims.yaml:",
        '"5,840" reads as [5,835, 5,845)',
        "  since     Friday 31 December 2010; records after it and before Monday 30 June 2025",
        "  record    6,120 on Thursday 30 June 2016: ONS",
        "On Thursday 30 June 2016 the claim is at most 5,845, but the record is at least 6,115.",
        "fails under both readings",
    )


def test_mutation_the_figure_lowered_in_article_and_claims(tmp_path: Path) -> None:
    """A writer who typed "to 5,040" (and its record, 5,840, still in the series) is caught by
    the record itself and, against 2020's 5,210 and 2024's 5,530, by the highest since: one
    problem per record above it."""
    folder = crime_copy(tmp_path)
    in_both(folder, "rose by 310 to 5,840 from 5,530", "rose by 310 to 5,040 from 5,530")
    edit(folder, "claims.yaml", "value: 5,840", "value: 5,040")
    texts = problems(folder, "record[knife-offences]")
    assert any(text.startswith("[record_matches] ") for text in texts), texts
    assert_fails(
        texts,
        "record_since",
        "  record    5,210 on Tuesday 30 June 2020: ONS",
        "the claim is at most 5,045, but the record is at least 5,205.",
    )
    assert len(record_problems(folder)) == 2


def test_a_record_on_or_before_the_day_is_not_compared(tmp_path: Path) -> None:
    """ "since records began in 2011" excepts nothing before: a higher record dated on the
    day given (or before it) is not in the window, nor is the claim's own."""
    folder = crime_copy(tmp_path, "highest_since: 2012-06-30")
    set_record(tmp_path, "2012-06-30", 9000)
    assert record_problems(folder) == []


def test_mutation_the_lowest_since_fails_against_a_lower_record(tmp_path: Path) -> None:
    folder = crime_copy(tmp_path, "lowest_since: 2010-12-31")
    assert_fails(
        record_problems(folder),
        "record_since",
        "said to be the lowest since Friday 31 December 2010",
        "recorded a lower one after that day",
        "  record    4,120 on Saturday 30 June 2012: ONS",
        "the claim is at least 5,835, but the record is at most 4,125.",
    )
