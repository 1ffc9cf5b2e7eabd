"""The lean protocol (``pytest_plugin/lean_protocol.py``): factsuite's items skip pytest's
per-phase hooks, yet every consumer of their reports sees what pytest's own protocol gives.

Nothing here times anything: the tests count hook calls and compare outcomes between the
lean protocol and pytest's own (``factsuite_lean_protocol = false``).
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import factsuite.checking.engine  # noqa: F401  # numpy loads once a process: here, not in a run
from tests.test_plugin import (
    MUTATION_FAILURES,
    ROOT,
    SEED,
    SEED_CHECKS,
    SEED_FINDINGS,
    SEED_NAME,
    failed_ids,
    mutate_children,
)

pytest_plugins = ["pytester"]

FULL = ("-o", "factsuite_lean_protocol=false")
SEED_ITEMS = SEED_CHECKS + SEED_FINDINGS


@pytest.fixture
def seed(pytester: pytest.Pytester) -> Path:
    """The seed as ``facts/<seed>`` with ``reference/`` beside, in pytester's folder."""
    shutil.copytree(ROOT / "reference", pytester.path / "reference")
    return Path(shutil.copytree(SEED, pytester.path / "facts" / SEED_NAME))


class Recorder:
    """Counts what pytest's consumers receive: reports per phase, and the phase hooks run."""

    def __init__(self) -> None:
        self.reports: Counter[tuple[str, str]] = Counter()  # (when, outcome)
        self.phases: Counter[str] = Counter()  # the pytest_runtest_<phase> hooks called
        self.started: list[str] = []
        self.finished: list[str] = []
        self.interactions: list[str] = []

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self.started.append(nodeid)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.reports[report.when, report.outcome] += 1

    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        self.finished.append(nodeid)

    def pytest_runtest_setup(self) -> None:
        self.phases["setup"] += 1

    def pytest_runtest_call(self) -> None:
        self.phases["call"] += 1

    def pytest_runtest_teardown(self) -> None:
        self.phases["teardown"] += 1

    def pytest_exception_interact(self, node: pytest.Item) -> None:
        self.interactions.append(node.name)


def recorded(pytester: pytest.Pytester, *args: str) -> tuple[pytest.RunResult, Recorder]:
    recorder = Recorder()
    result = pytester.runpytest("-p", "no:cacheprovider", *args, "facts", plugins=[recorder])
    return result, recorder


def test_each_item_reports_setup_call_and_teardown_without_the_phase_hooks(
    pytester: pytest.Pytester, seed: Path
) -> None:
    result, lean = recorded(pytester)
    result.assert_outcomes(passed=SEED_CHECKS, xfailed=SEED_FINDINGS)
    assert lean.phases == Counter()  # no pytest_runtest_setup/call/teardown hook ran
    assert sum(count for (when, _), count in lean.reports.items() if when == "setup") == SEED_ITEMS
    assert lean.reports["call", "passed"] == SEED_CHECKS
    assert lean.reports["call", "skipped"] == SEED_FINDINGS  # strict xfails, as pytest has them
    assert lean.reports["teardown", "passed"] == SEED_ITEMS
    assert lean.started == lean.finished
    assert len(lean.started) == SEED_ITEMS


def test_the_ini_option_gives_pytests_own_protocol_with_the_same_reports(
    pytester: pytest.Pytester, seed: Path
) -> None:
    mutate_children(seed)
    lean_result, lean = recorded(pytester)
    full_result, full = recorded(pytester, *FULL)
    assert full.phases == Counter(setup=SEED_ITEMS, call=SEED_ITEMS, teardown=SEED_ITEMS)
    assert lean.phases == Counter()
    assert full.reports == lean.reports
    assert full.started == lean.started
    assert failed_ids(full_result) == failed_ids(lean_result) == MUTATION_FAILURES
    assert len(full.interactions) == len(lean.interactions) == len(MUTATION_FAILURES)  # --pdb


@pytest.mark.parametrize(
    "args",
    [("-x",), ("--maxfail=2",), ("--runxfail",), ("--factsuite-items=article",), ("-rA", "-v")],
)
def test_options_give_the_same_outcomes_as_pytests_own_protocol(
    pytester: pytest.Pytester, seed: Path, args: tuple[str, ...]
) -> None:
    mutate_children(seed)
    lean_result, lean = recorded(pytester, *args)
    full_result, full = recorded(pytester, *args, *FULL)
    assert lean_result.parseoutcomes() == full_result.parseoutcomes()
    assert lean.reports == full.reports
    assert failed_ids(lean_result) == failed_ids(full_result)


def test_x_stops_at_the_first_failure(pytester: pytest.Pytester, seed: Path) -> None:
    mutate_children(seed)
    result, lean = recorded(pytester, "-x")
    assert result.parseoutcomes()["failed"] == 1
    assert len(lean.started) < SEED_ITEMS  # the items after the failure never ran


def test_runxfail_fails_the_recorded_findings(pytester: pytest.Pytester, seed: Path) -> None:
    result, _ = recorded(pytester, "--runxfail")
    result.assert_outcomes(passed=SEED_CHECKS, failed=SEED_FINDINGS)


@pytest.mark.parametrize("protocol", [(), FULL], ids=["lean", "pytest's"])
def test_last_failed_reruns_only_the_failures(
    pytester: pytest.Pytester, seed: Path, protocol: tuple[str, ...]
) -> None:
    """The rerun is the same under either protocol: every failed check, ``record[...]``
    included (under pytest 9 it was dropped, as were all bracketed ids, until items were
    given their node id as a string: ``plugin.child_id``)."""
    mutate_children(seed)
    first = pytester.runpytest("facts", *protocol)
    assert failed_ids(first) == MUTATION_FAILURES
    recorder = Recorder()
    again = pytester.runpytest("--lf", "facts", *protocol, plugins=[recorder])
    assert failed_ids(again) == MUTATION_FAILURES
    assert len(recorder.started) == len(MUTATION_FAILURES)


def test_junit_has_a_case_per_item_and_the_failures(pytester: pytest.Pytester, seed: Path) -> None:
    mutate_children(seed)
    report = pytester.path / "report.xml"
    recorded(pytester, f"--junitxml={report}")
    cases = ET.parse(report).getroot().iter("testcase")
    outcomes = Counter(
        next((child.tag for child in case if child.tag in ("failure", "skipped")), "passed")
        for case in cases
    )
    failed = len(MUTATION_FAILURES)
    assert outcomes == Counter(passed=SEED_CHECKS - failed, failure=failed, skipped=SEED_FINDINGS)


def test_other_tests_beside_fact_items_keep_their_fixtures_and_phases(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """A module-scoped fixture is set up once and torn down once around lean items: the
    session's setup state stays as pytest's own protocol leaves it."""
    pytester.makepyfile(
        test_news="""
        import pytest

        EVENTS = []

        @pytest.fixture(scope="module")
        def desk():
            EVENTS.append("up")
            yield
            EVENTS.append("down")

        def test_first(desk):
            assert EVENTS == ["up"]

        def test_second(desk):  # the fact items ran between: the module was torn down
            assert EVENTS == ["up", "down", "up"]

        def test_third():
            assert EVENTS == ["up", "down", "up"]
        """
    )
    order = ("test_news.py::test_first", "facts", "test_news.py::test_second")
    phases = {}
    for name, protocol in (("lean", ()), ("full", FULL)):
        recorder = Recorder()
        result = pytester.runpytest(
            "-p", "no:cacheprovider", *order, "test_news.py::test_third", *protocol,
            plugins=[recorder],
        )  # fmt: skip
        result.assert_outcomes(passed=SEED_CHECKS + 3, xfailed=SEED_FINDINGS)
        phases[name] = recorder.phases
    assert phases["lean"] == Counter(setup=3, call=3, teardown=3)  # the three tests only
    assert phases["full"]["setup"] == SEED_ITEMS + 3


def test_under_xdist_the_controller_gets_every_report(
    pytester: pytest.Pytester, seed: Path
) -> None:
    shutil.copytree(seed, seed.with_name(f"{SEED_NAME}-copy"))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "facts")
    result.assert_outcomes(passed=2 * SEED_CHECKS, xfailed=2 * SEED_FINDINGS)
