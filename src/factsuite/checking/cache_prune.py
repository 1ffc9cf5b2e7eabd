"""Pruning stored verdicts: what no run can use again is deleted after ``factsuite check``.

Every edit of an article, reference file or of the code leaves entries that nothing will
ask for again, and ``.factsuite-cache/verdicts/`` grew forever.  The policy, kept simple:

- a folder of another code (another factsuite, Python or dependency version: see
  ``verdict_cache._run_fingerprint``) is deleted; this code's folders, for either reading,
  are kept;
- within them, an entry not used for ``UNUSED_DAYS`` days is deleted.  A run that finds an
  entry refreshes its time, so an archive checked at least once a month keeps all of its
  entries, while one edited away goes a month later.

Deleting is always safe: an entry that is missing is evaluated and written again.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from factsuite.checking.verdict_cache import FOLDER, _run_fingerprint
from factsuite.meaning.lexicon import Reading

UNUSED_DAYS = 30


def prune_verdicts(cache: Path, now: float | None = None) -> int:
    """Delete the stored verdicts no run of this code can use, and those unused for
    ``UNUSED_DAYS`` days; the number of entries and folders deleted."""
    root = cache / FOLDER
    current = {_run_fingerprint(str(reading)) for reading in Reading}
    cutoff = (time.time() if now is None else now) - UNUSED_DAYS * 86400
    deleted = 0
    try:
        children = list(os.scandir(root))
    except OSError:
        return 0
    for child in children:
        if child.name not in current:
            if child.is_dir(follow_symlinks=False):
                shutil.rmtree(child.path, ignore_errors=True)
            else:
                _unlink(Path(child.path))
            deleted += 1
            continue
        try:
            entries = list(os.scandir(child.path))
        except OSError:
            continue
        for entry in entries:
            try:
                unused = entry.stat(follow_symlinks=False).st_mtime < cutoff
            except OSError:
                continue
            if unused and _unlink(Path(entry.path)):
                deleted += 1
    return deleted


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False  # another run deleted it, or it is a folder: left alone
    return True
