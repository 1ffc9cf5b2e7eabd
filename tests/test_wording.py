"""reports/wording.py: the one place problems and outcomes become words."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest

from factsuite.checking.engine import CheckItem, Outcome
from factsuite.checking.findings import ClaimRef, Problem
from factsuite.files.model import Finding, Verdict
from factsuite.meaning.intervals import Interval
from factsuite.meaning.lexicon import Reading
from factsuite.reports.verdicts import Status
from factsuite.reports.wording import (
    details_text,
    failing_text,
    failure_text,
    listed_text,
    problem_text,
    run_line,
    tally_line,
)

PART = ClaimRef(
    "part",
    "children",
    12,
    "more than 4.5 million children",
    3,
    "more than 4.5 million",
    "people",
    Interval(Fraction(4_500_000), Fraction(5_000_000), lo_closed=False),
)
CLASH = "  The part is at least 4,500,000, but the whole is at most 4,000,000."


def _problem(strict_also: bool | None) -> Problem:
    summary = "A part cannot be larger than its whole."
    return Problem("part_within_whole", summary, (PART, CLASH), Reading.PRAGMATIC, strict_also)


def test_a_problem_reads_rule_summary_claims_numbers_and_reading() -> None:
    assert problem_text(_problem(False)).split("\n") == [
        "[part_within_whole] A part cannot be larger than its whole.",
        "  part      children (claims.yaml:12)",
        '            "more than 4.5 million children" (article.txt:3)',
        '            "more than 4.5 million" reads as (4,500,000, 5,000,000]',
        CLASH,
        "  This fails under the pragmatic reading (what a careful writer means); the strict, "
        "literal reading would allow it.",
    ]


def test_the_reading_note_says_whether_the_strict_reading_fails_too() -> None:
    assert problem_text(_problem(True)).endswith(
        "This fails under both readings of the qualifiers: the claims contradict each other."
    )
    assert problem_text(_problem(None)).endswith(CLASH)


def test_a_claim_not_in_the_article_or_unreadable_says_so() -> None:
    lost = ClaimRef("claim", "gone", 4, "a lost quote", None, "about 3", "people", None)
    text = problem_text(Problem("quote_in_article", "Not there.", (lost,)))
    assert text.split("\n") == [
        "[quote_in_article] Not there.",
        "  claim     gone (claims.yaml:4)",
        '            "a lost quote" (not found in article.txt)',
    ]


def test_the_files_own_errors_are_told_as_they_are() -> None:
    assert problem_text(Problem(None, "claims.yaml:3: claims: bad")) == "claims.yaml:3: claims: bad"


FINDING = Finding(check="relation", verdict=Verdict.INACCURATE, reason="A reviewer  found it.")


def _outcome(failing: bool, finding: Finding | None = None, draft: bool = False) -> Outcome:
    item = CheckItem("relation", "part_of", 7, ("children",), draft=draft)
    return Outcome(item, [_problem(None)] if failing else [], finding)


@pytest.mark.parametrize(
    ("outcome", "fails"),
    [
        (_outcome(False), False),
        (_outcome(True, FINDING), False),
        (_outcome(True, draft=True), False),
        (_outcome(True), True),
        (_outcome(False, FINDING), True),
    ],
)
def test_only_failures_and_vanished_findings_fail_the_run(outcome: Outcome, fails: bool) -> None:
    assert (failing_text("c.yaml:7", outcome) is not None) is fails


def test_a_failure_ends_with_how_to_record_a_finding() -> None:
    text = failure_text("c.yaml:7", _outcome(True))
    assert text.startswith("c.yaml:7: relation failed\n\n[part_within_whole]")
    assert "  factsuite findings record . --check 'relation'" in text
    assert failing_text("c.yaml:7", _outcome(True)) == text


def test_a_vanished_finding_says_to_remove_it() -> None:
    text = details_text("c.yaml:7", _outcome(False, FINDING))
    assert text.startswith("c.yaml:7: relation passes, but claims.yaml records a finding")
    assert "(inaccurate: A reviewer found it.)" in text


def test_a_report_panel_shows_a_findings_problems() -> None:
    assert details_text("c.yaml:7", _outcome(True, FINDING)) == problem_text(_problem(None))
    assert listed_text("c.yaml:7", _outcome(True, FINDING)) == (
        "c.yaml:7: relation: recorded finding (inaccurate)"
    )


def test_tallies_in_words() -> None:
    counts = Counter({Status.PASSED: 63, Status.FAILED: 1, Status.VANISHED: 1, Status.FINDING: 2})
    assert tally_line(15, counts) == (
        "15 claims read, 63 checks passed, 2 failed, 2 recorded findings"
    )
    counts[Status.DRAFT] = 4
    assert run_line(1, counts, 3) == (
        "1 article: 63 passed, 3 failed, 2 recorded findings, 4 checks of draft claims need review"
    )
    assert run_line(2, Counter(), 0).startswith("2 articles: 0 passed")


def test_a_problem_is_a_value() -> None:
    """Equal problems are equal, so the engine tells a group's failure once."""
    assert _problem(False) == _problem(False)
    assert _problem(False).claims == (PART,)
