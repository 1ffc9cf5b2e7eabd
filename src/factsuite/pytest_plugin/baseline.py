"""``pytest --factsuite-baseline verdicts.json``: failures a saved run holds become xfails.

A failure the baseline holds (same claims file, check and fingerprint: see
``reports/baseline.py``) is reported as xfailed "known in baseline", so the run fails only
on new failures while the old ones stay visible in the summary's xfail list; a check that
fails otherwise than the baseline recorded fails as usual.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from factsuite.checking.engine import Outcome
    from factsuite.reports.baseline import Identity

OPTION = "--factsuite-baseline"
_known_key = pytest.StashKey[set["Identity"] | None]()


def add_option(group: pytest.OptionGroup) -> None:
    group.addoption(
        OPTION,
        metavar="VERDICTS_JSON",
        type=Path,
        help="xfail the failures this file holds (written by factsuite check --format json)",
    )


def _known(config: pytest.Config) -> set[Identity] | None:
    if _known_key not in config.stash:
        from factsuite.reports.baseline import BaselineError, load_baseline

        path: Path | None = config.getoption(OPTION)
        try:
            config.stash[_known_key] = None if path is None else load_baseline(path)
        except BaselineError as error:
            raise pytest.UsageError(str(error)) from None
    return config.stash[_known_key]


def check_baseline(config: pytest.Config) -> None:
    """Read the baseline before any check runs: a path that cannot be read stops the run at
    once, rather than only when a check fails (a passing run never said it was missing).
    Without the option nothing is imported: a run without fact files stays light."""
    if config.getoption(OPTION) is not None:
        _known(config)


def in_baseline(config: pytest.Config, claims_file: Path, outcome: Outcome) -> bool:
    """Whether a failing check's failure is one the baseline holds."""
    known = _known(config)
    if known is None:
        return False
    from factsuite.reports.baseline import claims_key, identity

    return identity(claims_key(claims_file), outcome) in known


def xfail_known(config: pytest.Config) -> None:
    """End the test as a known failure."""
    pytest.xfail(f"known in baseline {config.getoption(OPTION)}")
