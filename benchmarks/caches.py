"""Do the engine's value caches only pay off because a synthetic archive repeats itself?

Figure readings and the figure-in-quote check are cached by their text, and a synthetic
archive repeats figures more than a real one.  This times the engine with the caches as
they are and with them cleared before each article's claims (no reuse across articles),
side by side, best of three each:

    factsuite synth /tmp/a1k --articles 1000 --seed 1 --error-rate 0.02
    python benchmarks/caches.py /tmp/a1k
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from factsuite.checking import tables
from factsuite.checking.chunks import chunk_verdicts, chunked
from factsuite.files.article import discover
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning import grounding, numbers
from factsuite.meaning import readings as semantics
from factsuite.meaning.lexicon import DEFAULT_READING

CACHES = (grounding.figure_problem, numbers.parse_figure, semantics.read_figure)
CLAIM_ROWS = tables._claim_rows


def _cleared_first(*arguments: object, **keywords: object) -> list[list]:
    for cache in CACHES:
        cache.cache_clear()
    return CLAIM_ROWS(*arguments, **keywords)


def _seconds(folders: list[Path], claim_rows: Callable[..., list[list]]) -> float:
    tables._claim_rows = claim_rows
    library = ReferenceLibrary()
    started = time.perf_counter()
    for chunk in chunked(folders, 500):
        chunk_verdicts(chunk, DEFAULT_READING, library)
    return time.perf_counter() - started


def main(archive: Path) -> None:
    folders = discover([archive])
    _seconds(folders, CLAIM_ROWS)  # warm the page cache and the lexicon
    kept, cleared = [], []
    for _ in range(3):
        kept.append(_seconds(folders, CLAIM_ROWS))
        cleared.append(_seconds(folders, _cleared_first))
    tables._claim_rows = CLAIM_ROWS
    best_kept, best_cleared = min(kept), min(cleared)
    print(
        f"caches kept {best_kept:.2f} s, cleared per article {best_cleared:.2f} s: "
        f"{best_cleared / best_kept:.3f}x"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
