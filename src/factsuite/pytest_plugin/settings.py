"""The plugin's settings as a run gives them, read from options and ini values.

Light on purpose: the plugin module, the xdist hooks and the scheduler all read them, and
none of them may import the engine (pandas, pandera, pydantic) before a fact file is found.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from factsuite.checking.chunks import CHUNK_SIZE, chunk_size_of
from factsuite.pytest_plugin.item_mode import ITEM_MODES, ItemMode, choose_item_mode

item_mode_key = pytest.StashKey[ItemMode]()
dist_chosen_key = pytest.StashKey[bool]()
"""Whether the user chose xdist's ``--dist`` (see ``plugin.pytest_cmdline_main``)."""

FALSE_WORDS = ("false", "no", "off", "0")
TRUE_WORDS = ("true", "yes", "on", "1")
SETTINGS = (
    "factsuite_reading",
    "factsuite_items",
    "factsuite_chunk_size",
    "factsuite_cache",
    "factsuite_fail_on_drafts",
    "factsuite_lean_protocol",
)
"""factsuite's ini settings (a test keeps this list the same as the ones registered)."""
READINGS = ("strict", "pragmatic")


def check_settings(config: pytest.Config) -> None:
    """Stop the run on a setting of factsuite's that is misspelled or has a wrong value.

    pytest only warns about an ini key it does not know, so ``factsuite_fail_on_draft = true``
    in CI ran with drafts skipped and a green result: a key that is, or nearly is, one of
    ours is a usage error, named with its file.  Other plugins' keys stay pytest's business.
    """
    unknown = getattr(config, "_get_unknown_ini_keys", lambda: ())()
    for key in sorted(unknown):
        meant = _meant_setting(key)
        if meant is not None:
            raise pytest.UsageError(
                f"{_ini_shown(config)}: {key}: not a factsuite setting; did you mean {meant}?"
            )
    reading = config.getoption("factsuite_reading") or config.getini("factsuite_reading")
    if reading not in READINGS:
        raise pytest.UsageError(
            f"factsuite_reading = {reading!r}: give one of {', '.join(READINGS)}"
        )
    for name in ("factsuite_fail_on_drafts", "factsuite_lean_protocol"):
        try:
            config.getini(name)
        except (ValueError, pytest.UsageError) as error:
            raise pytest.UsageError(f"{name}: {error}: give true or false") from None
    cache = str(config.getini("factsuite_cache")).strip().lower()
    if cache not in FALSE_WORDS + TRUE_WORDS:
        raise pytest.UsageError(f"factsuite_cache = {cache!r}: give true or false")


def _meant_setting(key: str) -> str | None:
    """The setting of ours an unknown ini key was meant to be, if it looks like one."""
    written = key.strip().lower().replace("-", "_")
    close = difflib.get_close_matches(written, SETTINGS, n=1, cutoff=0.85)
    if close:
        return close[0]
    if written.startswith("factsuite"):
        return difflib.get_close_matches(written, SETTINGS, n=1, cutoff=0)[0]
    return None


def _ini_shown(config: pytest.Config) -> str:
    """The ini file, relative to where pytest was run when it lies below."""
    path = config.inipath
    if path is None:
        return "the ini file"
    relative = os.path.relpath(path, config.invocation_params.dir)
    return str(path) if relative.startswith("..") else relative


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
