"""The nearest text of a quote that is not in the article: found in bounded time, and still
the text the quote was copied from.

The search votes with an index of the article's words (``grounding._index``) before it
compares a few spans character by character; these properties make sure the votes never
lead it away from the span a slightly wrong quote was taken from.
"""

from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factsuite.meaning.grounding import nearest_match

ROOT = Path(__file__).resolve().parents[1]


@cache
def articles() -> tuple[str, ...]:
    """Real article texts: the seed's and the tuning corpus's."""
    paths = sorted(ROOT.glob("facts/*/article.txt")) + sorted(
        ROOT.glob("corpus/tuning/**/article.txt")
    )
    return tuple(path.read_text("utf-8") for path in paths)


def alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@settings(max_examples=200, deadline=None)
@given(
    which=st.integers(min_value=0),
    start=st.floats(min_value=0, max_value=1),
    length=st.integers(min_value=20, max_value=400),
    where=st.floats(min_value=0, max_value=1),
    character=st.characters(codec="utf-8"),
)
def test_a_quote_with_one_character_changed_finds_its_text(
    which: int, start: float, length: int, where: float, character: str
) -> None:
    """However the quote was cut from the article and whichever character changed, the
    nearest text is at least as alike as the text the quote was copied from."""
    article = articles()[which % len(articles())]
    begin = int(start * max(0, len(article) - length))
    copied = article[begin : begin + length]
    changed = min(int(where * len(copied)), len(copied) - 1)
    quote = copied[:changed] + character + copied[changed + 1 :]
    assume(quote != copied and len(quote.split()) >= 3)
    place, text, ratio = nearest_match(article, quote)
    assert ratio >= alike(copied, quote) - 1e-9
    assert text in article
    assert text.startswith(place.text[place.column - 1 :][: len(text)])  # where it is said to be


@settings(max_examples=50, deadline=None)
@given(which=st.integers(min_value=0), start=st.floats(min_value=0, max_value=1))
def test_a_quote_with_words_dropped_finds_its_sentence(which: int, start: float) -> None:
    """A quote shortened by a word in the middle is placed where its words are."""
    article = articles()[which % len(articles())]
    begin = int(start * max(0, len(article) - 300))
    words = article[begin : begin + 300].split()
    assume(len(words) >= 12)
    quote = " ".join(words[1:6] + words[7:11])
    source = article.find(words[1], begin + len(words[0]))
    place, text, ratio = nearest_match(article, quote)
    assert ratio >= alike(article[source : source + len(quote)], quote) - 1e-9
    lines = article.split("\n")
    found = sum(len(line) + 1 for line in lines[: place.line - 1]) + place.column - 1
    assert found < source + len(quote)  # the match overlaps the quote's source
    assert found + len(text) > source
