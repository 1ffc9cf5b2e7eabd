"""Reading fact files safely, keeping the line of every key and item.

Only YAML's safe subset is constructed (no tags that build objects, so a fact file never
runs code), with PyYAML's C parser where it is installed.  Every scalar but ``null`` stays
the text it was written as: a figure is kept as written ("3.50", not 3.5), and the model,
not the YAML library, reports "2022-02-30" or ``as_of: 0`` with its field.  A key written
twice is an error rather than PyYAML's silent "last one wins".

A file is measured before it is built: its size before it is read, its nesting and what its
aliases would expand to while the parser's events stream past, so that a hostile file is
refused in milliseconds instead of exhausting memory or the stack (see ``Limits``).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEPT_IMPLICIT_TAGS = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}


@dataclass(frozen=True)
class LocatedError:
    """Something wrong in a fact file, where it is, and how to fix it."""

    path: Path
    line: int | None
    field: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}" + (f"\n    hint: {self.hint}" if self.hint else "")


class FactFileError(Exception):
    """Raised with the located errors of a file that cannot be read at all."""

    def __init__(self, errors: list[LocatedError]) -> None:
        super().__init__("; ".join(map(str, errors)))
        self.errors = errors


def _refused(path: Path, line: int | None, message: str, hint: str) -> FactFileError:
    return FactFileError([LocatedError(path, line, None, message, hint)])


LIMIT_VARIABLES = {
    "max_file_bytes": "FACTSUITE_MAX_FILE_BYTES",
    "max_depth": "FACTSUITE_MAX_DEPTH",
    "max_aliases": "FACTSUITE_MAX_ALIASES",
}
"""The environment variable that raises (or lowers) each limit."""


@dataclass(frozen=True)
class Limits:
    """How much one fact file may ask of the reader; each is set by an environment variable.

    The defaults are far above what an honest file needs and far below what hurts:

    - ``max_file_bytes``: 1 MB, 150 times the seed's claims.yaml (6.5 KB) and 20 times a
      long feature's text, yet read, parsed and validated in under a second.
    - ``max_depth``: 50 levels of nesting.  The model needs 4 (the file, ``relations``, a
      relation, its ``parts``); building a document recurses, and Python's stack gives out
      at 200 to 250 levels.
    - ``max_aliases``: 1,000 values (keys, items, scalars) added by expanding ``*aliases``.
      The model needs none, but a merge key (``<<: *common``) per claim is a fair shortcut;
      a "billion laughs" file would add 10**9 and is refused at its first few aliases.
    """

    max_file_bytes: int = 1_000_000
    max_depth: int = 50
    max_aliases: int = 1_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Limits:
        """The defaults, with each limit that its variable sets; ValueError names a bad one."""
        values = {}
        for limit in fields(cls):
            variable = LIMIT_VARIABLES[limit.name]
            written = environ.get(variable, "").strip()
            if written:
                values[limit.name] = _whole_number(variable, written, limit.default)
        return cls(**values)

    def raise_with(self, name: str) -> str:
        """How a message says to raise a limit: ``FACTSUITE_MAX_DEPTH (now 50)``."""
        return f"{LIMIT_VARIABLES[name]} (now {getattr(self, name)})"


def _whole_number(variable: str, written: str, default: object) -> int:
    if not (written.isascii() and written.isdigit()):
        raise ValueError(
            f"{variable}={written!r} is not a whole number: set it to one, such as "
            f"{default} (the default), or unset it"
        )
    return int(written)


def current_limits(path: Path) -> Limits:
    """The limits in force, or the located error of a variable that is set to nonsense."""
    try:
        return Limits.from_environment()
    except ValueError as error:
        raise _refused(path, None, str(error), "see docs/robustness.md") from None


def refuse_outside(path: Path, root: Path) -> None:
    """Refuse a path that a link takes out of ``root``: a fact file is read only in its tree."""
    target = Path(os.path.realpath(path))
    inside = Path(os.path.realpath(root))
    if not target.is_relative_to(inside):
        raise _refused(
            path,
            None,
            f"{path.name} is a link to {target}, outside {inside}",
            "links are followed only inside the tree being checked: copy the file into it",
        )


class LocatedDict(dict):
    """A mapping that remembers the line of itself and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatedList(list):
    """A sequence that remembers the line of itself and of each of its items (1-based)."""

    line: int = 0
    item_lines: list[int]


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class FactLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader with line marks, duplicate-key errors and scalars kept as written."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag in KEPT_IMPLICIT_TAGS]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: FactLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        if key in mapping:
            first = mapping.key_lines[key]
            raise _DuplicateKey(
                None,
                None,
                f"key {key!r} is written twice (first on line {first}); keep one",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: FactLoader, node: yaml.SequenceNode) -> LocatedList:
    sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


FactLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
FactLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read_text(path: Path, limits: Limits | None = None, root: Path | None = None) -> str:
    """A fact file's text: UTF-8, a byte-order mark and CRLF line ends accepted.

    With a ``root``, a path that a link takes outside it is refused before it is opened.
    """
    if root is not None:
        refuse_outside(path, root)
    raw = _read_bytes(path, limits or current_limits(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FactFileError(
            [
                LocatedError(
                    path,
                    line,
                    None,
                    f"not valid UTF-8 (byte {error.start})",
                    "save the file as UTF-8",
                )
            ]
        ) from error
    return text.replace("\r\n", "\n")


def _read_bytes(path: Path, limits: Limits) -> bytes:
    """At most the limit's bytes (plus one, to know it is over), of a regular file only.

    A FIFO or a device would block or never end, so only regular files are opened; the read
    is bounded too, since a file may grow after its size was looked at.
    """
    limit = limits.max_file_bytes
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refused(path, None, "not a regular file", "a fact file is a plain text file")
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except OSError as error:
        message = f"cannot read: {error.strerror}"
        raise FactFileError([LocatedError(path, None, None, message)]) from error
    if len(raw) > limit:
        size = max(info.st_size, len(raw))
        raise _refused(
            path,
            None,
            f"the file is {size:,} bytes, over the limit of {limit:,}",
            f"split the file, or raise the limit: {limits.raise_with('max_file_bytes')}",
        )
    return raw


def _measure(path: Path, text: str, limits: Limits) -> None:
    """Refuse a document nested too deeply or whose aliases expand too far, before building it.

    Walks the parser's events in one loop (no recursion, nothing built) and keeps, for each
    anchor, how many values it stands for once expanded, so that an alias of an alias of an
    alias is counted at its full size: a "billion laughs" stops at its first few aliases.
    """
    depth = added = values = 0
    opened: list[tuple[str | None, int]] = []
    sizes: dict[str, int] = {}
    for event in yaml.parse(text, Loader=FactLoader):
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)
            added, values = added + size, values + size
            if added > limits.max_aliases:
                raise _too_many_aliases(path, event, limits)
        elif isinstance(event, yaml.ScalarEvent):
            values += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limits.max_depth:
                raise _too_deep(path, event, limits)
            opened.append((event.anchor, values))
            values += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, start = opened.pop()
            if anchor is not None:
                sizes[anchor] = values - start


def _too_deep(path: Path, event: yaml.Event, limits: Limits) -> FactFileError:
    return _refused(
        path,
        event.start_mark.line + 1,
        f"nested more than {limits.max_depth} levels deep",
        f"flatten the structure, or raise the limit: {limits.raise_with('max_depth')}",
    )


def _too_many_aliases(path: Path, event: yaml.AliasEvent, limits: Limits) -> FactFileError:
    return _refused(
        path,
        event.start_mark.line + 1,
        f"aliases expand to more than {limits.max_aliases:,} values (here, at *{event.anchor})",
        f"write the values out, or raise the limit: {limits.raise_with('max_aliases')}",
    )


def load_yaml(path: Path, limits: Limits | None = None, root: Path | None = None) -> Any:
    """The one document of a YAML fact file, with lines; errors come located.

    ``limits`` default to those of the environment; ``root`` is as for ``read_text``.
    """
    limits = limits or current_limits(path)
    text = read_text(path, limits, root)
    try:
        _measure(path, text, limits)
        documents = list(yaml.load_all(text, Loader=FactLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(filter(None, [error.context, error.problem])) or str(error)
        located = LocatedError(path, line, None, message, _yaml_hint(message, text, mark))
        raise FactFileError([located]) from error
    except yaml.YAMLError as error:
        raise FactFileError([LocatedError(path, None, None, str(error))]) from error
    except RecursionError:
        raise _refused(
            path,
            None,
            "nested too deeply to be built",
            f"flatten the file; {limits.raise_with('max_depth')} is above the 200 or so levels "
            "that Python's stack allows, so lower it to be told the line",
        ) from None
    if len(documents) != 1:
        raise FactFileError(
            [
                LocatedError(
                    path,
                    None,
                    None,
                    f"holds {len(documents)} YAML documents; a fact file holds exactly one",
                    "remove the '---' separators" if documents else "the file is empty",
                )
            ]
        )
    return documents[0]


def _yaml_hint(message: str, text: str, mark: yaml.Mark | None) -> str:
    lines = text.splitlines()
    at_mark = (
        lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
    )
    if re.search(r"\btab\b|'\\t'", message) or at_mark == "\t":
        return "indent with spaces, not tabs"
    if "constructor for the tag" in message:
        return "fact files hold plain data: remove the '!!' tag"
    if "written twice" in message:
        return ""
    return next(
        (hint for words, hint in _HINTS.items() if words in message),
        "check the indentation and quoting around this line",
    )


_HINTS = {
    "nesting depth": "flatten the structure: FACTSUITE_MAX_DEPTH allows 50 levels unless "
    "raised, and YAML is read at most 1,000 levels deep",
    "recursive": "an alias (*name) cannot stand inside the value its anchor (&name) marks",
    "undefined alias": "mark the value with its anchor (&name) before any alias (*name)",
}
"""Hints for the parser's messages that a fact file's author may meet in hostile input."""


def line_of(data: Any, location: tuple[str | int, ...]) -> int | None:
    """The line of the deepest part of ``location`` that the file has (pydantic's ``loc``)."""
    line = getattr(data, "line", None) or None
    node = data
    for step in location:
        if isinstance(node, LocatedDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        # Other steps (a union's tag, pydantic's [key]) name no place in the file: skip them.
    return line
