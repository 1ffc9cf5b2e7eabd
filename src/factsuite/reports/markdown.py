"""A short Markdown summary of a run, for a CI job summary or a pull-request comment.

It answers, in this order: did anything fail, how each article fared, what failed (in the
same words as pytest, folded so that a long run stays short), and which findings a person
has recorded.  The counts are those of the terminal summary.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from factsuite.checking.culprit import culprit_of
from factsuite.checking.engine import Evaluation, Outcome
from factsuite.files.article import Article
from factsuite.meaning.lexicon import READING_MEANS, Reading
from factsuite.reports.conclusion import conclusion, leading_text
from factsuite.reports.escaping import markdown_inline, visible
from factsuite.reports.verdicts import Status, tally
from factsuite.reports.verdicts import status as outcome_status
from factsuite.reports.wording import culprit_text, failed

MAX_FAILURES = 20  # folded in full; the rest are counted (GitHub comments hold 65,536 characters)
MAX_FAILURE_CHARACTERS = 2_000
"""Of one failure's text: a coverage failure lists every uncovered mention, megabytes of them."""
MAX_ROWS = 100
"""Articles in the table; the rest are counted."""
MAX_SUMMARY_CHARACTERS = 60_000
"""The whole summary: under a pull-request comment's 65,536, far under a job summary's 1 MiB."""
SEE_ALSO = "see the HTML report or the pytest log"

Known = Callable[[Article, Outcome], bool]
"""Whether a failure is one a saved baseline holds (``--factsuite-baseline``)."""
READINGS = {
    reading: f"the {reading} reading of qualifiers ({READING_MEANS[reading]})"
    for reading in Reading
}


@dataclass(frozen=True)
class Tally:
    """One article's numbers, counted as the terminal summary counts them."""

    claims: int
    passed: int
    failed: int
    findings: int
    drafts: int  # checks of draft claims: never counted as passed

    @classmethod
    def of(cls, evaluation: Evaluation, article: Article) -> Tally:
        counts = tally(evaluation.of(article))
        return cls(
            claims=article.claim_count,
            passed=counts[Status.PASSED],
            failed=failed(counts),
            findings=counts[Status.FINDING],
            drafts=counts[Status.DRAFT],
        )

    @classmethod
    def total(cls, tallies: list[Tally]) -> Tally:
        return cls(*(sum(getattr(t, f.name) for t in tallies) for f in fields(cls)))


def where(article: Article, outcome: Outcome) -> str:
    """``path/claims.yaml:LINE``, the place every report names a check by."""
    return f"{article.claims_path}:{outcome.item.line or 1}"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


_escaped = markdown_inline


def _fenced(text: str) -> str:
    """A code block no line of ``text`` can close: the fence outgrows any backtick run."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{visible(text)}\n{fence}"


def _headline(tallies: list[Tally], held: int = 0) -> list[str]:
    total = Tally.total(tallies)
    new = total.failed - held
    if new:
        mark = f"❌ {_plural(new, 'check')} failed"
        if held:
            mark += f" that the baseline does not hold ({held:,} known before)"
    elif held:
        mark = f"✅ no new failure: the {_plural(held, 'failing check')} the baseline holds"
    else:
        mark = "✅ no check fails, drafts need review" if total.drafts else "✅ all checks pass"
    counts = (
        f"{_plural(len(tallies), 'article')}, {_plural(total.passed, 'check')} passed, "
        f"{total.failed} failed, {_plural(total.findings, 'recorded finding')}"
    )
    if total.drafts:
        counts += f", {_plural(total.drafts, 'check')} of draft claims need review"
    return [f"## factsuite: {mark}", f"{counts}."]


def _attention(counts: Tally) -> int:
    """0 for an article with failures, 1 with recorded findings or drafts only, 2 passing."""
    if counts.failed:
        return 0
    return 1 if counts.findings or counts.drafts else 2


def _table(evaluation: Evaluation, tallies: list[Tally]) -> str:
    """Failing articles first, then those with findings, then the rest; past ``MAX_ROWS``
    one row counts what is left, so a 3,000-article archive still fits a comment."""
    rows = [
        "| article | claims | passed | failed | recorded findings |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    pairs = sorted(
        zip(evaluation.articles, tallies, strict=True), key=lambda pair: _attention(pair[1])
    )
    for article, counts in pairs[:MAX_ROWS]:
        rows.append(
            f"| {_escaped(str(article.folder))} | {counts.claims} | {counts.passed} | "
            f"{counts.failed} | {counts.findings} |"
        )
    rest = [counts for _, counts in pairs[MAX_ROWS:]]
    if rest:
        kinds = [_attention(counts) for counts in rest]
        parts = ", ".join(
            f"{kinds.count(kind):,} {words}"
            for kind, words in enumerate(("failing", "with findings only", "passing"))
            if kinds.count(kind)
        )
        rows.append(
            f"| …and {_plural(len(rest), 'more article')}: {SEE_ALSO} ({parts}) | "
            f"{sum(c.claims for c in rest)} | {sum(c.passed for c in rest)} | "
            f"{sum(c.failed for c in rest)} | {sum(c.findings for c in rest)} |"
        )
    return "\n".join(rows)


def _capped(text: str, limit: int = MAX_FAILURE_CHARACTERS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    kept = text[: cut if cut > 0 else limit]
    return f"{kept}\n…and {len(text) - len(kept):,} more characters: {SEE_ALSO}"


def _culprits(evaluation: Evaluation) -> list[str]:
    """Each failing article's most likely culprit, told before anything else; past
    ``MAX_FAILURES`` the rest are counted, so that the table of articles still fits."""
    lines = []
    for article in evaluation.articles:
        found = culprit_of(evaluation, article)
        if found is not None:
            lines.append(f"- {_escaped(str(article.folder))}: {_escaped(culprit_text(found))}")
    if len(lines) > MAX_FAILURES:
        more = len(lines) - MAX_FAILURES
        lines[MAX_FAILURES:] = [f"- …and {_plural(more, 'more article')}: {SEE_ALSO}"]
    return ["\n".join(lines)] if lines else []


def _failures(evaluation: Evaluation, limit: int, known: Known | None) -> list[str]:
    """Each failure folded, at most ``limit`` of them: a comment must stay readable.  With a
    baseline, only the failures it does not hold: a pull request shows what it introduced."""
    failures = []
    held = 0
    for article in evaluation.articles:
        for outcome in evaluation.of(article):
            text = leading_text(where(article, outcome), outcome)
            if text is None:
                continue
            if known is not None and known(article, outcome):
                held += 1
            else:
                failures.append((article, outcome, text))
    blocks = []
    if held:
        blocks.append(
            f"{_plural(held, 'failure')} the baseline holds (known before this change) "
            f"{'is' if held == 1 else 'are'} not listed: {SEE_ALSO}."
        )
    for article, outcome, text in failures[:limit]:
        summary, said = (
            html.escape(" ".join(visible(words).split()))
            for words in (f"{where(article, outcome)}: {outcome.item.name}", conclusion(outcome))
        )
        blocks.append(
            f"<details><summary>❌ <code>{summary}</code> ({outcome.item.rule}): {said}"
            "</summary>\n\n"
            f"{_fenced(_capped(text))}\n\n</details>"
        )
    if len(failures) > limit:
        blocks.append(f"…and {_plural(len(failures) - limit, 'more failure')}: {SEE_ALSO}.")
    return blocks


def _findings(evaluation: Evaluation) -> list[str]:
    lines = []
    for article in evaluation.articles:
        for outcome in evaluation.of(article):
            finding = outcome.finding
            if finding is None or outcome_status(outcome) is not Status.FINDING:
                continue
            reviewed = " ".join(
                part
                for part in (
                    f"by {finding.reviewed_by}" if finding.reviewed_by else "",
                    f"on {finding.reviewed_on.isoformat()}" if finding.reviewed_on else "",
                )
                if part
            )
            lines.append(
                f"- {_escaped(where(article, outcome))} {_escaped(outcome.item.name)}: "
                f"**{finding.verdict}**{f' (reviewed {_escaped(reviewed)})' if reviewed else ''}. "
                f"{_escaped(finding.reason)}"
            )
    return lines


def render_markdown(
    evaluation: Evaluation, limit: int = MAX_FAILURES, known: Known | None = None
) -> str:
    """The summary: verdict line, a row per article, failures folded, findings listed."""
    tallies = [Tally.of(evaluation, article) for article in evaluation.articles]
    held = (
        0
        if known is None
        else sum(
            outcome_status(outcome) is Status.FAILED and known(article, outcome)
            for article in evaluation.articles
            for outcome in evaluation.of(article)
        )
    )
    blocks = [
        *_headline(tallies, held),
        *_culprits(evaluation),
        _table(evaluation, tallies),
        f"Checked under {READINGS[evaluation.reading]}.",
    ]
    failures = _failures(evaluation, limit, known)
    if failures:
        blocks += ["### Failures", *failures]
    findings = _findings(evaluation)
    if findings:
        shown = findings[:MAX_ROWS]
        if len(findings) > MAX_ROWS:
            shown.append(f"- …and {_plural(len(findings) - MAX_ROWS, 'more finding')}: {SEE_ALSO}")
        blocks += ["### Recorded findings", "\n".join(shown)]
    return _within_budget(blocks)


def _within_budget(blocks: list[str], budget: int = MAX_SUMMARY_CHARACTERS) -> str:
    """The blocks that fit the budget, in order, and a note of how many did not."""
    kept: list[str] = []
    used = 0
    for block in blocks:
        used += len(block) + 2
        if used > budget - 200:  # room for the note
            kept.append(f"…and {_plural(len(blocks) - len(kept), 'more section')}: {SEE_ALSO}.")
            break
        kept.append(block)
    return "\n\n".join(kept) + "\n"


def write_markdown(evaluation: Evaluation, path: Path, known: Known | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(evaluation, known=known), "utf-8")
