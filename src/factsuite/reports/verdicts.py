"""How a check's outcome counts: the same in pytest's summary, per-article items and the CLI.

Its words are in ``wording.py``.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from factsuite.checking.engine import Outcome


class Status(StrEnum):
    """How an outcome counts, the same in pytest's summary, per-article items and the CLI."""

    PASSED = "passed"
    FAILED = "failed"
    FINDING = "recorded finding"
    VANISHED = "finding no longer holds"
    DRAFT = "draft, needs review"


def status(outcome: Outcome) -> Status:
    if outcome.item.draft:
        return Status.DRAFT
    if outcome.finding is not None:
        if outcome.passed:
            return Status.VANISHED
        return Status.FAILED if not_reviewed(outcome) else Status.FINDING
    return Status.PASSED if outcome.passed else Status.FAILED


def not_reviewed(outcome: Outcome) -> bool:
    """A finding is recorded, but for another failure than this one (its fingerprint differs)."""
    finding = outcome.finding
    return (
        finding is not None
        and finding.fingerprint is not None
        and not outcome.passed
        and outcome.fingerprint != finding.fingerprint
    )


def tally(outcomes: list[Outcome]) -> Counter[Status]:
    return Counter(status(outcome) for outcome in outcomes)
