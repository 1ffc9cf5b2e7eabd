"""The HTML report: each article as its text, every claim highlighted by what its checks say.

One self-contained file (styles and script inline, nothing fetched) that an editor opens from
a CI artefact.  Selecting a claim shows its checks, the intervals its words allow under both
readings, its attribution and notes, and any finding a person recorded; the address
``#claim=<article folder>/<claim id>`` selects one directly.  Without script every panel is
shown below the text.  A status is told by colour, symbol, underline and words together,
never by colour alone.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import jinja2
import markupsafe

from factsuite.checking.contained import evaluate_contained
from factsuite.checking.culprit import culprit_of
from factsuite.checking.engine import Evaluation, Outcome, load_articles
from factsuite.checking.explanations import render_bound
from factsuite.files.article import Article, discover
from factsuite.files.loading import FactFileError
from factsuite.files.model import Claim, Finding
from factsuite.meaning.grounding import find_quote
from factsuite.meaning.lexicon import DEFAULT_READING, Reading
from factsuite.meaning.readings import ClaimReading
from factsuite.reports.claimreview import reviewed_claims
from factsuite.reports.escaping import fragment, visible
from factsuite.reports.markdown import (
    READINGS,
    Tally,
    render_markdown,
    where,
    write_markdown,
)
from factsuite.reports.verdicts import Status
from factsuite.reports.verdicts import status as outcome_status
from factsuite.reports.wording import culprit_text, details_text

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
    text: str  # what it found, in the words of the terminal report
    finding: Finding | None
    notes: str | None
    claims: tuple[str, ...]  # the claims it names
    rates: tuple[str, ...]  # the claims a recorded finding rates

    @property
    def look(self) -> str:
        return CHECK_LOOKS[self.status][0]

    @property
    def words(self) -> str:
        return CHECK_LOOKS[self.status][1]


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
    claims: list[ClaimView] = field(default_factory=list)
    mentions: list[MentionView] = field(default_factory=list)
    culprit: str | None = None
    """The most likely culprit in words, shown first (see ``checking/culprit.py``)."""

    @property
    def title(self) -> str:
        meta = self.article.meta
        return meta.headline if meta and meta.headline else self.article.folder.name


def _check_view(article: Article, outcome: Outcome) -> CheckView:
    status = outcome_status(outcome)
    relations = article.claims.relations if article.claims else []
    relation = next((r for r in relations if r.id == outcome.item.name), None)
    text = details_text(where(article, outcome), outcome)
    known = {c.id for c in article.claims.claims} if article.claims else set()
    return CheckView(
        name=outcome.item.name,
        rule=outcome.item.rule,
        status=status,
        text=text,
        finding=outcome.finding,
        notes=getattr(relation, "notes", None),
        claims=tuple(c for c in outcome.item.claims if c in known),
        rates=reviewed_claims(article, outcome.item) if status is Status.FINDING else (),
    )


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
        return [], reading.error
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


def article_view(article: Article, evaluation: Evaluation, slug: str) -> ArticleView:
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


def render_html(evaluation: Evaluation) -> str:
    """The whole report as one HTML document."""
    views = [
        article_view(article, evaluation, slug)
        for article, slug in zip(evaluation.articles, _slugs(evaluation.articles), strict=True)
    ]
    totals = Tally.total([view.tally for view in views])
    template = _environment.get_template("report.html.j2")
    return template.render(
        articles=views, totals=totals, reading=READINGS[evaluation.reading], looks=LOOKS
    )


def write_html(evaluation: Evaluation, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(evaluation), "utf-8")


def _report(arguments: argparse.Namespace) -> int:
    try:
        folders = discover(arguments.paths)
    except FactFileError as error:
        print("\n".join(map(str, error.errors)), file=sys.stderr)
        return 2
    if not folders:
        print(f"no claims.yaml found under {' '.join(map(str, arguments.paths))}")
        return 2
    evaluation = evaluate_contained(
        load_articles(folders, given=arguments.paths), Reading(arguments.reading)
    )
    for path, write in ((arguments.html, write_html), (arguments.markdown, write_markdown)):
        if path is None:
            continue
        try:
            write(evaluation, path)
        except OSError as error:
            print(f"cannot write {path}: {error.strerror or error}", file=sys.stderr)
            return 2
        print(f"wrote {path}")
    if not (arguments.html or arguments.markdown):
        print(render_markdown(evaluation), end="")
    return 0


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``factsuite report PATHS [--html FILE] [--markdown FILE]`` (Markdown to stdout if none)."""
    report = subparsers.add_parser(
        "report",
        help="write the HTML report and the Markdown summary (exit 0 even when checks fail)",
    )
    report.add_argument("paths", nargs="+", type=Path, help="article folders or trees of them")
    report.add_argument("--html", type=Path, metavar="FILE", help="write the HTML report here")
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
