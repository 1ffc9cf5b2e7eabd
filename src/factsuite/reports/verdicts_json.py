"""``factsuite check --format json``: a run's verdicts for scripts, in a versioned schema.

The document is described by ``schemas/verdicts.schema.json``; ``VERSION`` changes when a
field changes meaning or goes away (new fields may be added within a version).  A saved
document is also a baseline (``baseline.py``): each failing check carries the identity a
later run compares against.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from factsuite import __version__
from factsuite.checking.engine import Outcome
from factsuite.reports.baseline import identity_fingerprint
from factsuite.reports.conclusion import conclusion, leading_text
from factsuite.reports.verdicts import Status, status
from factsuite.reports.wording import listed_text

SCHEMA_NAME = "factsuite-verdicts"
VERSION = 1
COUNT_KEYS = {
    Status.PASSED: "passed",
    Status.FAILED: "failed",
    Status.FINDING: "findings",
    Status.VANISHED: "vanished",
    Status.DRAFT: "drafts",
}


def check_entry(claims_file: str, outcome: Outcome, failing: bool, new: bool) -> dict[str, Any]:
    """One check that did not simply pass, with what a script needs to point at it."""
    where = f"{claims_file}:{outcome.item.line or 1}"
    text = leading_text(where, outcome) or listed_text(where, outcome)
    return {
        "check": outcome.item.name,
        "rule": outcome.item.rule,
        "claims": list(outcome.item.claims),
        "file": claims_file,
        "line": outcome.item.line or 1,
        "status": COUNT_KEYS[status(outcome)],
        "failing": failing,
        "new": new,
        "fingerprint": outcome.fingerprint,
        "identity": identity_fingerprint(outcome),
        "conclusion": conclusion(outcome),
        "text": text,
    }


def counts_of(counts: Counter[Status]) -> dict[str, int]:
    return {key: counts[state] for state, key in COUNT_KEYS.items()}


@dataclass
class VerdictsDocument:
    """The document, filled an article at a time as the run goes."""

    reading: str
    baseline: str | None = None
    articles: list[dict[str, Any]] = field(default_factory=list)
    reference_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Why nothing was checked: no claims.yaml, a path or baseline that cannot be read."""

    def add(
        self,
        claims_file: str,
        key: str,
        claim_count: int,
        counts: Counter[Status],
        checks: list[Any],
    ) -> None:
        self.articles.append(
            {
                "claims_file": claims_file,
                "claims_key": key,
                "claim_count": claim_count,
                "counts": counts_of(counts),
                "checks": checks,
            }
        )

    def data(self, totals: Counter[Status], failures: int, new_failures: int) -> dict[str, Any]:
        failing = [
            article["claims_file"]
            for article in self.articles
            if any(check["failing"] and check["new"] for check in article["checks"])
        ]
        return {
            "schema": SCHEMA_NAME,
            "version": VERSION,
            "factsuite": __version__,
            "reading": self.reading,
            "baseline": self.baseline,
            "summary": {
                "articles": len(self.articles),
                **counts_of(totals),
                "failures": failures,
                "new_failures": new_failures,
                "failing_articles": failing,
            },
            "articles": self.articles,
            "reference_errors": self.reference_errors,
            "errors": self.errors,
        }
