"""A figure its own sentence dates is not stale (#14): only a current figure can be."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsuite.checking.engine import evaluate, load_articles, plan
from factsuite.files.model import Claim
from factsuite.files.reference import ReferenceLibrary
from factsuite.meaning.dated import is_dated

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
QUOTE = "more than 1.5 million children are among the refugees"


def _claim(quote: str, dated: bool | None = None) -> Claim:
    return Claim.model_validate(
        {
            "id": "c",
            "quote": quote,
            "value": "450,000",
            "unit": "people",
            "measure": "m",
            "population": "p",
            **({} if dated is None else {"dated": dated}),
        }
    )


@pytest.mark.parametrize(
    ("quote", "dated"),
    [
        ("The agency's count stood at 450,000 on June 4", True),
        ("up from 450,000 in June", True),
        ("450,000 had fled by last week", True),
        ("450,000 people have fled", False),
        ("450,000 people have fled this year", False),
        ("450,000 people have fled as of today", False),
    ],
)
def test_a_date_in_the_quote_dates_the_figure(quote: str, dated: bool) -> None:
    assert is_dated(_claim(quote)) is dated


def test_dated_overrides_the_quote() -> None:
    assert is_dated(_claim("The June rate was 450,000", dated=True))
    assert not is_dated(_claim("450,000 on June 4", dated=False))


def _replaced_seed(tmp_path: Path, edit: tuple[str, str]) -> list[str]:
    """The seed with UNICEF's figure replaced the day before publication (as the mutation
    figure-replaced-before-publication does), and ``edit`` made to claims.yaml."""
    root = tmp_path / "root"
    shutil.copytree(SEED, root / "facts" / SEED.name)
    shutil.copytree(ROOT / "reference", root / "reference")
    records = root / "reference" / "unicef-child-refugees" / "records.csv"
    lines = records.read_text("utf-8").splitlines()
    lines[-1] = "2022-03-21,2500000,about,a later UNICEF statement,https://www.unicef.org,"
    records.write_text("\n".join(lines) + "\n", "utf-8")
    claims = root / "facts" / SEED.name / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace(*edit), "utf-8")
    (article,) = load_articles([root / "facts" / SEED.name])
    reference = ReferenceLibrary().for_article(article.folder)
    evaluation = evaluate([article])
    return [
        f"{item.name} {problem.rule}"
        for item in plan(article, reference)
        if item.name.startswith("stale[")
        for problem in evaluation.outcome(article, item.name).problems
    ]


def test_a_current_figure_replaced_is_stale(tmp_path: Path) -> None:
    """The mutation: presented as current, the figure fails stale."""
    assert _replaced_seed(tmp_path, ("", "")) == ["stale[children-refugees] not_replaced"]


def test_a_figure_dated_by_its_field_is_not_stale(tmp_path: Path) -> None:
    edit = ("    attributed: UNICEF\n", "    attributed: UNICEF\n    dated: true\n")
    assert _replaced_seed(tmp_path, (edit[0], edit[1])) == []
