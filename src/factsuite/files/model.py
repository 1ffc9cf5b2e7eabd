"""What an article folder's YAML files may say: the single model behind validation and the
JSON Schema that editors use (``factsuite schemas`` writes it to ``schemas/``).

Vocabularies (units, qualifiers) come from the lexicon so that the schema, the docs and the
error messages never disagree.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Annotated, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from factsuite.files.addresses import WebAddress
from factsuite.meaning.lexicon import Kind, load_lexicon

PUBLICATION = "publication"

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
    Field(description="Lower-case words joined by hyphens, e.g. children-refugees."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: pydantic would read a bare number such as 0 as a Unix timestamp."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _known_qualifier(spelling: str) -> str:
    if load_lexicon().qualifier(spelling) is None:
        raise ValueError(f"unknown qualifier {spelling!r}")
    return spelling


def _known_unit(name: str) -> str:
    if name not in load_lexicon().units:
        raise ValueError(f"unknown unit {name!r}")
    return name


Qualifier = Annotated[
    str,
    AfterValidator(_known_qualifier),
    Field(
        description="The hedge before the figure, as written (see docs/lexicon.md).",
        json_schema_extra={"enum": load_lexicon().qualifier_spellings},
    ),
]
Unit = Annotated[
    str,
    AfterValidator(_known_unit),
    Field(
        description="What the figure counts; decides how the value is read.",
        json_schema_extra={"enum": sorted(load_lexicon().units)},
    ),
]
Endpoint = Annotated[
    str,
    BeforeValidator(lambda value: value.isoformat() if isinstance(value, date) else value),
    Field(description="A claim id, an ISO date (2014-04-06) or 'publication'."),
]


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key must not silently drop a field."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Claim(Strict):
    """One numeric or temporal mention of the article, as data."""

    id: Identifier
    quote: Text = Field(description="A verbatim span of the article holding the figure.")
    value: Text = Field(
        description='The figure as written, without its qualifier: "3.5 million", "a month".'
    )
    qualifier: Qualifier = ""
    unit: Unit
    measure: Text = Field(description="What is measured: 'people who fled', 'date of ...'.")
    population: Text | None = Field(
        default=None,
        description="Of whom: 'people who fled Ukraine' is not 'Ukrainians who fled'.",
    )
    as_of: IsoDate | None = Field(
        default=None, description="The date the figure is as of, or the date a date names."
    )
    attributed: Text | None = Field(default=None, description="Who says so: UNHCR, UNICEF...")
    cites: Identifier | None = Field(
        default=None,
        description="The reference series the figure comes from (a folder of reference/); "
        "without it, the series with the same measure, agency (attributed) and unit is used.",
    )
    event: Identifier | None = Field(
        default=None, description="For a date: the reference event it names (events.csv id)."
    )
    tense: Literal["past", "future"] | None = Field(
        default=None,
        description="future: the text looks ahead (a scheduled or forecast date, a budget "
        "year): the date must lie on or after publication, and a weekday or a date without "
        "its year is the next one.  Without it, the figure's clause in the article decides: a "
        "future word before the date (due, will, expect, next...) or in a 'when' clause after "
        "it, 'ahead of', a present of schedule ('which open on July 26'), or 'by'/'from'/'for' "
        "a year after publication make it future.",
    )
    dated: bool | None = Field(
        default=None,
        description="true: the article gives the figure as of a past day or period ('stood "
        "at 450,000 on June 4', 'the June rate'), so later records do not make it stale.  "
        "Without it, a date in the quote (other than today, this week/month/year) makes it "
        "dated; only a figure presented as current is checked by stale[...].",
    )
    highest_since: IsoDate | None = Field(
        default=None,
        description="'the highest since 2011': no record of the series the claim cites, "
        "dated after this day and before the claim's own (as_of less the series' lag), is "
        "above the claim.  Write the last day the text excepts: 'since 2011' (when 2011 was "
        "as high) 2011-12-31; 'since records began in 2011' the day before the first record.",
    )
    lowest_since: IsoDate | None = Field(
        default=None,
        description="'the lowest since June 2022': as highest_since, no record below the claim.",
    )
    status: Literal["draft", "reviewed"] = Field(
        default="reviewed",
        description="draft: written by `factsuite new`, not yet checked by a person.",
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _since_needs_a_series(self) -> Claim:
        given = [name for name in ("highest_since", "lowest_since") if getattr(self, name)]
        if len(given) > 1:
            raise ValueError("a figure is the highest or the lowest since a day, not both")
        if given and self.cites is None:
            raise ValueError(
                f"{given[0]} compares the claim with the records of a reference series: "
                "name it with cites"
            )
        since = self.highest_since or self.lowest_since
        if since and self.as_of and since >= self.as_of:
            raise ValueError(f"{given[0]} ({since}) must come before as_of ({self.as_of})")
        return self

    @model_validator(mode="after")
    def _fields_the_unit_needs(self) -> Claim:
        kind = load_lexicon().units[self.unit].kind
        if kind in (Kind.COUNT, Kind.SHARE) and self.population is None:
            raise ValueError(f"a {kind} needs a population: of whom is it a {kind}?")
        if kind is Kind.DATE and self.as_of is None:
            raise ValueError("a date claim needs as_of: the date the text refers to")
        return self


class PartOf(Strict):
    """A part never exceeds its whole."""

    id: Identifier
    rule: Literal["part_of"]
    part: Identifier
    whole: Identifier
    notes: Text | None = None


class SumOf(Strict):
    """Parts together never exceed their whole."""

    id: Identifier
    rule: Literal["sum_of"]
    parts: list[Identifier] = Field(min_length=2)
    whole: Identifier
    notes: Text | None = None


class ShareOf(Strict):
    """A share of a whole agrees with the counts it relates, and holds its parts."""

    id: Identifier
    rule: Literal["share_of"]
    share: Identifier
    whole: Identifier
    parts: list[Identifier] = Field(
        default_factory=list, description="Counts that belong to the group the share names."
    )
    notes: Text | None = None


class SameFigure(Strict):
    """Two mentions of one figure (headline, lead, body) agree in value and in what they count."""

    id: Identifier
    rule: Literal["same_figure"]
    claims: list[Identifier] = Field(min_length=2)
    notes: Text | None = None


class Before(Strict):
    """One date comes no later than another."""

    id: Identifier
    rule: Literal["before"]
    earlier: Endpoint
    later: Endpoint
    notes: Text | None = None


class Spans(Strict):
    """A stated duration fits the dates it spans."""

    id: Identifier
    rule: Literal["spans"]
    duration: Identifier
    start: Endpoint
    end: Endpoint = PUBLICATION
    inclusive: bool | None = Field(
        default=None,
        description="Count both end days: 'the seven days to Jan. 24' from 18 to 24 January, "
        "'a three-day stoppage from Jan. 10 to Jan. 12'.  Without it, the duration's quote "
        "decides: a range after it ('from Jan. 10 to Jan. 12') or the day it runs to ('the "
        "seven days to Jan. 24') counts both ends; otherwise the days between.",
    )
    notes: Text | None = None


class Total(Strict):
    """Parts that make up a whole exactly ("together", "in total", "of whom ... and ..."):
    their sum and the whole agree within the rounding of every figure.  A net figure ("a net
    loss of 2,800: 61,000 lost, 58,000 gained") subtracts the figures under ``less``."""

    id: Identifier
    rule: Literal["total"]
    parts: list[Identifier] = Field(min_length=1)
    whole: Identifier
    less: list[Identifier] = Field(
        default_factory=list,
        description="Figures subtracted from the parts, for a net whole: of 'a net loss of "
        "2,800: 61,000 full-time jobs lost, 58,000 part-time gained', the whole is the 2,800, "
        "the parts the 61,000 lost and less the 58,000 gained (each written positive).",
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _two_figures(self) -> Total:
        if len(self.parts) + len(self.less) < 2:
            raise ValueError("a total relates at least two figures to its whole: list parts")
        return self


class ShareCount(Strict):
    """A share given with its counts ("N votes, or P %", "X out of Y", "a quarter of"): the
    part divided by the whole is the share.  The whole is a claim, or, when the text states
    no total, the counts that make it up (``whole_parts``: every candidate's votes); left
    out, it is the whole of the one ``total`` or ``sum_of`` that lists the part."""

    id: Identifier
    rule: Literal["share_count"]
    share: Identifier
    part: Identifier
    whole: Identifier | None = Field(
        default=None,
        description="The whole, a count claim; or give whole_parts.  Left out, the whole of "
        "the one total or sum_of that lists the part.",
    )
    whole_parts: list[Identifier] = Field(
        default_factory=list,
        description="When the text states no total: the counts that together make the whole "
        "('14,238 votes, or 52 percent' beside every candidate's votes); the whole is their sum.",
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _one_whole(self) -> ShareCount:
        if self.whole is not None and self.whole_parts:
            raise ValueError(
                "a share_count has one whole: give either whole (a claim) or whole_parts "
                "(the counts that make it up), not both"
            )
        if len(self.whole_parts) == 1:
            raise ValueError("whole_parts lists at least two counts; one count is a whole")
        return self


class Partition(Strict):
    """Shares of one whole: together at most 100 %, and about 100 % when the text lists
    every part (``complete: true``)."""

    id: Identifier
    rule: Literal["partition"]
    shares: list[Identifier] = Field(min_length=2)
    complete: bool = Field(
        default=False, description="true when the text lists every part of the whole."
    )
    notes: Text | None = None


class ChangeKind(StrEnum):
    """How a change is stated: a difference of counts, a percent change, a difference of
    shares in percentage points, or a factor ("doubled": 2)."""

    ABSOLUTE = "absolute"
    PERCENT = "percent"
    POINTS = "points"
    FACTOR = "factor"


class Change(Strict):
    """A figure that rose or fell from one value to another by a stated change; with no
    stated change ("rose from 800 a day to 1,500", "fell to 12 from 19"), only its
    direction is checked."""

    id: Identifier
    rule: Literal["change"]
    before: Identifier
    after: Identifier
    by: Identifier | None = Field(
        default=None,
        description="The change: a count, a percent_change or points claim, or a factor "
        "('doubled': two).  Left out when the text states none ('up from 354'): then only "
        "the direction is checked.",
    )
    kind: ChangeKind = ChangeKind.ABSOLUTE
    direction: Literal["up", "down"] = Field(
        default="up", description="up: rose, grew; down: fell, was cut (by is written positive)."
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _kind_needs_by(self) -> Change:
        if self.by is None and "kind" in self.model_fields_set:
            raise ValueError(
                "kind says how the change 'by' is stated; with no 'by' only the direction "
                "is checked, so leave kind out"
            )
        return self


class Rate(Strict):
    """A total and its average per day, week, month or year ("N last week, or about M a
    day", "an average of 1,200 a year over five years"); or a total and the amount each
    of a count gets ("$500 each to 2,000 families")."""

    id: Identifier
    rule: Literal["rate"]
    total: Identifier
    per_period: Identifier = Field(
        description="The average per day (or per the unit of per); with count, the amount each."
    )
    period: Identifier | None = Field(
        default=None, description="A duration claim giving the period; or give days or count."
    )
    days: Annotated[int, Field(gt=0)] | None = Field(
        default=None, description="The period in days, when the text states no duration."
    )
    count: Identifier | None = Field(
        default=None,
        description="In place of a period: a count claim, how many get per_period each "
        "('$500 each to 2,000 families').",
    )
    per: Literal["day", "week", "month", "year"] = Field(
        default="day",
        description="What per_period is an average per: 'a day' (the default), 'a week', "
        "'a month', 'a year'; the period is converted as the lexicon reads durations.",
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _one_period(self) -> Rate:
        given = [name for name in ("period", "days", "count") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "a rate needs its period: give either period (a claim) or days, or count "
                "(how many get per_period each)"
            )
        if self.count is not None and "per" in self.model_fields_set:
            raise ValueError("with count, per_period is an amount each: leave per out")
        return self


class Exceeds(Strict):
    """One figure is above another that is no level before or after it: a threshold, a
    target, a forecast, a rival ("nearly 25,000 signatures, more than the 20,000 required",
    "4.48 billion, beating the 4.35 billion analysts had expected"); below it, with the two
    named the other way round ("71.4 percent, still below the target of 75 percent": the
    target is ``larger``)."""

    id: Identifier
    rule: Literal["exceeds"]
    larger: Identifier = Field(description="The figure said to be above the other.")
    smaller: Identifier = Field(description="The figure said to be below the other.")
    or_equal: bool = Field(
        default=False,
        description="true when the text allows the two to be equal: 'at least as many as', "
        "'met the target', 'no fewer than'.  Left out, larger must be strictly above smaller.",
    )
    notes: Text | None = None


EventPattern = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9*?][a-z0-9*?-]*$", max_length=80),
    Field(description="Ids of reference/events, * standing for any characters: 'talks-round-*'."),
]


class EventCount(Strict):
    """A count of events ("several rounds of talks", "three meetings", "twice") agrees with
    the dated events of reference/events that match ``events``, from ``start`` to ``end``."""

    id: Identifier
    rule: Literal["event_count"]
    count: Identifier = Field(description="The count claim: 'several rounds of talks'.")
    events: EventPattern
    start: Endpoint | None = Field(
        default=None,
        description="Count events on or after this day (a date claim, an ISO date, an event "
        "or 'publication'); without it, every earlier event counts.",
    )
    end: Endpoint = Field(
        default=PUBLICATION, description="Count events on or before this day (publication)."
    )
    notes: Text | None = None


Relation = Annotated[
    PartOf
    | SumOf
    | Total
    | ShareOf
    | ShareCount
    | Partition
    | Change
    | Rate
    | Exceeds
    | SameFigure
    | Before
    | Spans
    | EventCount,
    Field(discriminator="rule"),
]
RELATION_MODELS: dict[str, type[Strict]] = {
    get_args(model.model_fields["rule"].annotation)[0]: model
    for model in (
        PartOf,
        SumOf,
        Total,
        ShareOf,
        ShareCount,
        Partition,
        Change,
        Rate,
        Exceeds,
        SameFigure,
        Before,
        Spans,
        EventCount,
    )
}
"""Each relation rule's name (as written after ``rule:``) and its model."""
NOT_ROLES = frozenset(
    {
        "id",
        "rule",
        "notes",
        "inclusive",
        "complete",
        "kind",
        "direction",
        "days",
        "events",
        "per",
        "or_equal",
    }
)
ROLE_ORDER = (
    "part",
    "whole",
    "share",
    "before",
    "after",
    "by",
    "total",
    "per_period",
    "period",
    "count",
    "larger",
    "smaller",
    "duration",
    "start",
    "end",
    "earlier",
    "later",
)
"""The order a check lists the claims of its relation in, as reports show them; a role not
listed here comes after these."""


@cache
def roles(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A relation model's roles, from its fields: those naming one claim (or date), in
    ``ROLE_ORDER``, and those naming a list of claims.  The one source of the roles a
    relation rule takes."""
    fields = [(name, info) for name, info in model.model_fields.items() if name not in NOT_ROLES]
    lists = tuple(name for name, info in fields if get_origin(info.annotation) is list)
    singles = [name for name, _ in fields if name not in lists]
    listed = {name: index for index, name in enumerate(ROLE_ORDER)}
    return tuple(sorted(singles, key=lambda name: listed.get(name, len(listed)))), lists


class Verdict(StrEnum):
    """A reviewer's verdict on a finding (mapped to ClaimReview ratings in reports)."""

    INACCURATE = "inaccurate"
    MISLEADING = "misleading"
    UNSUPPORTED = "unsupported"
    OUTDATED = "outdated"
    ACCEPTABLE = "acceptable"


class Finding(Strict):
    """A failing check a person has reviewed: it stays visible as a strict xfail."""

    check: Text = Field(description="The check's name, as pytest shows it after '::'.")
    verdict: Verdict
    reason: Text
    reviewed_by: Text | None = None
    reviewed_on: IsoDate | None = None
    evidence: Text | None = None
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}$")] | None = Field(
        default=None,
        description="Written by `factsuite findings record`: what the reviewed failure was "
        "made of.  A different failure of the check then fails again.  Without it, the "
        "finding covers any failure of the check.",
    )


class Ignored(Strict):
    """A mention that is deliberately not a claim, with the reason."""

    quote: Text
    reason: Text


class ClaimsFile(Strict):
    """claims.yaml: the claims of one article, their relations and reviewed findings."""

    claims: list[Claim] = Field(min_length=1)
    relations: list[Relation] = Field(default_factory=list)
    ignored: list[Ignored] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    ignore_implied: list[Text] = Field(
        default_factory=list,
        description="Implied relations not to check, by name as reports show them: "
        "'implied:same_figure[a,b]' when a and b are not one figure after all.",
    )


class ArticleMeta(Strict):
    """meta.yaml: where the article comes from.  Unknown is said with null, never guessed."""

    headline: Text | None = Field(description="The headline, verbatim as in article.txt.")
    published: IsoDate
    outlet: Text | None = Field(description="The publisher, or null when unknown.")
    url: WebAddress | None = Field(
        description="The article's address (http or https), or null when unknown."
    )
    language: Literal["en"] = "en"
    notes: Text | None = None
