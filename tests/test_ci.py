"""pytest in CI: JUnit's failure message leads with the conclusion, and
``--factsuite-baseline`` fails only on failures the saved run does not hold."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factsuite.commands.cli import main
from tests.test_plugin import (
    MUTATION_FAILURES,
    ROOT,
    SEED,
    SEED_CHECKS,
    SEED_FINDINGS,
    SEED_NAME,
    mutate_children,
    run,
)

pytest_plugins = ["pytester"]


@pytest.fixture
def seed(pytester: pytest.Pytester) -> Path:
    """The seed as ``facts/<seed>`` with ``reference/`` beside, in pytester's folder."""
    shutil.copytree(ROOT / "reference", pytester.path / "reference")
    return Path(shutil.copytree(SEED, pytester.path / "facts" / SEED_NAME))


CONCLUSION = (
    "[part_within_whole] A part cannot be larger than its whole. "
    "The part is at least 4,500,000, but the whole is at most 4,000,000."
)


def failures_in_junit(report: Path) -> dict[str, str]:
    root = ET.parse(report).getroot()
    return {
        case.get("name", ""): failure.get("message", "")
        for case in root.iter("testcase")
        for failure in case.iter("failure")
    }


@pytest.mark.parametrize("items", ["check", "article"])
def test_junit_message_leads_with_the_conclusion(
    pytester: pytest.Pytester, seed: Path, items: str
) -> None:
    mutate_children(seed)
    report = pytester.path / "junit.xml"
    run(pytester, f"--junitxml={report}", f"--factsuite-items={items}")
    messages = failures_in_junit(report)
    if items == "check":
        assert set(messages) == MUTATION_FAILURES
        first_line = messages["children-within-refugees"].split("\n", 1)[0]
    else:
        first_line = messages["checks"].split("\n", 1)[0]
    assert first_line.endswith(f"children-within-refugees failed: {CONCLUSION}")


def saved_verdicts(pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]) -> Path:
    """``factsuite check --format json facts`` run in pytester's folder, saved."""
    capsys.readouterr()
    main(["check", "-j", "1", "--format", "json", "facts"])
    path = pytester.path / "verdicts.json"
    path.write_text(capsys.readouterr().out, "utf-8")
    return path


@pytest.mark.parametrize("items", ["check", "article"])
def test_baseline_failures_are_xfails_and_new_ones_fail(
    pytester: pytest.Pytester,
    seed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    items: str,
) -> None:
    monkeypatch.chdir(pytester.path)
    mutate_children(seed)
    baseline = saved_verdicts(pytester, capsys)
    options = (f"--factsuite-baseline={baseline}", f"--factsuite-items={items}", "-rx")
    result = run(pytester, *options)
    if items == "check":
        result.assert_outcomes(passed=SEED_CHECKS - 3, xfailed=SEED_FINDINGS + 3)
    else:
        result.assert_outcomes(xfailed=1)
    assert result.ret == pytest.ExitCode.OK
    assert "known in baseline" in result.stdout.str()
    # a new failure in the pull request: the headline's figure
    text = (seed / "claims.yaml").read_text("utf-8")
    (seed / "claims.yaml").write_text(text.replace("3.5 million", "9.5 million"), "utf-8")
    result = run(pytester, *options)
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_an_unreadable_baseline_is_a_usage_error(pytester: pytest.Pytester, seed: Path) -> None:
    (pytester.path / "bad.json").write_text("[]", "utf-8")
    result = run(pytester, "--factsuite-baseline=bad.json")
    assert result.ret != pytest.ExitCode.OK
    assert "not a verdicts file" in result.stderr.str() + result.stdout.str()


def test_a_baseline_saved_in_one_folder_holds_for_pytest_run_from_another(
    pytester: pytest.Pytester,
    seed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Saved from the project's root as ``facts``; pytest run inside ``facts/`` on ``.``."""
    monkeypatch.chdir(pytester.path)
    mutate_children(seed)
    baseline = saved_verdicts(pytester, capsys)
    monkeypatch.chdir(seed.parent)
    result = pytester.runpytest(
        "-p", "no:cacheprovider", f"--factsuite-baseline={baseline}", "-rx", "."
    )
    result.assert_outcomes(passed=SEED_CHECKS - 3, xfailed=SEED_FINDINGS + 3)
    assert "known in baseline" in result.stdout.str()


def test_pytest_writes_a_site_for_an_archive_and_a_file_for_one_article(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """``--factsuite-html`` decides as ``factsuite report --html`` does."""
    run(pytester, f"--factsuite-html={pytester.path / 'one.html'}")
    assert not (pytester.path / "articles").exists()
    shutil.copytree(seed, seed.with_name(f"{SEED_NAME}-copy"))
    run(pytester, f"--factsuite-html={pytester.path / 'site' / 'index.html'}")
    pages = sorted(path.name for path in (pytester.path / "site" / "articles").iterdir())
    assert pages == [f"{SEED_NAME}-copy.html", f"{SEED_NAME}.html"]


def test_with_a_baseline_the_markdown_summary_lists_only_new_failures(
    pytester: pytest.Pytester,
    seed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pull request's job summary shows what it introduced; the known failures are counted."""
    monkeypatch.chdir(pytester.path)
    mutate_children(seed)
    baseline = saved_verdicts(pytester, capsys)
    summary = pytester.path / "summary.md"
    options = (f"--factsuite-baseline={baseline}", f"--factsuite-markdown={summary}")
    run(pytester, *options)
    text = summary.read_text("utf-8")
    assert "✅ no new failure: the 3 failing checks the baseline holds" in text
    assert "3 failures the baseline holds (known before this change) are not listed" in text
    assert "children-within-refugees" not in text.split("### Failures", 1)[-1]
    # the pull request changes the refugees' figure: its failures are listed, and the two
    # known failures that do not involve it stay counted, not listed
    claims = seed / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("3.5 million", "9.5 million"), "utf-8")
    run(pytester, *options)
    text = summary.read_text("utf-8")
    failures = text.split("### Failures", 1)[1]
    assert "❌ 8 checks failed that the baseline does not hold (1 known before)" in text
    assert "1 failure the baseline holds (known before this change) is not listed" in failures
    assert "record[refugees-headline]" in failures
