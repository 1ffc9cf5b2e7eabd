"""Seals on the cache's entries, so that an entry the cache did not write is never used.

The cache folders (``.factsuite-cache/``, pytest's ``.pytest_cache/``) live in the
repository, where a pull request can add files: an entry planted under the hash of an
edited claims.yaml, holding the parse of the original, would give the original's verdict.
So each entry carries an HMAC-SHA256 of what it holds and of the names that say what it was
built from (the hash of the source text, and of the parser and limits), under a random key
that no repository holds: it is kept in the user's cache folder
(``$XDG_CACHE_HOME/factsuite/cache.key``, by default ``~/.cache/factsuite/cache.key``),
made on first use, readable by its owner alone.  An entry without a valid seal is ignored
and written again.  Where no such key can be kept (an unwritable home, a key file that
others may read or that another user owns), nothing is read from the cache nor written.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from functools import cache
from pathlib import Path

KEY_BYTES = 32
SEAL_LENGTH = 64
"""The seal's hex digits, written before the entry's JSON and a newline."""


def key_file() -> Path:
    """Where this user's cache key is kept: outside every repository."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factsuite" / "cache.key"


def seal(entry: Path, payload: bytes) -> bytes | None:
    """The entry's bytes, sealed; None when no key can be kept (write nothing then)."""
    key = _key(key_file())
    if key is None:
        return None
    return _mac(key, entry, payload).encode() + b"\n" + payload


def unseal(entry: Path, data: bytes) -> bytes | None:
    """What a sealed entry holds, or None unless its seal is this user's key's."""
    key = _key(key_file())
    if key is None or data[SEAL_LENGTH : SEAL_LENGTH + 1] != b"\n":
        return None
    payload = data[SEAL_LENGTH + 1 :]
    expected = _mac(key, entry, payload).encode()
    return payload if hmac.compare_digest(data[:SEAL_LENGTH], expected) else None


def _mac(key: bytes, entry: Path, payload: bytes) -> str:
    """The seal: the entry's folder and name (the parser's fingerprint and the hash of the
    source text) and its payload, so that an entry moved to another name fails too."""
    names = f"{entry.parent.name}/{entry.name}".encode()
    return hmac.new(key, names + b"\0" + payload, hashlib.sha256).hexdigest()


@cache
def _key(path: Path) -> bytes | None:
    """This user's key: read, or made when there is none; None when it cannot be trusted."""
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        _make_key(path)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    """The key, if the file is a regular file of the right size that only its owner, this
    user, may read or write (never followed if it is a link)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        status = os.fstat(descriptor)
        owner = getattr(os, "getuid", lambda: status.st_uid)()
        if (
            not stat.S_ISREG(status.st_mode)
            or status.st_mode & 0o077
            or status.st_uid != owner
            or status.st_size != KEY_BYTES
        ):
            return None
        return os.read(descriptor, KEY_BYTES)
    finally:
        os.close(descriptor)


def _make_key(path: Path) -> None:
    """Write a new key whole, readable by this user alone; a key another process made
    meanwhile is kept (the new one is linked into place only if there is none)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(descriptor, secrets.token_bytes(KEY_BYTES))
    finally:
        os.close(descriptor)
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
