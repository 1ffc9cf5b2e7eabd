"""Reading fact files safely, keeping the line of every key and item.

Only YAML's safe subset is constructed (no tags that build objects, so a fact file never
runs code), with PyYAML's C parser where it is installed.  Every scalar but ``null`` stays
the text it was written as: a figure is kept as written ("3.50", not 3.5), and the model,
not the YAML library, reports "2022-02-30" or ``as_of: 0`` with its field.  A key written
twice is an error rather than PyYAML's silent "last one wins".
"""

from __future__ import annotations

from dataclasses import dataclass
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


def read_text(path: Path) -> str:
    """A fact file's text: UTF-8, a byte-order mark and CRLF line ends accepted."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        message = f"cannot read: {error.strerror}"
        raise FactFileError([LocatedError(path, None, None, message)]) from error
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


def load_yaml(path: Path) -> Any:
    """The one document of a YAML fact file, with lines; errors come located."""
    text = read_text(path)
    try:
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
        raise FactFileError(
            [LocatedError(path, None, None, "nested too deeply", "flatten the file")]
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
    if "tab" in message or at_mark == "\t":
        return "indent with spaces, not tabs"
    if "constructor for the tag" in message:
        return "fact files hold plain data: remove the '!!' tag"
    if "written twice" in message:
        return ""
    return "check the indentation and quoting around this line"


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
