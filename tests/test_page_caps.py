"""What one article may put on its HTML page (``reports/page_caps.py``): each cap holds, and
what it leaves out is counted and pointed to."""

import re
import shutil
from pathlib import Path

import pytest

from factsuite.checking.contained import evaluate_contained
from factsuite.checking.engine import load_articles
from factsuite.reports import page_caps
from factsuite.reports.html import render_html, write_site

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"


def seed(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return folder


def page_of(folder: Path) -> str:
    return render_html(evaluate_contained(load_articles([folder])))


def test_a_coverage_failure_of_thousands_of_mentions_is_cut(tmp_path: Path) -> None:
    folder = seed(tmp_path)
    text = folder / "article.txt"
    numbers = " ".join(f"{n} people came." for n in range(3_000))
    text.write_text(text.read_text("utf-8") + "\n" + numbers + "\n", "utf-8")
    page = page_of(folder)
    shown = len(re.findall(r"<dt>article\.txt:\d+:\d+</dt><dd>&#34;\d+&#34; \(count\)", page))
    assert 0 < shown <= page_caps.MAX_LINES * 2  # among the failures, and under no claim
    assert "…and 2,951 more lines: see the JSON: factsuite check --format json" in page
    assert len(page) < 400_000


def test_claims_and_mentions_past_the_caps_are_counted_not_highlighted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = seed(tmp_path)
    monkeypatch.setattr(page_caps, "MAX_CLAIMS", 3)
    monkeypatch.setattr(page_caps, "MAX_MENTIONS", 1)
    monkeypatch.setattr(page_caps, "MAX_LISTED", 1)
    page = page_of(folder)
    panels = re.findall(r'<section class="detail[^"]*" id="detail=([^"]+)"', page)
    assert len(panels) == 3 + 1
    highlighted = set(
        re.findall(r'<a class="claim status-[a-z]+" href="[^"]+" data-claim="([^"]+)"', page)
    )
    assert highlighted <= set(panels)
    assert "…and 12 more claims, not highlighted: see the JSON" in page
    assert "…and 2 more ignored mentions, not highlighted: see the JSON" in page
    assert "…and 1 more failures and findings: see the JSON" in page
    assert "<dd>15</dd>" in page  # the article's counts stay whole


def test_problems_past_the_cap_are_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = seed(tmp_path)
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    claims.write_text(text.replace("value: 3.5 million", "value: 9.5 million", 1), "utf-8")
    monkeypatch.setattr(page_caps, "MAX_PROBLEMS", 0)
    page = page_of(folder)
    assert re.search(r"…and [1-9]\d* more problems: see the JSON", page)


def test_each_site_page_is_capped_and_the_index_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = seed(tmp_path)
    monkeypatch.setattr(page_caps, "MAX_LISTED", 0)
    index = write_site(evaluate_contained(load_articles([folder])), tmp_path / "site")
    page = next((tmp_path / "site" / "articles").glob("*.html")).read_text("utf-8")
    assert "more failures and findings: see the JSON" in page
    assert "population" in index.read_text("utf-8")  # the index's rule filter keeps every rule


def test_the_site_index_lists_the_most_severe_articles_up_to_its_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """100,000 articles would make an 80 MB index: past the cap, the least severe are counted,
    the counts and filters still cover every article, and every article keeps its page."""
    seed(tmp_path)
    facts = tmp_path / "facts"
    for copy in ("b-consistent", "c-consistent"):
        shutil.copytree(SEED, facts / copy)
    broken = facts / SEED.name / "claims.yaml"
    broken.write_text(broken.read_text("utf-8").replace("1.5 million", "4.5 million"), "utf-8")
    monkeypatch.setattr(page_caps, "MAX_INDEX_ROWS", 1)
    folders = sorted(path for path in facts.iterdir() if path.is_dir())
    index = write_site(evaluate_contained(load_articles(folders)), tmp_path / "site")
    text = index.read_text("utf-8")
    rows = re.findall(r'<tr class="status-(\w+)"', text)
    assert rows == ["failing"]  # the failing article, first of the three
    assert "…and 2 more articles, the least severe, not listed here" in text
    assert "see the JSON: factsuite check --format json" in text
    assert len(list((tmp_path / "site" / "articles").glob("*.html"))) == 3
