"""Stored verdicts: an unchanged article under unchanged inputs is not evaluated again.

A re-run of an archive mostly re-checks articles that did not change.  The parse cache
(``files/cache.py``) only skips PyYAML; the rest of a run (validation, readings, tables,
rules, the mention scan) is ours, so a re-run cost nearly as much as a first run.  Here an
article's verdicts (``ArticleVerdicts``: its counts and every check that did not simply pass)
are kept under a key made of everything they depend on:

- the bytes of ``article.txt``, ``meta.yaml`` and ``claims.yaml`` (each length-prefixed);
- where the article is: the folder as given and as resolved, and the tree its links may not
  leave (``tree_of``), since messages name the files and links are refused by place;
- its reference folder (the nearest ``reference/``): every file's name and bytes, and every
  link's target, so an edited CSV, series.yaml, events or populations.yaml is seen;
- the reading (strict or pragmatic), the limits in force (``FACTSUITE_MAX_*``);
- the code: every file of the installed ``factsuite`` package (the lexicon, the populations'
  wording and the rules among them), the factsuite version, Python's version and the names
  of every installed distribution with its version (pandas, pandera, pydantic, PyYAML...).

No check reads the clock or another article (a chunk's rules never join two articles), so
nothing else can change a verdict.  An article with a link among its three files is never
stored: what a link reaches depends on more than its bytes.  Entries are sealed JSON like
the parse cache's (``cache_seal.py``): one not sealed by this user's key is ignored.

A run whose every article is found here imports neither pandas nor pandera (the engine is
imported only for the articles that miss).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Sequence
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import factsuite
from factsuite.files.cache import read_entry, write_entry
from factsuite.files.loading import Limits
from factsuite.files.names import CLAIMS_FILE, META_FILE, REFERENCE_FOLDER, TEXT_FILE

if TYPE_CHECKING:
    from factsuite.checking.article_verdicts import ArticleVerdicts
    from factsuite.checking.engine import Outcome
    from factsuite.checking.findings import Line, Problem
    from factsuite.files.reference_library import ReferenceLibrary
    from factsuite.meaning.intervals import Bound, Interval
    from factsuite.meaning.lexicon import Reading

FORMAT = 1
"""The layout of an entry: raised when ``encoded`` changes."""
FOLDER = "verdicts"
"""The subfolder of the cache folder that holds stored verdicts."""
ARTICLE_FILES = (TEXT_FILE, META_FILE, CLAIMS_FILE)


class StoredVerdicts:
    """The verdicts stored in one cache folder, for one reading and the given paths."""

    def __init__(self, folder: Path, reading: Reading, given: Sequence[Path] = ()) -> None:
        self.given = tuple(given)
        self.folder = folder / FOLDER / _run_fingerprint(str(reading))
        self._keys: dict[Path, str] = {}
        self._references: dict[str, str] = {}
        """Each reference folder's fingerprint, by the folder above the articles: walked once
        for this chunk (not per process, so that a long-lived process sees an edit)."""

    def get(self, article: Path) -> ArticleVerdicts | None:
        """The article's stored verdicts, or None (remembering its key for ``put``)."""
        key = self._key(article)
        if key is None:
            return None
        self._keys[article] = key
        payload = read_entry(self.folder / key)
        if payload is None:
            return None
        _used(self.folder / key)
        try:
            return decoded(article, json.loads(payload))
        except (ValueError, TypeError, KeyError, IndexError, RecursionError):
            return None

    def put(self, article: Path, verdicts: ArticleVerdicts) -> None:
        """Store what an article that ``get`` looked up came to."""
        key = self._keys.pop(article, None)
        if key is not None:
            write_entry(self.folder / key, json.dumps(encoded(verdicts)).encode())

    def _reference(self, parent: str) -> str:
        """The nearest reference folder beside the article's (resolved) parent or an
        ancestor (as ``reference_folder_for`` finds it), and all it holds."""
        if parent not in self._references:
            found = _reference_of(parent)
            self._references[parent] = "none" if found is None else f"{found[0]}\0{found[1]}"
        return self._references[parent]

    def _key(self, article: Path) -> str | None:
        """The hash of everything the article's verdicts depend on (see the module), or None
        when it cannot be stored (a link among its files, a file past the size limit, or
        one that cannot be read)."""
        from factsuite.files.article import tree_of

        digest = hashlib.sha256()
        try:
            limits = Limits.from_environment()
            for part in (
                str(article),
                os.path.abspath(article),
                os.path.realpath(article),
                str(tree_of(article, self.given)),
                repr(limits),
                self._reference(os.path.dirname(os.path.realpath(article))),
            ):
                _add(digest, part.encode())
            for name in ARTICLE_FILES:
                path = article / name
                status = os.lstat(path)
                if not stat.S_ISREG(status.st_mode) or status.st_size > limits.max_file_bytes:
                    return None  # a link, or a file that loading refuses unread
                with open(path, "rb") as file:
                    _add(digest, file.read())
        except (OSError, ValueError):
            return None
        return digest.hexdigest()


def reference_errors(
    folders: Sequence[Path], library: ReferenceLibrary, cache: Path | None, reading: Reading
) -> list[str]:
    """What is wrong in each reference folder the articles use, in the order they first
    use them: stored like verdicts (keyed by all the folder holds), so that a run whose
    verdicts are all stored reads no series either."""
    seen: dict[str, Path] = {}
    for folder in folders:
        seen.setdefault(os.path.dirname(os.path.realpath(folder)), folder)
    texts = []
    done: set[Path] = set()
    for parent, article in seen.items():
        found = _reference_of(parent)
        if found is None or found[0] in done:
            continue
        done.add(found[0])
        entry = None
        if cache is not None:
            digest = hashlib.sha256(f"{found[0]}\0{found[1]}".encode()).hexdigest()
            entry = cache / FOLDER / _run_fingerprint(str(reading)) / f"reference-{digest}"
            payload = read_entry(entry)
            stored = None if payload is None else _texts(payload)
            if stored is not None:
                _used(entry)
                texts += stored
                continue
        reference = library.for_article(article)
        told = [] if reference is None else _told(reference.errors.values())
        if entry is not None:
            write_entry(entry, json.dumps(told).encode())
        texts += told
    return texts


def _used(entry: Path) -> None:
    """Refresh an entry's time when a run finds it: ``cache_prune`` deletes those unused."""
    with contextlib.suppress(OSError):  # read-only: the entry may be pruned, then rewritten
        os.utime(entry)


def _told(errors: Any) -> list[str]:
    return ["\n".join(str(error) for error in located) for located in errors]


def _texts(payload: bytes) -> list[str] | None:
    try:
        texts = json.loads(payload)
    except ValueError:
        return None
    if isinstance(texts, list) and all(isinstance(text, str) for text in texts):
        return texts
    return None


def _add(digest: Any, data: bytes) -> None:
    """One part of a key, prefixed by its length so that no two lists of parts share one."""
    digest.update(b"%d:" % len(data))
    digest.update(data)


@cache
def _run_fingerprint(reading: str) -> str:
    """What every verdict of a run depends on besides its article: one folder for each."""
    digest = hashlib.sha256()
    package = Path(factsuite.__file__).parent
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        _add(digest, str(path.relative_to(package)).encode())
        _add(digest, path.read_bytes())
    for part in (str(FORMAT), factsuite.__version__, sys.version, reading, _distributions()):
        _add(digest, part.encode())
    return digest.hexdigest()[:16]


def _distributions() -> str:
    """Every installed distribution's name and version, as its metadata folder is named:
    one listing per folder of ``sys.path``, much cheaper than asking for each version."""
    names = []
    for entry in sys.path:
        try:
            names += sorted(name for name in os.listdir(entry or ".") if name.endswith("-info"))
        except OSError:
            continue
    return "\n".join(names)


def _reference_of(parent: str) -> tuple[Path, str] | None:
    for ancestor in (Path(parent), *Path(parent).parents):
        candidate = ancestor / REFERENCE_FOLDER
        if os.path.isdir(candidate):
            return candidate, _tree_digest(candidate)
    return None


def _tree_digest(folder: Path) -> str:
    """Every file's path and bytes and every link's target under ``folder``."""
    digest = hashlib.sha256()
    for top, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(folders + files):
            path = os.path.join(top, name)
            _add(digest, os.path.relpath(path, folder).encode())
            if os.path.islink(path):
                _add(digest, b"link " + os.readlink(path).encode())
            if name in files and os.path.isfile(path):  # never a FIFO or a device
                with open(path, "rb") as file:
                    _add(digest, hashlib.file_digest(file, "sha256").digest())
    return digest.hexdigest()


# -- the entry: ArticleVerdicts as JSON ----------------------------------------------------


def encoded(verdicts: ArticleVerdicts) -> dict[str, Any]:
    return {
        "claims": verdicts.claim_count,
        "passed": verdicts.passed,
        "headline": verdicts.headline,
        "others": [_outcome(outcome) for outcome in verdicts.others],
    }


def decoded(article: Path, entry: dict[str, Any]) -> ArticleVerdicts:
    from factsuite.checking.article_verdicts import ArticleVerdicts

    others = [_outcome_of(outcome) for outcome in entry["others"]]
    headline = entry["headline"]
    if not (isinstance(headline, str) or headline is None):
        raise TypeError("a headline is text")
    return ArticleVerdicts(
        article / CLAIMS_FILE, int(entry["claims"]), int(entry["passed"]), others, headline
    )


def _outcome(outcome: Outcome) -> dict[str, Any]:
    item = outcome.item
    finding = outcome.finding
    return {
        "item": [item.name, item.rule, item.line, list(item.claims), item.draft],
        "problems": [_problem(problem) for problem in outcome.problems],
        "finding": None if finding is None else finding.model_dump(mode="json"),
        "fingerprint": outcome.fingerprint,
    }


def _outcome_of(entry: dict[str, Any]) -> Outcome:
    from factsuite.checking.outcome import CheckItem, Outcome
    from factsuite.files.model import Finding

    name, rule, line, claims, draft = entry["item"]
    item = CheckItem(name, rule, line, tuple(claims), draft)
    finding = entry["finding"]
    return Outcome(
        item,
        [_problem_of(problem) for problem in entry["problems"]],
        None if finding is None else Finding.model_validate(finding),
        entry["fingerprint"],
    )


def _problem(problem: Problem) -> list[Any]:
    body = [line if isinstance(line, str) else _claim_ref(line) for line in problem.body]
    reading = None if problem.reading is None else str(problem.reading)
    return [problem.rule, problem.summary, body, reading, problem.strict_also, problem.source]


def _problem_of(entry: list[Any]) -> Problem:
    from factsuite.checking.findings import Problem
    from factsuite.meaning.lexicon import Reading

    rule, summary, body, reading, strict_also, source = entry
    lines: tuple[Line, ...] = tuple(
        line if isinstance(line, str) else _claim_ref_of(line) for line in body
    )
    return Problem(
        rule, summary, lines, None if reading is None else Reading(reading), strict_also, source
    )


def _claim_ref(ref: Any) -> list[Any]:
    interval = ref.interval
    written = None
    if interval is not None:
        written = [_bound(interval.lo), _bound(interval.hi), interval.lo_closed, interval.hi_closed]
    return [ref.role, ref.claim, ref.yaml_line, ref.quote, ref.text_line, ref.written, ref.unit,
            written]  # fmt: skip


def _claim_ref_of(entry: list[Any]) -> Any:
    from factsuite.checking.findings import ClaimRef

    role, claim, yaml_line, quote, text_line, written, unit, interval = entry
    return ClaimRef(role, claim, yaml_line, quote, text_line, written, unit, _interval_of(interval))


def _interval_of(entry: list[Any] | None) -> Interval | None:
    from factsuite.meaning.intervals import Interval

    if entry is None:
        return None
    lo, hi, lo_closed, hi_closed = entry
    return Interval(_bound_of(lo), _bound_of(hi), bool(lo_closed), bool(hi_closed))


def _bound(bound: Bound) -> list[Any]:
    """A Fraction as its numerator and denominator, a float (an infinite end) as its repr."""
    if isinstance(bound, Fraction):
        return [bound.numerator, bound.denominator]
    return [repr(bound)]


def _bound_of(entry: list[Any]) -> Bound:
    if len(entry) == 2:
        return Fraction(int(entry[0]), int(entry[1]))
    return float(entry[0])
