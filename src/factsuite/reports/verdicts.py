"""The words of a verdict, shared by the pytest plugin and the command line."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from factsuite.checking.engine import Outcome
from factsuite.files.model import Finding, Verdict

VERDICTS = " | ".join(verdict.value for verdict in Verdict)


def failure_text(where: str, outcome: Outcome) -> str:
    """What a failing check tells an editor, ending with how to record a reviewed finding."""
    lines = [f"{where}: {outcome.item.name} failed", ""]
    for problem in outcome.problems:
        lines += [problem, ""]
    if outcome.item.name != "schema":
        lines += [
            "If a person has reviewed this and it should stay visible without failing CI,",
            "record it in claims.yaml:",
            "  findings:",
            f"    - check: {outcome.item.name}",
            f"      verdict: inaccurate   # {VERDICTS}",
            "      reason: what the reviewer found, with the evidence",
        ]
    return "\n".join(lines).rstrip()


def finding_reason(finding: Finding) -> str:
    """The xfail reason pytest shows for a recorded finding."""
    return (
        f"reviewed finding ({finding.verdict}): {' '.join(finding.reason.split())} "
        "[if this check passes, the finding no longer holds: remove it from claims.yaml]"
    )


def vanished_text(where: str, outcome: Outcome) -> str:
    assert outcome.finding is not None
    return (
        f"{where}: {outcome.item.name} passes, but claims.yaml records a finding for it "
        f"({outcome.finding.verdict}: {' '.join(outcome.finding.reason.split())}).\n"
        "The article or its claims changed so that the finding no longer holds: "
        "remove the finding from claims.yaml, or restore what changed."
    )


DRAFT_REASON = "draft claim: review it in claims.yaml, then set status: reviewed"


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
        return Status.VANISHED if outcome.passed else Status.FINDING
    return Status.PASSED if outcome.passed else Status.FAILED


def tally(outcomes: list[Outcome]) -> Counter[Status]:
    return Counter(status(outcome) for outcome in outcomes)


def tally_line(claims: int, counts: Counter[Status]) -> str:
    """'15 claims read, 63 checks passed, 0 failed, 2 recorded findings[, 4 drafts ...]'"""
    failed = counts[Status.FAILED] + counts[Status.VANISHED]
    line = (
        f"{claims} claims read, {counts[Status.PASSED]} checks passed, {failed} failed, "
        f"{counts[Status.FINDING]} recorded findings"
    )
    if counts[Status.DRAFT]:
        line += f", {counts[Status.DRAFT]} checks of draft claims need review"
    return line
