"""The bodies of the rules: registered pandera checks over the tables of ``tables.py``.

Each takes a whole table and says, row by row, whether the rule holds; which table, item and
explanation a check belongs to is declared in ``rules.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd
from pandera.api.extensions import register_check_method

from factsuite.checking.findings import Blocked
from factsuite.files.populations import normalise
from factsuite.meaning.intervals import can_be_at_most, can_overlap
from factsuite.meaning.lexicon import Kind

Body = TypeVar("Body", bound=Callable[..., pd.Series])
Bounds = tuple[pd.Series, pd.Series, pd.Series, pd.Series]
"""An interval per row, as (lo, lo_closed, hi, hi_closed) columns."""


def registered(*statistics: str) -> Callable[[Body], Body]:
    """pandera's ``register_check_method``, typed: it makes ``pa.Check.<name>(**statistics)``
    and leaves the body callable as written; a name can be registered once per process."""
    decorate: Callable[[Body], Body] = register_check_method(statistics=list(statistics))
    return decorate


def _series(values: object) -> pd.Series:
    """A result of ``intervals``' comparisons, which work on numbers and columns alike."""
    assert isinstance(values, pd.Series)
    return values


def _blocked(df: pd.DataFrame) -> pd.Series:
    """A relation with a dangling or unreadable claim is reported once, by its own checks."""
    return _any(df, Blocked.UNRESOLVED) | _any(df, Blocked.UNREADABLE)


def _any(df: pd.DataFrame, reason: Blocked) -> pd.Series:
    """Whether a row names any id blocked for ``reason``."""
    return pd.Series([bool(ids) for ids in df[reason].tolist()], index=df.index, dtype=bool)


def _not_comparable(df: pd.DataFrame) -> pd.Series:
    """Claims of the wrong kind or unit are reported once, by kinds_fit or units_agree."""
    return _blocked(df) | ~df["comparable"].astype(bool)


def _unreadable(df: pd.DataFrame) -> pd.Series:
    return df["parse_error"] != ""


@registered()
def value_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] == Kind.DATE) | ~_unreadable(df)


@registered()
def date_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] != Kind.DATE) | ~_unreadable(df)


@registered("low", "high")
def share_within_bounds(df: pd.DataFrame, *, low: float, high: float) -> pd.Series:
    return (df["kind"] != Kind.SHARE) | _unreadable(df) | df["figure"].between(low, high)


@registered()
def as_of_not_after_publication(df: pd.DataFrame) -> pd.Series:
    return df["as_of"].isna() | df["future"].astype(bool) | (df["as_of"] <= df["published"])


@registered()
def quote_in_article(df: pd.DataFrame) -> pd.Series:
    return df["quote_found"].astype(bool)


@registered()
def figure_in_quote(df: pd.DataFrame) -> pd.Series:
    return df["figure_problem"] == ""


@registered()
def date_matches_as_of(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["as_of"]) & (df["as_of"] <= df["date_last"])
    right_weekday = df["calendar_problem"] == ""
    return (df["kind"] != Kind.DATE) | _unreadable(df) | (inside & right_weekday)


@registered()
def date_not_after_publication(df: pd.DataFrame) -> pd.Series:
    future = df["future"].astype(bool)
    past = df["date_first"] <= df["published"]
    return (df["kind"] != Kind.DATE) | _unreadable(df) | future | past


@registered()
def date_not_before_publication(df: pd.DataFrame) -> pd.Series:
    """A date the text looks ahead to ("due on Sept. 4") cannot have passed already."""
    past = ~df["future"].astype(bool)
    ahead = df["date_last"] >= df["published"]
    return (df["kind"] != Kind.DATE) | _unreadable(df) | past | ahead


@registered()
def references_resolve(df: pd.DataFrame) -> pd.Series:
    return ~_any(df, Blocked.UNRESOLVED)


@registered()
def references_readable(df: pd.DataFrame) -> pd.Series:
    return _any(df, Blocked.UNRESOLVED) | ~_any(df, Blocked.UNREADABLE)


@registered("left", "right")
def units_agree(df: pd.DataFrame, *, left: str, right: str) -> pd.Series:
    """Equal units; a share_of with no parts has no parts' unit ("") to disagree."""
    return _blocked(df) | (df[left] == df[right]) | (df[left] == "")


@registered("kinds")
def kinds_fit(df: pd.DataFrame, *, kinds: dict[str, str]) -> pd.Series:
    fits = pd.Series(True, index=df.index)
    for role, kind in kinds.items():
        fits &= df[f"{role}_kind"] == kind
    return _blocked(df) | fits


@registered("left", "right", "reading")
def at_most(df: pd.DataFrame, *, left: str, right: str, reading: str) -> pd.Series:
    """Some value of ``left`` can be no more than some value of ``right``."""
    feasible = _series(
        can_be_at_most(
            df[f"{left}_{reading}_lo"],
            df[f"{left}_{reading}_lo_closed"],
            df[f"{right}_{reading}_hi"],
            df[f"{right}_{reading}_hi_closed"],
        )
    )
    return _not_comparable(df) | feasible


@registered("reading")
def share_holds_parts(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The parts fit in the group the share names: share x whole."""
    share_hi, whole_hi = df[f"share_{reading}_hi"], df[f"whole_{reading}_hi"]
    group_hi = share_hi / 100 * whole_hi
    reached = df[f"share_{reading}_hi_closed"] & df[f"whole_{reading}_hi_closed"]
    group_hi_closed = reached | (share_hi == 0) | (whole_hi == 0)  # as Interval.times
    feasible = _series(
        can_be_at_most(
            df[f"parts_{reading}_lo"], df[f"parts_{reading}_lo_closed"], group_hi, group_hi_closed
        )
    )
    return _not_comparable(df) | feasible


def _bounds(df: pd.DataFrame, prefix: str) -> Bounds:
    return (
        df[f"{prefix}_lo"],
        df[f"{prefix}_lo_closed"],
        df[f"{prefix}_hi"],
        df[f"{prefix}_hi_closed"],
    )


def _times(a: Bounds, b: Bounds) -> Bounds:
    """The product of two non-negative intervals, column by column, as ``Interval.times``:
    zero times anything (even no upper bound) is zero, and an end is reached at zero."""
    a_lo, a_lo_closed, a_hi, a_hi_closed = a
    b_lo, b_lo_closed, b_hi, b_hi_closed = b
    zero_lo = (a_lo_closed & (a_lo == 0)) | (b_lo_closed & (b_lo == 0))
    zero_hi = (a_hi == 0) | (b_hi == 0)
    return (
        pd.Series(np.where((a_lo == 0) | (b_lo == 0), 0.0, a_lo * b_lo), index=a_lo.index),
        (a_lo_closed & b_lo_closed) | zero_lo,
        pd.Series(np.where(zero_hi, 0.0, a_hi * b_hi), index=a_hi.index),
        (a_hi_closed & b_hi_closed) | zero_hi,
    )


def _negated(a: Bounds) -> Bounds:
    return (-a[2], a[3], -a[0], a[1])


def _as_bools(bounds: Bounds) -> Bounds:
    lo, lo_closed, hi, hi_closed = bounds
    return lo, lo_closed.astype(bool), hi, hi_closed.astype(bool)


@registered()
def comparable(df: pd.DataFrame) -> pd.Series:
    """The claims are of the kinds and units the relation compares."""
    return _blocked(df) | df["comparable"].astype(bool)


@registered("reading")
def parts_make_whole(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The parts' sum (each within its rounding) can be the whole (within its own)."""
    parts = _as_bools(_bounds(df, f"parts_{reading}"))
    overlap = _series(can_overlap(parts, _bounds(df, f"whole_{reading}")))
    return _not_comparable(df) | overlap


@registered("reading")
def share_matches_counts(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some share of some whole is some value of the part: the part lies in share x whole."""
    share = _bounds(df, f"share_{reading}")
    fraction = (share[0] / 100, share[1], share[2] / 100, share[3])
    group = _times(fraction, _bounds(df, f"whole_{reading}"))
    overlap = _series(can_overlap(_bounds(df, f"part_{reading}"), group))
    return _not_comparable(df) | overlap


@registered("reading")
def shares_within_100(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Shares of one whole: their least sum is at most 100 %."""
    lo, lo_closed, _, _ = _as_bools(_bounds(df, f"shares_{reading}"))
    return _not_comparable(df) | _series(can_be_at_most(lo, lo_closed, 100.0, True))


@registered("reading")
def shares_complete(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Every part listed (``complete``): the shares can add to exactly 100 %."""
    full = (100.0, True, 100.0, True)
    overlap = _series(can_overlap(_as_bools(_bounds(df, f"shares_{reading}")), full))
    return _not_comparable(df) | ~df["complete"].astype(bool) | overlap


def expected_after(df: pd.DataFrame, reading: str) -> Bounds:
    """What the level after a change can be, from the level before and the change, by the
    change's kind: before + by (absolute, points), before x (1 + by/100) (percent), before x
    by (factor); a fall subtracts or divides."""
    before, by = _bounds(df, f"before_{reading}"), _bounds(df, f"by_{reading}")
    down = df["direction"] == "down"
    signed = _pick(down, _negated(by), by)
    added = (
        before[0] + signed[0],
        before[1] & signed[1],
        before[2] + signed[2],
        before[3] & signed[3],
    )
    rise = (1 + by[0] / 100, by[1], 1 + by[2] / 100, by[3])
    fall = ((1 - by[2] / 100).clip(lower=0), by[3], 1 - by[0] / 100, by[1])
    percent = _times(before, _pick(down, fall, rise))
    with np.errstate(divide="ignore"):
        inverse = (1 / by[2], by[3], 1 / by[0], by[1] & (by[0] > 0))
    factor = _times(before, _pick(down, inverse, by))
    kind = df["kind"]
    return _pick(kind == "percent", percent, _pick(kind == "factor", factor, added))


def _pick(where: pd.Series, yes: Bounds, no: Bounds) -> Bounds:
    picked = (
        pd.Series(np.where(where, y, n), index=where.index) for y, n in zip(yes, no, strict=True)
    )
    lo, lo_closed, hi, hi_closed = picked
    return lo.astype(float), lo_closed.astype(bool), hi.astype(float), hi_closed.astype(bool)


@registered("reading")
def change_fits(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The level after the change can be the level before, changed by the stated change."""
    overlap = _series(can_overlap(_bounds(df, f"after_{reading}"), expected_after(df, reading)))
    return _not_comparable(df) | overlap


@registered("reading")
def rate_fits_total(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The total can be the daily average times the days of the period."""
    period = _bounds(df, f"period_{reading}")
    expected = _times(_bounds(df, f"per_period_{reading}"), _as_bools(period))
    overlap = _series(can_overlap(_bounds(df, f"total_{reading}"), expected))
    return _not_comparable(df) | overlap


@registered("reading")
def figures_agree(df: pd.DataFrame, *, reading: str) -> pd.Series:
    overlap = _series(can_overlap(_bounds(df, f"first_{reading}"), _bounds(df, f"other_{reading}")))
    return _not_comparable(df) | overlap


@registered("column")
def same_text(df: pd.DataFrame, *, column: str) -> pd.Series:
    """Wordings compared as ``files.populations`` normalises them (case, tense, articles)."""
    first, other = (df[f"{side}_{column}"].fillna("").map(normalise) for side in ("first", "other"))
    return _blocked(df) | (first == other)


@registered("roles")
def endpoints_are_dates(df: pd.DataFrame, *, roles: list[str]) -> pd.Series:
    dated = pd.Series(True, index=df.index)
    for role in roles:
        dated &= df[f"{role}_is_date"].astype(bool)
    return _blocked(df) | dated


@registered("reading")
def duration_fits_dates(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The days between the dates (a closed range) fall within the duration's reading."""
    always = pd.Series(True, index=df.index)
    elapsed = (df["elapsed_lo"], always, df["elapsed_hi"], always)
    fits = _series(can_overlap(_bounds(df, f"duration_{reading}"), elapsed))
    return _not_comparable(df) | fits


@registered()
def dates_in_order(df: pd.DataFrame) -> pd.Series:
    return _not_comparable(df) | (df["earlier_first"] <= df["later_last"])


@registered()
def series_known(df: pd.DataFrame) -> pd.Series:
    return df["series_found"].astype(bool)


@registered()
def record_exists(df: pd.DataFrame) -> pd.Series:
    return ~df["series_found"].astype(bool) | df["record_date"].notna()


@registered("reading")
def record_matches(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some record within the lag of the claim's date (or the envelope of a cumulative series'
    readings around it) lies in the claim's interval; a part need only be at most a record."""
    claim, record = _bounds(df, f"claim_{reading}"), _bounds(df, f"record_{reading}")
    fits = _series(can_overlap(claim, record))
    as_part = df["as_part"].fillna(False).astype(bool)
    fits = fits.where(~as_part, _series(can_be_at_most(claim[0], claim[1], record[2], record[3])))
    fits_any = (
        fits.fillna(False).astype(bool).groupby([df["article"], df["claim"]]).transform("any")
    )
    unchecked = (df["unreadable"] != "") | df["record_date"].isna()
    return unchecked | fits_any


@registered()
def population_matches(df: pd.DataFrame) -> pd.Series:
    """Compared as ``files.populations`` normalises them (case, tense, articles, synonyms)."""
    return ~df["series_found"].astype(bool) | df["population_same"].fillna(True).astype(bool)


@registered("reading")
def not_replaced(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """A newer statement published before the article still fits the claim."""
    fits = _series(can_overlap(_bounds(df, f"claim_{reading}"), _bounds(df, f"record_{reading}")))
    unchecked = (df["unreadable"] != "") | ~df["series_found"].astype(bool)
    return unchecked | fits.fillna(False).astype(bool)


@registered()
def event_known(df: pd.DataFrame) -> pd.Series:
    return df["event_found"].astype(bool)


@registered()
def event_in_date(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["event_date"]) & (df["event_date"] <= df["date_last"])
    return (df["unreadable"] != "") | ~df["event_found"].astype(bool) | inside
