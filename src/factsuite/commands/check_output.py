"""What ``factsuite check`` prints, in its three formats, and its progress bar.

text    failing articles only (``-v``: every article), a summary and the failing articles;
json    the run's verdicts for scripts (``reports/verdicts_json.py``);
github  GitHub Actions annotations on the claims.yaml lines (``reports/github.py``).

With a baseline, failures it already holds are counted but not shown, and only new ones set
the exit code.  The progress bar goes to standard error, and only on a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from factsuite.checking.chunks import ArticleVerdicts
from factsuite.checking.culprit import RecheckBudget, culprit
from factsuite.checking.engine import Outcome
from factsuite.commands.given import say, usage_error
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.lexicon import Reading
from factsuite.reports.baseline import Identity, claims_key, identity
from factsuite.reports.conclusion import conclusion, leading_text
from factsuite.reports.escaping import capped, visible
from factsuite.reports.github import workflow_command
from factsuite.reports.verdicts import Status, status
from factsuite.reports.verdicts_json import VerdictsDocument, check_entry
from factsuite.reports.wording import (
    culprit_text,
    draft_text,
    failed,
    listed_text,
    run_line,
    tally_line,
)

MAX_FAILURES_PER_ARTICLE = 20
MAX_FAILURES_PRINTED = 200
"""Failures printed in full per article and per run; the rest are counted."""
MAX_ARTICLES_LISTED = 100
"""Failing articles named in the closing list; the rest are counted."""
SEE_REPORT = "see factsuite report --html"
FORMATS = ("text", "json", "github")


@contextmanager
def progress_of(total: int, quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error while articles are checked; nothing off a terminal."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield lambda: None
        return
    columns = (
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("check", total=total)
        yield lambda: progress.advance(task)


class CheckRun:
    """A run's output and exit code, fed an article at a time."""

    def __init__(
        self,
        arguments: argparse.Namespace,
        known: set[Identity] | None,
        console: Console,
        articles: int = 0,
    ) -> None:
        """``articles``: how many the run checks (a small run's culprits are re-checked)."""
        self.format: str = arguments.format
        self.verbose: bool = arguments.verbose
        self.quiet: bool = arguments.quiet
        self.fail_on_drafts: bool = arguments.fail_on_drafts
        self.known = known
        self.console = console
        baseline = None if arguments.baseline is None else str(arguments.baseline)
        self.document = VerdictsDocument(arguments.reading, baseline)
        self.rechecks = RecheckBudget(ReferenceLibrary(), Reading(arguments.reading), articles)
        self.totals: Counter[Status] = Counter()
        self.failures = 0
        self.new_failures = 0
        self.printed = 0
        self.failing_articles: list[tuple[str, int]] = []

    def _say(self, text: str, style: str = "", end: str = "\n") -> None:
        """Print with control characters made visible: a quote cannot clear the screen."""
        self.console.print(Text(visible(text), style=style), end=end)

    def _failing(self, outcome: Outcome) -> bool:
        if status(outcome) in (Status.FAILED, Status.VANISHED):
            return True
        return self.fail_on_drafts and status(outcome) is Status.DRAFT

    def article(self, article: ArticleVerdicts) -> None:
        label = str(article.claims_path)
        key = claims_key(article.claims_path)
        counts = article.tally()
        self.totals.update(counts)
        shown_here = new_here = 0
        entries = []
        recheck = (
            self.rechecks.recheck(article.claims_path.parent) if self.format == "text" else None
        )
        found = culprit(article.others, article.headline, recheck)
        if found is not None and self.format == "text":
            self._say(f"{label}: {culprit_text(found)}", end="\n\n")
        for outcome in article.others:
            failing = self._failing(outcome)
            new = not failing or self.known is None or identity(key, outcome) not in self.known
            entries.append(check_entry(label, outcome, failing, new))
            self.failures += failing
            if not failing:
                if self.verbose and self.format == "text":
                    self._say(listed_text(f"{label}:{outcome.item.line or 1}", outcome))
                continue
            if not new:
                continue
            new_here += 1
            if self._show(label, outcome, shown_here):
                shown_here += 1
        self.new_failures += new_here
        self.document.add(label, key, article.claim_count, counts, entries)
        if new_here:
            self.failing_articles.append((label, new_here))
        if self.format != "text":
            return
        if new_here > shown_here:
            self._say(f"{label}: …and {new_here - shown_here:,} more failed checks: {SEE_REPORT}")
        others = failed(counts) + counts[Status.FINDING] + counts[Status.DRAFT]
        if self.verbose or (others and not self.quiet):
            self._say(f"{label}: {tally_line(article.claim_count, counts)}", self._style(new_here))

    def _show(self, label: str, outcome: Outcome, shown_here: int) -> bool:
        """Print one new failure, if the caps allow; whether it was printed."""
        where = f"{label}:{outcome.item.line or 1}"
        if self.format == "github":
            title = f"{outcome.item.name} failed"
            if status(outcome) is Status.DRAFT:
                title, message = f"{outcome.item.name} not checked", "draft claim: review it"
            else:
                message = conclusion(outcome)
            print(workflow_command("error", message, label, outcome.item.line or 1, title))
            return True
        if self.format == "json":
            return False
        if shown_here >= MAX_FAILURES_PER_ARTICLE or self.printed >= MAX_FAILURES_PRINTED:
            return False
        text = leading_text(where, outcome) or draft_text(where, outcome)
        headline, _, rest = capped(text, SEE_REPORT).partition("\n")
        self._say(headline, "bold red")
        self._say(rest, end="\n\n")
        self.printed += 1
        return True

    def reference_error(self, text: str) -> None:
        self.failures += 1
        self.new_failures += 1
        self.document.reference_errors.append(text)
        if self.format == "github":
            print(workflow_command("error", text.split("\n", 1)[0], title="reference"))
        elif self.format == "text":
            self._say(text, end="\n\n")

    def finish(self, articles: int) -> int:
        """The closing summary; the exit code (1 when a new failure fails the run)."""
        if self.format == "json":
            data = self.document.data(self.totals, self.failures, self.new_failures)
            print(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            self._summary(articles)
        return 1 if self.new_failures else 0

    def _summary(self, articles: int) -> None:
        listed = self.failing_articles[:MAX_ARTICLES_LISTED]
        if listed and self.format == "text":
            self._say(f"\n{len(self.failing_articles):,} failing articles:", "bold")
            for label, count in listed:
                self._say(f"  {Path(label).parent}  ({count} failed)")
            if len(self.failing_articles) > len(listed):
                self._say(f"  …and {len(self.failing_articles) - len(listed):,} more")
        notes = []
        if self.known is not None:
            old = self.failures - self.new_failures
            notes.append(f"baseline: {old:,} known failures not shown, {self.new_failures:,} new")
        line = run_line(articles, self.totals, self.new_failures)
        if self.format == "github":  # standard output holds only the annotations
            say("\n".join([*notes, line]))
            return
        for note in notes:
            self._say(note)
        self._say(line, self._style(self.new_failures))

    def _style(self, failures: int) -> str:
        return "bold red" if failures else "green"


def refused(arguments: argparse.Namespace, message: str) -> int:
    """A run given nothing it can check: the message on standard error, and on standard
    output what the format promises a script (an empty document, an annotation)."""
    if arguments.format == "json":
        baseline = None if arguments.baseline is None else str(arguments.baseline)
        document = VerdictsDocument(arguments.reading, baseline, errors=[message])
        print(json.dumps(document.data(Counter(), 0, 0), indent=2, ensure_ascii=False))
    elif arguments.format == "github":
        print(workflow_command("error", message, title="factsuite check"))
    return usage_error(message)


def add_output_arguments(check: argparse.ArgumentParser) -> None:
    """``--format``, ``-q``, ``-v`` and ``--baseline`` of ``factsuite check``."""
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people, json for scripts (schemas/verdicts.schema.json), "
        "github for GitHub Actions annotations",
    )
    volume = check.add_mutually_exclusive_group()
    volume.add_argument(
        "-v", "--verbose", action="store_true", help="every article, and recorded findings"
    )
    volume.add_argument(
        "-q", "--quiet", action="store_true", help="failures and the summary only, no progress"
    )
    check.add_argument(
        "--baseline",
        type=Path,
        metavar="VERDICTS_JSON",
        help="report only failures not in this file (written by --format json on main)",
    )


def stdout_console() -> Console:
    """Colour on a terminal; ``NO_COLOR`` turns it off and ``FORCE_COLOR`` on (rich reads both)."""
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, emoji=False)
