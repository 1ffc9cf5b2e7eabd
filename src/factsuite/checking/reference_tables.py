"""Claims laid beside the reference records they cite, one table per reference rule.

Like ``tables.py``, nothing here judges; the rules in ``rules/`` do, over whole columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsuite.checking.series_match import candidates, envelope, match
from factsuite.checking.tables import BOUNDS, INTERVAL_COLUMNS
from factsuite.files.article import Article
from factsuite.files.model import Claim
from factsuite.files.populations import Relation, relate
from factsuite.files.reference import Reference, Series
from factsuite.meaning.dated import is_dated
from factsuite.meaning.lexicon import Reading
from factsuite.meaning.readings import read_figure

RECORD_COLUMNS = [f"record_{c}" for c in INTERVAL_COLUMNS]
Row = dict[str, object]
"""One row of a reference table, by column."""


@dataclass(frozen=True)
class Citation:
    """A claim and the series it is checked against (named by ``cites`` or matched)."""

    claim: Claim
    series_id: str
    series: Series | None
    as_part: bool = False
    """The claim counts a known part of the series' population: at most the series' figure."""


def citations(article: Article, reference: Reference | None) -> list[Citation]:
    """The claims of an article that a reference series speaks to (see ``series_match``)."""
    assert article.claims is not None
    assert article.meta is not None
    found = []
    for claim in article.claims.claims:
        matched = match(claim, reference, article.meta.published)
        if matched is not None:
            found.append(Citation(claim, matched.series_id, matched.series, matched.as_part))
    return found


def _record_intervals(series: Series, row: pd.Series) -> dict[str, object]:
    reading = read_figure(row["value"], row["qualifier"] or "", series.meta.unit)
    values: dict[str, object] = {}
    for name in Reading:
        interval = reading.interval(name)
        for bound in BOUNDS:
            value = getattr(interval, bound) if interval else np.nan
            values[f"record_{name}_{bound}"] = float(value) if bound in ("lo", "hi") else value
    return values


def _record_row(series: Series, record: pd.Series) -> dict[str, object]:
    return {
        "record_date": float(pd.Timestamp(record["date"]).date().toordinal()),
        "record_value": record["value"],
        "record_qualifier": record["qualifier"] or "",
        "record_source": record["source"],
        "record_url": record.get("url", ""),
        **_record_intervals(series, record),
    }


def _base(article: Article, citation: Citation, claims: pd.DataFrame) -> dict[str, object]:
    assert article.meta is not None
    claim = citation.claim
    as_of = claim.as_of or article.meta.published
    mask = (claims["article"] == str(article.folder)) & (claims["claim"] == claim.id)
    claim_row = claims[mask].iloc[0]
    return {
        "article": str(article.folder),
        "claim": claim.id,
        "series": citation.series_id,
        "series_found": citation.series is not None,
        "as_part": citation.as_part,
        "unreadable": claim_row["parse_error"],
        "as_of": float(as_of.toordinal()),
        "published": float(article.meta.published.toordinal()),
        **{f"claim_{c}": claim_row[c] for c in INTERVAL_COLUMNS},
    }


def build_reference_tables(
    articles: list[Article], claims: pd.DataFrame, references: dict[str, Reference | None]
) -> dict[str, pd.DataFrame]:
    records: list[Row] = []
    populations: list[Row] = []
    newer: list[Row] = []
    events: list[Row] = []
    extremes: list[Row] = []
    for article in articles:
        reference = references.get(str(article.folder))
        for citation in citations(article, reference):
            base = _base(article, citation, claims)
            series = citation.series
            if series is None:  # unknown or unreadable: each item says so
                records.append({**base, "record_date": np.nan})
                populations.append(base)
                if not is_dated(citation.claim, article.text):
                    newer.append(base)
                continue
            at_date = candidates(series, _day(base, "as_of"))
            if at_date.empty:
                records.append({**base, "record_date": np.nan})
            rows = [{**base, **_record_row(series, record)} for _, record in at_date.iterrows()]
            records.extend(rows)
            records.extend(_envelope_rows(base, series))
            extremes.extend(_since_rows(base, series, citation.claim))
            if citation.as_part:  # a part: no population or replacement to compare
                continue
            populations.append(
                {
                    **base,
                    "claim_population": citation.claim.population or "",
                    "series_population": series.meta.population,
                    "population_same": relate(
                        citation.claim.population or "",
                        series.meta.population,
                        reference.populations if reference else None,
                    )
                    is Relation.SAME,
                }
            )
            if not is_dated(citation.claim, article.text):
                latest = max((_day(row, "record_date") for row in rows), default=None)
                newer.extend(_newer_records(base, series, latest))
        events.extend(_event_rows(article, reference, claims))
    return {
        "records": _frame(
            records,
            [
                "article",
                "claim",
                "series",
                "series_found",
                "as_part",
                "unreadable",
                "as_of",
                "record_date",
            ],
        ),
        "populations": _frame(
            populations,
            [
                "article",
                "claim",
                "claim_population",
                "series_population",
                "population_same",
                "unreadable",
            ],
        ),
        "replacements": _frame(newer, ["article", "claim", "record_date", "unreadable"]),
        "extremes": _frame(
            extremes,
            [
                "article",
                "claim",
                "series",
                "extreme",
                "since",
                "as_of",
                "record_date",
                "unreadable",
            ],
        ),
        "events": _frame(
            events,
            [
                "article",
                "claim",
                "event",
                "event_found",
                "event_date",
                "date_first",
                "date_last",
                "unreadable",
            ],
        ),
    }


def _day(row: Row, column: str) -> float:
    """A day column of a row, as the tables count days (``date.toordinal`` as a float)."""
    day = row[column]
    assert isinstance(day, float)
    return day


def _frame(rows: list[Row], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    return frame if rows else pd.DataFrame(columns=columns)


def _envelope_rows(base: Row, series: Series) -> list[Row]:
    """A cumulative series' readings around the claim's date, as one more record: the true
    figure lay between them (see ``series_match.envelope``)."""
    around = envelope(series, _day(base, "as_of"))
    if around is None:
        return []
    low, high = (_record_row(series, record) for record in around)
    row = {**base, **high}
    for reading in Reading:
        for bound in ("lo", "lo_closed"):
            row[f"record_{reading}_{bound}"] = low[f"record_{reading}_{bound}"]
    return [row]


def _since_rows(base: Row, series: Series, claim: Claim) -> list[Row]:
    """For "the highest (lowest) since <day>": the records of the series dated after that
    day and before the claim's own records (its ``as_of`` less the series' lag), each one
    the claim must be no lower (higher) than."""
    since = claim.highest_since or claim.lowest_since
    if since is None:
        return []
    extreme = "highest" if claim.highest_since else "lowest"
    first, before = float(since.toordinal()), _day(base, "as_of") - series.meta.lag_days
    rows = []
    for _, record in series.records.iterrows():
        day = float(pd.Timestamp(record["date"]).date().toordinal())
        if first < day < before:
            rows.append({**base, **_record_row(series, record), "extreme": extreme, "since": first})
    return rows


def _newer_records(base: Row, series: Series, matched: float | None) -> list[Row]:
    """Records of the series stated after the figure used and before publication."""
    if matched is None:
        return []
    rows = []
    for _, record in series.records.iterrows():
        day = float(pd.Timestamp(record["date"]).date().toordinal())
        if matched < day < _day(base, "published"):
            rows.append({**base, **_record_row(series, record)})
    return rows


def _event_rows(article: Article, reference: Reference | None, claims: pd.DataFrame) -> list[Row]:
    assert article.claims is not None
    rows: list[Row] = []
    events = reference.events if reference else {}
    for claim in article.claims.claims:
        if claim.event is None:
            continue
        mask = (claims["article"] == str(article.folder)) & (claims["claim"] == claim.id)
        claim_row = claims[mask].iloc[0]
        known = events.get(claim.event)
        rows.append(
            {
                "article": str(article.folder),
                "claim": claim.id,
                "event": claim.event,
                "event_found": known is not None,
                "event_date": float(known[0].toordinal()) if known else np.nan,
                "event_text": known[1] if known else "",
                "date_first": claim_row["date_first"],
                "date_last": claim_row["date_last"],
                "unreadable": claim_row["parse_error"],
            }
        )
    return rows


def event_days(reference: Reference | None) -> dict[str, float]:
    """Event ids as relation endpoints: the day of each, as the tables count days."""
    if reference is None:
        return {}
    return {key: float(day.toordinal()) for key, (day, _) in reference.events.items()}
