"""A content-addressed cache of parsed fact files: an unchanged file is not parsed again.

Parsing YAML is two thirds of reading an article (about 1.5 of 2.3 ms a file), and a
newsroom re-checks an archive whose files mostly did not change.  An entry is the parsed,
line-annotated documents of an article's YAML files (``meta.yaml`` and ``claims.yaml``
together: one entry per article, so a warm run opens, hashes and decodes half as many files),
found by a hash of their texts and of everything else their parsing depends on (the
factsuite version, ``loading.py`` itself, PyYAML's version, the limits in force), so it is
never stale: an edited file has another hash.  Validation still runs on every read, so the
model's verdicts never come from the cache.

Entries are JSON, not pickle: a cache folder is data that a run reads, and loading it must
never run code.  Each is sealed with a key no repository holds (``cache_seal.py``), so an
entry planted in the folder is never used.  A corrupt, unsealed or unreadable entry is
ignored and written again, so the folder is safe to delete at any time.  Only documents are
kept; a text that fails to parse is parsed (and its error told) every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

import factsuite
from factsuite.files import loading
from factsuite.files.cache_seal import seal, unseal
from factsuite.files.loading import (
    FactFileError,
    Limits,
    LocatedDict,
    LocatedList,
    current_limits,
    parse_yaml,
    read_text,
)

CLI_CACHE = ".factsuite-cache"
"""The ``factsuite`` command's cache folder, in the folder it is run from."""
FORMAT = 3
"""The layout of an entry: raised when ``_encoded`` changes (3: the documents of one article)."""

_folder: Path | None = None


def use_cache(folder: Path | None) -> None:
    """Keep parsed files in ``folder`` from now on in this process; None turns the cache off."""
    global _folder
    _folder = folder


def cli_cache_folder(folder: Path) -> Path:
    """The command's cache folder, made with a .gitignore so that it is never committed."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore.write_text("# made by factsuite check: parsed fact files, safe to delete\n*\n")
        except OSError:
            pass  # an unwritable folder only means no entries are written
    return folder


def load_yaml_cached(path: Path, root: Path | None = None) -> Any:
    """As ``loading.load_yaml``, from the cache when this text was parsed before."""
    (document,) = load_documents_cached([(path, root)])
    if isinstance(document, FactFileError):
        raise document
    return document


def load_documents_cached(files: Sequence[tuple[Path, Path | None]]) -> list[Any]:
    """Each file's document (as ``load_yaml`` with its ``root``), or the ``FactFileError``
    it raised, from one cache entry for all of them when none failed."""
    if not files:
        return []
    try:
        limits = current_limits(files[0][0])
    except FactFileError:
        return [_limits_error(path) for path, _ in files]
    texts: list[tuple[Path, str] | FactFileError] = []
    for path, root in files:
        try:
            texts.append((path, read_text(path, limits, root)))
        except FactFileError as error:
            texts.append(error)
    read = [text for _, text in (t for t in texts if not isinstance(t, FactFileError))]
    entry = None
    if _folder is not None and len(read) == len(texts):
        entry = _folder / _fingerprint(repr(limits)) / _digest(read)
        documents = _read(entry)
        if documents is not None and len(documents) == len(texts):
            return documents
    parsed = [_parsed(text, limits) for text in texts]
    if entry is not None and not any(isinstance(item, FactFileError) for item in parsed):
        _write(entry, parsed)
    return parsed


def _limits_error(path: Path) -> FactFileError:
    """The error of a limit set to nonsense, located at this file."""
    try:
        current_limits(path)
    except FactFileError as error:
        return error
    raise AssertionError("the limits were nonsense a moment ago")


def _parsed(text: tuple[Path, str] | FactFileError, limits: Limits) -> Any:
    """A text's document, or the error that reading or parsing it raised."""
    if isinstance(text, FactFileError):
        return text
    try:
        return parse_yaml(*text, limits)
    except FactFileError as error:
        return error


@cache
def _fingerprint(limits: str) -> str:
    """What a parse depends on besides the text: one folder of entries for each."""
    source = Path(loading.__file__).read_bytes()
    parts = [str(FORMAT), factsuite.__version__, yaml.__version__, limits]
    return hashlib.sha256(source + "\0".join(parts).encode()).hexdigest()[:16]


def _digest(texts: list[str]) -> str:
    """One hash of the texts, each prefixed by its length so that no two lists share one."""
    digest = hashlib.sha256()
    for text in texts:
        data = text.encode()
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def _read(entry: Path) -> list[Any] | None:
    """The cached documents, or None for an entry that is missing or damaged in any way."""
    payload = read_entry(entry)
    try:
        documents = None if payload is None else json.loads(payload)
        if not isinstance(documents, list):
            return None
        return [_decoded(document) for document in documents]
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def _write(entry: Path, documents: list[Any]) -> None:
    encoded = [_encoded(document) for document in documents]
    write_entry(entry, json.dumps(encoded, separators=(",", ":")).encode())


def read_entry(entry: Path) -> bytes | None:
    """What an entry holds if this user's key sealed it; None if missing or not sealed."""
    try:
        return unseal(entry, entry.read_bytes())
    except OSError:
        return None


def write_entry(entry: Path, payload: bytes) -> None:
    """Seal and write an entry whole or not at all (another process may read it meanwhile)."""
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        sealed = seal(entry, payload)
        if sealed is None:
            return  # no key can be kept: nothing is cached
        _made(entry.parent)
        temporary.write_bytes(sealed)
        os.replace(temporary, entry)
    except OSError:
        return  # a read-only or full disk only costs the next run the work


@cache
def _made(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)


def _encoded(node: Any) -> Any:
    """A document as JSON: a mapping is ``{"m": line, "k": [[key, line, value], ...]}``, a
    sequence ``{"s": line, "i": [[line, value], ...]}``; text and null stay as they are."""
    if isinstance(node, LocatedDict):
        keys = [[key, node.key_lines[key], _encoded(value)] for key, value in node.items()]
        return {"m": node.line, "k": keys}
    if isinstance(node, LocatedList):
        items = [[line, _encoded(item)] for line, item in zip(node.item_lines, node, strict=True)]
        return {"s": node.line, "i": items}
    return node


def _decoded(node: Any) -> Any:
    if isinstance(node, dict):
        if "m" in node:
            mapping = LocatedDict()
            mapping.line = node["m"]
            mapping.key_lines = {}
            for key, line, value in node["k"]:
                mapping[key] = _decoded(value)
                mapping.key_lines[key] = line
            return mapping
        sequence = LocatedList(_decoded(value) for _, value in node["i"])
        sequence.line = node["s"]
        sequence.item_lines = [line for line, _ in node["i"]]
        return sequence
    if node is None or isinstance(node, str):
        return node
    raise TypeError(f"not a fact file's value: {node!r}")
