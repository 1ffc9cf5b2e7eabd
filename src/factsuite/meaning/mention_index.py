"""The speed index of the mention grammar: where each pattern's matches can begin.

Most patterns of ``mentions.GRAMMAR`` are long ignore-case alternations; re tries them at
every character of a text.  This index reads from each compiled pattern the words its
matches begin with (``first_words``), finds those words at word starts of the text in one
pass, and tries each pattern only there.  Nothing here is written by hand per pattern: a new
pattern is indexed as soon as it is in the grammar, or searched everywhere when its first
words cannot be told (it may begin with a sign, "$5").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # typeshed types the parser under its old names; importing those warns
    import sre_constants as constants
    import sre_parse as parser
else:
    from re import _constants as constants
    from re import _parser as parser

DIGIT = "0"
"""Stands for any digit among the words a pattern's matches begin with."""
ASCII_CASE_TWINS = "\u0130\u0131\u017f\u212a"
"""The non-ASCII letters that ignore-case regexes match with ASCII ones: İ ı ſ K (Kelvin)."""
MOST_FIRST_WORDS = 5_000
"""A pattern with more first words than this is searched everywhere: it begins anywhere."""


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of the words, the longest that matches first, with inner spaces
    matching any whitespace.

    It is a tree of branches by first letter, then by second, and so on: re tries the
    branches of an alternation one by one, so a branch per word made each try slow.
    """
    return _tree(
        {tuple(r"\s+" if char == " " else re.escape(char) for char in word) for word in words}
    )


def _tree(words: set[tuple[str, ...]]) -> str:
    """The alternation of these words, each a sequence of regexes for its characters."""
    rests: dict[str, set[tuple[str, ...]]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    branches = []
    for first, rest in sorted(rests.items()):
        longer = _tree(rest - {()})
        optional = "?" if () in rest else ""
        branches.append(first + (f"(?:{longer}){optional}" if longer else ""))
    return "|".join(branches)


class _Unindexable(Exception):
    """The pattern may begin with something other than a word or a digit."""


_SKIPPED = {constants.AT, constants.ASSERT, constants.ASSERT_NOT}
"""Zero-width items: a word boundary or a lookaround does not move where a match begins."""


def first_words(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The lowercase words the matches of ``regex`` begin with, at the start of a word.

    A word followed by required whitespace keeps one space ("a " for "a few"), a leading
    digit is ``DIGIT``; only the shortest of words that begin alike is kept.  None when a
    match may begin with no ASCII letter or digit, or the words are too many to list.
    """
    try:
        pending, done = _walk(parser.parse(regex.pattern, regex.flags).data, {""})
    except _Unindexable:
        return None
    words = done | pending
    if "" in words or len(words) > MOST_FIRST_WORDS:
        return None
    shortest = sorted(words, key=len)
    kept: list[str] = []
    for word in shortest:
        if not any(word.startswith(other) for other in kept):
            kept.append(word)
    return frozenset(kept)


Items = Any
"""Parsed regex items, (opcode, argument) pairs: re's parser types its arguments loosely."""


def _walk(items: Items, pending: set[str]) -> tuple[set[str], set[str]]:
    """Extend the words still being spelled (``pending``) by these items in order.

    Returns the words still open after them and the words that ended in them.
    """
    done: set[str] = set()
    for op, argument in items:
        if not pending:
            break
        if op in _SKIPPED:
            continue
        if op in (constants.SUBPATTERN, constants.ATOMIC_GROUP):
            inner = argument[-1] if op is constants.SUBPATTERN else argument
            pending, ended = _walk(list(inner), pending)
        elif op is constants.BRANCH:
            pending, ended = _branches(argument[1], pending)
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
            pending, ended = _repeat(argument, pending)
        else:
            pending, ended = _character(op, argument, pending)
        done |= ended
    return pending, done


def _branches(branches: Items, pending: set[str]) -> tuple[set[str], set[str]]:
    open_words: set[str] = set()
    done: set[str] = set()
    for branch in branches:
        still, ended = _walk(list(branch), pending)
        open_words |= still
        done |= ended
    return open_words, done


def _repeat(argument: Items, pending: set[str]) -> tuple[set[str], set[str]]:
    """An optional item leaves the words as they were too; a repeated one ends them after one
    pass (a shorter word is still a true beginning)."""
    least, most, inner = argument
    still, done = _walk(list(inner), pending)
    if most != 1:
        done, still = done | {word for word in still if word}, {w for w in still if not w}
    if least == 0:
        still |= pending
    return still, done


def _character(op: Items, argument: Items, pending: set[str]) -> tuple[set[str], set[str]]:
    """One character: a letter spells on, whitespace or another sign ends the word."""
    kind = _character_kind(op, argument)
    if kind == "digit" and "" in pending:
        return set(), {DIGIT} | {word for word in pending if word}
    if isinstance(kind, str) and len(kind) == 1:
        return {word + kind for word in pending}, set()
    if "" in pending:
        raise _Unindexable
    return set(), {word + " " if kind == "space" else word for word in pending}


def _character_kind(op: Items, argument: Items) -> str:
    """A lowercase ASCII letter or digit itself, "digit", "space" or "other"."""
    if op is constants.LITERAL:
        char = chr(argument)
        if char.isascii() and char.isalnum():
            return "digit" if char.isdigit() else char.lower()
        return "space" if char.isspace() else "other"
    if op is constants.IN:
        return _class_kind(argument)
    return "other"


def _class_kind(items: Items) -> str:
    digits = {(constants.CATEGORY, constants.CATEGORY_DIGIT)}
    if all(
        (op, value) in digits
        or (op is constants.RANGE and "0" <= chr(value[0]) <= chr(value[1]) <= "9")
        or (op is constants.LITERAL and chr(value).isdigit())
        for op, value in items
    ):
        return "digit"
    spaces = {constants.CATEGORY_SPACE, constants.CATEGORY_NOT_SPACE}
    if items and all(op is constants.CATEGORY and value in spaces for op, value in items):
        return "space" if items == [(constants.CATEGORY, constants.CATEGORY_SPACE)] else "other"
    return "other"


StarterKey = tuple[str | None, str | None, str | None]
"""What the starter regex found at a word start: whether the left context holds there (""),
the word (None for digits), and whether whitespace follows it ("")."""


class StartIndex:
    """Where the matches of each of some patterns can begin in a text.

    ``left`` is the lookbehind that patterns put first when a figure must start a word; the
    index checks it once per place rather than once per pattern.
    """

    def __init__(self, regexes: Sequence[re.Pattern[str]], left: str) -> None:
        self.regexes = tuple(regexes)
        self.starts = tuple(first_words(regex) for regex in self.regexes)
        self._needs_left = tuple(regex.pattern.startswith(left) for regex in self.regexes)
        words = {start.rstrip() for starts in self.starts if starts for start in starts}
        words.discard(DIGIT)
        self._starter = re.compile(
            rf"\W(?=\d|{alternatives(words)})(?:(?P<left>){left}|)"
            rf"(?:\d+|(?P<word>{alternatives(words)}))(?:(?P<spaced>)(?=\s))?"
        )
        ways_of = {
            ("" if left_holds else None, None if word == DIGIT else word, "" if spaced else None): (
                self._patterns_at(word, spaced, left_holds)
            )
            for word in words | {DIGIT}
            for spaced in (False, True)
            for left_holds in (False, True)
        }
        self._buckets = tuple(sorted(set(ways_of.values())))
        self._bucket_of = {key: self._buckets.index(ways) for key, ways in ways_of.items()}

    def _patterns_at(self, word: str, spaced: bool, left_holds: bool) -> tuple[int, ...]:
        """The patterns that can begin at a word found longest there: those of all the words
        it begins with ("an" leads to "a" too), and of the spaced ones only if whitespace
        follows it."""
        found = word + " " if spaced else word
        return tuple(
            index
            for index, starts in enumerate(self.starts)
            if starts
            and any(found.startswith(start) for start in starts)
            and (left_holds or not self._needs_left[index])
        )

    def _places(self, text: str) -> list[list[int]] | None:
        """Where each pattern's matches can begin: the word starts that begin with one of its
        words; None when the text has a letter that ignore-case regexes fold to an ASCII one
        (the lowercase text would miss it there).  Word starts are sorted into buckets of the
        same patterns first, so that each costs one append."""
        if any(twin in text for twin in ASCII_CASE_TWINS):
            return None
        starts: list[list[int]] = [[] for _ in self._buckets]
        bucket_of = self._bucket_of
        for found in self._starter.finditer(" " + text.lower()):  # found where the word is
            key: StarterKey = (found["left"], found["word"], found["spaced"])
            starts[bucket_of[key]].append(found.start())
        places: list[list[int]] = [[] for _ in self.regexes]
        for patterns, bucket in zip(self._buckets, starts, strict=True):
            if bucket:
                for index in patterns:
                    places[index] += bucket
        for pattern_places in places:
            pattern_places.sort()
        return places

    def matches(self, text: str) -> list[list[re.Match[str]]]:
        """Each pattern's ``finditer(text)``, searched only where its matches can begin."""
        places = self._places(text)
        found = []
        for index, regex in enumerate(self.regexes):
            if places is None or self.starts[index] is None:
                found.append(list(regex.finditer(text)))
            else:
                found.append(_finditer_at(regex, text, places[index]))
        return found


def _finditer_at(regex: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """``regex.finditer(text)`` for a regex whose matches begin only at these (sorted) places."""
    matches, end, match_at = [], 0, regex.match
    for start in places:
        if start >= end and (match := match_at(text, start)) is not None:
            matches.append(match)
            end = match.end()
    return matches
