"""What the relation suggestions read (a draft claim) and write (a suggestion), shared by the
modules that find them so each can stay one kind of wording."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from factsuite.meaning.mentions import Mention


class Draft(Protocol):
    """A draft claim as the suggestions read it (``scaffold.Draft``): its id and mention."""

    @property
    def id(self) -> str: ...

    @property
    def mention(self) -> Mention: ...


@dataclass(frozen=True)
class Suggestion:
    """A relation the scaffold suggests, with the reason shown as a comment."""

    id: str
    rule: str
    fields: dict[str, object]
    reason: str
