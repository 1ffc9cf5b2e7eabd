"""What several check bodies share: typed registration, the masks of rows another rule
reports, and interval columns as bounds (with their product).

A check body is a registered pandera check over a whole table (one per module of
``checking/rules/``); what more than one of them needs is here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd
from pandera.api.extensions import register_check_method

from factsuite.checking.findings import Blocked

Body = TypeVar("Body", bound=Callable[..., pd.Series])
Bounds = tuple[pd.Series, pd.Series, pd.Series, pd.Series]
"""An interval per row, as (lo, lo_closed, hi, hi_closed) columns."""


def registered(*statistics: str) -> Callable[[Body], Body]:
    """pandera's ``register_check_method``, typed: it makes ``pa.Check.<name>(**statistics)``
    and leaves the body callable as written; a name can be registered once per process."""
    decorate: Callable[[Body], Body] = register_check_method(statistics=list(statistics))
    return decorate


def series(values: object) -> pd.Series:
    """A result of ``intervals``' comparisons, which work on numbers and columns alike."""
    assert isinstance(values, pd.Series)
    return values


def blocked(df: pd.DataFrame) -> pd.Series:
    """A relation with a dangling or unreadable claim is reported once, by its own checks."""
    return any_blocked(df, Blocked.UNRESOLVED) | any_blocked(df, Blocked.UNREADABLE)


def any_blocked(df: pd.DataFrame, reason: Blocked) -> pd.Series:
    """Whether a row names any id blocked for ``reason``."""
    return pd.Series([bool(ids) for ids in df[reason].tolist()], index=df.index, dtype=bool)


def not_comparable(df: pd.DataFrame) -> pd.Series:
    """Claims of the wrong kind or unit are reported once, by kinds_fit or units_agree."""
    return blocked(df) | ~df["comparable"].astype(bool)


def unreadable(df: pd.DataFrame) -> pd.Series:
    """Claims whose value cannot be read: value_readable and date_readable report them."""
    return df["parse_error"].notna()


def bounds(df: pd.DataFrame, prefix: str) -> Bounds:
    return (
        df[f"{prefix}_lo"],
        df[f"{prefix}_lo_closed"],
        df[f"{prefix}_hi"],
        df[f"{prefix}_hi_closed"],
    )


def times(a: Bounds, b: Bounds) -> Bounds:
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


def minus(a: Bounds, b: Bounds) -> Bounds:
    """Every difference of a value of ``a`` and one of ``b``, column by column, as
    ``Interval.__sub__``: each end of ``a`` less the other end of ``b``."""
    a_lo, a_lo_closed, a_hi, a_hi_closed = a
    b_lo, b_lo_closed, b_hi, b_hi_closed = b
    return a_lo - b_hi, a_lo_closed & b_hi_closed, a_hi - b_lo, a_hi_closed & b_lo_closed


def as_bools(interval: Bounds) -> Bounds:
    lo, lo_closed, hi, hi_closed = interval
    return lo, lo_closed.astype(bool), hi, hi_closed.astype(bool)
