"""Grounding's searches: each quick one finds exactly what the plain regex search finds.

``figure_start`` replaces a regex compiled per claim value; these properties generate quotes
and values from the characters that decide a match (cases, digits of other scripts,
separators, letters that fold to ASCII) and compare the two.  The qualifier before a figure
is looked for in the tail of the text only.
"""

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.meaning.grounding import (
    ASCII_CASE_TWINS,
    _qualifier_before,
    figure_pattern,
    figure_problem,
    figure_start,
)
from factsuite.meaning.lexicon import load_lexicon
from factsuite.meaning.qualifiers import _matcher

ALPHABET = "0123456789aAbBiIkKsSmM .,_-%$€é٣²\u0130\u0131\u017f\u212a\n"
quotes = st.text(alphabet=ALPHABET, max_size=30)
values = st.text(alphabet=ALPHABET, min_size=0, max_size=6)


def regex_start(quote: str, value: str) -> int | None:
    match = re.search(figure_pattern(value), quote, re.IGNORECASE)
    return None if match is None else match.start()


@settings(max_examples=2_000)
@given(quotes, values)
def test_figure_start_is_the_regex_search(quote: str, value: str) -> None:
    assert figure_start(quote, value) == regex_start(quote, value)


@settings(max_examples=2_000)
@given(quotes, st.data())
def test_figure_start_is_the_regex_search_for_a_piece_of_the_quote(
    quote: str, data: st.DataObject
) -> None:
    """A value cut from the quote itself, recased: the case where matches are likely."""
    start = data.draw(st.integers(0, len(quote)))
    end = data.draw(st.integers(start, len(quote)))
    value = data.draw(st.sampled_from([quote[start:end], quote[start:end].swapcase()]))
    assert figure_start(quote, value) == regex_start(quote, value)


def test_the_case_twins_are_every_letter_re_folds_to_ascii() -> None:
    beyond_ascii = "".join(
        chr(code) for code in range(0x80, sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
    )
    letters = "abcdefghijklmnopqrstuvwxyz"
    twins = {
        found
        for letter in letters
        for found in re.findall(re.escape(letter), beyond_ascii, re.IGNORECASE)
    }
    assert twins == set(ASCII_CASE_TWINS)


def test_the_figure_stands_alone_in_the_quote() -> None:
    assert str(figure_problem("up 1.15 percent", "15", "")) == (
        'the quote does not contain the value "15"'
    )
    assert figure_problem("about 1,500 came", "1,500", "about") is None
    assert figure_problem("ABOUT 1.5 Million came", "1.5 million", "about") is None


SPELLINGS = [s for s in load_lexicon().qualifier_spellings if s]
before_figures = st.lists(
    st.one_of(st.sampled_from(SPELLINGS), st.sampled_from(["said", "the", "x", "", "-", "("])),
    max_size=8,
).map(lambda words: " \n".join(words) if len(words) % 2 else "  ".join(words).upper())


@settings(max_examples=1_000)
@given(before_figures)
def test_the_qualifier_is_looked_for_at_the_end_only(text: str) -> None:
    """Searching the tail finds what searching the whole text before the figure finds."""
    regex, _ = _matcher("any")
    match = regex.search(text)
    written = " ".join(match.group().lower().split()) if match else ""
    assert _qualifier_before(text, len(text)) == written


@pytest.mark.parametrize(
    ("quote", "value", "qualifier"),
    [
        ("a shortfall of nearly $250 million", "250 million", "nearly"),
        ("which cost Denver more than $70 million", "70 million", "more than"),
        ("about $390 million", "390 million", "about"),
        ("about £ 390 million", "390 million", "about"),
        ("about $390 million", "$390 million", "about"),
    ],
)
def test_a_qualifier_before_a_currency_sign_is_seen(quote: str, value: str, qualifier: str) -> None:
    """#14: the hedge stands before the sign, the value after it."""
    assert figure_problem(quote, value, qualifier) is None


def test_a_wrong_qualifier_before_a_currency_sign_still_fails() -> None:
    assert str(figure_problem("nearly $250 million", "250 million", "more than")) == (
        'the quote has "nearly" before "250 million", but the claim\'s qualifier is "more than"'
    )
    assert figure_problem("nearly $250 million", "250 million", "") is not None
