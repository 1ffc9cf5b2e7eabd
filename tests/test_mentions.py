"""Finding every numeric and temporal mention: measured on hand-labelled articles, pinned by
examples of what is and is not a mention, and checked by rendering figures into sentences.
"""

from __future__ import annotations

import calendar
import importlib.util
import re
import sys
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.meaning import mentions
from factsuite.meaning.dates import parse_date
from factsuite.meaning.lexicon import load_lexicon
from factsuite.meaning.mention_index import DIGIT, alternatives, first_words
from factsuite.meaning.mentions import DATE_KINDS, KINDS, RELATIVE_DATES, Mention, find_mentions
from factsuite.meaning.numbers import FRACTION_WORDS, Quantity, parse_figure
from factsuite.meaning.qualifiers import _matcher

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=150, deadline=None)


def _load_score_script():
    spec = importlib.util.spec_from_file_location(
        "extraction_score", ROOT / "scripts" / "extraction_score.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


score = _load_score_script()
SCORES = score.score_folder()


def _found(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(m.text, m.kind, m.value, m.qualifier, m.unit) for m in find_mentions(text)]


def test_the_labelled_set_is_large_enough() -> None:
    assert len(SCORES) >= 6
    assert "kremlin-talks" in {s.name for s in SCORES}
    kinds = {label.kind for s in SCORES for label in s.labels}
    assert kinds == set(KINDS)


def test_recall_and_precision_meet_the_thresholds() -> None:
    report = score.report(SCORES, verbose=True)
    assert score.recall(SCORES) >= score.MIN_RECALL, report
    assert score.precision(SCORES) >= score.MIN_PRECISION, report


def _reads(value: str, kind: str, unit: str, published: date) -> None:
    if kind in DATE_KINDS:
        parse_date(value, published)
    else:
        parse_figure(value, unit)


@pytest.mark.parametrize("article", SCORES, ids=lambda s: s.name)
def test_every_found_mention_reads_with_the_parsers(article) -> None:
    lexicon = load_lexicon()
    for mention in article.found:
        assert article.text[mention.start : mention.end] == mention.text
        assert mention.value.lower() in mention.text.lower()
        assert mention.kind in KINDS
        assert mention.unit in lexicon.units
        assert mention.qualifier == "" or lexicon.qualifier(mention.qualifier) is not None
        _reads(mention.value, mention.kind, mention.unit, article.published)


@pytest.mark.parametrize("article", SCORES, ids=lambda s: s.name)
def test_every_label_reads_with_the_parsers(article) -> None:
    """The labels are claims' values too: a label the parsers cannot read is mislabelled."""
    for label in article.labels:
        _reads(label.value, label.kind, label.unit, article.published)


def test_the_seed_article_is_found_whole() -> None:
    seed = next(s for s in SCORES if s.name == "kremlin-talks")
    assert seed.misses == []
    assert seed.false_finds == []


def test_relative_dates_are_the_ones_the_date_parser_resolves() -> None:
    for phrase in RELATIVE_DATES:
        parse_date(phrase, date(2022, 3, 22))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "forced more than 3.5 million people to flee",
            [("more than 3.5 million", "count", "3.5 million", "more than", "people")],
        ),
        (
            "Women and children account for some 90 percent of those",
            [("some 90 percent", "share", "90 percent", "some", "percent")],
        ),
        ("Nine in 10 councils agree", [("Nine in 10", "share", "Nine in 10", "", "percent")]),
        ("nearly half of them", [("nearly half", "share", "half", "nearly", "percent")]),
        ("a £1.2bn budget", [("£1.2bn", "money", "1.2bn", "", "money")]),
        ("worth 40 million euros", [("40 million euros", "money", "40 million", "", "money")]),
        ("On February 24, Putin", [("February 24", "date", "February 24", "", "date")]),
        (
            "on Tuesday, March 5, 2024, they",
            [("Tuesday, March 5, 2024", "date", "Tuesday, March 5, 2024", "", "date")],
        ),
        ("since September, when", [("September", "date", "September", "", "date")]),
        ("Late Monday, he said", [("Late Monday", "weekday", "Monday", "late", "date")]),
        ("in Sunday's election", [("Sunday", "weekday", "Sunday", "", "date")]),
        (
            "to end almost a month of conflict",
            [("almost a month", "duration", "a month", "almost", "months")],
        ),
        ("a 41-year-old man", [("41-year-old", "duration", "41", "", "years")]),
        ("a driver, aged 62, was", [("62", "duration", "62", "", "years")]),
        (
            "for four consecutive months",
            [("four consecutive months", "duration", "four", "", "months")],
        ),
        (
            "The Kremlin said earlier this month",
            [("earlier this month", "relative_date", "earlier this month", "", "date")],
        ),
        ("after several rounds of talks", [("several", "vague_count", "several", "", "count")]),
        ("Dozens of residents", [("Dozens of", "vague_count", "Dozens of", "", "people")]),
        (
            "between 30 and 33 percent",
            [
                ("30", "share", "30", "", "percent"),
                ("33 percent", "share", "33 percent", "", "percent"),
            ],
        ),
        ("the 20-mile mark", [("20", "count", "20", "", "count")]),
        ("one firefighter was hurt", [("one", "count", "one", "", "people")]),
        ("Forty-one people", [("Forty-one", "count", "Forty-one", "", "people")]),
    ],
)
def test_what_is_a_mention(text: str, expected: list[tuple[str, ...]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One of the officials said in a statement that the UN had been told.",
        "It was the first time, and a second vote followed in the third round.",
        "COVID-19 cases rose in the G7 and in Category 4 areas.",
        "Polls opened at 7 a.m. and closed at 9 p.m.; the count began at 10:30.",
        "Prices were lower in the 1990s, and a man in his 80s agreed.",
        "How many came is unclear, and as many as stayed were fed.",
        "He scored in the second half and won a third term.",
        "Results are due next week; talks will resume within days.",
        "Clearing opened at 8am with one-off grants for all.",
    ],
)
def test_what_is_not_a_mention(text: str) -> None:
    assert _found(text) == []


def test_a_figure_grouped_in_thousands_after_a_name_is_a_mention() -> None:
    """A first-time writer's "those in Wales 77,000" was read as a name like "Category 4"."""
    text = "Those in Scotland numbered 410,000 and those in Wales 77,000, while others flew."
    assert [mention.text for mention in find_mentions(text)] == ["410,000", "77,000"]
    assert find_mentions("They flew a Boeing 737 into Category 4 winds.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("pays £2,148 a year", "2,148"),
        ("open seven days a week", "seven days"),
        ("1.1 million journeys a day", "1.1 million"),
    ],
)
def test_a_rate_is_not_a_duration(text: str, value: str) -> None:
    assert [m.value for m in find_mentions(text)] == [value]


def test_a_date_takes_no_count_qualifier() -> None:
    """ "£14.2 million more than last year": "more than" hedges no date."""
    last = find_mentions("got £14.2 million more than last year")[-1]
    assert (last.text, last.qualifier) == ("last year", "")


# Rendering figures into sentences, as editors write them.

# fmt: off
ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on
QUALIFIERS = sorted(
    spelling
    for entry in load_lexicon().qualifiers
    if not entry.kinds
    for spelling in entry.spellings
    if spelling
)
PUBLISHED = date(2023, 6, 15)


def words(n: int) -> str:
    """2-99 as an editor spells it: "twenty-five", "forty", "seven"."""
    if n < 20:
        return ONES[n - 1]
    tens, ones = divmod(n, 10)
    return TENS[tens - 2] + (f"-{ONES[ones - 1]}" if ones else "")


def _only(text: str) -> Mention:
    mentions = find_mentions(text)
    assert len(mentions) == 1, (text, mentions)
    return mentions[0]


digits = st.integers(2, 9_999_999).map(lambda n: f"{n:,}" if n % 2 else str(n))
scaled = st.builds(
    lambda whole, tenth, scale: f"{whole}.{tenth} {scale}" if tenth else f"{whole} {scale}",
    st.integers(1, 999),
    st.integers(0, 9),
    st.sampled_from(["thousand", "million", "billion"]),
)
spelled = st.integers(2, 99).map(words)


@SETTINGS
@given(figure=st.one_of(digits, scaled, spelled), qualifier=st.sampled_from(["", *QUALIFIERS]))
def test_a_count_in_a_sentence_is_found(figure: str, qualifier: str) -> None:
    phrase = f"{qualifier} {figure}".strip()
    mention = _only(f"Officials said that {phrase} people had been affected.")
    if not load_lexicon().qualifier(qualifier).name:  # "rose to 500": a verb, no hedge
        phrase, qualifier = figure, ""
    assert (mention.kind, mention.value, mention.qualifier) == ("count", figure, qualifier)
    assert (mention.text, mention.unit) == (phrase, "people")
    assert isinstance(parse_figure(mention.value, mention.unit), Quantity)


@SETTINGS
@given(
    number=st.one_of(
        st.integers(0, 100).map(str),
        st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99), st.integers(1, 9)),
    ),
    sign=st.sampled_from(["%", " percent", " per cent"]),
)
def test_a_percentage_in_a_sentence_is_found(number: str, sign: str) -> None:
    mention = _only(f"Turnout reached {number}{sign} in the capital.")
    assert (mention.kind, mention.value, mention.unit) == ("share", f"{number}{sign}", "percent")
    figure = parse_figure(mention.value, mention.unit)
    assert isinstance(figure, Quantity)
    assert figure.value == Fraction(number)


@SETTINGS
@given(
    day=st.integers(-150, 0).map(lambda offset: PUBLISHED + timedelta(days=offset)),
    style=st.sampled_from(["{m} {d}", "{d} {m} {y}", "{m} {d}, {y}", "{m} {d}th"]),
)
def test_a_date_in_a_sentence_is_found(day: date, style: str) -> None:
    """A past date ("signed on"): the occurrence on or before publication (#14)."""
    month = day.strftime("%B")
    written = style.format(m=month, d=day.day, y=day.year)
    if written.endswith("th") and day.day in (1, 2, 3, 21, 22, 23, 31):
        written = f"{month} {day.day}"
    mention = _only(f"The agreement was signed on {written}, officials said.")
    assert (mention.kind, mention.value, mention.unit) == ("date", written, "date")
    assert day in parse_date(mention.value, PUBLISHED)


@SETTINGS
@given(
    figure=st.one_of(st.integers(2, 99).map(str), st.integers(2, 19).map(words)),
    unit=st.sampled_from(["days", "weeks", "months", "years"]),
)
def test_a_duration_in_a_sentence_is_found(figure: str, unit: str) -> None:
    mention = _only(f"The talks lasted {figure} {unit} before they collapsed.")
    assert (mention.kind, mention.value, mention.unit) == ("duration", f"{figure} {unit}", unit)
    parse_figure(mention.value, mention.unit)


def test_the_script_fails_below_the_thresholds(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks resume next week, after two days of rest.\n", "utf-8")
    (tmp_path / "a.labels.yaml").write_text(
        "published: 2024-01-22\nmentions:\n"
        "  - {text: next week, kind: relative_date, value: next week, qualifier: '', unit: date}\n"
        "  - {text: two days, kind: duration, value: two days, qualifier: '', unit: days}\n",
        "utf-8",
    )
    assert score.main([str(tmp_path)]) == 1


# Searching only where a mention can begin finds what searching everywhere finds: each way
# of writing a mention is tried at the word starts that begin with one of its first words.

FRAGMENTS = [
    *ONES,
    *TENS,
    *RELATIVE_DATES,
    *calendar.day_name,
    *calendar.month_name[1:],
    *FRACTION_WORDS,
    *load_lexicon().vague_spellings,
    *QUALIFIERS,
    *("Jan.", "Sept.", "Feb", "Apr", "a", "an", "aged", "percent", "per cent", "pct", "%"),
    *("in", "out of", "dollars", "euros", "$", "US$", "€", "£", "day", "weeks", "month"),
    *("years", "consecutive", "hundred", "thousand", "million", "m", "bn", "a dozen", "and"),
    *("to", "–", "people", "Ukrainians", "Category", "as", "how", "first", "the", "said"),
    *("on", "late", "p.m.", ":30", "-year-old", "COVID-19", "fivepercent", "sixty-five"),
    *("ſix", "\u212a", "\u0130", "ı", "1,500", "3.5", "2022", "1999", "2021", "٣"),
    *("decade", "decades", "-long", "straight", "third", "3rd", "previous", "prior", "aged"),
    *("between", "through", "rose to", "went up to", "exceeded", "millions", "for", "people"),
]
"""Words of every way, digits, and letters that ignore-case regexes fold to ASCII ones."""
fragments = st.one_of(st.sampled_from(FRAGMENTS), st.integers(0, 3000).map(str))
cased = st.tuples(fragments, st.sampled_from([str, str.upper, str.capitalize])).map(
    lambda pair: pair[1](pair[0])
)
separators = st.sampled_from([" ", " ", "  ", "\t", "\n", ", ", ". ", "-", "", " (", "’", "/"])
texts = st.lists(st.tuples(cased, separators), max_size=25).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)


def _matched_everywhere(text: str) -> list[tuple[int, tuple[int, int], tuple[str | None, ...]]]:
    return sorted(
        (index, match.span(), match.groups())
        for index, pattern in enumerate(mentions.grammar())
        for match in pattern.regex.finditer(text)
    )


def _matched_at_places(text: str) -> list[tuple[int, tuple[int, int], tuple[str | None, ...]]]:
    ranked = mentions._ranked_matches(text)
    return sorted((index, match.span(), match.groups()) for *_, index, match in ranked)


@settings(max_examples=1_000, deadline=None)
@given(texts)
def test_searching_where_mentions_begin_finds_every_match(text: str) -> None:
    assert _matched_at_places(text) == _matched_everywhere(text)


@pytest.mark.parametrize("article", SCORES, ids=lambda s: s.name)
def test_the_labelled_articles_give_every_match(article) -> None:
    assert _matched_at_places(article.text) == _matched_everywhere(article.text)


# Overlaps are settled before building, so only winners are built: the result is that of
# building every match first and comparing every pair.


def _settled_after_building_all(text: str) -> list[Mention]:
    built = []
    for pattern in mentions.grammar():
        for match in pattern.regex.finditer(text):
            if (mention := pattern.build(text, match, pattern.kind)) is not None:
                assert (mention.kind, mention.start) == (pattern.kind, match.start(pattern.begins))
                assert mention.end == match.end()
                built.append(mention)
    ranked = sorted(built, key=lambda m: (m.start - m.end, mentions._PRIORITY[m.kind], m.start))
    chosen: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _settled(text: str) -> list[Mention]:
    return mentions._without_overlaps(text, mentions._ranked_matches(text))


@settings(max_examples=1_000, deadline=None)
@given(texts)
def test_overlaps_are_settled_as_by_building_all_and_comparing_every_pair(text: str) -> None:
    assert _settled(text) == _settled_after_building_all(text)


@pytest.mark.parametrize("article", SCORES, ids=lambda s: s.name)
def test_the_labelled_articles_settle_overlaps_as_by_building_all(article) -> None:
    assert _settled(article.text) == _settled_after_building_all(article.text)


# The regexes are written for speed: alternatives as a tree, digits atomic.  Each matches
# what its plain form matches.

ALTERNATIVES = sorted(
    {*ONES, *TENS, *FRACTION_WORDS, *RELATIVE_DATES, *load_lexicon().vague_spellings}
    | {*QUALIFIERS, "a", "an", "thousand", "million", "m", "mn", "b", "bn"}
)


def _longest_first(words: list[str]) -> str:
    escaped = (re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


@settings(max_examples=1_000, deadline=None)
@given(
    st.lists(st.sampled_from(ALTERNATIVES), min_size=1, max_size=12),
    texts,
    st.sampled_from(["", r"\b", r"\s+of\b", r"[^\S\n]+$", r"\s", r"(?!\w)", "-"]),
    st.sampled_from([0, re.IGNORECASE]),
)
def test_a_tree_of_alternatives_matches_the_longest_first(
    words: list[str], text: str, after: str, flags: int
) -> None:
    tree = re.compile(rf"(?:{alternatives(words)}){after}", flags)
    plain = re.compile(rf"(?:{_longest_first(words)}){after}", flags)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


written_digits = st.from_regex(r"[0-9]{1,4}(?:[.,][0-9]{2,3}){0,3}[.,]?[ %a-z-]?", fullmatch=True)
digit_texts = st.lists(st.tuples(st.one_of(cased, written_digits), separators), max_size=20).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)


@settings(max_examples=1_000, deadline=None)
@given(digit_texts)
def test_atomic_digits_match_as_digits_given_back(text: str) -> None:
    for pattern in mentions.grammar():
        regex = pattern.regex
        plain = re.compile(regex.pattern.replace("(?>", "(?:"), regex.flags)
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in regex.finditer(text)] == expected


SPELLINGS = [spelling for entry in load_lexicon().qualifiers for spelling in entry.spellings]
spaces = st.sampled_from([" ", "  ", "\t", " \n", "\u00a0"])
spelled = st.tuples(st.sampled_from(SPELLINGS), spaces, cased).map(
    lambda parts: parts[0].replace(" ", parts[1]) if parts[2].islower() else parts[0].upper()
)


@settings(max_examples=1_000, deadline=None)
@given(texts, spelled, spaces, st.sampled_from(["count", "date"]))
def test_the_qualifier_is_looked_for_in_the_last_words_only(
    before: str, spelling: str, space: str, kind: str
) -> None:
    """Searching the last few words before a figure finds what searching its line finds."""
    text = f"{before}{spelling}{space}5"
    start = len(text) - 1
    mention = Mention(start, len(text), "5", kind, "5")
    regex, _ = _matcher("date" if kind in DATE_KINDS else "figure")
    found = regex.search(text, text.rfind("\n", 0, start) + 1, start)
    expected = mention
    if found is not None:
        written = " ".join(found.group().lower().split())
        if load_lexicon().qualifier(written).name:  # not a verb that hedges nothing
            expected = Mention(found.start(), len(text), text[found.start() :], kind, "5", written)
    assert mentions._with_qualifier(text, mention) == expected


# The index is derived from the grammar: the first words of each pattern are read from its
# regex, none is kept by hand.


@pytest.mark.parametrize(
    ("regex", "words"),
    [
        (r"\ba\s+few\b", {"a "}),
        (r"(?<!\w)(?:\d+|eight(?:een)?)\s*%", {DIGIT, "eight"}),
        (r"\b(?:(?:Monday),?\s+)?March\s+\d", {"monday", "march "}),
        (r"an?\s+(?:day|week)", {"a ", "an "}),
        (r"(?:\$|£)\d+", None),
        (r"\b\w+ days", None),
        (r"x?", None),
    ],
)
def test_first_words_are_read_from_the_regex(regex: str, words: set[str] | None) -> None:
    expected = None if words is None else frozenset(words)
    assert first_words(re.compile(regex, re.IGNORECASE)) == expected


def test_every_pattern_but_a_currency_sign_is_indexed() -> None:
    unindexed = [p.regex.pattern[:20] for p in mentions.grammar() if first_words(p.regex) is None]
    assert len(unindexed) == 1
    assert unindexed[0].startswith("(?:US")
    assert {pattern.kind for pattern in mentions.grammar()} == set(KINDS)
