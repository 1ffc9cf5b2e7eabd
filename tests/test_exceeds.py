"""exceeds: one figure above another that is no level before or after it ("nearly 25,000
signatures, more than the 20,000 required", "beating the 4.35 billion analysts had
expected", "still below the WHO's target of 75 percent").

Unit cases on hand-made rows, a property of the interval comparison against every pair of
values, located schema errors, and mutations of copies of corpus articles, edited as a
careless writer would (article and claims alike), asserting the failure's words.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.findings import Blocked
from factsuite.checking.rules.figure_exceeds import figure_exceeds
from factsuite.files.article import load_article
from factsuite.meaning.lexicon import Reading
from tests.test_relations import add_relation, assert_fails, in_both, problems, set_claim

ROOT = Path(__file__).resolve().parents[1]
READING = "pragmatic"
BREMEN = ROOT / "corpus/unseen/c/facts/2025-03-10-bremen-climate-referendum"
MARLOW = ROOT / "corpus/tuning/a/facts/2024-05-22-marlow-primary"


def copy(tmp_path: Path, folder: Path) -> Path:
    target = tmp_path / "facts" / folder.name
    shutil.copytree(folder, target)
    return target


def interval(role: str, lo: float, hi: float, lo_closed: bool, hi_closed: bool) -> dict:
    return {
        f"{role}_{READING}_lo": lo,
        f"{role}_{READING}_lo_closed": lo_closed,
        f"{role}_{READING}_hi": hi,
        f"{role}_{READING}_hi_closed": hi_closed,
    }


def holds(larger: tuple, smaller: tuple, or_equal: bool = False, comparable: bool = True) -> bool:
    base = {"comparable": comparable, Blocked.UNRESOLVED: (), Blocked.UNREADABLE: ()}
    columns = {**interval("larger", *larger), **interval("smaller", *smaller)}
    df = pd.DataFrame([{**base, **columns, "or_equal": or_equal}])
    return bool(figure_exceeds(df, reading=READING).iloc[0])


# -- unit ----------------------------------------------------------------------------------


def test_the_order_is_what_fails_not_the_distance() -> None:
    """ "nearly 25,000 ... more than the 20,000 required" holds; with 28,000 required it
    cannot; an exact tie is "more than" only with or_equal ("met the target")."""
    signatures = (22_500, 25_000, True, False)
    assert holds(signatures, (19_500, 20_500, True, False))
    assert not holds(signatures, (27_500, 28_500, True, False))
    # touching: the larger's open top at 25,000 and the smaller from 25,000 cannot order
    assert not holds(signatures, (25_000, 26_000, True, False))
    exact = (75, 75, True, True)
    assert not holds(exact, exact)
    assert holds(exact, exact, or_equal=True)
    # or_equal needs both ends reached to tie
    assert not holds((74, 75, True, False), exact, or_equal=True)
    # a row of the wrong kinds is kinds_fit's to report, never failed twice
    assert holds(signatures, (27_500, 28_500, True, False), comparable=False)


# -- property --------------------------------------------------------------------------------

ends = st.integers(min_value=0, max_value=40)
flags = st.booleans()


@given(ends, ends, flags, flags, ends, ends, flags, flags, flags)
def test_exceeds_holds_exactly_when_some_pair_of_values_is_in_order(
    a: int, a_width: int, a_lo_closed: bool, a_hi_closed: bool,
    b: int, b_width: int, b_lo_closed: bool, b_hi_closed: bool, or_equal: bool,
) -> None:  # fmt: skip
    """Sound and sharp: against every pair of values (on a grid of halves, fine enough for
    integer ends) of the two intervals, the rule holds iff some value of the larger is
    above (or, with or_equal, at least) some value of the smaller."""
    larger = (a, a + a_width, a_lo_closed, a_hi_closed)
    smaller = (b, b + b_width, b_lo_closed, b_hi_closed)

    def values(lo: int, hi: int, lo_closed: bool, hi_closed: bool) -> list[float]:
        grid = [lo + step / 2 for step in range(2 * (hi - lo) + 1)]
        return [v for v in grid if (v > lo or lo_closed) and (v < hi or hi_closed)]

    left, right = values(*larger), values(*smaller)
    if not left or not right:  # an empty reading is no claim's
        return
    expected = any(x > y or (or_equal and x == y) for x in left for y in right)
    assert holds(larger, smaller, or_equal) == expected


# -- schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"larger": "signatures"}, "smaller"),
        ({"larger": "signatures", "smaller": "signatures-required", "above": "x"}, "above"),
        ({"larger": "signatures", "smaller": "berlin-quorum", "or_equal": "often"}, "or_equal"),
        ({"larger": "signatures", "smaller": "vote-day"}, "is a date (unit: date), but exceeds"),
    ],
)
def test_a_bad_exceeds_is_a_located_schema_error(
    tmp_path: Path, fields: dict[str, str], message: str
) -> None:
    folder = copy(tmp_path, BREMEN)
    add_relation(folder, {"id": "bad-order", "rule": "exceeds", **fields})
    article = load_article(folder)
    assert not article.is_valid
    errors = [str(error) for error in article.errors]
    assert any(message in error and "claims.yaml:" in error for error in errors), errors
    assert any("relations[" in error for error in errors), errors


def test_claims_of_different_units_fail_kinds_fit(tmp_path: Path) -> None:
    folder = copy(tmp_path, BREMEN)
    add_relation(
        folder, {"id": "x", "rule": "exceeds", "larger": "signatures", "smaller": "yes-share"}
    )
    assert_fails(
        problems(folder, "x"),
        "kinds_fit",
        "two counts, shares or changes in one unit, or two durations",
        "  larger    signatures (claims.yaml:",
        "  smaller   yes-share (claims.yaml:",
    )


# -- mutations of real articles ------------------------------------------------------------

SIGNATURES = {
    "id": "signatures-above-required",
    "rule": "exceeds",
    "larger": "signatures",
    "smaller": "signatures-required",
}


def test_mutation_the_required_signatures_raised_above_those_collected(tmp_path: Path) -> None:
    """Bremen: "nearly 25,000 signatures ..., more than the 20,000 required" passes under
    both readings; a writer who typed 28,000 required is caught, with both figures named."""
    folder = copy(tmp_path, BREMEN)
    add_relation(folder, SIGNATURES)
    for reading in Reading:
        assert problems(folder, "signatures-above-required", reading) == []
    in_both(folder, "more than the 20,000 required", "more than the 28,000 required")
    set_claim(folder, "signatures-required", value="28,000")
    assert_fails(
        problems(folder, "signatures-above-required"),
        "figure_exceeds",
        "The text puts one figure above the other, but it cannot be.",
        "  larger    signatures (claims.yaml:",
        '"nearly 25,000" reads as [22,500, 25,000)',
        "  smaller   signatures-required (claims.yaml:",
        "(article.txt:19)",
        "The larger is at most 25,000, but the smaller is at least 27,500.",
        "fails under both readings",
    )


def test_mutation_a_vague_larger_fails_only_the_pragmatic_reading(tmp_path: Path) -> None:
    """ "more than 15,000 signatures, more than the 21,000 required": strictly "more than
    15,000" has no upper bound, so only the pragmatic reading (at most 20,000) fails."""
    folder = copy(tmp_path, BREMEN)
    add_relation(folder, SIGNATURES)
    in_both(folder, "collected nearly 25,000 signatures", "collected more than 15,000 signatures")
    set_claim(folder, "signatures", value="15,000", qualifier="more than")
    in_both(folder, "more than the 20,000 required", "more than the 21,000 required")
    set_claim(folder, "signatures-required", value="21,000")
    assert problems(folder, "signatures-above-required", Reading.STRICT) == []
    assert_fails(
        problems(folder, "signatures-above-required"),
        "figure_exceeds",
        "The larger is at most 20,000, but the smaller is at least 20,500.",
        "the strict, literal reading would allow it",
    )


def test_mutation_a_winning_share_below_the_threshold(tmp_path: Path) -> None:
    """Marlow: Delgado's 52 percent, won "without the need for a runoff", is above the "more
    than 50 percent" she needed; typed as 49 percent in the lead, it is not."""
    folder = copy(tmp_path, MARLOW)
    relation = {
        "id": "delgado-above-runoff",
        "rule": "exceeds",
        "larger": "delgado-share-lead",
        "smaller": "runoff-threshold",
    }
    add_relation(folder, relation)
    assert problems(folder, "delgado-above-runoff") == []
    in_both(folder, "taking 14,238 votes, or 52 percent", "taking 14,238 votes, or 49 percent")
    set_claim(folder, "delgado-share-lead", value="49 percent")
    assert_fails(
        problems(folder, "delgado-above-runoff"),
        "figure_exceeds",
        "  larger    delgado-share-lead (claims.yaml:",
        '"49 percent" reads as [48.5 %, 49.5 %)',
        '"more than 50 percent" reads as',
        "The larger is at most 49.5 %, but the smaller is at least 50 %.",
    )


def test_or_equal_allows_a_target_met_exactly(tmp_path: Path) -> None:
    """ "at least as many as": exact equal figures pass with or_equal, fail without it."""
    folder = copy(tmp_path, BREMEN)
    in_both(folder, "more than the 20,000 required", "more than the 24,000 required")
    set_claim(folder, "signatures-required", value="24,000", qualifier="exactly")
    in_both(folder, "nearly 25,000 signatures", "exactly 24,000 signatures")
    set_claim(folder, "signatures", value="24,000", qualifier="exactly")
    add_relation(folder, SIGNATURES)
    assert_fails(
        problems(folder, "signatures-above-required"),
        "figure_exceeds",
        "The larger is at most 24,000, but the smaller is at least 24,000.",
    )
    add_relation(folder, {**SIGNATURES, "or_equal": True})
    assert problems(folder, "signatures-above-required") == []
