"""Every numeric and temporal mention of a news text, found so that none goes unchecked.

A mention is a figure or a date the suite can read: its ``value`` parses with
``numbers.parse_figure`` in its ``unit`` (or ``dates.parse_date`` for dates), and its
``qualifier`` is the lexicon spelling the grounding check sees before it.  What counts and
what does not (ordinals, times of day, numbers in names) is set out in docs/scaffold.md.

Regular expressions over the lexicon's own words do the finding: the libraries tried
(quantulum3, dateparser's search, number-parser) lose the figure as written or report
names and ordinals as quantities (docs/scaffold.md has the measurements).
"""

from __future__ import annotations

import calendar
import itertools
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from factsuite.meaning.grounding import ASCII_CASE_TWINS
from factsuite.meaning.lexicon import load_lexicon
from factsuite.meaning.numbers import FRACTION_WORDS, SCALE_WORDS

KINDS = (
    "count",
    "share",
    "money",
    "date",
    "weekday",
    "duration",
    "relative_date",
    "vague_count",
)
DATE_KINDS = ("date", "weekday", "relative_date")
RELATIVE_DATES = (
    "earlier this month",
    "earlier this week",
    "earlier this year",
    "this month",
    "last month",
    "this week",
    "last week",
    "this year",
    "last year",
    "yesterday",
    "today",
)
"""The relative phrases ``dates.parse_date`` resolves; others ("next week") are not read."""

# fmt: off
PEOPLE_NOUNS = frozenset([
    "people", "person", "persons", "children", "child", "kids", "babies", "women", "woman",
    "men", "man", "girls", "boys", "adults", "teenagers", "minors", "pupils", "students",
    "teachers", "workers", "employees", "staff", "drivers", "nurses", "doctors", "patients",
    "residents", "citizens", "inhabitants", "voters", "members", "refugees", "migrants",
    "civilians", "soldiers", "troops", "passengers", "victims", "firefighter", "firefighters",
    "officers", "volunteers", "tourists", "visitors", "runners", "finishers", "spectators",
    "fans", "players", "athletes", "protesters", "trustees", "prisoners", "survivors", "dead",
    "injured", "wounded",
])
"""Nouns after a count that make its unit ``people`` rather than ``count`` (a guess)."""

_ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = frozenset(["first", "second", "third", "fourth", "fifth", "last", "final"])
_FRACTION_FOLLOWERS = frozenset([
    "of", "the", "since", "in", "on", "from", "for", "by", "at", "last", "this", "than", "and",
    "or", "compared",
])
"""Words that may follow a share written as a fraction ("a third of", "half the")."""
_MONTH_PREPOSITIONS = frozenset([
    "in", "since", "until", "till", "by", "from", "of", "before", "after", "during", "through",
    "throughout", "to", "early", "late", "mid", "last", "next", "this", "as",
])
"""Words after which a month on its own is a date ("since September", "mid-June")."""
# fmt: on
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        ("date", "relative_date", "share", "money", "duration", "weekday", "vague_count", "count")
    )
}
"""Which reading wins when two of the same length overlap: the more specific one."""
_START = operator.attrgetter("start")
_RATE = re.compile(r"an?\s+(?:day|week|month|year)", re.IGNORECASE)
_RATE_GAP = re.compile(r"[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}")
_RANGE = re.compile(r"\s*(?:to|and|-|–)\s*")
_DIGITS_ONLY = re.compile(r"[\d,.]+")
_WORD = re.compile(r"[\w'’-]+")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]*$")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")
_CLAUSE = re.compile(r"[^\n.,;:!?()\"“”]*")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|ians)")
_AS = re.compile(r"\s+as\b")


@dataclass(frozen=True)
class Mention:
    """A figure phrase of the text: where it is, what it is, and how a claim would write it."""

    start: int
    end: int
    text: str
    kind: str
    value: str
    qualifier: str = ""
    unit: str = "count"


Builder = Callable[[str, re.Match[str]], Mention | None]
"""Makes a mention of a match in the text, or turns the match down (None)."""


class _Way(NamedTuple):
    """One way a mention is written: its regex, its builder, and the words it begins with."""

    regex: re.Pattern[str]
    build: Builder
    starts: frozenset[str] | None
    """The lowercase words its matches begin with, at the start of a word (see
    ``_first_words``); None when they may begin anywhere."""
    kind: str
    """The kind of every mention ``build`` makes: overlaps are settled before building."""
    begins: int | str = 0
    """The group where its mentions begin ("aged 62" begins at the figure)."""


DIGIT = "0"
"""Stands for any digit among the words a way's matches begin with."""


def _alternatives(words: Iterable[str]) -> str:
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


_ONE_TO_NINE = _alternatives(_ONES[:9])
WORD_NUMBER = (
    rf"(?:(?:{_alternatives(_TENS)})(?:-(?:{_ONE_TO_NINE}))?|{_alternatives(_ONES)})"
    r"(?:\s+hundred)?"
)
_FULL_SCALE = _alternatives([word for word in SCALE_WORDS if len(word) > 2])
_GLUED_SCALE = _alternatives([word for word in SCALE_WORDS if len(word) <= 2])
_DIGITS = r"(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
"""Digits, atomic: every pattern rejects a digit or a decimal part after them, so re need
not give back what they took, as it did digit by digit."""
DIGIT_FIGURE = rf"(?:{_DIGITS})(?:(?:{_GLUED_SCALE})(?![\w])|\s+(?:{_FULL_SCALE})\b)?"
WORD_FIGURE = rf"(?:(?:{WORD_NUMBER})(?:\s+(?:{_FULL_SCALE}))?|an?\s+(?:{_FULL_SCALE})|a\s+dozen)"
_LEFT = r"(?<![\w$€£¥.,/:])(?<![^\W\d][-–])"
"""A figure starts a word: not "COVID-19", "G7", "10:30", "£5" (money has its own pattern)."""
_END = r"(?![\w%/]|[.,]\d|[-–][^\W\d])"
_COUNT_END = r"(?![\w%/]|[.,]\d)"
"""A count in digits may head a compound ("the 20-mile mark"); a number word may not ("one-off")."""
_DURATION_ADJECTIVES = r"consecutive|straight|successive|full|more|further|long"
_TIME_OF_DAY = re.compile(r"\s*(?:[ap]\.?m\b|:\d|o'clock)", re.IGNORECASE)
_WEEKDAY = "|".join(calendar.day_name)
_MONTH_FULL = "|".join(calendar.month_name[1:])
_MONTH_NAMES = frozenset(calendar.month_name)
_DAY_NAMES = frozenset(calendar.day_name)
_MONTH_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{_MONTH_FULL}|(?:{_MONTH_SHORT})\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_ONLY = re.compile(_YEAR)
_YEAR_RANGE_END = re.compile(rf"\b{_YEAR}[-–]$")
_TIME_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_CURRENCY_SIGNS = r"US\$|\$|€|£|¥"
_CURRENCY_WORDS = r"dollars|euros|pounds|yen"
_PERCENT_WORDS = r"%|\s*(?:percent|per\s+cent|percentage\s+points|pct)\b"


def _mention(match: re.Match[str], kind: str, value: str, unit: str) -> Mention:
    return Mention(match.start(), match.end(), match.group(), kind, value, "", unit)


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _words_after(text: str, end: int, count: int = 3) -> list[str]:
    """The next few words of the same clause (a punctuation mark ends it)."""
    clause = _CLAUSE.match(text[end : end + 60]).group()
    return _WORD.findall(clause)[:count]


def _unit_of_count(text: str, end: int) -> str:
    """people when a person noun or a demonym ("Ukrainians") follows, else count."""
    for word in _words_after(text, end):
        if word.lower() in PEOPLE_NOUNS or _DEMONYM.fullmatch(word):
            return "people"
        if word[0].isdigit():
            break
    return "count"


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in "\n.!?:;\"“‘('"


def _is_name(text: str, start: int) -> bool:
    """A figure right after a capitalised word names a thing: Category 4, Euro 2024."""
    window = max(0, start - 40)
    found = _NAME_BEFORE.search(text[window:start])
    if found is None:
        return False
    word = found.group(1)
    if word.lower() in _MONTH_PREPOSITIONS or word in _MONTH_NAMES:
        return False
    return word not in _DAY_NAMES and not _starts_sentence(text, window + found.start(1))


def _bare_count(text: str, match: re.Match[str]) -> Mention | None:
    """Digits not in a name, a time of day or the tail of a year range ("2021-22")."""
    if _is_name(text, match.start()) or _TIME_OF_DAY.match(text, match.end()):
        return None
    if _YEAR_RANGE_END.search(text[max(0, match.start() - 5) : match.start()]):
        return None
    return _mention(match, "count", match.group(), _unit_of_count(text, match.end()))


def _word_count(text: str, match: re.Match[str]) -> Mention | None:
    """Number words are counts; "one" only before a person ("one firefighter")."""
    if match.group().lower() == "one":
        following = _words_after(text, match.end(), 1)
        if not following or following[0].lower() not in PEOPLE_NOUNS:
            return None
    return _mention(match, "count", match.group(), _unit_of_count(text, match.end()))


def _year(text: str, match: re.Match[str]) -> Mention | None:
    if _is_name(text, match.start()) or _unit_of_count(text, match.end()) == "people":
        return None
    return _mention(match, "date", match.group(), "date")


def _bare_month(text: str, match: re.Match[str]) -> Mention | None:
    """A month on its own is a date after a temporal word: "since September", "mid-June"."""
    if _word_before(text, match.start()).lower().rstrip("-") not in _MONTH_PREPOSITIONS:
        return None
    return _mention(match, "date", match.group(), "date")


def _fraction(text: str, match: re.Match[str]) -> Mention | None:
    """ "a third of", "nearly half": not "the second half", "a third term", "half an hour"."""
    before = _word_before(text, match.start()).lower()
    after = _words_after(text, match.end(), 1)
    if before in _ORDINALS or before == "and" or text[match.end() : match.end() + 1] == "-":
        return None
    if after and after[0].lower() not in _FRACTION_FOLLOWERS:
        return None
    return _mention(match, "share", match.group(), "percent")


def _vague(text: str, match: re.Match[str]) -> Mention | None:
    """Lexicon vague counts, but not "as many as" or "how many"."""
    before = _word_before(text, match.start()).lower()
    if before == "how" or (before == "as" and _AS.match(text, match.end())):
        return None
    return _mention(match, "vague_count", match.group(), _unit_of_count(text, match.end()))


def _duration(text: str, match: re.Match[str]) -> Mention | None:
    unit = _TIME_UNITS[match.group("unit").lower().removesuffix("s")]
    return _mention(match, "duration", match.group(), unit)


def _compound_duration(text: str, match: re.Match[str]) -> Mention | None:
    """ "a five-day strike", "four consecutive months": the figure alone is the value."""
    unit = _TIME_UNITS[match.group("unit").lower().removesuffix("s")]
    return _mention(match, "duration", match.group("figure"), unit)


def _age(text: str, match: re.Match[str]) -> Mention | None:
    """ "aged 62": a duration in years; the span starts at the figure (or its qualifier)."""
    figure = match.start("figure")
    value = match.group("figure")
    return Mention(figure, match.end(), value, "duration", value, "", "years")


_BEGINS: dict[Builder, str] = {_age: "figure"}
"""Builders whose mentions begin at a group of the match rather than at its start."""


def _money(text: str, match: re.Match[str]) -> Mention | None:
    return _mention(match, "money", match.group("figure"), "money")


def _ratio(text: str, match: re.Match[str]) -> Mention | None:
    """ "nine in 10", "one out of five"; never "1 in 2019"."""
    if _YEAR_ONLY.fullmatch(match.group("denominator")):
        return None
    return _mention(match, "share", match.group(), "percent")


def _as_written(kind: str, unit: str) -> Builder:
    return lambda text, match: _mention(match, kind, match.group(), unit)


@cache
def _ways() -> tuple[_Way, ...]:
    """Every way a mention is written, and how a match becomes one (or is turned down)."""
    lexicon = load_lexicon()
    vague = _alternatives(lexicon.vague_spellings)
    number = rf"(?:{_DIGITS}|{WORD_NUMBER})"
    figure = rf"(?:{DIGIT_FIGURE}|{WORD_FIGURE})"
    qualifier = _alternatives([s for s in lexicon.qualifier_spellings if s])
    units = "|".join(_TIME_UNITS)
    i = re.IGNORECASE
    digits, weekdays, months = [DIGIT], list(calendar.day_name), calendar.month_name[1:]
    number_words = [*_ONES, *_TENS]
    figure_words = [*number_words, "a million", "an hour", "a dozen"]  # as "an?\s+" begins
    table: list[tuple[str, int, str, Builder, frozenset[str] | None]] = [
        (
            rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
            0,
            "date",
            _as_written("date", "date"),
            _first_words(weekdays, months, _MONTH_SHORT.split("|")),
        ),
        (
            rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?\b",
            0,
            "date",
            _as_written("date", "date"),
            _first_words(weekdays, digits),
        ),
        (
            rf"\b(?:{_MONTH_FULL})\s+{_YEAR}\b",
            0,
            "date",
            _as_written("date", "date"),
            _first_words(months),
        ),
        (rf"\b(?:{_MONTH_FULL})\b", 0, "date", _bare_month, _first_words(months)),
        (rf"{_LEFT}{_YEAR}{_END}", 0, "date", _year, _first_words(digits)),
        (
            rf"\b(?:{_alternatives(RELATIVE_DATES)})\b",
            i,
            "relative_date",
            _as_written("relative_date", "date"),
            _first_words(RELATIVE_DATES),
        ),
        (
            rf"\b(?:{_WEEKDAY})\b",
            0,
            "weekday",
            _as_written("weekday", "date"),
            _first_words(weekdays),
        ),
        (
            rf"{_LEFT}{number}(?:{_PERCENT_WORDS})",
            i,
            "share",
            _as_written("share", "percent"),
            _first_words(digits, number_words),
        ),
        (
            rf"{_LEFT}{number}\s+(?:in|out\s+of)\s+(?P<denominator>{number}){_END}",
            i,
            "share",
            _ratio,
            _first_words(digits, number_words),
        ),
        (
            rf"\b(?:{_alternatives(list(FRACTION_WORDS))})\b",
            i,
            "share",
            _fraction,
            _first_words(FRACTION_WORDS),
        ),
        (rf"(?:{_CURRENCY_SIGNS})\s?(?P<figure>{DIGIT_FIGURE}){_END}", 0, "money", _money, None),
        (
            rf"{_LEFT}(?P<figure>{figure})\s+(?:{_CURRENCY_WORDS})\b",
            i,
            "money",
            _money,
            _first_words(digits, figure_words),
        ),
        (
            rf"{_LEFT}(?:{_DIGITS}|{WORD_FIGURE}|an?|{vague})\s+"
            rf"(?P<unit>(?:{units})s?)\b(?!-)",
            i,
            "duration",
            _duration,
            _first_words(digits, figure_words, lexicon.vague_spellings),
        ),
        (
            rf"{_LEFT}(?P<figure>\d+|{WORD_NUMBER})-(?P<unit>{units})\b(?:-olds?\b)?",
            i,
            "duration",
            _compound_duration,
            _first_words(digits, number_words),
        ),
        (
            rf"{_LEFT}(?P<figure>{_DIGITS}|{WORD_NUMBER})\s+(?:{_DURATION_ADJECTIVES})"
            rf"\s+(?P<unit>(?:{units})s)\b",
            i,
            "duration",
            _compound_duration,
            _first_words(digits, number_words),
        ),
        (
            rf"\baged\s+(?:(?:{qualifier})\s+)?(?P<figure>\d+){_END}",
            i,
            "duration",
            _age,
            _first_words(["aged"]),
        ),
        (rf"\b(?:{vague})\b", i, "vague_count", _vague, _first_words(lexicon.vague_spellings)),
        (rf"{_LEFT}{DIGIT_FIGURE}{_COUNT_END}", 0, "count", _bare_count, _first_words(digits)),
        (rf"{_LEFT}{WORD_FIGURE}{_END}", i, "count", _word_count, _first_words(figure_words)),
    ]
    return tuple(
        _Way(re.compile(regex, flags), build, starts, kind, _BEGINS.get(build, 0))
        for regex, flags, kind, build, starts in table
    )


@cache
def _qualifier_regex(for_dates: bool) -> tuple[re.Pattern[str], int]:
    """Dates take only date qualifiers ("late Monday"): "more than last year" is no hedge.

    With the regex, the most words a spelling has.
    """
    spellings = [
        spelling
        for entry in load_lexicon().qualifiers
        if ("date" in entry.kinds) == for_dates
        for spelling in entry.spellings
        if spelling
    ]
    regex = re.compile(rf"(?<![\w])(?:{_alternatives(spellings)})[^\S\n]+$", re.IGNORECASE)
    return regex, max((len(spelling.split()) for spelling in spellings), default=0)


def _first_words(*spellings: Iterable[str]) -> frozenset[str] | None:
    """The words, lowercase, that matches of these spellings begin with: "a " (with a space)
    for "a few", where whitespace must follow, and ``DIGIT`` for digits.  None when a
    spelling begins with no ASCII letter or digit."""
    starts = set()
    for spelling in itertools.chain(*spellings):
        lowered = spelling.lower()
        word = re.match(r"\w*", lowered).group()
        if not (word and word.isascii()):
            return None
        spaced = lowered[len(word) : len(word) + 1] == " "
        starts.add(DIGIT if word[0].isdigit() else word + " " if spaced else word)
    return frozenset(starts)


StarterKey = tuple[str | None, str | None, str | None]
"""What the starter regex found at a word start: whether ``_LEFT`` holds there (""), the
word (None for digits), and whether whitespace follows it ("")."""


@cache
def _starter() -> tuple[re.Pattern[str], dict[StarterKey, int], tuple[tuple[int, ...], ...]]:
    """A regex for the first words at word starts of the lowercase text, the bucket of each
    thing it finds, and the ways that may begin at the places of each bucket.

    The regex matches the non-word character before the word, so that re only tries it
    there (a space leads the text), and looks ahead for the word before it checks ``_LEFT``,
    so that it checks only there.  Lowercasing keeps the length and the ``_LEFT`` classes of
    every character but İ, one of the ``ASCII_CASE_TWINS``.
    """
    words = {start.rstrip() for way in _ways() if way.starts for start in way.starts} - {DIGIT}
    word = _alternatives(words)
    regex = re.compile(
        rf"\W(?=\d|{word})(?:(?P<left>){_LEFT}|)(?:\d+|(?P<word>{word}))(?:(?P<spaced>)(?=\s))?"
    )
    ways_of = {
        ("" if left else None, None if word == DIGIT else word, "" if spaced else None): (
            _ways_at(word, spaced, left)
        )
        for word in words | {DIGIT}
        for spaced in (False, True)
        for left in (False, True)
    }
    buckets = tuple(sorted(set(ways_of.values())))
    return regex, {key: buckets.index(ways) for key, ways in ways_of.items()}, buckets


def _ways_at(word: str, spaced: bool, left: bool) -> tuple[int, ...]:
    """The ways that can begin at a word found longest there: those of all the words it begins
    with ("an" leads to "a" too), and of the spaced ones only if whitespace follows it."""
    found = word + " " if spaced else word
    return tuple(
        index
        for index, way in enumerate(_ways())
        if way.starts
        and any(found.startswith(start) for start in way.starts)
        and (left or not way.regex.pattern.startswith(_LEFT))
    )


def _places(text: str) -> list[list[int]] | None:
    """Where each way's matches can begin: the word starts that begin with one of its words.

    None when the text has a letter that ignore-case regexes fold to an ASCII one (the
    lowercase text would miss it there).  Searching only there, not at every character,
    is what makes finding mentions fast: most ways are long ignore-case alternations.
    Word starts are sorted into buckets of the same ways first, so that each costs one append.
    """
    if any(twin in text for twin in ASCII_CASE_TWINS):
        return None
    regex, bucket_of, buckets = _starter()
    starts: list[list[int]] = [[] for _ in buckets]
    for found in regex.finditer(" " + text.lower()):  # found where the word is in ``text``
        starts[bucket_of[found.groups()]].append(found.start())
    places: list[list[int]] = [[] for _ in _ways()]
    for ways, bucket in zip(buckets, starts, strict=True):
        if bucket:
            for index in ways:
                places[index] += bucket
    for way_places in places:
        way_places.sort()
    return places


def _finditer_at(regex: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """``regex.finditer(text)`` for a regex whose matches begin only at these (sorted) places."""
    matches, end, match_at = [], 0, regex.match
    for start in places:
        if start >= end and (match := match_at(text, start)) is not None:
            matches.append(match)
            end = match.end()
    return matches


Ranked = tuple[int, int, int, int, re.Match[str]]
"""A match as the overlap filter takes it: minus its length, the priority of its kind, where
it begins, and the index of its way (the order the ways were once searched in)."""


def _ranked_matches(text: str) -> list[Ranked]:
    """Every way's matches, best first: the longest, then the most specific, then the first."""
    places = _places(text)
    ranked = []
    for index, way in enumerate(_ways()):
        if places is None or way.starts is None:
            matches: Iterable[re.Match[str]] = way.regex.finditer(text)
        else:
            matches = _finditer_at(way.regex, text, places[index])
        priority, begins = _PRIORITY[way.kind], way.begins
        for match in matches:
            start = match.start(begins)
            ranked.append((start - match.end(), priority, start, index, match))
    ranked.sort()
    return ranked


def _without_overlaps(text: str, ranked: list[Ranked]) -> list[Mention]:
    """The longest reading of each stretch of text wins; at equal length, the most specific.

    A match is built only once it wins its stretch: most losers are never built.  A builder
    that turns its match down leaves the stretch to the next best.
    """
    ways, taken, chosen = _ways(), bytearray(len(text)), []
    for _, _, start, index, match in ranked:
        end = match.end()
        if taken.find(1, start, end) == -1:
            mention = ways[index].build(text, match)
            if mention is not None:
                taken[start:end] = b"\1" * (end - start)
                chosen.append(mention)
    chosen.sort(key=_START)
    return chosen


def _without_rates(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "£2,148 a year", "seven days a week": "a year" after a figure is a rate, no duration."""
    kept: list[Mention] = []
    for mention in mentions:
        between = text[kept[-1].end : mention.start] if kept else "\n"
        is_rate = _RATE.fullmatch(mention.text) and _RATE_GAP.fullmatch(between)
        if not is_rate:
            kept.append(mention)
    return kept


def _with_range_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "between 30 and 33 percent": the first figure is a share too."""
    result = list(mentions)
    for index, (first, second) in enumerate(itertools.pairwise(mentions)):
        if (
            first.kind == "count"
            and _DIGITS_ONLY.fullmatch(first.value)
            and second.kind in ("share", "duration")
            and _RANGE.fullmatch(text[first.end : second.start])
        ):
            result[index] = replace(first, kind=second.kind, unit=second.unit)
    return result


def _with_qualifier(text: str, mention: Mention) -> Mention:
    """Take in the lexicon qualifier written right before the figure, as grounding reads it."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    regex, most_words = _qualifier_regex(mention.kind in DATE_KINDS)
    start = _last_words_start(text, line_start, mention.start, most_words)
    found = regex.search(text, start, mention.start)
    if found is None:
        return mention
    spelling = " ".join(found.group().lower().split())
    start, end = found.start(), mention.end
    return Mention(start, end, text[start:end], mention.kind, mention.value, spelling, mention.unit)


def _last_words_start(text: str, start: int, end: int, count: int) -> int:
    """Where the last ``count`` words before ``end`` begin, or ``start`` if there are fewer.

    A qualifier is no longer, so its search begins there: from the start of the line, it
    tried every spelling at every character before every figure.
    """
    words = text[start:end].rsplit(None, count)
    return start + len(words[0]) if len(words) > count else start


def find_mentions(text: str) -> list[Mention]:
    """Every numeric and temporal mention of ``text``, in order, none overlapping."""
    mentions = _without_rates(text, _without_overlaps(text, _ranked_matches(text)))
    return [_with_qualifier(text, mention) for mention in _with_range_units(text, mentions)]
