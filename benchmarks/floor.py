"""The whole-command floor: what any checker of an archive must pay, as one fresh process.

    python benchmarks/floor.py ARCHIVE

starts an interpreter, imports PyYAML, finds every ``claims.yaml`` under ARCHIVE, reads each
folder's ``article.txt`` and parses its ``meta.yaml`` and ``claims.yaml`` with PyYAML's C
loader (``yaml.CSafeLoader``), and prints how many folders it read.  Nothing is checked.
``benchmarks/commands.py`` times it as a whole command, side by side with factsuite's.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main(archive: Path) -> int:
    folders = 0
    for claims in sorted(archive.rglob("claims.yaml")):
        folder = claims.parent
        (folder / "article.txt").read_text("utf-8")
        yaml.load((folder / "meta.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
        yaml.load(claims.read_text("utf-8"), Loader=yaml.CSafeLoader)
        folders += 1
    print(f"read {folders} folders")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
