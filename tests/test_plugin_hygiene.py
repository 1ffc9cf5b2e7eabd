"""The plugin as a guest in every pytest run: light, free of import cycles, and loud when the
private pytest and xdist methods it replaces move (#13, #18)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from _pytest.terminal import TerminalReporter
from xdist.scheduler import LoadScopeScheduling

from factsuite.meaning.lexicon import DEFAULT_READING, Reading
from factsuite.pytest_plugin import plugin

PACKAGE = Path(plugin.__file__).resolve().parents[1]
HEAVY = ("pandas", "pandera", "hypothesis", "pydantic", "numpy")

pytest_plugins = ["pytester"]


def test_a_run_without_fact_files_imports_nothing_heavy(pytester: pytest.Pytester) -> None:
    """The property behind the plugin's cost (scripts/plugin_cost.py measures it)."""
    pytester.makepyfile(test_one="def test_one():\n    assert True\n")
    pytester.makeconftest(
        "import sys\n"
        "def pytest_sessionfinish(session):\n"
        f"    loaded = [name for name in {HEAVY!r} if name in sys.modules]\n"
        "    print('HEAVY MODULES:', loaded)\n"
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*HEAVY MODULES: []*"])


def test_the_readings_named_in_the_options_are_the_lexicons() -> None:
    assert set(plugin.READINGS) == {reading.value for reading in Reading}
    assert DEFAULT_READING.value == plugin.DEFAULT_READING_NAME


def _imports(path: Path) -> set[str]:
    """The factsuite modules a module imports, at any level (a deferred import is still an
    edge: a cycle through it breaks as soon as the function runs first)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _module_graph() -> dict[str, set[str]]:
    modules = {
        ".".join(("factsuite", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): path
        for path in PACKAGE.rglob("*.py")
    }
    return {name: _imports(path) & modules.keys() - {name} for name, path in modules.items()}


def test_the_package_has_no_import_cycles() -> None:
    graph = _module_graph()
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycle = [*trail[trail.index(module) :], module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for imported in sorted(graph[module]):
            if imported != "factsuite":  # every module's package, imported first by Python
                visit(imported, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_cycle_check_finds_a_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a graph with the old plugin <-> scheduler cycle."""
    graph = _module_graph()
    graph["factsuite.pytest_plugin.settings"].add("factsuite.pytest_plugin.xdist_scheduling")
    monkeypatch.setattr(__import__(__name__), "_module_graph", lambda: graph)
    with pytest.raises(pytest.fail.Exception, match="import cycle"):
        test_the_package_has_no_import_cycles()


# -- the private names the plugin relies on: these fail when pytest or xdist move them ---------


def _parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


def test_pytest_still_looks_up_teardown_reports_as_teardown_index_replaces() -> None:
    """teardown_index.py replaces ``TerminalReporter._get_teardown_reports``."""
    assert _parameters(TerminalReporter._get_teardown_reports) == ["self", "node_id"]
    assert _parameters(TerminalReporter.getreports) == ["self", "name"]


@pytest.mark.parametrize(
    ("name", "parameters"),
    [
        ("_assign_work_unit", ["self", "node"]),
        ("mark_test_complete", ["self", "node", "item_index", "duration"]),
        ("_pending_of", ["self", "workload"]),
        ("_split_scope", ["self", "nodeid"]),
    ],
)
def test_xdist_still_has_the_methods_the_chunk_scheduler_overrides(
    name: str, parameters: list[str]
) -> None:
    """xdist_scheduling.py overrides these private methods of ``LoadScopeScheduling``."""
    assert _parameters(getattr(LoadScopeScheduling, name)) == parameters


def test_xdist_still_keeps_the_attributes_the_chunk_scheduler_reads() -> None:
    source = inspect.getsource(LoadScopeScheduling)
    for attribute in ("self.workqueue", "self.assigned_work", "self.collection"):
        assert attribute in source, f"xdist's LoadScopeScheduling no longer has {attribute}"
