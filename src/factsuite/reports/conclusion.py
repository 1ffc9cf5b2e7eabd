"""A check's verdict in one line, for where only one line is read: a JUnit failure's
``message`` (Jenkins' "Error Message"), a GitHub annotation, a script's summary."""

from __future__ import annotations

from factsuite.checking.engine import Outcome
from factsuite.checking.findings import ClaimRef
from factsuite.reports.verdicts import Status, status
from factsuite.reports.wording import problem_text


def conclusion(outcome: Outcome) -> str:
    """A check's verdict in one line: ``[rule] summary`` and the numbers that clash.

    "[part_within_whole] A part cannot be larger than its whole. The part is at least
    4,500,000, but the whole is at most 4,000,000." -- the claims' quotes are left out.
    """
    if status(outcome) is Status.VANISHED:
        return "passes, but claims.yaml records a finding for it: remove the finding"
    if not outcome.problems:
        return str(status(outcome))
    problem = outcome.problems[0]
    head = problem_text(problem).split("\n", 1)[0]
    said = [line for line in problem.body if not isinstance(line, ClaimRef)]
    return " ".join(" ".join([head, *said]).split())


def with_conclusion(text: str, outcome: Outcome) -> str:
    """A failure's text whose first line ends with its conclusion."""
    head, newline, rest = text.partition("\n")
    return f"{head}: {conclusion(outcome)}{newline}{rest}"
