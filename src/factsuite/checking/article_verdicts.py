"""What one article's checks came to, in a module that imports neither pandas nor the engine.

Chunks send it back from worker processes, stored verdicts (``verdict_cache.py``) keep it,
and ``factsuite check`` prints from it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factsuite.checking.outcome import Outcome
    from factsuite.files.article import Article
    from factsuite.reports.verdicts import Status


@dataclass(frozen=True)
class ArticleVerdicts:
    """What one article's checks came to: all a summary or a report line needs.

    Checks that passed are only counted: they are nearly all of a large archive's, and
    sending each back from a worker process cost the main process as much as the workers'
    evaluating them.
    """

    claims_path: Path
    claim_count: int
    passed: int
    others: list[Outcome]
    """Every check that did not simply pass: failures, recorded findings, drafts."""
    headline: str | None = None
    """meta.yaml's headline: the culprit weighs the headline's claims before the body's."""

    @classmethod
    def of(cls, article: Article, outcomes: list[Outcome]) -> ArticleVerdicts:
        from factsuite.reports.verdicts import Status, status

        others = [outcome for outcome in outcomes if status(outcome) is not Status.PASSED]
        passed = len(outcomes) - len(others)
        headline = article.meta.headline if article.meta else None
        return cls(article.claims_path, article.claim_count, passed, others, headline)

    @property
    def crashed(self) -> bool:
        """Its evaluation raised (see ``contained``): the verdicts say so, not what it holds."""
        from factsuite.checking.contained import COULD_NOT_CHECK

        return any(
            problem.rule is None and COULD_NOT_CHECK in problem.summary
            for outcome in self.others
            for problem in outcome.problems
        )

    def tally(self) -> Counter[Status]:
        from factsuite.reports.verdicts import Status, tally

        counts = tally(self.others)
        counts[Status.PASSED] += self.passed
        return counts
