"""The culprit's re-check: a suspect is blamed only if correcting it clears its checks.

Counting alone blames the claim in the most failures, then the first in claims.yaml; the
re-check (``checking/culprit_check.py``) tries each suspect's figure across values, the
engine judging every try, and keeps the smallest set whose correction breaks no relation
check its claims take part in.  A small consistent article below gets one wrong figure
planted; a real article of the labelled corpus gets the error its writer planted.
"""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsuite.checking import culprit as culprit_module
from factsuite.checking.culprit import Culprit, RecheckBudget, culprit, culprit_of
from factsuite.checking.culprit_check import MAX_HYPOTHESES, Rechecker, correction, load, tried
from factsuite.checking.engine import evaluate, load_articles
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.lexicon import Reading
from factsuite.reports.markdown import render_markdown
from factsuite.reports.wording import culprit_text

ROOT = Path(__file__).resolve().parents[1]
MARLOW = ROOT / "corpus" / "tuning" / "a" / "facts" / "2024-05-22-marlow-primary"
DENVER = ROOT / "corpus" / "tuning" / "b" / "facts" / "2024-11-13-denver-budget"

REGIONS = ("north", "south", "east")
CLAIMS = (*REGIONS, "total", "share", "headline")


def write_article(
    root: Path, counts: tuple[int, int, int], planted: str | None = None, factor: float = 1.0
) -> Path:
    """A consistent article folder under ``root/facts``; ``planted`` (one of ``CLAIMS``)
    has its figure multiplied by ``factor`` (rounded to a whole number of people or of
    percent), in the text and the claims alike."""
    total = sum(counts)
    values: dict[str, int] = dict(zip(REGIONS, counts, strict=True))
    values["total"] = values["headline"] = total
    values["share"] = round(100 * counts[0] / total)
    if planted is not None:
        values[planted] = round(values[planted] * factor)
    north, south, east = (f"{values[region]:,}" for region in REGIONS)
    quotes = {
        "headline": f"Relief reaches {values['headline']:,} people",
        "total": f"agencies have helped {values['total']:,} people in total",
        "north": f"{north} in the north",
        "south": f"{south} in the south",
        "east": f"{east} in the east",
        "share": f"or {values['share']} percent of those helped",
    }
    text = "\n".join(
        (
            quotes["headline"],
            f"Aid {quotes['total']}, the coordinator said.",
            f"Of them, {quotes['north']}, {quotes['south']} and {quotes['east']}.",
            f"The north, {quotes['share']}, waited longest.",
            "",
        )
    )
    folder = root / "facts" / "2024-05-01-relief"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(text, "utf-8")
    meta = {
        "headline": quotes["headline"],
        "published": "2024-05-01",
        "outlet": None,
        "url": None,
        "language": "en",
    }
    (folder / "meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), "utf-8")
    claims = []
    for claim in CLAIMS:
        share = claim == "share"
        claims.append(
            {
                "id": claim,
                "quote": quotes[claim],
                "value": f"{values[claim]} percent" if share else f"{values[claim]:,}",
                "unit": "percent" if share else "people",
                "measure": f"people helped, {'all' if claim in ('total', 'headline') else claim}"
                + (" (share)" if share else ""),
                "population": "people helped by the relief effort",
                "as_of": "2024-05-01",
            }
        )
    relations = [
        {"id": "regions-make-total", "rule": "total", "parts": list(REGIONS), "whole": "total"},
        {
            "id": "north-share",
            "rule": "share_count",
            "share": "share",
            "part": "north",
            "whole": "total",
        },
        {"id": "headline-matches-total", "rule": "same_figure", "claims": ["headline", "total"]},
    ]
    document = {"claims": claims, "relations": relations}
    (folder / "claims.yaml").write_text(yaml.safe_dump(document, sort_keys=False), "utf-8")
    return folder


def _suspects(folder: Path) -> tuple[list[str], list[str]]:
    """The culprit's claims by counting alone, and as the re-check finds them."""
    evaluation = evaluate(load_articles([folder]))
    article = evaluation.articles[0]
    headline = article.meta.headline if article.meta else None
    counted = culprit(evaluation.of(article), headline)
    rechecked = culprit_of(evaluation, article)
    return _names(counted), _names(rechecked)


def _names(found: Culprit | None) -> list[str]:
    return [suspect.claim.claim for suspect in found.suspects] if found else []


def test_the_consistent_article_has_no_culprit(tmp_path: Path) -> None:
    assert _suspects(write_article(tmp_path, (1200, 2300, 3400))) == ([], [])


def test_counting_blames_the_first_claim_the_recheck_the_wrong_one(tmp_path: Path) -> None:
    """South's 2,300 written as 6,900 breaks only the total, as much as north, east and the
    total themselves: counting takes north (first in claims.yaml); north is pinned by its
    share and the total by the headline, and east cannot fall below nothing."""
    folder = write_article(tmp_path, (1200, 2300, 3400), "south", 3)
    assert _suspects(folder) == (["north"], ["south"])


def test_a_figure_a_passing_check_pins_is_not_blamed(tmp_path: Path) -> None:
    """A wrong headline fails only its same_figure with the total; the total is also held
    by the regions' sum and the north's share, so the headline is the one to correct."""
    folder = write_article(tmp_path, (1200, 2300, 3400), "headline", 1.5)
    assert _suspects(folder)[1] == ["headline"]


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    counts=st.tuples(*(st.integers(200, 9000) for _ in REGIONS)),
    planted=st.sampled_from(CLAIMS),
    factor=st.sampled_from((0.5, 1.5, 3.0, 10.0)),
)
def test_one_planted_figure_gives_one_claim_in_every_failure(
    tmp_path_factory: pytest.TempPathFactory,
    counts: tuple[int, int, int],
    planted: str,
    factor: float,
) -> None:
    """One wrong figure in a consistent article: the planted claim alone could clear every
    failure (set back, it passes), so the culprit is one claim, one that takes part in every
    failing check, never a claim no failure involves; nothing when nothing fails (the
    change stayed within the rounding).  Which claim, when rounding lets several explain
    the failures, is the weights' choice (the tests above)."""
    folder = write_article(tmp_path_factory.mktemp("relief"), counts, planted, factor)
    evaluation = evaluate(load_articles([folder]))
    article = evaluation.articles[0]
    failing = [set(o.item.claims) for o in evaluation.of(article) if o.problems]
    found = culprit_of(evaluation, article)
    if not failing:
        assert found is None
        return
    assert found is not None
    assert len(found.suspects) == 1
    assert all(found.suspects[0].claim.claim in claims for claims in failing)
    assert any(planted in claims for claims in failing)


def test_the_recheck_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One article's tries stop at MAX_HYPOTHESES; a run of at most RECHECKED_ARTICLES
    articles re-checks them, a larger one none."""
    folder = write_article(tmp_path, (1200, 2300, 3400), "south", 3)
    checker = load(folder, ReferenceLibrary(), Reading.PRAGMATIC)
    assert isinstance(checker, Rechecker)
    evaluation = evaluate(load_articles([folder]))
    culprit(evaluation.of(evaluation.articles[0]), None, lambda: checker)
    assert 0 < checker.tries <= MAX_HYPOTHESES
    monkeypatch.setattr(culprit_module, "RECHECKED_ARTICLES", 2)
    budget = RecheckBudget(ReferenceLibrary(), Reading.PRAGMATIC, 2)
    assert [budget.recheck(folder)() is not None for _ in range(3)] == [True, True, False]
    archive = RecheckBudget(ReferenceLibrary(), Reading.PRAGMATIC, 3)
    assert archive.recheck(folder)() is None


def _copy(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "facts" / source.name
    shutil.copytree(source, folder)
    shutil.copytree(source.parent.parent / "reference", tmp_path / "reference")
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def test_mutation_a_share_that_overflows_its_partition(tmp_path: Path) -> None:
    """Marlow's primary, its two planted errors set right, then Ruiz's share written 46
    percent for 36 ("9,871 votes, or 46 percent"): the three shares add to 109 %.  Counting
    blames the first of them (Delgado's 52 percent); Delgado's is held up by her 14,238
    votes and Owens's by his 3,102, so the report leads with Ruiz's 46 percent."""
    folder = _copy(MARLOW, tmp_path)
    for name, old, new in (
        ("article.txt", "on Jan. 8", "on Jan. 28"),
        ("claims.yaml", "campaign on Jan. 8", "campaign on Jan. 28"),
        ("claims.yaml", "value: Jan. 8", "value: Jan. 28"),
        ("claims.yaml", "as_of: 2024-01-08", "as_of: 2024-01-28"),
        ("article.txt", "or 46 percent", "or 36 percent"),
        ("claims.yaml", "or 46 percent", "or 36 percent"),
        ("claims.yaml", "value: 46 percent", "value: 36 percent"),
    ):
        _replace(folder / name, old, new)
    assert _suspects(folder) == ([], [])
    for name, old, new in (
        ("article.txt", "or 36 percent", "or 46 percent"),
        ("claims.yaml", "or 36 percent", "or 46 percent"),
        ("claims.yaml", "value: 36 percent", "value: 46 percent"),
    ):
        _replace(folder / name, old, new)
    assert _suspects(folder) == (["delgado-share-lead"], ["ruiz-share"])
    evaluation = evaluate(load_articles([folder]))
    markdown = render_markdown(evaluation)
    lead = markdown.index("most likely wrong")
    assert "claim ruiz-share" in markdown[lead : markdown.index("\n", lead)]
    assert lead < markdown.index("| article |")


def test_mutation_two_errors_one_of_them_the_remaining_share(tmp_path: Path) -> None:
    """Denver's budget as planted: homelessness's 12 percent is too small for its $254
    million, and the slices add to 114 %.  Homelessness alone cannot clear both (raised to
    fit its amount, the slices overflow more), so two claims are named; of the slices, the
    public-safety share is held by its $707 million, and "the remaining 41 percent" needs
    the smallest correction."""
    folder = _copy(DENVER, tmp_path)
    assert _suspects(folder) == (["homelessness-share"], ["homelessness-share", "other-share"])
    evaluation = evaluate(load_articles([folder]))
    found = culprit_of(evaluation, evaluation.articles[0])
    assert found is not None
    text = culprit_text(found)
    assert text.startswith("most likely wrong, together:")
    assert "Correcting these 2 claims could clear all 2 failures." in text


NORDHAVN = ROOT / "corpus" / "unseen" / "d" / "facts" / "2025-11-06-nordhavn-earnings"


def _replace_all(folder: Path, old: str, new: str) -> None:
    for name in ("article.txt", "claims.yaml", "meta.yaml"):
        path = folder / name
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")


def _nordhavn_slips(tmp_path: Path) -> Path:
    """Nordhavn's earnings set right, then revenue "rose 5 percent" (12) and container
    shipping "75 percent of revenue" (65)."""
    folder = _copy(NORDHAVN, tmp_path)
    for old, new in (
        ("663 million", "636 million"),
        ("56 percent", "75 percent"),
        ("rose 21 percent", "rose 5 percent"),
        ("value: 21 percent", "value: 5 percent"),
    ):
        _replace_all(folder, old, new)
    return folder


def test_a_cell_passes_only_checks_one_value_in_it_passes(tmp_path: Path) -> None:
    """Revenue's segments need 4.48 billion and its margin about 4.49, the 5 percent rise
    4.2: one 10 % cell holds both, but no one value does, so revenue cannot be corrected to
    pass its checks other than the share; the rise can (to about 12 percent)."""
    folder = _nordhavn_slips(tmp_path)
    checker = load(folder, ReferenceLibrary(), Reading.PRAGMATIC)
    assert isinstance(checker, Rechecker)
    solo = tried(checker, ["revenue", "revenue-growth"], {})
    others = checker.involving["revenue"] - {"containers-share-count"}
    assert {"revenue-growth-change", "segments-make-revenue", "margin-from-profit"} <= others
    assert correction(solo["revenue"], others) is None
    growth = correction(solo["revenue-growth"], checker.involving["revenue-growth"])
    assert growth is not None
    assert growth > 0


def test_mutation_a_level_in_two_failures_it_cannot_clear_together(tmp_path: Path) -> None:
    """Nordhavn's earnings, its planted errors set right, then two slips of arithmetic:
    revenue "rose 5 percent" from 4.0 to 4.48 billion (it rose 12) and container shipping's
    2.91 billion is "75 percent of revenue" (65).  Revenue takes part in both failures, but
    no one revenue fits both (4.2 billion for the rise, 3.88 for the share), so two claims
    are needed; counting revenue's two failures in its favour would blame it and a second
    claim of one of the same checks.  Each failure's own worked-out figure is blamed."""
    folder = _copy(NORDHAVN, tmp_path)
    for old, new in (
        ("663 million", "636 million"),
        ("56 percent", "65 percent"),
        ("rose 21 percent", "rose 12 percent"),
        ("value: 21 percent", "value: 12 percent"),
    ):
        _replace_all(folder, old, new)
    assert _suspects(folder) == ([], [])
    for old, new in (
        ("65 percent", "75 percent"),
        ("rose 12 percent", "rose 5 percent"),
        ("value: 12 percent", "value: 5 percent"),
    ):
        _replace_all(folder, old, new)
    counted, rechecked = _suspects(folder)
    assert counted == ["revenue"]
    assert sorted(rechecked) == ["containers-share", "revenue-growth"]


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    counts=st.tuples(*(st.integers(200, 9000) for _ in REGIONS)),
    planted=st.sampled_from(CLAIMS),
    factor=st.sampled_from((0.5, 1.5, 3.0)),
)
def test_the_tried_cells_cover_the_domain_once(
    tmp_path_factory: pytest.TempPathFactory,
    counts: tuple[int, int, int],
    planted: str,
    factor: float,
) -> None:
    """Whichever cells are tried again in pieces, a claim's tries still cover its domain
    from end to end, in order, without a gap or an overlap (``hull`` and ``correction``
    read them as one line of values), and no piece is wider than the cell it came from."""
    folder = write_article(tmp_path_factory.mktemp("relief"), counts, planted, factor)
    checker = load(folder, ReferenceLibrary(), Reading.PRAGMATIC)
    assert isinstance(checker, Rechecker)
    solo = tried(checker, CLAIMS, {})
    for claim in CLAIMS:
        cells = checker.cells(claim)
        tries = [t.cell for t in solo[claim]]
        assert tries[0][0] == cells[0][0]
        assert tries[-1][1] == cells[-1][1]
        for (_, hi), (lo, _) in pairwise(tries):
            assert lo == pytest.approx(hi, rel=1e-12)
        widest = max((b / a for a, b in cells if a > 0 and b < float("inf")), default=1.0)
        assert all(b / a <= widest * (1 + 1e-9) for a, b in tries if a > 0 and b < float("inf"))
