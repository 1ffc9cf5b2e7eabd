"""Scheduling for ``pytest -n``: whole chunks of articles to one worker each.

The plugin evaluates articles a chunk at a time (``factsuite_chunk_size``), in the order
pytest collects them; a worker that runs any check of a chunk evaluates the whole chunk.  xdist's
default sends items one by one to alternate workers, so both would evaluate everything.
Here a chunk's items are one unit of work, as ``--dist loadfile`` makes a file's items one;
every other test stays a unit of its own.  Imported only when xdist runs the session.

xdist counts a worker's pending tests by scanning all it was ever given, at every finished
test: with units of 20,000 checks that is quadratic (a minute and a half at 1,000 articles),
so the count is kept as tests are given and finished instead.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]  # no py.typed

from factsuite.files.names import CLAIMS_FILE
from factsuite.pytest_plugin.settings import chunk_size


class ArticleChunkScheduling(LoadScopeScheduling):  # type: ignore[misc]  # xdist is untyped: its class is Any
    def __init__(self, config: Any, log: Any = None) -> None:
        super().__init__(config, log)
        self._chunk_size = chunk_size(config)
        self._chunk_of: dict[str, int] | None = None
        self._pending: Counter[int] = Counter()
        """Pending tests by worker, keyed by the identity of its workload (see the module)."""

    def _assign_work_unit(self, node: Any) -> None:
        work_unit = next(iter(self.workqueue.values()))
        super()._assign_work_unit(node)
        self._pending[id(self.assigned_work[node])] += len(work_unit)

    def mark_test_complete(self, node: Any, item_index: int, duration: float = 0) -> None:
        self._pending[id(self.assigned_work[node])] -= 1
        super().mark_test_complete(node, item_index, duration)

    def _pending_of(self, workload: dict[str, dict[str, bool]]) -> int:
        return self._pending[id(workload)]

    def _split_scope(self, nodeid: str) -> str:
        if self._chunk_of is None:
            self._chunk_of = self._chunks_of_articles()
        chunk = self._chunk_of.get(nodeid.split("::", 1)[0])
        return nodeid if chunk is None else f"factsuite articles, chunk {chunk + 1}"

    def _chunks_of_articles(self) -> dict[str, int]:
        """Each article file's chunk, counting files in the order the workers collected them."""
        paths = (nodeid.split("::", 1)[0] for nodeid in self.collection or [])
        files = dict.fromkeys(path for path in paths if path.rpartition("/")[2] == CLAIMS_FILE)
        return {path: index // self._chunk_size for index, path in enumerate(files)}
