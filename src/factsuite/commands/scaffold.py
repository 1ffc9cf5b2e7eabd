"""``factsuite new``: an article folder from raw text, with one draft claim per mention.

Adding an article should take minutes: the scaffold copies the text verbatim, writes its
metadata, and drafts a claim for every mention ``find_mentions`` sees, with a quote the
grounding check accepts, so that a person only fills in what is measured and of whom, checks
the draft and marks it reviewed.  Existing files are never overwritten.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from factsuite.commands.draft_time import Field, draft_dated, draft_tense
from factsuite.commands.draft_unit import draft_unit
from factsuite.commands.sentences import looks_like_headline, own_clause, sentence
from factsuite.commands.suggestion_types import Suggestion
from factsuite.commands.suggestions import suggest_relations
from factsuite.files.names import CLAIMS_FILE, META_FILE, TEXT_FILE
from factsuite.meaning.dates import DateError, describe, parse_date
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.lexicon import Kind, load_lexicon
from factsuite.meaning.mentions import DATE_KINDS, Mention, find_mentions

TODO_MEASURE = "TODO: what is measured"
TODO_POPULATION = "TODO: of whom"
MIN_CLAUSE_WORDS = 4
# fmt: off
STOPWORDS = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "as", "its", "their", "his", "her", "them", "they", "it", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would", "that", "this", "which", "who", "said",
    "says", "late", "early",
])
# fmt: on


@dataclass(frozen=True)
class Draft:
    """One draft claim: a mention, where it is quoted, and what the reviewer should know."""

    id: str
    mention: Mention
    quote: str
    qualifier: str
    as_of: date | None = None
    as_of_note: str = ""
    note: str = ""
    tense: Field | None = None
    dated: Field | None = None
    unit: Field | None = None
    """The unit the words ask for when it is not the mention's ("up 9 percent" is a
    ``percent_change``), with the reason."""

    @property
    def unit_name(self) -> str:
        return self.unit.value if self.unit is not None else self.mention.unit


def _clause(text: str, mention: Mention) -> tuple[int, int]:
    """The clause around a mention, or its sentence when the clause is only a few words."""
    clause_start, clause_end = own_clause(text, mention)
    if len(text[clause_start:clause_end].split()) < MIN_CLAUSE_WORDS:
        return sentence(text, mention)
    return clause_start, clause_end


def _trimmed(text: str, start: int, end: int, mention: Mention) -> tuple[int, int]:
    """Drop the spaces and punctuation at a quote's ends, never into the mention."""
    ends = " \t\r.,;:"
    while start < mention.start and text[start] in ends:
        start += 1
    while end > mention.end and text[end - 1] in ends:
        end -= 1
    return start, end


def _quote(text: str, mention: Mention) -> tuple[str, str, str]:
    """A verbatim quote and qualifier that the grounding check accepts, and a note if need be.

    The clause first; from the figure on when the clause shows the value earlier or a hedge
    that is not the figure's ("more than last year"); with no qualifier when grounding cannot
    see it ("more than £85 million": the currency sign stands between).
    """
    start, end = _trimmed(text, *_clause(text, mention), mention)
    tries = [
        (text[start:end], mention.qualifier),
        (text[mention.start : end], mention.qualifier),
        (text[start:end], ""),
    ]
    if mention.kind == "vague_count" and mention.qualifier:
        # "more than several": the schema reads a vague count with no qualifier
        note = (
            f'the text says "{mention.text}", but a vague count takes no qualifier: '
            "qualifier left empty; move it to ignored if it cannot be checked"
        )
        return text[start:end], "", note
    for quote, qualifier in tries:
        if not figure_problem(quote, mention.value, qualifier, mention.unit):
            note = ""
            if qualifier != mention.qualifier:
                note = (
                    f'the text says "{mention.text}", but the grounding check reads no '
                    f'qualifier before "{mention.value}": qualifier left empty'
                )
            return quote, qualifier, note
    return tries[0][0], mention.qualifier, ""


def _as_of(mention: Mention, published: date, future: bool) -> tuple[date | None, str]:
    """The first day a date names and what it is, or publication and a TODO if unreadable.

    A date the text looks ahead to is read forwards ("30 April" in March is this April)."""
    if mention.kind not in DATE_KINDS:
        return None, ""
    try:
        span = parse_date(mention.value, published, future)
    except DateError as error:
        return published, f"TODO: set as_of; {error}"
    note = describe(span.first)
    if span.first != span.last:
        note = f"any day from {span} fits: set the day the text means"
    if span.first > published and not future:
        note += "; after publication, and the suite checks past dates only"
    return span.first, note


def _slug(words: list[str]) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")


def _context_words(text: str, mention: Mention) -> list[str]:
    """Two content words of the figure's own clause: after a figure ("people"), before a date
    ("said").  Never from the next clause: "rose 5%; wages fell" is no "5-wages-fell"."""
    start, end = own_clause(text, mention)
    after = _content_words(text[mention.end : end])[:2]
    before = _content_words(text[start : mention.start])[-2:]
    if mention.kind in DATE_KINDS:
        return before or after
    return after or before


def _content_words(text: str) -> list[str]:
    return [word for word in re.findall(r"[A-Za-z]+", text) if word.lower() not in STOPWORDS]


def _unique(base: str, taken: set[str]) -> str:
    base = base[:60].strip("-") or "mention"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def draft_claims(text: str, mentions: list[Mention], published: date) -> list[Draft]:
    """One draft per mention, with an id made of its value and the words around it."""
    taken: set[str] = set()
    drafts = []
    for mention in mentions:
        quote, qualifier, note = _quote(text, mention)
        tense = draft_tense(text, mention, published, quote)
        as_of, as_of_note = _as_of(mention, published, tense is not None)
        slug = _slug([mention.value, *_context_words(text, mention)])
        drafts.append(
            Draft(
                _unique(slug, taken),
                mention,
                quote,
                qualifier,
                as_of,
                as_of_note,
                note,
                tense,
                draft_dated(text, mention, mentions),
                draft_unit(text, mention),
            )
        )
    return drafts


YAML_BREAKS = re.compile("[\x85\u2028\u2029]")


def _comment(text: str) -> str:
    """Text for a YAML comment: a line break (of any kind) would end the comment."""
    return " ".join(YAML_BREAKS.sub(" ", text).split())


def _scalar(value: object) -> str:
    """One YAML scalar or flow list, quoted only where YAML needs it.

    Text holding a character that YAML reads as a line break (NEL, U+2028, U+2029) is
    written double-quoted, escaped: PyYAML would put it raw in single quotes, where it reads
    back as a space and the quote no longer matches the article.
    """
    style = '"' if isinstance(value, str) and YAML_BREAKS.search(value) else None
    dumped = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=10**6, default_style=style
    )
    return dumped.removesuffix("\n...\n").strip()


def headline_of(text: str) -> str | None:
    """The first line when it reads as a headline (short, no full stop) and a body follows."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if len(lines) > 1 and looks_like_headline(lines[0]) else None


def meta_yaml(text: str, published: date, url: str | None, outlet: str | None) -> str:
    return "\n".join(
        [
            "# Where the article comes from.  Unknown is said with null, never guessed.",
            "# Written by `factsuite new`: check the headline (null when the text has none).",
            f"headline: {_scalar(headline_of(text))}",
            f"published: {published.isoformat()}",
            f"outlet: {_scalar(outlet)}",
            f"url: {_scalar(url)}",
            "language: en",
            "",
        ]
    )


def _claim_lines(draft: Draft) -> list[str]:
    mention = draft.mention
    unit_kind = load_lexicon().units[draft.unit_name].kind
    lines = [f"  # {draft.note}"] if draft.note else []
    lines += [
        f"  - id: {draft.id}",
        f"    quote: {_scalar(draft.quote)}",
        f"    value: {_scalar(mention.value)}",
    ]
    if draft.qualifier:
        lines.append(f"    qualifier: {_scalar(draft.qualifier)}")
    guessed = mention.kind in ("count", "vague_count")
    guess = "  # a guess from the words after the figure" if guessed else ""
    if draft.unit is not None:
        guess = f"  # {_comment(draft.unit.reason)}"
    lines += [f"    unit: {draft.unit_name}{guess}", f"    measure: {_scalar(TODO_MEASURE)}"]
    if unit_kind in (Kind.COUNT, Kind.SHARE):
        lines.append(f"    population: {_scalar(TODO_POPULATION)}")
    if draft.as_of is not None:
        lines.append(f"    as_of: {draft.as_of.isoformat()}  # {draft.as_of_note}")
    if draft.tense is not None:
        lines.append(f"    tense: {draft.tense.value}  # {_comment(draft.tense.reason)}")
    if draft.dated is not None:
        lines.append(f"    dated: {draft.dated.value}  # {_comment(draft.dated.reason)}")
    lines += ["    status: draft", ""]
    return lines


def _relation_lines(suggestion: Suggestion) -> list[str]:
    lines = [f"  # suggested: {_comment(suggestion.reason)}", f"  - id: {suggestion.id}"]
    lines.append(f"    rule: {suggestion.rule}")
    lines += [f"    {key}: {_scalar(value)}" for key, value in suggestion.fields.items()]
    return [*lines, ""]


def _schema_comment(folder: Path) -> list[str]:
    """Point the YAML language server at schemas/ when the folder sits in a checkout."""
    for parent in folder.resolve().parents:
        schema = parent / "schemas" / "claims.schema.json"
        if schema.is_file():
            relative = Path(os.path.relpath(schema, folder.resolve())).as_posix()
            return [f"# yaml-language-server: $schema={relative}"]
    return []


def claims_yaml(
    folder: Path, text: str, published: date, drafts: list[Draft], suggestions: list[Suggestion]
) -> str:
    headline = headline_of(text)
    title = _scalar(headline) if headline else "the article"
    lines = [
        *_schema_comment(folder),
        f"# Draft claims of {title}",
        f"# (published {published.isoformat()}), written by `factsuite new`: one for each of",
        f"# the {len(drafts)} numeric and temporal mentions of article.txt.",
        "# To review a claim: fill in measure (and population), check value, qualifier, unit",
        "# and as_of, then set status: reviewed.  A mention not worth checking moves to",
        "# `ignored` with a reason.  The relations are suggestions: keep, fix or delete them.",
        "# See docs/scaffold.md.",
        "claims:",
    ]
    for draft in drafts:
        lines += _claim_lines(draft)
    lines.append("relations:" if suggestions else "relations: []")
    for suggestion in suggestions:
        lines += _relation_lines(suggestion)
    lines += ["ignored: []", ""]
    return "\n".join(lines)


def _write_new(path: Path, content: str) -> None:
    with path.open("x", encoding="utf-8", newline="") as file:
        file.write(content)


def _holds(path: Path, text: str) -> bool:
    """The file (not a link) holds exactly this text."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def scaffold(
    folder: Path, text: str, published: date, url: str | None = None, outlet: str | None = None
) -> Path:
    """Write article.txt (verbatim), meta.yaml and a draft claims.yaml into ``folder``.

    An article.txt already there holding this very text is kept: an article dropped into
    ``facts/`` before its claims fails ``schema`` until they are scaffolded from it.  Raises
    FileExistsError when any other of the three files is already there (nothing is
    written), and ValueError when the text has no mention to draft a claim from.
    """
    names = (TEXT_FILE, META_FILE, CLAIMS_FILE)
    existing = [name for name in names if os.path.lexists(folder / name)]  # a dangling link too
    keeps_text = existing == [TEXT_FILE] and _holds(folder / TEXT_FILE, text)
    if existing and not keeps_text:
        raise FileExistsError(f"{folder} already has {', '.join(existing)}: nothing written")
    mentions = find_mentions(text)
    if not mentions:
        raise ValueError("the text has no numeric or temporal mention to draft a claim from")
    drafts = draft_claims(text, mentions, published)
    suggestions = suggest_relations(text, drafts)
    contents = {
        TEXT_FILE: text,
        META_FILE: meta_yaml(text, published, url, outlet),
        CLAIMS_FILE: claims_yaml(folder, text, published, drafts, suggestions),
    }
    if keeps_text:
        del contents[TEXT_FILE]
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for name, content in contents.items():
            _write_new(folder / name, content)
            written.append(folder / name)
    except OSError:
        for path in written:  # all three or none: "nothing written" stays true
            path.unlink()
        raise
    return folder


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from error


def _read_source(source: str) -> str:
    """The text exactly as given: line ends and a byte-order mark are kept."""
    if source == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise ValueError("standard input is closed: give the text with --from FILE")
        return sys.stdin.buffer.read().decode("utf-8")
    with open(source, encoding="utf-8", newline="") as file:
        return file.read()


def _new(arguments: argparse.Namespace) -> int:
    try:
        text = _read_source(arguments.source)
        kept = os.path.isfile(arguments.folder / TEXT_FILE)
        folder = scaffold(
            arguments.folder, text, arguments.published, arguments.url, arguments.outlet
        )
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"factsuite new: {error}", file=sys.stderr)
        return 1
    written = (
        f"{folder / META_FILE} and {CLAIMS_FILE} beside its {TEXT_FILE}"
        if kept
        else f"{folder / TEXT_FILE}, {META_FILE} and {CLAIMS_FILE}"
    )
    print(f"wrote {written}: {len(find_mentions(text))} draft claims to review (docs/scaffold.md)")
    return 0


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``factsuite new FOLDER --from FILE|- --published YYYY-MM-DD``."""
    new = subparsers.add_parser(
        "new", help="scaffold an article folder with a draft claim for every mention"
    )
    new.add_argument("folder", type=Path, help="the article folder to create, e.g. facts/<slug>")
    new.add_argument(
        "--from",
        dest="source",
        default="-",
        metavar="FILE",
        help="the article text; - or nothing reads standard input",
    )
    new.add_argument(
        "--published", required=True, type=_iso_date, metavar="YYYY-MM-DD", help="publication date"
    )
    new.add_argument("--url", default=None, help="the article's address (null when unknown)")
    new.add_argument("--outlet", default=None, help="the publisher (null when unknown)")
    new.set_defaults(run=_new)
