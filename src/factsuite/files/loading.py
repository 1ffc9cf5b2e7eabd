"""Reading fact files safely, keeping the line of every key and item.

Only YAML's safe subset is constructed (no tags that build objects, so a fact file never
runs code), with PyYAML's C parser where it is installed.  Every scalar but ``null`` stays
the text it was written as: a figure is kept as written ("3.50", not 3.5), and the model,
not the YAML library, reports "2022-02-30" or ``as_of: 0`` with its field.  A key written
twice is an error rather than PyYAML's silent "last one wins".

A hostile file is refused, with its line, instead of exhausting memory or the stack (see
``Limits``), at almost no cost to an honest one:

- Its size is looked at before it is read.
- Its nesting is counted by the constructors, which refuse the first collection deeper than
  the limit before building into it.  Composing it first is safe: libyaml refuses more than
  1,000 levels as it parses, so the recursion of its C composer is bounded.
- What its aliases would expand to is measured on the parser's events before anything is
  built (``_measure``).  That second parse would add 40% to loading an honest file, so it
  is only done for a text holding ``*`` (an alias) or ``!`` (a tag) where a node may begin,
  or ``<<`` (a merge key).
  Without these, each node is built once, as the events nest, so the constructors see every
  collection at its depth; with them, the events measure the nesting too, since a merge
  flattens mappings and ``!!omap`` builds later.  A text over 64,000 characters is measured
  first as well, so that a deep one is refused at once rather than after seconds of
  composing; and every text without libyaml, whose pure-Python composer recurses unbounded.
- A text that was not measured first and fails to load is measured then, so that its faults
  are told in the same order as if it had been: its nesting before the key written twice.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, ClassVar, Protocol, cast

import yaml

_BaseLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
KEPT_IMPLICIT_TAGS = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}
_TEXT_TAG = "tag:yaml.org,2002:str"


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
    if len(written) > len(str(LARGEST_LIMIT)) or int(written) > LARGEST_LIMIT:
        raise ValueError(
            f"{variable}={written} is larger than any fact file could need: set it to at "
            f"most {LARGEST_LIMIT} (2**40), or unset it"
        )
    return int(written)


LARGEST_LIMIT = 2**40
"""A limit's ceiling: 1 TiB, far past any use, and a read of that size still fits an index."""


def current_limits(path: Path) -> Limits:
    """The limits in force, or the located error of a variable that is set to nonsense."""
    try:
        return Limits.from_environment()
    except ValueError as error:
        raise _refused(path, None, str(error), "see docs/robustness.md") from None


def refuse_outside(path: Path, root: Path) -> None:
    """Refuse a path that a link takes out of ``root``, or into a ``.git`` folder anywhere:
    a fact file is read only in its tree, and a repository's own files (its configuration
    can hold a token) never."""
    target = Path(os.path.realpath(path))
    inside = Path(os.path.realpath(root))
    if not target.is_relative_to(inside):
        raise _refused(
            path,
            None,
            f"{path.name} is a link to {target}, outside {inside}",
            "links are followed only inside the tree being checked: copy the file into it",
        )
    if GIT_FOLDER in target.relative_to(inside).parts or GIT_FOLDER in Path(path).parts:
        raise _refused(
            path,
            None,
            f"{path.name} leads into a {GIT_FOLDER} folder ({target})",
            f"files under {GIT_FOLDER} are never read: copy the text into the article folder",
        )


GIT_FOLDER = ".git"


class LocatedDict(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatedList(list[Any]):
    """A sequence that remembers the line of itself and of each of its items (1-based)."""

    line: int = 0
    item_lines: list[int]


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Marked(Protocol):
    """A place in a YAML text, as PyYAML's marks and libyaml's both give it."""

    line: int


class _TooDeep(Exception):
    """A collection nested deeper than the limit, at its mark: located by ``load_yaml``."""

    def __init__(self, mark: _Marked | None) -> None:
        super().__init__(mark)
        self.mark = mark


_Resolvers = dict[str, list[tuple[str, re.Pattern[str]]]]


def _kept_resolvers(resolvers: _Resolvers) -> _Resolvers:
    """The implicit resolvers of the kept tags, by the first characters they match."""
    kept = {
        first: [(tag, regexp) for tag, regexp in pairs if tag in KEPT_IMPLICIT_TAGS]
        for first, pairs in resolvers.items()
    }
    return {first: pairs for first, pairs in kept.items() if pairs}


class FactLoader(_BaseLoader):  # type: ignore[misc, valid-type]  # base chosen at import (libyaml or not)
    """Safe loader with line marks, duplicate-key errors and scalars kept as written.

    It refuses a collection nested deeper than ``max_depth`` before building into it.
    """

    yaml_implicit_resolvers: ClassVar[_Resolvers] = _kept_resolvers(
        _BaseLoader.yaml_implicit_resolvers
    )

    def __init__(self, stream: str, max_depth: int = Limits.max_depth) -> None:
        super().__init__(stream)
        self.max_depth = max_depth
        self.depth = 0

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """Text that no kept resolver could match is a string, told without trying them.

        The composer asks this of every scalar, and nearly all of a fact file is such text.
        """
        if kind is yaml.ScalarNode and not (
            implicit[0] and value[:1] in self.yaml_implicit_resolvers
        ):
            return _TEXT_TAG
        return cast(str, super().resolve(kind, value, implicit))  # PyYAML's resolve is untyped


def _is_text(node: yaml.Node) -> bool:
    """Whether a node is text, taken as it is: most of a file, built without PyYAML's dispatch.

    It is asked beside ``construct_object``, not inside a wrapper of it, so that building
    recurses no deeper in Python than PyYAML does.
    """
    return type(node) is yaml.ScalarNode and node.tag == _TEXT_TAG


def _deeper(loader: FactLoader, node: yaml.Node) -> None:
    loader.depth += 1
    if loader.depth > loader.max_depth:
        raise _TooDeep(node.start_mark)


def _construct_mapping(loader: FactLoader, node: yaml.MappingNode) -> LocatedDict:
    _deeper(loader, node)
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    key_lines = mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = key_node.value if _is_text(key_node) else loader.construct_object(key_node, True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        if key in mapping:
            raise _DuplicateKey(
                None,
                None,
                f"key {key!r} is written twice (first on line {key_lines[key]}); keep one",
                key_node.start_mark,
            )
        mapping[key] = (
            value_node.value if _is_text(value_node) else loader.construct_object(value_node, True)
        )
        key_lines[key] = key_node.start_mark.line + 1
    loader.depth -= 1
    return mapping


def _construct_sequence(loader: FactLoader, node: yaml.SequenceNode) -> LocatedList:
    _deeper(loader, node)
    sequence = LocatedList(
        [
            child.value if _is_text(child) else loader.construct_object(child, True)
            for child in node.value
        ]
    )
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    loader.depth -= 1
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


MEASURED_FIRST_SIZE = 64_000
"""Characters over which a text is measured before it is built: ten times the seed's."""


def _measured_first(text: str) -> bool:
    """Whether the events must be measured before building: see the module's docstring."""
    return (
        not yaml.__with_libyaml__
        or len(text) > MEASURED_FIRST_SIZE
        or (("*" in text or "!" in text) and _ALIAS_OR_TAG.search(text) is not None)
        or "<<" in text
    )


_ALIAS_OR_TAG = re.compile(r"(?:\A|[\s\[\]{},:?\ufeff])[*!]")
"""A ``*`` or ``!`` where a node may begin, so an alias or a tag: after a space or a line
end, a flow indicator, a key's ``?`` or a value's ``:`` (in a flow, libyaml takes ``:`` and
``?`` as indicators with no space after), a byte-order mark, or at the start.  Any other
(``events: committee-*``, "up 5%!") is inside a scalar: measuring such a text first parsed
it twice (#18: a quarter of the files of an archive whose events are globs).
``test_loading.py`` holds it to the parser: every text whose events have an alias or a tag
is matched."""


def _measure(path: Path, text: str, limits: Limits) -> None:
    """Refuse a document nested too deeply or whose aliases expand too far, before building it.

    Walks the parser's events in one loop (no recursion, nothing built) and keeps, for each
    anchor, how many values it stands for once expanded, so that an alias of an alias of an
    alias is counted at its full size: a "billion laughs" stops at its first few aliases.
    """
    depth = added = values = 0
    opened: list[tuple[str | None, int]] = []
    sizes: dict[str | None, int] = {}
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
                raise _TooDeep(event.start_mark)
            opened.append((event.anchor, values))
            values += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, start = opened.pop()
            if anchor is not None:
                sizes[anchor] = values - start


def _measured_documents(path: Path, text: str, limits: Limits) -> list[Any]:
    """Every document of the text, its faults told as if it had been measured first."""
    measured = _measured_first(text)
    if measured:
        _measure(path, text, limits)
    try:
        return _documents(text, limits.max_depth)
    except (yaml.YAMLError, RecursionError):
        if not measured:
            _measure(path, text, limits)
        raise


def _documents(text: str, max_depth: int) -> list[Any]:
    """Every document of the text, built as ``yaml.load_all`` does, refused past ``max_depth``."""
    loader = FactLoader(text, max_depth)
    try:
        documents = []
        while loader.check_data():
            documents.append(loader.get_data())
        return documents
    finally:
        loader.dispose()


def _too_deep(path: Path, mark: _Marked | None, limits: Limits) -> FactFileError:
    return _refused(
        path,
        mark.line + 1 if mark else None,
        f"nested more than {limits.max_depth} levels deep",
        f"flatten the structure, or raise the limit: {limits.raise_with('max_depth')}",
    )


def _too_many_aliases(path: Path, event: yaml.AliasEvent, limits: Limits) -> FactFileError:
    return _refused(
        path,
        event.start_mark.line + 1 if event.start_mark else None,
        f"aliases expand to more than {limits.max_aliases:,} values (here, at *{event.anchor})",
        f"write the values out, or raise the limit: {limits.raise_with('max_aliases')}",
    )


def load_yaml(path: Path, limits: Limits | None = None, root: Path | None = None) -> Any:
    """The one document of a YAML fact file, with lines; errors come located.

    ``limits`` default to those of the environment; ``root`` is as for ``read_text``.
    """
    limits = limits or current_limits(path)
    return parse_yaml(path, read_text(path, limits, root), limits)


def parse_yaml(path: Path, text: str, limits: Limits) -> Any:
    """The one document of a fact file's text (as ``read_text`` gives it), as ``load_yaml``."""
    try:
        documents = _measured_documents(path, text, limits)
    except _TooDeep as error:
        raise _too_deep(path, error.mark, limits) from None
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


class LineMap:
    """The lines of a document's top-level sections, of their entries and the entries' keys.

    What is cited once a file has validated (``claims[3]``, ``findings[1].check``), kept
    instead of the document, which held a dict or a list for every entry and value for as
    long as the run: two arrays of numbers per file, and the keys of its entries, shared.
    """

    __slots__ = ("_keys", "_line", "_lines", "_sections", "_starts")

    def __init__(self, document: Any = None) -> None:
        self._line: int | None = getattr(document, "line", None) or None
        self._sections: dict[Any, tuple[int, int, int]] = {}  # its line, first entry, entries
        starts: list[int] = []  # where each entry's lines begin in ``lines``
        keys: list[tuple[Any, ...]] = []  # each entry's keys in order; () for no mapping
        lines: list[int] = []  # each entry's line, then its keys' lines
        for name, value in document.items() if isinstance(document, LocatedDict) else ():
            entries = _entries(value)
            self._sections[name] = (document.key_lines[name], len(starts), len(entries))
            for entry, line in entries:
                starts.append(len(lines))
                lines.append(line)
                written = _shared(tuple(entry) if isinstance(entry, LocatedDict) else ())
                keys.append(written)
                lines.extend(entry.key_lines[key] for key in written)
        self._starts, self._keys, self._lines = array("I", starts), tuple(keys), array("I", lines)

    def line(self, section: Any, index: int, key: Any = None) -> int | None:
        """The line of an entry's key, else of the entry, else of the section, else of the file.

        As ``line_of(document, (section, index, key))``, for the sections that are lists.
        """
        found = self._sections.get(section)
        if found is None:
            return self._line
        line, first, count = found
        if not 0 <= index < count:
            return line
        start, keys = self._starts[first + index], self._keys[first + index]
        if key is not None and key in keys:
            return self._lines[start + 1 + keys.index(key)]
        return self._lines[start]

    def count(self, section: Any) -> int:
        """The entries of a section that is a list; 0 for any other, or none."""
        found = self._sections.get(section)
        return found[2] if found else 0


def _entries(section: Any) -> list[tuple[Any, int]]:
    """A section's entries with their lines: none unless it is a list."""
    if not isinstance(section, LocatedList):
        return []
    return list(zip(section, section.item_lines, strict=True))


@functools.lru_cache(maxsize=4096)
def _shared(keys: tuple[Any, ...]) -> tuple[Any, ...]:
    """One tuple for all the entries, in every file, whose keys are these, in this order."""
    return keys
