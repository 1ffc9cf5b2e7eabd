"""All claims of all articles as one table, and each relation rule as a table joined to it.

The rules (``rules.py``) then validate whole columns at once; nothing here decides whether a
claim is right, it only lays the facts side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsuite.article import Article
from factsuite.grounding import figure_problem
from factsuite.lexicon import Reading
from factsuite.model import PUBLICATION, Before, PartOf, SameFigure, ShareOf, Spans, SumOf
from factsuite.numbers import Quantity
from factsuite.semantics import ClaimReading, read_claim

BOUNDS = ("lo", "hi", "lo_closed", "hi_closed")
INTERVAL_COLUMNS = [f"{reading}_{bound}" for reading in Reading for bound in BOUNDS]


@dataclass
class Tables:
    """The claims table, one table per relation rule, and each claim's reading."""

    claims: pd.DataFrame
    relations: dict[str, pd.DataFrame]
    readings: dict[tuple[str, str], ClaimReading]


_INTERVAL_FIELDS = [(reading, *(f"{reading}_{bound}" for bound in BOUNDS)) for reading in Reading]
"""Each reading with its four column names, named once rather than for every claim."""
_NO_INTERVAL = (np.nan, np.nan, False, False)


def _interval_row(reading: ClaimReading) -> dict[str, object]:
    """Each reading's bounds and ends; NaN and open where the claim has no reading."""
    row: dict[str, object] = {}
    for name, lo, hi, lo_closed, hi_closed in _INTERVAL_FIELDS:
        interval = reading.intervals.get(name)
        if interval is None:
            row[lo], row[hi], row[lo_closed], row[hi_closed] = _NO_INTERVAL
        else:
            row[lo], row[hi] = float(interval.lo), float(interval.hi)
            row[lo_closed], row[hi_closed] = interval.lo_closed, interval.hi_closed
    return row


def _claim_rows(article: Article, readings: dict[tuple[str, str], ClaimReading]) -> list[dict]:
    assert article.claims is not None
    assert article.meta is not None
    key = str(article.folder)
    published = article.meta.published
    published_day = float(published.toordinal())
    rows = []
    for index, claim in enumerate(article.claims.claims):
        reading = read_claim(claim, published)
        readings[(key, claim.id)] = reading
        figure = reading.figure
        span = reading.span
        rows.append(
            {
                "article": key,
                "claim": claim.id,
                "line": article.line("claims", index) or 0,
                "kind": reading.kind,
                "unit": claim.unit,
                "measure": claim.measure,
                "population": claim.population or "",
                "parse_error": reading.error,
                "figure": float(figure.value) if isinstance(figure, Quantity) else np.nan,
                "quote_found": claim.quote in article.text,
                "figure_problem": figure_problem(claim.quote, claim.value, claim.qualifier),
                "as_of": float(claim.as_of.toordinal()) if claim.as_of else np.nan,
                "published": published_day,
                "date_first": float(span.first.toordinal()) if span else np.nan,
                "date_last": float(span.last.toordinal()) if span else np.nan,
                **_interval_row(reading),
            }
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
    *INTERVAL_COLUMNS,
]


def build_tables(articles: list[Article], events: dict[str, dict[str, float]]) -> Tables:
    """``events`` gives, per article, the reference events a relation may name as a date."""
    readings: dict[tuple[str, str], ClaimReading] = {}
    rows = [row for article in articles for row in _claim_rows(article, readings)]
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    relations = {rule: build(articles, claims, events) for rule, build in RELATION_BUILDERS.items()}
    return Tables(claims, relations, readings)


def _relation_rows(articles: list[Article], model: type, fields: dict) -> pd.DataFrame:
    """One row per relation of the given model: its article, id, line and claim ids."""
    rows = []
    for article in articles:
        assert article.claims is not None
        assert article.meta is not None
        for index, relation in enumerate(article.claims.relations):
            if isinstance(relation, model):
                row = {
                    "article": str(article.folder),
                    "relation": relation.id,
                    "line": article.line("relations", index) or 0,
                    "published": float(article.meta.published.toordinal()),
                }
                row.update({column: get(relation) for column, get in fields.items()})
                rows.append(row)
    columns = ["article", "relation", "line", "published", *fields]
    return pd.DataFrame(rows, columns=columns)


def _attach(table: pd.DataFrame, claims: pd.DataFrame, role: str) -> pd.DataFrame:
    """Join the claim named in column ``role`` and prefix its columns with ``role_``."""
    picked = claims[
        [
            "article",
            "claim",
            "kind",
            "unit",
            "measure",
            "population",
            "parse_error",
            "date_first",
            "date_last",
            *INTERVAL_COLUMNS,
        ]
    ]
    renamed = picked.rename(columns={c: f"{role}_{c}" for c in picked.columns if c != "article"})
    joined = table.merge(
        renamed, how="left", left_on=["article", role], right_on=["article", f"{role}_claim"]
    )
    joined[f"{role}_found"] = joined[f"{role}_claim"].notna()
    return joined.drop(columns=[f"{role}_claim"])


def _flag(table: pd.DataFrame, column: str, role: str, mask: pd.Series) -> pd.DataFrame:
    """Append the id in column ``role`` to the space-separated list ``column`` where ``mask``."""
    current = table[column]
    table[column] = current.where(~mask, current + " " + table[role].astype(str)).str.strip()
    return table


def _with_status(table: pd.DataFrame, roles: list[str]) -> pd.DataFrame:
    """``unresolved`` names the ids that match no claim; ``unreadable`` the claims with no value."""
    for column in ("unresolved", "unreadable"):
        if column not in table:
            table[column] = ""
    for role in roles:
        table = _flag(table, "unresolved", role, ~table[f"{role}_found"])
        broken = table[f"{role}_parse_error"].fillna("") != ""
        table = _flag(table, "unreadable", role, broken)
    return table


def _sum_parts(table: pd.DataFrame, claims: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Explode ``parts`` and add up their intervals per relation (all ends closed or not)."""
    exploded = table[[*key, "parts"]].explode("parts").rename(columns={"parts": "part"})
    exploded = _with_status(_attach(exploded, claims, "part"), ["part"])
    aggregations: dict[str, tuple[str, str]] = {
        "parts_unresolved": ("unresolved", " ".join),
        "parts_unreadable": ("unreadable", " ".join),
        "parts_kinds": ("part_unit", _units_of),
    }
    for reading in Reading:
        aggregations[f"parts_{reading}_lo"] = (f"part_{reading}_lo", "sum")
        aggregations[f"parts_{reading}_lo_closed"] = (f"part_{reading}_lo_closed", "all")
    summed = exploded.groupby(key, sort=False).agg(**aggregations).reset_index()
    return table.merge(summed, how="left", on=key)


def _part_of(articles: list[Article], claims: pd.DataFrame, events: dict) -> pd.DataFrame:
    table = _relation_rows(articles, PartOf, {"part": lambda r: r.part, "whole": lambda r: r.whole})
    table = _attach(_attach(table, claims, "part"), claims, "whole")
    table["comparable"] = table["part_unit"] == table["whole_unit"]
    return _with_status(table, ["part", "whole"])


def _sum_of(articles: list[Article], claims: pd.DataFrame, events: dict) -> pd.DataFrame:
    table = _relation_rows(
        articles, SumOf, {"parts": lambda r: r.parts, "whole": lambda r: r.whole}
    )
    table = _with_status(_attach(table, claims, "whole"), ["whole"])
    table = _merge_part_status(_sum_parts(table, claims, ["article", "relation"]))
    table["comparable"] = table["parts_kinds"] == table["whole_unit"]
    return table


def _share_of(articles: list[Article], claims: pd.DataFrame, events: dict) -> pd.DataFrame:
    fields = {"share": lambda r: r.share, "whole": lambda r: r.whole, "parts": lambda r: r.parts}
    table = _relation_rows(articles, ShareOf, fields)
    table = _with_status(
        _attach(_attach(table, claims, "share"), claims, "whole"), ["share", "whole"]
    )
    with_parts = table[table["parts"].map(len) > 0]
    if len(with_parts):
        table = table.merge(
            _sum_parts(with_parts, claims, ["article", "relation"])[
                ["article", "relation", *list(_parts_columns())]
            ],
            how="left",
            on=["article", "relation"],
        )
    else:
        table = table.assign(**dict.fromkeys(_parts_columns(), np.nan))
    for reading in Reading:
        table[f"parts_{reading}_lo"] = table[f"parts_{reading}_lo"].fillna(0.0)
        closed = table[f"parts_{reading}_lo_closed"]
        table[f"parts_{reading}_lo_closed"] = closed.where(closed.notna(), True).astype(bool)
    table = _merge_part_status(table)
    parts_fit = (table["parts_kinds"] == "") | (table["parts_kinds"] == table["whole_unit"])
    kinds_fit = (table["share_kind"] == "share") & (table["whole_kind"] == "count")
    table["comparable"] = kinds_fit & parts_fit
    return table


def _units_of(units: pd.Series) -> str:
    """The parts' units, each once and sorted; a part that names no claim has none.

    Read value by value: ``units.dropna()`` made a Series per relation, most of the cost.
    """
    return " ".join(sorted({unit for unit in units if isinstance(unit, str)}))


def _parts_columns() -> list[str]:
    columns = ["parts_unresolved", "parts_unreadable", "parts_kinds"]
    for reading in Reading:
        columns += [f"parts_{reading}_lo", f"parts_{reading}_lo_closed"]
    return columns


def _merge_part_status(table: pd.DataFrame) -> pd.DataFrame:
    for column in ("unresolved", "unreadable"):
        parts = table[f"parts_{column}"].astype(object).fillna("")
        table[column] = (table[column] + " " + parts).str.strip()
    table["parts_kinds"] = table["parts_kinds"].astype(object).fillna("")
    return table


def _same_figure(articles: list[Article], claims: pd.DataFrame, events: dict) -> pd.DataFrame:
    """Each later claim paired with the first one, so that a clash names its pair."""
    fields = {"first": lambda r: r.claims[0], "other": lambda r: r.claims[1:]}
    table = _relation_rows(articles, SameFigure, fields).explode("other", ignore_index=True)
    table = _attach(_attach(table, claims, "first"), claims, "other")
    table["comparable"] = table["first_unit"] == table["other_unit"]
    return _with_status(table, ["first", "other"])


def _resolve_endpoint(
    table: pd.DataFrame, claims: pd.DataFrame, role: str, events: dict[str, dict[str, float]]
) -> pd.DataFrame:
    """A date endpoint is a date claim, an ISO date, a reference event or the publication."""
    table = _attach(table, claims, role)
    literal = pd.to_datetime(table[role], format="%Y-%m-%d", errors="coerce")
    literal_days = literal.map(lambda t: float(t.date().toordinal()) if pd.notna(t) else np.nan)
    event_days = [
        events.get(article, {}).get(name, np.nan)
        for article, name in zip(table["article"], table[role], strict=True)
    ]
    literal_days = literal_days.fillna(pd.Series(event_days, index=table.index, dtype=float))
    is_publication = table[role] == PUBLICATION
    first = table[f"{role}_date_first"].fillna(literal_days)
    last = table[f"{role}_date_last"].fillna(literal_days)
    table[f"{role}_first"] = first.where(~is_publication, table["published"])
    table[f"{role}_last"] = last.where(~is_publication, table["published"])
    table[f"{role}_found"] = table[f"{role}_found"] | literal_days.notna() | is_publication
    readable = table[f"{role}_parse_error"].fillna("") == ""
    table[f"{role}_is_date"] = table[f"{role}_first"].notna() | ~table[f"{role}_found"] | ~readable
    return table


def _spans(articles: list[Article], claims: pd.DataFrame, events: dict) -> pd.DataFrame:
    fields = {
        "duration": lambda r: r.duration,
        "start": lambda r: r.start,
        "end": lambda r: r.end,
    }
    table = _relation_rows(articles, Spans, fields)
    table = _attach(table, claims, "duration")
    table = _resolve_endpoint(
        _resolve_endpoint(table, claims, "start", events), claims, "end", events
    )
    table = _with_status(table, ["duration", "start", "end"])
    table["comparable"] = (
        (table["duration_kind"] == "duration") & table["start_is_date"] & table["end_is_date"]
    )
    table["elapsed_lo"] = table["end_first"] - table["start_last"]
    table["elapsed_hi"] = table["end_last"] - table["start_first"]
    return table


def _before(articles: list[Article], claims: pd.DataFrame, events: dict) -> pd.DataFrame:
    fields = {"earlier": lambda r: r.earlier, "later": lambda r: r.later}
    table = _relation_rows(articles, Before, fields)
    table = _resolve_endpoint(
        _resolve_endpoint(table, claims, "earlier", events), claims, "later", events
    )
    table["comparable"] = table["earlier_is_date"] & table["later_is_date"]
    return _with_status(table, ["earlier", "later"])


RELATION_BUILDERS = {
    "part_of": _part_of,
    "sum_of": _sum_of,
    "share_of": _share_of,
    "same_figure": _same_figure,
    "spans": _spans,
    "before": _before,
}
