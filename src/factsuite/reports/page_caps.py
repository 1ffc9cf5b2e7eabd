"""What one article may put on its HTML page: the rest is counted and pointed to.

A claims.yaml of 1 MB can hold thousands of claims, and an article full of numbers gives a
coverage failure with a line per mention, told once among the failures and again under
each claim; one page must stay small enough for a browser to open.  The article's counts
stay whole; what is cut says how much and where to see it all (``SEE``), and the page keeps
the most severe first (failures before recorded findings, claims in file order).
``html.capped`` applies them to the view of a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from factsuite.checking.findings import Problem

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
MAX_INDEX_ROWS = 10_000
"""Rows of a site's index (about 0.8 KB each): failing articles come first, so a cut leaves
out the least severe; the counts and filters still cover every article, and every article
keeps its page."""
SEE = "see the JSON: factsuite check --format json"

T = TypeVar("T")


def cut(items: Sequence[T], cap: int) -> tuple[list[T], int]:
    """The first ``cap`` items, and how many are left out."""
    return list(items[:cap]), max(0, len(items) - cap)


def capped_problems(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """At most ``MAX_PROBLEMS`` problems of ``MAX_LINES`` lines each, each cut counted."""
    shown, more = cut(problems, MAX_PROBLEMS)
    capped = [_capped_problem(problem) for problem in shown]
    if more:
        capped.append(Problem(None, f"…and {more:,} more problems: {SEE}"))
    return tuple(capped)


def _capped_problem(problem: Problem) -> Problem:
    body, more = cut(problem.body, MAX_LINES)
    if not more:
        return problem
    return replace(problem, body=(*body, f"…and {more:,} more lines: {SEE}"))
