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
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from factsuite.lexicon import load_lexicon
from factsuite.numbers import FRACTION_WORDS, SCALE_WORDS

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
_RATE = re.compile(r"an?\s+(?:day|week|month|year)", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:to|and|-|–)\s*")


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


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation, longest first, with inner spaces matching any whitespace."""
    escaped = (re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


_ONE_TO_NINE = _alternatives(_ONES[:9])
WORD_NUMBER = (
    rf"(?:(?:{_alternatives(_TENS)})(?:-(?:{_ONE_TO_NINE}))?|{_alternatives(_ONES)})"
    r"(?:\s+hundred)?"
)
_FULL_SCALE = _alternatives([word for word in SCALE_WORDS if len(word) > 2])
_GLUED_SCALE = _alternatives([word for word in SCALE_WORDS if len(word) <= 2])
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
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
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TIME_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_CURRENCY_SIGNS = r"US\$|\$|€|£|¥"
_CURRENCY_WORDS = r"dollars|euros|pounds|yen"
_PERCENT_WORDS = r"%|\s*(?:percent|per\s+cent|percentage\s+points|pct)\b"


def _mention(match: re.Match[str], kind: str, value: str, unit: str) -> Mention:
    return Mention(match.start(), match.end(), match.group(), kind, value, "", unit)


def _word_before(text: str, start: int) -> str:
    found = re.search(r"([\w'’-]+)[ \t]*$", text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _words_after(text: str, end: int, count: int = 3) -> list[str]:
    """The next few words of the same clause (a punctuation mark ends it)."""
    clause = re.match(r"[^\n.,;:!?()\"“”]*", text[end : end + 60]).group()
    return re.findall(r"[\w'’-]+", clause)[:count]


def _unit_of_count(text: str, end: int) -> str:
    """people when a person noun or a demonym ("Ukrainians") follows, else count."""
    for word in _words_after(text, end):
        if word.lower() in PEOPLE_NOUNS or re.fullmatch(r"[A-Z][a-z]+(?:ans|ians)", word):
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
    found = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[window:start])
    if found is None:
        return False
    word = found.group(1)
    if word.lower() in _MONTH_PREPOSITIONS or word in calendar.month_name:
        return False
    return word not in calendar.day_name and not _starts_sentence(text, window + found.start(1))


def _bare_count(text: str, match: re.Match[str]) -> Mention | None:
    """Digits not in a name, a time of day or the tail of a year range ("2021-22")."""
    if _is_name(text, match.start()) or _TIME_OF_DAY.match(text, match.end()):
        return None
    if re.search(rf"\b{_YEAR}[-–]$", text[max(0, match.start() - 5) : match.start()]):
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
    if before == "how" or (before == "as" and re.match(r"\s+as\b", text[match.end() :])):
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


def _money(text: str, match: re.Match[str]) -> Mention | None:
    return _mention(match, "money", match.group("figure"), "money")


def _ratio(text: str, match: re.Match[str]) -> Mention | None:
    """ "nine in 10", "one out of five"; never "1 in 2019"."""
    if re.fullmatch(_YEAR, match.group("denominator")):
        return None
    return _mention(match, "share", match.group(), "percent")


def _as_written(kind: str, unit: str) -> Builder:
    return lambda text, match: _mention(match, kind, match.group(), unit)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], Builder], ...]:
    """Every way a mention is written, and how a match becomes one (or is turned down)."""
    lexicon = load_lexicon()
    vague = _alternatives(lexicon.vague_spellings)
    number = rf"(?:{_DIGITS}|{WORD_NUMBER})"
    figure = rf"(?:{DIGIT_FIGURE}|{WORD_FIGURE})"
    qualifier = _alternatives([s for s in lexicon.qualifier_spellings if s])
    units = "|".join(_TIME_UNITS)
    i = re.IGNORECASE
    table: list[tuple[str, int, Builder]] = [
        (
            rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
            0,
            _as_written("date", "date"),
        ),
        (
            rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?\b",
            0,
            _as_written("date", "date"),
        ),
        (rf"\b(?:{_MONTH_FULL})\s+{_YEAR}\b", 0, _as_written("date", "date")),
        (rf"\b(?:{_MONTH_FULL})\b", 0, _bare_month),
        (rf"{_LEFT}{_YEAR}{_END}", 0, _year),
        (
            rf"\b(?:{_alternatives(RELATIVE_DATES)})\b",
            i,
            _as_written("relative_date", "date"),
        ),
        (rf"\b(?:{_WEEKDAY})\b", 0, _as_written("weekday", "date")),
        (rf"{_LEFT}{number}(?:{_PERCENT_WORDS})", i, _as_written("share", "percent")),
        (
            rf"{_LEFT}{number}\s+(?:in|out\s+of)\s+(?P<denominator>{number}){_END}",
            i,
            _ratio,
        ),
        (rf"\b(?:{_alternatives(list(FRACTION_WORDS))})\b", i, _fraction),
        (rf"(?:{_CURRENCY_SIGNS})\s?(?P<figure>{DIGIT_FIGURE}){_END}", 0, _money),
        (rf"{_LEFT}(?P<figure>{figure})\s+(?:{_CURRENCY_WORDS})\b", i, _money),
        (
            rf"{_LEFT}(?:{_DIGITS}|{WORD_FIGURE}|an?|{vague})\s+"
            rf"(?P<unit>(?:{units})s?)\b(?!-)",
            i,
            _duration,
        ),
        (
            rf"{_LEFT}(?P<figure>\d+|{WORD_NUMBER})-(?P<unit>{units})\b(?:-olds?\b)?",
            i,
            _compound_duration,
        ),
        (
            rf"{_LEFT}(?P<figure>{_DIGITS}|{WORD_NUMBER})\s+(?:{_DURATION_ADJECTIVES})"
            rf"\s+(?P<unit>(?:{units})s)\b",
            i,
            _compound_duration,
        ),
        (rf"\baged\s+(?:(?:{qualifier})\s+)?(?P<figure>\d+){_END}", i, _age),
        (rf"\b(?:{vague})\b", i, _vague),
        (rf"{_LEFT}{DIGIT_FIGURE}{_COUNT_END}", 0, _bare_count),
        (rf"{_LEFT}{WORD_FIGURE}{_END}", i, _word_count),
    ]
    return tuple((re.compile(regex, flags), build) for regex, flags, build in table)


@cache
def _qualifier_regex(for_dates: bool) -> re.Pattern[str]:
    """Dates take only date qualifiers ("late Monday"): "more than last year" is no hedge."""
    spellings = [
        spelling
        for entry in load_lexicon().qualifiers
        if ("date" in entry.kinds) == for_dates
        for spelling in entry.spellings
        if spelling
    ]
    return re.compile(rf"(?<![\w])(?:{_alternatives(spellings)})[^\S\n]+$", re.IGNORECASE)


def _candidates(text: str) -> Iterator[Mention]:
    for regex, build in _patterns():
        for match in regex.finditer(text):
            mention = build(text, match)
            if mention is not None:
                yield mention


def _without_overlaps(candidates: Iterator[Mention]) -> list[Mention]:
    """The longest reading of each stretch of text wins; at equal length, the most specific."""
    ranked = sorted(candidates, key=lambda m: (m.start - m.end, _PRIORITY[m.kind], m.start))
    chosen: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _without_rates(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "£2,148 a year", "seven days a week": "a year" after a figure is a rate, no duration."""
    kept: list[Mention] = []
    for mention in mentions:
        between = text[kept[-1].end : mention.start] if kept else "\n"
        is_rate = _RATE.fullmatch(mention.text) and re.fullmatch(
            r"[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}", between
        )
        if not is_rate:
            kept.append(mention)
    return kept


def _with_range_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "between 30 and 33 percent": the first figure is a share too."""
    result = list(mentions)
    for index, (first, second) in enumerate(itertools.pairwise(mentions)):
        if (
            first.kind == "count"
            and re.fullmatch(r"[\d,.]+", first.value)
            and second.kind in ("share", "duration")
            and _RANGE.fullmatch(text[first.end : second.start])
        ):
            result[index] = replace(first, kind=second.kind, unit=second.unit)
    return result


def _with_qualifier(text: str, mention: Mention) -> Mention:
    """Take in the lexicon qualifier written right before the figure, as grounding reads it."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    found = _qualifier_regex(mention.kind in DATE_KINDS).search(text, line_start, mention.start)
    if found is None:
        return mention
    spelling = " ".join(found.group().lower().split())
    start = found.start()
    return replace(mention, start=start, text=text[start : mention.end], qualifier=spelling)


def find_mentions(text: str) -> list[Mention]:
    """Every numeric and temporal mention of ``text``, in order, none overlapping."""
    mentions = _without_rates(text, _without_overlaps(_candidates(text)))
    return [_with_qualifier(text, mention) for mention in _with_range_units(text, mentions)]
