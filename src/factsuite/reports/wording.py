"""Every verdict in words: the one place a ``Problem`` or an ``Outcome`` becomes text.

The pytest plugin, ``factsuite check`` and the Markdown and HTML reports all tell a check
through these functions, so that they never say it differently.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from factsuite.checking.culprit import Culprit, Suspect
from factsuite.checking.engine import Outcome
from factsuite.checking.explain_helpers import INDENT, labelled, render_bound
from factsuite.checking.findings import ClaimRef, Problem
from factsuite.checking.implied import implied_rule
from factsuite.files.model import Finding, Verdict
from factsuite.files.names import FILE_CHECK_RULES
from factsuite.meaning.lexicon import READING_MEANS, Reading
from factsuite.reports.verdicts import Status, not_reviewed, status

VERDICTS = " | ".join(verdict.value for verdict in Verdict)
DRAFT_REASON = "draft claim: review it in claims.yaml, then set status: reviewed"


def claim_lines(claim: ClaimRef) -> list[str]:
    """One claim of a problem: where it is, what it quotes, how it reads."""
    where = f"article.txt:{claim.text_line}" if claim.text_line else "not found in article.txt"
    lines = [
        labelled(claim.role, f"{claim.claim} (claims.yaml:{claim.yaml_line})"),
        f'{INDENT}"{claim.quote}" ({where})',
    ]
    if claim.interval is not None:
        shown = claim.interval.format(render_bound(claim.unit))
        lines.append(f'{INDENT}"{claim.written}" reads as {shown}')
    return lines


def reading_note(problem: Problem) -> str:
    """Whether a pragmatic failure is one under the strict reading too."""
    if problem.strict_also is None:
        return ""
    reading = problem.reading or Reading.PRAGMATIC  # the only reading that asks
    if problem.strict_also:
        return (
            "  This fails under both readings of the qualifiers: the claims contradict each other."
        )
    return (
        f"  This fails under the {reading} reading ({READING_MEANS[reading]}); "
        "the strict, literal reading would allow it."
    )


def problem_text(problem: Problem) -> str:
    """A problem as a paragraph: ``[rule] what is wrong``, the claims, the numbers."""
    lines = [problem.summary]
    for line in problem.body:
        lines += claim_lines(line) if isinstance(line, ClaimRef) else [line]
    note = reading_note(problem)
    if note:
        lines.append(note)
    if problem.rule is None:
        return "\n".join(lines)
    return "\n".join([f"[{problem.rule}] {lines[0]}", *lines[1:]])


def problem_texts(outcome: Outcome) -> list[str]:
    return [problem_text(problem) for problem in outcome.problems]


FIX_THE_FILE_RULES = FILE_CHECK_RULES
"""Rules whose failures are mistakes in the files, not in the article: fixed, not recorded."""


def failure_text(where: str, outcome: Outcome) -> str:
    """What a failing check tells an editor, ending with the step that fits its rule."""
    lines = [f"{where}: {outcome.item.name} failed", ""]
    if not_reviewed(outcome):
        lines += [*_not_reviewed_text(outcome), ""]
    for problem in problem_texts(outcome):
        lines += [problem, ""]
    lines += implied_note(outcome.item.name)
    advice, command = next_step(where, outcome)
    lines += advice + command
    return "\n".join(lines).rstrip()


def next_step(where: str, outcome: Outcome) -> tuple[list[str], list[str]]:
    """What to do about a failing check: the advice that fits its rule, and the command that
    records a finding (none for a mistake in the files, which is fixed, not recorded)."""
    if outcome.item.rule in FIX_THE_FILE_RULES or outcome.item.name == "schema":
        return [
            "Fix the file: this is a mistake in the claims (or the article text), not a finding",
            "about the article, so it cannot be recorded as one.",
        ], []
    folder = Path(where.rsplit(":", 1)[0]).parent
    return [
        "If the claims are right and a person has reviewed this, record the finding (the",
        "command writes the fingerprint of this failure into claims.yaml):",
    ], [
        f"  factsuite findings record {folder} --check '{outcome.item.name}' \\",
        '      --verdict inaccurate --reason "what the reviewer found, with the evidence"',
        f"  (verdicts: {VERDICTS})",
    ]


IMPLIED_BECAUSE = {
    "part_of": "the reference vocabulary (reference/populations.yaml) names one population as "
    "part of the other, and they give the same measure, date and unit",
    "same_figure": "the claims give the same measure, population, date and unit",
    "partition": "the shares are of the same population and date, and their measures name "
    'different parts of one whole (the words before ", " or " for " agree, the part after '
    "differs), so together they can be at most 100 %",
}
"""Why each kind of implied relation was checked (``checking/implied.py``)."""


def implied_note(name: str) -> list[str]:
    """Why an implied relation was checked, and how to switch it off (none for others)."""
    rule = implied_rule(name)
    if rule is None:
        return []
    why = IMPLIED_BECAUSE.get(rule or "", IMPLIED_BECAUSE["same_figure"])
    return [
        f"This relation is implied, not written under relations: {why}.",
        "If the claims are right and the relation does not hold, switch it off in claims.yaml:",
        f"  ignore_implied: ['{name}']",
        "",
    ]


def _not_reviewed_text(outcome: Outcome) -> list[str]:
    assert outcome.finding is not None
    finding = outcome.finding
    return [
        "This is not the failure that was reviewed.",
        f"  reviewed   fingerprint {finding.fingerprint}: {finding.verdict}: "
        f"{' '.join(finding.reason.split())}",
        f"  now        fingerprint {outcome.fingerprint}: the failure below",
        "Review it; if the finding still holds, record it again with `factsuite findings refresh`.",
    ]


def draft_text(where: str, outcome: Outcome) -> str:
    """A draft's check, failed because drafts must not pass CI unreviewed (--fail-on-drafts)."""
    claims = ", ".join(outcome.item.claims)
    return (
        f"{where}: {outcome.item.name} not checked: it checks a draft claim ({claims}).\n"
        "Drafts fail this run (--fail-on-drafts): review the claim in claims.yaml, then set "
        "status: reviewed."
    )


def vanished_text(where: str, outcome: Outcome) -> str:
    """A recorded finding whose check passes now: the finding must go."""
    assert outcome.finding is not None
    return (
        f"{where}: {outcome.item.name} passes, but claims.yaml records a finding for it "
        f"({outcome.finding.verdict}: {' '.join(outcome.finding.reason.split())}).\n"
        "The article or its claims changed so that the finding no longer holds: "
        "remove the finding from claims.yaml, or restore what changed."
    )


def failing_text(where: str, outcome: Outcome) -> str | None:
    """What a check that fails the run says (a failure, or a finding that no longer holds);
    None for a check that does not fail it."""
    verdict = status(outcome)
    if verdict is Status.VANISHED:
        return vanished_text(where, outcome)
    if verdict is Status.FAILED:
        return failure_text(where, outcome)
    return None


def details_text(where: str, outcome: Outcome) -> str:
    """What a check found, for a report's panel: its problems, or why its finding went."""
    if status(outcome) is Status.VANISHED:
        return vanished_text(where, outcome)
    return "\n\n".join([*problem_texts(outcome), *implied_note(outcome.item.name)])


def listed_text(where: str, outcome: Outcome) -> str:
    """A recorded finding or a draft, as one line of a verbose listing."""
    reviewed = f" ({outcome.finding.verdict})" if outcome.finding else ""
    return f"{where}: {outcome.item.name}: {status(outcome)}{reviewed}"


def finding_reason(finding: Finding) -> str:
    """The xfail reason pytest shows for a recorded finding."""
    return (
        f"reviewed finding ({finding.verdict}): {' '.join(finding.reason.split())} "
        "[if this check passes, the finding no longer holds: remove it from claims.yaml]"
    )


def tally_line(claims: int, counts: Counter[Status]) -> str:
    """'15 claims read, 63 checks passed, 0 failed, 2 recorded findings[, 4 drafts ...]'"""
    line = (
        f"{claims} claims read, {counts[Status.PASSED]} checks passed, {failed(counts)} failed, "
        f"{counts[Status.FINDING]} recorded findings"
    )
    return line + _drafts(counts)


def run_line(articles: int, counts: Counter[Status], failures: int) -> str:
    """'2 articles: 120 passed, 1 failed, 2 recorded findings[, ...]': a whole run."""
    named = f"{articles} article{'' if articles == 1 else 's'}"
    line = (
        f"{named}: {counts[Status.PASSED]} passed, {failures} failed, "
        f"{counts[Status.FINDING]} recorded findings"
    )
    return line + _drafts(counts)


def failed(counts: Counter[Status]) -> int:
    """Checks that fail the run: failures, and findings that no longer hold."""
    return counts[Status.FAILED] + counts[Status.VANISHED]


def _drafts(counts: Counter[Status]) -> str:
    drafts = counts[Status.DRAFT]
    return f", {drafts} checks of draft claims need review" if drafts else ""


def culprit_text(culprit: Culprit) -> str:
    """'most likely wrong: "..." (article.txt:13, claim x): it takes part in all 3 failures
    and disagrees with UNICEF's record.'  Told first: one fix may clear every failure."""
    told = [_suspect_text(suspect, culprit.failures) for suspect in culprit.suspects]
    if len(told) == 1:
        return f"most likely wrong: {told[0]}."
    joined = "; ".join(told)
    return (
        f"most likely wrong, together: {joined}. Correcting these {len(told)} claims could "
        f"clear all {culprit.failures} failures."
    )


def _suspect_text(suspect: Suspect, failures: int) -> str:
    claim = suspect.claim
    where = f"article.txt:{claim.text_line}" if claim.text_line else "not in article.txt"
    if failures == 1:
        part = "it takes part in the one failure"
    elif suspect.failures == failures:
        part = f"it takes part in all {failures} failures"
    else:
        part = f"it takes part in {suspect.failures} of {failures} failures"
    record = f" and disagrees with {suspect.source}'s record" if suspect.source else ""
    return f'"{claim.quote}" ({where}, claim {claim.claim}): {part}{record}'
