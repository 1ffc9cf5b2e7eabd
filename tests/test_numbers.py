"""Figures as news text writes them: render a value the ways editors do, parse it back.

The precision matters as much as the value (it becomes the qualifier's u and g), so each
round trip checks the step too.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.meaning.lexicon import Reading, load_lexicon
from factsuite.meaning.numbers import (
    SCALE_WORDS,
    UNIT_WORDS,
    NumberError,
    Quantity,
    VagueCount,
    parse_figure,
)

SETTINGS = settings(max_examples=150, deadline=None)

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """0-99 as an editor spells it: "twenty-five", "forty", "seven"."""
    assert 0 <= n < 100
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def decimal_text(digits: int, decimals: int) -> str:
    """``digits`` with a decimal point ``decimals`` places from the right: 35, 1 -> "3.5"."""
    text = str(digits).rjust(decimals + 1, "0")
    return f"{text[:-decimals]}.{text[-decimals:]}" if decimals else text


def trailing_zeros(n: int) -> int:
    return len(str(n)) - len(str(n).rstrip("0")) if n else 0


def last_significant(n: int) -> str:
    return str(n).rstrip("0")[-1:] or "0"


def expected_step(digits: int, decimals: int) -> Fraction:
    """10^-decimals for a decimal, 10^(trailing zeros) for a whole number."""
    if decimals:
        return Fraction(1, 10**decimals)
    return Fraction(10 ** trailing_zeros(digits))


def quantity(text: str, unit: str = "count") -> Quantity:
    figure = parse_figure(text, unit)
    assert isinstance(figure, Quantity), figure
    return figure


def assert_granularity(figure: Quantity, last_digit: str) -> None:
    """g is 5u when the last significant digit is a 5, else u."""
    assert figure.granularity == figure.step * (5 if last_digit == "5" else 1)


# --- render and parse back -----------------------------------------------------------------


@SETTINGS
@given(n=st.integers(min_value=1, max_value=10**13), separated=st.booleans())
def test_whole_numbers_in_digits(n: int, separated: bool) -> None:
    """ "1,500,000" and "1500000" are 1,500,000 rounded to the nearest 100,000."""
    figure = quantity(f"{n:,}" if separated else str(n))
    assert figure.value == n
    assert figure.step == 10 ** trailing_zeros(n)
    assert_granularity(figure, last_significant(n))


@SETTINGS
@given(
    digits=st.integers(min_value=1, max_value=99_999),
    decimals=st.integers(min_value=0, max_value=3),
    scale_word=st.sampled_from(sorted(SCALE_WORDS)),
    space=st.sampled_from(["", " "]),
)
def test_decimals_with_scale_words(digits: int, decimals: int, scale_word: str, space: str) -> None:
    """ "3.5 million", "3.5m", "2 billion": value and step are both scaled."""
    text = f"{decimal_text(digits, decimals)}{space}{scale_word}"
    multiplier = SCALE_WORDS[scale_word]
    figure = quantity(text)
    assert figure.value == Fraction(digits, 10**decimals) * multiplier, text
    assert figure.step == expected_step(digits, decimals) * multiplier, text
    assert_granularity(figure, str(digits)[-1] if decimals else last_significant(digits))


@pytest.mark.parametrize(
    ("text", "value", "step", "granularity"),
    [
        ("3.5 million", 3_500_000, 100_000, 500_000),
        ("3.5m", 3_500_000, 100_000, 500_000),
        ("3.5M", 3_500_000, 100_000, 500_000),
        ("2 billion", 2 * 10**9, 10**9, 10**9),
        ("1,500,000", 1_500_000, 100_000, 500_000),
        ("3,557,245", 3_557_245, 1, 5),
        ("90", 90, 10, 10),
        ("0", 0, 1, 1),
        ("eight", 8, 1, 1),
        ("a dozen", 12, 1, 1),
        ("twenty-five million", 25_000_000, 1_000_000, 5_000_000),
    ],
)
def test_figure_examples(text: str, value: int, step: int, granularity: int) -> None:
    """The figures of the module docstring and the lexicon notes."""
    assert quantity(text) == Quantity(Fraction(value), Fraction(step), Fraction(granularity))


@SETTINGS
@given(n=st.integers(min_value=0, max_value=99))
def test_number_words(n: int) -> None:
    """Small numbers are spelled out in news copy ("eight years", "twenty-five")."""
    figure = quantity(words(n))
    assert figure.value == n
    assert figure.step == 10 ** trailing_zeros(n)
    assert_granularity(figure, last_significant(n))


@SETTINGS
@given(
    n=st.integers(min_value=1, max_value=99),
    scale_word=st.sampled_from(["thousand", "million", "billion"]),
)
def test_number_words_with_scale_words(n: int, scale_word: str) -> None:
    """ "twenty-five million": the words give the digits, the scale word the multiplier."""
    figure = quantity(f"{words(n)} {scale_word}")
    multiplier = SCALE_WORDS[scale_word]
    assert figure.value == n * multiplier
    assert figure.step == 10 ** trailing_zeros(n) * multiplier


@SETTINGS
@given(
    digits=st.integers(min_value=0, max_value=100_000),
    decimals=st.integers(min_value=0, max_value=2),
    word=st.sampled_from(UNIT_WORDS["percent"]),
    space=st.sampled_from(["", " "]),
)
def test_percentages(digits: int, decimals: int, word: str, space: str) -> None:
    """ "90 percent", "12.5%", "3 per cent": the unit word goes, the figure stays."""
    text = f"{decimal_text(digits, decimals)}{space if word == '%' else ' '}{word}"
    figure = quantity(text, "percent")
    assert figure.value == Fraction(digits, 10**decimals)
    assert figure.step == expected_step(digits, decimals)


@SETTINGS
@given(n=st.integers(min_value=0, max_value=99))
def test_percentages_in_words(n: int) -> None:
    """ "ninety percent" reads as 90 percent."""
    assert quantity(f"{words(n)} percent", "percent").value == n


# --- shares --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nine in 10", 90),
        ("nine out of 10", 90),
        ("one in five", 20),
        ("a quarter", 25),
        ("half", 50),
        ("three quarters", 75),
        ("two-thirds", Fraction(200, 3)),
        ("a tenth", 10),
    ],
)
def test_shares(text: str, value: Fraction) -> None:
    """Shares written as ratios or fractions are percentages, never finer than 10 points."""
    figure = quantity(text, "percent")
    assert figure.value == value
    assert figure.step <= 10


@SETTINGS
@given(
    n=st.integers(min_value=2, max_value=99),
    data=st.data(),
    spell_num=st.booleans(),
    spell_den=st.booleans(),
    joiner=st.sampled_from(["in", "out of"]),
)
def test_ratio_shares(
    n: int, data: st.DataObject, spell_num: bool, spell_den: bool, joiner: str
) -> None:
    """ "k in n" is 100k/n percent, its step 100/n capped at 10 points."""
    k = data.draw(st.integers(min_value=1, max_value=n))
    text = f"{words(k) if spell_num else k} {joiner} {words(n) if spell_den else n}"
    figure = quantity(text, "percent")
    assert figure.value == Fraction(100 * k, n), text
    assert figure.step == min(Fraction(10), Fraction(100, n)), text


def test_ratio_words_are_not_shares_outside_percent() -> None:
    """ "nine in 10" is a share; as a count it is unreadable."""
    with pytest.raises(NumberError):
        parse_figure("nine in 10", "count")


def test_ratio_with_zero_denominator_raises() -> None:
    with pytest.raises(NumberError, match="ratio"):
        parse_figure("one in 0", "percent")


# --- vague counts and errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "name"),
    [
        ("several", "count", "several"),
        ("many", "count", "many"),
        ("Many", "people", "many"),
        ("numerous", "count", "many"),
        ("a few", "count", "a few"),
        ("dozens of", "people", "dozens"),
        ("many days", "days", "many"),
        ("a couple of weeks", "weeks", "a couple"),
    ],
)
def test_vague_counts(text: str, unit: str, name: str) -> None:
    """Words that stand for a count read as the lexicon's vague-count entry."""
    figure = parse_figure(text, unit)
    assert isinstance(figure, VagueCount)
    assert figure.entry.name == name
    assert figure.entry is load_lexicon().vague_count(name)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("eight years", "months"),
        ("90 percent", "count"),
        ("3 weeks", "days"),
        ("a month", "years"),
        ("12%", "people"),
    ],
)
def test_unit_word_mismatch_raises(text: str, unit: str) -> None:
    """ "eight years" cannot be a count of months; the message names both."""
    with pytest.raises(NumberError, match=unit):
        parse_figure(text, unit)


@SETTINGS
@given(
    n=st.integers(min_value=1, max_value=10_000),
    written=st.sampled_from(sorted(UNIT_WORDS)),
    claimed=st.sampled_from([*sorted(UNIT_WORDS), "count", "people"]),
    data=st.data(),
)
def test_unit_words_must_match_the_unit(
    n: int, written: str, claimed: str, data: st.DataObject
) -> None:
    """A figure carrying its own unit word parses only in that unit."""
    word = data.draw(st.sampled_from(UNIT_WORDS[written]))
    text = f"{n} {word}"
    if written == claimed:
        assert quantity(text, claimed).value == n
    else:
        with pytest.raises(NumberError, match="written in"):
            parse_figure(text, claimed)


@pytest.mark.parametrize("text", ["3.5 zillion", "12 gazillion", "4 millions", "7 lakh"])
def test_unknown_scale_word_raises(text: str) -> None:
    """An unknown scale word is an error, not a silently dropped multiplier."""
    with pytest.raises(NumberError, match="unknown scale word"):
        parse_figure(text, "count")


@SETTINGS
@given(
    n=st.integers(min_value=0, max_value=10**6),
    word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).filter(
        lambda w: w not in SCALE_WORDS
    ),
)
def test_any_unknown_word_after_digits_raises(n: int, word: str) -> None:
    """Whatever follows the digits must be a scale word (or the claim's unit word)."""
    with pytest.raises(NumberError):
        parse_figure(f"{n} {word}", "count")


@pytest.mark.parametrize("text", ["", "   ", "percent", "lots", "3..5", "1,50,000", "3.5.1"])
def test_unreadable_figures_raise(text: str) -> None:
    """Nothing unreadable slips through as a number."""
    with pytest.raises(NumberError):
        parse_figure(text, "percent")


# --- every figure lies within its own rounding interval ------------------------------------

COUNT_FIGURES = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.builds(
        lambda d, k, w: f"{decimal_text(d, k)} {w}",
        st.integers(min_value=1, max_value=9999),
        st.integers(min_value=0, max_value=3),
        st.sampled_from(sorted(SCALE_WORDS)),
    ),
    st.integers(min_value=0, max_value=99).map(words),
)
SHARE_FIGURES = st.one_of(
    st.integers(min_value=0, max_value=99).map(lambda n: f"{n} percent"),
    st.sampled_from(["nine in 10", "one in three", "a quarter", "half", "two thirds"]),
)
FIGURES = st.one_of(
    st.tuples(COUNT_FIGURES, st.just("count")), st.tuples(SHARE_FIGURES, st.just("percent"))
)


@SETTINGS
@given(text_unit=FIGURES)
def test_value_is_within_its_rounding_interval(text_unit: tuple[str, str]) -> None:
    """The written figure is always a possible value of its own bare reading."""
    text, unit = text_unit
    figure = quantity(text, unit)
    assert figure.step > 0
    assert figure.granularity in (figure.step, 5 * figure.step)
    bare = load_lexicon().qualifier("")
    assert bare is not None
    for reading in Reading:
        assert figure.value in bare.interval(reading, figure.scale), text
