"""A rule as one object: its name, the pandera check it runs, the item it fails, its words.

Each rule is declared in its own module of ``checking/rules/`` beside its check body and
its explanation; a ``Rule`` ties them together, so that nothing matches a failure to its
rule by a name or a position in a list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.findings import Line, Problem
from factsuite.meaning.lexicon import Reading

if TYPE_CHECKING:
    from factsuite.files.article import Article
    from factsuite.files.model import Claim
    from factsuite.files.reference import Reference
    from factsuite.meaning.intervals import Interval
    from factsuite.meaning.readings import ClaimReading

RELATION_ITEM = "{relation}"
"""The item of a relation table's rule: the relation's own id (``row["relation"]``)."""

Explainer = Callable[["Failure", "Context"], list[Line]]
"""A rule's explanation: its summary line first, then the claims and lines that show it."""


@dataclass(frozen=True)
class Rule:
    """A named check over one table, the item its failures go to, and how it explains one.

    ``item`` is the check a failing row goes to: ``rule[claim]`` for the tables with one claim
    per row, the relation's own id for the relation tables.  ``source`` says whose record a
    failure disagrees with, for a rule that compares a claim with a reference series.
    """

    name: str
    table: str
    item: str
    check: pa.Check
    explain: Explainer
    reading: Reading | None = None
    source: Callable[[Failure, Context], str | None] | None = None


def per_reading(
    name: str,
    table: str,
    make: Callable[[str], pa.Check],
    explain: Explainer,
    item: str = RELATION_ITEM,
    source: Callable[[Failure, Context], str | None] | None = None,
) -> tuple[Rule, ...]:
    """One rule per reading of the qualifiers, so a failure can say which readings fail."""
    return tuple(
        Rule(name, table, item, make(reading.value), explain, reading, source)
        for reading in Reading
    )


@dataclass(frozen=True)
class Failure:
    """One failing row of one rule: enough to find the item and explain it."""

    rule: Rule
    row: pd.Series


@dataclass(frozen=True)
class Context:
    """What an explanation may look up: the article, its claims' readings, the run's reading."""

    article: Article
    readings: dict[tuple[str, str], ClaimReading]
    reading: Reading
    strict_also: bool | None = None
    reference: Reference | None = None

    def claim(self, claim_id: str) -> Claim:
        assert self.article.claims is not None
        return next(c for c in self.article.claims.claims if c.id == claim_id)

    def claim_reading(self, claim_id: str) -> ClaimReading:
        """The claim's reading, kept by the evaluation (keyed by article folder and id)."""
        return self.readings[(str(self.article.folder), claim_id)]

    def interval(self, claim_id: str) -> Interval | None:
        return self.claim_reading(claim_id).interval(self.reading)


def explain(failure: Failure, context: Context) -> Problem:
    """A failing row as a problem: the rule, what is wrong, the claims, the numbers."""
    rule = failure.rule
    summary, *body = rule.explain(failure, context)
    assert isinstance(summary, str)
    return Problem(
        rule.name,
        summary,
        tuple(body),
        context.reading,
        context.strict_also,
        rule.source(failure, context) if rule.source else None,
    )
