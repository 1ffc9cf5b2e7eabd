"""Every file the README and docs/ci.md name is shipped: a first-time user who follows a
path finds the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ["README.md", "docs/ci.md"]
TOP_FOLDERS = ("docs", "examples", "schemas", "src", "reference", "facts", ".ci", "tests")
_NAMED = re.compile(r"`([^`\s<>*]+)`|\]\(([^)\s#]+)\)")


def named_paths(document: Path) -> set[Path]:
    """Paths in backticks or link targets that start with one of the repository's folders."""
    found = set()
    for match in _NAMED.finditer(document.read_text("utf-8")):
        written = (match.group(1) or match.group(2)).split("::")[0].rstrip("/")
        if not written or written.startswith(("http:", "https:")):
            continue
        path = (document.parent / written).resolve() if match.group(2) else ROOT / written
        inside = path.is_relative_to(ROOT) and path.relative_to(ROOT).parts[0] in TOP_FOLDERS
        if inside and ("/" in written or match.group(2)):
            found.add(path)
    return found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_path_a_document_names_exists(name: str) -> None:
    paths = named_paths(ROOT / name)
    assert paths, f"{name} names no files: the pattern is wrong"
    missing = sorted(str(path.relative_to(ROOT)) for path in paths if not path.exists())
    assert missing == []
