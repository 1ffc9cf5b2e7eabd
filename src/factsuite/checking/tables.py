"""All claims of all articles as one table, and each relation rule as a table joined to it.

The rules (``rules/``) then validate whole columns at once; nothing here decides whether a
claim is right, it only lays the facts side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from fractions import Fraction
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from factsuite.checking.check_helpers import as_bools, bounds, minus
from factsuite.checking.findings import Blocked
from factsuite.checking.implied import with_implied_whole
from factsuite.files.article import Article
from factsuite.files.model import (
    PUBLICATION,
    RELATION_MODELS,
    Partition,
    PartOf,
    Relation,
    SameFigure,
    roles,
)
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.inclusive import counting
from factsuite.meaning.intervals import Bound
from factsuite.meaning.lexicon import Kind, Reading, load_lexicon
from factsuite.meaning.numbers import Quantity
from factsuite.meaning.readings import ClaimReading, read_claim
from factsuite.meaning.tense import is_future

BOUNDS = ("lo", "hi", "lo_closed", "hi_closed")
INTERVAL_COLUMNS = [f"{reading}_{bound}" for reading in Reading for bound in BOUNDS]


@dataclass
class Tables:
    """The claims table, one table per relation rule, and each claim's reading."""

    claims: pd.DataFrame
    relations: dict[str, pd.DataFrame]
    readings: dict[tuple[str, str], ClaimReading]


_NO_INTERVAL = (np.nan, np.nan, False, False)
_READINGS = tuple(Reading)
"""Iterating the enum itself, once per claim, took a third of the time below."""


def _interval_values(reading: ClaimReading) -> list[object]:
    """Each reading's bounds and ends; NaN and open where the claim has no reading."""
    values: list[object] = []
    for name in _READINGS:
        interval = reading.intervals.get(name)
        if interval is None:
            values.extend(_NO_INTERVAL)
        else:
            bounds = (_real(interval.lo), _real(interval.hi))
            values.extend((*bounds, interval.lo_closed, interval.hi_closed))
    return values


def _real(bound: Bound) -> float:
    """``float(bound)``: a Fraction's own conversion divides the same two integers, by way of
    ``numbers.Rational``, at twice the cost."""
    return bound.numerator / bound.denominator if type(bound) is Fraction else float(bound)


def _words(problem: object | None) -> str | None:
    """A problem's words in its table column; None (null) where there is none."""
    return None if problem is None else str(problem)


def _claim_rows(
    article: Article, readings: dict[tuple[str, str], ClaimReading]
) -> list[list[object]]:
    """One row of values per claim, in the order of ``CLAIM_COLUMNS``."""
    assert article.claims is not None
    assert article.meta is not None
    key = str(article.folder)
    published = article.meta.published
    published_day = float(published.toordinal())
    rows = []
    for index, claim in enumerate(article.claims.claims):
        reading = read_claim(claim, published, article.text)
        readings[(key, claim.id)] = reading
        figure = reading.figure
        span = reading.span
        rows.append(
            [
                key,
                claim.id,
                article.line("claims", index) or 0,
                reading.kind,
                claim.unit,
                claim.measure,
                claim.population or "",
                _words(reading.error),
                float(figure.value) if isinstance(figure, Quantity) else np.nan,
                claim.quote in article.text,
                _words(figure_problem(claim.quote, claim.value, claim.qualifier, claim.unit)),
                float(claim.as_of.toordinal()) if claim.as_of else np.nan,
                published_day,
                float(span.first.toordinal()) if span else np.nan,
                float(span.last.toordinal()) if span else np.nan,
                is_future(claim, article.text, published),
                counting(claim.quote, claim.value),
                _words(reading.calendar_problem),
                *_interval_values(reading),
            ]
        )
    return rows


CLAIM_COLUMNS = [
    "article",
    "claim",
    "line",
    "kind",
    "unit",
    "measure",
    "population",
    "parse_error",
    "figure",
    "quote_found",
    "figure_problem",
    "as_of",
    "published",
    "date_first",
    "date_last",
    "future",
    "counting",
    "calendar_problem",
    *INTERVAL_COLUMNS,
]
JOINED_COLUMNS = [
    "kind",
    "unit",
    "measure",
    "population",
    "parse_error",
    "date_first",
    "date_last",
    "counting",
    *INTERVAL_COLUMNS,
]
"""The columns of a claim that a relation joins, each prefixed with the claim's role."""


@dataclass(frozen=True)
class _Claims:
    """The joined columns of the claims, and the row of each (article, claim id).

    A relation row finds its claim by a dict lookup, not by a pandas merge per role.
    """

    columns: pd.DataFrame
    rows: dict[tuple[str, str], int]

    @classmethod
    def of(cls, claims: pd.DataFrame) -> _Claims:
        keys = zip(claims["article"].tolist(), claims["claim"].tolist(), strict=True)
        return cls(claims[JOINED_COLUMNS], {key: row for row, key in enumerate(keys)})


Entry = tuple[str, str, int, float, Relation]
"""A relation with its article, id, line and publication day."""
Events = dict[str, dict[str, float]]
"""Per article, the day of each reference event a relation may name as a date."""
RoleOf = Callable[[Any], object]
"""What a relation names in one role (its model is one of several: ``Any`` here)."""


def build_tables(
    articles: list[Article], events: Events, implied: Mapping[str, list[Relation]] | None = None
) -> Tables:
    """``events`` gives, per article, the reference events a relation may name as a date;
    ``implied``, per article, the relations its claims imply (``checking/implied.py``)."""
    readings: dict[tuple[str, str], ClaimReading] = {}
    rows = [row for article in articles for row in _claim_rows(article, readings)]
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    entries = _entries_by_rule(articles, implied or {})
    return Tables(claims, relation_tables(claims, entries, events), readings)


def relation_tables(
    claims: pd.DataFrame, entries: Mapping[str, list[Entry]], events: Events
) -> dict[str, pd.DataFrame]:
    """Each relation rule's table, its rows joined to ``claims``: the culprit's re-check
    (``culprit_check.py``) joins the same relations to claims it has changed."""
    joinable = _Claims.of(claims)
    return {
        rule: build(entries.get(rule, []), joinable, events)
        for rule, build in RELATION_BUILDERS.items()
    }


def relation_entries(
    articles: list[Article], implied: Mapping[str, list[Relation]]
) -> dict[str, list[Entry]]:
    """The relations of ``articles`` by rule, as ``relation_tables`` takes them."""
    return _entries_by_rule(articles, implied)


def _entries_by_rule(
    articles: list[Article], implied: Mapping[str, list[Relation]]
) -> dict[str, list[Entry]]:
    """The relations of every article (the user's, then the implied), by rule, read in one
    pass over the articles; an implied relation's line is its first claim's."""
    entries: dict[str, list[Entry]] = {rule: [] for rule in RELATION_BUILDERS}
    for article in articles:
        assert article.claims is not None
        assert article.meta is not None
        key = str(article.folder)
        published = float(article.meta.published.toordinal())
        relations = article.claims.relations
        for index, relation in enumerate(relations):
            line = article.line("relations", index) or 0
            resolved = with_implied_whole(relation, relations)
            entries[relation.rule].append((key, relation.id, line, published, resolved))
        lines = {claim.id: i for i, claim in enumerate(article.claims.claims)}
        for relation in implied.get(key, []):
            first = _first_claim(relation)
            line = article.line("claims", lines[first]) or 0
            entries[relation.rule].append((key, relation.id, line, published, relation))
    return entries


def _first_claim(relation: Relation) -> str:
    """The claim whose line an implied relation takes (the kinds implied.py makes)."""
    if isinstance(relation, SameFigure):
        return relation.claims[0]
    if isinstance(relation, Partition):
        return relation.shares[0]
    assert isinstance(relation, PartOf), relation
    return relation.part


def _relation_rows(entries: list[Entry], fields: dict[str, RoleOf]) -> pd.DataFrame:
    """One row per relation of one rule: its article, id, line and claim ids."""
    rows = [
        [key, relation_id, line, published, *(get(relation) for get in fields.values())]
        for key, relation_id, line, published, relation in entries
    ]
    return pd.DataFrame(rows, columns=["article", "relation", "line", "published", *fields])


def _role_fields(rule: str) -> dict[str, RoleOf]:
    """A column per role of the rule's model, in the order of its fields (see ``roles``)."""
    singles, lists = roles(RELATION_MODELS[rule])
    named = set(singles) | set(lists)
    model_fields = RELATION_MODELS[rule].model_fields
    return {name: attrgetter(name) for name in model_fields if name in named}


def _attach(table: pd.DataFrame, claims: _Claims, role: str) -> pd.DataFrame:
    """Join the claim named in column ``role`` and prefix its columns with ``role_``.

    An id that names no claim gets NaN, as a left merge gives it; the index is kept.
    """
    keys = zip(table["article"].tolist(), table[role].tolist(), strict=True)
    rows = np.array([claims.rows.get(key, -1) for key in keys], dtype=np.intp)
    joined = claims.columns.reindex(rows)
    joined.columns = [f"{role}_{column}" for column in JOINED_COLUMNS]
    joined.index = table.index
    joined[f"{role}_found"] = rows >= 0
    return pd.concat([table, joined], axis=1)


Ids = tuple[str, ...]


def _flagged(current: list[Ids], ids: list[str], mask: list[bool]) -> list[Ids]:
    """Add each id to its row's ids where ``mask``: a loop over a few thousand rows costs
    less than pandas' methods on objects."""
    return [
        (*now, name) if flag else now for now, name, flag in zip(current, ids, mask, strict=True)
    ]


def _with_status(table: pd.DataFrame, roles: list[str]) -> pd.DataFrame:
    """Why a row cannot be compared (see ``Blocked``): the ids of its roles that match no
    claim (``unresolved``), and those of claims whose value cannot be read (``unreadable``)."""
    unresolved = _ids(table, Blocked.UNRESOLVED)
    unreadable = _ids(table, Blocked.UNREADABLE)
    for role in roles:
        ids = table[role].tolist()
        unresolved = _flagged(unresolved, ids, (~table[f"{role}_found"]).tolist())
        errors = table[f"{role}_parse_error"].tolist()
        unreadable = _flagged(unreadable, ids, [isinstance(e, str) for e in errors])
    table[Blocked.UNRESOLVED] = pd.Series(unresolved, index=table.index, dtype=object)
    table[Blocked.UNREADABLE] = pd.Series(unreadable, index=table.index, dtype=object)
    return table


def _ids(table: pd.DataFrame, column: str) -> list[Ids]:
    return table[column].tolist() if column in table else [()] * len(table)


def _sum_parts(table: pd.DataFrame, claims: _Claims, role: str = "parts") -> pd.DataFrame:
    """The status, units and summed intervals (each end closed or not) of the claims listed
    in column ``role``, per row of ``table``, by its index; columns prefixed ``role_``."""
    exploded = table[["article", role]].explode(role).rename(columns={role: "part"})
    exploded = _with_status(_attach(exploded, claims, "part"), ["part"])
    sums = {
        f"part_{reading}_{end}": f"{role}_{reading}_{end}"
        for reading in Reading
        for end in ("lo", "hi")
    }
    closed = {f"{part}_closed": f"{summed}_closed" for part, summed in sums.items()}
    groups = exploded.groupby(level=0, sort=False)
    summed = pd.concat(
        [
            _joined_per_row(exploded, role),
            groups[list(sums)].sum().rename(columns=sums),
            groups[list(closed)].all().rename(columns=closed),
        ],
        axis=1,
    )
    return summed[_parts_columns(role)]


def _joined_per_row(exploded: pd.DataFrame, role: str) -> pd.DataFrame:
    """Each row's parts' ``unresolved`` and ``unreadable`` ids, and their units: a loop, as
    pandas runs a Python function per group far more slowly."""
    by_row: dict[object, tuple[list[Ids], list[Ids], list[object]]] = {}
    columns = [exploded[c].tolist() for c in ("unresolved", "unreadable", "part_unit")]
    for row, unresolved, unreadable, unit in zip(exploded.index.tolist(), *columns, strict=True):
        lists = by_row.setdefault(row, ([], [], []))
        lists[0].append(unresolved)
        lists[1].append(unreadable)
        lists[2].append(unit)
    values = by_row.values()
    index = list(by_row)
    return pd.DataFrame(
        {
            f"{role}_unresolved": pd.Series([_joined(lists[0]) for lists in values], index, object),
            f"{role}_unreadable": pd.Series([_joined(lists[1]) for lists in values], index, object),
            f"{role}_kinds": pd.Series([_units_of(lists[2]) for lists in values], index, "str"),
        },
        index=index,
    )


def _joined(ids: list[Ids]) -> Ids:
    return tuple(name for row in ids for name in row)


def _part_of(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    table = _relation_rows(entries, _role_fields("part_of"))
    table = _attach(_attach(table, claims, "part"), claims, "whole")
    table["comparable"] = table["part_unit"] == table["whole_unit"]
    return _with_status(table, ["part", "whole"])


def _sum_of(
    entries: list[Entry], claims: _Claims, events: Events, rule: str = "sum_of"
) -> pd.DataFrame:
    table = _relation_rows(entries, _role_fields(rule))
    table = _with_status(_attach(table, claims, "whole"), ["whole"])
    table = _merge_part_status(pd.concat([table, _sum_parts(table, claims)], axis=1))
    table["comparable"] = table["parts_kinds"] == table["whole_unit"]
    return table


def _share_of(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    table = _relation_rows(entries, _role_fields("share_of"))
    table = _with_status(
        _attach(_attach(table, claims, "share"), claims, "whole"), ["share", "whole"]
    )
    with_parts = table[table["parts"].map(len) > 0]
    if len(with_parts):
        summed = _sum_parts(with_parts, claims).reindex(table.index)
        table = pd.concat([table, summed], axis=1)
    else:
        table = table.assign(**dict.fromkeys(_parts_columns(), np.nan))
    for reading in Reading:
        table[f"parts_{reading}_lo"] = table[f"parts_{reading}_lo"].fillna(0.0)
        closed = table[f"parts_{reading}_lo_closed"]
        table[f"parts_{reading}_lo_closed"] = closed.where(closed.notna(), True).astype(bool)
    table = _merge_part_status(table)
    parts_fit = table["parts_kinds"].isna() | (table["parts_kinds"] == table["whole_unit"])
    kinds_fit = (table["share_kind"] == Kind.SHARE) & (table["whole_kind"] == Kind.COUNT)
    table["comparable"] = kinds_fit & parts_fit
    return table


def _units_of(units: list[object]) -> str | None:
    """The parts' units, each once and sorted; a part that names no claim has none, and
    parts with no unit at all have None (null)."""
    return " ".join(sorted({unit for unit in units if isinstance(unit, str)})) or None


def _parts_columns(role: str = "parts") -> list[str]:
    columns = [f"{role}_unresolved", f"{role}_unreadable", f"{role}_kinds"]
    for reading in Reading:
        for end in ("lo", "hi"):
            columns += [f"{role}_{reading}_{end}", f"{role}_{reading}_{end}_closed"]
    return columns


def _merge_part_status(table: pd.DataFrame, role: str = "parts") -> pd.DataFrame:
    for column in Blocked:
        parts = table[f"{role}_{column}"].tolist()
        merged = [
            own + (more if isinstance(more, tuple) else ())  # NaN: a share_of without parts
            for own, more in zip(table[column].tolist(), parts, strict=True)
        ]
        table[column] = pd.Series(merged, index=table.index, dtype=object)
    table[f"{role}_kinds"] = table[f"{role}_kinds"].astype(object)
    return table


BOUND_COLUMNS = ("lo", "lo_closed", "hi", "hi_closed")


def _total(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    """As ``sum_of``: the parts summed, both ends, beside the whole; less the sum of
    ``less`` where a net figure is the whole (each end of the parts less the other end)."""
    table = _sum_of(entries, claims, events, "total")
    netted = table["less"].map(len) > 0
    if netted.any():
        less = _sum_parts(table[netted], claims, "less").reindex(table.index)
        table = _merge_part_status(pd.concat([table, less], axis=1), "less")
        for reading in Reading:
            parts = f"parts_{reading}"
            net = minus(as_bools(bounds(table, parts)), as_bools(bounds(table, f"less_{reading}")))
            for column, value in zip(BOUND_COLUMNS, net, strict=True):
                kept = table[f"{parts}_{column}"]
                table[f"{parts}_{column}"] = value.where(netted, kept).astype(kept.dtype)
        table["comparable"] &= ~netted | (table["less_kinds"] == table["whole_unit"])
    else:
        table = table.assign(**dict.fromkeys(_parts_columns("less"), np.nan))
        table["less_kinds"] = table["less_kinds"].astype(object)
    return table


def _share_count(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    """The whole is its claim, or the sum of ``whole_parts`` where the text states none."""
    table = _relation_rows(entries, _role_fields("share_count"))
    for role in ("share", "part", "whole"):
        table = _attach(table, claims, role)
    stated = table["whole"].map(lambda whole: isinstance(whole, str))
    table["whole_found"] = table["whole_found"] | ~stated
    table = _with_status(table, ["share", "part", "whole"])
    table = _whole_of_parts(table, claims, ~stated)
    table["comparable"] = (
        (table["share_kind"] == Kind.SHARE)
        & (table["part_kind"] == Kind.COUNT)
        & (table["part_unit"] == table["whole_unit"])
    )
    return table


def _whole_of_parts(table: pd.DataFrame, claims: _Claims, summed: pd.Series) -> pd.DataFrame:
    """Where ``summed``, the whole's intervals and unit are the sum of ``whole_parts``."""
    role = "whole_parts"
    if summed.any():
        parts = _sum_parts(table[summed], claims, role).reindex(table.index)
    else:
        parts = pd.DataFrame(
            {column: [np.nan] * len(table) for column in _parts_columns(role)}, table.index
        )
    table = _merge_part_status(pd.concat([table, parts], axis=1), role)
    for reading in Reading:
        for end in ("lo", "hi", "lo_closed", "hi_closed"):
            column = f"whole_{reading}_{end}"
            table[column] = table[column].where(~summed, table[f"{role}_{reading}_{end}"])
    table["whole_unit"] = table["whole_unit"].where(~summed, table[f"{role}_kinds"])
    return table


def _partition(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    fields: dict[str, RoleOf] = {**_role_fields("partition"), "complete": attrgetter("complete")}
    table = _relation_rows(entries, fields)
    for reason in Blocked:
        table[reason] = pd.Series([()] * len(table), index=table.index, dtype=object)
    summed = _sum_parts(table, claims, "shares")
    table = _merge_part_status(pd.concat([table, summed], axis=1), "shares")
    table["comparable"] = table["shares_kinds"] == "percent"
    return table


def _change(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    fields: dict[str, RoleOf] = {
        **_role_fields("change"),
        "kind": lambda r: str(r.kind),
        "direction": attrgetter("direction"),
    }
    table = _relation_rows(entries, fields)
    stated = table["by"].notna()
    table["by"] = table["by"].fillna("")
    for role in ("before", "after", "by"):
        table = _attach(table, claims, role)
    table["by_found"] = table["by_found"] | ~stated
    table = _with_status(table, ["before", "after", "by"])
    by_units = {"points": "points", "percent": "percent_change"}
    expected = [
        before if kind == "absolute" else by_units.get(kind, by)
        for kind, before, by in zip(
            table["kind"], table["before_unit"], table["by_unit"], strict=True
        )
    ]
    level = table["before_kind"].where(table["before_unit"] == table["after_unit"], "")
    level_known = level.isin([Kind.COUNT.value, Kind.SHARE.value])
    levels_fit = (
        level_known
        & ((table["kind"] != "absolute") | (level == Kind.COUNT))
        & ((table["kind"] != "points") | (level == Kind.SHARE))
    )
    by_fits = table["by_unit"] == pd.Series(expected, index=table.index, dtype=object)
    # With no stated change only the direction is checked: two levels of one unit suffice.
    table["comparable"] = (levels_fit & by_fits) | (~stated & level_known)
    return table


def days_per(per: str) -> float:
    """The days of one ``per`` (day, week, month, year), as the lexicon reads durations, so
    that "five years" over "a year" is five."""
    return float(load_lexicon().units[f"{per}s"].days or 1)


def _rate(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    """The period as a number of ``per`` (days, weeks, months, years: a duration claim's
    days or ``days``, converted as the lexicon reads durations), or the ``count`` claim."""
    fields: dict[str, RoleOf] = {
        **_role_fields("rate"),
        "days": attrgetter("days"),
        "per": attrgetter("per"),
    }
    table = _relation_rows(entries, fields)
    table = _attach(_attach(table, claims, "total"), claims, "per_period")
    stated, counted = table["period"].notna(), table["count"].notna()
    table["period"], table["count"] = table["period"].fillna(""), table["count"].fillna("")
    table = _attach(_attach(table, claims, "period"), claims, "count")
    per_days = table["per"].map(days_per)
    for reading in Reading:
        for end in ("lo", "hi"):
            column = f"period_{reading}_{end}"
            days = table[column].where(stated, table["days"].astype(float))
            table[column] = (days / per_days).where(~counted, table[f"count_{reading}_{end}"])
            closed = table[f"{column}_closed"].where(stated, True)
            table[f"{column}_closed"] = closed.where(
                ~counted, table[f"count_{reading}_{end}_closed"]
            ).astype(bool)
    table["period_found"] = table["period_found"] | ~stated
    table["count_found"] = table["count_found"] | ~counted
    table["period_parse_error"] = table["period_parse_error"].where(stated, None)
    table["period_kind"] = table["period_kind"].where(stated, Kind.DURATION.value)
    table = _with_status(table, ["total", "per_period", "period", "count"])
    period_fits = (table["period_kind"] == Kind.DURATION) & ~counted
    table["comparable"] = (
        (table["total_unit"] == table["per_period_unit"])
        & (table["total_kind"] == Kind.COUNT)
        & (period_fits | (counted & (table["count_kind"] == Kind.COUNT)))
    )
    return table


def _exceeds(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    """The larger and the smaller side by side; comparable when both are amounts of one unit
    (durations in any of theirs: they read in days), never dates."""
    fields: dict[str, RoleOf] = {**_role_fields("exceeds"), "or_equal": attrgetter("or_equal")}
    table = _relation_rows(entries, fields)
    table = _attach(_attach(table, claims, "larger"), claims, "smaller")
    same_unit = table["larger_unit"] == table["smaller_unit"]
    durations = (table["larger_kind"] == Kind.DURATION) & (table["smaller_kind"] == Kind.DURATION)
    amounts = table["larger_kind"].isin([Kind.COUNT.value, Kind.SHARE.value, Kind.CHANGE.value])
    table["comparable"] = (same_unit & amounts) | durations
    return _with_status(table, ["larger", "smaller"])


def _same_figure(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    """Each later claim paired with the first one, so that a clash names its pair."""
    fields = {"first": lambda r: r.claims[0], "other": lambda r: r.claims[1:]}
    table = _relation_rows(entries, fields).explode("other", ignore_index=True)
    table = _attach(_attach(table, claims, "first"), claims, "other")
    table["comparable"] = table["first_unit"] == table["other_unit"]
    return _with_status(table, ["first", "other"])


_EPOCH = pd.Timestamp("1970-01-01")
_EPOCH_DAY = float(_EPOCH.toordinal())


def _resolve_endpoint(
    table: pd.DataFrame, claims: _Claims, role: str, events: Events
) -> pd.DataFrame:
    """A date endpoint is a date claim, an ISO date, a reference event or the publication."""
    table = _attach(table, claims, role)
    literal = pd.to_datetime(table[role], format="%Y-%m-%d", errors="coerce")
    literal_days = (literal - _EPOCH).dt.days + _EPOCH_DAY
    event_days = [
        events.get(article, {}).get(name, np.nan)
        for article, name in zip(table["article"].tolist(), table[role].tolist(), strict=True)
    ]
    literal_days = literal_days.fillna(pd.Series(event_days, index=table.index, dtype=float))
    is_publication = table[role] == PUBLICATION
    first = table[f"{role}_date_first"].fillna(literal_days)
    last = table[f"{role}_date_last"].fillna(literal_days)
    table[f"{role}_first"] = first.where(~is_publication, table["published"])
    table[f"{role}_last"] = last.where(~is_publication, table["published"])
    table[f"{role}_found"] = table[f"{role}_found"] | literal_days.notna() | is_publication
    readable = table[f"{role}_parse_error"].isna()
    table[f"{role}_is_date"] = table[f"{role}_first"].notna() | ~table[f"{role}_found"] | ~readable
    return table


_EXTRA_DAYS = {"both": (1.0, 1.0), "between": (0.0, 0.0), "either": (0.0, 1.0)}
"""The days added to the days between a span's dates, least and most, for each counting."""


def _spans(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    table = _relation_rows(entries, _role_fields("spans"))
    table = _attach(table, claims, "duration")
    table = _resolve_endpoint(
        _resolve_endpoint(table, claims, "start", events), claims, "end", events
    )
    table = _with_status(table, ["duration", "start", "end"])
    table["comparable"] = (
        (table["duration_kind"] == Kind.DURATION) & table["start_is_date"] & table["end_is_date"]
    )
    # inclusive: both end days counted, one more than the days between them.  Unset, the
    # duration's words decide (meaning/inclusive.py), and where they do not say, either
    # count fits: the elapsed days lie between the two.
    stated = [getattr(entry[-1], "inclusive", None) for entry in entries]
    said = table["duration_counting"].fillna("either").tolist()
    extra = [
        _EXTRA_DAYS["both" if flag else "between"] if flag is not None else _EXTRA_DAYS[words]
        for flag, words in zip(stated, said, strict=True)
    ]
    table["inclusive_lo"] = pd.Series([lo for lo, _ in extra], index=table.index, dtype=float)
    table["inclusive_hi"] = pd.Series([hi for _, hi in extra], index=table.index, dtype=float)
    table["elapsed_lo"] = table["end_first"] - table["start_last"] + table["inclusive_lo"]
    table["elapsed_hi"] = table["end_last"] - table["start_first"] + table["inclusive_hi"]
    return table


def _before(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    table = _relation_rows(entries, _role_fields("before"))
    table = _resolve_endpoint(
        _resolve_endpoint(table, claims, "earlier", events), claims, "later", events
    )
    table["comparable"] = table["earlier_is_date"] & table["later_is_date"]
    return _with_status(table, ["earlier", "later"])


def _event_count(entries: list[Entry], claims: _Claims, events: Events) -> pd.DataFrame:
    """The events matching the pattern, counted between the endpoints: at least those within
    the narrowest reading of the days (``events_lo``), at most those within the widest."""
    fields: dict[str, RoleOf] = {**_role_fields("event_count"), "events": attrgetter("events")}
    table = _relation_rows(entries, fields)
    table = _attach(table, claims, "count")
    stated = table["start"].map(lambda start: isinstance(start, str))
    table["start"] = table["start"].where(stated, PUBLICATION)
    table = _resolve_endpoint(table, claims, "start", events)
    table = _resolve_endpoint(table, claims, "end", events)
    table["start_first"] = table["start_first"].where(stated, -np.inf)
    table["start_last"] = table["start_last"].where(stated, -np.inf)
    table["start"] = table["start"].where(stated, "")
    table = _with_status(table, ["count", "start", "end"])
    counted = [
        _matching(events.get(article, {}), pattern, (early, late), (late_start, early_end))
        for article, pattern, early, late, late_start, early_end in zip(
            table["article"].tolist(),
            table["events"].tolist(),
            table["start_first"].tolist(),
            table["end_last"].tolist(),
            table["start_last"].tolist(),
            table["end_first"].tolist(),
            strict=True,
        )
    ]
    table["events_matched"] = pd.Series([c[0] for c in counted], index=table.index, dtype=object)
    table["events_lo"] = pd.Series([c[1] for c in counted], index=table.index, dtype=float)
    table["events_hi"] = pd.Series([len(c[0]) for c in counted], index=table.index, dtype=float)
    nothing = [not c[2] for c in counted]
    table[Blocked.UNRESOLVED] = pd.Series(
        _flagged(_ids(table, Blocked.UNRESOLVED), table["events"].tolist(), nothing),
        index=table.index,
        dtype=object,
    )
    table["comparable"] = (
        (table["count_kind"] == Kind.COUNT) & table["start_is_date"] & table["end_is_date"]
    )
    return table


Window = tuple[float, float]


def _matching(
    days: dict[str, float], pattern: str, widest: Window, narrowest: Window
) -> tuple[Ids, int, bool]:
    """The ids matching ``pattern`` dated within ``widest`` (in date order), how many lie
    within ``narrowest``, and whether any event of the reference matches at all."""
    matching = {name: day for name, day in days.items() if fnmatchcase(name, pattern)}
    within = sorted((day, name) for name, day in matching.items() if widest[0] <= day <= widest[1])
    surely = sum(narrowest[0] <= day <= narrowest[1] for day, _ in within)
    return tuple(name for _, name in within), surely, bool(matching)


RELATION_BUILDERS: dict[str, Callable[[list[Entry], _Claims, Events], pd.DataFrame]] = {
    "part_of": _part_of,
    "sum_of": _sum_of,
    "total": _total,
    "share_of": _share_of,
    "share_count": _share_count,
    "partition": _partition,
    "change": _change,
    "rate": _rate,
    "exceeds": _exceeds,
    "same_figure": _same_figure,
    "spans": _spans,
    "before": _before,
    "event_count": _event_count,
}
