"""checking/tables.py: the claims and relations laid side by side, nothing judged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsuite.checking.engine import load_articles
from factsuite.checking.tables import CLAIM_COLUMNS, Tables, build_tables
from factsuite.files.article import Article
from factsuite.files.model import RELATION_MODELS, roles
from factsuite.meaning.lexicon import Kind

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"


def _tables(article: Article) -> Tables:
    return build_tables([article], {})


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEED, tmp_path / SEED.name))


def _edited(folder: Path, old: str, new: str) -> Article:
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    assert text.count(old) == 1
    claims.write_text(text.replace(old, new), "utf-8")
    (article,) = load_articles([folder])
    return article


def test_one_row_per_claim_with_its_kind_and_intervals() -> None:
    (article,) = load_articles([SEED])
    assert article.claims is not None
    tables = _tables(article)
    assert list(tables.claims.columns) == CLAIM_COLUMNS
    assert tables.claims["claim"].tolist() == [claim.id for claim in article.claims.claims]
    assert set(tables.claims["kind"]) == set(Kind) - {Kind.CHANGE}  # the seed states no change
    lead = tables.claims.set_index("claim").loc["refugees-lead"]
    assert (lead["pragmatic_lo"], lead["pragmatic_hi"]) == (3_500_000, 4_000_000)
    assert not lead["pragmatic_lo_closed"]
    assert set(tables.readings) == {(str(SEED), claim.id) for claim in article.claims.claims}


def test_a_table_per_relation_rule_with_each_roles_claim_joined() -> None:
    (article,) = load_articles([SEED])
    tables = _tables(article)
    assert set(tables.relations) == set(RELATION_MODELS)
    for rule, model in RELATION_MODELS.items():
        singles, _ = roles(model)
        for role in singles:
            assert role in tables.relations[rule].columns
    part_of = tables.relations["part_of"].iloc[0]
    assert (part_of["part"], part_of["whole"]) == ("children-refugees", "refugees-lead")
    assert part_of["part_kind"] == part_of["whole_kind"] == Kind.COUNT
    assert part_of["comparable"]
    assert (part_of["unresolved"], part_of["unreadable"]) == ((), ())


def test_same_figure_pairs_each_later_claim_with_the_first() -> None:
    (article,) = load_articles([SEED])
    same = _tables(article).relations["same_figure"]
    assert same[["relation", "first", "other"]].values.tolist() == [
        ["headline-matches-lead", "refugees-headline", "refugees-lead"],
        ["body-matches-headline", "refugees-headline", "refugees-body"],
    ]


def test_an_id_naming_no_claim_is_unresolved(seed_copy: Path) -> None:
    article = _edited(
        seed_copy, "    whole: refugees-lead\n\n  - id: share", "    whole: nobody\n\n  - id: share"
    )
    row = _tables(article).relations["part_of"].iloc[0]
    assert not row["whole_found"]
    assert row["unresolved"] == ("nobody",)


def test_a_claim_that_cannot_be_read_is_unreadable(seed_copy: Path) -> None:
    article = _edited(seed_copy, "value: 1.5 million", "value: lots and lots")
    tables = _tables(article)
    claim = tables.claims.set_index("claim").loc["children-refugees"]
    assert claim["parse_error"] != ""
    assert tables.relations["part_of"].iloc[0]["unreadable"] == ("children-refugees",)
    share = tables.relations["share_of"].iloc[0]
    assert share["unreadable"] == ("children-refugees",)  # through its parts
