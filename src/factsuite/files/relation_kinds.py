"""Relations that do arithmetic may not name a date: a located schema error, not a verdict.

``sum_of`` over dates was accepted and then "added" them (five dates summed to a day in the
year 10106); a date is a day, not an amount, so adding, dividing or comparing it as a part
of a whole means nothing, and the failure such a relation gave looked like a finding about
the article.  Dates are related by ``before`` and ``spans``; ``same_figure`` compares two
mentions of one date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factsuite.files.loading import LocatedError, line_of
from factsuite.files.model import NOT_ROLES, ClaimsFile
from factsuite.meaning.lexicon import Kind, load_lexicon

ARITHMETIC = frozenset(
    {
        "part_of",
        "sum_of",
        "total",
        "share_of",
        "share_count",
        "partition",
        "change",
        "rate",
        "exceeds",
    }
)
"""The relations that add, divide or compare amounts (docs/relations.md)."""


def date_arithmetic_errors(path: Path, claims: ClaimsFile, document: Any) -> list[LocatedError]:
    """Each role of an arithmetic relation that names a date claim, at its line."""
    units = load_lexicon().units
    dates = {claim.id: claim.unit for claim in claims.claims if units[claim.unit].kind is Kind.DATE}
    errors = []
    for index, relation in enumerate(claims.relations):
        if relation.rule not in ARITHMETIC:
            continue
        for role, named in relation:
            if role in NOT_ROLES or named is None:
                continue
            for position, claim_id in _each(named):
                if claim_id not in dates:
                    continue
                location: tuple[str | int, ...] = ("relations", index, role)
                field = f"relations[{index + 1}] ({relation.id}).{role}"
                if position is not None:
                    location += (position,)
                    field += f"[{position + 1}]"
                errors.append(
                    LocatedError(
                        path,
                        line_of(document, location),
                        field,
                        f"{claim_id} is a date (unit: {dates[claim_id]}), but {relation.rule} "
                        "adds and compares amounts: a date is a day, not an amount",
                        "relate dates with before or spans (same_figure for two mentions of "
                        "one date), or name a count, share or duration claim here",
                    )
                )
    return errors


def _each(named: object) -> list[tuple[int | None, object]]:
    """A role's claim ids, with their place in a list role (None for a single one)."""
    if isinstance(named, list):
        return list(enumerate(named))
    return [(None, named)]
