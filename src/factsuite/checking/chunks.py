"""Checking a large archive in chunks, on every core: memory bounded by a chunk, not the archive.

No rule joins rows of two articles, so evaluating 500 articles at a time gives the verdicts
of evaluating them all at once.  A chunk of 500 spreads the bulk evaluation's fixed cost
(about 0.1 s, mostly pandera validating each table) to a few percent, and holds about
100 MB while it is evaluated; what a chunk leaves behind is its outcomes.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from factsuite.checking.article_verdicts import ArticleVerdicts as ArticleVerdicts

if TYPE_CHECKING:  # the engine is imported where a chunk is evaluated: see ``CHUNK_SIZE``
    from factsuite.files.reference_library import ReferenceLibrary
    from factsuite.meaning.lexicon import Reading

CHUNK_SIZE = 500
"""Articles evaluated together by default.  The pytest plugin reads it for every run, so this
module imports the engine (pandas, pandera, pydantic) only in the functions that evaluate."""


def chunk_size_of(written: str) -> int | None:
    """A chunk size as written on a command line or in an ini file; None unless above 0.

    Each runner says in its own way (argparse's, pytest's) what it wanted instead."""
    written = written.strip()
    return int(written) if written.isdigit() and int(written) > 0 else None


def chunked(folders: list[Path], size: int = CHUNK_SIZE) -> list[list[Path]]:
    return [folders[start : start + size] for start in range(0, len(folders), size)]


def available_cores() -> int:
    """The cores this process may run on (a container's limit, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a chunk is built, evaluated and summed up.

    A chunk makes some hundred thousand objects, almost none in cycles, and the collector
    would walk them over and over: 15 % of the time.  A chunk's size bounds what waits.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def chunk_verdicts(
    folders: list[Path],
    reading: Reading,
    library: ReferenceLibrary | None = None,
    cache: Path | None = None,
    given: Sequence[Path] = (),
) -> list[ArticleVerdicts]:
    """Load, evaluate and keep only the outcomes of one chunk of articles.

    ``cache`` is the folder of parsed files (``files.cache``) and of stored verdicts
    (``verdict_cache``), set here since a worker process or a Dask worker runs only this
    function: an article whose verdicts are stored is not loaded, and a chunk whose every
    article's are does not import the engine.
    """
    from factsuite.checking.verdict_cache import StoredVerdicts
    from factsuite.files.cache import use_cache

    use_cache(cache)
    stored = StoredVerdicts(cache, reading, given) if cache is not None else None
    found = [None if stored is None else stored.get(folder) for folder in folders]
    missing = [folder for folder, verdicts in zip(folders, found, strict=True) if verdicts is None]
    evaluated = iter(_evaluated(missing, reading, library, given) if missing else [])
    chunk = []
    for folder, verdicts in zip(folders, found, strict=True):
        if verdicts is None:
            verdicts = next(evaluated)
            if stored is not None and not verdicts.crashed:
                stored.put(folder, verdicts)
        chunk.append(verdicts)
    return chunk


def _evaluated(
    folders: list[Path], reading: Reading, library: ReferenceLibrary | None, given: Sequence[Path]
) -> list[ArticleVerdicts]:
    """Load and evaluate articles, keeping only their verdicts."""
    from factsuite.checking.contained import evaluate_contained
    from factsuite.checking.engine import load_articles
    from factsuite.files.reference_library import ReferenceLibrary

    library = library or ReferenceLibrary()
    with collector_paused():
        evaluation = evaluate_contained(load_articles(folders, library, given), reading, library)
        chunk = [
            ArticleVerdicts.of(article, evaluation.of(article)) for article in evaluation.articles
        ]
        del evaluation  # freed while the collector is off, or it walks the whole chunk once more
        _forget_readings()
    return chunk


def _forget_readings() -> None:
    """Empty the caches of figures, readings and quotes read in the chunk.

    They are keyed by the claims' own words, so they only pay within an archive's repeated
    phrasings; kept across chunks, they filled up to their caps (65,536 entries each) over
    the first tens of thousands of articles, and memory per article was not flat.
    """
    from factsuite.meaning.grounding import figure_problem
    from factsuite.meaning.numbers import parse_figure
    from factsuite.meaning.readings import _read_date, read_figure

    for cached in (figure_problem, parse_figure, read_figure, _read_date):
        cached.cache_clear()


def verdicts(
    folders: list[Path],
    reading: Reading,
    library: ReferenceLibrary | None = None,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    cache: Path | None = None,
    scheduler: str | None = None,
    given: Sequence[Path] = (),
) -> Iterator[ArticleVerdicts]:
    """Every article's verdicts, in the order given, from ``jobs`` processes, or from the
    workers of the Dask cluster whose scheduler is at ``scheduler``.

    A single chunk, or a single job, runs in this process with ``library``; worker
    processes read the reference records for themselves.
    """
    chunks = chunked(folders, chunk_size)
    work = partial(chunk_verdicts, reading=reading, cache=cache, given=tuple(given))
    if scheduler:
        yield from _on_cluster(scheduler, work, chunks)
        return
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from chunk_verdicts(chunk, reading, library, cache, given)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        for result in pool.map(work, chunks):
            yield from result


def _on_cluster(
    address: str, work: Callable[[list[Path]], list[ArticleVerdicts]], chunks: list[list[Path]]
) -> Iterator[ArticleVerdicts]:
    """The chunks as tasks of a Dask cluster, their results in order as each arrives.

    ``distributed`` is an optional dependency (``pip install factsuite[dask]``), imported
    only here.  A worker reads the article folders by the paths given, so they must lie at
    the same place on every worker (a shared file system, or one machine).
    """
    try:
        from distributed import Client
    except ImportError:
        raise SystemExit(
            "checking on a Dask cluster needs distributed: pip install 'factsuite[dask]'"
        ) from None
    with Client(address) as client:  # type: ignore[no-untyped-call]  # distributed's Client is untyped
        futures = client.map(work, chunks, pure=False)
        for future in futures:
            yield from future.result()
