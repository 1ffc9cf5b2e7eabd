"""Re-checking suspects: could this claim, corrected, make its checks pass?

A claim that takes part in every failure may still not be correctable alone: another check
may pin it (a passing ``share_of`` holds it above its count; a ``partition`` still overflows
whatever it says).  So each suspect's figure is tried across *cells*, intervals of values
around what it says (``CELL_RATIO`` apart, up to ``REACH`` times smaller or larger, and the
two tails), with every other claim as written or, for the other members of a set, within
what their own checks allow.  The engine's own relation tables and rules judge every try:
the hypotheses of one article are evaluated at once, each as a copy of the article's claims
under a key of its own, so no arithmetic is re-implemented here.

Only relation checks are re-run: a claim's own checks (schema, grounding, calendar) and its
record are about that claim alone, so correcting it clears them by definition.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd

from factsuite.checking.engine import load_articles, plan, planned_implied
from factsuite.checking.reference_tables import event_days
from factsuite.checking.rule import Rule
from factsuite.checking.rules import find_failures, rules
from factsuite.checking.tables import (
    RELATION_BUILDERS,
    Entry,
    build_tables,
    relation_entries,
    relation_tables,
)
from factsuite.files.article import Article
from factsuite.files.reference import Reference
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.lexicon import Kind, Reading

CELL_RATIO = 1.1
"""Neighbouring cells' bounds differ by 10 %: finer than the gaps between a figure's pins in
the labelled corpus (docs/verdict-quality.md), coarse enough to stay a few dozen tries."""
REACH = 4.0
"""Cells reach four times smaller or larger; past that, one tail each way (a slip of scale)."""
MAX_HYPOTHESES = 3000
"""The most tries one article's re-check makes (its copies of the claims, evaluated at
once); past it, sets are left unchecked and ranked by counting alone."""
DOMAIN = {
    Kind.SHARE.value: (0.0, 100.0),
    Kind.COUNT.value: (0.0, math.inf),
    Kind.DURATION.value: (0.0, math.inf),
}
"""Where a figure of each kind can be at all; a change or a date can be anything."""
SEPARATOR = "\x00culprit-try-"
"""Joins an article's key to a try's number: no folder name holds it."""

Cell = tuple[float, float]
Hypothesis = Mapping[str, Cell]
"""A try: new (lo, hi) values for some claims, the rest as written."""


@dataclass(frozen=True)
class Tried:
    """What one try of one claim gave: the cell, how far from the claim's value it is
    (``log`` of the ratio; 0 within it), and the relations that failed."""

    cell: Cell
    distance: float
    failing: frozenset[str]


class Rechecker:
    """One article's relations, re-evaluated under hypotheses about its claims."""

    def __init__(self, article: Article, reference: Reference | None, reading: Reading) -> None:
        key = str(article.folder)
        self.key = key
        self.events = {key: event_days(reference)}
        implied = {key: planned_implied(article, reference)}
        self.claims = build_tables([article], self.events, implied).claims
        self.entries = relation_entries([article], implied)
        self.reading = reading
        self.headline = article.meta.headline if article.meta else None
        relations = {entry[1] for entries in self.entries.values() for entry in entries}
        self.involving: dict[str, set[str]] = {}
        """The relation checks each claim takes part in, by their item names."""
        for item in plan(article, reference):
            if item.name in relations:
                for claim in item.claims:
                    self.involving.setdefault(claim, set()).add(item.name)
        self.kind = dict(zip(self.claims["claim"], self.claims["kind"], strict=True))
        self.row = {claim: row for row, claim in enumerate(self.claims["claim"])}
        self.value = {
            claim: _middle(row)
            for claim, row in zip(
                self.claims["claim"],
                self.claims[_columns(reading)].itertuples(index=False),
                strict=True,
            )
        }
        self.tries = 0

    def cells(self, claim: str) -> list[Cell]:
        """The values tried for a claim: cells around its value, within its kind's domain;
        only the domain itself when it has no value to scale (unread, zero, a date)."""
        value = self.value.get(claim)
        lo, hi = DOMAIN.get(self.kind.get(claim, ""), (-math.inf, math.inf))
        if value is None or value <= 0 or self.kind.get(claim) == Kind.DATE.value:
            return [(lo, hi)]
        steps = math.ceil(math.log(REACH) / math.log(CELL_RATIO))
        edges = [value * CELL_RATIO**step for step in range(-steps, steps + 1)]
        cells = [(lo, edges[0]), *pairwise(edges), (edges[-1], hi)]
        return [(max(a, lo), min(b, hi)) for a, b in cells if max(a, lo) < min(b, hi)]

    def distance(self, claim: str, cell: Cell) -> float:
        """How far a cell lies from the claim's value: the log of the ratio of its middle
        (geometric; its finite end for a tail) to the value; 0 without a value to scale."""
        value = self.value.get(claim)
        if value is None or value <= 0:
            return 0.0
        lo, hi = cell
        finite = lo > 0 and math.isfinite(hi)
        middle = math.sqrt(lo * hi) if finite else (hi if lo <= 0 else lo)
        return abs(math.log(value / middle)) if 0 < middle < math.inf else math.inf

    def failing(self, hypotheses: Sequence[Hypothesis]) -> list[frozenset[str]]:
        """The relations that fail under each hypothesis, in order (one engine pass)."""
        if not hypotheses:
            return []
        self.tries += len(hypotheses)
        keys = [f"{self.key}{SEPARATOR}{number}" for number in range(len(hypotheses))]
        entries: dict[str, list[Entry]] = {rule: [] for rule in RELATION_BUILDERS}
        for key, hypothesis in zip(keys, hypotheses, strict=True):
            # only the relations of a changed claim can change: the others are not re-run
            touched = set().union(*(self.involving.get(claim, set()) for claim in hypothesis))
            for rule, listed in self.entries.items():
                entries[rule].extend((key, *entry[1:]) for entry in listed if entry[1] in touched)
        events = dict.fromkeys(keys, self.events[self.key])
        tables = relation_tables(self._copies(keys, hypotheses), entries, events)
        found: list[set[str]] = [set() for _ in hypotheses]
        for failure in find_failures(tables, _relation_rules(self.reading)):
            number = int(str(failure.row["article"]).rsplit(SEPARATOR, 1)[1])
            found[number].add(str(failure.row["relation"]))
        return [frozenset(names) for names in found]

    def _copies(self, keys: list[str], hypotheses: Sequence[Hypothesis]) -> pd.DataFrame:
        """The article's claims once per hypothesis, each under its key, with the
        hypothesis's values in place of what its claims say (under both readings)."""
        size = len(self.claims)
        copies = self.claims.iloc[np.tile(np.arange(size), len(hypotheses))].reset_index(drop=True)
        copies["article"] = np.repeat(keys, size)
        rows, los, his = [], [], []
        for number, hypothesis in enumerate(hypotheses):
            for claim, (lo, hi) in hypothesis.items():
                rows.append(number * size + self.row[claim])
                los.append(lo)
                his.append(hi)
        at, lo_values, hi_values = np.array(rows, dtype=np.intp), np.array(los), np.array(his)
        for reading in Reading:
            read = copies[f"{reading}_lo"].notna().to_numpy()[at]
            for column, values in (("lo", lo_values), ("hi", hi_values)):
                changed = copies[f"{reading}_{column}"].to_numpy(dtype=float, copy=True)
                changed[at[read]] = values[read]
                copies[f"{reading}_{column}"] = changed
                closed = copies[f"{reading}_{column}_closed"].to_numpy(dtype=bool, copy=True)
                closed[at[read]] = True
                copies[f"{reading}_{column}_closed"] = closed
        dated = (copies["kind"].to_numpy()[at] == Kind.DATE.value) & copies[
            "date_first"
        ].notna().to_numpy()[at]
        for column, values in (("date_first", lo_values), ("date_last", hi_values)):
            changed = copies[column].to_numpy(dtype=float, copy=True)
            changed[at[dated]] = values[dated]
            copies[column] = changed
        return copies


def load(folder: Path, library: ReferenceLibrary, reading: Reading) -> Rechecker | None:
    """The re-check of the article in ``folder``, read again (a run keeps only outcomes);
    None when it no longer reads as valid."""
    article = load_articles([folder], library)[0]
    if not article.is_valid:
        return None
    return Rechecker(article, library.for_article(article.folder), reading)


def tried(checker: Rechecker, claims: Iterable[str], others: Hypothesis) -> dict[str, list[Tried]]:
    """Each claim tried across its cells, ``others`` held as given (one engine pass)."""
    claims = list(claims)
    return dict(zip(claims, tried_each(checker, [(c, others) for c in claims]), strict=True))


def tried_each(checker: Rechecker, requests: Sequence[tuple[str, Hypothesis]]) -> list[list[Tried]]:
    """Each request's claim tried across its cells with its others held as given, every
    try of every request in one engine pass; then the cells under which the fewest checks
    fail, at the edge of such a run (a neighbour fails others), are tried again in
    ``SPLIT`` narrower pieces (a second pass), so that a cell passes only the checks one
    value in it can pass together: a cell 10 % wide spans both the figure a total needs
    and, 8 % away, the one a change needs, and would pass both.  Inside a run, the checks
    pass across the neighbours too, so one value does."""
    plan = [
        (number, claim, cell)
        for number, (claim, _) in enumerate(requests)
        for cell in checker.cells(claim)
    ]
    first = _tries(checker, requests, plan)
    refine = []
    for number, tries in enumerate(first):
        fewest = min((len(t.failing) for t in tries), default=0)
        refine += [
            (number, i, piece)
            for i, t in enumerate(tries)
            if len(t.failing) == fewest
            and 0 < t.cell[0] < t.cell[1] < math.inf
            and not (
                0 < i < len(tries) - 1 and tries[i - 1].failing == t.failing == tries[i + 1].failing
            )
            for piece in _pieces(t.cell)
        ]
    again = [(number, requests[number][0], piece) for number, _, piece in refine]
    second = _tries(checker, requests, again)
    pieces: dict[tuple[int, int], list[Tried]] = {}
    for (number, i, _), tried in zip(refine, (t for ts in second for t in ts), strict=True):
        pieces.setdefault((number, i), []).append(tried)
    return [
        [piece for i, t in enumerate(tries) for piece in pieces.get((number, i), [t])]
        for number, tries in enumerate(first)
    ]


SPLIT = 4
"""How many pieces a best cell is tried again in: 2.4 % wide, narrower than the gap between
two checks' figures that a 10 % cell would pass together."""


def _pieces(cell: Cell) -> list[Cell]:
    lo, hi = cell
    edges = [lo * (hi / lo) ** (step / SPLIT) for step in range(SPLIT + 1)]
    return list(pairwise(edges))


def _tries(
    checker: Rechecker,
    requests: Sequence[tuple[str, Hypothesis]],
    plan: Sequence[tuple[int, str, Cell]],
) -> list[list[Tried]]:
    """The tries of ``plan`` (request number, claim, cell), grouped by request, one pass."""
    hypotheses = [{**requests[number][1], claim: cell} for number, claim, cell in plan]
    result: list[list[Tried]] = [[] for _ in requests]
    for (number, claim, cell), failing in zip(plan, checker.failing(hypotheses), strict=True):
        result[number].append(Tried(cell, checker.distance(claim, cell), failing))
    return result


def hull(tries: list[Tried], checks: set[str]) -> Cell | None:
    """The span of the cells under which none of ``checks`` fails; None when none does."""
    good = [t.cell for t in tries if not t.failing & checks]
    return (min(c[0] for c in good), max(c[1] for c in good)) if good else None


def correction(tries: list[Tried], checks: set[str]) -> float | None:
    """How far the nearest cell under which none of ``checks`` fails lies from the claim's
    value (``log`` of the ratio); None when no cell clears them."""
    good = [t.distance for t in tries if not t.failing & checks]
    return min(good) if good else None


@cache
def _relation_rules(reading: Reading) -> tuple[Rule, ...]:
    return tuple(
        rule
        for rule in rules()
        if rule.table in RELATION_BUILDERS and rule.reading in (None, reading)
    )


def _columns(reading: Reading) -> list[str]:
    return [f"{reading}_lo", f"{reading}_hi"]


def _middle(row: tuple[float, float]) -> float | None:
    lo, hi = row
    if not (np.isfinite(lo) and np.isfinite(hi)):
        return None
    return float((lo + hi) / 2)
