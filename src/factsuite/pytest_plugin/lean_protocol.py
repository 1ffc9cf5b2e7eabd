"""A lean run of one factsuite item: the same reports, without pytest's per-phase wrappers.

pytest runs each item in three phases, each through a chain of hooks: output capture and log
capture wrap every phase, the runner sets ``PYTEST_CURRENT_TEST``, fixtures are set up.  For a
check item that runs no user code and has no fixtures this is most of its cost (#18:
about 90 % of the time of an item at 1,000 articles).  This protocol keeps what pytest's
consumers read and skips the rest:

- kept: ``pytest_runtest_logstart``/``logfinish``; a ``TestReport`` per phase made by
  ``pytest_runtest_makereport`` (skip and xfail marks, ``--runxfail``, other plugins'
  report wrappers) and passed to ``pytest_runtest_logreport`` (the terminal, JUnit XML,
  xdist, ``--lf``, ``-x``/``--maxfail``); the session's setup state (collectors set up and
  torn down around the item); ``pytest_exception_interact`` on a failure (``--pdb``); the
  wrappers of ``pytest_runtest_protocol`` itself (warnings, faulthandler, timeouts);
- skipped: the ``pytest_runtest_setup``/``call``/``teardown`` hooks, so capture of output and
  log records per item, ``PYTEST_CURRENT_TEST``, and other plugins' hooks on those phases.

``factsuite_lean_protocol = false`` runs the items through pytest's own protocol.
"""

from __future__ import annotations

import bdb
from collections.abc import Callable
from typing import Any, Literal

import pytest

Phase = Literal["setup", "call", "teardown"]
lean_key = pytest.StashKey[bool]()
"""Whether this run uses the lean protocol (see ``lean_wanted``)."""

NEEDS_FULL_PROTOCOL = ("setuponly", "setupshow", "setupplan")
"""Options that print or skip per-phase work: with one, items take pytest's own protocol."""


def add_option(parser: pytest.Parser) -> None:
    parser.addini(
        "factsuite_lean_protocol",
        "run check items without pytest's per-phase capture and hooks (true or false)",
        type="bool",
        default=True,
    )


def lean_wanted(config: pytest.Config) -> bool:
    """The ini value, unless an option needs pytest's own per-phase work."""
    if not config.getini("factsuite_lean_protocol"):
        return False
    return not any(config.getoption(name, False) for name in NEEDS_FULL_PROTOCOL)


def run_lean(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Run one item as ``_pytest.runner.runtestprotocol`` does, with the phases' own hooks
    replaced by what they do for an item without fixtures or output."""
    ihook = item.ihook
    location = item.location
    reraised = _reraised(item.config)
    ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=location)
    setup = _phase(item, ihook, reraised, "setup", lambda: _setup(item))
    if setup.passed:
        _phase(item, ihook, reraised, "call", item.runtest)
    session = item.session
    if session.shouldfail or session.shouldstop:
        nextitem = None  # tear everything down, as pytest does before stopping
    teardown = session._setupstate.teardown_exact
    _phase(item, ihook, reraised, "teardown", lambda: teardown(nextitem))
    ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=location)


def _setup(item: pytest.Item) -> None:
    """Set up the collectors above the item, then its skip and xfail marks (drafts, findings)
    as pytest's skipping plugin does, unless ``-p no:skipping`` took it out."""
    item.session._setupstate.setup(item)
    skipping = item.config.pluginmanager.get_plugin("skipping")
    if skipping is not None:
        skipping.pytest_runtest_setup(item)


def _phase(
    item: pytest.Item,
    ihook: Any,
    reraised: tuple[type[BaseException], ...],
    when: Phase,
    run: Callable[[], object],
) -> pytest.TestReport:
    """One phase's report, made and logged as ``_pytest.runner.call_and_report`` does."""
    call = pytest.CallInfo.from_call(run, when=when, reraise=reraised)
    report: pytest.TestReport = ihook.pytest_runtest_makereport(item=item, call=call)
    ihook.pytest_runtest_logreport(report=report)
    if _interactive(call, report):
        ihook.pytest_exception_interact(node=item, call=call, report=report)
    return report


def _reraised(config: pytest.Config) -> tuple[type[BaseException], ...]:
    """Exceptions that end the session rather than the item (as pytest's runner has it)."""
    if config.getoption("usepdb", False):
        return (pytest.exit.Exception,)
    return (pytest.exit.Exception, KeyboardInterrupt)


def _interactive(call: pytest.CallInfo[Any], report: pytest.TestReport) -> bool:
    """Whether a failure is one ``--pdb`` stops at: not a skip, an xfail or a quit."""
    if call.excinfo is None or hasattr(report, "wasxfail"):
        return False
    return not isinstance(call.excinfo.value, pytest.skip.Exception | bdb.BdbQuit)
