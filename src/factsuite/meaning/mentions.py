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
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from factsuite.meaning.lexicon import load_lexicon
from factsuite.meaning.mention_index import StartIndex, alternatives
from factsuite.meaning.numbers import FRACTION_WORDS, SCALE_WORDS
from factsuite.meaning.qualifiers import Kinds, qualifier_before, spelling_of

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
_TIME_WORDS = ("day", "week", "month", "year")
RELATIVE_DATES = (
    *(f"{before} {unit}" for before in ("previous", "prior") for unit in _TIME_WORDS),
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
    "injured", "wounded", "pupil", "student", "teacher", "worker", "employee", "driver",
    "nurse", "doctor", "patient", "resident", "citizen", "voter", "member", "refugee",
    "migrant", "civilian", "soldier", "passenger", "victim", "officer", "volunteer", "tourist",
    "visitor", "player", "athlete", "protester", "prisoner", "survivor",
    "youngsters", "pensioners", "shoppers", "commuters", "customers", "users",
    "applicants", "candidates", "delegates", "participants", "respondents", "infants",
])
"""Nouns after a count that make its unit ``people`` rather than ``count`` (a guess)."""

_ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = frozenset(["first", "second", "third", "fourth", "fifth", "last", "final"])
_AFTER_DATE = frozenset([
    "in", "at", "on", "and", "or", "when", "while", "after", "before", "to", "from", "until",
    "the", "a", "with", "for", "as", "but", "that", "which", "by", "during", "this", "last",
])
"""Words that may follow a range of days ("March 3 and 5 in Paris"), unlike a noun, which
makes the second day a count ("on March 3 and 5 people died")."""
_FRACTION_FOLLOWERS = frozenset([
    "of", "the", "since", "in", "on", "from", "for", "by", "at", "last", "this", "than", "and",
    "or", "compared",
])
"""Words that may follow a share written as a fraction ("a third of", "half the")."""
_MONTH_PREPOSITIONS = frozenset([
    "in", "since", "until", "till", "by", "from", "of", "before", "after", "during", "through",
    "throughout", "to", "early", "late", "mid", "last", "next", "this", "as", "for",
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
_AGED = re.compile(r"\baged\s+(?:between\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)


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


Builder = Callable[[str, re.Match[str], str], Mention | None]
"""Makes a mention of the kind from a match in the text, or turns the match down (None)."""


@dataclass(frozen=True)
class Pattern:
    """One way a mention is written: the kind it makes, its regex, and its builder."""

    kind: str
    regex: re.Pattern[str]
    build: Builder
    begins: int | str = 0
    """The group where its mentions begin ("aged 62" begins at the figure)."""


def _rule(
    kind: str, regex: str, build: Builder, *, ignore_case: bool = False, begins: int | str = 0
) -> Pattern:
    return Pattern(kind, re.compile(regex, re.IGNORECASE if ignore_case else 0), build, begins)


_ONE_TO_NINE = alternatives(_ONES[:9])
WORD_NUMBER = (
    rf"(?:(?:{alternatives(_TENS)})(?:-(?:{_ONE_TO_NINE}))?|{alternatives(_ONES)})"
    r"(?:\s+hundred)?"
)
_FULL_SCALE = alternatives([word for word in SCALE_WORDS if len(word) > 2])
_GLUED_SCALE = alternatives([word for word in SCALE_WORDS if len(word) <= 2])
_DIGITS = r"(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
"""Digits, atomic: every pattern rejects a digit or a decimal part after them, so re need
not give back what they took, as it did digit by digit."""
DIGIT_FIGURE = rf"(?:{_DIGITS})(?:(?:{_GLUED_SCALE})(?![\w])|\s+(?:{_FULL_SCALE})\b)?"
WORD_FIGURE = (
    rf"(?:(?:{WORD_NUMBER})(?:\s+(?:{_FULL_SCALE}))?"
    rf"|an?\s+(?:hundred(?:\s+(?:{_FULL_SCALE}))?|{_FULL_SCALE})|a\s+dozen)"
)
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
_DAY_TO = r"(?:\s*[-–]\s*|\s+(?:to|and|through|until)\s+)"
"""Between the days of a range: "3-5", "3 to 5", "3 and 5"."""
_YEAR_ONLY = re.compile(_YEAR)
_MULTIPLIED = (
    r"as|the|a|an|its|their|his|her|our|that|this|those|these|what|more|less|over|per|"
    r"daily|weekly|monthly|yearly|annually|higher|lower|faster|larger|bigger|greater"
)
"""After "twice", words that make it a multiplier or a rate: "twice as likely", "twice the
size", "twice its capacity", "twice a week"."""
_NOT_A_WHOLE = (
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|games?|matches|"
    r"percent|per|thousand|million|billion|miles?|kilometres?|kilometers?|km|metres?|meters?"
)
"""After "one goal in three", words that make the last figure a measure, not the whole of a
share: "one goal in three games" is a rate, "two deaths in 24 hours" no share."""
_YEAR_RANGE_END = re.compile(rf"\b{_YEAR}[-–]$")
_TIME_UNITS = {
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "decade": "years",
}
_ORDINAL_WORDS = "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
"""Ordinals before "straight week" and the like; in digits ("3rd straight week") they are
rare, and a pattern that begins with a digit is tried at every number."""
_IN_A_ROW = "straight|consecutive|successive|running"
_CURRENCY_SIGNS = r"US\$|\$|€|£|¥"
_CURRENCY_WORDS = (
    r"(?:(?-i:[A-Z][\w.]*)\s+){0,2}"
    r"(?:dollars?|euros?|pounds|yen|yuan|renminbi|crowns|kronor|kroner|kronur|korun[ay]?"
    r"|francs|rupees|rupiah|pesos|reais|rand|roubles|rubles|zloty|forints|forint|lira|lire"
    r"|shekels|dirhams|riyals|dinars|naira|shillings|ringgit|baht|hryvnias?)"
)
"""Currency names written after the figure, with up to two capitalised words before them
("2,000 Swiss francs", "100 Hong Kong dollars").  "pound" alone is left out ("a 500-pound
bomb" weighs), and so is "won" ("the party 3 won")."""
_PERCENT_WORDS = r"%|\s*(?:percent|per\s+cent|percentage\s+points|pct)\b"


def _mention(match: re.Match[str], kind: str, value: str, unit: str) -> Mention:
    return Mention(match.start(), match.end(), match.group(), kind, value, "", unit)


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _words_after(text: str, end: int, count: int = 3) -> list[str]:
    """The next few words of the same clause (a punctuation mark ends it)."""
    clause = _CLAUSE.match(text, end, end + 60)
    return _WORD.findall(clause.group() if clause else "")[:count]


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


def _bare_count(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """Digits not in a name, a time of day or the tail of a year range ("2021-22").

    Digits grouped in thousands are a figure even after a capitalised word: names number
    their things plainly (Category 4, Boeing 737), while "those in Wales 77,000" was taken
    for a name, drafted as nothing and left out of ``coverage``: a figure no check saw."""
    named = "," not in match.group() and _is_name(text, match.start())
    if named or _TIME_OF_DAY.match(text, match.end()):
        return None
    if _YEAR_RANGE_END.search(text[max(0, match.start() - 5) : match.start()]):
        return None
    return _mention(match, kind, match.group(), _unit_of_count(text, match.end()))


def _word_count(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """Number words are counts; "one" only before a person ("one firefighter")."""
    if match.group().lower() == "one":
        following = _words_after(text, match.end(), 1)
        if not following or following[0].lower() not in PEOPLE_NOUNS:
            return None
    return _mention(match, kind, match.group(), _unit_of_count(text, match.end()))


def _year(text: str, match: re.Match[str], kind: str) -> Mention | None:
    if _is_name(text, match.start()) or _unit_of_count(text, match.end()) == "people":
        return None
    return _mention(match, kind, match.group(), "date")


def _bare_month(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """A month on its own is a date after a temporal word: "since September", "mid-June"."""
    if _word_before(text, match.start()).lower().rstrip("-") not in _MONTH_PREPOSITIONS:
        return None
    return _mention(match, kind, match.group(), "date")


def _fraction(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """ "a third of", "nearly half": not "the second half", "a third term", "half an hour"."""
    before = _word_before(text, match.start()).lower()
    after = _words_after(text, match.end(), 1)
    if before in _ORDINALS or before == "and" or text[match.end() : match.end() + 1] == "-":
        return None
    if after and after[0].lower() not in _FRACTION_FOLLOWERS:
        return None
    return _mention(match, kind, match.group(), "percent")


def _vague(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """Lexicon vague counts, but not "as many as" or "how many"."""
    before = _word_before(text, match.start()).lower()
    if before == "how" or (before == "as" and _AS.match(text, match.end())):
        return None
    return _mention(match, kind, match.group(), _unit_of_count(text, match.end()))


def _duration(text: str, match: re.Match[str], kind: str) -> Mention | None:
    unit = _TIME_UNITS[match.group("unit").lower().removesuffix("s")]
    return _mention(match, kind, match.group(), unit)


def _compound_duration(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """ "a five-day strike", "four consecutive months": the figure alone is the value."""
    unit = _TIME_UNITS[match.group("unit").lower().removesuffix("s")]
    return _mention(match, kind, match.group("figure"), unit)


def _age(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """ "aged 62": a duration in years; the span starts at the figure (or its qualifier)."""
    figure = match.start("figure")
    value = match.group("figure")
    return Mention(figure, match.end(), value, kind, value, "", "years")


def _money(text: str, match: re.Match[str], kind: str) -> Mention | None:
    return _mention(match, kind, match.group("figure"), "money")


def _ratio(text: str, match: re.Match[str], kind: str) -> Mention | None:
    """ "nine in 10", "one out of five"; never "1 in 2019"."""
    if _YEAR_ONLY.fullmatch(match.group("denominator")):
        return None
    return _mention(match, kind, match.group(), "percent")


def _as_written(unit: str) -> Builder:
    """The match is the value, in this unit."""
    return lambda text, match, kind: _mention(match, kind, match.group(), unit)


@cache
def grammar() -> tuple[Pattern, ...]:
    """Every way a mention is written, and how a match becomes one (or is turned down).

    The order breaks no ties that matter: overlaps are settled by length, then by kind
    (``_PRIORITY``), then by position; the index is the last resort.
    """
    lexicon = load_lexicon()
    vague = alternatives(lexicon.vague_spellings)
    number = rf"(?:{_DIGITS}|{WORD_NUMBER})"
    figure = rf"(?:{DIGIT_FIGURE}|{WORD_FIGURE})"
    qualifier = alternatives([s for s in lexicon.qualifier_spellings if s])
    units = "|".join(_TIME_UNITS)
    weekday_first = rf"(?:(?:{_WEEKDAY}),?\s+)?"
    after_days = "|".join(_AFTER_DATE)
    days_to = rf"(?:{_DAY_TO}{_DAY}\b(?![^\S\n]+(?!(?:{after_days})\b)[a-z]))?"
    return (
        # February 24, Thursday, Feb. 24, 2022; March 3 and 5 (a range of days)
        _rule(
            "date",
            rf"\b{weekday_first}{_MONTH}\s+{_DAY}\b{days_to}(?:,?\s+{_YEAR}\b)?",
            _as_written("date"),
        ),
        # 24 February 2022; 3-5 March
        _rule(
            "date",
            rf"\b{weekday_first}{_DAY}{days_to}\s+{_MONTH}(?:\s+{_YEAR})?\b",
            _as_written("date"),
        ),
        # March 2022; since September; 2014
        _rule("date", rf"\b(?:{_MONTH_FULL})\s+{_YEAR}\b", _as_written("date")),
        _rule("date", rf"\b(?:{_MONTH_FULL})\b", _bare_month),
        _rule("date", rf"{_LEFT}{_YEAR}{_END}", _year),
        # earlier this month; Tuesday
        _rule(
            "relative_date",
            rf"\b(?:{alternatives(RELATIVE_DATES)})\b",
            _as_written("date"),
            ignore_case=True,
        ),
        _rule("weekday", rf"\b(?:{_WEEKDAY})\b", _as_written("date")),
        # 90 percent; nine in 10; a quarter
        _rule(
            "share",
            rf"{_LEFT}{number}(?:{_PERCENT_WORDS})",
            _as_written("percent"),
            ignore_case=True,
        ),
        _rule(
            "share",
            rf"{_LEFT}{number}\s+(?:in|out\s+of)\s+(?P<denominator>{number}){_END}",
            _ratio,
            ignore_case=True,
        ),
        # one visit in eight: a noun between, the numerator a word ("20 deaths in 24
        # hours" is no share), and no unit of time or measure after the denominator
        _rule(
            "share",
            rf"{_LEFT}(?:{_ONE_TO_NINE})(?:\s+[a-z][a-z'’-]*){{1,2}}?\s+(?:in|out\s+of)\s+"
            rf"(?P<denominator>{number}){_END}(?!\s+(?:{_NOT_A_WHOLE})\b)",
            _ratio,
            ignore_case=True,
        ),
        _rule(
            "share",
            rf"\b(?:{alternatives(list(FRACTION_WORDS))})\b",
            _fraction,
            ignore_case=True,
        ),
        # £3,100; 21 million dollars
        _rule("money", rf"(?:{_CURRENCY_SIGNS})\s?(?P<figure>{DIGIT_FIGURE}){_END}", _money),
        _rule(
            "money",
            rf"{_LEFT}(?P<figure>{figure})\s+(?:{_CURRENCY_WORDS})\b",
            _money,
            ignore_case=True,
        ),
        # five days; a month; many days
        _rule(
            "duration",
            rf"{_LEFT}(?:{_DIGITS}|{WORD_FIGURE}|an?|{vague})\s+(?P<unit>(?:{units})s?)\b(?!-)",
            _duration,
            ignore_case=True,
        ),
        # a five-day strike; 62-year-olds; four consecutive months; aged 62
        _rule(
            "duration",
            rf"{_LEFT}(?P<figure>\d+|{WORD_NUMBER})-(?P<unit>{units})\b(?:-olds?\b)?",
            _compound_duration,
            ignore_case=True,
        ),
        _rule(
            "duration",
            rf"{_LEFT}(?P<figure>{_DIGITS}|{WORD_NUMBER})\s+(?:{_DURATION_ADJECTIVES})"
            rf"\s+(?P<unit>(?:{units})s)\b",
            _compound_duration,
            ignore_case=True,
        ),
        # a month-long strike; a decade-long war; a third straight week
        _rule(
            "duration",
            rf"\b(?P<figure>(?P<unit>{units}))-long\b",
            _compound_duration,
            ignore_case=True,
        ),
        _rule(
            "duration",
            rf"\b(?P<figure>{_ORDINAL_WORDS})\s+(?:{_IN_A_ROW})"
            rf"\s+(?P<unit>{units})\b",
            _compound_duration,
            ignore_case=True,
        ),
        _rule(
            "duration",
            rf"\baged\s+(?:between\s+)?(?:(?:{qualifier})\s+)?(?P<figure>\d+){_END}",
            _age,
            ignore_case=True,
            begins="figure",
        ),
        # several; hundreds of
        _rule("vague_count", rf"\b(?:{vague})\b", _vague, ignore_case=True),
        # 3.5 million; 1,500; eight
        _rule("count", rf"{_LEFT}{DIGIT_FIGURE}{_COUNT_END}", _bare_count),
        _rule("count", rf"{_LEFT}{WORD_FIGURE}{_END}", _word_count, ignore_case=True),
        # twice; thrice: a count of events, not a multiplier ("twice as likely", "nearly
        # twice its capacity") nor a rate ("twice a week")
        _rule(
            "count",
            rf"\b(?:twice|thrice)\b(?!\s+(?:{_MULTIPLIED})\b|-)",
            _as_written("count"),
            ignore_case=True,
        ),
    )


@cache
def _index() -> StartIndex:
    return StartIndex([pattern.regex for pattern in grammar()], left=_LEFT)


Ranked = tuple[int, int, int, int, re.Match[str]]
"""A match as the overlap filter takes it: minus its length, the priority of its kind, where
it begins, and the index of its pattern in the grammar."""


def _ranked_matches(text: str) -> list[Ranked]:
    """Every pattern's matches, best first: the longest, then the most specific, then the
    first."""
    ranked = []
    for index, (pattern, matches) in enumerate(zip(grammar(), _index().matches(text), strict=True)):
        priority, begins = _PRIORITY[pattern.kind], pattern.begins
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
    patterns, taken, chosen = grammar(), bytearray(len(text)), []
    for _, _, start, index, match in ranked:
        end = match.end()
        if taken.find(1, start, end) == -1:
            pattern = patterns[index]
            mention = pattern.build(text, match, pattern.kind)
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
    """ "between 30 and 33 percent": the first figure is a share too; "between 15 million
    and 20 million euros" money too; "aged 16 to 65": the second figure is an age too (a
    duration whose value is the bare figure)."""
    result = list(mentions)
    for index, (first, second) in enumerate(itertools.pairwise(mentions)):
        if not _RANGE.fullmatch(text[first.end : second.start]):
            continue
        if (
            first.kind == "count"
            and _DIGITS_ONLY.fullmatch(first.value)
            and second.kind in ("share", "duration")
        ) or (first.kind == "count" and second.kind == "money"):
            result[index] = replace(first, kind=second.kind, unit=second.unit)
        elif (
            first.kind == "duration"
            and first.unit == "years"
            and _DIGITS_ONLY.fullmatch(first.value)
            and _AGED.search(text, 0, first.start)
            and second.kind == "count"
            and _DIGITS_ONLY.fullmatch(second.value)
        ):
            result[index + 1] = replace(second, kind="duration", unit="years")
    return result


def _with_qualifier(text: str, mention: Mention) -> Mention:
    """Take in the lexicon qualifier written right before the figure, as grounding reads it."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    kinds: Kinds = "date" if mention.kind in DATE_KINDS else "figure"
    start = qualifier_before(text, mention.start, line_start, kinds)
    if start is None:
        return mention
    spelling = spelling_of(text[start : mention.start])
    entry = load_lexicon().qualifier(spelling)
    if entry is not None and not entry.name:
        return mention  # "rose to 26 percent": a verb that hedges nothing
    end = mention.end
    return Mention(start, end, text[start:end], mention.kind, mention.value, spelling, mention.unit)


def find_mentions(text: str) -> list[Mention]:
    """Every numeric and temporal mention of ``text``, in order, none overlapping."""
    mentions = _without_rates(text, _without_overlaps(text, _ranked_matches(text)))
    return [_with_qualifier(text, mention) for mention in _with_range_units(text, mentions)]
