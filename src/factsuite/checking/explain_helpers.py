"""What several explanations share: a claim as a problem names it, labelled lines, interval
ends in their unit, a relation's claims, dates given as relation endpoints, record lines.

Each rule's own words are in its module of ``checking/rules/``; the words said of every rule
are in ``reports/wording.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from factsuite.checking.findings import ClaimRef, Line
from factsuite.files.model import PUBLICATION, Claim
from factsuite.meaning.dates import describe, describe_day
from factsuite.meaning.grounding import find_quote
from factsuite.meaning.intervals import Bound, Interval, format_number
from factsuite.meaning.lexicon import Kind, load_lexicon

if TYPE_CHECKING:  # the reports import this module: pandas only where a row is read
    import pandas as pd

    from factsuite.checking.rule import Context, Failure
    from factsuite.files.reference import Series


def render_bound(unit: str) -> Callable[[Bound], str]:
    """How an interval end reads in a unit: people, percent, days or a calendar date."""
    kind = load_lexicon().units[unit].kind
    if kind is Kind.DATE:
        return lambda value: describe_day(int(value))
    suffix = {Kind.SHARE: " %", Kind.DURATION: " days"}.get(kind, "")
    return lambda value: f"{format_number(value)}{suffix}"


INDENT = " " * 12


def labelled(role: str, text: str) -> str:
    """A line of a failure, its role in a column wide enough for the longest ("duration")."""
    return f"  {role:<9} {text}"


def written(claim: Claim) -> str:
    return f"{claim.qualifier} {claim.value}".strip()


def claim_ref(context: Context, role: str, claim_id: str) -> ClaimRef:
    """One claim as a problem names it: where it is, what it quotes, how it reads."""
    claim = context.claim(claim_id)
    place = find_quote(context.article.text, claim.quote)
    return ClaimRef(
        role,
        claim_id,
        context.article.claim_line(claim_id),
        claim.quote,
        place.line if place else None,
        written(claim),
        claim.unit,
        context.interval(claim_id),
    )


def failing_claim(failure: Failure, context: Context) -> Claim:
    """The claim of a failing row of a table with one claim per row."""
    return context.claim(str(failure.row["claim"]))


ROLE_LABELS = {"per_period": "per day", "whole_parts": "in whole"}
"""A role as a failure labels it, where its field name would not fit the column."""


def relation_claims(failure: Failure, context: Context) -> list[Line]:
    """Every claim of a failing relation, in the order reports list roles."""
    row = failure.row
    lines: list[Line] = []
    singles = ("part", "whole", "share", "before", "after", "by", "total", "per_period")
    for role in (*singles, "period", "larger", "smaller", "first", "other", "duration"):
        if role in row and isinstance(row[role], str) and row[role]:
            lines.append(claim_ref(context, ROLE_LABELS.get(role, role), row[role]))
    listed = (("parts", "part"), ("less", "less"), ("shares", "share"), ("whole_parts", "in whole"))
    for role, label in listed:
        for claim_id in row.get(role, []):
            lines.append(claim_ref(context, label, claim_id))
    return lines


def total(context: Context, claim_ids: list[str]) -> Interval:
    """The parts added up: each can be read, or the rule would not have compared them."""
    first, *others = (context.interval(claim_id) for claim_id in claim_ids)
    assert first is not None
    for interval in others:
        assert interval is not None
        first = first + interval
    return first


def bounds_interval(bounds: tuple[pd.Series, ...]) -> Interval:
    """The interval of a one-row table's bound columns (a check body's result, explained)."""
    lo, lo_closed, hi, hi_closed = (bound.iloc[0] for bound in bounds)
    return Interval(float(lo), float(hi), bool(lo_closed), bool(hi_closed))


def endpoint(row: pd.Series, role: str) -> str:
    """A date endpoint of spans or before, as written and as the days it means."""
    value = row[role]
    if value == PUBLICATION:
        return f"publication ({describe(date.fromordinal(int(row[f'{role}_first'])))})"
    import pandas as pd

    if pd.isna(row.get(f"{role}_first")):
        return f"'{value}'"
    first, last = (date.fromordinal(int(row[f"{role}_{end}"])) for end in ("first", "last"))
    shown = describe(first) if first == last else f"{describe(first)} to {describe(last)}"
    return f"'{value}' ({shown})"


def cited_series(context: Context, row: pd.Series) -> Series:
    """The reference series a row of a reference table was checked against."""
    assert context.reference is not None
    return context.reference.series[row["series"]]


def record_line(record: pd.Series) -> str:
    """A record of a series as a failure lists it: figure, day, source and its address in
    parentheses, left out when the row gives none (``url`` is optional)."""
    day = date.fromisoformat(record["date"])
    figure = f"{record['qualifier']} {format_number(Fraction(record['value']))}".strip()
    url = record.get("url")
    where = f"{record['source']} ({url.strip()})" if isinstance(url, str) and url.strip() else ""
    return labelled("record", f"{figure} on {describe(day)}: {where or record['source']}")
