"""Which reference series a claim is checked against, and as what.

A claim is matched to a series when it cites it, or when measure, agency, unit and
population all agree (populations compared as ``files.populations`` says).  Two cases
of another population are told apart:

- the vocabulary says the claim's population is part of the series' (children who fled,
  people who fled to Poland): it is checked as a part, at most the series' figure at its
  date, never as the same figure;
- it is not known to be a part, but the claim gives the series' own figure at that date
  (same measure, agency and unit, a value the records allow under the pragmatic reading):
  the claim presents the series' figure as another population's, and ``population[...]``
  says so (the seed's "Ukrainians" for UNHCR's count of every nationality);
- otherwise (per-country figures in a report on refugees) it is no figure of the series,
  and no record check applies.

A cumulative series is a step of readings: between two readings the true value lies
between them, so a figure as of a day is also checked against the envelope of the
readings around it (see ``envelope``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from factsuite.files.model import Claim
from factsuite.files.populations import Relation, relate
from factsuite.files.reference import Reference, Series
from factsuite.meaning.intervals import Interval
from factsuite.meaning.lexicon import Reading
from factsuite.meaning.readings import read_figure

MATCH_READING = Reading.PRAGMATIC
"""The reading that decides whether a claim gives a series' own figure: what the writer meant."""


@dataclass(frozen=True)
class SeriesMatch:
    """A series a claim is checked against, and whether as a part of its population."""

    series_id: str
    series: Series | None
    as_part: bool = False


def match(claim: Claim, reference: Reference | None, published: date) -> SeriesMatch | None:
    """The series a claim speaks to, if any (see the module)."""
    vocabulary = reference.populations if reference else None
    if claim.cites is not None:
        series = reference.series.get(claim.cites) if reference else None
        part = series is not None and (
            relate(claim.population or "", series.meta.population, vocabulary) is Relation.PART
        )
        return SeriesMatch(claim.cites, series, part)
    if reference is None:
        return None
    metas = {key: series.meta for key, series in reference.series.items()} | reference.unusable
    fold = str.casefold
    for series_id, meta in metas.items():
        same_agency = claim.attributed is not None and fold(meta.agency) == fold(claim.attributed)
        if not (same_agency and fold(meta.measure) == fold(claim.measure)):
            continue
        if meta.unit != claim.unit:
            continue
        series = reference.series.get(series_id)
        if series is None:  # its records cannot be read: shown as not checked, never passed
            return SeriesMatch(series_id, None)
        relation = relate(claim.population or "", meta.population, vocabulary)
        if relation is Relation.SAME:
            return SeriesMatch(series_id, series)
        if relation is Relation.PART:
            return SeriesMatch(series_id, series, as_part=True)
        if gives_series_figure(claim, series, claim.as_of or published):
            return SeriesMatch(series_id, series)  # another population: population[...] fails
    return None


def gives_series_figure(claim: Claim, series: Series, as_of: date) -> bool:
    """Whether the claim's figure is a reading the series published for its date.

    Only the readings themselves count, not the envelope between them: a sub-group's figure
    ("371 of the cases were not vaccinated") often lies between two readings of the whole
    (345 and 412) without being either, and calling it the series' figure for the wrong
    people would be a false alarm."""
    interval = read_figure(claim.value, claim.qualifier, claim.unit).interval(MATCH_READING)
    if interval is None:
        return False
    day = float(as_of.toordinal())
    return any(interval.intersects(allowed) for allowed in _readings(series, day))


def _readings(series: Series, day: float) -> list[Interval]:
    """What the records within the lag of a day (else the latest before it) allow."""
    found = []
    for _, record in candidates(series, day).iterrows():
        reading = read_figure(record["value"], record["qualifier"] or "", series.meta.unit)
        interval = reading.interval(MATCH_READING)
        if interval is not None:
            found.append(interval)
    return found


def record_intervals(series: Series, day: float) -> list[Interval]:
    """What the records allow at a day: each record within the lag, and the envelope."""
    found = _readings(series, day)
    around = envelope(series, day)
    if around is not None:
        low, high = (
            read_figure(r["value"], r["qualifier"] or "", series.meta.unit).interval(MATCH_READING)
            for r in around
        )
        if low is not None and high is not None:
            found.append(Interval(low.lo, high.hi, low.lo_closed, high.hi_closed))
    return found


def candidates(series: Series, as_of: float) -> pd.DataFrame:
    """The records a figure as of a date may come from: those within the series' lag,
    else the latest one before."""
    records = series.records
    days = pd.to_datetime(records["date"]).map(lambda t: float(t.date().toordinal()))
    window = records[(days <= as_of) & (days >= as_of - series.meta.lag_days)]
    if not window.empty:
        return window
    earlier = days[days < as_of]
    return records[days == earlier.max()] if not earlier.empty else records.iloc[0:0]


def envelope(series: Series, day: float) -> tuple[pd.Series, pd.Series] | None:
    """The readings of a cumulative series around a figure as of ``day``: the last one on or
    before the start of its lag window, and the first one on or after the day.

    The figure refers to some day of the window, and a running total there lies between
    those two readings.  None when the series is not cumulative or one side has no reading.
    """
    if not series.meta.cumulative:
        return None
    records = series.records
    days = pd.to_datetime(records["date"]).map(lambda t: float(t.date().toordinal()))
    before = days[days <= day - series.meta.lag_days]
    after = days[days >= day]
    if before.empty or after.empty:
        return None
    low = records[days == before.max()].iloc[0]
    high = records[days == after.min()].iloc[0]
    if low["date"] == high["date"]:
        return None
    return low, high


def envelope_text(series: Series, as_of: float) -> str | None:
    """The envelope a failure names: the readings around the claim's date, if any."""
    around = envelope(series, as_of)
    if around is None:
        return None
    low, high = (f"{int(r['value']):,} on {r['date']}" for r in around)
    return f"a running total lies between its readings: from {low} to {high}"
