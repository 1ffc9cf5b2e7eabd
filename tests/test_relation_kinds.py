"""What the audit of #16 found missing: a unit test (the check body on hand-made rows, one
that holds and one that breaks) for the rule of every relation kind, a property of
``before``'s comparison of days, and a property of the implied part.

docs/relations.md, "Tests per relation", lists every relation kind and implied relation with
its unit, property and mutation tests; ``test_the_audit_table_names_tests_that_exist`` keeps
that table true.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.findings import Blocked
from factsuite.checking.implied import candidate_relations
from factsuite.checking.rules.change_fits import change_fits
from factsuite.checking.rules.dates_in_order import dates_in_order
from factsuite.checking.rules.duration_fits_dates import duration_fits_dates
from factsuite.checking.rules.event_count_fits import event_count_fits
from factsuite.checking.rules.figure_exceeds import figure_exceeds
from factsuite.checking.rules.figures_agree import figures_agree
from factsuite.checking.rules.part_within_whole import at_most
from factsuite.checking.rules.parts_make_whole import parts_make_whole
from factsuite.checking.rules.rate_fits_total import rate_fits_total
from factsuite.checking.rules.share_holds_parts import share_holds_parts
from factsuite.checking.rules.share_matches_counts import share_matches_counts
from factsuite.checking.rules.shares_complete import shares_complete
from factsuite.checking.rules.shares_within_100 import shares_within_100
from factsuite.files.article import load_article
from factsuite.files.model import RELATION_MODELS
from factsuite.files.populations import Population, PopulationsFile, Vocabulary

ROOT = Path(__file__).resolve().parents[1]
READING = "pragmatic"


def closed(role: str, lo: float, hi: float) -> dict[str, object]:
    return {
        f"{role}_{READING}_lo": lo,
        f"{role}_{READING}_lo_closed": True,
        f"{role}_{READING}_hi": hi,
        f"{role}_{READING}_hi_closed": True,
    }


def row(**columns: object) -> pd.DataFrame:
    base = {"comparable": True, Blocked.UNRESOLVED: (), Blocked.UNREADABLE: ()}
    return pd.DataFrame([{**base, **columns}])


Check = Callable[[pd.DataFrame], pd.Series]
CASES: dict[str, tuple[Check, dict[str, object], dict[str, object]]] = {
    # part_of: "more than 1.5 million children are among the refugees"
    "part_within_whole": (
        lambda df: at_most(df, left="part", right="whole", reading=READING),
        {**closed("part", 1.5e6, 2e6), **closed("whole", 3.5e6, 4e6)},
        {**closed("part", 4.5e6, 5e6), **closed("whole", 3.5e6, 4e6)},
    ),
    # sum_of: the parts together, at most the whole
    "parts_within_whole": (
        lambda df: at_most(df, left="parts", right="whole", reading=READING),
        {**closed("parts", 30_000, 31_000), **closed("whole", 53_000, 54_000)},
        {**closed("parts", 60_000, 61_000), **closed("whole", 53_000, 54_000)},
    ),
    # share_of: "some 90 percent are women and children" holds the 1.5 million children
    "share_holds_parts": (
        lambda df: share_holds_parts(df, reading=READING),
        {**closed("share", 85, 95), **closed("whole", 3.5e6, 4e6), **closed("parts", 1.5e6, 2e6)},
        {**closed("share", 25, 35), **closed("whole", 3.5e6, 4e6), **closed("parts", 1.5e6, 2e6)},
    ),
    # total: "of whom 30,215 were men and 23,607 women" of 53,822 finishers
    "parts_make_whole": (
        lambda df: parts_make_whole(df, reading=READING),
        {**closed("parts", 53_821, 53_823), **closed("whole", 53_821.5, 53_822.5)},
        {**closed("parts", 51_821, 51_823), **closed("whole", 53_821.5, 53_822.5)},
    ),
    # share_count: "9,871 votes, or 46 percent" of 27,211 (36 %)
    "share_matches_counts": (
        lambda df: share_matches_counts(df, reading=READING),
        {
            **closed("part", 9_870.5, 9_871.5),
            **closed("whole", 27_209.5, 27_212.5),
            **closed("share", 35.5, 36.5),
        },
        {
            **closed("part", 9_870.5, 9_871.5),
            **closed("whole", 27_209.5, 27_212.5),
            **closed("share", 45.5, 46.5),
        },
    ),
    # partition: 52, 46 and 11 percent of one vote are more than 100 %
    "shares_within_100": (
        lambda df: shares_within_100(df, reading=READING),
        {**closed("shares", 98.5, 101.5), "complete": True},
        {**closed("shares", 107.5, 110.5), "complete": True},
    ),
    "shares_complete": (
        lambda df: shares_complete(df, reading=READING),
        {**closed("shares", 98.5, 101.5), "complete": True},
        {**closed("shares", 87.5, 90.5), "complete": True},
    ),
    # change: "rose by 42,000 to 1.44 million from 1.36 million" (about 80,000)
    "change_fits": (
        lambda df: change_fits(df, reading=READING),
        {
            **closed("before", 1.355e6, 1.365e6),
            **closed("by", 75_000, 85_000),
            **closed("after", 1.435e6, 1.445e6),
            "by": "by",
            "kind": "absolute",
            "direction": "up",
        },
        {
            **closed("before", 1.355e6, 1.365e6),
            **closed("by", 41_500, 42_500),
            **closed("after", 1.435e6, 1.445e6),
            "by": "by",
            "kind": "absolute",
            "direction": "up",
        },
    ),
    # rate: 147 cases in seven days, "an average of 30 a day"
    "rate_fits_total": (
        lambda df: rate_fits_total(df, reading=READING),
        {
            **closed("total", 146.5, 147.5),
            **closed("per_period", 20.5, 21.5),
            **closed("period", 7, 7),
        },
        {
            **closed("total", 146.5, 147.5),
            **closed("per_period", 29.5, 30.5),
            **closed("period", 7, 7),
        },
    ),
    # exceeds: "nearly 25,000 signatures, more than the 20,000 required" (28,000 broken)
    "figure_exceeds": (
        lambda df: figure_exceeds(df, reading=READING),
        {**closed("larger", 22_500, 25_000), **closed("smaller", 19_500, 20_500), "or_equal": 0},
        {**closed("larger", 22_500, 25_000), **closed("smaller", 27_500, 28_500), "or_equal": 0},
    ),
    # same_figure: the headline's figure and the lead's
    "figures_agree": (
        lambda df: figures_agree(df, reading=READING),
        {**closed("first", 3.5e6, 4e6), **closed("other", 3.5e6, 3.6e6)},
        {**closed("first", 3.5e6, 4e6), **closed("other", 2.5e6, 3e6)},
    ),
    # spans: "almost a month" over the 26 days since 24 February
    "duration_fits_dates": (
        lambda df: duration_fits_dates(df, reading=READING),
        {**closed("duration", 21, 30), "elapsed_lo": 26.0, "elapsed_hi": 26.0},
        {**closed("duration", 21, 30), "elapsed_lo": 40.0, "elapsed_hi": 40.0},
    ),
    # before: 24 February no later than "earlier this month" (1 to 21 March)
    "dates_in_order": (
        dates_in_order,
        {"earlier_first": 738210.0, "later_last": 738235.0},
        {"earlier_first": 738240.0, "later_last": 738235.0},
    ),
    # event_count: "several rounds of talks", three on record
    "event_count_fits": (
        lambda df: event_count_fits(df, reading=READING),
        {**closed("count", 3, 9), "events_lo": 3.0, "events_hi": 3.0},
        {**closed("count", 3, 9), "events_lo": 2.0, "events_hi": 2.0},
    ),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_the_rule_holds_for_a_consistent_row_and_fails_a_broken_one(rule: str) -> None:
    check, holding, broken = CASES[rule]
    assert bool(check(row(**holding)).iloc[0])
    assert not bool(check(row(**broken)).iloc[0])
    # A row another rule reports (claims of the wrong kind) is never failed twice.
    assert bool(check(row(**broken, comparable=False)).iloc[0])


days = st.integers(min_value=700_000, max_value=750_000)
spans = st.integers(min_value=0, max_value=400)


@given(days, spans, days, spans)
def test_before_holds_exactly_when_some_day_of_the_earlier_is_no_later(
    earlier: int, earlier_span: int, later: int, later_span: int
) -> None:
    """Sound: dates (each a day or a span of days, "earlier this month") of which some day
    of the earlier comes no later than some day of the later pass; sharp: otherwise they
    fail.  The table gives each endpoint as its first and last day."""
    first, last = earlier, earlier + earlier_span
    later_first, later_last = later, later + later_span
    df = row(earlier_first=float(first), later_last=float(later_last))
    in_order = any(day <= other for day in (first, last) for other in (later_first, later_last))
    assert bool(dates_in_order(df).iloc[0]) == in_order


VOCABULARY = Vocabulary.of(
    PopulationsFile(
        populations=[
            Population(id="people-who-fled", label="people who fled"),
            Population(
                id="children-who-fled",
                label="children who fled",
                synonyms=["child refugees"],
                part_of=["people-who-fled"],
            ),
            Population(
                id="infants-who-fled", label="infants who fled", part_of=["children-who-fled"]
            ),
            Population(id="people-displaced", label="people displaced at home"),
        ]
    )
)
WORDINGS = {
    "people who fled": "people-who-fled",
    "children who fled": "children-who-fled",
    "child refugees": "children-who-fled",
    "infants who fled": "infants-who-fled",
    "people displaced at home": "people-displaced",
}
WHOLES = {
    "children-who-fled": {"people-who-fled"},
    "infants-who-fled": {"children-who-fled", "people-who-fled"},
}
FIELDS = st.tuples(
    st.sampled_from(sorted(WORDINGS)),
    st.sampled_from(["refugees", "Refugees", "asylum claims"]),
    st.sampled_from(["2022-03-22", "2022-03-21"]),
)


@settings(max_examples=30, deadline=None)
@given(FIELDS, FIELDS)
def test_a_part_is_implied_exactly_when_the_vocabulary_holds_one_population_in_the_other(
    tmp_path_factory: pytest.TempPathFactory,
    one: tuple[str, str, str],
    other: tuple[str, str, str],
) -> None:
    """Implied part_of: made only between claims of one measure and date whose populations
    the vocabulary names one inside the other (through any chain), the part first."""
    folder = tmp_path_factory.mktemp("article")
    (folder / "article.txt").write_text("Some 10 fled. Then 20 more fled.\n", "utf-8")
    (folder / "meta.yaml").write_text(
        "headline: null\npublished: 2022-03-22\noutlet: null\nurl: null\n", "utf-8"
    )
    lines = ["claims:"]
    for name, quote, value, (population, measure, day) in (
        ("a", "Some 10 fled", "10", one),
        ("b", "Then 20 more", "20", other),
    ):
        lines += [
            f"  - id: {name}",
            f"    quote: {quote}",
            f"    value: '{value}'",
            "    unit: people",
            f"    measure: {measure}",
            f"    population: {population}",
            f"    as_of: {day}",
        ]
    (folder / "claims.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    article = load_article(folder)
    assert article.is_valid
    found = [r.id for r in candidate_relations(article, VOCABULARY) if r.rule == "part_of"]
    agree = one[1].casefold() == other[1].casefold() and one[2] == other[2]
    first, second = WORDINGS[one[0]], WORDINGS[other[0]]
    expected = []
    if agree and second in WHOLES.get(first, set()):
        expected = ["implied:part_of[a,b]"]
    elif agree and first in WHOLES.get(second, set()):
        expected = ["implied:part_of[b,a]"]
    assert found == expected


# -- the audit table -----------------------------------------------------------------------

IMPLIED = ("implied same figure", "implied part", "implied partition")


def _audit_rows() -> dict[str, list[str]]:
    """docs/relations.md's table: each kind and the test references of its row."""
    text = (ROOT / "docs" / "relations.md").read_text("utf-8")
    section = text.split("## Tests per relation", 1)[1]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = re.findall(r"`(tests/[^`]+)`", " ".join(cells[1:]))
    return rows


def _exists(reference: str) -> bool:
    """``tests/<file>.py::<test name>``, a parametrized case as ``name[id]``: the file
    defines the test (and, for a mutation of test_mutations.py, names the case)."""
    path, _, name = reference.partition("::")
    source = (ROOT / path).read_text("utf-8")
    test, _, case = name.partition("[")
    if f"def {test}(" not in source:
        return False
    return not case or f'"{case.rstrip("]")}"' in source


def test_the_audit_table_names_tests_that_exist() -> None:
    rows = _audit_rows()
    assert set(rows) == {*RELATION_MODELS, *IMPLIED}
    for kind, references in rows.items():
        assert len(references) >= 3, f"{kind}: a unit test, a property and a mutation test"
        missing = [reference for reference in references if not _exists(reference)]
        assert not missing, f"{kind}: {missing}"
