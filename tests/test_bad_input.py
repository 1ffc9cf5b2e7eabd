"""A catalogue of bad input: each fails the article's `schema` check with a located error.

Every case edits a copy of the seed article, then runs the engine as the plugin and the
command do.  Nothing may raise; the schema outcome names the file, the line and the field,
with a hint where one helps.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.files.article import Article
from factsuite.files.loading import LocatedError
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
REFERENCE = ROOT / "reference"
CLAIMS = "claims.yaml"

# The seed's items: 46 of its own (schema; schema[..] and grounding[..] for its 15 claims;
# calendar[..] for its 5 dates; 8 relations; ignored-mentions; coverage), 15 for the 5 claims
# matched to a reference series (record, population and stale) and event[..] for its 5 dates
# naming an event.  All pass but the 2 with recorded findings.
SEED_ITEMS = 66
SEED_FINDINGS = ["body-matches-headline", "population[refugees-body]"]

Edit = Callable[[Path], None]


def replace(old: str, new: str, file: str = CLAIMS) -> Edit:
    def edit(folder: Path) -> None:
        text = (folder / file).read_text("utf-8")
        assert old in text, f"{old!r} is not in the seed's {file}"
        (folder / file).write_text(text.replace(old, new, 1), "utf-8")

    return edit


def write(text: str, file: str = CLAIMS) -> Edit:
    return lambda folder: (folder / file).write_text(text, "utf-8")


def delete(file: str) -> Edit:
    return lambda folder: (folder / file).unlink()


def line_of(path: Path, text: str) -> int:
    """The number of the one line of ``path`` that holds ``text``."""
    numbers = [n for n, line in enumerate(path.read_text("utf-8").split("\n"), 1) if text in line]
    assert len(numbers) == 1, f"{text!r} is on lines {numbers} of {path}"
    return numbers[0]


def invalid_utf8(folder: Path) -> None:
    path = folder / CLAIMS
    raw = path.read_bytes()
    old = b"measure: duration of the war so far"
    assert old in raw
    path.write_bytes(raw.replace(old, b"measure: duration \xff of the war", 1))


def python_tag(folder: Path) -> None:
    pwned = folder.parent / "pwned"
    replace(
        "    value: a month\n",
        f'    value: !!python/object/apply:os.system ["echo pwned > {pwned}"]\n',
    )(folder)


@dataclass(frozen=True)
class Case:
    edit: Edit
    message: tuple[str, ...]
    line: int | str | None  # a number, or a text that only the wanted line of `file` holds
    field: str | None = None
    hint: str | None = None
    file: str = CLAIMS


CASES = {
    "yaml-syntax-error": Case(
        replace("  - id: refugees-lead\n", "  - id: refugees-lead\n   quote: [which has\n"),
        ("did not find expected '-' indicator",),
        line="   quote: [which has",
        hint="check the indentation and quoting",
    ),
    "tab-indentation": Case(
        replace("    quote: which has so far", "\tquote: which has so far"),
        ("tab",),
        line="\tquote: which has so far",
        hint="indent with spaces, not tabs",
    ),
    "unknown-key": Case(
        replace(
            "    attributed: UNHCR\n    notes: The lead",
            "    attributed: UNHCR\n    wibble: x\n    notes: The lead",
        ),
        ("unknown key 'wibble'",),
        line="    wibble: x",
        field="claims[2] (refugees-lead).wibble",
        hint="expected one of: 'id', 'quote', 'value'",
    ),
    "misspelled-key": Case(
        replace(
            "    qualifier: more than\n", "    qualifer: more than\n"
        ),  # the first: refugees-lead
        ("unknown key 'qualifer'",),
        line="    qualifer: more than",
        field="claims[2] (refugees-lead).qualifer",
        hint="did you mean 'qualifier'?",
    ),
    "unit-is-a-number": Case(
        replace("    unit: months\n", "    unit: 12\n"),
        ("unknown unit '12'",),
        line="    unit: 12",
        field="claims[1] (conflict-almost-a-month).unit",
        hint="expected one of: 'people', ",
    ),
    "claims-is-text": Case(
        write("claims: text\n"),
        ("valid list",),
        line=1,
        field="claims",
    ),
    "duplicate-mapping-key": Case(
        replace(
            "    attributed: UNHCR\n    notes: The lead",
            "    attributed: UNHCR\n    unit: persons\n    notes: The lead",
        ),
        ("key 'unit' is written twice (first on line ",),
        line="    unit: persons",
    ),
    "duplicate-claim-id": Case(
        replace("  - id: several-rounds\n", "  - id: refugees-lead\n"),
        ("id 'refugees-lead' is used more than once",),
        line="  - id: refugees-lead",
        field="claims[2].id",
        hint="give each entry an id of its own",
    ),
    "part-of-a-date": Case(
        replace("    part: children-refugees\n", "    part: invasion-announced\n"),
        ("invasion-announced is a date (unit: date), but part_of adds and compares amounts",),
        line="    part: invasion-announced",
        field="relations[3] (children-within-refugees).part",
        hint="relate dates with before or spans",
    ),
    "sum-of-dates": Case(
        replace(
            "relations:\n",
            "relations:\n  - id: dates-summed\n    rule: sum_of\n    parts:\n"
            "      - peskov-statement-tuesday\n      - zelensky-offer-monday\n"
            "    whole: refugees-lead\n",
        ),
        ("peskov-statement-tuesday is a date (unit: date), but sum_of adds",),
        line="      - peskov-statement-tuesday",
        field="relations[1] (dates-summed).parts[1]",
        hint="relate dates with before or spans",
    ),
    "finding-for-unknown-check": Case(
        replace("  - check: body-matches-headline\n", "  - check: body-matches-headlin\n"),
        ("no check is named 'body-matches-headlin'",),
        line="  - check: body-matches-headlin",
        field="findings[1].check",
        hint="did you mean 'body-matches-headline'",
    ),
    "document-is-a-list": Case(
        write("- claims: []\n"),
        ("the file must be a mapping of keys to values",),
        line=1,
        hint="start with the keys of ClaimsFile: claims, relations, ignored, findings",
    ),
    "empty-claims-file": Case(
        write(""),
        ("holds 0 YAML documents",),
        line=None,
        hint="the file is empty",
    ),
    "two-yaml-documents": Case(
        lambda folder: (folder / CLAIMS).write_text(
            (folder / CLAIMS).read_text("utf-8") + "---\nclaims: []\n", "utf-8"
        ),
        ("holds 2 YAML documents",),
        line=None,
        hint="remove the '---' separators",
    ),
    "missing-article-text": Case(
        delete("article.txt"),
        ("cannot read",),
        line=None,
        file="article.txt",
    ),
    "empty-article-text": Case(
        write("", "article.txt"),
        ("the article text is empty",),
        line=None,
        file="article.txt",
    ),
    "invalid-utf8": Case(
        invalid_utf8,
        ("not valid UTF-8",),
        line=line_of(SEED / CLAIMS, "measure: duration of the war so far"),
        hint="save the file as UTF-8",
    ),
    "impossible-date": Case(
        replace("    as_of: 2022-02-24\n", "    as_of: 2022-02-30\n"),
        ("day value is outside expected range",),
        line="    as_of: 2022-02-30",
        field="claims[7] (invasion-announced).as_of",
    ),
    "python-object-tag": Case(
        python_tag,
        ("could not determine a constructor for the tag", "python/object/apply:os.system"),
        line="!!python/object/apply",
        hint="fact files hold plain data: remove the '!!' tag",
    ),
    "missing-meta": Case(
        delete("meta.yaml"),
        ("cannot read",),
        line=None,
        file="meta.yaml",
    ),
}


def copy_of_seed(tmp_path: Path, name: str = SEED.name) -> Path:
    """A copy of the seed as ``tmp_path/facts/<name>``, with ``tmp_path/reference`` beside
    ``facts/`` (copied once), as in a newsroom's repository."""
    if not (tmp_path / "reference").exists():
        shutil.copytree(REFERENCE, tmp_path / "reference")
    return Path(shutil.copytree(SEED, tmp_path / "facts" / name))


def checked(*folders: Path) -> tuple[list[Article], Evaluation]:
    articles = load_articles(list(folders))
    return articles, evaluate(articles)


def expected_line(case: Case, folder: Path) -> int | None:
    if not isinstance(case.line, str):
        return case.line
    lines = (folder / case.file).read_text("utf-8").split("\n")
    numbers = [number for number, line in enumerate(lines, 1) if case.line in line]
    assert numbers, f"{case.line!r} is in no line of {case.file}"
    return numbers[0]


def matching(errors: list[LocatedError], case: Case, path: Path) -> list[LocatedError]:
    return [error for error in errors if error.path == path and case.message[0] in error.message]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_fails_the_schema_check_with_a_located_error(tmp_path: Path, case: Case) -> None:
    folder = copy_of_seed(tmp_path)
    case.edit(folder)
    line = expected_line(case, folder) if (folder / case.file).exists() else case.line

    (article,), evaluation = checked(folder)  # never raises

    outcomes = evaluation.of(article)
    if (case.field or "").startswith("findings["):  # a bad finding: the rest is still checked
        assert len(outcomes) == SEED_ITEMS
    else:
        assert [outcome.item.name for outcome in outcomes] == ["schema"]
    schema = outcomes[0]
    assert schema.item.name == "schema"
    assert not schema.passed
    assert schema.finding is None

    path = folder / case.file
    errors = article.errors + article.finding_errors
    found = matching(errors, case, path)
    assert found, "\n".join(map(str, errors))
    error = found[0]
    for part in case.message:
        assert part in error.message
    assert error.line == line
    assert error.field == case.field
    if case.hint is None:
        assert error.hint == ""
    else:
        assert case.hint in error.hint

    # The schema check's text is the located error, as the user reads it.
    (text,) = problem_texts(schema)
    where = f"{path}:{line}: " if line else f"{path}: "
    what = f"{case.field}: " if case.field else ""
    assert f"{where}{what}{error.message}" in text
    if case.hint:
        assert f"\n    hint: {error.hint}" in text


def test_the_python_tag_runs_nothing(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    python_tag(folder)
    (article,), _ = checked(folder)
    assert not article.is_valid
    assert not (folder.parent / "pwned").exists()


def test_a_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    CASES["duplicate-mapping-key"].edit(folder)
    lines = (folder / CLAIMS).read_text("utf-8").split("\n")
    start = lines.index("  - id: refugees-lead")
    first = lines.index("    unit: people", start) + 1
    second = lines.index("    unit: persons") + 1
    (article,), _ = checked(folder)
    (error,) = article.errors
    assert error.line == second
    assert f"key 'unit' is written twice (first on line {first}); keep one" in error.message


def test_a_duplicate_claim_id_names_both_entries(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    CASES["duplicate-claim-id"].edit(folder)
    lines = (folder / CLAIMS).read_text("utf-8").split("\n")
    both = [number for number, line in enumerate(lines, 1) if line == "  - id: refugees-lead"]
    (article,), _ = checked(folder)
    assert [(error.line, error.field) for error in article.errors] == [
        (both[0], "claims[2].id"),
        (both[1], "claims[5].id"),
    ]


def test_nan_value_fails_the_claims_schema_check(tmp_path: Path) -> None:
    """`.nan` is a valid string for the file's model; the claim's own schema check fails."""
    folder = copy_of_seed(tmp_path)
    replace("    value: a month\n", "    value: .nan\n")(folder)
    (article,), evaluation = checked(folder)
    assert article.is_valid
    failing = {o.item.name: o for o in evaluation.of(article) if not o.passed and not o.finding}
    claim_schema = failing["schema[conflict-almost-a-month]"]
    assert claim_schema.item.rule == "schema"
    line = line_of(folder / CLAIMS, "  - id: conflict-almost-a-month")
    assert claim_schema.item.line == line  # the claim's line
    (text,) = problem_texts(claim_schema)
    assert text.startswith('[value_readable] The value ".nan" cannot be read in months: ')
    assert f"claims.yaml:{line}" in text
    # The relations that use the claim wait for it rather than fail on their own.
    assert problem_texts(failing["conflict-duration"]) == [
        "[references_readable] A relation cannot be checked.\n"
        "  It cannot be checked until these values can be read: "
        "see schema[conflict-almost-a-month]."
    ]


def test_bom_and_crlf_read_like_the_seed(tmp_path: Path) -> None:
    seed = copy_of_seed(tmp_path, "seed")
    windows = copy_of_seed(tmp_path, "windows")
    for name in ("claims.yaml", "meta.yaml", "article.txt"):
        text = (windows / name).read_text("utf-8")
        (windows / name).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())

    (expected, actual), evaluation = checked(seed, windows)
    assert actual.is_valid, "\n".join(map(str, actual.errors))

    def verdicts(article: Article) -> list[tuple[str, int | None, bool, bool]]:
        return [
            (o.item.name, o.item.line, o.passed, o.finding is not None)
            for o in evaluation.of(article)
        ]

    assert verdicts(actual) == verdicts(expected)
    assert len(verdicts(actual)) == SEED_ITEMS
    assert all(passed or recorded for _, _, passed, recorded in verdicts(actual))


def test_a_broken_article_loses_nothing_of_a_valid_one(tmp_path: Path) -> None:
    broken = copy_of_seed(tmp_path, "broken")
    CASES["yaml-syntax-error"].edit(broken)
    valid = copy_of_seed(tmp_path, "valid")

    (alone,), alone_evaluation = checked(valid)
    (broken_article, valid_article), evaluation = checked(broken, valid)

    assert [o.item.name for o in evaluation.of(broken_article)] == ["schema"]
    outcomes = evaluation.of(valid_article)
    assert len(outcomes) == SEED_ITEMS
    assert all(o.passed for o in outcomes if o.finding is None)
    assert [o.item.name for o in outcomes if not o.passed] == SEED_FINDINGS
    assert [(o.item, o.problems) for o in outcomes] == [
        (o.item, o.problems) for o in alone_evaluation.of(alone)
    ]


# -- bugs this catalogue found, now fixed -------------------------------------------------


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(delete("article.txt"), id="missing-article-text"),
        pytest.param(write("", "article.txt"), id="empty-article-text"),
        pytest.param(delete("meta.yaml"), id="missing-meta"),
    ],
)
def test_a_missing_file_is_the_only_error(tmp_path: Path, edit: Edit) -> None:
    """The findings of a valid claims.yaml are not checked against an invalid article's
    checks, so none of them is also reported as 'no check is named ...'."""
    folder = copy_of_seed(tmp_path)
    edit(folder)
    (article,), _ = checked(folder)
    assert len(article.errors) == 1, "\n".join(map(str, article.errors))
    assert "no check is named" not in article.errors[0].message


def test_a_leading_tab_gets_the_tab_hint(tmp_path: Path) -> None:
    """The parser says 'found character that cannot start any token' (no word 'tab'), but
    the character it stopped at is a tab."""
    folder = copy_of_seed(tmp_path)
    write("claims:\n\t- id: x\n")(folder)
    (article,), _ = checked(folder)
    (error,) = article.errors
    assert error.line == 2
    assert error.hint == "indent with spaces, not tabs"


def test_a_list_document_is_called_a_list(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    write("- claims: []\n")(folder)
    (article,), _ = checked(folder)
    (error,) = article.errors
    assert error.message == "the file must be a mapping of keys to values, but it holds a list"


@pytest.mark.parametrize(
    "written", [pytest.param(".nan", id="nan"), "1:30", pytest.param("3.50", id="3.50")]
)
def test_a_figure_read_as_a_number_is_kept_as_written(tmp_path: Path, written: str) -> None:
    """YAML would read these as numbers (nan, 3.5, and 1.1's base-60 90); the loader keeps
    every scalar but null as the text written."""
    folder = copy_of_seed(tmp_path)
    replace("    value: a month\n", f"    value: {written}\n")(folder)
    (article,), _ = checked(folder)
    assert article.claims is not None
    assert article.claims.claims[0].value == written


@pytest.mark.parametrize("written", ["0", "86400", "20220224"])
def test_a_number_is_not_a_date(tmp_path: Path, written: str) -> None:
    """pydantic's lax parsing read a digit string as a Unix timestamp ('0' was 1970-01-01);
    dates in fact files are written YYYY-MM-DD."""
    folder = copy_of_seed(tmp_path)
    replace("    as_of: 2022-02-24\n", f"    as_of: {written}\n")(folder)
    (article,), evaluation = checked(folder)
    assert [o.item.name for o in evaluation.of(article)] == ["schema"]
    (error,) = article.errors
    assert error.path == folder / CLAIMS
    assert error.line == line_of(folder / CLAIMS, f"    as_of: {written}")
    assert error.field == "claims[7] (invasion-announced).as_of"
    assert error.message == f"'{written}' is not a date: write it as YYYY-MM-DD"
