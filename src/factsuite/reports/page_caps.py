"""What one article may put on its HTML page: the rest is counted and pointed to.

A claims.yaml of 1 MB can hold thousands of claims, and an article full of numbers gives a
coverage failure with a line per mention, told once among the failures and again under
each claim; one page must stay small enough for a browser to open.  The article's counts
stay whole; what is cut says how much and where to see it all (``SEE``), and the page keeps
the most severe first (failures before recorded findings, claims in file order).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from factsuite.checking.findings import Problem

if TYPE_CHECKING:  # html.py applies the caps: importing it here would be a cycle
    from factsuite.reports.html import ArticleView, CheckView

MAX_LISTED = 100
"""Failures and recorded findings listed at the top of an article."""
MAX_CLAIMS = 500
"""Claims highlighted in the text, each with its panel."""
MAX_MENTIONS = 200
"""Ignored mentions highlighted in the text, each with its panel."""
MAX_PROBLEMS = 20
"""Problems told for one check."""
MAX_LINES = 50
"""Lines of one problem (a coverage failure has one per mention not claimed)."""
SEE = "see the JSON: factsuite check --format json"


def capped_view(view: ArticleView) -> ArticleView:
    """A copy of the view with at most the caps above of each thing, its ``more`` counting
    the rest: ``listed``, ``claims`` and ``mentions``.  The index reads the whole view."""
    claims = [
        replace(claim, checks=[_capped_check(check) for check in claim.checks])
        for claim in view.claims[:MAX_CLAIMS]
    ]
    mentions = view.mentions[:MAX_MENTIONS]
    shown = {f"{view.slug}/{claim.claim.id}" for claim in claims} | {
        f"{view.slug}/ignored-{mention.number}" for mention in mentions
    }
    return replace(
        view,
        attention=[_capped_check(check) for check in view.attention[:MAX_LISTED]],
        claims=claims,
        mentions=mentions,
        paragraphs=[
            [
                segment if not segment.key or segment.key in shown else replace(segment, key="")
                for segment in paragraph
            ]
            for paragraph in view.paragraphs
        ],
        more={
            "listed": max(0, len(view.attention) - MAX_LISTED),
            "claims": max(0, len(view.claims) - MAX_CLAIMS),
            "mentions": max(0, len(view.mentions) - MAX_MENTIONS),
        },
    )


def _capped_check(check: CheckView) -> CheckView:
    problems = [_capped_problem(problem) for problem in check.problems[:MAX_PROBLEMS]]
    more = len(check.problems) - MAX_PROBLEMS
    if more > 0:
        problems.append(Problem(None, f"…and {more:,} more problems: {SEE}"))
    return replace(check, problems=tuple(problems))


def _capped_problem(problem: Problem) -> Problem:
    more = len(problem.body) - MAX_LINES
    if more <= 0:
        return problem
    return replace(problem, body=(*problem.body[:MAX_LINES], f"…and {more:,} more lines: {SEE}"))
