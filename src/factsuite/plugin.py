"""The pytest plugin: every article folder's claims.yaml becomes a file of check items.

Collection only reads and validates files; the first item to run evaluates every collected
article at once (bulk), and each item then reports its own verdict.  Failures print as an
editor's note, never as a traceback; reviewed findings become strict xfails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factsuite.article import CLAIMS_FILE, Article
from factsuite.engine import CheckItem, Evaluation, Outcome, evaluate, load_articles, plan
from factsuite.html_report import write_html
from factsuite.lexicon import DEFAULT_READING, Reading
from factsuite.markdown_report import write_markdown
from factsuite.reference import (
    EVENTS_FILE,
    REFERENCE_FOLDER,
    SERIES_FILE,
    ReferenceLibrary,
    load_events,
    load_series,
)
from factsuite.report import (
    DRAFT_REASON,
    Status,
    failure_text,
    finding_reason,
    status,
    tally_line,
    vanished_text,
)

# -- options and configuration ---------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factsuite", "fact checks of news articles")
    group.addoption(
        "--factsuite-reading",
        choices=[reading.value for reading in Reading],
        default=None,
        help="which reading of qualifiers fails a check (default: the ini value or pragmatic)",
    )
    parser.addini(
        "factsuite_reading", "default reading of qualifiers", default=DEFAULT_READING.value
    )
    group.addoption(
        "--factsuite-items",
        choices=ITEM_MODES,
        default=None,
        help="one pytest item per check (default), or one per article for large archives",
    )
    parser.addini("factsuite_items", "check or article", default=ITEM_MODES[0])
    group.addoption(
        "--factsuite-html", metavar="PATH", type=Path, help="write the HTML report of the run"
    )
    group.addoption(
        "--factsuite-markdown",
        metavar="PATH",
        type=Path,
        help="write a Markdown summary (for a CI job summary or a pull request comment)",
    )


@dataclass
class SuiteState:
    """The articles collected in this session and, once a check runs, their evaluation."""

    reading: Reading
    per_article: bool = False
    articles: list[Article] = field(default_factory=list)
    library: ReferenceLibrary = field(default_factory=ReferenceLibrary)
    evaluation: Evaluation | None = None

    def load(self, folder: Path) -> Article:
        """Read an article and keep it for the bulk evaluation."""
        (article,) = load_articles([folder], self.library)
        self.articles.append(article)
        self.evaluation = None
        return article

    def evaluated(self) -> Evaluation:
        if self.evaluation is None:
            self.evaluation = evaluate(self.articles, self.reading, self.library)
        return self.evaluation


state_key = pytest.StashKey[SuiteState]()
REFERENCE_FILES = {(SERIES_FILE, REFERENCE_FOLDER), (EVENTS_FILE, REFERENCE_FOLDER)}
ITEM_MODES = ("check", "article")


def pytest_configure(config: pytest.Config) -> None:
    chosen = config.getoption("factsuite_reading") or config.getini("factsuite_reading")
    items = config.getoption("factsuite_items") or config.getini("factsuite_items")
    config.stash[state_key] = SuiteState(Reading(chosen), per_article=items == "article")


# -- hooks -------------------------------------------------------------------------------------


def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> ArticleFile | ReferenceFile | None:
    if file_path.name == CLAIMS_FILE:
        return ArticleFile.from_parent(parent, path=file_path)
    if (file_path.name, file_path.parent.parent.name) in REFERENCE_FILES:
        return ReferenceFile.from_parent(parent, path=file_path)
    return None


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the reports the user asked for, from the evaluation the checks used."""
    state = session.config.stash.get(state_key, None)
    html = session.config.getoption("factsuite_html")
    markdown = session.config.getoption("factsuite_markdown")
    if state is None or not state.articles or not (html or markdown):
        return
    evaluation = state.evaluated()
    if html:
        write_html(evaluation, html)
    if markdown:
        write_markdown(evaluation, markdown)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    state = terminalreporter.config.stash.get(state_key, None)
    if state is None or not state.articles:
        return
    terminalreporter.section("factsuite")
    for article in state.articles:
        outcomes = state.evaluation.of(article) if state.evaluation else []
        label = _label(terminalreporter.config, article)
        terminalreporter.write_line(f"{label}: {tally_line(article.claim_count, outcomes)}")


# -- the collector and the items -----------------------------------------------------------


def _label(config: pytest.Config, article: Article) -> str:
    return str(_shown(config, article.claims_path))


def _shown(config: pytest.Config, path: Path) -> Path:
    """A path as the user typed it: relative to where pytest was run, when it lies below."""
    try:
        return path.relative_to(config.invocation_params.dir)
    except ValueError:
        return path


class ArticleFile(pytest.File):
    """An article's claims.yaml: its checks are the items."""

    def collect(self) -> Iterator[pytest.Item]:
        state = self.config.stash[state_key]
        article = state.load(_shown(self.config, self.path.parent))
        if state.per_article:
            yield ArticleChecks.from_parent(self, name="checks", article=article)
            return
        for check in plan(article, state.library.for_article(article.folder)):
            yield FactCheck.from_parent(self, name=check.name, check=check, article=article)


class CheckFailed(Exception):
    """A check's failure, carrying the outcome that explains it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class PlainFailureItem(pytest.Item):
    """An item whose failure is the editor's note itself, with no traceback."""

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: str | None = None
    ) -> str:
        if isinstance(excinfo.value, CheckFailed):
            return excinfo.value.text
        return str(super().repr_failure(excinfo, style=style))  # type: ignore[arg-type]


class FactCheck(PlainFailureItem):
    """One check; a recorded finding makes it a strict xfail."""

    def __init__(self, *, check: CheckItem, article: Article, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.check = check
        self.article = article
        finding = article.finding_for(check.name)
        if check.draft:
            self.add_marker(pytest.mark.skip(reason=DRAFT_REASON))
        elif finding is not None:
            self.add_marker(
                pytest.mark.xfail(reason=finding_reason(finding), strict=True, raises=CheckFailed)
            )
        properties = {
            "article": str(article.folder),
            "rule": check.rule,
            "claims": " ".join(check.claims),
        }
        self.user_properties.extend(properties.items())

    def outcome(self) -> Outcome:
        return self.config.stash[state_key].evaluated().outcome(self.article, self.name)

    def runtest(self) -> None:
        outcome = self.outcome()
        self.user_properties.append(("verdict", str(status(outcome))))
        if not outcome.passed:
            where = f"{_label(self.config, self.article)}:{self.check.line or 1}"
            raise CheckFailed(failure_text(where, outcome))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = (self.check.line - 1) if self.check.line else None
        return self.path, line, f"{self.check.rule}: {self.name}"


class ArticleChecks(PlainFailureItem):
    """All checks of one article as one item: far fewer items for a large archive.

    Recorded findings do not fail it; a finding that no longer holds does, as in the
    per-check mode.
    """

    def __init__(self, *, article: Article, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article = article

    def runtest(self) -> None:
        evaluation = self.config.stash[state_key].evaluated()
        label = _label(self.config, self.article)
        texts = []
        for outcome in evaluation.of(self.article):
            where = f"{label}:{outcome.item.line or 1}"
            if status(outcome) is Status.VANISHED:
                texts.append(vanished_text(where, outcome))
            elif status(outcome) is Status.FAILED:
                texts.append(failure_text(where, outcome))
        if texts:
            raise CheckFailed("\n\n".join(texts))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"all checks of {_label(self.config, self.article)}"


class ReferenceFile(pytest.File):
    """A reference series or events folder: one item that validates its table."""

    def collect(self) -> Iterator[pytest.Item]:
        yield ReferenceCheck.from_parent(self, name="schema")


class ReferenceCheck(PlainFailureItem):
    def runtest(self) -> None:
        folder = _shown(self.config, self.path.parent)
        load = load_series if self.path.name == SERIES_FILE else load_events
        *_, errors = load(folder)
        if errors:
            raise CheckFailed("\n".join(str(error) for error in errors))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"reference: {self.path.parent.name}"
