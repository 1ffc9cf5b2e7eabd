"""The HTML report: each article as its text, every claim highlighted by what its checks say.

For one article, one self-contained file (styles and script inline, nothing fetched) that an
editor opens from a CI artefact; for an archive, a static site of the same pages, one per
article, under an index that sorts and filters them (``write_report``).  Selecting a claim
shows its checks, the intervals its words allow under both readings, its attribution and
notes, and any finding a person recorded; the address ``#claim=<article folder>/<claim id>``
selects one directly.  Without script every panel is shown below the text.  A status is told
by colour, symbol, underline and words together, never by colour alone.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from urllib.parse import quote

import jinja2
import markupsafe

from factsuite.checking.contained import evaluate_contained
from factsuite.checking.culprit import culprit_of
from factsuite.checking.engine import Evaluation, Outcome, load_articles
from factsuite.checking.explain_helpers import INDENT, render_bound
from factsuite.checking.findings import ClaimRef, Problem
from factsuite.commands.given import NothingToCheck, article_folders, usage_error
from factsuite.files.addresses import is_web_address
from factsuite.files.article import Article
from factsuite.files.model import Claim, Finding
from factsuite.meaning.grounding import find_quote
from factsuite.meaning.lexicon import DEFAULT_READING, Reading
from factsuite.meaning.readings import ClaimReading
from factsuite.reports import page_caps
from factsuite.reports.claimreview import reviewed_claims
from factsuite.reports.conclusion import conclusion
from factsuite.reports.escaping import fragment, visible
from factsuite.reports.markdown import (
    READINGS,
    Tally,
    render_markdown,
    where,
    write_markdown,
)
from factsuite.reports.page_caps import SEE, capped_problems, cut
from factsuite.reports.verdicts import Status
from factsuite.reports.verdicts import status as outcome_status
from factsuite.reports.wording import (
    culprit_text,
    next_step,
    reading_note,
    vanished_text,
)

# How each status looks: CSS class -> (symbol, words).  The symbol shows without colour.
LOOKS = {
    "failing": ("✗", "failing"),
    "finding": ("!", "recorded finding"),
    "consistent": ("✓", "consistent"),
    "draft": ("…", "draft, needs review"),
    "unchecked": ("?", "unchecked mention"),
}
# A check's outcome: -> (the look it shares with claims, its own words).
CHECK_LOOKS = {
    Status.FAILED: ("failing", "failed"),
    Status.VANISHED: ("failing", "finding no longer holds"),
    Status.FINDING: ("finding", "recorded finding"),
    Status.PASSED: ("consistent", "passed"),
    Status.DRAFT: ("draft", "draft, needs review"),
}
SEVERITY = list(CHECK_LOOKS)


@dataclass(frozen=True)
class CheckView:
    """A check as a panel lists it."""

    name: str
    rule: str
    status: Status
    problems: tuple[Problem, ...]  # what it found, told as structured HTML
    prose: str  # why a recorded finding no longer holds, in the terminal's words
    advice: str  # what to do about a failure (``wording.next_step``)
    command: str  # the command that records it as a finding
    finding: Finding | None
    notes: str | None
    claims: tuple[str, ...]  # the claims it names
    rates: tuple[str, ...]  # the claims a recorded finding rates
    conclusion: str  # the one line every report leads a failure with (``conclusion.py``)

    @property
    def look(self) -> str:
        return CHECK_LOOKS[self.status][0]

    @property
    def words(self) -> str:
        return CHECK_LOOKS[self.status][1]


@dataclass(frozen=True)
class Links:
    """An article's files, as links relative to the page that shows it."""

    text: str
    claims: str
    meta: str


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    status: str
    text_line: int | None
    yaml_line: int | None
    readings: list[tuple[str, str, bool]]  # (reading, interval, used by this run)
    reading_error: str
    checks: list[CheckView]


@dataclass(frozen=True)
class MentionView:
    """An ignored mention: in the text, deliberately not checked."""

    number: int
    quote: str
    reason: str
    text_line: int | None


@dataclass(frozen=True)
class Segment:
    """A run of one line of text: plain, or inside one highlighted span."""

    text: str
    key: str = ""
    status: str = ""
    ends: bool = False  # the span ends here: its symbol follows


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str
    status: str


@dataclass
class ArticleView:
    slug: str
    article: Article
    tally: Tally
    paragraphs: list[list[Segment]]
    attention: list[CheckView]
    links: Links
    claims: list[ClaimView] = field(default_factory=list)
    mentions: list[MentionView] = field(default_factory=list)
    culprit: str | None = None
    """The most likely culprit in words, shown first (see ``checking/culprit.py``)."""
    more: dict[str, int] = field(default_factory=dict)
    """What the page leaves out past its caps, by kind (``page_caps.py``)."""

    @property
    def title(self) -> str:
        meta = self.article.meta
        return meta.headline if meta and meta.headline else self.article.folder.name

    @property
    def look(self) -> str:
        """The article's status on the index: failing, finding, draft or consistent."""
        if self.tally.failed:
            return "failing"
        if self.tally.findings:
            return "finding"
        return "draft" if self.tally.drafts else "consistent"

    @property
    def rules(self) -> list[str]:
        """The rules its failures and findings come from, for the index's filter."""
        return sorted({check.rule for check in self.attention if check.status is not Status.DRAFT})


def _check_view(article: Article, outcome: Outcome) -> CheckView:
    status = outcome_status(outcome)
    relations = article.claims.relations if article.claims else []
    relation = next((r for r in relations if r.id == outcome.item.name), None)
    known = {c.id for c in article.claims.claims} if article.claims else set()
    advice, command = (
        next_step(where(article, outcome), outcome) if status is Status.FAILED else ([], [])
    )
    return CheckView(
        name=outcome.item.name,
        rule=outcome.item.rule,
        status=status,
        problems=tuple(outcome.problems),
        prose=vanished_text(where(article, outcome), outcome) if status is Status.VANISHED else "",
        advice=" ".join(advice),
        command="\n".join(line.removeprefix("  ") for line in command),
        finding=outcome.finding,
        notes=getattr(relation, "notes", None),
        claims=tuple(c for c in outcome.item.claims if c in known),
        rates=reviewed_claims(article, outcome.item) if status is Status.FINDING else (),
        conclusion=conclusion(outcome) if outcome.problems or status is Status.VANISHED else "",
    )


def _link(path: Path, page_folder: Path) -> str:
    """A relative link from a page in ``page_folder`` to ``path``, percent-encoded."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(page_folder))
    return quote(Path(relative).as_posix(), safe="/-._~")


def _claim_status(claim_id: str, checks: list[CheckView]) -> str:
    """Failing if any of its checks fails; a recorded finding if one rates it; a draft if a
    check waits for a person's review, since a draft is never shown as passing."""
    if any(check.look == "failing" for check in checks):
        return "failing"
    if any(claim_id in check.rates for check in checks):
        return "finding"
    if any(check.status is Status.DRAFT for check in checks):
        return "draft"
    return "consistent"


def _readings(
    claim: Claim, reading: ClaimReading, used: Reading
) -> tuple[list[tuple[str, str, bool]], str]:
    """The intervals the evaluation read the claim as, under each reading."""
    if reading.error:
        return [], str(reading.error)
    if reading.span:
        return [("date", str(reading.span), True)], ""
    draw = render_bound(claim.unit)
    return [(str(r), reading.intervals[r].format(draw), r is used) for r in Reading], ""


def paragraphs(text: str, spans: list[Span]) -> list[list[Segment]]:
    """The text's lines cut at every span's ends; where spans overlap the innermost wins."""
    result = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        inside = [s for s in spans if s.start < end and s.end > start]
        cuts = sorted(
            {start, end} | {max(s.start, start) for s in inside} | {min(s.end, end) for s in inside}
        )
        segments = []
        for a, b in pairwise(cuts):
            covering = [s for s in inside if s.start <= a and b <= s.end]
            if covering:
                span = min(covering, key=lambda s: s.end - s.start)
                segments.append(Segment(text[a:b], span.key, span.status, b == span.end))
            else:
                segments.append(Segment(text[a:b]))
        if line.strip():
            result.append(segments)
    return result


def _span(text: str, quote: str, key: str, status: str) -> list[Span]:
    start = text.find(quote)
    return [] if start == -1 else [Span(start, start + len(quote), key, status)]


def _line(article: Article, quote: str) -> int | None:
    place = find_quote(article.text, quote)
    return place.line if place else None


def article_view(
    article: Article, evaluation: Evaluation, slug: str, page_folder: Path = Path()
) -> ArticleView:
    """What a page shows of one article; its file links are relative to ``page_folder``."""
    checks = [_check_view(article, outcome) for outcome in evaluation.of(article)]
    view = ArticleView(
        slug,
        article,
        Tally.of(evaluation, article),
        paragraphs(article.text, []),
        sorted(
            (c for c in checks if c.status is not Status.PASSED),
            key=lambda c: SEVERITY.index(c.status),
        ),
        Links(
            _link(article.text_path, page_folder),
            _link(article.claims_path, page_folder),
            _link(article.folder / "meta.yaml", page_folder),
        ),
    )
    found = culprit_of(evaluation, article)
    view.culprit = culprit_text(found) if found else None
    if not article.is_valid:
        return view
    assert article.claims is not None
    assert article.meta is not None
    spans = []
    for claim in article.claims.claims:
        mine = sorted(
            (c for c in checks if claim.id in c.claims), key=lambda c: SEVERITY.index(c.status)
        )
        status = _claim_status(claim.id, mine)
        readings, error = _readings(
            claim, evaluation.reading_of(article, claim.id), evaluation.reading
        )
        view.claims.append(
            ClaimView(
                claim,
                status,
                _line(article, claim.quote),
                article.claim_line(claim.id),
                readings,
                error,
                mine,
            )
        )
        spans += _span(article.text, claim.quote, f"{slug}/{claim.id}", status)
    for number, ignored in enumerate(article.claims.ignored, start=1):
        view.mentions.append(
            MentionView(number, ignored.quote, ignored.reason, _line(article, ignored.quote))
        )
        spans += _span(article.text, ignored.quote, f"{slug}/ignored-{number}", "unchecked")
    view.paragraphs = paragraphs(article.text, spans)
    return view


def _slugs(articles: list[Article]) -> list[str]:
    """Each article's folder name, made unique, to address its claims by."""
    taken: set[str] = set()
    slugs = []
    for article in articles:
        name = slug = article.folder.name or "article"
        number = 1
        while slug in taken:  # a/x, b/x and c/x-2: x, x-2 and x-2-2, never one twice
            number += 1
            slug = f"{name}-{number}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("factsuite.reports", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
    finalize=lambda value: _shown(value),
)
_environment.filters["fragment"] = fragment


def _shown(value: object) -> object:
    """Every text put in the page, its control characters made visible (see ``escaping``)."""
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


ADDRESS_IN_TEXT = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]", re.IGNORECASE)


def linked(text: str) -> markupsafe.Markup:
    """Text with each web address in it a link: http(s) only (``files/addresses.py``)."""
    parts = []
    last = 0
    for match in ADDRESS_IN_TEXT.finditer(text):
        address = match.group()
        if not is_web_address(address):
            continue
        parts.append(markupsafe.escape(text[last : match.start()]))
        parts.append(
            markupsafe.Markup('<a class="source" href="{0}" rel="noreferrer">{0}</a>').format(
                address
            )
        )
        last = match.end()
    parts.append(markupsafe.escape(text[last:]))
    return markupsafe.Markup("").join(parts)


LABELLED = re.compile(r"  (\S+) +(.*)")


def labelled_line(line: str) -> tuple[str, str]:
    """A line of a rule's words as (label, text): ``explain_helpers.labelled`` pads the label
    into a column that a proportional font would not keep, so the page sets it as a grid."""
    if not line.startswith(INDENT):
        match = LABELLED.fullmatch(line)
        if match:
            return match.group(1), match.group(2)
    return "", line.strip()


def shown_interval(claim: ClaimRef) -> str:
    assert claim.interval is not None
    return claim.interval.format(render_bound(claim.unit))


_environment.filters["linked"] = linked
_environment.globals.update(
    labelled_line=labelled_line,
    shown_interval=shown_interval,
    reading_note=lambda problem: reading_note(problem).strip(),
    ClaimRef=ClaimRef,
)
_environment.tests["claim_ref"] = lambda line: isinstance(line, ClaimRef)


def _views(evaluation: Evaluation, page_folder: Path) -> list[ArticleView]:
    return [
        article_view(article, evaluation, slug, page_folder)
        for article, slug in zip(evaluation.articles, _slugs(evaluation.articles), strict=True)
    ]


def _page(views: list[ArticleView], evaluation: Evaluation, index: str = "") -> str:
    template = _environment.get_template("report.html.j2")
    return template.render(
        articles=[capped(view) for view in views],
        see=SEE,
        totals=Tally.total([view.tally for view in views]),
        reading=READINGS[evaluation.reading],
        looks=LOOKS,
        index=index,
    )


def capped(view: ArticleView) -> ArticleView:
    """The view as its page shows it, within ``page_caps``; ``more`` counts what is left
    out (``listed``, ``claims``, ``mentions``).  The index reads the whole view."""

    def check(shown: CheckView) -> CheckView:
        return replace(shown, problems=capped_problems(shown.problems))

    attention, listed = cut(view.attention, page_caps.MAX_LISTED)
    claims, more_claims = cut(view.claims, page_caps.MAX_CLAIMS)
    mentions, more_mentions = cut(view.mentions, page_caps.MAX_MENTIONS)
    shown = {f"{view.slug}/{c.claim.id}" for c in claims}
    shown |= {f"{view.slug}/ignored-{m.number}" for m in mentions}
    return replace(
        view,
        attention=[check(c) for c in attention],
        claims=[replace(c, checks=[check(k) for k in c.checks]) for c in claims],
        mentions=mentions,
        paragraphs=[
            [s if not s.key or s.key in shown else replace(s, key="") for s in paragraph]
            for paragraph in view.paragraphs
        ],
        more={"listed": listed, "claims": more_claims, "mentions": more_mentions},
    )


def render_html(evaluation: Evaluation, page_folder: Path = Path()) -> str:
    """The whole report as one HTML document, its file links relative to ``page_folder``."""
    return _page(_views(evaluation, page_folder), evaluation)


def write_html(evaluation: Evaluation, path: Path) -> None:
    """One self-contained file: every article in it (the report of a single article)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(evaluation, path.parent), "utf-8")


PAGES = "articles"
"""The folder of a site's article pages, beside its index."""


def page_name(slug: str) -> str:
    """An article page's file name: its slug (a folder name, so a valid file name)."""
    return f"{slug}.html"


def write_site(evaluation: Evaluation, folder: Path, index_name: str = "index.html") -> Path:
    """A static site for an archive: ``index.html`` (every article, sortable and filterable)
    and one page per article under ``articles/``, every link relative, nothing fetched.
    One page of 3,000 articles was 129 MB, more than a browser renders; an index row is a
    few hundred bytes.  Returns the index."""
    pages = folder / PAGES
    pages.mkdir(parents=True, exist_ok=True)
    views = _views(evaluation, pages)
    for view in views:
        (pages / page_name(view.slug)).write_text(
            _page([view], evaluation, index=f"../{quote(index_name)}"), "utf-8"
        )
    index = folder / index_name
    index.write_text(render_index(views, evaluation), "utf-8")
    return index


def render_index(views: list[ArticleView], evaluation: Evaluation) -> str:
    """The site's index: a row per article, failing ones first, with counts by status,
    rule and outlet for its filters."""
    order = ("failing", "finding", "draft", "consistent")
    rows = sorted(views, key=lambda view: order.index(view.look))
    counts = {
        "status": Counter(view.look for view in views),
        "rule": Counter(rule for view in views for rule in view.rules),
        "outlet": Counter(_outlet(view) for view in views),
    }
    listed, unlisted = page_caps.cut(rows, page_caps.MAX_INDEX_ROWS)
    template = _environment.get_template("index.html.j2")
    return template.render(
        articles=listed,
        unlisted=unlisted,
        see=page_caps.SEE,
        totals=Tally.total([view.tally for view in views]),
        reading=READINGS[evaluation.reading],
        looks=LOOKS,
        order=order,
        counts=counts,
        outlet=_outlet,
        href=lambda view: f"{PAGES}/{quote(page_name(view.slug), safe='-._~')}",
    )


def _outlet(view: ArticleView) -> str:
    meta = view.article.meta
    return meta.outlet if meta and meta.outlet else "unknown"


SITE_ABOVE = 1
"""More articles than this make ``--html`` write a site rather than one file."""


def write_report(evaluation: Evaluation, path: Path) -> Path:
    """The HTML report at ``path``: one self-contained file for one article; for more, a
    site whose index is ``path`` (its article pages in ``articles/`` beside it).  Returns
    the file to open."""
    if len(evaluation.articles) <= SITE_ABOVE:
        write_html(evaluation, path)
        return path
    return write_site(evaluation, path.parent, path.name)


def _report(arguments: argparse.Namespace) -> int:
    try:
        folders = article_folders(arguments.paths)
    except NothingToCheck as error:
        return usage_error(str(error))
    evaluation = evaluate_contained(
        load_articles(folders, given=arguments.paths), Reading(arguments.reading)
    )
    writers = (
        (arguments.html, write_report),
        (arguments.site, lambda e, folder: write_site(e, folder)),
        (arguments.markdown, write_markdown),
    )
    for path, write in writers:
        if path is None:
            continue
        try:
            write(evaluation, path)
        except OSError as error:
            print(f"cannot write {path}: {error.strerror or error}", file=sys.stderr)
            return 2
        print(f"wrote {path}")
    if not (arguments.html or arguments.site or arguments.markdown):
        print(render_markdown(evaluation), end="")
    return 0


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``factsuite report PATHS [--html FILE] [--site DIR] [--markdown FILE]`` (Markdown to
    stdout if none)."""
    report = subparsers.add_parser(
        "report",
        help="write the HTML report and the Markdown summary (exit 0 even when checks fail)",
    )
    report.add_argument("paths", nargs="+", type=Path, help="article folders or trees of them")
    report.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="write the HTML report here: one self-contained file for one article; for more, "
        "FILE is the index of a site whose article pages go in articles/ beside it",
    )
    report.add_argument(
        "--site",
        type=Path,
        metavar="DIR",
        help="write the HTML report as a site, whatever the number of articles: "
        "DIR/index.html and DIR/articles/",
    )
    report.add_argument(
        "--markdown", type=Path, metavar="FILE", help="write the Markdown summary here"
    )
    report.add_argument(
        "--reading",
        choices=[r.value for r in Reading],
        default=DEFAULT_READING.value,
        help="which reading fails a check",
    )
    report.set_defaults(run=_report)
