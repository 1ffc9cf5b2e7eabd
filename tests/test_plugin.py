"""The pytest plugin as a user runs it: `pytest` over article folders, read as a report.

Every test lays out pytester's temporary directory as a newsroom's repository, the seed
article under ``facts/`` and the reference records under ``reference/`` beside it (no
pyproject.toml, pytest.ini or conftest.py: the plugin comes from its installed entry point),
runs ``pytest facts`` and asserts on the text a user reads.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "2022-03-22-kremlin-talks"
SEED = ROOT / "facts" / SEED_NAME
SEED_ID = f"facts/{SEED_NAME}/claims.yaml"

# Passing checks of the seed: 46 of its own (schema; schema[..] and grounding[..] for its 15
# claims; calendar[..] for its 5 dates; 8 relations; ignored-mentions; coverage), 15 for the
# 5 claims matched to a reference series (record, population, stale) and event[..] for its 5
# dates naming an event, less the 2 with reviewed findings, which are strict xfails:
# body-matches-headline and population[refugees-body].
SEED_CHECKS = 64
SEED_FINDINGS = 2
REFERENCE_TABLES = 7  # one schema item per series.yaml (5), events/events.yaml and populations.yaml

pytest_plugins = ["pytester"]

# 4.5 million children also break the share relation: "some 90 percent" of at most
# 4,000,000 refugees is at most 3,800,000 women and children, fewer than the children; and
# UNICEF's record: about 1,500,000 children as of its statement of 15 March.
MUTATION_FAILURES = {
    "children-within-refugees",
    "share-holds-children",
    "record[children-refugees]",
}
# Under the strict reading "more than 3.5 million" has no upper bound: only the record fails.
STRICT_MUTATION_FAILURES = {"record[children-refugees]"}

FINDINGS_FOR_MUTATION = """\
  - check: children-within-refugees
    verdict: inaccurate
    reason: UNICEF said more than 1.5 million children, not 4.5 million.
  - check: share-holds-children
    verdict: inaccurate
    reason: Follows from the same wrong figure for the children.
  - check: record[children-refugees]
    verdict: inaccurate
    reason: UNICEF's statement of 15 March was about 1.5 million children.
"""


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """``pytest facts``, the README's main job, in pytester's directory."""
    return pytester.runpytest("-p", "no:cacheprovider", *args, "facts")


@pytest.fixture
def seed(pytester: pytest.Pytester) -> Path:
    """A copy of the seed article folder as ``facts/<seed>``, with ``reference/`` beside
    ``facts/``, in a directory outside any project."""
    shutil.copytree(ROOT / "reference", pytester.path / "reference")
    return Path(shutil.copytree(SEED, pytester.path / "facts" / SEED_NAME))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def mutate_children(folder: Path, old: str = "1.5", new: str = "4.5") -> None:
    """Change the children's figure in the article and in its claim, consistently."""
    for name in ("article.txt", "claims.yaml"):
        replace_in(
            folder / name, f"more than {old} million children", f"more than {new} million children"
        )
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    block = text[text.index("  - id: children-refugees") :]
    block_end = block.index("\n\n")
    fixed = block[:block_end].replace(f"value: {old} million", f"value: {new} million")
    assert fixed != block[:block_end]
    claims.write_text(text.replace(block[:block_end], fixed), "utf-8")


def line_of(path: Path, text: str) -> int:
    """The number of the one line of ``path`` that holds ``text``."""
    numbers = [n for n, line in enumerate(path.read_text("utf-8").split("\n"), 1) if text in line]
    assert len(numbers) == 1, f"{text!r} is on lines {numbers} of {path}"
    return numbers[0]


def failed_ids(result: pytest.RunResult) -> set[str]:
    return {
        match.group(1)
        for match in re.finditer(r"^FAILED \S+::(\S+)", result.stdout.str(), re.MULTILINE)
    }


def section(output: str, title: str) -> str:
    """The body of one failure section, from its ``___ title ___`` header to the next header."""
    match = re.search(rf"^_+ {re.escape(title)} _+\n(.*?)(?=^[_=]{{3,}} )", output, re.S | re.M)
    assert match, f"no section {title!r} in:\n{output}"
    return match.group(1)


# -- the seed -------------------------------------------------------------------------------


def test_the_seed_passes_with_its_recorded_finding(pytester: pytest.Pytester, seed: Path) -> None:
    result = run(pytester, "-v")
    result.assert_outcomes(passed=SEED_CHECKS, xfailed=SEED_FINDINGS)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.re_match_lines(
        [
            rf"{re.escape(SEED_ID)}::{re.escape(name)} {outcome}\b"
            for name, outcome in (
                ("schema", "PASSED"),
                ("grounding[refugees-lead]", "PASSED"),
                ("calendar[invasion-announced]", "PASSED"),
                ("body-matches-headline", "XFAIL"),
                ("children-within-refugees", "PASSED"),
                ("coverage", "PASSED"),
                ("record[refugees-lead]", "PASSED"),
                ("population[refugees-body]", "XFAIL"),
                ("stale[children-refugees]", "PASSED"),
                ("event[invasion-announced]", "PASSED"),
            )
        ]
    )


def test_xfail_reason_is_the_reviewers_finding(pytester: pytest.Pytester, seed: Path) -> None:
    result = run(pytester, "-rx")
    result.stdout.fnmatch_lines(
        [
            f"XFAIL {SEED_ID}::body-matches-headline - reviewed finding (inaccurate): UNHCR's*",
            f"XFAIL {SEED_ID}::population[[]refugees-body[]] - reviewed finding (inaccurate): "
            "The body attributes to UNHCR a count of*",
        ]
    )


def test_terminal_summary_counts_claims(pytester: pytest.Pytester, seed: Path) -> None:
    result = run(pytester)
    result.stdout.fnmatch_lines(
        [
            "*= factsuite =*",
            f"{SEED_ID}: 15 claims read, {SEED_CHECKS} checks passed, 0 failed, "
            f"{SEED_FINDINGS} recorded findings",
        ]
    )


# -- a wrong figure, explained --------------------------------------------------------------


def test_a_part_larger_than_its_whole_fails_with_an_editors_note(
    pytester: pytest.Pytester, seed: Path
) -> None:
    mutate_children(seed)
    result = run(pytester)
    result.assert_outcomes(passed=SEED_CHECKS - 3, failed=3, xfailed=SEED_FINDINGS)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert failed_ids(result) == MUTATION_FAILURES

    output = result.stdout.str()
    note = section(output, "part_of: children-within-refugees")
    relation = line_of(seed / "claims.yaml", "  - id: children-within-refugees")
    assert note.startswith(
        f"{SEED_ID}:{relation}: children-within-refugees failed: [part_within_whole] A part cannot"
    )
    assert "A part cannot be larger than its whole" in note
    assert "4,500,000" in note
    assert "claims.yaml:" in note
    assert "article.txt:13" in note
    assert "factsuite findings record " in note
    assert "--check 'children-within-refugees'" in note
    assert "--verdict inaccurate" in note

    # An editor's note, not a Python error.
    assert "Traceback" not in output
    assert "def runtest" not in output
    assert ".py:" not in output
    assert not re.search(r"^E\s", output, re.M), "pytest's assertion lines leaked"
    result.stdout.fnmatch_lines(
        [
            "*= factsuite =*",
            f'{SEED_ID}: most likely wrong: "more than 4.5 million children are among the '
            'refugees" (article.txt:13, claim children-refugees): it takes part in all 3 '
            "failures and disagrees with UNICEF's record.",
            f"{SEED_ID}: 15 claims read, {SEED_CHECKS - 3} checks passed, 3 failed, 2 recorded *",
        ]
    )

    # The record's own note: UNICEF's figure, with its date and source.
    record = section(output, "record: record[children-refugees]")
    claim = line_of(seed / "claims.yaml", "  - id: children-refugees")
    assert record.startswith(
        f"{SEED_ID}:{claim}: record[children-refugees] failed: [record_matches] "
    )
    assert "[record_matches] The record does not support the claim" in record
    assert "about 1,500,000 on Tuesday 15 March 2022: UNICEF" in record


def test_the_strict_reading_has_no_upper_bound_on_more_than(
    pytester: pytest.Pytester, seed: Path
) -> None:
    mutate_children(seed)
    result = run(pytester, "--factsuite-reading=strict")
    result.assert_outcomes(passed=SEED_CHECKS - 1, failed=1, xfailed=SEED_FINDINGS)
    assert failed_ids(result) == STRICT_MUTATION_FAILURES
    assert "(4,500,000, no upper bound)" in section(
        result.stdout.str(), "record: record[children-refugees]"
    )


def test_the_reading_can_come_from_the_ini_file(pytester: pytest.Pytester, seed: Path) -> None:
    mutate_children(seed)
    pytester.makeini("[pytest]\nfactsuite_reading = strict\n")
    strict = run(pytester)
    strict.assert_outcomes(passed=SEED_CHECKS - 1, failed=1, xfailed=SEED_FINDINGS)
    assert failed_ids(strict) == STRICT_MUTATION_FAILURES
    # The command line wins over the ini file.
    pragmatic = run(pytester, "--factsuite-reading=pragmatic")
    pragmatic.assert_outcomes(passed=SEED_CHECKS - 3, failed=3, xfailed=SEED_FINDINGS)
    assert failed_ids(pragmatic) == MUTATION_FAILURES


# -- recorded findings: strict xfails ------------------------------------------------------


def test_a_recorded_finding_turns_green_then_fails_once_the_article_is_fixed(
    pytester: pytest.Pytester, seed: Path
) -> None:
    mutate_children(seed)
    claims = seed / "claims.yaml"
    claims.write_text(claims.read_text("utf-8") + FINDINGS_FOR_MUTATION, "utf-8")

    recorded = run(pytester, "-rx")
    recorded.assert_outcomes(passed=SEED_CHECKS - 3, xfailed=SEED_FINDINGS + 3)
    assert recorded.ret == pytest.ExitCode.OK
    recorded.stdout.fnmatch_lines(
        [f"XFAIL {SEED_ID}::children-within-refugees - reviewed finding (inaccurate): UNICEF*"]
    )

    # The article is corrected, the finding stays: the finding no longer holds.
    mutate_children(seed, old="4.5", new="1.5")
    fixed = run(pytester)
    fixed.assert_outcomes(passed=SEED_CHECKS - 3, failed=3, xfailed=SEED_FINDINGS)
    assert fixed.ret == pytest.ExitCode.TESTS_FAILED
    assert failed_ids(fixed) == MUTATION_FAILURES
    note = section(fixed.stdout.str(), "part_of: children-within-refugees")
    assert "[XPASS(strict)]" in note
    assert "remove it from claims.yaml" in note
    assert "Traceback" not in fixed.stdout.str()


def test_summary_counts_a_vanished_finding_as_failed(pytester: pytest.Pytester, seed: Path) -> None:
    """A finding that no longer holds fails (XPASS(strict)); the summary counts it as failed,
    not as a recorded finding, as pytest and `factsuite check` do."""
    mutate_children(seed)
    claims = seed / "claims.yaml"
    claims.write_text(claims.read_text("utf-8") + FINDINGS_FOR_MUTATION, "utf-8")
    mutate_children(seed, old="4.5", new="1.5")
    result = run(pytester)
    result.assert_outcomes(passed=SEED_CHECKS - 3, failed=3, xfailed=SEED_FINDINGS)
    # `factsuite check` says "61 passed, 3 failed, 2 recorded findings" for the same files.
    result.stdout.fnmatch_lines(
        [f"{SEED_ID}: 15 claims read, {SEED_CHECKS - 3} checks passed, 3 failed, 2 recorded *"]
    )


# -- reports for machines ------------------------------------------------------------------


def test_junitxml_carries_the_rule_and_the_claims(pytester: pytest.Pytester, seed: Path) -> None:
    report = pytester.path / "report.xml"
    run(pytester, f"--junitxml={report}").assert_outcomes(passed=SEED_CHECKS, xfailed=SEED_FINDINGS)
    cases = {case.get("name"): case for case in ET.parse(report).getroot().iter("testcase")}
    assert len(cases) == SEED_CHECKS + SEED_FINDINGS

    def properties(name: str) -> dict[str, str]:
        return {p.get("name"): p.get("value") for p in cases[name].iter("property")}

    assert properties("children-within-refugees") == {
        "article": f"facts/{SEED_NAME}",
        "rule": "part_of",
        "claims": "children-refugees refugees-lead",
        "verdict": "passed",
    }
    assert properties("grounding[refugees-lead]") == {
        "article": f"facts/{SEED_NAME}",
        "rule": "grounding",
        "claims": "refugees-lead",
        "verdict": "passed",
    }
    assert properties("population[refugees-body]") == {
        "article": f"facts/{SEED_NAME}",
        "rule": "population",
        "claims": "refugees-body",
        "verdict": "recorded finding",
    }
    assert all(
        case.find("properties/property[@name='rule']") is not None for case in cases.values()
    )


# -- one broken article among good ones ----------------------------------------------------


def test_a_broken_claims_file_fails_its_schema_item_only(
    pytester: pytest.Pytester, seed: Path
) -> None:
    broken = Path(shutil.copytree(SEED, pytester.path / "facts" / "2022-03-23-broken"))
    replace_in(broken / "claims.yaml", "    quote: to end almost", "    quote: [to end almost")

    result = run(pytester, "-rf")
    result.assert_outcomes(passed=SEED_CHECKS, failed=1, xfailed=SEED_FINDINGS)
    assert failed_ids(result) == {"schema"}
    result.stdout.fnmatch_lines(["FAILED facts/2022-03-23-broken/claims.yaml::schema*"])
    note = section(result.stdout.str(), "schema: schema")
    assert note.startswith("facts/2022-03-23-broken/claims.yaml:1: schema failed: ")
    # The YAML error names the file and the line where the parser gave up: the one after
    # the unclosed "[".
    line = line_of(broken / "claims.yaml", "    quote: [to end almost")
    assert f"\nfacts/2022-03-23-broken/claims.yaml:{line + 1}: while parsing a flow" in note
    assert "hint: check the indentation and quoting around this line" in note
    assert "record it in claims.yaml" not in note, "a schema error is fixed, not recorded"
    assert "Traceback" not in result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            f"{SEED_ID}: 15 claims read, {SEED_CHECKS} checks passed, 0 failed*",
            "facts/2022-03-23-broken/claims.yaml: 0 claims read, 0 checks passed, 1 failed*",
        ]
    )


def test_last_failed_reruns_exactly_the_failing_checks(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """``--lf`` after a red run re-runs the failing checks, named with brackets, and no others.

    pytest 9 stores ``record[children-refugees]`` as a name and its parameters; items built
    from their name alone never matched, and a broken file sorted first made ``--lf`` drop
    the other article's failures: green after red with nothing fixed."""
    mutate_children(seed)
    broken = Path(shutil.copytree(SEED, pytester.path / "facts" / "2022-03-01-broken"))
    replace_in(broken / "claims.yaml", "    quote: to end almost", "    quote: [to end almost")
    # In subprocesses, as a user runs them: numpy cannot be imported twice in one process.
    first = pytester.runpytest_subprocess("facts")
    first.assert_outcomes(passed=SEED_CHECKS - 3, failed=4, xfailed=SEED_FINDINGS)

    again = pytester.runpytest_subprocess("--lf", "facts")
    again.assert_outcomes(failed=4)
    assert failed_ids(again) == MUTATION_FAILURES | {"schema"}
    again.stdout.fnmatch_lines(["run-last-failure: rerun previous 4 failures*"])

    first_failed = pytester.runpytest_subprocess("--ff", "-x", "facts")
    first_failed.assert_outcomes(failed=1)


# -- installed, not borrowed from this checkout ----------------------------------------------


def test_the_plugin_is_registered_through_its_entry_point() -> None:
    entry_points = importlib.metadata.entry_points(group="pytest11")
    assert any(
        ep.name == "factsuite" and ep.value == "factsuite.pytest_plugin.plugin"
        for ep in entry_points
    )


def test_a_fresh_process_outside_any_project_loads_the_plugin(
    pytester: pytest.Pytester, seed: Path
) -> None:
    # Nothing in pytester's directory configures pytest: no ini file, no conftest.py.
    assert not any(
        (pytester.path / name).exists()
        for name in ("pyproject.toml", "pytest.ini", "tox.ini", "setup.cfg", "conftest.py")
    )
    # `pytest` with no path, as a newsroom runs it: the articles and the reference tables.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA")
    result.assert_outcomes(passed=SEED_CHECKS + REFERENCE_TABLES, xfailed=SEED_FINDINGS)
    result.stdout.fnmatch_lines(
        [
            f"rootdir: {pytester.path}",
            "plugins: *factsuite-*",  # listed there only when loaded from an entry point
            f"{SEED_ID}: 15 claims read, {SEED_CHECKS} checks passed, 0 failed, "
            f"{SEED_FINDINGS} recorded findings",
            f"PASSED {SEED_ID}::children-within-refugees",
            "PASSED reference/unhcr-refugees/series.yaml::schema",
        ]
    )
