"""Populations as comparable things: normalised wording, and an optional vocabulary.

A claim's ``population`` and a series' are free text.  They are compared after
normalising the wording (``data/populations.yaml``: case, articles, tense, a few synonyms).
A reference folder may add ``populations.yaml``: named populations with their wordings and
which is part of which, so that "children who fled Ukraine" can be checked as a part of
"people who fled Ukraine" instead of as a different population.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import Field

from factsuite.files.loading import LocatedError
from factsuite.files.model import Identifier, Strict, Text
from factsuite.files.names import POPULATIONS_FILE as POPULATIONS_FILE

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


@cache
def _wording() -> tuple[frozenset[str], dict[str, str]]:
    text = resources.files("factsuite").joinpath("data/populations.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    synonyms = {
        synonym.casefold(): word.casefold()
        for word, words in raw["words"].items()
        for synonym in words
    }
    return frozenset(word.casefold() for word in raw["ignore"]), synonyms


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """The words that decide what a population is, in a canonical spelling."""
    ignore, synonyms = _wording()
    words = [word for word in _WORD.findall(text.casefold()) if word not in ignore]
    return " ".join(synonyms.get(word, word) for word in words)


class Population(Strict):
    """A named population of reference/populations.yaml."""

    id: Identifier
    label: Text = Field(description="How a series or a claim usually words it.")
    synonyms: list[Text] = Field(default_factory=list, description="Other wordings of it.")
    part_of: list[Identifier] = Field(
        default_factory=list,
        description="Populations that include all of this one: children who fled Ukraine "
        "are part of people who fled Ukraine.",
    )
    notes: Text | None = None


class PopulationsFile(Strict):
    """reference/populations.yaml: a vocabulary of populations, optional."""

    populations: list[Population] = Field(min_length=1)


class Relation(StrEnum):
    """How a claim's population stands to a series' population."""

    SAME = "same"
    PART = "part"
    OTHER = "other"


@dataclass
class Vocabulary:
    """Named populations by their normalised wordings, and the part-of links between them."""

    populations: dict[str, Population] = field(default_factory=dict)
    by_wording: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, file: PopulationsFile) -> Vocabulary:
        vocabulary = cls({population.id: population for population in file.populations})
        for population in file.populations:
            wordings = (population.id.replace("-", " "), population.label, *population.synonyms)
            for wording in wordings:
                vocabulary.by_wording.setdefault(normalise(wording), population.id)
        return vocabulary

    def resolve(self, wording: str) -> str | None:
        """The id of the named population this wording names, if any."""
        return self.by_wording.get(normalise(wording))

    def wholes(self, population_id: str) -> set[str]:
        """Every population this one is part of, through any chain of part_of links."""
        found: set[str] = set()
        waiting = list(self.populations[population_id].part_of)
        while waiting:
            whole = waiting.pop()
            if whole not in found and whole in self.populations:
                found.add(whole)
                waiting.extend(self.populations[whole].part_of)
        return found

    def errors(self, path: Path) -> list[LocatedError]:
        """part_of links to populations the file does not name."""
        return [
            LocatedError(
                path,
                None,
                f"populations ({population.id}).part_of",
                f"no population is named {whole!r}",
                "name an id of this file",
            )
            for population in self.populations.values()
            for whole in population.part_of
            if whole not in self.populations
        ]


def relate(claimed: str, series: str, vocabulary: Vocabulary | None) -> Relation:
    """Whether a claim counts the series' population, a known part of it, or another."""
    if normalise(claimed) == normalise(series):
        return Relation.SAME
    if vocabulary is None:
        return Relation.OTHER
    part, whole = vocabulary.resolve(claimed), vocabulary.resolve(series)
    if part is None or whole is None:
        return Relation.OTHER
    if part == whole:
        return Relation.SAME
    return Relation.PART if whole in vocabulary.wholes(part) else Relation.OTHER
