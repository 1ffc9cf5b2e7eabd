"""pytest's failure summary, in time proportional to the session rather than its square.

To print a failure, pytest looks for the test's teardown reports by scanning every report of
the session (``TerminalReporter._get_teardown_reports``, pytest-dev/pytest#13360), so the
summary costs failures times reports: 15 s of a 10,000-article run with one item per
article, and most of a run with one item per check.  The same lookup from an index built
once gives the same reports in the same order.  Where pytest has no such method, nothing
changes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def index_teardown_reports(reporter: Any) -> None:
    """Give the terminal reporter the indexed lookup; called before its summary."""
    if not callable(getattr(reporter, "_get_teardown_reports", None)):
        return
    index: dict[Any, list[Any]] | None = None

    def teardown_reports(node_id: Any) -> list[Any]:
        nonlocal index
        if index is None:  # built at the first failure printed, once all reports are in
            index = defaultdict(list)
            for report in reporter.getreports(""):
                if report.when == "teardown":
                    index[_node_id(report)].append(report)
        return list(index.get(node_id, ()))

    reporter._get_teardown_reports = teardown_reports


def _node_id(report: Any) -> Any:
    """The key pytest looks a report up by: its structured ``id`` from pytest 9, its
    ``nodeid`` string before."""
    return report.id if hasattr(report, "id") else report.nodeid
