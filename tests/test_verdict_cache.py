"""Stored verdicts: a re-run reuses an unchanged article's verdicts, never a stale one (#18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import factsuite
from factsuite.checking import chunks, verdict_cache
from factsuite.checking.chunks import chunk_verdicts
from factsuite.files import cache
from factsuite.files.cache_seal import seal
from factsuite.meaning.lexicon import Reading
from tests.test_cli import check, copy_of_seed, mutate_children


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many articles each chunk evaluated (rather than found stored)."""
    evaluated: list[int] = []
    real = chunks._evaluated

    def counting(folders: list[Path], *rest: object) -> list[chunks.ArticleVerdicts]:
        evaluated.append(len(folders))
        return real(folders, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(chunks, "_evaluated", counting)
    yield evaluated
    cache.use_cache(None)


def stored_entries(folder: Path) -> list[Path]:
    return [path for path in (folder / verdict_cache.FOLDER).rglob("*") if path.is_file()]


def seed_archive(tmp_path: Path) -> list[Path]:
    """The seed (with the reference folder) and a second article beside it."""
    return [copy_of_seed(tmp_path), copy_of_seed(tmp_path, "2022-03-22-copy")]


def run(folders: list[Path], store: Path | None) -> list[chunks.ArticleVerdicts]:
    return chunk_verdicts(folders, Reading.PRAGMATIC, cache=store)


def test_a_rerun_reuses_the_stored_verdicts_and_they_are_the_evaluated_ones(
    tmp_path: Path, counted: list[int]
) -> None:
    folders = seed_archive(tmp_path)
    fresh = run(folders, None)
    first = run(folders, tmp_path / "cache")
    again = run(folders, tmp_path / "cache")
    assert counted == [2, 2]  # no cache, then a cold cache; the re-run evaluated nothing
    assert again == first == fresh
    assert any(outcome.finding is not None for outcome in again[0].others)
    assert len(stored_entries(tmp_path / "cache")) == 2


def test_stored_problems_keep_their_claims_and_intervals(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    mutate_children(folder)
    (fresh,) = run([folder], tmp_path / "cache")
    (stored,) = run([folder], tmp_path / "cache")
    refs = [ref for outcome in stored.others for p in outcome.problems for ref in p.claims]
    assert any(ref.interval is not None for ref in refs)
    assert stored == fresh


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def edit_reference_csv(tmp_path: Path) -> None:
    records = tmp_path / "reference" / "unicef-child-refugees" / "records.csv"
    lines = records.read_text("utf-8").splitlines(keepends=True)
    records.write_text("".join(lines[:1]), "utf-8")  # its records gone: nothing to cite


EDITS = {
    "article text": lambda folder: mutate_children(folder),
    "meta": lambda folder: edit(folder / "meta.yaml", 'headline: "', 'headline: "Edited - '),
    "claims": lambda folder: edit(folder / "claims.yaml", "more than 1.5 million", "1.5 million"),
    "reference CSV": lambda folder: edit_reference_csv(folder.parents[1]),
}


@pytest.mark.parametrize("input_name", [*EDITS, "version"])
def test_an_edit_of_any_input_is_evaluated_again(
    tmp_path: Path, counted: list[int], monkeypatch: pytest.MonkeyPatch, input_name: str
) -> None:
    folder = copy_of_seed(tmp_path)
    (first,) = run([folder], tmp_path / "cache")
    if input_name == "version":
        monkeypatch.setattr(factsuite, "__version__", "99.0")
        verdict_cache._run_fingerprint.cache_clear()
    else:
        EDITS[input_name](folder)
    (edited,) = run([folder], tmp_path / "cache")
    verdict_cache._run_fingerprint.cache_clear()
    (fresh,) = run([folder], None)
    assert counted == [1, 1, 1]
    assert edited == fresh
    if input_name != "version":
        assert edited != first


def test_a_tampered_entry_is_ignored_and_written_again(tmp_path: Path, counted: list[int]) -> None:
    folder = copy_of_seed(tmp_path)
    (first,) = run([folder], tmp_path / "cache")
    (entry,) = stored_entries(tmp_path / "cache")
    payload = json.loads(entry.read_bytes().split(b"\n", 1)[1])
    payload["passed"] += 1000
    entry.write_bytes(b"0" * 64 + b"\n" + json.dumps(payload).encode())  # no valid seal
    (again,) = run([folder], tmp_path / "cache")
    assert again == first
    entry.write_bytes(b"{not json")
    assert run([folder], tmp_path / "cache") == [first]
    assert counted == [1, 1, 1]
    assert run([folder], tmp_path / "cache") == [first]
    assert counted == [1, 1, 1]  # written again whole: found this time


def test_a_sealed_entry_that_is_no_verdict_is_ignored(tmp_path: Path, counted: list[int]) -> None:
    folder = copy_of_seed(tmp_path)
    (first,) = run([folder], tmp_path / "cache")
    (entry,) = stored_entries(tmp_path / "cache")
    sealed = seal(entry, b'{"claims": 1, "passed": 1, "headline": 3, "others": []}')
    assert sealed is not None
    entry.write_bytes(sealed)
    assert run([folder], tmp_path / "cache") == [first]
    assert counted == [1, 1]


def test_an_article_that_could_not_be_evaluated_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factsuite.checking import engine

    def broken(*arguments: object, **keywords: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(engine, "evaluate", broken)
    (verdicts,) = run([copy_of_seed(tmp_path)], tmp_path / "cache")
    assert verdicts.crashed
    assert not stored_entries(tmp_path / "cache")


def test_an_article_with_a_link_among_its_files_is_never_stored(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    text = folder / "article.txt"
    text.rename(folder.parent / "text.txt")
    text.symlink_to(folder.parent / "text.txt")
    run([folder], tmp_path / "cache")
    assert not stored_entries(tmp_path / "cache")


def test_an_article_with_a_file_past_the_size_limit_is_never_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_seed(tmp_path)
    monkeypatch.setenv("FACTSUITE_MAX_FILE_BYTES", "1000")  # the seed's claims.yaml is larger
    (verdicts,) = run([folder], tmp_path / "cache")
    assert verdicts.others
    assert not stored_entries(tmp_path / "cache")


def test_the_cli_prints_the_same_warm_as_without_the_cache(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = copy_of_seed(tmp_path)
    mutate_children(folder)
    copy_of_seed(tmp_path, "2022-03-22-copy")
    for arguments in [("--format", "json"), ("-v",), ()]:
        without = check(capsys, str(tmp_path / "facts"), "--no-cache", *arguments)
        assert check(capsys, str(tmp_path / "facts"), *arguments) == without
        assert check(capsys, str(tmp_path / "facts"), *arguments) == without
    assert stored_entries(tmp_path / cache.CLI_CACHE)


def test_the_cli_sees_an_edited_reference_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_of_seed(tmp_path)
    assert check(capsys, str(tmp_path / "facts"))[0] == 0
    series = tmp_path / "reference" / "unhcr-refugees" / "series.yaml"
    series.write_text("measure: [unclosed\n", "utf-8")
    code, out = check(capsys, str(tmp_path / "facts"))
    assert code == 1
    assert "series.yaml" in out
    assert check(capsys, str(tmp_path / "facts")) == (code, out)


def test_a_run_whose_verdicts_are_all_stored_imports_no_pandas_nor_numpy(tmp_path: Path) -> None:
    copy_of_seed(tmp_path)
    script = (
        "import sys\n"
        "from factsuite.commands.cli import main\n"
        "code = main(['check', '-q', 'facts'])\n"
        "print(code, *(name in sys.modules for name in ('pandas', 'pandera', 'numpy')))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
        ).stdout.split()[-4:]
        for _ in range(2)
    ]
    assert runs == [["0", "True", "True", "True"], ["0", "False", "False", "False"]]


def test_entries_no_run_can_use_are_pruned_and_used_ones_kept(
    tmp_path: Path, counted: list[int]
) -> None:
    """The pruning policy (``checking/cache_prune.py``): another code's folder goes, an entry
    unused for a month goes, an entry a run found is kept however old it was."""
    from factsuite.checking.cache_prune import UNUSED_DAYS, prune_verdicts

    folders = seed_archive(tmp_path)
    store = tmp_path / "cache"
    run(folders, store)
    used = stored_entries(store)
    month_ago = time.time() - (UNUSED_DAYS + 1) * 86400
    for entry in used:
        os.utime(entry, (month_ago, month_ago))
    other_code = store / verdict_cache.FOLDER / "0123456789abcdef"
    other_code.mkdir()
    (other_code / "entry").write_bytes(b"sealed by an older factsuite")
    edited_away = used[0].parent / ("0" * 64)
    edited_away.write_bytes(b"verdicts of a version of an article that is gone")
    os.utime(edited_away, (month_ago, month_ago))
    run(folders, store)  # finds both entries: their time is refreshed
    assert prune_verdicts(store) == 2
    assert not other_code.exists()
    assert not edited_away.exists()
    assert sorted(stored_entries(store)) == sorted(used)
    run(folders, store)
    assert counted == [2]  # the first run evaluated both; the others found them stored
