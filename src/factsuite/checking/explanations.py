"""Each rule's explanation: a failing row of its table made into a ``Problem``.

One function per rule; each gets the failing row and the article, and names the claims
involved (with their places and intervals), the numbers that clash and why.  The words a
problem is finally told in are put together by ``reports/wording.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

import pandas as pd

from factsuite.checking.findings import Blocked, ClaimRef, Line, Problem
from factsuite.checking.rule import Context, Failure
from factsuite.checking.series_match import candidates, envelope_text
from factsuite.files.model import PUBLICATION, Claim
from factsuite.files.reference import Series
from factsuite.meaning.dates import describe, describe_day
from factsuite.meaning.grounding import find_quote, nearest_match
from factsuite.meaning.intervals import Bound, Interval, format_number
from factsuite.meaning.lexicon import Kind, load_lexicon


def render_bound(unit: str) -> Callable[[Bound], str]:
    """How an interval end reads in a unit: people, percent, days or a calendar date."""
    kind = load_lexicon().units[unit].kind
    if kind is Kind.DATE:
        return lambda value: describe_day(int(value))
    suffix = {Kind.SHARE: " %", Kind.DURATION: " days"}.get(kind, "")
    return lambda value: f"{format_number(value)}{suffix}"


INDENT = " " * 12


def labelled(role: str, text: str) -> str:
    """A line of a failure, its role in a column wide enough for the longest ("duration")."""
    return f"  {role:<9} {text}"


def written(claim: Claim) -> str:
    return f"{claim.qualifier} {claim.value}".strip()


def claim_ref(context: Context, role: str, claim_id: str) -> ClaimRef:
    """One claim as a problem names it: where it is, what it quotes, how it reads."""
    claim = context.claim(claim_id)
    place = find_quote(context.article.text, claim.quote)
    return ClaimRef(
        role,
        claim_id,
        context.article.claim_line(claim_id),
        claim.quote,
        place.line if place else None,
        written(claim),
        claim.unit,
        context.interval(claim_id),
    )


def _blocked(failure: Failure, context: Context) -> str:
    row = failure.row
    if row[Blocked.UNRESOLVED]:
        ids = ", ".join(f"'{name}'" for name in row[Blocked.UNRESOLVED])
        return (
            f"  It names {ids}, which is neither a claim of this file, nor a date, nor an "
            "event of reference/events, nor 'publication'."
        )
    items = ", ".join(_value_item(context, name) for name in row[Blocked.UNREADABLE])
    return f"  It cannot be checked until these values can be read: see {items}."


def _value_item(context: Context, claim_id: str) -> str:
    """Where an unreadable value is reported: calendar[...] for dates, schema[...] else."""
    rule = "calendar" if context.claim(claim_id).unit == "date" else "schema"
    return f"{rule}[{claim_id}]"


def _as_unit(unit: str) -> str:
    return "as a date" if unit == "date" else f"in {unit}"


def _claim(failure: Failure) -> str:
    return str(failure.row["claim"])


def value_readable(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    return [
        f'The value "{claim.value}" cannot be read {_as_unit(claim.unit)}: '
        f"{failure.row['parse_error']}.",
        claim_ref(context, "claim", claim.id),
    ]


def share_within_bounds(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    return [
        f'A share must lie between 0 and 100 percent, but "{written(claim)}" is '
        f"{format_number(Fraction(failure.row['figure']))} percent.",
        claim_ref(context, "claim", claim.id),
    ]


def as_of_not_after_publication(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    assert claim.as_of is not None
    assert context.article.meta is not None
    return [
        f"The claim is as of {describe(claim.as_of)}, after the article was published on "
        f"{describe(context.article.meta.published)}.",
        claim_ref(context, "claim", claim.id),
    ]


def quote_in_article(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    place, text, ratio = nearest_match(context.article.text, claim.quote)
    return [
        "The quote is not in the article, word for word.",
        labelled("quote", f'"{claim.quote}" (claims.yaml:{context.article.claim_line(claim.id)})'),
        labelled(
            "nearest",
            f'"{text}" (article.txt:{place.line}, column {place.column}, {ratio:.0%} alike)',
        ),
        "  Copy the sentence from article.txt again, or fix the article if it was edited by "
        "mistake.",
    ]


def figure_in_quote(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    return [
        f"The claim and its quote disagree: {failure.row['figure_problem']}.",
        labelled("quote", f'"{claim.quote}" (claims.yaml:{context.article.claim_line(claim.id)})'),
        labelled("claim", f'value "{claim.value}", qualifier "{claim.qualifier}"'),
    ]


def date_matches_as_of(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    reading = context.readings[(str(context.article.folder), claim.id)]
    assert claim.as_of is not None
    assert context.article.meta is not None
    assert reading.span
    if reading.calendar_problem:
        return [f"{reading.calendar_problem}.", claim_ref(context, "claim", claim.id)]
    return [
        f'"{written(claim)}" in an article published {describe(context.article.meta.published)} '
        f"means {reading.span}, but the claim says it is {describe(claim.as_of)}.",
        claim_ref(context, "claim", claim.id),
    ]


def date_not_after_publication(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    reading = context.readings[(str(context.article.folder), claim.id)]
    assert context.article.meta is not None
    assert reading.span
    return [
        f'"{written(claim)}" is {reading.span}, after the article was published on '
        f"{describe(context.article.meta.published)}: a report cannot tell of it as past.",
        claim_ref(context, "claim", claim.id),
    ]


def date_not_before_publication(failure: Failure, context: Context) -> list[Line]:
    claim = context.claim(_claim(failure))
    reading = context.readings[(str(context.article.folder), claim.id)]
    assert context.article.meta is not None
    assert reading.span
    return [
        f'"{written(claim)}" is {reading.span}, before the article was published on '
        f"{describe(context.article.meta.published)}, but the claim looks ahead to it "
        "(tense: future, or a future word in its quote): a scheduled date cannot have passed.",
        claim_ref(context, "claim", claim.id),
    ]


def references_resolve(failure: Failure, context: Context) -> list[Line]:
    return ["A relation names something that does not exist.", _blocked(failure, context)]


def references_readable(failure: Failure, context: Context) -> list[Line]:
    return ["A relation cannot be checked.", _blocked(failure, context)]


def units_agree(failure: Failure, context: Context) -> list[Line]:
    return [
        "The claims of this relation are in different units, so they cannot be compared.",
        *_relation_claims(failure, context),
    ]


def kinds_fit(failure: Failure, context: Context) -> list[Line]:
    expected = {
        "share_of": "a share (percent) of a count",
        "spans": "a duration",
        "share_count": "a share (percent) and two counts in one unit (part and whole)",
        "partition": "shares in percent",
        "change": "two levels in one unit and a change in the unit its kind needs "
        "(absolute: the levels' unit; percent: percent_change; points: points, between "
        "two percents)",
        "rate": "a count in total and per day in one unit, and a duration",
    }
    return [
        f"This rule needs {expected.get(failure.rule.table, 'other kinds of claim')}.",
        *_relation_claims(failure, context),
    ]


ROLE_LABELS = {"per_period": "per day"}
"""A role as a failure labels it, where its field name would not fit the column."""


def _relation_claims(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    lines: list[Line] = []
    singles = ("part", "whole", "share", "before", "after", "by", "total", "per_period")
    for role in (*singles, "period", "first", "other", "duration"):
        if role in row and isinstance(row[role], str) and row[role]:
            lines.append(claim_ref(context, ROLE_LABELS.get(role, role), row[role]))
    for role, label in (("parts", "part"), ("shares", "share")):
        for claim_id in row.get(role, []):
            lines.append(claim_ref(context, label, claim_id))
    return lines


def _total(context: Context, claim_ids: list[str]) -> Interval:
    """The parts added up: each can be read, or the rule would not have compared them."""
    total, *others = (context.interval(claim_id) for claim_id in claim_ids)
    assert total is not None
    for interval in others:
        assert interval is not None
        total = total + interval
    return total


def part_within_whole(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    part, whole = context.interval(row["part"]), context.interval(row["whole"])
    assert part is not None
    assert whole is not None
    draw = render_bound(context.claim(row["part"]).unit)
    return [
        "A part cannot be larger than its whole.",
        claim_ref(context, "part", row["part"]),
        claim_ref(context, "whole", row["whole"]),
        f"  The part is at least {draw(part.lo)}, but the whole is at most {draw(whole.hi)}.",
    ]


def parts_within_whole(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    whole = context.interval(row["whole"])
    assert whole is not None
    total = _total(context, row["parts"])
    draw = render_bound(context.claim(row["whole"]).unit)
    lines: list[Line] = ["The parts together cannot be larger than their whole."]
    for part in row["parts"]:
        lines.append(claim_ref(context, "part", part))
    return [
        *lines,
        claim_ref(context, "whole", row["whole"]),
        f"  The parts add up to at least {draw(total.lo)}, but the whole is at most "
        f"{draw(whole.hi)}.",
    ]


def share_holds_parts(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    share, whole = context.interval(row["share"]), context.interval(row["whole"])
    assert share is not None
    assert whole is not None
    group = share.scaled(Fraction(1, 100)).times(whole)
    total = _total(context, row["parts"])
    draw = render_bound(context.claim(row["whole"]).unit)
    share_claim = context.claim(row["share"])
    lines: list[Line] = [
        "A share and the counts it relates disagree: the group the share names cannot hold "
        "its parts.",
        claim_ref(context, "share", row["share"]),
        claim_ref(context, "whole", row["whole"]),
    ]
    for part in row["parts"]:
        lines.append(claim_ref(context, "part", part))
    return [
        *lines,
        f'  "{written(share_claim)}" of the whole is at most {draw(group.hi)} '
        f"({group.format(draw)}), but the parts are at least {draw(total.lo)}.",
    ]


def parts_make_whole(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    whole = context.interval(row["whole"])
    assert whole is not None
    total = _total(context, row["parts"])
    draw = render_bound(context.claim(row["whole"]).unit)
    short = "fall short of" if total.hi <= whole.lo else "exceed"
    return [
        f"The parts do not add up to their total: together they {short} it.",
        *_relation_claims(failure, context),
        f"  The parts add up to {total.format(draw)}, but the whole is {whole.format(draw)}.",
    ]


def share_matches_counts(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    share, part, whole = (context.interval(row[role]) for role in ("share", "part", "whole"))
    assert share is not None
    assert part is not None
    assert whole is not None
    group = share.scaled(Fraction(1, 100)).times(whole)
    draw = render_bound(context.claim(row["whole"]).unit)
    as_share = render_bound(context.claim(row["share"]).unit)
    ratio = ""
    if whole.lo > 0 and whole.hi != float("inf"):
        ratio = (
            f" ({as_share(Fraction(part.lo) / Fraction(whole.hi) * 100)} to "
            f"{as_share(Fraction(part.hi) / Fraction(whole.lo) * 100)} of the whole)"
        )
    return [
        "A share does not match the counts it relates: the part divided by the whole is "
        "not the share.",
        *_relation_claims(failure, context),
        f'  "{written(context.claim(row["share"]))}" of the whole is {group.format(draw)}, '
        f"but the part is {part.format(draw)}{ratio}.",
    ]


def shares_within_100(failure: Failure, context: Context) -> list[Line]:
    total = _total(context, failure.row["shares"])
    return [
        "Shares of one whole add up to more than 100 %.",
        *_relation_claims(failure, context),
        f"  The shares add up to at least {format_number(total.lo)} %.",
    ]


def shares_complete(failure: Failure, context: Context) -> list[Line]:
    total = _total(context, failure.row["shares"])
    return [
        "The shares of every part of one whole do not add up to 100 %.",
        *_relation_claims(failure, context),
        f"  The shares add up to {total.format(render_bound('percent'))}; every part is "
        "listed (complete: true), so they should make about 100 %.",
    ]


def _bounds_interval(bounds: tuple[pd.Series, ...]) -> Interval:
    lo, lo_closed, hi, hi_closed = (bound.iloc[0] for bound in bounds)
    return Interval(float(lo), float(hi), bool(lo_closed), bool(hi_closed))


def change_fits(failure: Failure, context: Context) -> list[Line]:
    from factsuite.checking.checks import expected_after  # checks imports nothing from here

    row = failure.row
    reading = context.reading.value
    expected = _bounds_interval(expected_after(pd.DataFrame([row]), reading))
    after = context.interval(row["after"])
    assert after is not None
    draw = render_bound(context.claim(row["after"]).unit)
    verb = "risen" if row["direction"] == "up" else "fallen"
    by = written(context.claim(row["by"]))
    how = f"by a factor of {by}" if row["kind"] == "factor" else f"by {by}"
    return [
        "A change does not lead from the level before to the level after.",
        *_relation_claims(failure, context),
        f"  Had it {verb} {how} from the level before, the level after would be "
        f"{expected.format(draw)}, but it is {after.format(draw)}.",
    ]


def rate_fits_total(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    reading = context.reading.value
    per_day, total = context.interval(row["per_period"]), context.interval(row["total"])
    assert per_day is not None
    assert total is not None
    period = _bounds_interval(
        tuple(pd.Series([row[f"period_{reading}_{end}"]]) for end in BOUND_NAMES)
    )
    expected = per_day.times(period)
    draw = render_bound(context.claim(row["total"]).unit)
    lines: list[Line] = [
        "A daily average does not fit the total over its period.",
        *_relation_claims(failure, context),
    ]
    if not row["period"]:
        lines.append(labelled("period", f"{int(row['days'])} days"))
    return [
        *lines,
        f"  {per_day.format(draw)} a day over {period.format(render_bound('days'))} is "
        f"{expected.format(draw)}, but the total is {total.format(draw)}.",
    ]


BOUND_NAMES = ("lo", "lo_closed", "hi", "hi_closed")


def figures_agree(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    first, other = context.interval(row["first"]), context.interval(row["other"])
    assert first is not None
    assert other is not None
    draw = render_bound(context.claim(row["first"]).unit)
    return [
        "Two mentions of the same figure give values that cannot both be true.",
        claim_ref(context, "first", row["first"]),
        claim_ref(context, "other", row["other"]),
        f"  {first.format(draw)} and {other.format(draw)} do not overlap.",
    ]


def same_text(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    column = failure.rule.name.removeprefix("same_")
    return [
        f"Two mentions of the same figure count different things ({column}).",
        claim_ref(context, "first", row["first"]),
        f'{INDENT}{column}: "{row[f"first_{column}"]}"',
        claim_ref(context, "other", row["other"]),
        f'{INDENT}{column}: "{row[f"other_{column}"]}"',
    ]


def _endpoint(row: pd.Series, role: str) -> str:
    value = row[role]
    if value == PUBLICATION:
        return f"publication ({describe(date.fromordinal(int(row[f'{role}_first'])))})"
    if pd.isna(row.get(f"{role}_first")):
        return f"'{value}'"
    first, last = (date.fromordinal(int(row[f"{role}_{end}"])) for end in ("first", "last"))
    shown = describe(first) if first == last else f"{describe(first)} to {describe(last)}"
    return f"'{value}' ({shown})"


def endpoints_are_dates(failure: Failure, context: Context) -> list[Line]:
    roles = ("start", "end") if failure.rule.table == "spans" else ("earlier", "later")
    return [
        "A date in this relation is not a date: name a date claim, an ISO date or 'publication'.",
        *(labelled(role, _endpoint(failure.row, role)) for role in roles),
    ]


def duration_fits_dates(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    duration = context.interval(row["duration"])
    assert duration is not None
    days = render_bound("days")
    between_hi = row["elapsed_hi"] - row["inclusive"]
    if between_hi < 0:
        span = f"The end comes {days(Fraction(-between_hi))} before the start"
    else:
        elapsed = Interval(Fraction(row["elapsed_lo"]), Fraction(row["elapsed_hi"]))
        span = (
            f"The dates span {elapsed.format(days)}, both end days counted"
            if row["inclusive"]
            else f"The dates are {elapsed.format(days)} apart"
        )
    return [
        "A stated duration does not fit the dates it spans.",
        claim_ref(context, "claim", row["duration"]),
        labelled("start", _endpoint(row, "start")),
        labelled("end", _endpoint(row, "end")),
        f"  {span}; the duration allows {duration.format(days)}.",
    ]


def dates_in_order(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    return [
        "These dates are out of order: the earlier one comes after the later one.",
        labelled("earlier", _endpoint(row, "earlier")),
        labelled("later", _endpoint(row, "later")),
    ]


def series_known(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    lines = [f"The claim cites the series '{row['series']}', which reference/ does not hold."]
    if context.reference is not None:
        for path, errors in context.reference.errors.items():
            if path.parent.name == row["series"]:
                lines.append("  It could not be read:")
                lines += [f"    {error}" for error in errors]
        known = ", ".join(sorted(context.reference.series)) or "none"
        lines.append(f"  Series in {context.reference.folder}: {known}.")
    return [*lines, claim_ref(context, "claim", row["claim"])]


def _series(context: Context, row: pd.Series) -> Series:
    assert context.reference is not None
    return context.reference.series[row["series"]]


def _record_line(series: Series, record: pd.Series) -> str:
    day = date.fromisoformat(record["date"])
    figure = f"{record['qualifier']} {format_number(Fraction(record['value']))}".strip()
    return labelled("record", f"{figure} on {describe(day)}: {record['source']} ({record['url']})")


def record_exists(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    series = _series(context, row)
    as_of = describe(date.fromordinal(int(row["as_of"])))
    return [
        f"The series '{series.id}' ({series.meta.agency}) has no record on or before {as_of}.",
        claim_ref(context, "claim", row["claim"]),
    ]


def record_matches(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    series = _series(context, row)
    as_of = date.fromordinal(int(row["as_of"]))
    lag = series.meta.lag_days
    around = envelope_text(series, row["as_of"])
    headline = (
        f"The claim counts a part of {series.meta.agency}'s population "
        f'("{series.meta.population}"), but exceeds the whole series at its date.'
        if row["as_part"]
        else f"The record does not support the claim: {series.meta.agency}'s figure at its "
        "date lies outside what the claim's words allow."
    )
    return [
        headline,
        claim_ref(context, "claim", row["claim"]),
        labelled("as of", f"{describe(as_of)} (records up to {lag} day(s) earlier count)"),
        *[
            _record_line(series, record)
            for _, record in candidates(series, row["as_of"]).iterrows()
        ],
        *([labelled("envelope", f"{around}; the claim fits neither")] if around else []),
    ]


def population_matches(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    return [
        "The claim and the record it is checked against count different people.",
        claim_ref(context, "claim", row["claim"]),
        f'{INDENT}population: "{row["claim_population"]}"',
        labelled("series", f'{row["series"]} counts "{row["series_population"]}"'),
    ]


def not_replaced(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    series = _series(context, row)
    newer = series.records[
        series.records["date"] == date.fromordinal(int(row["record_date"])).isoformat()
    ]
    published = describe(date.fromordinal(int(row["published"])))
    return [
        f"The figure was out of date: {series.meta.agency} had replaced it before the article "
        f"was published on {published}.",
        claim_ref(context, "claim", row["claim"]),
        *[_record_line(series, record) for _, record in newer.iterrows()],
    ]


def event_known(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    return [
        f"The claim names the event '{row['event']}', which reference/events does not hold.",
        claim_ref(context, "claim", row["claim"]),
    ]


def event_in_date(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    day = describe(date.fromordinal(int(row["event_date"])))
    return [
        "The date in the article does not match the event it names.",
        claim_ref(context, "claim", row["claim"]),
        labelled("event", f"{row['event']}: {row['event_text']} on {day}"),
    ]


Explainer = Callable[[Failure, Context], list[Line]]
"""A rule's explanation: its summary line first, then the claims and lines that show it."""


def explain(failure: Failure, context: Context) -> Problem:
    """A failing row as a problem: the rule, what is wrong, the claims, the numbers."""
    summary, *body = failure.rule.explain(failure, context)
    assert isinstance(summary, str)
    return Problem(
        failure.rule.name,
        summary,
        tuple(body),
        context.reading,
        context.strict_also,
        _source(failure, context),
    )


def _source(failure: Failure, context: Context) -> str | None:
    """The agency of the series a record check compared the claim with, if it failed so."""
    if failure.rule.name != "record_matches" or "series" not in failure.row:
        return None
    if context.reference is None or failure.row["series"] not in context.reference.series:
        return None
    return str(_series(context, failure.row).meta.agency)
