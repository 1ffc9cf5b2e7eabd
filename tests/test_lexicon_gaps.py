"""Qualifiers and shares a first-time user wrote that the lexicon lacked (round five): "as
much as 25%" and "within three weeks" (at most), "as many as" (at most, may be left out),
and "one visit in eight" (a share written with its noun between).  Each reads as the
lexicon says, grounds a claim that takes it, and fails one that takes another."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from factsuite.meaning.intervals import Interval
from factsuite.meaning.mentions import find_mentions
from factsuite.meaning.readings import Reading, read_figure
from tests.first_user import check_failures, write_article

TEXT = (
    "Clinic referrals fall\n\n"
    "Of the 16,000 visits to the city's walk-in clinics last year, 2,000 ended with a"
    " referral: one visit in eight, the health board said on Monday. Waiting times could"
    " fall by as much as 25% if patients are seen within three weeks, and as many as 4,000"
    " patients could be treated sooner, it said.\n"
)
CLAIMS = """claims:
  - id: visits
    quote: Of the 16,000 visits to the city's walk-in clinics last year
    value: 16,000
    unit: count
    population: visits to walk-in clinics
    measure: visits to the city's walk-in clinics in 2024
    as_of: 2024-12-31
  - id: referrals
    quote: 2,000 ended with a referral
    value: 2,000
    unit: count
    population: visits to walk-in clinics
    measure: walk-in clinic visits ending with a referral in 2024
    as_of: 2024-12-31
  - id: referral-share
    quote: "referral: one visit in eight"
    value: one visit in eight
    unit: percent
    population: visits to walk-in clinics
    measure: share of walk-in clinic visits ending with a referral in 2024
    as_of: 2024-12-31
  - id: board-said
    quote: said on Monday
    value: Monday
    unit: date
    measure: day of the health board's statement
    as_of: 2025-02-10
  - id: wait-fall
    quote: could fall by as much as 25%
    value: 25%
    qualifier: at most
    unit: percent_change
    measure: fall in clinic waiting times the board expects
  - id: wait-target
    quote: seen within three weeks
    value: three weeks
    qualifier: at most
    unit: weeks
    measure: waiting time target for clinic patients
  - id: sooner
    quote: as many as 4,000 patients
    value: 4,000
    qualifier: at most
    unit: people
    population: clinic patients
    measure: patients who could be treated sooner
relations:
  - id: referral-share-holds
    rule: share_count
    share: referral-share
    part: referrals
    whole: visits
"""


def _clinics(tmp_path: Path, old: str = "", new: str = "") -> Path:
    return write_article(
        tmp_path, "2025-02-11-clinic-referrals", "2025-02-11", TEXT, CLAIMS.replace(old, new)
    )


def test_the_new_spellings_ground_and_the_share_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Failed before: "as much as" and "within" were no qualifiers, and "one visit in eight"
    neither a share nor a mention (coverage asked for "eight")."""
    assert check_failures(capsys, _clinics(tmp_path)) == {}


@pytest.mark.parametrize(
    ("old", "new", "check", "words"),
    [
        (
            "value: 25%\n    qualifier: at most",
            "value: 25%\n    qualifier: more than",
            "grounding[wait-fall]",
            'the quote has "as much as" before "25%"',
        ),
        (
            "value: three weeks\n    qualifier: at most",
            "value: three weeks\n    qualifier: more than",
            "grounding[wait-target]",
            'the quote has "within" before "three weeks"',
        ),
        (
            "value: 4,000\n    qualifier: at most",
            "value: 4,000\n    qualifier: at least",
            "grounding[sooner]",
            'the quote has "as many as" before "4,000"',
        ),
        ("value: 2,000", "value: 4,000", "referral-share-holds", "share_matches_counts"),
    ],
)
def test_a_claim_the_words_do_not_support_still_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str, check: str, words: str
) -> None:
    folder = _clinics(tmp_path, old, new)
    if check == "referral-share-holds":  # the text says 4,000 of 16,000: a quarter
        article = folder / "article.txt"
        article.write_text(article.read_text("utf-8").replace("2,000 ended", "4,000 ended"))
        claims = folder / "claims.yaml"
        claims.write_text(claims.read_text("utf-8").replace("quote: 2,000", "quote: 4,000"))
    failures = check_failures(capsys, folder)
    assert check in failures, failures
    assert words in failures[check]


@pytest.mark.parametrize("value", ["4,000", "three weeks"])
def test_as_many_as_and_within_may_be_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    """ "seen within four hours" often names a category's threshold, not a hedge (the
    tuning corpus encodes it bare), so a claim may leave "within" out, as "as many as"."""
    folder = _clinics(tmp_path, f"value: {value}\n    qualifier: at most", f"value: {value}")
    assert check_failures(capsys, folder) == {}


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "pragmatic"),
    [
        ("25%", "as much as", "percent_change", Interval(Fraction(20), Fraction(25))),
        ("three weeks", "within", "weeks", Interval(Fraction(14), Fraction(21))),
        ("400", "as many as", "people", Interval(Fraction(300), Fraction(400))),
        (
            "one visit in eight",
            "",
            "percent",
            Interval(Fraction(15, 2), Fraction(35, 2), hi_closed=False),
        ),
    ],
)
def test_the_reading(value: str, qualifier: str, unit: str, pragmatic: Interval) -> None:
    assert read_figure(value, qualifier, unit).intervals[Reading.PRAGMATIC] == pragmatic


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("One hospital visit in eight was avoidable.", ["One hospital visit in eight"]),
        ("one child in five is poor", ["one child in five"]),
        ("There were 20 deaths in 24 hours.", []),
        ("He scored one goal in three games.", []),
        ("Two deaths in 2019 were recorded.", []),
    ],
)
def test_a_share_with_its_noun_between(text: str, shares: list[str]) -> None:
    assert [m.value for m in find_mentions(text) if m.kind == "share"] == shares
