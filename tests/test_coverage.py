"""Every mention must be a claim or ignored, and drafts are never reported as passing."""

import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.covering import same_figure
from factsuite.checking.engine import COVERAGE_ITEM, evaluate, load_articles, uncovered_mentions
from factsuite.meaning.grounding import place_of
from factsuite.meaning.mentions import Mention, find_mentions
from factsuite.reports.wording import problem_text, problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = "2022-03-22-kremlin-talks"


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "facts" / SEED, tmp_path / "facts" / SEED)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return tmp_path / "facts" / SEED


def coverage_problems(folder: Path) -> list[str]:
    (article,) = articles = load_articles([folder])
    return problem_texts(evaluate(articles).outcome(article, COVERAGE_ITEM))


def drop_claim(folder: Path, claim_id: str) -> None:
    """Remove one claim entry (it is referenced by no relation)."""
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    start = text.index(f"  - id: {claim_id}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    claims.write_text(text[:start] + text[end:], "utf-8")


def test_every_mention_of_the_seed_is_covered(seed: Path) -> None:
    assert coverage_problems(seed) == []


def test_a_forgotten_mention_fails_coverage_with_its_place(seed: Path) -> None:
    drop_claim(seed, "several-rounds")
    (problem,) = coverage_problems(seed)
    assert problem.startswith("[mention_covered] 1 numeric or temporal mention(s)")
    assert 'article.txt:4:67  "several" (vague_count)' in problem
    assert "list it under ignored: with a reason" in problem


def test_an_ignored_mention_is_covered(seed: Path) -> None:
    drop_claim(seed, "several-rounds")
    claims = seed / "claims.yaml"
    text = claims.read_text("utf-8").replace(
        "ignored:\n",
        "ignored:\n  - quote: after several rounds of talks\n    reason: A vague count.\n",
    )
    claims.write_text(text, "utf-8")
    assert coverage_problems(seed) == []


def test_a_claim_quoting_another_value_does_not_cover_a_mention(seed: Path) -> None:
    """The quote must hold the mention's own figure, not merely surround it."""
    claims = seed / "claims.yaml"
    text = claims.read_text("utf-8").replace(
        "    quote: after several rounds of talks between their delegations\n    value: several",
        "    quote: after several rounds of talks between their delegations\n    value: many",
    )
    claims.write_text(text, "utf-8")
    (problem,) = coverage_problems(seed)
    assert '"several" (vague_count)' in problem


def test_drafts_are_skipped_and_counted(pytester: pytest.Pytester, tmp_path: Path) -> None:
    folder = pytester.path / "facts" / "2022-03-22-draft"
    from factsuite.commands.cli import main

    text = ROOT / "facts" / SEED / "article.txt"
    assert main(["new", str(folder), "--from", str(text), "--published", "2022-03-22"]) == 0
    result = pytester.runpytest("facts", "-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(passed=2, skipped=38)
    result.stdout.fnmatch_lines(
        [
            "*15 claims read, 2 checks passed, 0 failed, 0 recorded findings, "
            "38 checks of draft claims need review",
            "SKIPPED [[]38[]] facts/2022-03-22-draft/claims.yaml: draft claim: review it*",
        ]
    )


SEED_TEXT = (ROOT / "facts" / SEED / "article.txt").read_text("utf-8")
SEED_VALUES = [mention.value for mention in find_mentions(SEED_TEXT)]
quotes = st.tuples(st.integers(0, len(SEED_TEXT) - 1), st.integers(1, 200)).map(
    lambda pair: SEED_TEXT[pair[0] : pair[0] + pair[1]]
)
values = st.sampled_from(SEED_VALUES).map(str.upper) | st.sampled_from(SEED_VALUES)


def _uncovered_by_every_pair(claims: list[tuple[str, str]], ignored: list[str]) -> list[Mention]:
    """Each mention against every quote: what ``uncovered_mentions`` finds faster."""

    def spans(quote: str) -> list[tuple[int, int]]:
        found = re.finditer(f"(?={re.escape(quote)})", SEED_TEXT)  # overlapping ones too
        return [(match.start(), match.start() + len(quote)) for match in found]

    def within(mention: Mention, span: tuple[int, int]) -> bool:
        return span[0] <= mention.start and mention.end <= span[1]

    return [
        mention
        for mention in find_mentions(SEED_TEXT)
        if not any(
            within(mention, span) and same_figure(mention.value, value)
            for quote, value in claims
            for span in spans(quote)
        )
        and not any(within(mention, span) for quote in ignored for span in spans(quote))
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(quotes, values), max_size=20), st.lists(quotes, max_size=3))
def test_a_mention_is_covered_by_a_quote_of_its_value_or_an_ignored_one(
    claims: list[tuple[str, str]], ignored: list[str]
) -> None:
    article = SimpleNamespace(
        text=SEED_TEXT,
        meta=SimpleNamespace(published=date(2022, 3, 22)),
        claims=SimpleNamespace(
            claims=[
                SimpleNamespace(quote=quote, value=value, as_of=None) for quote, value in claims
            ],
            ignored=[SimpleNamespace(quote=quote) for quote in ignored],
        ),
    )
    missing = _uncovered_by_every_pair(claims, ignored)
    uncovered = uncovered_mentions(article)  # type: ignore[arg-type]  # a stand-in article
    report = problem_text(uncovered) if uncovered else ""
    assert report.count("\n  article.txt:") == len(missing)
    for mention in missing:
        place = place_of(SEED_TEXT, mention.start)
        assert f'article.txt:{place.line}:{place.column}  "{mention.text}"' in report
