"""Intervals with open or closed ends, and the few operations the rules need.

Bounds are exact (``Fraction``) so that a rounding interval is the exact inverse of the
rounding.  The feasibility predicates are written once over plain operators so that they
apply alike to two intervals and to whole pandas columns of bounds (bulk evaluation).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

INF = float("inf")

Bound = Fraction | float


def can_be_at_most(a_lo: Any, a_lo_closed: Any, b_hi: Any, b_hi_closed: Any) -> Any:
    """Whether some value of A is <= some value of B: A's least against B's greatest."""
    return (a_lo < b_hi) | ((a_lo == b_hi) & a_lo_closed & b_hi_closed)


def can_overlap(a: tuple[Any, Any, Any, Any], b: tuple[Any, Any, Any, Any]) -> Any:
    """Whether two non-empty intervals, each (lo, lo_closed, hi, hi_closed), share a point."""
    a_lo, a_lo_closed, a_hi, a_hi_closed = a
    b_lo, b_lo_closed, b_hi, b_hi_closed = b
    return can_be_at_most(a_lo, a_lo_closed, b_hi, b_hi_closed) & can_be_at_most(
        b_lo, b_lo_closed, a_hi, a_hi_closed
    )


def is_non_empty(lo: Any, lo_closed: Any, hi: Any, hi_closed: Any) -> Any:
    """An interval has a point unless its ends cross, or meet with one of them open."""
    return (lo < hi) | ((lo == hi) & lo_closed & hi_closed)


@dataclass(frozen=True)
class Interval:
    """A set of numbers between ``lo`` and ``hi``; an infinite end is always open."""

    lo: Bound
    hi: Bound
    lo_closed: bool = True
    hi_closed: bool = True

    def __post_init__(self) -> None:
        # A Fraction is never infinite, and comparing one with a float is slow.
        if self.hi_closed and not isinstance(self.hi, Fraction) and self.hi == INF:
            object.__setattr__(self, "hi_closed", False)
        if self.lo_closed and not isinstance(self.lo, Fraction) and self.lo == -INF:
            object.__setattr__(self, "lo_closed", False)

    @classmethod
    def point(cls, value: Bound) -> Interval:
        return cls(value, value)

    @property
    def is_empty(self) -> bool:
        return not is_non_empty(self.lo, self.lo_closed, self.hi, self.hi_closed)

    def __contains__(self, value: Bound) -> bool:
        above = self.lo < value or (self.lo == value and self.lo_closed)
        below = value < self.hi or (value == self.hi and self.hi_closed)
        return above and below

    def can_be_at_most(self, other: Interval) -> bool:
        """Whether ``a <= b`` can hold for some ``a`` in self and ``b`` in other."""
        return bool(can_be_at_most(self.lo, self.lo_closed, other.hi, other.hi_closed))

    def intersects(self, other: Interval) -> bool:
        return not self.intersection(other).is_empty

    def intersection(self, other: Interval) -> Interval:
        # On a tie the open end is the tighter one: False sorts before True.
        lo, lo_open = max((self.lo, not self.lo_closed), (other.lo, not other.lo_closed))
        hi, hi_closed = min((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        return Interval(lo, hi, not lo_open, hi_closed)

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_closed and other.lo_closed,
            self.hi_closed and other.hi_closed,
        )

    def __sub__(self, other: Interval) -> Interval:
        """Every difference of a value of each: a net sum, parts less what is subtracted."""
        return Interval(
            self.lo - other.hi,
            self.hi - other.lo,
            self.lo_closed and other.hi_closed,
            self.hi_closed and other.lo_closed,
        )

    def times(self, other: Interval) -> Interval:
        """Product of two non-negative intervals, e.g. a share of a whole.

        An end is reached when both factors reach theirs, or when a factor reaches zero:
        zero times anything in the other factor is zero.
        """
        zero_lo = (self.lo_closed and self.lo == 0) or (other.lo_closed and other.lo == 0)
        zero_hi = self.hi == 0 or other.hi == 0
        return Interval(
            _mul(self.lo, other.lo),
            _mul(self.hi, other.hi),
            (self.lo_closed and other.lo_closed) or zero_lo,
            (self.hi_closed and other.hi_closed) or zero_hi,
        )

    def scaled(self, factor: Fraction) -> Interval:
        """The interval in another unit (percent to fraction, months to days)."""
        return Interval(
            _mul(self.lo, factor), _mul(self.hi, factor), self.lo_closed, self.hi_closed
        )

    def format(self, render: Any = None) -> str:
        """Interval notation, each end drawn by ``render`` (numbers by default)."""
        draw = render or format_number
        left = "[" if self.lo_closed else "("
        right = "]" if self.hi_closed else ")"
        if self.lo == self.hi and self.lo_closed and self.hi_closed:
            return f"exactly {draw(self.lo)}"
        hi = "no upper bound" if self.hi == INF else draw(self.hi)
        return f"{left}{draw(self.lo)}, {hi}{right}"

    def __str__(self) -> str:
        return self.format()


def _mul(a: Bound, b: Bound) -> Bound:
    """Multiply bounds where 0 x inf is 0: a zero share of any whole is nothing."""
    if a == 0 or b == 0:
        return Fraction(0)
    return a * b


def format_number(value: Bound) -> str:
    """A number as an editor writes it: thousands separated, at most two decimals."""
    if value in (INF, -INF):
        return "infinity" if value > 0 else "-infinity"
    rounded = round(Fraction(value), 2)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{float(rounded):,.2f}".rstrip("0").rstrip(".")
