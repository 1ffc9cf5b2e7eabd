"""``--baseline verdicts.json``: only the failures a change introduced.

A failure is known when the baseline (a saved ``factsuite check --format json``) holds a
failing check of the same claims file with the same check name and the same fingerprint.
The claims file is named relative to its project root (``claims_key``), not as the path was
written, so that a run from another folder, or of ``./facts`` rather than ``facts``, sees the
same failures as known.
The fingerprint is the one findings record (``checking/findings_review.py``): what the
failure was made of, not its line numbers, so moving a claim keeps it known while a
different failure of the same check is new.  A check without one (a file that does not
validate) is known by its problems' words with line numbers left out.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from factsuite.checking.engine import Outcome
from factsuite.checking.findings_review import FINGERPRINT_LENGTH, without_lines
from factsuite.reports.wording import problem_texts

Identity = tuple[str, str, str]
"""Claims file (``claims_key``), check name, fingerprint."""
ROOT_MARKERS = ("reference", ".git")
"""What the folder ``facts/`` lives in holds: its reference data, or a repository."""


class BaselineError(Exception):
    """The baseline file cannot be read as a verdicts document."""


def identity_fingerprint(outcome: Outcome) -> str:
    """The fingerprint a finding would record, or one of the problems' words."""
    if outcome.fingerprint is not None:
        return outcome.fingerprint
    words = without_lines("\n".join(problem_texts(outcome)))
    return "t" + hashlib.sha256(words.encode()).hexdigest()[: FINGERPRINT_LENGTH - 1]


def identity(key: str, outcome: Outcome) -> Identity:
    """A failing check as a baseline knows it; ``key`` is its ``claims_key``."""
    return (key, outcome.item.name, identity_fingerprint(outcome))


def claims_key(claims_file: Path) -> str:
    """The claims file relative to its project root, in POSIX form
    (``facts/2022-03-22-kremlin-talks/claims.yaml``), wherever the run started and however
    its path was written.  The root is the nearest folder above the article that holds
    ``reference/`` or ``.git``; without one, the article's own parent."""
    folder = Path(os.path.realpath(claims_file.parent))
    return (folder / claims_file.name).relative_to(_root(folder.parent)).as_posix()


@lru_cache(maxsize=1024)
def _root(folder: Path) -> Path:
    """The project root at or above ``folder`` (the folder that holds the articles)."""
    for ancestor in (folder, *folder.parents):
        if any(os.path.exists(ancestor / marker) for marker in ROOT_MARKERS):
            return ancestor
    return folder


def load_baseline(path: Path) -> set[Identity]:
    """The failing checks a saved run holds.  A document written before ``claims_key``
    names its claims files as they were written."""
    try:
        data: Any = json.loads(path.read_text("utf-8"))
        known = {
            (
                article.get("claims_key") or Path(article["claims_file"]).as_posix(),
                check["check"],
                check["identity"],
            )
            for article in data["articles"]
            for check in article["checks"]
            if check["failing"]
        }
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BaselineError(
            f"{path}: not a verdicts file written by factsuite check --format json ({error})"
        ) from None
    return known
