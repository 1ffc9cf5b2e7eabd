"""A planted or damaged cache entry never changes a verdict (#15).

The cache folders are in the repository, where a pull request can add files; an entry is
used only under a seal made with this user's key, which no repository holds
(``files/cache_seal.py``).  Each test keeps its key in a home of its own.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsuite.files import cache, cache_seal
from factsuite.files.article import load_article
from tests.test_cli import check, copy_of_seed, mutate_children


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A user cache folder of this test's own, and the command run from ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.chdir(tmp_path)
    yield tmp_path / "home-cache"
    cache.use_cache(None)


def entry_of(claims: Path) -> Path:
    """The cache entry of an article's current texts (under ``factsuite check``'s cache): one
    entry holds its meta.yaml and claims.yaml."""
    (entry,) = Path(cache.CLI_CACHE).glob(f"*/{slot_of(claims)}")
    return entry


def slot_of(claims: Path) -> str:
    texts = [(claims.parent / name).read_text("utf-8") for name in ("meta.yaml", "claims.yaml")]
    return cache._digest(texts)


def forged(kind: str, good: Path, target: Path) -> bytes:
    """An entry for ``target``'s slot, made without this user's key (or holding a pickle)."""
    payload = good.read_bytes()[cache_seal.SEAL_LENGTH + 1 :]
    if kind == "moved":  # a sealed entry of another text, copied under the target's name
        return good.read_bytes()
    if kind == "unsealed":
        return payload
    if kind == "own key":  # sealed as the cache seals, with a key the forger made
        names = f"{target.parent.name}/{target.name}".encode()
        mac = hmac.new(b"k" * 32, names + b"\0" + payload, hashlib.sha256).hexdigest()
        return mac.encode() + b"\n" + payload
    assert kind == "pickle"  # sealed with the real key: still only ever read as JSON
    key = cache_seal._key(cache_seal.key_file())
    assert key is not None
    return cache_seal.seal(target, pickle.dumps(os.system)) or b""


@pytest.mark.parametrize("kind", ["moved", "unsealed", "own key", "pickle"])
def test_a_planted_entry_never_changes_a_verdict(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = copy_of_seed(tmp_path)
    claims = folder / "claims.yaml"
    assert check(capsys, str(folder))[0] == 0
    good = entry_of(claims)
    mutate_children(folder)
    expected = check(capsys, str(folder), "--no-cache")
    assert expected[0] == 1
    target = good.parent / slot_of(claims)
    target.write_bytes(forged(kind, good, target))
    assert check(capsys, str(folder)) == expected
    assert target.read_bytes() != forged("unsealed", good, target)  # written again, sealed


def test_the_key_is_kept_outside_the_repository_for_its_owner_alone(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, str(copy_of_seed(tmp_path)))
    key = home / "factsuite" / "cache.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert not any(
        path.name == key.name for path in tmp_path.rglob("*") if home not in path.parents
    )


@pytest.mark.parametrize("how", ["readable by others", "a link", "the wrong size"])
def test_a_key_that_cannot_be_trusted_turns_the_cache_off(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    key = home / "factsuite" / "cache.key"
    key.parent.mkdir(parents=True)
    if how == "a link":
        (tmp_path / "elsewhere").write_bytes(b"k" * 32)
        (tmp_path / "elsewhere").chmod(0o600)
        key.symlink_to(tmp_path / "elsewhere")
    else:
        key.write_bytes(b"k" * (32 if how == "readable by others" else 31))
        key.chmod(0o644 if how == "readable by others" else 0o600)
    assert check(capsys, str(copy_of_seed(tmp_path)))[0] == 0
    written = [path.name for path in Path(cache.CLI_CACHE).rglob("*") if path.is_file()]
    assert written == [".gitignore"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.binary(min_size=0, max_size=8)),
        min_size=1,
        max_size=4,
    ),
    cut=st.booleans(),
)
def test_a_damaged_entry_reads_as_the_file_itself(
    home: Path, tmp_path: Path, edits: list[tuple[float, bytes]], cut: bool
) -> None:
    folder = tmp_path / "facts" / "seed"
    if not folder.exists():
        copy_of_seed(tmp_path, "seed")
    cache.use_cache(None)
    fresh = load_article(folder)
    store = tmp_path / "store"
    cache.use_cache(store)
    load_article(folder)
    for entry in (path for path in store.rglob("*") if path.is_file()):
        data = bytearray(entry.read_bytes())
        for where, written in edits:
            at = int(where * len(data))
            data[at : at + len(written)] = written
        entry.write_bytes(bytes(data[: len(data) // 2] if cut else data))
    again = load_article(folder)
    assert again.claims == fresh.claims
    assert again.meta == fresh.meta
    assert again.errors == fresh.errors
    assert json.dumps([again.line("claims", n, "value") for n in range(15)]) == json.dumps(
        [fresh.line("claims", n, "value") for n in range(15)]
    )
