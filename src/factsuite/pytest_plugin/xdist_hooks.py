"""The plugin's hook for pytest-xdist, registered only where xdist is installed.

A hook of xdist's own in the plugin module would need ``optionalhook`` and tie the plugin to
xdist's hook names on every run; registered from ``pytest_configure`` as syrupy does, it is
there only when xdist is.  The scheduler itself (and xdist's scheduling code, 0.1 s to
import) is imported only when xdist asks for one.
"""

from __future__ import annotations

from typing import Any

import pytest

from factsuite.pytest_plugin.settings import dist_chosen_key


class ChunkScheduling:
    """Gives xdist the chunk-aware scheduler (see ``xdist_scheduling``)."""

    @pytest.hookimpl
    def pytest_xdist_make_scheduler(self, config: pytest.Config, log: Any) -> Any:
        """Under plain ``-n``, send each worker whole chunks, so that it evaluates only its own.

        xdist's default spreads items one by one, and every worker would evaluate every
        chunk; a ``--dist`` the user chose is left alone.
        """
        if config.getoption("dist") != "load" or config.stash.get(dist_chosen_key, True):
            return None
        from factsuite.pytest_plugin.xdist_scheduling import ArticleChunkScheduling

        return ArticleChunkScheduling(config, log)
