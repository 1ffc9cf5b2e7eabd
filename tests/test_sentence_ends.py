"""Sentence ends in ``meaning/context.py``: the faster pattern (#18) finds what the old one did.

The old pattern put the abbreviation lookbehinds before the stop, so ``re`` ran all of them at
every character of an article; the new one tries them only after a stop.  The old one is kept
here as the reference.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factsuite.meaning.context import _ABBREVIATIONS, _SENTENCE_END, context_of

OLD_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b[{word[0].upper()}{word[0]}]{word[1:]})" for word in _ABBREVIATIONS)
    + r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n"
)

PIECES = st.sampled_from(
    [
        *(word for word in _ABBREVIATIONS),
        *(word.capitalize() for word in _ABBREVIATIONS),
        "Oct",
        "Mr",
        "stock",
        "The",
        "rose",
        "12",
        "3.5",
        ".",
        "!",
        "?",
        '"',
        "”",
        ")",
        "(",
        "“",
        " ",
        "  ",
        "\n",
        ",",
        "a",
        "A",
        "xOct",
    ]
)


@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_same_ends_as_the_old_pattern(text: str) -> None:
    old = [match.span() for match in OLD_SENTENCE_END.finditer(text)]
    assert [match.span() for match in _SENTENCE_END.finditer(text)] == old


def test_an_abbreviation_does_not_end_a_sentence() -> None:
    text = "Prices rose on Oct. 5 by 3 percent. The Bank met Mr. Smith on Friday."
    assert [text[match.start()] for match in _SENTENCE_END.finditer(text)] == ["."]
    assert context_of("3 percent", "3 percent", text).before == "Prices rose on Oct. 5 by "
    assert context_of("Friday", "Friday", text).before == "The Bank met Mr. Smith on "
