"""Which pytest items a run gets: one per check for a small suite, one per article for an archive.

pytest and xdist spend about a millisecond and several kilobytes on every item, and an article
has some 40 checks: at 10,000 articles, per-check items take four times as long as per-article
ones and 2.9 GB against 0.5 GB.  Per-check items are worth it while a suite is small enough to
read them one by one; ``auto`` chooses by counting the articles the run was given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from factsuite.files.names import CLAIMS_FILE

ITEM_MODES = ("auto", "check", "article")
AUTO_ARTICLE_LIMIT = 300
"""Above this many articles, ``auto`` gives one item per article.

Measured (docs/benchmarks.md, "Per-check items through a lean protocol"): with the lean
protocol each per-check item costs about 0.43 ms of CPU and 5 KB more than per-article
items, and an article has some 60 checks: about 26 ms per article, under 10 s and 100 MB
extra at 300 articles; past it the extra grows faster than a reader can use one item per
check."""


@dataclass(frozen=True)
class ItemMode:
    per_article: bool
    why: str

    def header(self) -> str:
        kind = "one item per article" if self.per_article else "one item per check"
        return f"factsuite: {kind} ({self.why})"


def choose_item_mode(written: str, paths: Iterable[Path], skipped: list[str]) -> ItemMode:
    """The mode written, or for ``auto`` the one that suits the number of articles under
    ``paths`` (folders matching a ``skipped`` pattern are not entered, as pytest does not)."""
    if written != "auto":
        return ItemMode(written == "article", f"factsuite_items = {written}")
    count = count_articles(paths, skipped, stop_after=AUTO_ARTICLE_LIMIT)
    if count > AUTO_ARTICLE_LIMIT:
        return ItemMode(True, f"factsuite_items = auto: over {AUTO_ARTICLE_LIMIT} articles")
    articles = "article" if count == 1 else "articles"
    return ItemMode(False, f"factsuite_items = auto: {count} {articles}")


def count_articles(paths: Iterable[Path], skipped: list[str], stop_after: int) -> int:
    """The article folders under ``paths``, counted until there are more than ``stop_after``:
    the walk is cheap next to collection, and stops early for a large archive."""
    count = 0
    for path in paths:
        if path.is_file():
            count += path.name == CLAIMS_FILE
            continue
        for _, subfolders, files in os.walk(path):
            subfolders[:] = [name for name in subfolders if not _matches(name, skipped)]
            count += CLAIMS_FILE in files
            if count > stop_after:
                return count
    return count


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch(name, pattern) for pattern in patterns)
