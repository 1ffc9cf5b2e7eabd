"""The qualifier lexicon: its readings as data, and the notation evaluator that reads them.

The lexicon is the suite's one source of truth for what "more than 3.5 million" allows, so
its promises (strict contains pragmatic; a bare figure is the inverse of rounding) are
checked over random figures rather than the few in the seed article.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.meaning.intervals import INF, Interval
from factsuite.meaning.lexicon import (
    Reading,
    Scale,
    evaluate_bound,
    evaluate_notation,
    load_lexicon,
)
from factsuite.meaning.numbers import UNIT_WORDS, Quantity, parse_figure

SETTINGS = settings(max_examples=150, deadline=None)

LEXICON = load_lexicon()
ENTRIES = (
    {f"qualifier:{e.name or '(bare)'}": e for e in LEXICON.qualifiers}
    | {f"vague:{e.name}": e for e in LEXICON.vague_counts}
    | {f"share:{e.name}": e for e in LEXICON.vague_shares}
)


@st.composite
def scales(draw: st.DrawFn) -> Scale:
    """A written figure x = n * u, with u a power of ten and g = u or 5u (as the lexicon says)."""
    u = Fraction(10) ** draw(st.integers(min_value=-3, max_value=7))
    g = u * draw(st.sampled_from([1, 5]))
    n = draw(st.integers(min_value=0, max_value=10_000))
    return Scale(n * u, u, g)


def contains(outer: Interval, inner: Interval) -> bool:
    """Set containment from the bounds: every point of inner is a point of outer."""
    if inner.is_empty:
        return True
    lo_ok = outer.lo < inner.lo or (
        outer.lo == inner.lo and (outer.lo_closed or not inner.lo_closed)
    )
    hi_ok = inner.hi < outer.hi or (
        outer.hi == inner.hi and (outer.hi_closed or not inner.hi_closed)
    )
    return lo_ok and hi_ok


def round_half_up(value: Fraction, step: Fraction) -> Fraction:
    """The rounding a bare figure is assumed to come from (statcheck, scrutiny)."""
    return math.floor(value / step + Fraction(1, 2)) * step


def bare(text: str) -> tuple[Quantity, Interval]:
    """A bare figure's reading; strict and pragmatic must agree (rounding is not a hedge)."""
    figure = parse_figure(text, "count")
    assert isinstance(figure, Quantity)
    entry = LEXICON.qualifier("")
    assert entry is not None
    strict = entry.interval(Reading.STRICT, figure.scale)
    pragmatic = entry.interval(Reading.PRAGMATIC, figure.scale)
    assert strict == pragmatic
    return figure, pragmatic


def decimal_text(digits: int, decimals: int) -> str:
    """``digits`` with a decimal point ``decimals`` places from the right: 53, 2 -> "0.53"."""
    text = str(digits).rjust(decimals + 1, "0")
    return f"{text[:-decimals]}.{text[-decimals:]}" if decimals else text


# --- strict and pragmatic readings -----------------------------------------------------


@pytest.mark.parametrize("key", sorted(ENTRIES))
@SETTINGS
@given(scale=scales())
def test_strict_reading_contains_pragmatic(key: str, scale: Scale) -> None:
    """A clash under strict is a contradiction, so strict may only ever allow more."""
    entry = ENTRIES[key]
    strict = entry.interval(Reading.STRICT, scale)
    pragmatic = entry.interval(Reading.PRAGMATIC, scale)
    assert contains(strict, pragmatic), (strict, pragmatic)


@pytest.mark.parametrize("key", sorted(ENTRIES))
@SETTINGS
@given(scale=scales())
def test_readings_are_non_negative_and_non_empty(key: str, scale: Scale) -> None:
    """Every quantity checked is non-negative; a positive figure never reads as nothing."""
    entry = ENTRIES[key]
    for reading in Reading:
        interval = entry.interval(reading, scale)
        assert interval.lo >= 0
        if scale.x > 0:
            assert not interval.is_empty, (reading, interval)


def test_design_card_more_than_example() -> None:
    """4.5 million children cannot be "at most" 3.5 million people, except on a strict reading.

    Pragmatic: (4.5M, 5M] against (3.5M, 4M]; strict: (4.5M, inf) against (3.5M, inf).
    """
    more_than = LEXICON.qualifier("more than")
    assert more_than is not None
    children, people = parse_figure("4.5 million", "people"), parse_figure("3.5 million", "people")
    assert isinstance(children, Quantity)
    assert isinstance(people, Quantity)
    a = more_than.interval(Reading.PRAGMATIC, children.scale)
    b = more_than.interval(Reading.PRAGMATIC, people.scale)
    assert b == Interval(Fraction(3_500_000), Fraction(4_000_000), False, True)
    assert not a.can_be_at_most(b)
    strict_a = more_than.interval(Reading.STRICT, children.scale)
    strict_b = more_than.interval(Reading.STRICT, people.scale)
    assert strict_b.hi == INF
    assert strict_a.can_be_at_most(strict_b)


@pytest.mark.parametrize(
    ("spelling", "figure", "reading", "expected"),
    [
        ("some", "90 percent", Reading.PRAGMATIC, "[85, 95)"),
        ("some", "90 percent", Reading.STRICT, "[80, 100]"),
        ("at least", "1,000", Reading.PRAGMATIC, "[1,000, 2,000]"),
        ("just over", "3.5 million", Reading.PRAGMATIC, "(3,500,000, 3,750,000]"),
        ("less than", "90 percent", Reading.PRAGMATIC, "[80, 90)"),
        ("more than", "3.5 million", Reading.PRAGMATIC, "(3,500,000, 4,000,000]"),
        ("up to", "400", Reading.PRAGMATIC, "[300, 400]"),
        ("up to", "500", Reading.PRAGMATIC, "[0, 500]"),
        ("exactly", "26", Reading.STRICT, "exactly 26"),
    ],
)
def test_lexicon_examples_hold(spelling: str, figure: str, reading: Reading, expected: str) -> None:
    """The examples written next to each entry (and in docs/lexicon.md) are what the code does."""
    entry = LEXICON.qualifier(spelling)
    assert entry is not None
    unit = "percent" if figure.endswith("percent") else "count"
    quantity = parse_figure(figure, unit)
    assert isinstance(quantity, Quantity)
    assert entry.interval(reading, quantity.scale).format() == expected


def test_almost_a_month_in_days() -> None:
    """The lexicon's example: "almost a month" is 15.2 to under 30.4 days."""
    almost = LEXICON.qualifier("almost")
    month = parse_figure("a month", "months")
    days = LEXICON.units["months"].days
    assert almost is not None
    assert isinstance(month, Quantity)
    assert days is not None
    interval = almost.interval(Reading.PRAGMATIC, month.scale).scaled(days)
    assert interval == Interval(days / 2, days, True, False)
    assert interval.format() == "[15.22, 30.44)"


# --- the bare reading is the inverse of rounding ----------------------------------------


def test_bare_reading_of_a_decimal_example() -> None:
    """ "0.53" stands for anything that rounds half-up to 0.53: [0.525, 0.535)."""
    _, interval = bare("0.53")
    assert interval == Interval(Fraction("0.525"), Fraction("0.535"), True, False)


def test_bare_reading_of_a_round_whole_number() -> None:
    """Trailing zeros count as rounding: "3,500,000" is 3,450,000 to under 3,550,000."""
    _, interval = bare("3,500,000")
    assert interval == Interval(Fraction(3_450_000), Fraction(3_550_000), True, False)


@SETTINGS
@given(
    digits=st.integers(min_value=1, max_value=10**9),
    decimals=st.integers(min_value=0, max_value=6),
    offset=st.fractions(min_value=-1, max_value=1),
)
def test_bare_reading_is_exactly_what_rounds_to_the_figure(
    digits: int, decimals: int, offset: Fraction
) -> None:
    """A value is in the bare reading iff rounding it half-up gives back the written figure."""
    figure, interval = bare(decimal_text(digits, decimals))
    value = figure.value + offset * figure.step
    assert (value in interval) == (round_half_up(value, figure.step) == figure.value)


@SETTINGS
@given(
    digits=st.integers(min_value=1, max_value=10**9),
    decimals=st.integers(min_value=0, max_value=6),
    tiny=st.fractions(min_value=0, max_value=Fraction(1, 1000)).filter(lambda f: f > 0),
)
def test_bare_reading_edges_round_as_written(digits: int, decimals: int, tiny: Fraction) -> None:
    """The closed end rounds to the figure, the open end to the next one, like unround()."""
    figure, interval = bare(decimal_text(digits, decimals))
    x, u = figure.value, figure.step
    assert interval.lo == x - u / 2
    assert interval.hi == x + u / 2
    assert interval.lo_closed
    assert not interval.hi_closed
    eps = tiny * u
    assert round_half_up(interval.lo, u) == x
    assert round_half_up(interval.lo + eps, u) == x
    assert round_half_up(interval.hi - eps, u) == x
    assert round_half_up(interval.hi, u) == x + u
    assert round_half_up(interval.lo - eps, u) == x - u


# --- the notation evaluator ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("x - g/2", Fraction(15, 2)),
        ("x + 0.5u", Fraction(21, 2)),
        ("x + g", Fraction(15)),
        ("inf", INF),
        ("3", Fraction(3)),
        ("  x-u/2 ", Fraction(19, 2)),
        ("0", Fraction(0)),
    ],
)
def test_evaluate_bound_examples(expression: str, expected: object) -> None:
    """The lexicon's bounds evaluate over x=10, u=1, g=5."""
    assert evaluate_bound(expression, Scale(Fraction(10), Fraction(1), Fraction(5))) == expected


@SETTINGS
@given(
    scale=scales(),
    a=st.integers(min_value=0, max_value=99),
    b=st.integers(min_value=0, max_value=9),
    d=st.integers(min_value=1, max_value=9),
)
def test_evaluate_bound_is_linear_in_its_terms(scale: Scale, a: int, b: int, d: int) -> None:
    """Each term is a number times x, u or g, optionally divided; terms add and subtract."""
    expression = f"x + {a}.{b}u - g/{d}"
    expected = scale.x + Fraction(f"{a}.{b}") * scale.u - scale.g / d
    assert evaluate_bound(expression, scale) == expected


terms = st.tuples(
    st.sampled_from(["+", "-"]),
    st.one_of(st.none(), st.integers(0, 99).map(str), st.just("0.25"), st.just("1.5")),
    st.sampled_from([None, "x", "u", "g", "inf"]),
    st.one_of(st.none(), st.integers(1, 9)),
).filter(lambda term: term[1] is not None or term[2] is not None)


@settings(max_examples=500, deadline=None)
@given(scale=scales(), drawn=st.lists(terms, min_size=1, max_size=5))
def test_evaluate_bound_adds_its_terms_in_order(scale: Scale, drawn: list) -> None:
    """Term after term from zero, an ``inf`` term whatever its number: the value and its type
    (a Fraction, or a float once infinity enters) are the sum written out by hand."""
    expected: object = Fraction(0)
    parts = []
    for sign, number, symbol, divisor in drawn:
        parts.append(f"{sign} {number or ''}{symbol or ''}{f'/{divisor}' if divisor else ''}")
        if symbol == "inf":
            term: object = INF
        else:
            term = Fraction(number or 1) * (getattr(scale, symbol) if symbol else 1)
            term = term / divisor if divisor else term
        expected = expected - term if sign == "-" else expected + term
    value = evaluate_bound(" ".join(parts), scale)
    assert type(value) is type(expected)
    assert value == expected or (math.isnan(value) and math.isnan(expected))


@pytest.mark.parametrize(
    "garbage",
    [
        "__import__('os')",
        "__import__('os').system('true')",
        "x**2",
        "x * 2",
        "x - y",
        "1e5",
        "lambda: 0",
        "(x)",
        "x; 1",
        "open('/etc/passwd')",
        "x + ",
        "x/0",
        "",
        "x x",
    ],
)
def test_evaluate_bound_rejects_garbage(garbage: str) -> None:
    """The lexicon is data, never code: anything but the small notation is refused."""
    with pytest.raises(ValueError, match="cannot read bound"):
        evaluate_bound(garbage, Scale(Fraction(3)))


@pytest.mark.parametrize(
    "notation",
    ["x, x + g", "[x, x + g", "[x, x + g, 1]", "{x, x}", "[x]", "", "[__import__('os'), 1]"],
)
def test_evaluate_notation_rejects_garbage(notation: str) -> None:
    """Interval notation needs both brackets and exactly two bounds."""
    with pytest.raises(ValueError, match=r"not interval notation|cannot read bound"):
        evaluate_notation(notation, Scale(Fraction(3)))


@SETTINGS
@given(scale=scales(), lo_closed=st.booleans(), hi_closed=st.booleans())
def test_evaluate_notation_brackets_and_zero_floor(
    scale: Scale, lo_closed: bool, hi_closed: bool
) -> None:
    """Brackets give the ends; a lower bound below zero is held at a closed 0."""
    left, right = "[" if lo_closed else "(", "]" if hi_closed else ")"
    interval = evaluate_notation(f"{left}x - g, x + g{right}", scale)
    assert interval.hi == scale.x + scale.g
    assert interval.hi_closed == hi_closed
    if scale.x - scale.g < 0:
        assert (interval.lo, interval.lo_closed) == (0, True)
    else:
        assert (interval.lo, interval.lo_closed) == (scale.x - scale.g, lo_closed)


def test_every_lexicon_notation_parses() -> None:
    """A typo in lexicon.yaml must fail here, not in the middle of a check."""
    scale = Scale(Fraction(90), Fraction(10), Fraction(10))
    for entry in ENTRIES.values():
        for reading in Reading:
            assert isinstance(evaluate_notation(entry.readings[reading], scale), Interval)


# --- spellings and units -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["qualifiers", "vague_counts", "vague_shares"])
def test_every_spelling_resolves_to_its_entry(kind: str) -> None:
    """Claims name a qualifier by any alias, in any case, with stray spaces."""
    look_up = {
        "qualifiers": LEXICON.qualifier,
        "vague_counts": LEXICON.vague_count,
        "vague_shares": LEXICON.vague_share,
    }[kind]
    entries = getattr(LEXICON, kind)
    assert entries
    for entry in entries:
        for spelling in entry.spellings:
            assert look_up(spelling) is entry, spelling
            assert look_up(f"  {spelling.upper()} ") is entry, spelling


def test_no_spelling_names_two_entries() -> None:
    """A shared alias would make one entry silently shadow another."""
    spellings = Counter(
        spelling.lower()
        for entry in (*LEXICON.qualifiers, *LEXICON.vague_counts, *LEXICON.vague_shares)
        for spelling in entry.spellings
    )
    assert [s for s, n in spellings.items() if n > 1] == []


def test_spelling_lists_cover_all_aliases() -> None:
    """The error messages and docs list spellings from these properties."""
    assert "over" in LEXICON.qualifier_spellings
    assert "nearly" in LEXICON.qualifier_spellings
    assert "dozens of" in LEXICON.vague_spellings
    assert LEXICON.qualifier("zillions") is None
    assert LEXICON.vague_count("more than") is None


def test_units_and_their_kinds() -> None:
    """Which rules apply is decided by the unit's kind; durations convert to days."""
    kinds = {name: unit.kind for name, unit in LEXICON.units.items()}
    assert kinds == {
        "people": "count",
        "count": "count",
        "money": "count",
        "percent": "share",
        "percent_change": "change",
        "points": "change",
        "date": "date",
        "days": "duration",
        "weeks": "duration",
        "months": "duration",
        "years": "duration",
    }
    days = {name: unit.days for name, unit in LEXICON.units.items()}
    assert days["days"] == 1
    assert days["weeks"] == 7
    assert days["years"] == Fraction("365.2425")
    assert days["months"] == days["years"] / 12
    for name, unit in LEXICON.units.items():
        assert (unit.days is None) == (unit.kind != "duration"), name


def test_unit_words_name_lexicon_units() -> None:
    """The parser's unit words and the lexicon's units must not drift apart."""
    assert set(UNIT_WORDS) <= set(LEXICON.units)
