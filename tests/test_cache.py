"""The cache of parsed fact files: never stale, safe to delete, off when asked (#18)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsuite.files import cache
from factsuite.files.article import load_article
from factsuite.files.loading import load_yaml
from tests.test_cli import ROOT, SEED_NAME, check, copy_of_seed, mutate_children

pytest_plugins = ["pytester"]
SEED_CLAIMS = f"facts/{SEED_NAME}/claims.yaml"


@pytest.fixture
def cached(tmp_path: Path) -> Path:
    """A cache folder in use for this test only."""
    folder = tmp_path / "cache"
    cache.use_cache(folder)
    yield folder
    cache.use_cache(None)


def entries(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and path.name != ".gitignore"]


def test_a_cached_document_is_the_parsed_one_with_its_lines(cached: Path) -> None:
    path = ROOT / SEED_CLAIMS
    parsed = load_yaml(path)
    first, again = cache.load_yaml_cached(path), cache.load_yaml_cached(path)
    assert entries(cached)
    assert first == again == parsed
    assert again.key_lines == parsed.key_lines
    assert again["claims"].item_lines == parsed["claims"].item_lines
    assert again["claims"][3].key_lines == parsed["claims"][3].key_lines


def test_a_cached_article_reads_as_an_uncached_one(cached: Path) -> None:
    folder = ROOT / "facts" / SEED_NAME
    cache.use_cache(None)
    fresh = load_article(folder)
    cache.use_cache(cached)
    load_article(folder)
    again = load_article(folder)
    assert again.claims == fresh.claims
    assert again.meta == fresh.meta
    assert [again.line("claims", n, "value") for n in range(15)] == [
        fresh.line("claims", n, "value") for n in range(15)
    ]


def test_a_corrupt_entry_is_ignored_and_written_again(cached: Path) -> None:
    path = ROOT / SEED_CLAIMS
    cache.load_yaml_cached(path)
    for entry in entries(cached):
        entry.write_text('{"m": 1, "k": [[')
    assert cache.load_yaml_cached(path) == load_yaml(path)
    assert all(entry.read_text().endswith("]]}]") for entry in entries(cached))


def test_an_article_is_one_entry_and_an_edit_of_either_file_is_seen(
    cached: Path, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(ROOT / "facts" / SEED_NAME, tmp_path / "facts" / SEED_NAME))
    first = load_article(folder)
    assert len(entries(cached)) == 1
    assert load_article(folder).meta == first.meta
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text().replace('headline: "', 'headline: "Edited - ', 1))
    edited = load_article(folder)
    assert edited.meta is not None
    assert edited.meta.headline.startswith("Edited -")
    assert edited.claims == first.claims
    assert len(entries(cached)) == 2


def test_a_file_that_does_not_parse_is_never_cached_nor_its_article(
    cached: Path, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(ROOT / "facts" / SEED_NAME, tmp_path / "facts" / SEED_NAME))
    (folder / "meta.yaml").write_text("headline: [unclosed\n")
    assert not load_article(folder).is_valid
    assert not load_article(folder).is_valid
    assert not entries(cached)


def test_the_cli_never_gives_a_stale_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = copy_of_seed(tmp_path)
    assert check(capsys, str(folder))[0] == 0
    assert entries(tmp_path / cache.CLI_CACHE)
    mutate_children(folder)
    code, out = check(capsys, str(folder))
    assert code == 1
    assert "children-within-refugees" in out


def test_the_cli_without_the_cache_writes_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert check(capsys, str(copy_of_seed(tmp_path)), "--no-cache")[0] == 0
    assert not (tmp_path / cache.CLI_CACHE).exists()


def seeded(pytester: pytest.Pytester) -> Path:
    shutil.copytree(ROOT / "reference", pytester.path / "reference")
    return Path(shutil.copytree(ROOT / "facts" / SEED_NAME, pytester.path / "facts" / SEED_NAME))


def factsuite_entries(pytester: pytest.Pytester) -> list[Path]:
    return entries(pytester.path / ".pytest_cache" / "d" / "factsuite")


def test_pytest_keeps_parsed_files_in_its_cache_and_sees_an_edit(
    pytester: pytest.Pytester,
) -> None:
    folder = seeded(pytester)
    pytester.runpytest_subprocess("facts").assert_outcomes(passed=64, xfailed=2)
    assert factsuite_entries(pytester)
    pytester.runpytest_subprocess("facts").assert_outcomes(passed=64, xfailed=2)
    mutate_children(folder)
    result = pytester.runpytest_subprocess("facts")
    assert result.parseoutcomes()["failed"] == 3


@pytest.mark.parametrize(
    "off", [("--factsuite-no-cache",), ("-o", "factsuite_cache=false"), ("-p", "no:cacheprovider")]
)
def test_pytest_without_the_cache_writes_none(
    pytester: pytest.Pytester, off: tuple[str, ...]
) -> None:
    seeded(pytester)
    pytester.runpytest_subprocess(*off, "facts").assert_outcomes(passed=64, xfailed=2)
    assert not factsuite_entries(pytester)
