"""Relations the claims imply, checked without a ``relations:`` entry.

Writing relations by hand is where users make mistakes, or stop.  Two relations are obvious
from the claims' own fields and are checked by the existing rules:

- ``same_figure``: two claims with the same measure, population, ``as_of`` date and unit
  count the same thing at the same time, so they are the same figure;
- ``part_of``: a claim whose population the reference vocabulary (``reference/
  populations.yaml``) names as part of another claim's population, with the same measure,
  date and unit, is a part of it.
- ``partition``: shares of one population and date whose measures name different parts
  of one whole ("..., Ana Delgado", "..., Luis Ruiz") are together at most 100 %
  (``implied_partition.py`` says when, and why so narrowly).

An implied relation must never raise an alarm a careful reader would not, so it is made
only when every one of those fields is written and equal (measures compared by their words,
populations as ``files.populations`` normalises them), between reviewed claims, and never
between claims the user already relates (any relation naming both, or one ``same_figure``
chain).  Its name says what it is, ``implied:same_figure[a,b]``; listing that name under
``ignore_implied:`` in claims.yaml switches it off.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from factsuite.checking.implied_partition import implied_partitions
from factsuite.files.article import Article
from factsuite.files.model import (
    Claim,
    PartOf,
    Relation,
    SameFigure,
    ShareCount,
    SumOf,
    Total,
    roles,
)
from factsuite.files.populations import Vocabulary, normalise
from factsuite.meaning.lexicon import Kind, load_lexicon

if TYPE_CHECKING:  # pandas: the reports import this module
    from factsuite.files.reference import Reference

PREFIX = "implied:"
"""Every implied relation's name starts so; no relation id a user writes can."""


def implied_name(rule: str, claims: tuple[str, ...]) -> str:
    return f"{PREFIX}{rule}[{','.join(claims)}]"


def is_implied(name: str) -> bool:
    return name.startswith(PREFIX)


def implied_rule(name: str) -> str | None:
    """The rule an implied relation's name states ('same_figure'); None for other names."""
    return name[len(PREFIX) :].split("[", 1)[0] if is_implied(name) else None


def implied_relations(article: Article, reference: Reference | None) -> list[Relation]:
    """The relations the article's claims imply, in claims.yaml order, less those the
    user switched off; none for an article whose files do not validate."""
    if not article.is_valid or article.claims is None:
        return []
    vocabulary = reference.populations if reference else None
    found = candidate_relations(article, vocabulary)
    off = set(article.claims.ignore_implied)
    return [relation for relation in found if relation.id not in off]


def candidate_relations(article: Article, vocabulary: Vocabulary | None) -> list[Relation]:
    """Every relation the claims imply, switched off or not (``ignore_implied`` names)."""
    assert article.claims is not None
    claims = [claim for claim in article.claims.claims if _comparable(claim)]
    related = _related_pairs(article)
    same = _SameFigures.of(article)
    found: list[Relation] = []
    for first, second in _same_key_pairs(claims):
        if frozenset((first.id, second.id)) in related:
            continue
        if normalise(first.population or "") == normalise(second.population or ""):
            if same.join(first.id, second.id):
                found.append(_same_figure(first, second))
        elif vocabulary is not None:
            part_whole = _part_and_whole(first, second, vocabulary)
            if part_whole is not None:
                found.append(_part_of(*part_whole))
    found += implied_partitions(
        claims, same.root, related, lambda ids: implied_name("partition", ids)
    )
    return found


def _same_key_pairs(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """The pairs of ``combinations(claims, 2)`` that share a ``_key``, in that order: each key
    is computed once and only pairs within a key are formed (all pairs was quadratic)."""
    groups: dict[tuple[str, str, object], list[int]] = {}
    for index, claim in enumerate(claims):
        groups.setdefault(_key(claim), []).append(index)
    pairs = sorted(pair for group in groups.values() for pair in combinations(group, 2))
    return [(claims[first], claims[second]) for first, second in pairs]


def _comparable(claim: Claim) -> bool:
    """A reviewed count or share with every field an implied relation compares."""
    kind = load_lexicon().units[claim.unit].kind
    return (
        claim.status == "reviewed"
        and kind in (Kind.COUNT, Kind.SHARE)
        and bool(claim.population and claim.measure.strip())
        and claim.as_of is not None
    )


def _key(claim: Claim) -> tuple[str, str, object]:
    """What two claims must share: measure (its words), unit and date."""
    return (" ".join(claim.measure.casefold().split()), claim.unit, claim.as_of)


def _related_pairs(article: Article) -> set[frozenset[str]]:
    """Pairs of claims some relation of the user names together."""
    assert article.claims is not None
    pairs: set[frozenset[str]] = set()
    for relation in article.claims.relations:
        singles, groups = roles(type(relation))
        ids = [getattr(relation, name) for name in singles]
        for name in groups:
            ids.extend(getattr(relation, name))
        pairs.update(frozenset(pair) for pair in combinations(ids, 2))
    return pairs


class _SameFigures:
    """Claims known to be one figure (a union-find): the user's same_figure relations, then
    each implied one, so that two groups are joined once, not pair by pair."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    @classmethod
    def of(cls, article: Article) -> _SameFigures:
        assert article.claims is not None
        groups = cls()
        for relation in article.claims.relations:
            if isinstance(relation, SameFigure):
                for other in relation.claims[1:]:
                    groups.join(relation.claims[0], other)
        return groups

    def root(self, claim: str) -> str:
        while self.parent.get(claim, claim) != claim:
            claim = self.parent[claim]
        return claim

    def join(self, first: str, second: str) -> bool:
        """Join the two claims' groups; False when they were one already."""
        one, other = self.root(first), self.root(second)
        if one == other:
            return False
        self.parent[other] = one
        return True


def _part_and_whole(
    first: Claim, second: Claim, vocabulary: Vocabulary
) -> tuple[Claim, Claim] | None:
    """The pair as (part, whole) when the vocabulary says one population holds the other."""
    one, other = (
        vocabulary.resolve(first.population or ""),
        vocabulary.resolve(second.population or ""),
    )
    if one is None or other is None or one == other:
        return None
    if other in vocabulary.wholes(one):
        return first, second
    if one in vocabulary.wholes(other):
        return second, first
    return None


def _same_figure(first: Claim, second: Claim) -> SameFigure:
    # model_construct: the name is not an Identifier a user may write, so none can clash.
    return SameFigure.model_construct(
        id=implied_name("same_figure", (first.id, second.id)),
        rule="same_figure",
        claims=[first.id, second.id],
        notes=None,
    )


def _part_of(part: Claim, whole: Claim) -> PartOf:
    return PartOf.model_construct(
        id=implied_name("part_of", (part.id, whole.id)),
        rule="part_of",
        part=part.id,
        whole=whole.id,
        notes=None,
    )


def implied_wholes(relation: ShareCount, relations: list[Relation]) -> list[str]:
    """The wholes of the ``total`` and ``sum_of`` relations that list the share's part."""
    return list(
        dict.fromkeys(
            other.whole
            for other in relations
            if isinstance(other, Total | SumOf)
            and relation.part in other.parts
            and not (isinstance(other, Total) and other.less)  # a net figure is no whole
        )
    )


def with_implied_whole(relation: Relation, relations: list[Relation]) -> Relation:
    """A share_count that names no whole takes the whole the other relations give its part
    ("9,871 votes, or 46 percent", the votes among the ballots cast): the one whole of the
    ``total`` or ``sum_of`` listing the part.  None or several: left as it is, and
    ``share_count_whole_errors`` says so."""
    if not isinstance(relation, ShareCount) or relation.whole or relation.whole_parts:
        return relation
    wholes = implied_wholes(relation, relations)
    return relation.model_copy(update={"whole": wholes[0]}) if len(wholes) == 1 else relation
