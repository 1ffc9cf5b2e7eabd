"""The sentence a figure is in, found fast and exactly as the plain regular-expression scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factsuite.meaning import context

PIECES = [" ", "  ", "\n", ".", "!", "?", '"', "'", "”", "’", ")", "(", "“", "‘", "A", "The", "a",
          "Mr", "Oct", "U.S", "No", "3", ",", "e.g", "Jan"]  # fmt: skip


def scanned(text: str, offset: int) -> int:
    """The plain definition: every sentence end before the offset, scanned from the start."""
    matches = context._SENTENCE_END.finditer(text, 0, offset)
    return max((match.end() for match in matches), default=0)


@given(st.lists(st.sampled_from(PIECES), max_size=40), st.data())
def test_the_sentence_start_is_the_scanned_one(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    offset = data.draw(st.integers(0, len(text)))
    assert context._sentence_start(text, offset) == scanned(text, offset)


def test_every_offset_of_a_real_article_has_the_scanned_sentence_start() -> None:
    from tests.test_cli import SEED

    text = (SEED / "article.txt").read_text("utf-8")
    assert all(context._sentence_start(text, at) == scanned(text, at) for at in range(len(text)))


@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_every_offset_of_one_text_has_the_scanned_sentence_start(pieces: list[str]) -> None:
    """The text's sentence ends are scanned once and kept (#18): each offset still gets the
    scan that stops at it, those just after a sentence end (which it may cut) too."""
    text = "".join(pieces)
    assert [context._sentence_start(text, at) for at in range(len(text) + 1)] == [
        scanned(text, at) for at in range(len(text) + 1)
    ]
