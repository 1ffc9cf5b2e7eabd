"""Loading a fact file in one pass, and what an article keeps of it (see factsuite.files.loading).

An ordinary file is parsed once, its nesting counted as it is built; only a text that holds
an alias, a tag or a merge key, or a large one, is measured first.  Either way a file must
load, or be refused, exactly as if it had been measured first.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factsuite.files import loading
from factsuite.files.article import load_article
from factsuite.files.loading import (
    MEASURED_FIRST_SIZE,
    FactFileError,
    Limits,
    LineMap,
    LocatedDict,
    LocatedList,
    line_of,
    load_yaml,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
SEED_CLAIMS = (SEED / "claims.yaml").read_text("utf-8")

NESTED_60 = "- " + "[" * 60 + "]" * 60 + "\n"
HOSTILE = {
    "100,000 brackets": "claims: " + "[" * 100_000 + "\n",
    "100,000 brackets closed": "claims: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "1 MB of '- '": "- " * 499_000 + "x\n",
    "999 nested mappings": "".join(" " * level + "a:\n" for level in range(999)),
    "500 nested lists": "claims:\n" + "".join("  " * level + "-\n" for level in range(500)),
    "60 levels in a claim": SEED_CLAIMS.replace(
        "    unit: months\n", "    unit: months\n    notes: " + "[" * 60 + "]" * 60 + "\n"
    ),
    "a key twice, then 60 levels": SEED_CLAIMS.replace(
        "    unit: months\n", "    unit: months\n    unit: days\n", 1
    )
    + "more: "
    + "[" * 60
    + "]" * 60
    + "\n",
    "60 levels, then bad syntax": "claims:\n" + NESTED_60 + "- [unclosed\n",
}
"""Texts without an alias, a tag or a merge key, each over a limit of nesting."""


def outcome(path: Path, limits: Limits | None = None) -> Any:
    """The document with every line it records, or the text of the error."""
    try:
        return with_lines(load_yaml(path, limits))
    except FactFileError as error:
        return str(error)


def with_lines(data: Any) -> Any:
    if isinstance(data, LocatedDict):
        values = {key: with_lines(value) for key, value in data.items()}
        return ("mapping", data.line, data.key_lines, values)
    if isinstance(data, LocatedList):
        return ("list", data.line, data.item_lines, [with_lines(item) for item in data])
    return data


def measured_first(monkeypatch: pytest.MonkeyPatch, first: bool) -> None:
    monkeypatch.setattr(loading, "_measured_first", lambda text: first)


# -- one pass --------------------------------------------------------------------------------


def test_an_ordinary_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[str] = []
    monkeypatch.setattr(loading, "_measure", lambda path, text, limits: measured.append(text))
    path = tmp_path / "claims.yaml"
    path.write_text(SEED_CLAIMS, "utf-8")
    load_yaml(path)
    assert measured == []

    tails = ["# *alias\n", "# !!tag\n", "# <<: merge\n", "#" * MEASURED_FIRST_SIZE + "\n"]
    for tail in tails:
        path.write_text(SEED_CLAIMS + tail, "utf-8")
        load_yaml(path)
    assert measured == [SEED_CLAIMS + tail for tail in tails]


_YAML_PIECES = [
    *"*!&-:?[]{},#'\"| \n\t\ufeff\u00a0\u2028",
    "a", "b1", "x-", "%", "<<", "!!str ", "!!omap", "!t ", "&a ", "*a", "--- ", "...",
]  # fmt: skip


def _events_until_error(text: str) -> list[yaml.Event]:
    """The events the parser gives before it stops at an error, if it does."""
    events: list[yaml.Event] = []
    parsed = yaml.parse(text, Loader=loading.FactLoader)
    while True:
        try:
            events.append(next(parsed))
        except (StopIteration, yaml.YAMLError):
            return events


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=14).map("".join))
@example("[a,*b]")  # each found to be an alias or a tag by libyaml 0.2.5
@example("[?*a]")
@example("\ufeff*a")
@example("a: [1,!t b]")
@example("x: &x 1\ny:\n- *x")
def test_every_text_with_an_alias_or_a_tag_is_measured_first(text: str) -> None:
    """The parser's own events decide (#18): a text is only left unmeasured when no event
    it gives, up to any error, is an alias or carries a tag."""
    events = _events_until_error(text)
    if any(
        isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) is not None
        for event in events
    ):
        assert loading._measured_first(text), text


def test_a_star_or_a_bang_inside_a_scalar_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An event glob (``committee-*``) or "up 5%!" is text: the file is not parsed twice."""
    measured: list[str] = []
    monkeypatch.setattr(loading, "_measure", lambda path, text, limits: measured.append(text))
    path = tmp_path / "claims.yaml"
    path.write_text(SEED_CLAIMS + "# events: emergency-committee-*, up 5%!\n", "utf-8")
    load_yaml(path)
    assert measured == []


@pytest.mark.parametrize("max_depth", [50, 100_000])
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_nesting_is_refused_as_if_measured_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, max_depth: int
) -> None:
    """No crash, a located error, and the same one with or without the pre-scan."""
    path = tmp_path / "claims.yaml"
    path.write_text(HOSTILE[name], "utf-8")
    limits = Limits(max_depth=max_depth)
    found = {}
    for first in (False, True):
        measured_first(monkeypatch, first)
        found[first] = outcome(path, limits)
    assert found[False] == found[True]
    if max_depth == 50:
        assert isinstance(found[True], str), "the file is refused"
        assert found[True].startswith(f"{path}:")  # with its line
        assert "nest" in found[True]


def test_faults_are_told_in_the_order_of_a_pre_scan(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(HOSTILE["a key twice, then 60 levels"], "utf-8")
    assert "nested more than 50 levels deep" in outcome(path)
    path.write_text(HOSTILE["60 levels, then bad syntax"], "utf-8")
    assert outcome(path).startswith(f"{path}:2: nested more than 50 levels deep")


def test_a_large_deep_file_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1 MB nested 60 deep on every line: composing it all first would take seconds, so the
    refusal must come from the first line's events, before any node is built."""
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n" + NESTED_60 * (999_000 // len(NESTED_60)), "utf-8")
    events_read = 0
    parse = yaml.parse

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal events_read
        for event in parse(*args, **kwargs):
            events_read += 1
            yield event

    nodes_built: list[object] = []
    deeper = loading._deeper
    monkeypatch.setattr(yaml, "parse", counted)
    monkeypatch.setattr(loading, "_deeper", lambda *args: nodes_built.append(deeper(*args)))
    assert outcome(path).startswith(f"{path}:2: nested more than 50 levels deep")
    assert events_read < 100  # of about 2 million in the file
    assert nodes_built == []


def mutated(text: str, rng: random.Random) -> str:
    """The text with a few insertions of YAML's punctuation, cuts and repeated lines."""
    marks = ["[", "]", "{", "}", "- ", ": ", "\n", "  ", "&a ", "? ", ",", '"', "'", "#", "---\n"]
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.6:
            text = text[:at] + rng.choice(marks) + text[at:]
        elif choice < 0.8:
            text = text[:at] + text[at + rng.randint(1, 40) :]
        else:
            lines = text.split("\n")
            lines.insert(rng.randrange(len(lines)), rng.choice(lines))
            text = "\n".join(lines)
    return text


def test_a_file_loads_as_if_measured_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents, lines and errors alike, on the seed broken in many ways."""
    rng = random.Random(20220322)
    path = tmp_path / "claims.yaml"
    for _ in range(150):
        path.write_text(mutated(SEED_CLAIMS, rng), "utf-8")
        found = {}
        for first in (False, True):
            measured_first(monkeypatch, first)
            found[first] = outcome(path)
        assert found[False] == found[True], path.read_text("utf-8")


# -- what an article keeps -------------------------------------------------------------------


def locations(document: Any) -> list[tuple[Any, int, Any]]:
    """Every (section, index, key) of a document, and some that it does not have."""
    found: list[tuple[Any, int, Any]] = [("nowhere", 0, None), ("nowhere", 0, "id")]
    for section, value in document.items() if isinstance(document, dict) else ():
        entries = value if isinstance(value, list) else []
        for index in [*range(len(entries) + 1), -1]:
            entry = entries[index] if 0 <= index < len(entries) else None
            keys = list(entry) if isinstance(entry, dict) else []
            found += [(section, index, key) for key in [None, "id", "no-such-key", *keys]]
    return found


@pytest.mark.parametrize(
    "text",
    [
        SEED_CLAIMS,
        "claims: text\n",
        "claims:\n",
        "claims: [text, {id: a, unit: people}, [1, 2]]\nrelations: []\n",
        "- claims: []\n",
        "just text\n",
    ],
    ids=["seed", "text", "null", "mixed", "list-document", "text-document"],
)
def test_the_line_map_answers_as_the_document(tmp_path: Path, text: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text, "utf-8")
    document = load_yaml(path)
    lines = LineMap(document)
    for section, index, key in locations(document):
        location = (section, index) if key is None else (section, index, key)
        if index >= 0:
            assert lines.line(section, index, key) == line_of(document, location), location
    claims = document.get("claims") if isinstance(document, dict) else None
    assert lines.count("claims") == (len(claims) if isinstance(claims, list) else 0)
    assert LineMap(None).line("claims", 0) is None


def test_an_article_keeps_lines_not_the_document(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))
    article = load_article(folder)
    assert article.is_valid
    kept = vars(article).values()
    assert not [value for value in kept if isinstance(value, LocatedDict | LocatedList)]
    document = load_yaml(folder / "claims.yaml")
    for index, claim in enumerate(document["claims"]):
        assert article.line("claims", index) == document["claims"].item_lines[index]
        assert article.line("claims", index, "id") == claim.key_lines["id"]
        assert article.claim_line(claim["id"]) == document["claims"].item_lines[index]
    assert article.claim_count == len(document["claims"])


def test_an_invalid_file_still_counts_its_claims(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))
    (folder / "claims.yaml").write_text("claims:\n  - id: a\n  - id: b\n  - wibble\n", "utf-8")
    article = load_article(folder)
    assert article.claims is None
    assert article.errors
    assert article.claim_count == 3
    assert article.line("claims", 1, "id") == 3


def test_a_file_too_deep_for_the_stack_is_told_the_limit_it_breaks_further_on(
    tmp_path: Path,
) -> None:
    """As a pre-scan would: the nesting over the limit, not the stack that gave out first."""
    path = tmp_path / "claims.yaml"
    deep = "[" * 500 + "]" * 500
    path.write_text(f"claims: {deep}\nmore: {'[' * 900}{']' * 900}\n", "utf-8")
    found = outcome(path, Limits(max_depth=600))
    assert found.startswith(f"{path}:2: nested more than 600 levels deep")
