"""Precision and recall of factsuite.meaning.mentions.find_mentions on the hand-labelled articles.

    python scripts/extraction_score.py [tests/labelled] [-v]

A found mention matches a label when their spans overlap and their kinds agree (each label
matches at most once).  Prints a table per article and overall, then each miss and each
false find with -v; exits 1 when recall is below 95 % or precision below 90 %.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from factsuite.meaning.mentions import Mention, find_mentions

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "labelled"
MIN_RECALL = 0.95
MIN_PRECISION = 0.90


@dataclass(frozen=True)
class Label:
    """A mention a person marked, at the place its text was found."""

    start: int
    end: int
    text: str
    kind: str
    value: str
    qualifier: str
    unit: str


@dataclass
class Score:
    """One article's labels, what was found, and which of them met."""

    name: str
    text: str
    published: date
    labels: list[Label]
    found: list[Mention]
    pairs: list[tuple[Label, Mention]] = field(default_factory=list)

    @property
    def misses(self) -> list[Label]:
        matched = {id(label) for label, _ in self.pairs}
        return [label for label in self.labels if id(label) not in matched]

    @property
    def false_finds(self) -> list[Mention]:
        matched = {id(mention) for _, mention in self.pairs}
        return [mention for mention in self.found if id(mention) not in matched]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def precision(scores: list[Score]) -> float:
    return _ratio(sum(len(s.pairs) for s in scores), sum(len(s.found) for s in scores))


def recall(scores: list[Score]) -> float:
    return _ratio(sum(len(s.pairs) for s in scores), sum(len(s.labels) for s in scores))


def read_labels(path: Path) -> tuple[str, date, list[Label]]:
    """The article text, its publication date and its labels, located in text order."""
    data = yaml.safe_load(path.read_text("utf-8"))
    name = path.name.removesuffix(".labels.yaml")
    text = (path.parent / data.get("article", f"{name}.txt")).read_text("utf-8")
    labels, position = [], 0
    for entry in data["mentions"]:
        start = text.find(entry["text"], position)
        if start == -1:
            raise ValueError(
                f"{path}: {entry['text']!r} is not in the text after offset {position}"
            )
        end = start + len(entry["text"])
        fields = {key: str(entry[key]) for key in ("kind", "value", "qualifier", "unit")}
        labels.append(Label(start, end, entry["text"], **fields))
        position = start + 1
    return text, data["published"], labels


def _overlaps(label: Label, mention: Mention) -> bool:
    return label.start < mention.end and mention.start < label.end


def score_file(path: Path) -> Score:
    text, published, labels = read_labels(path)
    score = Score(
        path.name.removesuffix(".labels.yaml"), text, published, labels, find_mentions(text)
    )
    free = list(score.found)
    for label in labels:
        match = next((m for m in free if m.kind == label.kind and _overlaps(label, m)), None)
        if match is not None:
            free.remove(match)
            score.pairs.append((label, match))
    return score


def score_folder(folder: Path = LABELLED) -> list[Score]:
    return [score_file(path) for path in sorted(folder.glob("*.labels.yaml"))]


def _agreement(scores: list[Score], key: str) -> str:
    """How often a matched mention also has the label's value, qualifier or unit."""
    pairs = [pair for s in scores for pair in s.pairs]
    same = sum(getattr(label, key).lower() == getattr(m, key).lower() for label, m in pairs)
    return f"{same}/{len(pairs)}"


def report(scores: list[Score], verbose: bool) -> str:
    lines = [
        f"{'article':<16} {'labels':>6} {'found':>6} {'match':>6} {'precision':>9} {'recall':>7}"
    ]
    for s in [*scores, None]:
        group = scores if s is None else [s]
        name = "overall" if s is None else s.name
        lines.append(
            f"{name:<16} {sum(len(g.labels) for g in group):>6} "
            f"{sum(len(g.found) for g in group):>6} {sum(len(g.pairs) for g in group):>6} "
            f"{precision(group):>9.1%} {recall(group):>7.1%}"
        )
    lines.append(
        "matched mentions with the label's value: "
        f"{_agreement(scores, 'value')}, qualifier: {_agreement(scores, 'qualifier')}, "
        f"unit: {_agreement(scores, 'unit')}"
    )
    if verbose:
        for s in scores:
            lines += [f"{s.name}: missed {m.kind} {m.text!r}" for m in s.misses]
            lines += [f"{s.name}: false {m.kind} {m.text!r}" for m in s.false_finds]
            lines += [
                f"{s.name}: {label.text!r} labelled {label.unit}, found {m.unit}"
                for label, m in s.pairs
                if label.unit != m.unit
            ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=LABELLED)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false finds")
    arguments = parser.parse_args(argv)
    scores = score_folder(arguments.folder)
    print(report(scores, arguments.verbose))
    passed = recall(scores) >= MIN_RECALL and precision(scores) >= MIN_PRECISION
    print(
        f"{'ok' if passed else 'FAILED'}: need recall >= {MIN_RECALL:.0%} "
        f"and precision >= {MIN_PRECISION:.0%}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
