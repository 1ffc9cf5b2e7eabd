"""The plugin's settings as a run gives them, read from options and ini values.

Light on purpose: the plugin module, the xdist hooks and the scheduler all read them, and
none of them may import the engine (pandas, pandera, pydantic) before a fact file is found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factsuite.checking.chunks import CHUNK_SIZE, chunk_size_of
from factsuite.pytest_plugin.item_mode import ITEM_MODES, ItemMode, choose_item_mode

item_mode_key = pytest.StashKey[ItemMode]()
dist_chosen_key = pytest.StashKey[bool]()
"""Whether the user chose xdist's ``--dist`` (see ``plugin.pytest_cmdline_main``)."""

FALSE_WORDS = ("false", "no", "off", "0")


def chunk_size(config: pytest.Config) -> int:
    written = str(config.getini("factsuite_chunk_size")).strip()
    size = chunk_size_of(written)
    if size is None:
        raise pytest.UsageError(
            f"factsuite_chunk_size = {written!r}: give a whole number, such as {CHUNK_SIZE}"
        )
    return size


def item_mode(config: pytest.Config) -> ItemMode:
    written = config.getoption("factsuite_items") or config.getini("factsuite_items")
    if written not in ITEM_MODES:
        raise pytest.UsageError(
            f"factsuite_items = {written!r}: give one of {', '.join(ITEM_MODES)}"
        )
    paths = [Path(config.invocation_params.dir, arg.split("::")[0]) for arg in config.args]
    return choose_item_mode(written, paths, config.getini("norecursedirs"))


def cache_folder(config: pytest.Config) -> Path | None:
    """Where parsed fact files are kept between runs: in pytest's cache, unless turned off."""
    written = str(config.getini("factsuite_cache")).strip().lower()
    if config.getoption("factsuite_no_cache") or written in FALSE_WORDS:
        return None
    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    return None if cache is None else Path(cache.mkdir("factsuite"))


def fail_on_drafts(config: pytest.Config) -> bool:
    """Whether the checks of draft claims fail the run (for CI) instead of being skipped."""
    chosen = config.getoption("factsuite_fail_on_drafts")
    return bool(chosen if chosen is not None else config.getini("factsuite_fail_on_drafts"))
