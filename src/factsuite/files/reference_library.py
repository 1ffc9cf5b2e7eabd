"""Which reference folder an article uses, and each folder read once: without pandas.

Reading a folder's series needs pandas and pandera (``files/reference.py``), imported only
when a folder is read: a run whose verdicts are all stored (``checking/verdict_cache.py``)
reads none.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from factsuite.files.names import REFERENCE_FOLDER

if TYPE_CHECKING:
    from factsuite.files.reference import Reference


class ReferenceLibrary:
    """Reference folders, each read once however many articles share it."""

    def __init__(self) -> None:
        self._loaded: dict[Path, Reference] = {}
        self._folders: dict[Path, Path | None] = {}

    @property
    def loaded(self) -> list[Reference]:
        return list(self._loaded.values())

    def for_article(self, article_folder: Path) -> Reference | None:
        """Asked when an article is loaded and again when it is evaluated: found once."""
        from factsuite.files.reference import load_reference

        if article_folder not in self._folders:
            self._folders[article_folder] = reference_folder_for(article_folder)
        folder = self._folders[article_folder]
        if folder is None:
            return None
        if folder not in self._loaded:
            self._loaded[folder] = load_reference(folder)
        return self._loaded[folder]


def reference_folder_for(article_folder: Path) -> Path | None:
    """The nearest ``reference/`` folder beside an ancestor of the article (facts/../reference)."""
    for ancestor in article_folder.resolve().parents:
        candidate = ancestor / REFERENCE_FOLDER
        if os.path.isdir(candidate):  # False, not OSError, past PATH_MAX
            return candidate
    return None
