"""The pytest plugin: every article folder's claims.yaml becomes a file of check items.

Collection reads and plans each article (or, with one item per article, only finds it); the
first item of a chunk of articles evaluates the chunk at once (bulk), and each item then
reports its own verdict.  Failures print as an editor's note, never as a traceback; reviewed
findings become strict xfails.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import pytest

from factsuite.checking.chunks import CHUNK_SIZE, collector_paused
from factsuite.files.names import (
    ARTICLE_LOOKALIKES,
    CLAIMS_FILE,
    EVENTS_FILE,
    POPULATIONS_FILE,
    REFERENCE_FOLDER,
    SERIES_FILE,
)
from factsuite.pytest_plugin.baseline import add_option as add_baseline_option
from factsuite.pytest_plugin.baseline import check_baseline, in_baseline, xfail_known
from factsuite.pytest_plugin.item_mode import AUTO_ARTICLE_LIMIT, ITEM_MODES
from factsuite.pytest_plugin.lean_protocol import add_option as add_lean_option
from factsuite.pytest_plugin.lean_protocol import lean_key, lean_wanted, run_lean
from factsuite.pytest_plugin.settings import (
    READINGS,
    cache_folder,
    check_settings,
    chunk_size,
    dist_chosen_key,
    fail_on_drafts,
    item_mode,
    item_mode_key,
)
from factsuite.pytest_plugin.teardown_index import index_teardown_reports
from factsuite.reports.escaping import capped, one_line, visible

if TYPE_CHECKING:  # the engine is imported when the first fact file is collected, not before
    from factsuite.checking.engine import CheckItem, Evaluation, Outcome
    from factsuite.files.article import Article
    from factsuite.files.reference_library import ReferenceLibrary
    from factsuite.meaning.lexicon import Reading

# -- options and configuration ---------------------------------------------------------------

DEFAULT_READING_NAME = "pragmatic"
"""``meaning.lexicon.Reading`` by name: importing it reads YAML, which a run without fact files
should not pay for (a test keeps the two the same)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factsuite", "fact checks of news articles")
    group.addoption(
        "--factsuite-reading",
        choices=READINGS,
        default=None,
        help="which reading of qualifiers fails a check (default: the ini value or pragmatic)",
    )
    parser.addini(
        "factsuite_reading", "default reading of qualifiers", default=DEFAULT_READING_NAME
    )
    group.addoption(
        "--factsuite-items",
        choices=ITEM_MODES,
        default=None,
        help=(
            "one pytest item per check, or one per article for large archives; auto (the "
            f"default) gives one per check up to {AUTO_ARTICLE_LIMIT} articles"
        ),
    )
    parser.addini("factsuite_items", "auto, check or article", default=ITEM_MODES[0])
    parser.addini(
        "factsuite_chunk_size",
        "articles evaluated together: more is a little faster, fewer holds less memory",
        default=str(CHUNK_SIZE),
    )
    group.addoption(
        "--factsuite-no-cache",
        action="store_true",
        help="parse every fact file anew, not from pytest's cache of parsed files",
    )
    parser.addini(
        "factsuite_cache",
        "keep parsed fact files in pytest's cache (true or false)",
        default="true",
    )
    group.addoption(
        "--factsuite-fail-on-drafts",
        action="store_true",
        default=None,
        help="fail the checks of draft claims instead of skipping them (for CI)",
    )
    parser.addini(
        "factsuite_fail_on_drafts",
        "fail the checks of draft claims instead of skipping them (for CI)",
        type="bool",
        default=False,
    )
    group.addoption(
        "--factsuite-html", metavar="PATH", type=Path, help="write the HTML report of the run"
    )
    group.addoption(
        "--factsuite-markdown",
        metavar="PATH",
        type=Path,
        help="write a Markdown summary (for a CI job summary or a pull request comment)",
    )
    add_baseline_option(group)
    add_lean_option(parser)


@dataclass
class SuiteSettings:
    """What ``pytest_configure`` reads of the options: kept until a fact file is collected."""

    reading: str
    per_article: bool
    keep_articles: bool
    chunk_size: int
    cache: Path | None
    given: list[Path] = field(default_factory=list)
    """The paths pytest was given: the trees that links may not leave (``tree_of``)."""


@dataclass
class SuiteState:
    """The articles collected in this session, evaluated a chunk at a time as their checks run.

    The first check of a chunk evaluates its articles in bulk (see ``batch``); what stays is
    the chunk's outcomes.  Under xdist, a chunk's checks all go to one worker (see
    ``xdist_scheduling``), so each worker evaluates only the chunks it runs.  Reports need
    every article, so with a report asked for, the articles are kept too.
    """

    reading: Reading
    library: ReferenceLibrary
    per_article: bool = False
    keep_articles: bool = False
    chunk_size: int = CHUNK_SIZE
    given: list[Path] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    chunk_of: dict[Path, int] = field(default_factory=dict)
    loaded: dict[Path, Article] = field(default_factory=dict)
    evaluations: dict[str, Evaluation] = field(default_factory=dict)
    claim_counts: dict[str, int] = field(default_factory=dict)
    references_told: set[Path] = field(default_factory=set)
    """Reference folders whose mistakes an article's item already fails with."""

    def reference_mistakes(self, folder: Path) -> str | None:
        """The mistakes of the reference folder the article uses, for the first article of
        the session that uses it; None for the others, or when it has none.

        ``pytest facts/`` does not collect ``reference/``, and a series whose series.yaml
        does not validate matches no claim: its checks would not exist, and the run would
        pass.  One item stands for every article that uses the folder."""
        reference = self.library.for_article(folder)
        if reference is None or not reference.errors or reference.folder in self.references_told:
            return None
        self.references_told.add(reference.folder)
        errors = "\n".join(str(error) for located in reference.errors.values() for error in located)
        return (
            f"{reference.folder}: the reference folder this article (and any other beside it) "
            "is checked against has mistakes, so the claims that need its series, events or "
            "populations are not checked against them:\n" + errors
        )

    def add(self, folder: Path) -> None:
        """Collect an article folder, into the chunk of those collected just before it."""
        self.chunk_of[folder] = len(self.folders) // self.chunk_size
        self.folders.append(folder)

    def load(self, folder: Path) -> Article:
        """Read an article to plan its checks, and keep it for its chunk's evaluation."""
        from factsuite.checking.engine import load_articles

        (article,) = load_articles([folder], self.library, self.given)
        self.loaded[folder] = article
        self.claim_counts[str(folder)] = article.claim_count
        self.add(folder)
        return article

    def evaluation_of(self, folder: Path) -> Evaluation:
        key = str(folder)
        if key not in self.evaluations:
            self._evaluate_chunk(self.chunk_of[folder])
        return self.evaluations[key]

    def _evaluate_chunk(self, chunk: int) -> None:
        from factsuite.checking.contained import evaluate_contained
        from factsuite.checking.engine import load_articles

        folders = self.folders[chunk * self.chunk_size : (chunk + 1) * self.chunk_size]
        with collector_paused():
            if self.per_article:
                articles = load_articles(folders, self.library, self.given)
            else:
                articles = [self.loaded[folder] for folder in folders]
            evaluation = evaluate_contained(articles, self.reading, self.library)
        if not self.keep_articles:
            evaluation = replace(evaluation, articles=[], readings={})
        for article in articles:
            self.evaluations[str(article.folder)] = evaluation
            self.claim_counts[str(article.folder)] = article.claim_count

    def evaluated(self) -> Evaluation:
        """Every collected article's evaluation as one, for the reports."""
        from factsuite.checking.engine import Evaluation

        merged = Evaluation([], {}, self.reading, self.library)
        for chunk_start in range(0, len(self.folders), self.chunk_size):
            evaluation = self.evaluation_of(self.folders[chunk_start])
            merged.articles.extend(evaluation.articles)
            merged.outcomes.update(evaluation.outcomes)
            merged.readings.update(evaluation.readings)
        return merged


settings_key = pytest.StashKey[SuiteSettings]()
state_key = pytest.StashKey[SuiteState]()
REFERENCE_FILES = {(SERIES_FILE, REFERENCE_FOLDER), (EVENTS_FILE, REFERENCE_FOLDER)}


@pytest.hookimpl(wrapper=True)
def pytest_cmdline_main(config: pytest.Config) -> Iterator[None]:
    """Note whether the user chose xdist's mode, before xdist fills in its default."""
    config.stash[dist_chosen_key] = bool(
        config.getoption("distload", False) or config.getoption("dist", "no") != "no"
    )
    return (yield)


def pytest_configure(config: pytest.Config) -> None:
    """Read the settings; the engine waits for the first fact file (see ``suite_state``)."""
    check_settings(config)
    check_baseline(config)
    chosen = config.getoption("factsuite_reading") or config.getini("factsuite_reading")
    mode = config.stash[item_mode_key] = item_mode(config)
    reports = bool(config.getoption("factsuite_html") or config.getoption("factsuite_markdown"))
    config.stash[settings_key] = SuiteSettings(
        chosen,
        per_article=mode.per_article,
        keep_articles=reports and not is_xdist_worker(config),
        chunk_size=chunk_size(config),
        cache=cache_folder(config),
        given=given_paths(config),
    )
    config.stash[lean_key] = lean_wanted(config)
    if config.pluginmanager.hasplugin("xdist"):
        from factsuite.pytest_plugin.xdist_hooks import ChunkScheduling

        config.pluginmanager.register(ChunkScheduling(), "factsuite-xdist")


def suite_state(config: pytest.Config) -> SuiteState:
    """The session's articles, made when the first fact file is collected.

    Only then are the engine and its libraries imported: a run without fact files pays for
    none of them.
    """
    if state_key not in config.stash:
        from factsuite.files.cache import use_cache
        from factsuite.files.reference_library import ReferenceLibrary
        from factsuite.meaning.lexicon import Reading

        settings = config.stash[settings_key]
        use_cache(settings.cache)
        config.stash[state_key] = SuiteState(
            Reading(settings.reading),
            ReferenceLibrary(),
            per_article=settings.per_article,
            keep_articles=settings.keep_articles,
            chunk_size=settings.chunk_size,
            given=settings.given,
        )
    return config.stash[state_key]


def given_paths(config: pytest.Config) -> list[Path]:
    """The paths the user gave pytest (the folder it ran in, given none), as absolute paths."""
    written = [arg.split("::")[0] for arg in config.args] or ["."]
    return [Path(config.invocation_params.dir, arg) for arg in written]


def is_xdist_worker(config: pytest.Config) -> bool:
    """Under ``-n``, reports are written by the controller alone (see ``pytest_sessionfinish``)."""
    return hasattr(config, "workerinput")


def pytest_report_header(config: pytest.Config) -> str | None:
    mode = config.stash.get(item_mode_key, None)
    return mode.header() if mode else None


# -- hooks -------------------------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    """Run factsuite's items through the lean protocol (see ``lean_protocol``); any other
    item, or all of them with ``factsuite_lean_protocol = false``, through pytest's."""
    if not (isinstance(item, PlainFailureItem) and item.config.stash.get(lean_key, False)):
        return None
    run_lean(item, nextitem)
    return True


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Never walk into a linked folder: one leading out of the tree would bring in files from
    elsewhere, one leading back up (``facts/up -> ..``) collects the tree again and again,
    and one inside the tree names a folder collected under its own name.  Each is said."""
    if not (collection_path.is_symlink() and collection_path.is_dir()):
        return None
    settings = config.stash.get(settings_key, None)
    if settings is None:
        return None
    where = Path(os.path.abspath(collection_path))
    if not any(where.is_relative_to(os.path.abspath(tree)) for tree in settings.given):
        return None  # pytest looks at folders on the way to a given path too: not ours
    target = Path(os.path.realpath(collection_path))
    trees = [Path(os.path.realpath(tree)) for tree in settings.given]
    if any(target.is_relative_to(tree) for tree in trees):
        why = f"a link to {target}, inside the tree: checked under its own name"
    else:
        why = f"a link to {target}, outside {', '.join(map(str, trees))}: not read"
    warnings.warn_explicit(
        one_line(f"skipped linked folder {_shown(config, collection_path)}: {why}"),
        pytest.PytestCollectionWarning,
        one_line(str(collection_path)),
        1,
    )
    return True


def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> ArticleFile | ReferenceFile | None:
    if file_path.name == CLAIMS_FILE or _unreadable_article(file_path):
        return ArticleFile.from_parent(parent, path=file_path)
    if (file_path.name, file_path.parent.parent.name) in REFERENCE_FILES:
        return ReferenceFile.from_parent(parent, path=file_path)
    if (file_path.name, file_path.parent.name) == (POPULATIONS_FILE, REFERENCE_FOLDER):
        return ReferenceFile.from_parent(parent, path=file_path)
    return None


def _unreadable_article(path: Path) -> bool:
    """A folder that looks like an article but has no claims.yaml file (``claims.yml``, a
    ``claims.yaml`` folder): collected by its first such file, so that it fails by name."""
    if path.name.casefold() not in ARTICLE_LOOKALIKES or os.path.isfile(path.parent / CLAIMS_FILE):
        return False
    folder = path.parent
    names = sorted(
        name
        for name in os.listdir(folder)
        if name.casefold() in ARTICLE_LOOKALIKES and os.path.isfile(folder / name)
    )
    return names[:1] == [path.name]


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Ready pytest's summary for many items (see ``teardown_index``), then write the reports
    the user asked for, from the evaluation the checks used."""
    state = session.config.stash.get(state_key, None)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and _articles_failed(reporter):
        index_teardown_reports(reporter)
    html = session.config.getoption("factsuite_html")
    markdown = session.config.getoption("factsuite_markdown")
    if not (html or markdown) or is_xdist_worker(session.config):
        return
    from factsuite.reports.html import write_report
    from factsuite.reports.markdown import write_markdown

    if state is not None and state.folders:
        evaluation = state.evaluated()
    else:  # under xdist the controller collects nothing: it evaluates once, for the reports
        evaluation = _controller_evaluation(suite_state(session.config))
    if not evaluation.articles:
        return
    if html:
        write_report(evaluation, html)
    if markdown:
        config = session.config
        write_markdown(
            evaluation,
            markdown,
            lambda article, outcome: in_baseline(config, article.claims_path, outcome),
        )


def _controller_evaluation(state: SuiteState) -> Evaluation:
    """The articles of the given paths, evaluated here: the workers keep nothing."""
    from factsuite.checking.contained import evaluate_contained
    from factsuite.checking.engine import load_articles
    from factsuite.files.article import discover
    from factsuite.files.loading import FactFileError

    try:
        folders = discover(state.given)
    except FactFileError:
        folders = []
    articles = load_articles(folders, state.library, state.given)
    return evaluate_contained(articles, state.reading, state.library)


def _articles_failed(reporter: pytest.TerminalReporter) -> bool:
    """Whether checks of articles failed here (or, under xdist, on the workers)."""
    failed = reporter.stats.get("failed", [])
    return any(f"/{CLAIMS_FILE}::" in f"/{report.nodeid}" for report in failed)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    state = terminalreporter.config.stash.get(state_key, None)
    if state is None or not state.folders:
        return
    from factsuite.checking.culprit import RecheckBudget, culprit
    from factsuite.reports.verdicts import tally
    from factsuite.reports.wording import culprit_text, tally_line

    terminalreporter.section("factsuite")
    budget = RecheckBudget(state.library, state.reading, len(state.folders))
    for folder in state.folders:
        evaluation = state.evaluations.get(str(folder))
        outcomes = evaluation.outcomes_of(folder) if evaluation else []
        label = one_line(str(_shown(terminalreporter.config, folder / CLAIMS_FILE)))
        article = (
            next((a for a in evaluation.articles if a.folder == folder), None)
            if evaluation
            else None
        )
        headline = article.meta.headline if article and article.meta else None
        found = culprit(outcomes, headline, budget.recheck(folder))
        if found is not None:
            terminalreporter.write_line(visible(f"{label}: {culprit_text(found)}"))
        claims = state.claim_counts.get(str(folder), 0)
        terminalreporter.write_line(visible(f"{label}: {tally_line(claims, tally(outcomes))}"))


# -- the collector and the items -----------------------------------------------------------


def _label(config: pytest.Config, article: Article) -> str:
    return str(_shown(config, article.claims_path))


def _shown(config: pytest.Config, path: Path) -> Path:
    """A path as the user typed it: relative to where pytest was run, when it lies below."""
    try:
        return path.relative_to(config.invocation_params.dir)
    except ValueError:
        return path


class OneLineFile(pytest.File):
    """A fact file whose node id shows its folder's name on one line, controls escaped.

    pytest prints node ids itself (``FAILED <id> - ...``, progress, ``-v``), and the items'
    ids are made from this one: a folder named with a newline or an ANSI escape would
    otherwise forge lines of pytest's summary."""

    @classmethod
    def from_parent(cls, parent: pytest.Collector, **kwargs: Any) -> Self:
        node = super().from_parent(parent, **kwargs)
        if one_line(node.nodeid) == node.nodeid:
            return node
        return super().from_parent(parent, nodeid=one_line(node.nodeid), **kwargs)


def child_id(parent: pytest.Collector, name: str) -> str:
    """An item's node id as a string, which pytest parses as it parses ``--lf``'s stored ids.

    pytest 9 keeps ids structured: ``record[refugees-lead]`` stored by ``--lf`` parses to the
    name ``record`` with the parameters ``refugees-lead``, while an item given only its name
    gets the name ``record[refugees-lead]`` and no parameters. The two never compared equal, so
    ``--lf`` and ``--ff`` ran every check and, once another file's failure was found, dropped
    the fact file's failing checks altogether: a green that lied."""
    return f"{parent.nodeid}::{name}"


class ArticleFile(OneLineFile):
    """An article's claims.yaml: its checks are the items."""

    def collect(self) -> Iterator[pytest.Item]:
        state = suite_state(self.config)
        folder = _shown(self.config, self.path.parent)
        if state.per_article:
            state.add(folder)
            yield ArticleChecks.from_parent(self, name="checks", folder=folder)
            return
        from factsuite.checking.engine import plan

        article = state.load(folder)
        for check in plan(article, state.library.for_article(folder)):
            yield FactCheck.from_parent(
                self,
                name=check.name,
                nodeid=child_id(self, check.name),
                check=check,
                article=article,
            )
        mistakes = state.reference_mistakes(folder)
        if mistakes is not None:
            yield BrokenReference.from_parent(
                self, name=REFERENCE_FOLDER, nodeid=child_id(self, REFERENCE_FOLDER), text=mistakes
            )


class EditorNote(Exception):
    """A failure whose report is an editor's note, not a traceback."""

    def __init__(self, text: str) -> None:
        text = capped(visible(text), "see --factsuite-html")  # no ANSI escape, no flood
        super().__init__(text)
        self.text = text


class CheckFailed(EditorNote):
    """A check's failure, carrying the outcome that explains it."""


class NotReviewedFailure(EditorNote):
    """A check fails otherwise than its recorded finding says: not the xfail it expects."""


class DraftNotReviewed(EditorNote):
    """A draft claim's check, failed on purpose with --factsuite-fail-on-drafts."""


class PlainFailureItem(pytest.Item):
    """An item whose failure is the editor's note itself, with no traceback."""

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: str | None = None
    ) -> str:
        if isinstance(excinfo.value, EditorNote):
            return excinfo.value.text
        failure = super().repr_failure(excinfo, style=style)  # type: ignore[arg-type]  # pytest's style
        return visible(str(failure))

    @cached_property
    def location(self) -> tuple[str, int | None, str]:
        """Where pytest says the item is, its folder's name on one line (``-v``, headings);
        kept, as pytest keeps its own: each item's reports read it five times."""
        path, line, domain = super().location
        return one_line(path), line, one_line(domain)


class FactCheck(PlainFailureItem):
    """One check; a recorded finding makes it a strict xfail."""

    def __init__(self, *, check: CheckItem, article: Article, **kwargs: object) -> None:
        from factsuite.reports.wording import DRAFT_REASON, finding_reason

        super().__init__(**kwargs)  # type: ignore[arg-type]  # pytest's own keywords, passed on
        self.check = check
        self.article = article
        finding = article.finding_for(check.name)
        if check.draft and fail_on_drafts(self.config):
            pass  # runtest fails it
        elif check.draft:
            self.add_marker(pytest.mark.skip(reason=DRAFT_REASON))
        elif finding is not None:
            self.add_marker(
                pytest.mark.xfail(
                    reason=visible(finding_reason(finding)), strict=True, raises=CheckFailed
                )
            )
        properties = {
            "article": str(article.folder),
            "rule": check.rule,
            "claims": " ".join(check.claims),
        }
        self.user_properties.extend(properties.items())

    def outcome(self) -> Outcome:
        evaluation = self.config.stash[state_key].evaluation_of(self.article.folder)
        return evaluation.outcome(self.article, self.name)

    def runtest(self) -> None:
        from factsuite.reports.conclusion import with_conclusion
        from factsuite.reports.verdicts import not_reviewed, status
        from factsuite.reports.wording import draft_text, failure_text

        outcome = self.outcome()
        self.user_properties.append(("verdict", str(status(outcome))))
        if outcome.passed and not self.check.draft:
            return  # most items: the path below is worked out only for a failure (#18)
        where = f"{one_line(_label(self.config, self.article))}:{self.check.line or 1}"
        if self.check.draft:
            raise DraftNotReviewed(draft_text(where, outcome))
        if in_baseline(self.config, self.article.claims_path, outcome):
            xfail_known(self.config)
        if not_reviewed(outcome):
            raise NotReviewedFailure(with_conclusion(failure_text(where, outcome), outcome))
        # the conclusion on the first line: JUnit's message
        raise CheckFailed(with_conclusion(failure_text(where, outcome), outcome))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = (self.check.line - 1) if self.check.line else None
        return self.path, line, f"{self.check.rule}: {self.name}"


class ArticleChecks(PlainFailureItem):
    """All checks of one article as one item: far fewer items for a large archive.

    Recorded findings do not fail it; a finding that no longer holds does, as in the
    per-check mode.  With no failure but checks of draft claims, it is skipped as needing
    review (as those checks are in per-check mode), never reported as passed.
    """

    def __init__(self, *, folder: Path, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # pytest's own keywords, passed on
        self.folder = folder

    def runtest(self) -> None:
        from factsuite.reports.conclusion import leading_text
        from factsuite.reports.verdicts import Status, status
        from factsuite.reports.wording import DRAFT_REASON, draft_text

        state = self.config.stash[state_key]
        evaluation = state.evaluation_of(self.folder)
        shown = one_line(str(_shown(self.config, self.path)))
        mistakes = state.reference_mistakes(self.folder)
        texts = [] if mistakes is None else [f"{shown}:1: {REFERENCE_FOLDER} failed: {mistakes}"]
        known = 0  # failures the baseline holds
        drafts = 0  # checks of draft claims, not evaluated
        drafts_fail = fail_on_drafts(self.config)
        for outcome in evaluation.outcomes_of(self.folder):
            where = f"{shown}:{outcome.item.line or 1}"
            if status(outcome) is Status.DRAFT:
                drafts += 1
                if drafts_fail:
                    texts.append(draft_text(where, outcome))
                continue
            text = leading_text(where, outcome)
            if text is not None and in_baseline(self.config, self.path, outcome):
                known += 1
            elif text is not None:
                texts.append(text)
        if texts:
            raise CheckFailed("\n\n".join(texts))
        if known:
            xfail_known(self.config)
        if drafts:  # as each of them is skipped in per-check mode: never counted as passed
            pytest.skip(f"{drafts} checks of draft claims need review: {DRAFT_REASON}")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"all checks of {one_line(str(_shown(self.config, self.path)))}"


class BrokenReference(PlainFailureItem):
    """The mistakes of the reference folder an article is checked against (see
    ``SuiteState.reference_mistakes``), as an item of the first article that uses it."""

    def __init__(self, *, text: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # pytest's own keywords, passed on
        self.text = text

    def runtest(self) -> None:
        shown = one_line(str(_shown(self.config, self.path)))
        raise CheckFailed(f"{shown}:1: {REFERENCE_FOLDER} failed: {self.text}")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{REFERENCE_FOLDER}: {one_line(str(self.path.parent))}"


class ReferenceFile(OneLineFile):
    """A reference series or events folder: one item that validates its table."""

    def collect(self) -> Iterator[pytest.Item]:
        yield ReferenceCheck.from_parent(self, name="schema")


class ReferenceCheck(PlainFailureItem):
    def runtest(self) -> None:
        from factsuite.files.reference import load_events, load_populations, load_series

        folder = _shown(self.config, self.path.parent)
        if self.path.name == POPULATIONS_FILE:
            _, errors = load_populations(folder / POPULATIONS_FILE)
        else:
            load = load_series if self.path.name == SERIES_FILE else load_events
            *_, errors = load(folder)
        if errors:
            raise CheckFailed("\n".join(str(error) for error in errors))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"reference: {self.path.parent.name}"
