"""A figure its own sentence dates is not stale (#14): only a current figure can be."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.engine import evaluate, load_articles, plan
from factsuite.files.model import Claim
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.dated import infer_dated, is_dated

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


def _replaced_seed(
    tmp_path: Path, edit: tuple[str, str], article_edit: tuple[str, str] = ("", "")
) -> list[str]:
    """The seed with UNICEF's figure replaced the day before publication (as the mutation
    figure-replaced-before-publication does), ``edit`` made to claims.yaml and
    ``article_edit`` to article.txt."""
    root = tmp_path / "root"
    shutil.copytree(SEED, root / "facts" / SEED.name)
    shutil.copytree(ROOT / "reference", root / "reference")
    records = root / "reference" / "unicef-child-refugees" / "records.csv"
    lines = records.read_text("utf-8").splitlines()
    lines[-1] = "2022-03-21,2500000,about,a later UNICEF statement,https://www.unicef.org,"
    records.write_text("\n".join(lines) + "\n", "utf-8")
    claims = root / "facts" / SEED.name / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace(*edit), "utf-8")
    article_file = root / "facts" / SEED.name / "article.txt"
    article_file.write_text(article_file.read_text("utf-8").replace(*article_edit), "utf-8")
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


# -- a period counted back dates its figure (trust4) ---------------------------------------


@pytest.mark.parametrize(
    ("quote", "dated"),
    [
        ("Claims fell to 410,000, down from 450,000 in the previous 12 months", True),
        ("down from 450,000 in the preceding three weeks", True),
        ("450,000 in the prior two years", True),
        ("up from 450,000 in the 12 months before", True),
        ("up from 450,000 a year earlier", True),
        ("In the preceding quarter, 450,000 people applied", True),
        ("down from 450,000 in the same month last year", True),
        # near misses: up to publication, or the period dates another figure
        ("450,000 people applied in the past 12 months", False),
        ("450,000 people applied in the last 12 months", False),
        ("450,000 people applied over two years", False),
        ("rose to 450,000 from 300,000 two years ago", False),
    ],
)
def test_a_period_counted_back_dates_the_figure(quote: str, dated: bool) -> None:
    assert is_dated(_claim(quote)) is dated


def test_the_period_may_stand_after_the_quote_in_its_clause() -> None:
    text = "Asylum claims fell to 410,000, down from 450,000 in the previous 12 months, it said."
    assert infer_dated("down from 450,000", "450,000", text)
    assert not infer_dated("fell to 410,000", "410,000", text)
    past = "Asylum claims fell to 410,000, down from 450,000 in the past 12 months, it said."
    assert not infer_dated("down from 450,000", "450,000", past)


@given(
    back=st.sampled_from(["previous", "preceding", "prior"]),
    up_to_now=st.sampled_from(["past", "last"]),
    count=st.sampled_from(["", "12 ", "three ", "two ", "18 "]),
    unit=st.sampled_from(["days", "weeks", "months", "years", "quarters"]),
)
def test_counted_back_is_dated_and_up_to_now_is_not(
    back: str, up_to_now: str, count: str, unit: str
) -> None:
    """Whatever the count and unit, "the previous N units" dates the figure beside it and
    "the past/last N units" (up to publication) does not."""
    assert infer_dated(f"down from 450,000 in the {back} {count}{unit}", "450,000")
    assert not infer_dated(f"450,000 applied in the {up_to_now} {count}{unit}", "450,000")


def _seed_figure_in(tmp_path: Path, period: str) -> list[str]:
    """The stale mutation, with the children's figure put in ``period`` in the article and
    its quote alike."""
    article = tmp_path / "root" / "facts" / SEED.name / "article.txt"
    old = "more than 1.5 million children are among the refugees"
    new = f"more than 1.5 million children were among the refugees {period}"
    failures = _replaced_seed(tmp_path, (old, new), article_edit=(old, new))
    assert article.read_text("utf-8").count(new) == 1
    return failures


def test_a_figure_of_a_period_counted_back_is_not_stale(tmp_path: Path) -> None:
    assert _seed_figure_in(tmp_path, "in the previous 12 months") == []


def test_a_figure_of_the_past_12_months_can_still_be_stale(tmp_path: Path) -> None:
    assert _seed_figure_in(tmp_path, "in the past 12 months") == [
        "stale[children-refugees] not_replaced"
    ]
