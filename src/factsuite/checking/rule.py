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
    from factsuite.checking.explanations import Context
    from factsuite.checking.findings import Line


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
