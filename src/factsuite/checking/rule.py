"""A rule as one object: its name, the pandera check it runs, the item it fails, its words.

The declarations are in ``rules.py``, the check bodies in ``checks.py`` and the explanations
in ``explanations.py``; a ``Rule`` ties one of each together, so that nothing matches a
failure to its rule by a name or a position in a list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import pandera.pandas as pa

from factsuite.meaning.lexicon import Reading

if TYPE_CHECKING:
    from factsuite.checking.findings import Line
    from factsuite.files.article import Article
    from factsuite.files.model import Claim
    from factsuite.files.reference import Reference
    from factsuite.meaning.intervals import Interval
    from factsuite.meaning.readings import ClaimReading


@dataclass(frozen=True)
class Rule:
    """A named check over one table, the item its failures go to, and how it explains one.

    ``item`` is the check a failing row goes to: ``rule[claim]`` for the tables with one claim
    per row, the relation's own id for the relation tables.
    """

    name: str
    table: str
    item: str
    check: pa.Check
    explain: Callable[[Failure, Context], list[Line]]
    reading: Reading | None = None


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

    def interval(self, claim_id: str) -> Interval | None:
        return self.readings[(str(self.article.folder), claim_id)].interval(self.reading)
