"""The most likely culprit: the fewest claims whose correction would clear every failure.

One wrong figure often breaks several checks (its record, the headline that repeats it, the
whole it is part of).  Each failing check names the claims it involves; a set of claims that
meets every failing check's claims (a hitting set) could explain all of them, and the
smallest such set is the simplest explanation.  Articles have few failures, so the exact
minimum is found by trying sets of growing size, up to ``MAX_SIZE`` claims.

Among sets of the same size, a set with a claim a reference record confirms comes after
every set without one (the record is evidence from outside the article that the claim is
right); then the claims are weighed, in this order:

1. a claim that disagrees with a reference record (``record[...]`` fails) is suspected
   first, and one a record confirms (``record[...]`` passes) last;
2. then a claim that takes part in more failures, when the set is as small as a set meeting
   every failure can be; in a larger set (the re-check found no correction that small
   consistent), a claim's several failures are not all its doing, since another member is
   needed for one of them, so they are not counted in its favour;
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

import math
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from factsuite.checking.engine import Evaluation, Outcome
from factsuite.checking.findings import ClaimRef
from factsuite.files.article import Article
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.lexicon import Reading
from factsuite.reports.verdicts import Status, status

if TYPE_CHECKING:
    from factsuite.checking.culprit_check import Cell, Rechecker, Tried

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
RECHECKED = 12
RECHECKED_ARTICLES = 25
"""The most articles a run may hold for its culprits to be re-checked (``RecheckBudget``)."""
"""The most claims the re-check tries (the most failed first): each costs its cells' tries."""
MIN_SCALE, MAX_SCALE = -64, 64
"""The scales of a correction of nothing and of one to no figure at all (a tail)."""


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
    correction: float = 0.0
    """How far its figure must move for its checks to pass (the log of the ratio), as the
    re-check found it within its set; 0 when not re-checked."""


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
        self.name = outcome.item.name
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
    for size in range(1, max_size + 1):
        found = hitting_sets(sets, size)
        if found:
            return found
    return []


def hitting_sets(sets: Sequence[frozenset[str]], size: int) -> list[tuple[str, ...]]:
    """Every set of ``size`` ids (of the ``MAX_CANDIDATES`` most failed) that meets each of
    ``sets``, sorted."""
    if not sets:
        return []
    counts: dict[str, int] = {}
    for claims in sets:
        for claim in claims:
            counts[claim] = counts.get(claim, 0) + 1
    universe = sorted(counts, key=lambda claim: (-counts[claim], claim))[:MAX_CANDIDATES]
    return sorted(
        tuple(sorted(chosen))
        for chosen in combinations(universe, size)
        if all(claims.intersection(chosen) for claims in sets)
    )


def culprit(
    outcomes: Iterable[Outcome],
    headline: str | None = None,
    recheck: Callable[[], Rechecker | None] | None = None,
) -> Culprit | None:
    """The most likely culprit of an article's failures (``headline``: meta.yaml's); None
    when nothing fails (or no set of ``MAX_SIZE`` claims explains every failure).

    With ``recheck`` (giving the article's relations to re-evaluate: ``culprit_check.py``;
    asked only when something fails), the smallest set whose correction the engine finds
    consistent with every relation check its claims take part in is chosen; without it, or
    when no set within the bounds is, the smallest set that merely meets every failure."""
    outcomes = list(outcomes)
    failings = _failings(outcomes)
    sets = [failing.claims for failing in failings]
    if not sets:
        return None
    checker = recheck() if recheck is not None else None
    if headline is None and checker is not None:
        headline = checker.headline
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
    confirmed = _confirmed(outcomes)
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
    if checker is not None:
        found = _rechecked(checker, failings, suspects)
        if found is not None:
            return found
    candidates = minimal_hitting_sets(sets)
    if not candidates:
        return None
    return Culprit(
        _best([[suspects[claim] for claim in chosen] for chosen in candidates]), len(failings)
    )


def _best(candidates: Sequence[Sequence[Suspect]], counted: bool = True) -> tuple[Suspect, ...]:
    """The most suspected set: one no record confirms a claim of, first; then by its
    members' weights (see the module; ``counted``: with their failures), most suspected
    first; then by the size of the correction it needs; then by claims.yaml's order."""
    return min(
        (_ranked(members, counted) for members in candidates),
        key=lambda members: _set_order(members, counted),
    )


def _ranked(members: Iterable[Suspect], counted: bool = True) -> tuple[Suspect, ...]:
    return tuple(sorted(members, key=lambda member: (_suspicion(member, counted), _line(member))))


def _set_order(
    members: tuple[Suspect, ...], counted: bool = True
) -> tuple[bool, list[Weights], int, list[int]]:
    return (
        any(member.confirmed for member in members),
        [_suspicion(member, counted) for member in members],
        _scale(sum(member.correction for member in members)),
        [_line(member) for member in members],
    )


def _rechecked(
    checker: Rechecker, failings: list[_Failing], suspects: dict[str, Suspect]
) -> Culprit | None:
    """The best set, smallest first, whose every claim the re-check can correct without
    breaking a relation check it takes part in; None when none within the bounds."""
    from factsuite.checking.culprit_check import (  # pandas: only when an article fails
        MAX_HYPOTHESES,
        correction,
        tried,
        tried_each,
    )

    involving = checker.involving
    sets = [failing.claims for failing in failings]
    counts = {claim: sum(claim in claims for claims in sets) for claim in suspects}
    universe = sorted(suspects, key=lambda claim: (-counts[claim], claim))[:RECHECKED]
    solo = tried(checker, universe, {})
    smallest = len(min(minimal_hitting_sets(sets), key=len, default=()))
    for size in range(1, MAX_SIZE + 1):
        counted = size <= smallest
        chosen = [
            members
            for members in hitting_sets(sets, size)
            if all(member in solo for member in members)
        ]
        chosen.sort(
            key=lambda members: _set_order(
                _ranked((suspects[m] for m in members), counted), counted
            )
        )
        plans: list[tuple[tuple[str, ...], dict[str, Cell]]] = []
        cost = 0
        for members in chosen:
            if any(suspects[member].confirmed for member in members):
                continue  # its record pins the claim: correcting it would break the record
            held = _held(members, solo, involving)
            if held is None:
                continue
            extra = sum(len(solo[member]) for member in members) if size > 1 else 0
            if checker.tries + cost + extra > MAX_HYPOTHESES:
                break
            cost += extra
            plans.append((members, held))
        requests = [
            (members, member, {other: held[other] for other in members if other != member})
            for members, held in plans
            for member in members
            if size > 1
        ]
        answers = dict(
            zip(
                [(members, member) for members, member, _ in requests],
                tried_each(checker, [(member, others) for _, member, others in requests]),
                strict=True,
            )
        )
        consistent = []
        for members, _ in plans:
            corrections: dict[str, float] = {}
            for member in members:
                tries = answers[(members, member)] if size > 1 else solo[member]
                distance = correction(tries, involving.get(member, set()))
                if distance is None:
                    break
                corrections[member] = distance
            else:
                consistent.append(
                    [replace(suspects[m], correction=corrections[m]) for m in members]
                )
        if consistent:
            return Culprit(_best(consistent, counted), len(failings))
    return None


def _held(
    members: tuple[str, ...], solo: dict[str, list[Tried]], involving: dict[str, set[str]]
) -> dict[str, Cell] | None:
    """Where each member of a set can lie by the checks none of the others takes part in
    (the others are held there while one is tried); None when one cannot satisfy them."""
    from factsuite.checking.culprit_check import hull

    held = {}
    for member in members:
        shared = set().union(*(involving.get(other, set()) for other in members if other != member))
        cell = hull(solo[member], involving.get(member, set()) - shared)
        if cell is None:
            return None
        held[member] = cell
    return held


def _scale(distance: float) -> int:
    """How large a correction is, coarsely (doubling steps of the log ratio): only a clearly
    smaller correction is preferred, not one a cell's width nearer."""
    if distance <= 0:
        return MIN_SCALE
    return math.floor(math.log2(distance)) if math.isfinite(distance) else MAX_SCALE


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


Weights = tuple[bool, bool, int, int, bool]


def _suspicion(suspect: Suspect, counted: bool = True) -> Weights:
    """The order suspects are weighed in (smaller is more suspect): see the module;
    without ``counted``, a claim's failures weigh nothing."""
    return (
        suspect.source is None,
        suspect.confirmed,
        -suspect.failures if counted else 0,
        suspect.worked_out,
        not suspect.headline,
    )


def _line(suspect: Suspect) -> int:
    return suspect.claim.yaml_line or 0


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
        found[folder] = culprit(
            evaluation.of(article), headline, budget_of(evaluation).recheck(article.folder)
        )
    return found[folder]


class RecheckBudget:
    """Whether a run re-checks its culprits: one of at most ``RECHECKED_ARTICLES`` articles
    (an editor's) does; a larger one (an archive) ranks them by counting alone, so that its
    run time stays what the engine's is (a re-check costs about a second an article)."""

    def __init__(self, library: ReferenceLibrary, reading: Reading, articles: int) -> None:
        self.library = library
        self.reading = reading
        self.left = RECHECKED_ARTICLES if articles <= RECHECKED_ARTICLES else 0

    def recheck(self, folder: Path) -> Callable[[], Rechecker | None]:
        """What ``culprit`` calls, if the article fails, to re-check it."""

        def rechecker() -> Rechecker | None:
            if self.left <= 0:
                return None
            self.left -= 1
            from factsuite.checking.culprit_check import load

            return load(folder, self.library, self.reading)

        return rechecker


def budget_of(evaluation: Evaluation) -> RecheckBudget:
    """The re-check budget of the reports made from one evaluation."""
    key = id(evaluation)
    if key not in _BUDGETS:
        _BUDGETS[key] = RecheckBudget(
            evaluation.library, evaluation.reading, len(evaluation.articles)
        )
        weakref.finalize(evaluation, _BUDGETS.pop, key, None)
    return _BUDGETS[key]


_BUDGETS: dict[int, RecheckBudget] = {}
_FOUND: dict[int, dict[str, Culprit | None]] = {}
"""Each live evaluation's culprits by article folder; an entry goes with its evaluation (the
engine cannot hold them: this module reads its outcomes' statuses)."""
