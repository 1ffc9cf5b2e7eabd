"""A check's verdict in one line, and every report's failure text led by it.

The line is for where only one line is read: a JUnit failure's ``message`` (Jenkins' "Error
Message"), a GitHub annotation, a folded Markdown block, the HTML report's heading of a
failure.  ``leading_text`` is the failure text every report shows, so that the terminal,
JUnit, JSON, Markdown and HTML all open a failure with the same words.
"""

from __future__ import annotations

from factsuite.checking.engine import Outcome
from factsuite.checking.findings import ClaimRef
from factsuite.reports.verdicts import Status, status
from factsuite.reports.wording import failing_text, problem_text

MAX_CONCLUSION = 500
"""Characters of the line: a coverage failure names every uncovered mention in it."""
VANISHED = "passes, but claims.yaml records a finding for it: remove the finding"


def conclusion(outcome: Outcome) -> str:
    """A check's verdict in one line: ``[rule] summary`` and the numbers that clash.

    "[part_within_whole] A part cannot be larger than its whole. The part is at least
    4,500,000, but the whole is at most 4,000,000." -- the claims' quotes are left out.
    """
    if status(outcome) is Status.VANISHED:
        return VANISHED
    if not outcome.problems:
        return str(status(outcome))
    problem = outcome.problems[0]
    head = problem_text(problem).split("\n", 1)[0]
    said = [line for line in problem.body if not isinstance(line, ClaimRef)]
    line = " ".join(" ".join([head, *said]).split())
    if len(line) <= MAX_CONCLUSION:
        return line
    cut = line.rfind(" ", 0, MAX_CONCLUSION - 1)
    return line[: cut if cut > 0 else MAX_CONCLUSION - 2].rstrip() + " …"


def with_conclusion(text: str, outcome: Outcome) -> str:
    """A failure's text whose first line ends with its conclusion.  A finding that no
    longer holds already says so on its first line (``wording.vanished_text``)."""
    if status(outcome) is Status.VANISHED:
        return text
    head, newline, rest = text.partition("\n")
    return f"{head}: {conclusion(outcome)}{newline}{rest}"


def leading_text(where: str, outcome: Outcome) -> str | None:
    """What a check that fails the run says in every report, its conclusion on the first
    line; None for a check that does not fail it."""
    text = failing_text(where, outcome)
    return None if text is None else with_conclusion(text, outcome)
