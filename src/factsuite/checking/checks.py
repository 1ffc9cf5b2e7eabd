"""The bodies of the rules: registered pandera checks over the tables of ``tables.py``.

Each takes a whole table and says, row by row, whether the rule holds; which table, item and
explanation a check belongs to is declared in ``rules.py``.
"""

from __future__ import annotations

import pandas as pd
from pandera.extensions import register_check_method

from factsuite.meaning.intervals import can_be_at_most, can_overlap
from factsuite.meaning.lexicon import Kind


def _blocked(df: pd.DataFrame) -> pd.Series:
    """A relation with a dangling or unreadable claim is reported once, by its own checks."""
    return (df["unresolved"] != "") | (df["unreadable"] != "")


def _not_comparable(df: pd.DataFrame) -> pd.Series:
    """Claims of the wrong kind or unit are reported once, by kinds_fit or units_agree."""
    return _blocked(df) | ~df["comparable"].astype(bool)


def _unreadable(df: pd.DataFrame) -> pd.Series:
    return df["parse_error"] != ""


@register_check_method()
def value_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] == Kind.DATE) | ~_unreadable(df)


@register_check_method()
def date_readable(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] != Kind.DATE) | ~_unreadable(df)


@register_check_method(statistics=["low", "high"])
def share_within_bounds(df: pd.DataFrame, *, low: float, high: float) -> pd.Series:
    return (df["kind"] != Kind.SHARE) | _unreadable(df) | df["figure"].between(low, high)


@register_check_method()
def as_of_not_after_publication(df: pd.DataFrame) -> pd.Series:
    return df["as_of"].isna() | (df["as_of"] <= df["published"])


@register_check_method()
def quote_in_article(df: pd.DataFrame) -> pd.Series:
    return df["quote_found"].astype(bool)


@register_check_method()
def figure_in_quote(df: pd.DataFrame) -> pd.Series:
    return df["figure_problem"] == ""


@register_check_method()
def date_matches_as_of(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["as_of"]) & (df["as_of"] <= df["date_last"])
    return (df["kind"] != Kind.DATE) | _unreadable(df) | inside


@register_check_method()
def date_not_after_publication(df: pd.DataFrame) -> pd.Series:
    return (df["kind"] != Kind.DATE) | _unreadable(df) | (df["date_first"] <= df["published"])


@register_check_method()
def references_resolve(df: pd.DataFrame) -> pd.Series:
    return df["unresolved"] == ""


@register_check_method()
def references_readable(df: pd.DataFrame) -> pd.Series:
    return (df["unresolved"] != "") | (df["unreadable"] == "")


@register_check_method(statistics=["left", "right"])
def units_agree(df: pd.DataFrame, *, left: str, right: str) -> pd.Series:
    """Equal units; a share_of with no parts has no parts' unit ("") to disagree."""
    return _blocked(df) | (df[left] == df[right]) | (df[left] == "")


@register_check_method(statistics=["kinds"])
def kinds_fit(df: pd.DataFrame, *, kinds: dict[str, str]) -> pd.Series:
    fits = pd.Series(True, index=df.index)
    for role, kind in kinds.items():
        fits &= df[f"{role}_kind"] == kind
    return _blocked(df) | fits


@register_check_method(statistics=["left", "right", "reading"])
def at_most(df: pd.DataFrame, *, left: str, right: str, reading: str) -> pd.Series:
    """Some value of ``left`` can be no more than some value of ``right``."""
    feasible = can_be_at_most(
        df[f"{left}_{reading}_lo"],
        df[f"{left}_{reading}_lo_closed"],
        df[f"{right}_{reading}_hi"],
        df[f"{right}_{reading}_hi_closed"],
    )
    return _not_comparable(df) | feasible


@register_check_method(statistics=["reading"])
def share_holds_parts(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The parts fit in the group the share names: share x whole."""
    share_hi, whole_hi = df[f"share_{reading}_hi"], df[f"whole_{reading}_hi"]
    group_hi = share_hi / 100 * whole_hi
    reached = df[f"share_{reading}_hi_closed"] & df[f"whole_{reading}_hi_closed"]
    group_hi_closed = reached | (share_hi == 0) | (whole_hi == 0)  # as Interval.times
    feasible = can_be_at_most(
        df[f"parts_{reading}_lo"], df[f"parts_{reading}_lo_closed"], group_hi, group_hi_closed
    )
    return _not_comparable(df) | feasible


def _bounds(df: pd.DataFrame, prefix: str) -> tuple[pd.Series, ...]:
    return tuple(df[f"{prefix}_{end}"] for end in ("lo", "lo_closed", "hi", "hi_closed"))


@register_check_method(statistics=["reading"])
def figures_agree(df: pd.DataFrame, *, reading: str) -> pd.Series:
    overlap = can_overlap(_bounds(df, f"first_{reading}"), _bounds(df, f"other_{reading}"))
    return _not_comparable(df) | overlap


@register_check_method(statistics=["column"])
def same_text(df: pd.DataFrame, *, column: str) -> pd.Series:
    first = df[f"first_{column}"].str.casefold().str.strip()
    return _blocked(df) | (first == df[f"other_{column}"].str.casefold().str.strip())


@register_check_method(statistics=["roles"])
def endpoints_are_dates(df: pd.DataFrame, *, roles: list[str]) -> pd.Series:
    dated = pd.Series(True, index=df.index)
    for role in roles:
        dated &= df[f"{role}_is_date"].astype(bool)
    return _blocked(df) | dated


@register_check_method(statistics=["reading"])
def duration_fits_dates(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The days between the dates (a closed range) fall within the duration's reading."""
    always = pd.Series(True, index=df.index)
    elapsed = (df["elapsed_lo"], always, df["elapsed_hi"], always)
    fits = can_overlap(_bounds(df, f"duration_{reading}"), elapsed)
    return _not_comparable(df) | fits


@register_check_method()
def dates_in_order(df: pd.DataFrame) -> pd.Series:
    return _not_comparable(df) | (df["earlier_first"] <= df["later_last"])


@register_check_method()
def series_known(df: pd.DataFrame) -> pd.Series:
    return df["series_found"].astype(bool)


@register_check_method()
def record_exists(df: pd.DataFrame) -> pd.Series:
    return ~df["series_found"].astype(bool) | df["record_date"].notna()


@register_check_method(statistics=["reading"])
def record_matches(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some record within the lag of the claim's date lies in the claim's interval."""
    fits = can_overlap(_bounds(df, f"claim_{reading}"), _bounds(df, f"record_{reading}"))
    fits_any = (
        fits.fillna(False).astype(bool).groupby([df["article"], df["claim"]]).transform("any")
    )
    unchecked = (df["unreadable"] != "") | df["record_date"].isna()
    return unchecked | fits_any


@register_check_method()
def population_matches(df: pd.DataFrame) -> pd.Series:
    claimed = df["claim_population"].fillna("").str.casefold().str.strip()
    same = claimed == df["series_population"].fillna("").str.casefold().str.strip()
    return ~df["series_found"].astype(bool) | same


@register_check_method(statistics=["reading"])
def not_replaced(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """A newer statement published before the article still fits the claim."""
    fits = can_overlap(_bounds(df, f"claim_{reading}"), _bounds(df, f"record_{reading}"))
    unchecked = (df["unreadable"] != "") | ~df["series_found"].astype(bool)
    return unchecked | fits.fillna(False).astype(bool)


@register_check_method()
def event_known(df: pd.DataFrame) -> pd.Series:
    return df["event_found"].astype(bool)


@register_check_method()
def event_in_date(df: pd.DataFrame) -> pd.Series:
    inside = (df["date_first"] <= df["event_date"]) & (df["event_date"] <= df["date_last"])
    return (df["unreadable"] != "") | ~df["event_found"].astype(bool) | inside
