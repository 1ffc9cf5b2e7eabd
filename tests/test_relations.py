"""The relations real articles state (#16): total, share_count, partition, change, rate.

Each case copies an article of the labelled corpus (``corpus/tuning``) to a temporary
folder, adds the relation its text states, and checks it passes; then breaks a figure the way
a careless writer would (article and claim alike) and asserts the relation fails with the
right rule and words.  The corpus's own planted errors are caught the same way.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from factsuite.checking.engine import evaluate, load_articles
from factsuite.meaning.lexicon import Reading
from factsuite.meaning.readings import read_figure
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "corpus" / "tuning"
Relation = dict[str, object]
Edit = tuple[str, str]


def corpus_copy(tmp_path: Path, writer: str, slug: str) -> Path:
    """The article in ``<tmp>/facts/<slug>``, its writer's reference/ beside facts/."""
    folder = tmp_path / "facts" / slug
    shutil.copytree(TUNING / writer / "facts" / slug, folder)
    reference = TUNING / writer / "reference"
    if reference.is_dir():
        shutil.copytree(reference, tmp_path / "reference")
    return folder


def edit(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new), "utf-8")


def in_both(folder: Path, old: str, new: str) -> None:
    """The careless writer's edit: the article and the claims (quote and value) alike."""
    edit(folder, "article.txt", old, new)
    edit(folder, "claims.yaml", old, new)


def set_claim(folder: Path, claim: str, **fields: str) -> None:
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    (entry,) = [c for c in data["claims"] if c["id"] == claim]
    entry.update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def add_claim(folder: Path, claim: dict[str, str]) -> None:
    """Add a claim at the end of the claims (its quote must be in the article)."""
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["claims"].append(claim)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def add_relation(folder: Path, relation: Relation) -> None:
    """Add the relation, in place of one with its id (the corpus writes some of them)."""
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    others = [r for r in data.get("relations", []) if r["id"] != relation["id"]]
    data["relations"] = [*others, relation]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def problems(folder: Path, relation: str, reading: Reading = Reading.PRAGMATIC) -> list[str]:
    """The relation's failures (none when it passes), in the words an editor reads."""
    articles = load_articles([folder])
    outcome = evaluate(articles, reading).outcome(articles[0], relation)
    return [] if outcome.passed else problem_texts(outcome)


def assert_fails(texts: list[str], rule: str, *fragments: str) -> None:
    assert texts, "the relation passed"
    text = next((t for t in texts if t.startswith(f"[{rule}] ")), None)
    assert text is not None, "\n".join(texts)
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in:\n{text}"


# -- total ---------------------------------------------------------------------------------

MARATHON = ("b", "2024-04-23-london-marathon")
FINISHERS: Relation = {
    "id": "men-and-women-make-finishers",
    "rule": "total",
    "parts": ["finishers-men", "finishers-women"],
    "whole": "finishers",
}


def test_a_total_whose_parts_fall_short_fails_where_sum_of_passes(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *MARATHON)
    add_relation(folder, FINISHERS)
    assert problems(folder, "men-and-women-make-finishers") == []
    in_both(folder, "23,607", "21,607")
    assert problems(folder, "men-and-women-within-finishers") == []  # one-sided sum_of
    assert_fails(
        problems(folder, "men-and-women-make-finishers"),
        "parts_make_whole",
        "The parts do not add up to their total: together they fall short of it.",
        "finishers-women",
        '"21,607" reads as',
        "The parts add up to",
        "The parts add up to [51,821, 51,823), but the whole is [53,821.5, 53,822.5).",
        "but the whole is",
        "53,822",
        "fails under both readings",
    )


def test_a_total_whose_parts_exceed_it_fails(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *MARATHON)
    add_relation(folder, FINISHERS)
    in_both(folder, "30,215", "32,215")
    assert_fails(
        problems(folder, "men-and-women-make-finishers"),
        "parts_make_whole",
        "together they exceed it",
    )


# -- share_count ---------------------------------------------------------------------------

PRIMARY = ("a", "2024-05-22-marlow-primary")


def _share_count(name: str) -> Relation:
    return {
        "id": f"{name}-votes-share",
        "rule": "share_count",
        "share": f"{name}-share",
        "part": f"{name}-votes",
        "whole": "ballots-cast",
    }


def test_a_share_given_with_its_count_must_match_it(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *PRIMARY)
    add_relation(folder, _share_count("owens"))
    assert problems(folder, "owens-votes-share") == []
    in_both(folder, "3,102, or 11 percent", "3,102, or 21 percent")
    set_claim(folder, "owens-share", value="21 percent")
    assert_fails(
        problems(folder, "owens-votes-share"),
        "share_matches_counts",
        "the part divided by the whole is not the share",
        '"21 percent" of the whole is',
        "but the part is",
        "of the whole)",
    )


def test_the_planted_overstated_share_is_caught(tmp_path: Path) -> None:
    """9,871 of just over 27,200 ballots is 36 %, not 46 %: share_of would let it pass."""
    folder = corpus_copy(tmp_path, *PRIMARY)
    add_relation(folder, _share_count("ruiz"))
    assert_fails(problems(folder, "ruiz-votes-share"), "share_matches_counts", "46 percent")
    in_both(folder, "or 46 percent", "or 36 percent")
    set_claim(folder, "ruiz-share", value="36 percent")
    assert problems(folder, "ruiz-votes-share") == []


# -- partition -----------------------------------------------------------------------------

VOTE_SHARES: Relation = {
    "id": "vote-shares",
    "rule": "partition",
    "shares": ["delgado-share-lead", "ruiz-share", "owens-share"],
    "complete": True,
}


def test_shares_of_every_part_add_to_about_100(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *PRIMARY)
    add_relation(folder, VOTE_SHARES)
    texts = problems(folder, "vote-shares")
    assert_fails(texts, "shares_within_100", "add up to more than 100 %", "at least 107.5 %")
    assert_fails(texts, "shares_complete", "(complete: true)")
    in_both(folder, "or 46 percent", "or 36 percent")
    set_claim(folder, "ruiz-share", value="36 percent")
    assert problems(folder, "vote-shares") == []
    in_both(folder, "or 36 percent", "or 26 percent")
    set_claim(folder, "ruiz-share", value="26 percent")
    assert_fails(problems(folder, "vote-shares"), "shares_complete", "every part")


def test_shares_of_some_parts_may_fall_short_but_not_exceed_100(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, "a", "2025-03-27-leicester-measles")
    add_relation(
        folder,
        {"id": "doses", "rule": "partition", "shares": ["both-doses-share", "no-dose-share"]},
    )
    assert problems(folder, "doses") == []
    in_both(folder, "Only 81 per cent", "Only 96 per cent")
    set_claim(folder, "both-doses-share", value="96 per cent")
    assert_fails(
        problems(folder, "doses"),
        "shares_within_100",
        "add up to more than 100 %",
        "The shares add up to at least 100.5 %.",
        "the strict, literal reading would allow it",
    )
    assert problems(folder, "doses", Reading.STRICT) == []


# -- change --------------------------------------------------------------------------------

JOBS = ("b", "2024-08-09-canada-jobs-july")


def test_a_change_in_percentage_points(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *JOBS)
    set_claim(folder, "rate-change", unit="points")
    relation = {
        "id": "rate-rise",
        "rule": "change",
        "before": "rate-june",
        "after": "rate-july",
        "by": "rate-change",
        "kind": "points",
    }
    add_relation(folder, relation)
    assert problems(folder, "rate-rise") == []
    in_both(folder, "up 0.2 percentage points", "up 0.5 percentage points")
    set_claim(folder, "rate-change", value="0.5 percentage points")
    assert_fails(
        problems(folder, "rate-rise"),
        "change_fits",
        "A change does not lead from the level before to the level after.",
        "Had it risen by 0.5 percentage points",
    )


def test_the_planted_change_of_a_count_is_caught(tmp_path: Path) -> None:
    """Rose by 42,000 to 1.44 million from 1.36 million: 1.44 - 1.36 is about 80,000."""
    folder = corpus_copy(tmp_path, *JOBS)
    relation = {
        "id": "unemployed-rise",
        "rule": "change",
        "before": "unemployed-june",
        "after": "unemployed-july",
        "by": "unemployed-change",
    }
    add_relation(folder, relation)
    assert_fails(
        problems(folder, "unemployed-rise"), "change_fits", "would be [1,396,500, 1,407,500)"
    )
    in_both(folder, "from 1.36 million", "from 1.40 million")
    set_claim(folder, "unemployed-june", value="1.40 million")
    assert problems(folder, "unemployed-rise") == []


def test_a_fall_in_the_wrong_direction_fails(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *JOBS)
    relation = {
        "id": "rate-fall",
        "rule": "change",
        "before": "rate-june",
        "after": "rate-july",
        "by": "rate-change",
        "kind": "points",
        "direction": "down",
    }
    set_claim(folder, "rate-change", unit="points")
    add_relation(folder, relation)
    assert_fails(problems(folder, "rate-fall"), "change_fits", "Had it fallen")


def test_a_percent_change_reads_over_100_and_is_checked(tmp_path: Path) -> None:
    """A percent change may exceed 100 % where a share may not."""
    reading = read_figure("150 percent", "", "percent_change")
    assert not reading.error
    folder = corpus_copy(tmp_path, "b", "2024-11-13-denver-budget")
    set_claim(folder, "budget-increase", unit="percent_change")
    relation = {
        "id": "budget-rise",
        "rule": "change",
        "before": "budget-2024",
        "after": "budget-lead",
        "by": "budget-increase",
        "kind": "percent",
    }
    add_relation(folder, relation)
    assert problems(folder, "budget-rise") == []
    set_claim(folder, "budget-increase", value="13.4 percent")
    assert_fails(
        problems(folder, "budget-rise"), "change_fits", "Had it risen by 13.4 percent from"
    )


def test_a_change_of_the_wrong_unit_is_reported(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *JOBS)
    relation = {
        "id": "rate-rise",
        "rule": "change",
        "before": "rate-june",
        "after": "rate-july",
        "by": "rate-change",
        "kind": "points",
    }
    set_claim(folder, "rate-change", unit="percent")  # a share, not a change in points
    add_relation(folder, relation)
    assert_fails(problems(folder, "rate-rise"), "kinds_fit", "percent_change; points: points")


# -- rate ----------------------------------------------------------------------------------

MEASLES = ("b", "2024-01-26-west-midlands-measles")


@pytest.mark.parametrize(
    "period", [{"period": "week-to-jan-24"}, {"days": 7}], ids=["duration-claim", "days"]
)
def test_a_daily_average_must_fit_its_total(tmp_path: Path, period: dict[str, object]) -> None:
    """The planted error: 147 cases in seven days is 21 a day, not 30."""
    folder = corpus_copy(tmp_path, *MEASLES)
    relation = {"id": "week-rate", "rule": "rate", "total": "cases-week"}
    add_relation(folder, {**relation, "per_period": "cases-per-day", **period})
    assert_fails(
        problems(folder, "week-rate"),
        "rate_fits_total",
        "A daily average does not fit the total over its period.",
        "a day over",
        "but the total is",
    )
    in_both(folder, "an average of 30 a day", "an average of 21 a day")
    set_claim(folder, "cases-per-day", value="21")
    assert problems(folder, "week-rate") == []


def test_a_rate_needs_one_period(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *MEASLES)
    relation = {"id": "week-rate", "rule": "rate", "total": "cases-week"}
    add_relation(folder, {**relation, "per_period": "cases-per-day"})
    (article,) = load_articles([folder])
    assert any("give either period" in str(error) for error in article.errors)


# -- share_count with the whole implied by its parts ----------------------------------------

VOTES = ["delgado-votes", "ruiz-votes", "owens-votes"]


def _share_of_all_votes(name: str) -> Relation:
    """ "9,871 votes, or 46 percent" when no total is stated: the whole is every vote."""
    return {
        "id": f"{name}-share-of-votes",
        "rule": "share_count",
        "share": f"{name}-share",
        "part": f"{name}-votes",
        "whole_parts": VOTES,
    }


def test_a_share_of_a_whole_implied_by_its_parts(tmp_path: Path) -> None:
    """14,238 of 14,238 + 9,871 + 3,102 = 27,211 votes is 52 %: with no total written."""
    folder = corpus_copy(tmp_path, *PRIMARY)
    add_relation(folder, {**_share_of_all_votes("delgado"), "share": "delgado-share-lead"})
    for reading in Reading:
        assert problems(folder, "delgado-share-of-votes", reading) == []


def test_the_planted_share_is_caught_against_the_implied_whole(tmp_path: Path) -> None:
    """9,871 of 27,211 votes is 36 %, not 46 %; corrected, it passes."""
    folder = corpus_copy(tmp_path, *PRIMARY)
    add_relation(folder, _share_of_all_votes("ruiz"))
    assert_fails(
        problems(folder, "ruiz-share-of-votes"),
        "share_matches_counts",
        "in whole",
        "The whole is its parts together: [27,209.5, 27,212.5).",
        '"46 percent" of the whole is',
        "(36.27 % to 36.28 % of the whole)",
    )
    in_both(folder, "or 46 percent", "or 36 percent")
    set_claim(folder, "ruiz-share", value="36 percent")
    assert problems(folder, "ruiz-share-of-votes") == []


def test_a_share_count_with_no_whole_takes_the_whole_of_its_parts_sum_of(
    tmp_path: Path,
) -> None:
    """ "9,871 votes, or 46 percent": the votes are among the ballots cast (sum_of)."""
    folder = corpus_copy(tmp_path, *PRIMARY)
    add_relation(
        folder, {"id": "ruiz", "rule": "share_count", "share": "ruiz-share", "part": "ruiz-votes"}
    )
    (text,) = problems(folder, "ruiz")
    assert "  whole     ballots-cast (claims.yaml:" in text
    assert "(36.22 % to 36.29 % of the whole)" in text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"whole": "ballots-cast", "whole_parts": VOTES}, "not both"),
        ({"part": "precincts-won"}, "names no whole, and no total or sum_of lists its part"),
        ({"whole_parts": ["ruiz-votes"]}, "at least two counts"),
    ],
)
def test_a_share_count_needs_one_whole(
    tmp_path: Path, fields: dict[str, object], message: str
) -> None:
    folder = corpus_copy(tmp_path, *PRIMARY)
    relation = {"id": "x", "rule": "share_count", "share": "ruiz-share", "part": "ruiz-votes"}
    add_relation(folder, {**relation, **fields})
    articles = load_articles([folder])
    outcome = evaluate(articles).outcome(articles[0], "schema")
    assert message in "\n".join(problem_texts(outcome))


# -- change with no stated size: only its direction -----------------------------------------

FLOOD = ("a", "2024-08-28-bangladesh-flood-appeal")
DEATHS_ROSE: Relation = {
    "id": "deaths-rose",
    "rule": "change",
    "before": "deaths-sunday",
    "after": "deaths-tuesday",
}


def test_a_rise_with_no_stated_size_is_checked_for_its_direction(tmp_path: Path) -> None:
    """ "The death toll rose to 59 on Tuesday, up from 52 on Sunday": no size, a rise."""
    folder = corpus_copy(tmp_path, *FLOOD)
    add_relation(folder, DEATHS_ROSE)
    for reading in Reading:
        assert problems(folder, "deaths-rose", reading) == []
    in_both(folder, "up from 52 on Sunday", "up from 62 on Sunday")
    set_claim(folder, "deaths-sunday", value="62")
    assert_fails(
        problems(folder, "deaths-rose"),
        "change_fits",
        "A change does not lead from the level before to the level after.",
        "  before    deaths-sunday (claims.yaml:",
        "  after     deaths-tuesday (claims.yaml:",
        "The text says it rose, but the level after, [58.5, 59.5), is no higher than the "
        "level before, [61.5, 62.5).",
        "fails under both readings",
    )


def test_a_fall_with_no_stated_size_is_checked_for_its_direction(tmp_path: Path) -> None:
    """ "312 runners were treated on Sunday, down from 1,140 last year"."""
    folder = corpus_copy(tmp_path, "a", "2024-10-14-lakeport-marathon")
    relation = {
        "id": "treated-fell",
        "rule": "change",
        "before": "treated-last-year",
        "after": "treated-sunday",
        "direction": "down",
    }
    add_relation(folder, relation)
    assert problems(folder, "treated-fell") == []
    in_both(folder, "down from 1,140 last year", "down from 140 last year")
    set_claim(folder, "treated-last-year", value="140")
    assert_fails(
        problems(folder, "treated-fell"),
        "change_fits",
        "The text says it fell, but the level after, [311.5, 312.5), is no lower than the "
        "level before, [135, 145).",
    )


def test_a_change_with_no_size_takes_no_kind(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *FLOOD)
    add_relation(folder, {**DEATHS_ROSE, "kind": "percent"})
    (article,) = load_articles([folder])
    assert any("leave kind out" in str(error) for error in article.errors)


def test_a_factor_between_two_figures_that_are_no_before_and_after(tmp_path: Path) -> None:
    """ "1,140 last year, more than three times as many": a change of kind factor compares
    any two figures of one unit, here last year's count against this year's."""
    folder = corpus_copy(tmp_path, "a", "2024-10-14-lakeport-marathon")
    edit(
        folder,
        "article.txt",
        "down from 1,140 last year",
        "down from 1,140 last year, more than three times as many",
    )
    add_claim(
        folder,
        {
            "id": "treated-ratio",
            "quote": "more than three times as many",
            "value": "three",
            "qualifier": "more than",
            "unit": "count",
            "measure": "runners treated in 2023 for each runner treated in 2024",
            "population": "runners in the Lakeport Marathon",
            "as_of": "2024-10-13",
        },
    )
    relation = {
        "id": "last-year-three-times",
        "rule": "change",
        "before": "treated-sunday",
        "after": "treated-last-year",
        "by": "treated-ratio",
        "kind": "factor",
    }
    add_relation(folder, relation)
    assert problems(folder, "last-year-three-times") == []  # 1,140 is 3.7 times 312
    in_both(folder, "down from 1,140 last year", "down from 840 last year")
    set_claim(folder, "treated-last-year", value="840")
    assert_fails(
        problems(folder, "last-year-three-times"),
        "change_fits",
        "Had it risen by a factor of more than three from the level before, the level "
        "after would be (934.5, 1,250), but it is [835, 845).",
        "fails under both readings",
    )


def test_a_factor_written_as_a_verb(tmp_path: Path) -> None:
    """ "the number treated halved": `value: halved` is the factor 2, so a factor change can
    quote the verb the text uses ("doubled", "tripled", "halved")."""
    folder = corpus_copy(tmp_path, "a", "2024-10-14-lakeport-marathon")
    in_both(folder, "down from 1,140 last year", "down from 624 last year")
    set_claim(folder, "treated-last-year", value="624")
    edit(folder, "article.txt", "624 last year", "624 last year: the number treated halved")
    add_claim(
        folder,
        {
            "id": "treated-halved",
            "quote": "the number treated halved",
            "value": "halved",
            "unit": "count",
            "measure": "runners treated in 2023 for each runner treated in 2024",
            "population": "runners in the Lakeport Marathon",
            "as_of": "2024-10-13",
        },
    )
    relation = {
        "id": "treated-halved-since",
        "rule": "change",
        "before": "treated-last-year",
        "after": "treated-sunday",
        "by": "treated-halved",
        "kind": "factor",
        "direction": "down",
    }
    add_relation(folder, relation)
    assert problems(folder, "treated-halved-since") == []  # 312 is half of 624
    in_both(folder, "down from 624 last year", "down from 1,540 last year")
    set_claim(folder, "treated-last-year", value="1,540")
    assert_fails(
        problems(folder, "treated-halved-since"),
        "change_fits",
        "fails under both readings",
    )


# -- rate per month, and an amount each times a count ----------------------------------------

LEICESTER = ("a", "2025-03-27-leicester-measles")


def test_an_average_per_month_over_a_period_in_months(tmp_path: Path) -> None:
    """ "93 cases were recorded over six months, about 15 a month": per: month."""
    folder = corpus_copy(tmp_path, *LEICESTER)
    edit(folder, "article.txt", "over six months", "over six months, about 15 a month")
    add_claim(
        folder,
        {
            "id": "cases-2013-per-month",
            "quote": "over six months, about 15 a month",
            "value": "15",
            "qualifier": "about",
            "unit": "count",
            "measure": "cases a month in the 2013 Leicester outbreak",
            "population": "measles cases in Leicester in 2013",
            "as_of": "2013-12-31",
        },
    )
    relation = {
        "id": "cases-2013-monthly",
        "rule": "rate",
        "total": "cases-2013",
        "per_period": "cases-2013-per-month",
        "period": "months-2013",
        "per": "month",
    }
    add_relation(folder, relation)
    assert problems(folder, "cases-2013-monthly") == []
    in_both(folder, "about 15 a month", "about 25 a month")
    set_claim(folder, "cases-2013-per-month", value="25")
    assert_fails(
        problems(folder, "cases-2013-monthly"),
        "rate_fits_total",
        "A monthly average does not fit the total over its period.",
        "  per month cases-2013-per-month (claims.yaml:",
        "a month over (6 months, 7 months] is",
        "but the total is [92.5, 93.5).",
    )


def test_an_amount_each_times_its_count_makes_the_total(tmp_path: Path) -> None:
    """ "The two winners each took home $100,000, a $200,000 purse": count in place of a
    period."""
    folder = corpus_copy(tmp_path, "a", "2024-10-14-lakeport-marathon")
    edit(
        folder,
        "article.txt",
        "The winners each took home $100,000",
        "The two winners each took home $100,000, a $200,000 purse",
    )
    edit(folder, "claims.yaml", "The winners each took home", "The two winners each took home")
    base = {"population": "prize money of the 2024 Lakeport Marathon", "as_of": "2024-10-13"}
    add_claim(
        folder,
        {
            "id": "winners",
            "quote": "The two winners each took home",
            "value": "two",
            "unit": "people",
            "measure": "winners of the 2024 race",
            **base,
            "population": "runners in the 2024 Lakeport Marathon",
        },
    )
    add_claim(
        folder,
        {
            "id": "purse",
            "quote": "a $200,000 purse",
            "value": "200,000",
            "unit": "money",
            "measure": "prize money of the winners, in US dollars",
            **base,
        },
    )
    relation = {
        "id": "winners-purse",
        "rule": "rate",
        "total": "purse",
        "per_period": "winner-prize",
        "count": "winners",
    }
    add_relation(folder, relation)
    assert problems(folder, "winners-purse") == []
    in_both(folder, "a $200,000 purse", "a $600,000 purse")
    set_claim(folder, "purse", value="600,000")
    assert_fails(
        problems(folder, "winners-purse"),
        "rate_fits_total",
        "An amount each, or an average, does not fit the total it makes.",
        "  each      winner-prize (claims.yaml:",
        "  count     winners (claims.yaml:",
        "each for [1.5, 2.5) is",
        "but the total is",
        "The total over the count is (220,000, 433,333.33) each.",
    )


def test_an_average_is_the_total_over_its_count(tmp_path: Path) -> None:
    """ "71.2 million nights ... Arrivals rose to 14.9 million ... The average stay fell to
    4.8 nights" (unseen/d, Croatia): an average is an amount each, the total over the count,
    so rate with count checks it; typed as 3.8 nights it fails, and says what the total over
    the count is."""
    folder = tmp_path / "facts" / "2025-10-15-croatia-tourism"
    shutil.copytree(ROOT / "corpus/unseen/d/facts/2025-10-15-croatia-tourism", folder)
    relation: Relation = {
        "id": "average-stay-of-arrivals",
        "rule": "rate",
        "total": "nights",
        "per_period": "average-stay",
        "count": "arrivals",
    }
    add_relation(folder, relation)
    for reading in Reading:
        assert problems(folder, "average-stay-of-arrivals", reading) == []
    in_both(folder, "The average stay fell to 4.8 nights", "The average stay fell to 3.8 nights")
    set_claim(folder, "average-stay", value="3.8")
    assert_fails(
        problems(folder, "average-stay-of-arrivals"),
        "rate_fits_total",
        "An amount each, or an average, does not fit the total it makes.",
        "  each      average-stay (claims.yaml:",
        '"3.8" reads as [3.75, 3.85)',
        "  count     arrivals (claims.yaml:",
        "[3.75, 3.85) each for [14,850,000, 14,950,000) is [55,687,500, 57,557,500), but the "
        "total is [71,150,000, 71,250,000).",
        "The total over the count is (4.76, 4.8) each.",
        "fails under both readings",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"count": "winners", "days": 7}, "give either period"),
        ({"count": "winners", "per": "week"}, "leave per out"),
        ({"days": 7, "per": "fortnight"}, "per"),
    ],
)
def test_a_rate_has_one_period_and_a_known_unit(
    tmp_path: Path, fields: dict[str, object], message: str
) -> None:
    folder = corpus_copy(tmp_path, "a", "2024-10-14-lakeport-marathon")
    relation = {"id": "x", "rule": "rate", "total": "wanjiru-total-prize"}
    add_relation(folder, {**relation, "per_period": "record-bonus", **fields})
    (article,) = load_articles([folder])
    assert any(message in str(error) for error in article.errors), article.errors


# -- a net figure: total with less ---------------------------------------------------------

NET_LOSS: Relation = {
    "id": "net-jobs-lost",
    "rule": "total",
    "whole": "jobs-shed",
    "parts": ["full-time-change"],
    "less": ["part-time-change"],
}


def test_a_net_figure_is_its_parts_less_the_figures_subtracted(tmp_path: Path) -> None:
    """ "shed 2,800 jobs ... Full-time employment dropped by 61,000, while part-time work
    rose by 58,000": 61,000 lost less 58,000 gained is a net loss of about 3,000."""
    folder = corpus_copy(tmp_path, *JOBS)
    add_relation(folder, NET_LOSS)
    for reading in Reading:
        assert problems(folder, "net-jobs-lost", reading) == []
    in_both(folder, "part-time work rose by 58,000", "part-time work rose by 68,000")
    set_claim(folder, "part-time-change", value="68,000")
    assert_fails(
        problems(folder, "net-jobs-lost"),
        "parts_make_whole",
        "The parts do not add up to their total: together they fall short of it.",
        "  part      full-time-change (claims.yaml:",
        "  less      part-time-change (claims.yaml:",
        "The parts less the figures subtracted come to (-8,000, -6,000), but the whole is "
        "[2,750, 2,850).",
        "fails under both readings",
    )


def test_a_net_figure_is_no_whole_for_a_share_of_its_parts(tmp_path: Path) -> None:
    """A share_count naming no whole does not take a net figure as the whole of a part."""
    folder = corpus_copy(tmp_path, *JOBS)
    add_relation(folder, NET_LOSS)
    relation = {"id": "x", "rule": "share_count", "share": "rate-july", "part": "full-time-change"}
    add_relation(folder, relation)
    articles = load_articles([folder])
    outcome = evaluate(articles).outcome(articles[0], "schema")
    assert "names no whole" in "\n".join(problem_texts(outcome))


def test_a_total_relates_at_least_two_figures(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, *JOBS)
    add_relation(folder, {**NET_LOSS, "less": []})
    (article,) = load_articles([folder])
    assert any("at least two figures" in str(error) for error in article.errors)
