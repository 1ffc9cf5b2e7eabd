"""A check and its result, in a module that imports neither pandas nor the engine.

Reports, the culprit and stored verdicts (``verdict_cache.py``) all handle outcomes; a run
whose verdicts are all stored must not pay for importing what evaluates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factsuite.checking.findings import Problem

if TYPE_CHECKING:
    from factsuite.files.model import Finding


@dataclass(frozen=True)
class CheckItem:
    """One check of one article, as pytest collects it."""

    name: str
    rule: str
    line: int | None
    claims: tuple[str, ...] = ()
    draft: bool = False
    """It checks a claim still marked draft: reported as needing review, never as passing."""


@dataclass
class Outcome:
    """A check's result: the explanations of what failed (none when it passed)."""

    item: CheckItem
    problems: list[Problem] = field(default_factory=list)
    finding: Finding | None = None
    fingerprint: str | None = None
    """What this failure was made of (see ``findings_review``): a finding records it."""

    @property
    def passed(self) -> bool:
        return not self.problems
