"""``factsuite check --format github``: failures as GitHub Actions workflow commands.

Each failing check becomes ``::error file=<claims.yaml>,line=<n>,title=<check>::<conclusion>``,
an annotation on that line of the pull request's diff.  GitHub reads ``%``, CR and LF in a
command's message as escapes, and also ``:`` and ``,`` in its properties: they are escaped
as GitHub's runner does (``escapeData`` and ``escapeProperty`` in actions/toolkit).
"""

from __future__ import annotations

_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY = {**_DATA, ":": "%3A", ",": "%2C"}


def _escaped(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(character, character) for character in text)


def workflow_command(
    kind: str, message: str, file: str | None = None, line: int | None = None, title: str = ""
) -> str:
    """One workflow command (``error``, ``warning`` or ``notice``)."""
    properties = {"file": file, "line": None if line is None else str(line), "title": title}
    written = ",".join(
        f"{name}={_escaped(value, _PROPERTY)}" for name, value in properties.items() if value
    )
    return (
        f"::{kind} {written}::{_escaped(message, _DATA)}"
        if written
        else (f"::{kind}::{_escaped(message, _DATA)}")
    )
