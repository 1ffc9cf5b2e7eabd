"""A synthetic archive: realistic article folders with a known set of injected errors.

A newsroom's archive holds thousands of articles, but none comes with a list of its own
mistakes.  ``factsuite synth`` writes one that does: news-style articles whose claims cover
every unit kind, qualifier family and relation rule, and whose injected inconsistencies are
listed in ``ground_truth.csv``, so that a run can be scored for speed and for detection
(every injected error caught, no false alarm) at any size.

The generator sizes its figures with the lexicon's pragmatic reading and wide margins, so an
injected error fails under that reading and a clean figure passes under both.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import math
import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import yaml

from factsuite.files.names import REFERENCE_FOLDER
from factsuite.meaning.lexicon import Reading, Scale, load_lexicon

GROUND_TRUTH = "ground_truth.csv"
FIRST_DAY, LAST_DAY = date(2016, 1, 1), date(2024, 12, 31)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]  # base chosen at import (libyaml or not)
    """Writes every value in place: a fact file an editor reads has no anchors or aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


# -- ground truth ----------------------------------------------------------------------------


@dataclass(frozen=True)
class InjectedError:
    """One planted inconsistency: the pytest item that must fail, and by which rule."""

    article: str
    item: str
    rule: str
    kind: str
    detail: str


@dataclass
class GroundTruth:
    """What ``write_archive`` wrote: counts, and every injected error."""

    path: Path
    articles: int
    claims: int
    errors: list[InjectedError]


ERROR_KINDS = {
    "headline_mismatch": "figures_agree",
    "population_mismatch": "same_population",
    "part_exceeds_whole": "part_within_whole",
    "parts_exceed_whole": "parts_within_whole",
    "share_too_small": "share_holds_parts",
    "share_over_100": "share_within_bounds",
    "wrong_weekday": "date_matches_as_of",
    "dates_out_of_order": "dates_in_order",
    "duration_mismatch": "duration_fits_dates",
    "drifted_quote": "quote_in_article",
    "qualifier_drift": "figure_in_quote",
    "stale_ignored": "ignored_quote_in_article",
    "uncovered_mention": "mention_covered",
    "parts_miss_total": "parts_make_whole",
    "share_count_mismatch": "share_matches_counts",
    "shares_exceed_100": "shares_within_100",
    "shares_incomplete": "shares_complete",
    "change_mismatch": "change_fits",
    "rate_mismatch": "rate_fits_total",
    "event_count_mismatch": "event_count_fits",
    "target_not_exceeded": "figure_exceeds",
}
"""Every kind of injected error, and the rule (as the engine names it) that must catch it."""


def read_ground_truth(path: Path) -> list[InjectedError]:
    """The errors listed in a ground-truth file (``OUT/ground_truth.csv``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [InjectedError(**row) for row in csv.DictReader(handle)]


def _write_ground_truth(path: Path, errors: list[InjectedError]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [f.name for f in fields(InjectedError)])
        writer.writeheader()
        writer.writerows(vars(error) for error in errors)


# -- figures as a wire writes them ----------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure as written, with the steps the parser reads from its digits (x, u, g)."""

    text: str
    x: Fraction
    u: Fraction
    g: Fraction
    qualifier: str = ""
    unit: str = "people"

    @property
    def written(self) -> str:
        return f"{self.qualifier} {self.text}".strip()

    def bounds(self) -> tuple[float, float]:
        """The pragmatic interval's ends in the unit's base (people, percent, days)."""
        return _pragmatic(self.qualifier, self.x, self.u, self.g, self.unit)

    @property
    def lo(self) -> float:
        return self.bounds()[0]

    @property
    def hi(self) -> float:
        return self.bounds()[1]


@cache
def _pragmatic(
    qualifier: str, x: Fraction, u: Fraction, g: Fraction, unit: str
) -> tuple[float, float]:
    entry = load_lexicon().qualifier(qualifier)
    assert entry is not None, qualifier
    interval = entry.interval(Reading.PRAGMATIC, Scale(x, u, g))
    days = load_lexicon().units[unit].days or 1
    return float(interval.lo * days), float(interval.hi * days)


def _steps(mantissa: int, exponent: int) -> tuple[Fraction, Fraction]:
    """u is the last significant digit's place; g is 5u after a final 5 (the lexicon's rule)."""
    u = Fraction(10) ** exponent
    return u, u * 5 if mantissa % 10 == 5 else u


def _significant(target: float, digits: int) -> tuple[int, int]:
    """``target`` to ``digits`` significant digits, never ending in 0 (that reads coarser)."""
    exponent = max(0, math.floor(math.log10(target)) - digits + 1)
    mantissa = max(1, round(target / 10**exponent))
    while mantissa % 10 == 0:
        mantissa += 1
    return mantissa, exponent


def _count_text(mantissa: int, exponent: int, rng: random.Random) -> str:
    value = mantissa * 10**exponent
    if value < 1_000_000:
        return f"{value:,}"
    millions = f"{Decimal(mantissa).scaleb(exponent - 6):f}"
    return f"{millions}{rng.choice((' million',) * 5 + ('m',))}"


def count_figure(target: float, qualifier: str, rng: random.Random, unit: str = "people") -> Figure:
    """A count near ``target``, rounded to two or three significant digits."""
    mantissa, exponent = _significant(target, rng.choice((2, 2, 3)))
    u, g = _steps(mantissa, exponent)
    x = Fraction(mantissa) * 10**exponent
    return Figure(_count_text(mantissa, exponent, rng), x, u, g, qualifier, unit)


def exact_count(value: int, unit: str = "count") -> Figure:
    """A count written with all its digits ("12,437"; "12,400" reads to the hundred): its
    reading holds ``value`` itself, so arithmetic the generator did on exact figures holds."""
    digits = str(value)
    stripped = digits.rstrip("0") or "0"
    exponent = len(digits) - len(stripped) if value else 0
    u, g = _steps(int(stripped), exponent)
    return Figure(f"{value:,}", Fraction(value), u, g, "", unit)


def percent_figure(value: int, unit: str = "percent") -> Figure:
    """A whole percentage in digits: "45 percent" (a share) or a percent change."""
    figure = exact_count(value, unit)
    return Figure(f"{value} percent", figure.x, figure.u, figure.g, "", unit)


SHARE_WORDS = {
    "a fifth": Fraction(20),
    "a quarter": Fraction(25),
    "a third": Fraction(100, 3),
    "half": Fraction(50),
    "two-thirds": Fraction(200, 3),
    "three quarters": Fraction(75),
    "seven in 10": Fraction(70),
    "nine in 10": Fraction(90),
}
PERCENT_WORDS = ("percent", "percent", "per cent", "%")


def share_figure(target: float, qualifier: str, rng: random.Random) -> Figure:
    """A share near ``target`` percent: digits ("55 percent") or words ("a quarter")."""
    words = [text for text, value in SHARE_WORDS.items() if abs(float(value) - target) < 4]
    if words and rng.random() < 0.4:
        text = rng.choice(words)
        return Figure(text, SHARE_WORDS[text], Fraction(10), Fraction(10), qualifier, "percent")
    mantissa, exponent = _significant(target, 2 if target >= 10 else 1)
    u, g = _steps(mantissa, exponent)
    x = Fraction(mantissa) * 10**exponent
    suffix = rng.choice(PERCENT_WORDS)
    text = f"{x}%" if suffix == "%" else f"{x} {suffix}"
    return Figure(text, x, u, g, qualifier, "percent")


NUMBER_WORDS = ("", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine")
DURATION_NUMBERS = {"days": range(1, 32), "weeks": range(1, 9), "months": range(1, 13)}
DURATION_NUMBERS["years"] = range(1, 16)
DURATION_QUALIFIERS = ("", "almost", "nearly", "just under", "more than", "over", "about", "some")


def _duration(number: int, unit: str, qualifier: str) -> Figure:
    word = NUMBER_WORDS[number] if number < 10 else str(number)
    noun = unit[:-1] if number == 1 else unit
    mantissa, exponent = _significant(number, 2)
    u, g = _steps(mantissa, exponent)
    return Figure(f"{word} {noun}", Fraction(number), u, g, qualifier, unit)


@cache
def _durations(units: tuple[str, ...]) -> tuple[Figure, ...]:
    return tuple(
        _duration(number, unit, qualifier)
        for unit in units
        for number in DURATION_NUMBERS[unit]
        if number % 10
        for qualifier in DURATION_QUALIFIERS
        if not (number == 1 and qualifier in ("more than", "over") and unit == "days")
    )


def fitting_duration(elapsed: int, units: tuple[str, ...], rng: random.Random) -> Figure:
    """A duration phrase whose pragmatic reading holds ``elapsed`` days with room to spare."""
    fits = [f for f in _durations(units) if f.lo + 0.5 <= elapsed <= f.hi - 0.5]
    return rng.choice(fits) if fits else _duration(elapsed, "days", "")


def wrong_duration(elapsed: int, units: tuple[str, ...], rng: random.Random) -> Figure:
    """A duration phrase clearly too long or too short for ``elapsed`` days."""
    gap = max(3.0, elapsed / 5)
    misfits = [f for f in _durations(units) if f.hi + gap < elapsed or elapsed < f.lo - gap]
    return rng.choice(misfits)


# -- dates as a wire writes them ----------------------------------------------------------------

ABBREVIATED = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


def day_text(day: date, rng: random.Random) -> str:
    """A single day, as a wire writes it: "February 24", "Feb. 24", "Thursday, 24 February"."""
    month = calendar.month_name[day.month]
    short = ABBREVIATED.get(day.month, month)
    weekday = calendar.day_name[day.weekday()]
    return rng.choice(
        (
            f"{month} {day.day}",
            f"{short} {day.day}",
            f"{day.day} {month}",
            f"{month} {day.day}, {day.year}",
            f"{day.day} {month} {day.year}",
            f"{weekday}, {month} {day.day}",
        )
    )


def _relative_day(published: date, rng: random.Random) -> tuple[str, date]:
    """A relative date phrase and a day it covers ("earlier this month" only after the 1st)."""
    week_start = published - timedelta(days=published.weekday())
    month_start = published.replace(day=1)
    options = [("yesterday", published - timedelta(days=1))]
    options.append(("last week", week_start - timedelta(days=rng.randint(1, 7))))
    options.append(("last month", month_start - timedelta(days=rng.randint(1, 28))))
    if published.day > 1:
        options.append(
            ("earlier this month", month_start + timedelta(rng.randrange(published.day - 1)))
        )
    return rng.choice(options)


# -- topics -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """The vocabulary of one kind of story; every figure sentence is built from it."""

    noun: str
    verb: str
    headline_verb: str
    event: str
    agencies: tuple[str, ...]
    tag: str
    alt_noun: str
    groups: tuple[str, ...]
    share_groups: tuple[str, ...]
    spread: str
    condition: str
    standing: str
    follow_up: str
    fillers: tuple[str, ...]
    supplies: str = "food parcels"
    """Things handed out, counted region by region (``total``)."""
    facilities: str = "shelters"
    """Places inspected (``share_count``) and where people stay (``partition``)."""
    venues: tuple[str, ...] = ("schools", "sports halls", "private homes", "tents")
    daily: str = "new arrivals"
    """What is counted over a week and per day (``rate``)."""


TOPICS = (
    Topic(
        noun="people",
        verb="have fled {place}",
        headline_verb="flee {place}",
        event="the fighting began",
        agencies=("the UN refugee agency", "the International Organization for Migration"),
        tag="UN",
        alt_noun="{demonyms}",
        groups=("children", "older people", "people with disabilities", "students"),
        share_groups=("women and children", "women"),
        spread="are in {region}",
        condition="lived with shelling",
        standing="A curfew imposed",
        follow_up="aid convoy reached {region}",
        fillers=(
            "Aid workers at the border said the queues stretched for kilometres.",
            "Neighbouring governments have opened schools and sports halls as shelters.",
            "The government has appealed for international help with housing.",
            "Those arriving said they had travelled with little food.",
        ),
    ),
    Topic(
        noun="residents",
        verb="have been evacuated from {place}",
        headline_verb="evacuated from {place}",
        event="the river burst its banks",
        agencies=("the national disaster agency", "the regional governor's office"),
        tag="officials",
        alt_noun="homeowners",
        groups=("hospital patients", "children", "care-home residents"),
        share_groups=("older residents", "families with children"),
        spread="were moved to {region}",
        condition="been warned about its levees",
        standing="A state of emergency declared",
        follow_up="relief flight landed in {region}",
        fillers=(
            "Rescue teams used boats to reach villages cut off by the water.",
            "Forecasters warned that more rain was expected over the weekend.",
            "Engineers are inspecting bridges along the lower reaches of the river.",
            "Volunteers filled sandbags outside the town hall through the night.",
        ),
        supplies="sandbags",
        facilities="evacuation centres",
        venues=("schools", "churches", "sports halls", "hotels"),
        daily="calls to the emergency line",
    ),
    Topic(
        noun="workers",
        verb="have joined the strike in {place}",
        headline_verb="strike in {place}",
        event="the strike began",
        agencies=("the transport union", "the labour ministry"),
        tag="union",
        alt_noun="union members",
        groups=("train drivers", "teachers", "nurses", "dock workers"),
        share_groups=("public-sector workers", "women"),
        spread="walked out in {region}",
        condition="gone without a pay rise",
        standing="Talks suspended",
        follow_up="mediation meeting was held in {region}",
        fillers=(
            "Commuters faced long delays as most regional trains were cancelled.",
            "Employers' groups said the walkout was damaging a fragile recovery.",
            "The union said it was ready to return to talks at any time.",
            "Picket lines formed outside depots before dawn.",
        ),
        supplies="strike-pay claims",
        facilities="depots",
        venues=("rail depots", "bus garages", "ports", "hospitals"),
        daily="cancelled trains",
    ),
    Topic(
        noun="people",
        verb="have been treated for cholera in {place}",
        headline_verb="treated for cholera in {place}",
        event="the first case was confirmed",
        agencies=("the health ministry", "the World Health Organization"),
        tag="WHO",
        alt_noun="children",
        groups=("young children", "health workers", "pregnant women"),
        share_groups=("children", "women"),
        spread="were treated in {region}",
        condition="short of clean water",
        standing="Markets closed",
        follow_up="vaccination team arrived in {region}",
        fillers=(
            "Doctors said clinics were running short of oral rehydration salts.",
            "Officials urged residents to boil drinking water.",
            "Aid groups have set up treatment tents near the worst-hit districts.",
            "Heavy rains have made roads to rural clinics impassable.",
        ),
        supplies="doses of oral vaccine",
        facilities="treatment centres",
        venues=("clinics", "tents", "schools", "hospitals"),
        daily="new cases",
    ),
)
PLACES = {
    "Karvenia": "Karvenians",
    "Lusmark": "Lusmarkers",
    "Ostrelia": "Ostrelians",
    "Vardania": "Vardanians",
    "Selmora": "Selmorans",
    "Tyrenne": "Tyrennians",
}
REGIONS = ("Northmoor", "Eastvale", "Redwater", "Highcombe", "Southport", "Marlow", "Kessing")
OUTLETS = (None, "The Daily Ledger", "Wire Service Europe", "Harbour Times")
SPEAKERS = ("A local official", "The regional governor", "A spokeswoman", "An aid worker")
IGNORABLE = {
    "unprecedented in recent times": "unprecedented in recent years",
    "in the coming days": "in the coming weeks",
    "for the foreseeable future": "for the time being",
    "a growing number of families": "a rising number of families",
}
VAGUE = ("several", "a few", "dozens", "hundreds", "a handful of", "many")

COUNT_QUALIFIERS = ("", "more than", "over", "nearly", "almost", "about", "some", "around")
PART_QUALIFIERS = (*COUNT_QUALIFIERS, "at least", "just over", "fewer than", "up to")
MARGIN = 1.01
"""A clean relation holds, and a broken one fails, by at least 1 % beyond the interval ends."""

# -- one article ------------------------------------------------------------------------------


@dataclass
class Draft:
    """An article being written: its sentences, claims and relations, and its planted errors."""

    rng: random.Random
    published: date
    topic: Topic
    place: str
    error_rate: float
    headline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    claims: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)
    ignored: list[dict[str, object]] = field(default_factory=list)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def inject(self) -> bool:
        """Whether this site carries an error: each site is an independent draw."""
        return self.rng.random() < self.error_rate

    def planted(self, item: str, kind: str, detail: str) -> None:
        """Record an error; an item fails once, however many errors reach it (coverage)."""
        if all(error[0] != item for error in self.errors):
            self.errors.append((item, ERROR_KINDS[kind], kind, detail))

    def claim(self, claim_id: str, quote: str, figure: Figure | str, **extra: object) -> str:
        """Record a claim; ``figure`` is a Figure or a date's text (unit date)."""
        entry: dict[str, object] = {"id": claim_id, "quote": quote}
        if isinstance(figure, str):
            entry.update(value=figure, unit="date")
        else:
            entry["value"] = figure.text
            if figure.qualifier:
                entry["qualifier"] = figure.qualifier
            entry["unit"] = figure.unit
        entry.update({key: value for key, value in extra.items() if value is not None})
        self.claims.append(entry)
        return claim_id

    def relate(self, relation_id: str, rule: str, **ends: object) -> None:
        self.relations.append({"id": relation_id, "rule": rule, **ends})

    @property
    def agency(self) -> str:
        return self.topic.agencies[0]

    @property
    def verb(self) -> str:
        return self.topic.verb.format(place=self.place)

    @property
    def measure(self) -> str:
        return f"{self.topic.noun} who {self.verb} since {self.topic.event}"

    def population(self, who: str | None = None) -> str:
        return f"{who or self.topic.noun} who {self.verb}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _until(make: Callable[[], Figure], accept: Callable[[Figure], bool]) -> Figure:
    """Redraw ``make`` until ``accept`` holds: figures are sized by the generator's arithmetic."""
    for _ in range(500):
        figure = make()
        if accept(figure):
            return figure
    raise RuntimeError("no figure satisfies the constraint")


def _near(
    base: Figure, low: float, high: float, qualifiers: tuple[str, ...], draft: Draft
) -> Callable[[], Figure]:
    """A maker of counts between ``low`` and ``high`` times ``base``."""
    rng = draft.rng
    return lambda: count_figure(float(base.x) * rng.uniform(low, high), rng.choice(qualifiers), rng)


def _fits_below(part_lo: float, whole: Figure) -> bool:
    return part_lo * MARGIN < whole.hi


def _breaks_above(part_lo: float, whole: Figure) -> bool:
    return part_lo > whole.hi * MARGIN


# -- the sites: each owns its claims and relations, so one planted error fails one item -------


@dataclass(frozen=True)
class Anchors:
    """The claims every article has and its sites refer to; no error ever edits them."""

    total: Figure
    total_id: str
    start: date
    start_id: str


def _duration_for(draft: Draft, relation_id: str, elapsed: int, units: tuple[str, ...]) -> Figure:
    """The phrase for ``elapsed`` days, or (planted) one that cannot fit them."""
    if not draft.inject():
        return fitting_duration(elapsed, units, draft.rng)
    wrong = wrong_duration(elapsed, units, draft.rng)
    detail = f'"{wrong.written}" said of {elapsed} days'
    draft.planted(relation_id, "duration_mismatch", detail)
    return wrong


def _lead(draft: Draft) -> Anchors:
    """The lead (total, time so far, day of the statement) and the day the story began."""
    rng, topic = draft.rng, draft.topic
    total = count_figure(10 ** rng.uniform(4.3, 6.9), rng.choice(COUNT_QUALIFIERS), rng)
    elapsed = rng.randint(11, 90)
    start = draft.published - timedelta(days=elapsed)
    duration = _duration_for(draft, "duration-so-far", elapsed, ("days", "weeks", "months"))
    total_quote = f"{_capital(total.written)} {topic.noun} {draft.verb}"
    said = _statement_day(draft)
    draft.paragraphs.append(f"{total_quote} in {duration.written}, {draft.agency} {said}.")
    total_id = draft.claim(
        "total-lead",
        total_quote,
        total,
        measure=draft.measure,
        population=draft.population(),
        as_of=draft.published,
        attributed=draft.agency,
    )
    start_text = day_text(start, rng)
    event = _capital(topic.event)
    draft.paragraphs.append(f"{event} on {start_text}, {rng.choice(EVENT_TAILS)}.")
    start_id = draft.claim(
        "story-began",
        f"{event} on {start_text}",
        start_text,
        measure=f"date {topic.event}",
        as_of=start,
    )
    duration_id = draft.claim(
        "time-so-far",
        f"in {duration.written}",
        duration,
        measure=f"time since {topic.event}",
        as_of=draft.published,
    )
    draft.relate(
        "duration-so-far", "spans", duration=duration_id, start=start_id, end="publication"
    )
    draft.relate("began-before-statement", "before", earlier=start_id, later="statement-day")
    return Anchors(total, total_id, start, start_id)


EVENT_TAILS = (
    "and the numbers have risen every day since",
    "according to local officials",
    "taking the region by surprise",
)


def _statement_day(draft: Draft) -> str:
    """The day the agency spoke, named by its weekday; the error names the wrong weekday."""
    said = draft.published - timedelta(days=draft.rng.randint(0, 6))
    truth = calendar.day_name[said.weekday()]
    written = truth
    if draft.inject():
        written = calendar.day_name[(said.weekday() + draft.rng.randint(1, 6)) % 7]
        detail = f"the statement was made on {truth} {said}; the text says {written}"
        draft.planted("calendar[statement-day]", "wrong_weekday", detail)
    late = draft.rng.random() < 0.2
    quote = f"said {'late on' if late else 'on'} {written}"
    draft.claim(
        "statement-day",
        quote,
        written,
        qualifier="late on" if late else None,
        measure=f"date of the statement by {draft.agency}",
        as_of=said,
        attributed=draft.agency,
    )
    return quote


def _headline(draft: Draft, anchors: Anchors) -> None:
    """The headline repeats the lead's figure; the body may repeat it again.

    Planted: a headline figure that the lead's cannot be, or a body that counts another
    population ("Karvenians" for "people").
    """
    rng, topic, total = draft.rng, draft.topic, anchors.total
    kind = rng.choice(("headline_mismatch", "population_mismatch")) if draft.inject() else ""
    figure = total
    if kind == "headline_mismatch":
        figure = _until(
            _near(total, *rng.choice(((1.6, 3.0), (0.2, 0.55))), (total.qualifier,), draft),
            lambda f: f.lo > total.hi * MARGIN or f.hi * MARGIN < total.lo,
        )
        detail = f'headline "{figure.written}", lead "{total.written}"'
        draft.planted("headline-matches-lead", kind, detail)
    verb = topic.headline_verb.format(place=draft.place)
    draft.headline = f"{_capital(figure.written)} {topic.noun} {verb}: {topic.tag}"
    common = {"measure": draft.measure, "as_of": draft.published, "attributed": draft.agency}
    headline_id = draft.claim(
        "total-headline", draft.headline, figure, population=draft.population(), **common
    )
    same = [headline_id, anchors.total_id]
    if kind == "population_mismatch" or rng.random() < 0.4:
        who = topic.noun
        if kind == "population_mismatch":
            who = topic.alt_noun.format(demonyms=PLACES[draft.place])
            detail = f'the body counts "{who}", the headline "{topic.noun}"'
            draft.planted("headline-matches-lead", kind, detail)
        quote = f"{total.written} {who} {draft.verb}"
        draft.paragraphs.append(
            f"Since {topic.event}, {quote}, {rng.choice(draft.topic.agencies)} said."
        )
        same.append(
            draft.claim("total-body", quote, total, population=draft.population(who), **common)
        )
    draft.relate("headline-matches-lead", "same_figure", claims=same)


def _part(draft: Draft, anchors: Anchors, group: str, index: int) -> None:
    """A group among the total ("1.5 million children are among them"); planted: a part
    larger than its whole, the decimal point slipped or the figure doubled."""
    total = anchors.total
    slug = _slug(group)
    relation_id = f"{slug}-within-total"
    if draft.inject():
        part = _until(
            _near(total, *draft.rng.choice(((1.7, 3.0), (8.0, 12.0))), PART_QUALIFIERS, draft),
            lambda f: _breaks_above(f.lo, total),
        )
        detail = f'"{part.written} {group}" among "{total.written}"'
        draft.planted(relation_id, "part_exceeds_whole", detail)
    else:
        part = _until(
            _near(total, 0.05, 0.45, PART_QUALIFIERS, draft), lambda f: _fits_below(f.lo, total)
        )
    source = draft.topic.agencies[index % len(draft.topic.agencies)]
    quote = f"{part.written} {group} are among them"
    draft.paragraphs.append(f"{_capital(source)} said {quote}.")
    part_id = draft.claim(
        slug,
        quote,
        part,
        measure=draft.measure,
        population=draft.population(group),
        as_of=draft.published,
        attributed=source,
    )
    draft.relate(relation_id, "part_of", part=part_id, whole=anchors.total_id)


def _slug(words: str) -> str:
    return "-".join("".join(c for c in word if c.isalnum()) for word in words.lower().split())


def _regions(draft: Draft, anchors: Anchors) -> None:
    """Where the total is, region by region; planted: one region's figure too large."""
    rng, total = draft.rng, anchors.total
    regions = rng.sample(REGIONS, rng.randint(2, 4))
    share = rng.uniform(0.3, 0.75) / len(regions)
    parts = [
        _until(_near(total, share * 0.7, share * 1.3, PART_QUALIFIERS, draft), lambda _: True)
        for _ in regions
    ]
    while not _fits_below(sum(p.lo for p in parts), total):
        parts = [_until(_near(p, 0.5, 0.7, (p.qualifier,), draft), lambda _: True) for p in parts]
    if draft.inject():
        others = sum(p.lo for p in parts[1:])
        wrong = _until(
            lambda: count_figure(
                (total.hi - others) * rng.uniform(1.3, 2.5), rng.choice(PART_QUALIFIERS), rng
            ),
            lambda f: _breaks_above(f.lo + others, total),
        )
        detail = (
            f'"{wrong.written}" in {regions[0]} alone leaves the regions above "{total.written}"'
        )
        draft.planted("regions-within-total", "parts_exceed_whole", detail)
        parts[0] = wrong
    spread = draft.topic.spread
    quotes = [f"{p.written} {spread.format(region=r)}" for p, r in zip(parts, regions, strict=True)]
    listed = ", ".join(quotes[:-1]) + f" and {quotes[-1]}"
    draft.paragraphs.append(f"Of them, {listed}, according to {draft.agency}.")
    ids = [
        draft.claim(
            f"in-{_slug(region)}",
            quote,
            part,
            measure=draft.measure,
            population=f"{draft.population()}, in {region}",
            as_of=draft.published,
        )
        for part, region, quote in zip(parts, regions, quotes, strict=True)
    ]
    draft.relate("regions-within-total", "sum_of", parts=ids, whole=anchors.total_id)


def _share(draft: Draft, anchors: Anchors) -> None:
    """A share of the total and the count it stands for.

    Planted: a share too small to hold the count, or a stray digit that puts it over 100 %.
    """
    rng, total = draft.rng, anchors.total
    group = rng.choice(draft.topic.share_groups)
    slug = _slug(group)
    percent = rng.uniform(25, 92)
    share = share_figure(percent, rng.choice(("", "some", "about", "nearly", "more than")), rng)
    count = _until(
        _near(total, percent / 100 * 0.45, percent / 100 * 0.8, COUNT_QUALIFIERS, draft),
        lambda f: f.lo * MARGIN < share.hi / 100 * total.hi,
    )
    kind = rng.choice(("share_too_small", "share_over_100")) if draft.inject() else ""
    if kind == "share_too_small":
        share = _until(
            lambda: share_figure(percent * rng.uniform(0.1, 0.4), rng.choice(("", "some")), rng),
            lambda f: f.hi / 100 * total.hi * MARGIN < count.lo,
        )
        detail = f'"{share.written}" of "{total.written}" cannot hold "{count.written}"'
        draft.planted(f"{slug}-share-holds", kind, detail)
    elif kind == "share_over_100":
        share = share_figure(100 + rng.uniform(5, 90), share.qualifier, rng)
        draft.planted(f"schema[{slug}-share]", kind, f'"{share.written}" is over 100')
    share_quote = f"{_capital(group)} account for {share.written}"
    count_quote = f"registered {count.written} {group}"
    draft.paragraphs.append(f"{share_quote} of them, and {draft.agency} has {count_quote}.")
    common = {"measure": draft.measure, "as_of": draft.published, "attributed": draft.agency}
    share_id = draft.claim(
        f"{slug}-share", share_quote, share, population=draft.population(), **common
    )
    count_id = draft.claim(slug, count_quote, count, population=draft.population(group), **common)
    draft.relate(
        f"{slug}-share-holds", "share_of", share=share_id, whole=anchors.total_id, parts=[count_id]
    )


def _order(draft: Draft, anchors: Anchors) -> None:
    """Two dated events in order; planted: the first one dated after the second."""
    rng = draft.rng
    room = (draft.published - anchors.start).days
    second = anchors.start + timedelta(days=rng.randint(max(1, room // 2), room - 1))
    first = second - timedelta(days=rng.randint(2, max(2, room // 2)))
    if draft.inject():
        first = second + timedelta(days=rng.randint(1, (draft.published - second).days))
        detail = f"the first on {first}, the second on {second}"
        draft.planted("follow-ups-in-order", "dates_out_of_order", detail)
    region = rng.choice(REGIONS)
    event = draft.topic.follow_up.format(region=region)
    first_text, second_text = day_text(first, rng), day_text(second, rng)
    first_quote, second_quote = f"{event} on {first_text}", f"a second on {second_text}"
    draft.paragraphs.append(f"The first {first_quote}, and {second_quote}.")
    first_id = draft.claim(
        "first-follow-up", first_quote, first_text, measure=f"date the first {event}", as_of=first
    )
    second_id = draft.claim(
        "second-follow-up",
        second_quote,
        second_text,
        measure=f"date a second {event}",
        as_of=second,
    )
    draft.relate("follow-ups-in-order", "before", earlier=first_id, later=second_id)


def _years(draft: Draft, anchors: Anchors) -> None:
    """A long-running grievance in years, from a date the claims file records (not the text)."""
    rng = draft.rng
    years = rng.randint(2, 15)
    origin = anchors.start - timedelta(days=round(years * 365.2425) + rng.randint(-60, 60))
    elapsed = (anchors.start - origin).days
    duration = _duration_for(draft, "grievance-span", elapsed, ("years",))
    region = rng.choice(REGIONS)
    quote = f"for {duration.written}"
    speaker = rng.choice(SPEAKERS)
    draft.paragraphs.append(f"{speaker} said {region} had {draft.topic.condition} {quote}.")
    duration_id = draft.claim(
        "grievance-years",
        quote,
        duration,
        measure=f"how long {region} had {draft.topic.condition}",
        as_of=anchors.start,
        attributed=speaker.lower(),
    )
    draft.relate(
        "grievance-span",
        "spans",
        duration=duration_id,
        start=origin.isoformat(),
        end=anchors.start_id,
        notes="The start is the date the grievance is usually dated from.",
    )


def _standing(draft: Draft) -> None:
    """A measure in force since a date, and how long it has lasted until publication."""
    rng = draft.rng
    elapsed = rng.randint(3, 80)
    since = draft.published - timedelta(days=elapsed)
    duration = _duration_for(draft, "standing-span", elapsed, ("days", "weeks", "months"))
    since_text = day_text(since, rng)
    standing = draft.topic.standing
    since_quote, duration_quote = f"{standing} on {since_text}", f"for {duration.written}"
    draft.paragraphs.append(f"{since_quote} has now been in place {duration_quote}.")
    since_id = draft.claim(
        "standing-since", since_quote, since_text, measure=f"date: {standing.lower()}", as_of=since
    )
    duration_id = draft.claim(
        "standing-duration",
        duration_quote,
        duration,
        measure=f"time {standing.lower()} has lasted",
        as_of=draft.published,
    )
    draft.relate("standing-span", "spans", duration=duration_id, start=since_id)


@dataclass(frozen=True)
class Aside:
    """A figure mentioned in passing, checked only against the article."""

    claim_id: str
    figure: Figure
    words: str
    edited: str
    sentence: str
    measure: str
    population: str


def _asides(draft: Draft) -> Iterator[Aside]:
    rng, place = draft.rng, draft.place
    vague = Figure(rng.choice(VAGUE), Fraction(0), Fraction(0), Fraction(0), "", "count")
    yield Aside(
        "talks-so-far",
        vague,
        "rounds of talks",
        "rounds of negotiations",
        "Officials said {mention} had produced little progress.",
        "rounds of talks held so far",
        "talks between the two sides",
    )
    money = count_figure(10 ** rng.uniform(5, 8.5), rng.choice(COUNT_QUALIFIERS), rng, "money")
    yield Aside(
        "aid-pledged",
        money,
        "euros in aid",
        "euros in assistance",
        "Donors have pledged {mention}, the foreign ministry said.",
        "aid pledged by donors, in euros",
        f"donors to {place}",
    )
    things = rng.choice(("schools", "bridges", "clinics", "roads"))
    number = rng.choice((*range(2, 10), *range(11, 99)))
    mantissa, exponent = _significant(number, 2)
    u, g = _steps(mantissa, exponent)
    text = NUMBER_WORDS[number] if number < 10 else str(number)
    small = Figure(text, Fraction(number), u, g, rng.choice(PART_QUALIFIERS), "count")
    yield Aside(
        f"{things}-damaged",
        small,
        f"{things} have been damaged",
        f"{things} were damaged",
        "Local officials said {mention} so far.",
        f"{things} damaged since {draft.topic.event}",
        f"{things} in {place}",
    )


def _aside(draft: Draft, aside: Aside) -> None:
    """A mention in passing; planted: the article edited after the claim was written (the
    quote no longer matches), or a new hedge the claim does not record."""
    figure, words = aside.figure, aside.words
    kind = ""
    if draft.inject():
        kind = (
            "drifted_quote"
            if figure.x == 0
            else draft.rng.choice(("drifted_quote", "qualifier_drift"))
        )
    written = figure.written
    if kind == "qualifier_drift":
        hedges = [q for q in COUNT_QUALIFIERS if _entry(q) is not _entry(figure.qualifier)]
        written = f"{draft.rng.choice(hedges)} {figure.text}".strip()
        detail = f'the text now says "{written}", the claim says "{figure.written}"'
        draft.planted(f"grounding[{aside.claim_id}]", kind, detail)
    elif kind == "drifted_quote":
        words = aside.edited
        detail = f'"{aside.words}" was edited to "{aside.edited}" in the article'
        draft.planted(f"grounding[{aside.claim_id}]", kind, detail)
        left = f'"{figure.written}" is left in the article with no claim that quotes it'
        draft.planted("coverage", "uncovered_mention", left)
    draft.paragraphs.append(aside.sentence.format(mention=f"{written} {words}"))
    draft.claim(
        aside.claim_id,
        f"{written} {aside.words}",
        figure,
        measure=aside.measure,
        population=aside.population,
        as_of=draft.published,
    )


def _entry(qualifier: str) -> object:
    return load_lexicon().qualifier(qualifier)


def _relative(draft: Draft) -> None:
    """A date relative to publication ("earlier this month", "last week")."""
    phrase, day = _relative_day(draft.published, draft.rng)
    quote = f"first warned of shortages {phrase}"
    draft.paragraphs.append(f"{_capital(draft.agency)} {quote}.")
    draft.claim(
        "first-warning",
        quote,
        phrase,
        measure="date of the first warning of shortages",
        as_of=day,
        attributed=draft.agency,
    )


IGNORABLE_SENTENCES = {
    "unprecedented in recent times": "Officials called the crisis {phrase}.",
    "in the coming days": "More help is expected {phrase}.",
    "for the foreseeable future": "Restrictions will remain {phrase}, officials said.",
    "a growing number of families": "Aid groups said {phrase} needed shelter.",
}


def _ignored(draft: Draft) -> None:
    """Vague mentions left unchecked on purpose; planted: one edited away from its entry."""
    phrases = draft.rng.sample(sorted(IGNORABLE), draft.rng.randint(1, 2))
    stale = draft.rng.choice(phrases) if draft.inject() else ""
    for phrase in phrases:
        shown = IGNORABLE[phrase] if phrase == stale else phrase
        draft.paragraphs.append(IGNORABLE_SENTENCES[phrase].format(phrase=shown))
        draft.ignored.append(
            {"quote": phrase, "reason": "A vague mention with no figure to check."}
        )
    if stale:
        detail = f'"{stale}" now reads "{IGNORABLE[stale]}"'
        draft.planted("ignored-mentions", "stale_ignored", detail)


# -- the relations of #16: totals, shares with their counts, partitions, changes, rates -------


def _apart(low: float, high: float, bounds: tuple[float, float]) -> bool:
    """``bounds`` (a figure's, pragmatic) lie clear of [low, high], by the margin."""
    return bounds[0] > high * MARGIN or bounds[1] * MARGIN < low


def _listed(quotes: list[str]) -> str:
    return ", ".join(quotes[:-1]) + f" and {quotes[-1]}"


def _total(draft: Draft, anchors: Anchors) -> None:
    """A total with every part ("In total, 12,437 food parcels ...: 7,100 in Northmoor and
    5,337 in Eastvale"); planted: a total the parts fall short of or exceed."""
    rng, topic = draft.rng, draft.topic
    regions = rng.sample(REGIONS, rng.randint(2, 3))
    parts = [count_figure(10 ** rng.uniform(2.5, 4.3), "", rng, "count") for _ in regions]
    exact = sum(int(part.x) for part in parts)
    whole = exact_count(exact)
    low, high = sum(part.lo for part in parts), sum(part.hi for part in parts)
    if draft.inject():
        whole = _until(
            lambda: exact_count(round(exact * rng.choice((0.55, 0.7, 1.4, 1.8)))),
            lambda figure: _apart(low, high, figure.bounds()),
        )
        detail = f'"{whole.text}" in total, but the parts add up to {exact:,}'
        draft.planted("supplies-by-region", "parts_miss_total", detail)
    supplies = topic.supplies
    quotes = [f"{part.text} in {region}" for part, region in zip(parts, regions, strict=True)]
    whole_quote = f"{whole.text} {supplies} have been handed out"
    draft.paragraphs.append(f"In total, {whole_quote}: {_listed(quotes)}.")
    common = {"measure": f"{supplies} handed out since {topic.event}", "as_of": draft.published}
    whole_id = draft.claim(
        "supplies-total",
        whole_quote,
        whole,
        population=f"{supplies} handed out in {draft.place}",
        **common,
    )
    ids = [
        draft.claim(
            f"supplies-{_slug(region)}",
            quote,
            part,
            population=f"{supplies} handed out in {draft.place}, in {region}",
            **common,
        )
        for part, region, quote in zip(parts, regions, quotes, strict=True)
    ]
    draft.relate("supplies-by-region", "total", parts=ids, whole=whole_id)


def _share_count(draft: Draft, anchors: Anchors) -> None:
    """A share with its part and whole ("Of the 240 shelters inspected, 150, or 62 percent,
    lacked clean water"); planted: a share the counts cannot give."""
    rng, facilities = draft.rng, draft.topic.facilities
    whole = count_figure(10 ** rng.uniform(1.8, 3.2), "", rng, "count")
    part = exact_count(max(1, round(float(whole.x) * rng.uniform(0.2, 0.85))))
    low, high = 100 * part.lo / whole.hi, 100 * part.hi / whole.lo
    exact = 100 * float(part.x / whole.x)
    words = [text for text, value in SHARE_WORDS.items() if low < value < high]
    share = percent_figure(max(1, round(exact)))
    if words and rng.random() < 0.3:  # "one in four" when the counts allow it exactly
        text = rng.choice(words)
        share = Figure(text, SHARE_WORDS[text], Fraction(10), Fraction(10), "", "percent")
    if draft.inject():
        share = _until(
            lambda: percent_figure(rng.randint(3, 95)),
            lambda figure: _apart(low, high, figure.bounds()),
        )
        detail = f'"{share.text}" of {whole.text}, but {part.text} is {exact:.0f} percent'
        draft.planted("inspected-share", "share_count_mismatch", detail)
    whole_quote = f"Of the {whole.text} {facilities} inspected"
    part_quote = f"{part.text}, or {share.text}, lacked clean water"
    draft.paragraphs.append(f"{whole_quote}, {part_quote}, {draft.agency} said.")
    population = f"{facilities} inspected in {draft.place}"
    common = {"population": population, "as_of": draft.published, "attributed": draft.agency}
    whole_id = draft.claim(
        "facilities-inspected", whole_quote, whole, measure=f"{facilities} inspected", **common
    )
    lacking = f"{facilities} inspected that lacked clean water"
    part_id = draft.claim("facilities-lacking", part_quote, part, measure=lacking, **common)
    share_id = draft.claim(
        "facilities-lacking-share", part_quote, share, measure=f"share of {lacking}", **common
    )
    draft.relate("inspected-share", "share_count", share=share_id, part=part_id, whole=whole_id)


def _shares(draft: Draft, count: int, complete: bool) -> list[int]:
    """Whole percentages: all the parts (adding to 100, the last at least 30), or some."""
    rng = draft.rng
    if complete:
        while True:
            cuts = sorted(rng.sample(range(10, 61), count - 1))
            shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
            if min(shares) >= 8:
                return shares
    while True:
        shares = [rng.randint(15, 35) for _ in range(count)]
        if sum(percent_figure(share).hi for share in shares) * MARGIN < 100:
            return shares


def _partition(draft: Draft, anchors: Anchors) -> None:
    """Shares of one whole ("45 percent were in schools, 30 percent in sports halls and the
    remaining 25 percent in tents"); planted: shares over 100 %, or every part listed and
    the shares short of 100 %."""
    rng, topic = draft.rng, draft.topic
    venues = rng.sample(topic.venues, rng.randint(2, 3))
    complete = rng.random() < 0.5
    shares = _shares(draft, len(venues), complete)
    if draft.inject():
        others = [percent_figure(share) for share in shares]
        if complete:
            kept = sum(figure.hi for figure in others[:-1])
            fits = [s for s in range(1, shares[-1]) if (kept + percent_figure(s).hi) * MARGIN < 100]
            shares[-1] = rng.choice(fits)
            kind, what = "shares_incomplete", "fall short of"
        else:
            kept = sum(figure.lo for figure in others[1:])
            over = [
                s for s in range(shares[0] + 1, 96) if kept + percent_figure(s).lo > 100 * MARGIN
            ]
            shares[0] = rng.choice(over)
            kind, what = "shares_exceed_100", "exceed"
        detail = f"the shares {', '.join(f'{share} %' for share in shares)} {what} 100 %"
        draft.planted("counted-by-venue", kind, detail)
    quotes = [
        f"{share} percent were in {venue}" for share, venue in zip(shares, venues, strict=True)
    ]
    if complete:
        quotes[-1] = f"the remaining {shares[-1]} percent in {venues[-1]}"
    draft.paragraphs.append(f"Of the {topic.noun} counted by {draft.agency}, {_listed(quotes)}.")
    population = f"{topic.noun} counted by {draft.agency} in {draft.place}"
    ids = [
        draft.claim(
            f"counted-in-{_slug(venue)}",
            quote,
            percent_figure(share),
            measure=f"share of {topic.noun} counted in {venue}",
            population=population,
            as_of=draft.published,
        )
        for share, venue, quote in zip(shares, venues, quotes, strict=True)
    ]
    draft.relate("counted-by-venue", "partition", shares=ids, complete=complete)


def _changed(before: Figure, by: Figure, percent: bool, up: bool) -> tuple[float, float]:
    """Where the level after lies, from the level before and the change (pragmatic)."""
    if percent:
        factors = (1 + by.lo / 100, 1 + by.hi / 100) if up else (1 - by.hi / 100, 1 - by.lo / 100)
        return before.lo * factors[0], before.hi * factors[1]
    return (before.lo + by.lo, before.hi + by.hi) if up else (before.lo - by.hi, before.hi - by.lo)


def _change(draft: Draft, anchors: Anchors) -> None:
    """A level that rose or fell ("rose by 14 to 52 from 38", "fell 20 percent to 384 from
    480"); planted: a level after that the change cannot lead to."""
    rng, topic = draft.rng, draft.topic
    before = count_figure(10 ** rng.uniform(1.5, 3.5), "", rng, "count")
    percent, up = rng.random() < 0.5, rng.random() < 0.5
    if percent:
        by = percent_figure(rng.randint(5, 60), "percent_change")
        exact = float(before.x) * (1 + (1 if up else -1) * float(by.x) / 100)
    else:
        by = count_figure(float(before.x) * rng.uniform(0.1, 0.6), "", rng, "count")
        exact = float(before.x + by.x if up else before.x - by.x)
    after = exact_count(round(exact))
    if draft.inject():
        low, high = _changed(before, by, percent, up)
        after = _until(
            lambda: exact_count(max(1, round(exact * rng.choice((0.5, 0.7, 1.4, 1.9))))),
            lambda figure: _apart(low, high, figure.bounds()),
        )
        detail = f"from {before.text} by {by.text} is about {exact:,.0f}, not {after.text}"
        draft.planted("facilities-open-change", "change_mismatch", detail)
    verb = "rose" if up else "fell"
    change = f"{verb} {by.text}" if percent else f"{verb} by {by.text}"
    quote = f"{topic.facilities} open {change} to {after.text} from {before.text}"
    draft.paragraphs.append(f"The number of {quote} when {topic.event}.")
    measure = f"{topic.facilities} open in {draft.place}"
    common = {"population": f"{topic.facilities} in {draft.place}"}
    before_id = draft.claim(
        "open-before", quote, before, measure=measure, as_of=anchors.start, **common
    )
    after_id = draft.claim(
        "open-after", quote, after, measure=measure, as_of=draft.published, **common
    )
    by_id = draft.claim(
        "open-change",
        quote,
        by,
        measure=f"change in {measure} since {topic.event}",
        as_of=draft.published,
        **common,
    )
    kind = "percent" if percent else "absolute"
    draft.relate(
        "facilities-open-change",
        "change",
        before=before_id,
        after=after_id,
        by=by_id,
        kind=kind,
        direction="up" if up else "down",
    )


def _daily_rate(draft: Draft, anchors: Anchors) -> None:
    """A week's total and its daily average ("1,820 new cases over the past seven days, or
    about 260 a day"); planted: an average that does not fit the total."""
    rng, daily = draft.rng, draft.topic.daily
    qualifier = rng.choice(("", "about", "some"))
    per_day = count_figure(10 ** rng.uniform(1.3, 3), qualifier, rng, "count")
    total = exact_count(int(per_day.x) * 7)
    period = Figure("seven days", Fraction(7), Fraction(1), Fraction(1), "", "days")
    if draft.inject():
        per_day = _until(
            lambda: count_figure(
                float(per_day.x) * rng.choice((0.4, 0.55, 1.8, 2.5)), qualifier, rng, "count"
            ),
            lambda figure: _apart(total.lo, total.hi, (figure.lo * 6.5, figure.hi * 7.5)),
        )
        detail = f'"{per_day.written} a day" over seven days is not {total.text}'
        draft.planted("week-daily-average", "rate_mismatch", detail)
    total_quote = f"recorded {total.text} {daily}"
    period_quote = "over the past seven days"
    per_day_quote = f"or {per_day.written} a day"
    draft.paragraphs.append(
        f"{_capital(draft.agency)} {total_quote} {period_quote}, {per_day_quote}."
    )
    common = {"population": f"{daily} in {draft.place}", "as_of": draft.published}
    total_id = draft.claim(
        "week-total", total_quote, total, measure=f"{daily} over the past seven days", **common
    )
    period_id = draft.claim(
        "week-period",
        period_quote,
        period,
        measure="period of the weekly count",
        as_of=draft.published,
    )
    per_day_id = draft.claim(
        "week-per-day",
        per_day_quote,
        per_day,
        measure=f"average {daily} per day over the past seven days",
        **common,
    )
    draft.relate(
        "week-daily-average", "rate", total=total_id, per_period=per_day_id, period=period_id
    )


MEETING_DAY = 15
COMMITTEE = "the regional emergency committee"
MEETINGS = "emergency-committee-*"
TIMES = {1: "once", 2: "twice", 3: "three", 4: "four", 5: "five"}
"""How often the committee met, as a claim's value: the counts ``event_count`` reads."""


def _meetings(first: date, last: date) -> list[date]:
    """The committee's meetings (the 15th of every month) from ``first`` to ``last``."""
    months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
    days = (date(month // 12, month % 12 + 1, MEETING_DAY) for month in months)
    return [day for day in days if first <= day <= last]


def _event_count(draft: Draft, anchors: Anchors, rng: random.Random) -> None:
    """How often a committee met since the story began, against its meetings on record in
    the archive's reference/events ("has met twice since ..."); planted: a count the record
    does not hold.  Drawn from ``rng``, not the draft's, so that the other sites of an
    article are those of archives written before this site was."""
    held = len(_meetings(anchors.start, draft.published))
    if not held:
        return
    said = held
    if rng.random() < draft.error_rate:
        said = rng.choice([times for times in TIMES if times != held])
    times = TIMES[said] if said < 3 else f"{TIMES[said]} times"
    if said != held:
        detail = f'"met {times}" said of {held} meetings on record'
        draft.planted("committee-meetings", "event_count_mismatch", detail)
    quote = f"{_capital(COMMITTEE)} has met {times} since {draft.topic.event}"
    draft.paragraphs.append(f"{quote}, according to its published minutes.")
    count_id = draft.claim(
        "committee-met",
        quote,
        Figure(TIMES[said], Fraction(said), Fraction(1), Fraction(1), "", "count"),
        measure=f"meetings of {COMMITTEE} since {draft.topic.event}",
        population=f"meetings of {COMMITTEE}",
        as_of=draft.published,
    )
    draft.relate(
        "committee-meetings",
        "event_count",
        count=count_id,
        events=MEETINGS,
        start=anchors.start_id,
        end="publication",
    )


def _above_target(draft: Draft, rng: random.Random) -> None:
    """Supplies handed out against the number planned ("has handed out 12,437 blankets,
    more than the 9,000 it had planned for"); planted: a plan the count cannot exceed.
    Drawn from ``rng``, not the draft's, as ``_event_count`` is, so that the other sites of
    an article are those of archives written before this site was."""
    supplies = draft.topic.supplies
    given = exact_count(rng.randrange(2_000, 40_000))
    planned = count_figure(float(given.x) * rng.uniform(0.5, 0.8), "", rng, "count")
    if rng.random() < draft.error_rate:
        planned = _until(
            lambda: count_figure(float(given.x) * rng.uniform(1.3, 2.5), "", rng, "count"),
            lambda figure: _apart(given.lo, given.hi, figure.bounds()),
        )
        detail = f"{given.text} handed out is not more than the {planned.text} planned"
        draft.planted("supplies-above-plan", "target_not_exceeded", detail)
    given_quote = f"has handed out {given.text} {supplies}"
    planned_quote = f"more than the {planned.text} it had planned for"
    draft.paragraphs.append(
        f"{_capital(draft.agency)} {given_quote} in {draft.place}, {planned_quote}."
    )
    common = {"population": f"{supplies} in {draft.place}", "as_of": draft.published}
    given_id = draft.claim(
        "supplies-given", given_quote, given, measure=f"{supplies} handed out", **common
    )
    planned_id = draft.claim(
        "supplies-planned", planned_quote, planned, measure=f"{supplies} planned", **common
    )
    draft.relate("supplies-above-plan", "exceeds", larger=given_id, smaller=planned_id)


def _write_events(reference: Path) -> None:
    """reference/events of the archive: every meeting of the committee the articles count."""
    folder = reference / "events"
    folder.mkdir(parents=True)
    meta = {"source": "minutes of " + COMMITTEE, "licence": "synthetic, for testing"}
    _dump(meta, folder / "events.yaml")
    first = FIRST_DAY - timedelta(days=120)
    with (folder / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "event", "source"])
        for day in _meetings(first, LAST_DAY):
            name = f"emergency-committee-{day:%Y-%m}"
            writer.writerow([name, day.isoformat(), f"monthly meeting of {COMMITTEE}", "minutes"])


RELATION_SITES = (
    (_total, 0.5),
    (_share_count, 0.5),
    (_partition, 0.5),
    (_change, 0.5),
    (_daily_rate, 0.5),
)


# -- the archive ------------------------------------------------------------------------------


def draft_article(seed: int, index: int, error_rate: float) -> Draft:
    """One article, drawn from its own generator: article i is the same in every archive size."""
    rng = random.Random(f"{seed}/{index}")
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    draft = Draft(rng, published, rng.choice(TOPICS), rng.choice(sorted(PLACES)), error_rate)
    anchors = _lead(draft)
    opening = len(draft.paragraphs)
    _headline(draft, anchors)
    groups = rng.sample(draft.topic.groups, rng.randint(0, 3))
    for number, group in enumerate(groups):
        _part(draft, anchors, group, number)
    sites = ((_regions, 0.6), (_share, 0.6), (_order, 0.5), (_years, 0.5), *RELATION_SITES)
    for site, chance in sites:
        if rng.random() < chance:
            site(draft, anchors)
    if rng.random() < 0.5:
        _standing(draft)
    if rng.random() < 0.5:
        _relative(draft)
    for aside in _asides(draft):
        if rng.random() < 0.5:
            _aside(draft, aside)
    if rng.random() < 0.7:
        _ignored(draft)
    draft.paragraphs += rng.sample(draft.topic.fillers, rng.randint(0, len(draft.topic.fillers)))
    body = draft.paragraphs[opening:]
    rng.shuffle(body)
    draft.paragraphs[opening:] = body
    events = random.Random(f"{seed}/{index}/events")
    if events.random() < 0.5:
        _event_count(draft, anchors, events)
    target = random.Random(f"{seed}/{index}/target")
    if target.random() < 0.5:
        _above_target(draft, target)
    return draft


def _folder_name(draft: Draft, index: int) -> str:
    return f"{draft.published.isoformat()}-{_slug(draft.place)}-{index:05d}"


def _dump(data: Mapping[str, object], path: Path) -> None:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def _write_article(folder: Path, draft: Draft) -> None:
    folder.mkdir(parents=True)
    text = "\n".join([draft.headline, *draft.paragraphs]) + "\n"
    (folder / "article.txt").write_text(text, encoding="utf-8")
    outlet = draft.rng.choice(OUTLETS)
    url = f"https://news.example.org/{folder.name}" if outlet else None
    meta = {"headline": draft.headline, "published": draft.published, "outlet": outlet, "url": url}
    _dump(meta, folder / "meta.yaml")
    claims: dict[str, object] = {"claims": draft.claims, "relations": draft.relations}
    if draft.ignored:
        claims["ignored"] = draft.ignored
    _dump(claims, folder / "claims.yaml")


def write_archive(out: Path, articles: int, seed: int, error_rate: float) -> GroundTruth:
    """Write ``articles`` article folders under ``out`` and the ground truth of their errors."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: synth writes a fresh archive")
    out.mkdir(parents=True, exist_ok=True)
    errors: list[InjectedError] = []
    claims = 0
    for index in range(articles):
        draft = draft_article(seed, index, error_rate)
        name = _folder_name(draft, index)
        _write_article(out / name, draft)
        claims += len(draft.claims)
        errors += [InjectedError(name, *planted) for planted in draft.errors]
    _write_events(out / REFERENCE_FOLDER)
    _write_ground_truth(out / GROUND_TRUTH, errors)
    return GroundTruth(out / GROUND_TRUTH, articles, claims, errors)


# -- the command ------------------------------------------------------------------------------


def _rate(text: str) -> float:
    rate = float(text)
    if not 0 <= rate <= 1:
        raise argparse.ArgumentTypeError("the error rate is a probability, from 0 to 1")
    return rate


def _synth(arguments: argparse.Namespace) -> int:
    try:
        truth = write_archive(
            arguments.out, arguments.articles, arguments.seed, arguments.error_rate
        )
    except FileExistsError as error:
        print(error)
        return 2
    print(
        f"wrote {truth.articles} articles ({truth.claims} claims) to {arguments.out}; "
        f"{len(truth.errors)} injected errors listed in {truth.path}"
    )
    return 0


def _at_least_one(written: str) -> int:
    if not (written.isascii() and written.isdigit() and int(written) > 0):
        raise argparse.ArgumentTypeError(f"{written!r} is not a whole number above 0")
    return int(written)


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``factsuite synth OUT --articles N --seed S [--error-rate R]``."""
    synth = subparsers.add_parser(
        "synth", help="write a synthetic archive with a ground truth of injected errors"
    )
    synth.add_argument("out", type=Path, help="a new or empty folder")
    synth.add_argument(
        "--articles", type=_at_least_one, default=100, help="how many articles (100)"
    )
    synth.add_argument("--seed", type=int, default=0, help="the same seed writes the same archive")
    synth.add_argument(
        "--error-rate",
        type=_rate,
        default=0.0,
        help="chance that each checkable site (a relation, a dated or passing mention) "
        "carries an injected error (0)",
    )
    synth.set_defaults(run=_synth)
