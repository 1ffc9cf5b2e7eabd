"""Fuzzing claims.yaml: whatever a file holds, the engine gives verdicts or located errors.

Two mutators start from the seed's claims.yaml: one edits it as data (drops, duplicates,
renames, retypes and reorders keys and items, then dumps it as YAML), the other edits its
bytes (flips, inserts, cuts, and YAML's own punctuation).  The tests catch nothing: any
exception that escapes the engine is the failure.  The hypothesis profile in
tests/conftest.py sets how many files are tried ("ci" by default, "long" locally).
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.engine import SCHEMA_ITEM, evaluate, load_articles
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
SEED_BYTES = (SEED / "claims.yaml").read_bytes()
SEED_DATA = yaml.safe_load(SEED_BYTES)


def _scalars(node: Any) -> list[str]:
    """Every text in the seed, so that mutations swap in plausible ids, units and dates."""
    found, stack = set(), [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found.update(map(str, node))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif node is not None:
            found.add(str(node))
    return sorted(found)


SEED_WORDS = _scalars(SEED_DATA)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    TEXT,
    st.sampled_from(SEED_WORDS),
)
KEYS = st.one_of(st.sampled_from(SEED_WORDS), TEXT, st.integers(-2, 2))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=8,
)
HOSTILE = [
    b"\t", b"&a ", b"*a", b"<<: *a\n", b"!!python/object/apply:os.system [ls]", b"---\n",
    b"\xef\xbb\xbf", b"\r\n", b": ", b"- ", b"[", b"{", b"'", b'"', b"%YAML 1.1\n", b"? ",
    b"|\n", b">-\n", b"\x00", b"\xff", b"\xe2\x80", b"#", b"~", b".inf", b"2022-02-30",
]  # fmt: skip
"""Bytes that mean something to YAML or to UTF-8."""


# -- mutating the data -------------------------------------------------------------------------


def places(document: Any) -> list[tuple[Any, ...]]:
    """Every key and item's path in the document, the document itself first."""
    found: list[tuple[Any, ...]] = [()]
    stack = [((), document)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        for key, child in children:
            found.append((*path, key))
            stack.append(((*path, key), child))
    return found


def at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def mutated(draw: st.DrawFn, document: Any) -> Any:
    """The document with one structural change at a drawn place."""
    path = draw(st.sampled_from(places(document)))
    if not path:
        return draw(VALUES)
    parent, key = at(document, path[:-1]), path[-1]
    operation = draw(st.sampled_from(["drop", "duplicate", "rename", "replace", "reorder"]))
    if operation == "drop":
        del parent[key]
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[key]))
    elif operation in ("duplicate", "rename") and isinstance(parent, dict):
        parent[draw(KEYS)] = parent.pop(key) if operation == "rename" else parent[key]
    elif operation == "reorder" and isinstance(parent[key], list | dict):
        node = parent[key]
        items = list(node.items()) if isinstance(node, dict) else list(node)
        shuffled = draw(st.permutations(items))
        parent[key] = dict(shuffled) if isinstance(node, dict) else list(shuffled)
    else:
        parent[key] = draw(VALUES)
    return document


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    document = copy.deepcopy(SEED_DATA)
    for _ in range(draw(st.integers(1, 4))):
        document = mutated(draw, document)
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


# -- mutating the bytes ------------------------------------------------------------------------


def edited(draw: st.DrawFn, raw: bytes) -> bytes:
    """The bytes with one drawn edit."""
    at = draw(st.integers(0, len(raw)))
    operation = draw(st.sampled_from(["flip", "insert", "hostile", "cut", "truncate", "line"]))
    if operation == "flip" and at < len(raw):
        return raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
    if operation == "insert":
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if operation == "hostile":
        return raw[:at] + draw(st.sampled_from(HOSTILE)) + raw[at:]
    if operation == "cut":
        return raw[:at] + raw[at + draw(st.integers(1, 64)) :]
    if operation == "truncate":
        return raw[:at]
    lines = raw.split(b"\n")
    line = draw(st.integers(0, len(lines) - 1))
    lines.insert(draw(st.integers(0, len(lines))), lines[line])  # a key written twice, say
    return b"\n".join(lines)


@st.composite
def edited_files(draw: st.DrawFn) -> bytes:
    raw = SEED_BYTES
    for _ in range(draw(st.integers(1, 5))):
        raw = edited(draw, raw)
    return raw


# -- the property ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed (with the reference folder beside its tree) to overwrite."""
    tree = tmp_path_factory.mktemp("fuzz")
    if (ROOT / "reference").is_dir():
        shutil.copytree(ROOT / "reference", tree / "reference")
    return Path(shutil.copytree(SEED, tree / "facts" / SEED.name))


def assert_verdicts_or_located_errors(folder: Path) -> None:
    """Every check passes, or fails with messages that point into the files.

    The file's ``schema`` item holds located errors, each starting with its file's path; any
    other item stands at the line of its claim or relation in claims.yaml, where pytest and
    ``factsuite check`` report it, and a problem may name more lines of its own.
    """
    (article,) = load_articles([folder])
    evaluation = evaluate([article])
    outcomes = evaluation.of(article)
    assert outcomes
    for outcome in outcomes:
        assert outcome.passed or problem_texts(outcome)
        if outcome.item.name == SCHEMA_ITEM:
            assert all(str(folder) in problem for problem in problem_texts(outcome))
        elif not outcome.passed:
            assert isinstance(outcome.item.line, int), outcome.item
            assert outcome.item.line >= 1
            for problem in problem_texts(outcome):
                assert "claims.yaml:None" not in problem, problem
    if not article.is_valid:
        assert [outcome.item.name for outcome in outcomes] == [SCHEMA_ITEM]
        assert not outcomes[0].passed


@given(text=mutated_documents())
def test_a_file_mutated_as_data_gets_verdicts_or_located_errors(folder: Path, text: str) -> None:
    (folder / "claims.yaml").write_text(text, "utf-8")
    assert_verdicts_or_located_errors(folder)


@given(raw=edited_files())
def test_a_file_mutated_as_bytes_gets_verdicts_or_located_errors(folder: Path, raw: bytes) -> None:
    (folder / "claims.yaml").write_bytes(raw)
    assert_verdicts_or_located_errors(folder)
