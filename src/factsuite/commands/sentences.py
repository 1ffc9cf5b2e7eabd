"""Where a mention's sentence and clause run: the scaffold's quotes and its suggested
relations both read the text by its sentences, so they must cut it the same way."""

from __future__ import annotations

import re

from factsuite.meaning.mentions import Mention

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")
_CLAUSE_MARK = re.compile(r"[;:()]|,\s|\s[—–]\s")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding ``text[start:end]``: a sentence never runs across a line end."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end == -1 else line_end


def sentence(text: str, mention: Mention) -> tuple[int, int]:
    """The sentence around a mention, within its line."""
    start, end = line_bounds(text, mention.start, mention.end)
    for found in _SENTENCE_END.finditer(text, start, end):
        if found.end() <= mention.start:
            start = found.end()
        elif found.start() >= mention.end:
            return start, found.start()
    return start, end


def own_clause(text: str, mention: Mention) -> tuple[int, int]:
    """The clause a mention stands in, however short: from the mark before it to the next."""
    start, end = sentence(text, mention)
    for found in _CLAUSE_MARK.finditer(text, start, end):
        if found.end() <= mention.start:
            start = found.end()
        elif found.start() >= mention.end:
            return start, found.start()
    return start, end


HEADLINE_MAX_WORDS = 20


def looks_like_headline(line: str) -> bool:
    """Short, with no full stop at its end: a headline, not a sentence of the body."""
    words = line.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", "!", "?"))
