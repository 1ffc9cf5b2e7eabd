"""The most likely culprit: the fewest claims whose correction would clear every failure.

One wrong figure often breaks several checks (its record, the headline that repeats it, the
whole it is part of).  Each failing check names the claims it involves; a set of claims that
meets every failing check's claims (a hitting set) could explain all of them, and the
smallest such set is the simplest explanation.  Articles have few failures, so the exact
minimum is found by trying sets of growing size, up to ``MAX_SIZE`` claims.

Among sets of the same size, the claims are weighed, in this order:

1. a claim that disagrees with a reference record (``record[...]`` fails) is suspected
   first, and one a record confirms (``record[...]`` passes) last: the record is evidence
   from outside the article;
2. then a claim that takes part in more failures;
3. then a figure the writer worked out from others (a change's ``by``, a rate's average, a
   share; then a part of a breakdown) before the levels and totals it was worked from:
   those are reported, and cited elsewhere, so the arithmetic is the likelier slip;
4. then the headline's claim (its quote is within meta.yaml's headline) before the body's:
   a headline is shortened and rewritten after the body, away from the source, so it is the
   likelier to have drifted;
5. then the order of claims.yaml, so that the answer never depends on chance.

Only checks that fail the run count: recorded findings and drafts are not told as failures,
and the files' own mistakes (schema, grounding, coverage) are fixed, not suspected.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from factsuite.checking.engine import Evaluation, Outcome
from factsuite.checking.findings import ClaimRef
from factsuite.files.article import Article
from factsuite.reports.verdicts import Status, status

MAX_SIZE = 4
"""The largest set tried: more claims than this are no single pointer for an editor."""
MAX_CANDIDATES = 40
"""The most claims a search starts from (the most failed first): it stays exact below."""
NOT_SUSPECTED = frozenset({"schema", "grounding", "coverage"})
"""Rules whose failures are mistakes in the files, not in the article."""
WORKED_OUT = {"by": 0, "per_period": 0, "per day": 0, "share": 0, "part": 1}
"""Roles of a figure worked out from the others of its relation (see the module), most
worked out first: a share is computed from its part, a part is read off a breakdown."""
LEVEL = len(set(WORKED_OUT.values()))
"""The rank of every other role: a level or total, reported rather than worked out."""
RECORD_RULE = "record"


@dataclass(frozen=True)
class Suspect:
    """One claim of the culprit: where it is, in how many failures, whose record it fails."""

    claim: ClaimRef
    failures: int
    source: str | None
    """The agency whose record the claim disagrees with, if one does."""
    headline: bool = False
    """Its quote is (within) the article's headline."""
    confirmed: bool = False
    """A reference record agrees with it (its ``record[...]`` check passes)."""
    worked_out: int = LEVEL
    """How much of a worked-out figure it is in its failures (``WORKED_OUT``; lower is more)."""


@dataclass(frozen=True)
class Culprit:
    """The claims most likely wrong in one article, most suspected first."""

    suspects: tuple[Suspect, ...]
    failures: int
    """How many failing checks the search explained."""


class _Failing:
    """A failing check as the claims it involves (what its problems name)."""

    def __init__(self, outcome: Outcome) -> None:
        refs = [ref for problem in outcome.problems for ref in problem.claims]
        self.refs = refs
        self.claims = frozenset(ref.claim for ref in refs)
        self.sources = {
            ref.claim: problem.source
            for problem in outcome.problems
            if problem.source
            for ref in problem.claims
        }


def failing_claims(outcomes: Iterable[Outcome]) -> list[frozenset[str]]:
    """The claim sets of the checks that fail the run and could be the article's fault."""
    return [failing.claims for failing in _failings(outcomes)]


def _failings(outcomes: Iterable[Outcome]) -> list[_Failing]:
    found = []
    for outcome in outcomes:
        if outcome.item.rule in NOT_SUSPECTED or status(outcome) is not Status.FAILED:
            continue
        failing = _Failing(outcome)
        if failing.claims:
            found.append(failing)
    return found


def minimal_hitting_sets(
    sets: Sequence[frozenset[str]], max_size: int = MAX_SIZE
) -> list[tuple[str, ...]]:
    """Every smallest set of ids that meets each of ``sets`` (sorted), or none within
    ``max_size``.  Exact: sizes are tried in increasing order."""
    if not sets:
        return []
    counts: dict[str, int] = {}
    for claims in sets:
        for claim in claims:
            counts[claim] = counts.get(claim, 0) + 1
    universe = sorted(counts, key=lambda claim: (-counts[claim], claim))[:MAX_CANDIDATES]
    for size in range(1, max_size + 1):
        found = [
            tuple(sorted(chosen))
            for chosen in combinations(universe, size)
            if all(claims.intersection(chosen) for claims in sets)
        ]
        if found:
            return sorted(found)
    return []


def culprit(outcomes: Iterable[Outcome], headline: str | None = None) -> Culprit | None:
    """The most likely culprit of an article's failures (``headline``: meta.yaml's); None
    when nothing fails (or no set of ``MAX_SIZE`` claims explains every failure)."""
    outcomes = list(outcomes)
    failings = _failings(outcomes)
    confirmed = _confirmed(outcomes)
    candidates = minimal_hitting_sets([failing.claims for failing in failings])
    if not candidates:
        return None
    refs: dict[str, ClaimRef] = {}
    sources: dict[str, str] = {}
    for failing in failings:
        for ref in failing.refs:
            refs.setdefault(ref.claim, ref)
        for claim, source in failing.sources.items():
            sources.setdefault(claim, source)
    worked_out: dict[str, int] = {}
    for failing in failings:
        for ref in failing.refs:
            rank = WORKED_OUT.get(ref.role, LEVEL)
            worked_out[ref.claim] = min(rank, worked_out.get(ref.claim, LEVEL))
    suspects = {
        claim: Suspect(
            refs[claim],
            sum(claim in failing.claims for failing in failings),
            sources.get(claim),
            _within(refs[claim].quote, headline),
            claim in confirmed,
            worked_out.get(claim, LEVEL),
        )
        for claim in refs
    }
    ranked = [
        tuple(sorted((suspects[claim] for claim in chosen), key=_suspicion))
        for chosen in candidates
    ]
    best = min(ranked, key=lambda members: [_suspicion(member) for member in members])
    return Culprit(best, len(failings))


def _within(quote: str, headline: str | None) -> bool:
    def words(text: str) -> str:
        return " ".join(text.casefold().split())

    return headline is not None and bool(quote.strip()) and words(quote) in words(headline)


def _confirmed(outcomes: list[Outcome]) -> set[str]:
    """The claims a reference record agrees with: their ``record[...]`` checks pass."""
    return {
        claim
        for outcome in outcomes
        if outcome.item.rule == RECORD_RULE and status(outcome) is Status.PASSED
        for claim in outcome.item.claims
    }


def _suspicion(suspect: Suspect) -> tuple[bool, bool, int, int, bool, int]:
    """The order suspects are weighed in (smaller is more suspect): see the module."""
    return (
        suspect.source is None,
        suspect.confirmed,
        -suspect.failures,
        suspect.worked_out,
        not suspect.headline,
        suspect.claim.yaml_line or 0,
    )


def culprit_of(evaluation: Evaluation, article: Article) -> Culprit | None:
    """The article's culprit in this evaluation, found once however many reports ask."""
    key = id(evaluation)
    if key not in _FOUND:
        _FOUND[key] = {}
        weakref.finalize(evaluation, _FOUND.pop, key, None)
    found = _FOUND[key]
    folder = str(article.folder)
    if folder not in found:
        headline = article.meta.headline if article.meta else None
        found[folder] = culprit(evaluation.of(article), headline)
    return found[folder]


_FOUND: dict[int, dict[str, Culprit | None]] = {}
"""Each live evaluation's culprits by article folder; an entry goes with its evaluation (the
engine cannot hold them: this module reads its outcomes' statuses)."""
