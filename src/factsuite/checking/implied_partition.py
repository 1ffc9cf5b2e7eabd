"""Shares of one whole, found without a ``partition`` entry: together at most 100 %.

Shares with the same population and date need not be shares of different parts: "nine in
10 are women and children ... half are children" are two shares of one population that add
up to 140 %, and rightly so.  So a partition is implied only where the measures themselves
say that they are one measure of different parts: the same words up to ", " or " for ", and
a different part after it ("share of the vote ..., Ana Delgado" and "..., Luis Ruiz";
"share of the general fund for public safety" and "... for parks").  Parts of which one
begins with another ("for Delgado", "for Delgado among women") are not taken as different.

An implied partition is never ``complete``: the text may leave parts out, so the shares are
only checked not to exceed 100 % together.  Shares that are one figure (a headline and its
lead) count once, and a group of shares the user already relates is left to the user.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from factsuite.files.model import Claim, Partition
from factsuite.files.populations import normalise

SEPARATORS = (", ", " for ")
"""What divides a measure's words for the whole from the part it names."""
SHARE_UNIT = "percent"


def implied_partitions(
    claims: Iterable[Claim],
    root: Callable[[str], str],
    related: set[frozenset[str]],
    name: Callable[[tuple[str, ...]], str],
) -> list[Partition]:
    """The partitions ``claims`` imply, in claims.yaml order.  ``root`` names a claim's
    group of same figures, ``related`` the pairs some relation of the user names together,
    ``name`` an implied relation's name from its claims."""
    buckets: dict[tuple[str, object], list[Claim]] = defaultdict(list)
    seen: set[str] = set()
    for claim in claims:
        if claim.unit != SHARE_UNIT or root(claim.id) in seen:
            continue
        seen.add(root(claim.id))
        buckets[(normalise(claim.population or ""), claim.as_of)].append(claim)
    found = []
    for bucket in buckets.values():
        for group in _groups(bucket):
            ids = tuple(claim.id for claim in group)
            pairs = {frozenset((a, b)) for a in ids for b in ids if a != b}
            if pairs & related:
                continue
            found.append(
                # model_construct: the name is not an Identifier a user may write.
                Partition.model_construct(
                    id=name(ids), rule="partition", shares=list(ids), complete=False, notes=None
                )
            )
    return found


def splits(measure: str) -> list[tuple[str, str]]:
    """Each way a measure reads as (words for the whole, the part): at every separator."""
    text = " ".join(measure.casefold().split())
    found = []
    for separator in SEPARATORS:
        start = text.find(separator)
        while start > 0:
            part = text[start + len(separator) :].strip()
            if part:
                found.append((text[:start], part))
            start = text.find(separator, start + 1)
    return found


def _groups(bucket: list[Claim]) -> list[list[Claim]]:
    """Claims of one population and date, grouped by the longest words for the whole that
    each shares with another claim naming a different part."""
    parts: dict[str, dict[str, str]] = defaultdict(dict)
    for claim in bucket:
        for whole, part in splits(claim.measure):
            parts[whole].setdefault(claim.id, part)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in bucket:
        shared = [whole for whole, _ in splits(claim.measure) if len(parts[whole]) > 1]
        if shared:
            groups[max(shared, key=len)].append(claim)
    return [
        members
        for whole, members in groups.items()
        if len(members) > 1 and _different_parts([parts[whole][c.id] for c in members])
    ]


def _different_parts(parts: list[str]) -> bool:
    """No part is another, or the start of another ("delgado" / "delgado among women")."""
    words = [part.split() for part in parts]
    return not any(
        i != j and one == other[: len(one)]
        for i, one in enumerate(words)
        for j, other in enumerate(words)
    )
