"""The most likely culprit: the smallest set of claims that meets every failing check."""

from __future__ import annotations

import shutil
from itertools import combinations
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.culprit import culprit, culprit_of, minimal_hitting_sets
from factsuite.checking.engine import CheckItem, Outcome, evaluate, load_articles
from factsuite.checking.findings import ClaimRef, Problem
from factsuite.files.model import Finding, Verdict
from factsuite.reports.html import render_html
from factsuite.reports.markdown import render_markdown
from factsuite.reports.wording import culprit_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"


def _ref(claim: str, text_line: int = 5, yaml_line: int = 10) -> ClaimRef:
    return ClaimRef("claim", claim, yaml_line, f"quote of {claim}", text_line, "5", "people", None)


def _failing(
    name: str, *refs: ClaimRef, rule: str = "part_of", source: str | None = None
) -> Outcome:
    item = CheckItem(name, rule, 1, tuple(ref.claim for ref in refs))
    return Outcome(item, [Problem(rule, "it fails", refs, source=source)])


def test_one_claim_in_every_failure_is_the_culprit() -> None:
    a, b, c = _ref("a"), _ref("b"), _ref("c")
    found = culprit([_failing("x", a, b), _failing("y", a, c), _failing("z", a)])
    assert found is not None
    assert [s.claim.claim for s in found.suspects] == ["a"]
    assert found.suspects[0].failures == 3


def test_record_disagreement_breaks_a_tie() -> None:
    a, b = _ref("a", yaml_line=1), _ref("b", yaml_line=2)
    found = culprit([_failing("x", a, b), _failing("record[b]", b, rule="record", source="UN")])
    assert found is not None
    assert [s.claim.claim for s in found.suspects] == ["b"]
    assert "disagrees with UN's record" in culprit_text(found)


def test_headline_before_body_when_all_else_is_equal() -> None:
    body, headline = _ref("body", yaml_line=1), _ref("head", yaml_line=2)
    found = culprit([_failing("x", body, headline)], headline="Quote of HEAD: a headline")
    assert found is not None
    assert found.suspects[0].claim.claim == "head"


def _role(claim: str, role: str, yaml_line: int) -> ClaimRef:
    return ClaimRef(role, claim, yaml_line, f"quote of {claim}", 5, "5", "people", None)


def test_a_claim_a_record_confirms_is_suspected_last() -> None:
    level, other = _role("level", "after", 1), _role("other", "before", 2)
    found = culprit([_failing("x", level, other, rule="change")])
    assert found is not None
    assert found.suspects[0].claim.claim == "level"
    confirmed = Outcome(CheckItem("record[level]", "record", 1, ("level",)))
    found = culprit([_failing("x", level, other, rule="change"), confirmed])
    assert found is not None
    assert found.suspects[0].claim.claim == "other"
    assert found.suspects[0].confirmed is False


def test_a_worked_out_figure_before_the_levels_it_comes_from() -> None:
    before, after = _role("before", "before", 1), _role("after", "after", 2)
    by = _role("by", "by", 3)
    found = culprit([_failing("rise", before, after, by, rule="change")])
    assert found is not None
    assert found.suspects[0].claim.claim == "by"
    # a share is worked out from its part, which a breakdown reports
    share, part = _role("share", "share", 5), _role("part", "part", 4)
    whole = _role("whole", "whole", 1)
    found = culprit([_failing("food", whole, part, share, rule="share_of")])
    assert found is not None
    assert found.suspects[0].claim.claim == "share"


def test_findings_drafts_and_file_mistakes_are_not_suspected() -> None:
    a = _ref("a")
    finding = Finding(check="x", verdict=Verdict.INACCURATE, reason="reviewed")
    recorded = _failing("x", a)
    recorded.finding = finding
    draft = _failing("y", a)
    draft.item = CheckItem("y", "part_of", 1, ("a",), draft=True)
    grounding = _failing("grounding[a]", a, rule="grounding")
    assert culprit([recorded, draft, grounding]) is None
    assert culprit([]) is None


def test_two_independent_failures_need_two_claims() -> None:
    found = culprit([_failing("x", _ref("a")), _failing("y", _ref("b"))])
    assert found is not None
    assert sorted(s.claim.claim for s in found.suspects) == ["a", "b"]
    assert "together" in culprit_text(found)


CLAIMS = st.sampled_from("abcdefg")
FAILURES = st.lists(st.frozensets(CLAIMS, min_size=1, max_size=3), min_size=1, max_size=6)


@given(FAILURES)
def test_the_culprit_hits_every_failure_and_no_smaller_set_does(
    sets: list[frozenset[str]],
) -> None:
    found = minimal_hitting_sets(sets, max_size=7)
    assert found
    size = len(found[0])
    for chosen in found:
        assert len(chosen) == size
        assert all(claims.intersection(chosen) for claims in sets)
    universe = sorted(set().union(*sets))
    for smaller in combinations(universe, size - 1):
        assert not all(claims.intersection(smaller) for claims in sets)


@given(FAILURES, st.frozensets(CLAIMS))
def test_no_claim_a_record_confirms_when_a_set_without_one_explains_as_much(
    sets: list[frozenset[str]], confirmed: frozenset[str]
) -> None:
    """The culprit meets every failure with as few claims as can; and when some set that
    small has no claim a record confirms, the culprit has none, whatever the other weights
    (a confirmed claim in more failures included)."""
    outcomes = [
        _failing(f"check{n}", *(_ref(c, yaml_line=ord(c)) for c in sorted(claims)))
        for n, claims in enumerate(sets)
    ]
    outcomes += [Outcome(CheckItem(f"record[{c}]", "record", 1, (c,))) for c in confirmed]
    found = culprit(outcomes)
    smallest = minimal_hitting_sets(sets)
    if not smallest:
        assert found is None
        return
    assert found is not None
    chosen = {suspect.claim.claim for suspect in found.suspects}
    assert len(chosen) == len(smallest[0])
    assert all(claims & chosen for claims in sets)
    if any(not confirmed.intersection(members) for members in smallest):
        assert not chosen & confirmed
        assert not any(suspect.confirmed for suspect in found.suspects)


def test_mutation_children_four_and_a_half_million(tmp_path: Path) -> None:
    """A careless edit of one figure breaks three checks; the culprit names that figure."""
    folder = tmp_path / "facts" / SEED.name
    shutil.copytree(SEED, folder)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    for name, old, new in (
        ("article.txt", "more than 1.5 million children", "more than 4.5 million children"),
        ("claims.yaml", "more than 1.5 million children", "more than 4.5 million children"),
        ("claims.yaml", "value: 1.5 million", "value: 4.5 million"),
    ):
        path = folder / name
        assert path.read_text("utf-8").count(old) == 1
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    evaluation = evaluate(load_articles([folder]))
    found = culprit_of(evaluation, evaluation.articles[0])
    assert found is not None
    assert [s.claim.claim for s in found.suspects] == ["children-refugees"]
    text = culprit_text(found)
    assert text == (
        'most likely wrong: "more than 4.5 million children are among the refugees" '
        "(article.txt:13, claim children-refugees): it takes part in all 3 failures and "
        "disagrees with UNICEF's record."
    )
    markdown = render_markdown(evaluation)
    assert markdown.index("most likely wrong") < markdown.index("| article |")
    page = render_html(evaluation)
    assert page.index('class="culprit') < page.index('id="title=')


def test_the_seed_has_no_culprit() -> None:
    evaluation = evaluate(load_articles([SEED]))
    assert culprit_of(evaluation, evaluation.articles[0]) is None
