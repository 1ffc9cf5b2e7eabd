"""``factsuite check`` for archives and CI: quiet by default, JSON for scripts, GitHub
annotations, a baseline that shows only new failures, ``--version``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsuite import __version__
from factsuite.checking.chunks import ArticleVerdicts
from factsuite.commands.check_output import CheckRun, stdout_console
from factsuite.commands.cli import main, parser
from factsuite.reports.github import workflow_command
from tests.test_cli import SCHEMAS, SEED_NAME, copy_of_seed, mutate_children

VERDICTS_SCHEMA = json.loads((SCHEMAS / "verdicts.schema.json").read_text("utf-8"))


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "-j", "1", *arguments])
    return code, capsys.readouterr().out


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three copies of the seed under ``tmp_path/facts``; the second has a wrong figure."""
    monkeypatch.chdir(tmp_path)
    for index in range(3):
        folder = copy_of_seed(tmp_path, f"{SEED_NAME}-{index}")
    (tmp_path / "facts" / f"{SEED_NAME}-1").rename(tmp_path / "facts" / "wrong")
    mutate_children(tmp_path / "facts" / "wrong")
    return folder.parent


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"factsuite {__version__}"


def test_text_lists_failing_articles_and_ends_with_the_summary(
    capsys: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out = run(capsys, "facts")
    assert code == 1
    lines = out.rstrip().split("\n")
    assert lines[-1].startswith("3 articles: ")
    assert "3 failed" in lines[-1]
    assert lines[-3:-1] == ["1 failing articles:", "  facts/wrong  (3 failed)"]
    assert "facts/wrong/claims.yaml:" in out
    assert "children-within-refugees failed" in out
    # the seed copies have recorded findings, so they are listed; -q lists none of them
    code, quiet = run(capsys, "-q", "facts")
    assert f"{SEED_NAME}-0/claims.yaml: 15 claims" not in quiet
    assert quiet.rstrip().split("\n")[-1] == lines[-1]


def test_articles_without_failures_or_findings_print_nothing_unless_verbose(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def printed(*options: str) -> str:
        arguments = parser().parse_args(["check", *options, "facts"])
        output = CheckRun(arguments, None, stdout_console())
        output.article(ArticleVerdicts(Path("facts/clean/claims.yaml"), 3, 10, []))
        assert output.finish(1) == 0
        return capsys.readouterr().out

    assert printed() == "1 article: 10 passed, 0 failed, 0 recorded findings\n"
    assert printed("-v") == (
        "facts/clean/claims.yaml: 3 claims read, 10 checks passed, 0 failed, 0 recorded findings\n"
        "1 article: 10 passed, 0 failed, 0 recorded findings\n"
    )


def test_no_progress_bar_off_a_terminal(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    capsys.readouterr()
    main(["check", "-j", "1", "facts"])
    assert capsys.readouterr().err == ""


def test_colour_follows_force_color_and_no_color(
    capsys: pytest.CaptureFixture[str], archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, out = run(capsys, "-q", "facts")
    assert "\x1b[" in out
    assert "31m" in out  # red
    monkeypatch.setenv("NO_COLOR", "1")
    _, out = run(capsys, "-q", "facts")
    assert "31m" not in out  # bold stays: NO_COLOR asks for no colour


def verdicts_of(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, Any]:
    code, out = run(capsys, "--format", "json", *arguments)
    data = json.loads(out)
    jsonschema.validate(data, VERDICTS_SCHEMA)
    return code, data


def test_json_holds_every_article_and_every_check_that_did_not_pass(
    capsys: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, data = verdicts_of(capsys, "facts")
    assert code == 1
    assert data["schema"] == "factsuite-verdicts"
    assert data["version"] == 1
    assert len(data["articles"]) == 3
    assert data["summary"]["failing_articles"] == ["facts/wrong/claims.yaml"]
    wrong = next(a for a in data["articles"] if a["claims_file"] == "facts/wrong/claims.yaml")
    failing = {check["check"]: check for check in wrong["checks"] if check["failing"]}
    assert set(failing) == {
        "children-within-refugees",
        "share-holds-children",
        "record[children-refugees]",
    }
    check = failing["children-within-refugees"]
    assert check["rule"] == "part_of"
    assert check["status"] == "failed"
    assert check["line"] > 1
    assert check["fingerprint"]
    assert check["text"].startswith("facts/wrong")
    assert "4,500,000" in check["conclusion"]
    assert "\n" not in check["conclusion"]
    assert wrong["counts"]["failed"] == 3
    assert wrong["counts"]["findings"] == 2


def test_a_baseline_shows_only_new_failures(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    _, saved = run(capsys, "--format", "json", "facts")
    baseline = tmp_path / "verdicts.json"
    baseline.write_text(saved, "utf-8")
    code, out = run(capsys, "--baseline", str(baseline), "facts")
    assert code == 0
    assert "children-within-refugees" not in out
    assert "baseline: 3 known failures not shown, 0 new" in out
    mutate_children(archive / f"{SEED_NAME}-2")  # a pull request breaks another article
    code, data = verdicts_of(capsys, "--baseline", str(baseline), "facts")
    assert code == 1
    assert data["summary"]["new_failures"] == 3
    assert data["summary"]["failures"] == 6
    assert data["summary"]["failing_articles"] == [f"facts/{SEED_NAME}-2/claims.yaml"]


def test_a_changed_failure_of_a_known_check_is_new(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    _, saved = run(capsys, "--format", "json", "facts/wrong")
    baseline = tmp_path / "verdicts.json"
    baseline.write_text(saved, "utf-8")
    for name in ("article.txt", "claims.yaml"):
        path = archive / "wrong" / name
        path.write_text(path.read_text("utf-8").replace("4.5 million", "4.6 million"), "utf-8")
    code, out = run(capsys, "--baseline", str(baseline), "facts/wrong")
    assert code == 1
    assert "children-within-refugees failed" in out


def test_an_unreadable_baseline_is_an_error(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    (tmp_path / "bad.json").write_text("{}", "utf-8")
    capsys.readouterr()
    assert main(["check", "--baseline", str(tmp_path / "bad.json"), "facts"]) == 2
    assert "not a verdicts file written by factsuite check --format json" in capsys.readouterr().err


def test_github_annotates_the_claims_lines(
    capsys: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out = run(capsys, "--format", "github", "facts")
    assert code == 1
    errors = [line for line in out.split("\n") if line.startswith("::error ")]
    assert len(errors) == 3
    assert all(line.startswith("::error file=facts/wrong/claims.yaml,line=") for line in errors)
    assert any(
        ",title=children-within-refugees failed::[part_within_whole] A part cannot be larger "
        "than its whole. The part is at least 4,500,000, but the whole is at most 4,000,000."
        in line
        for line in errors
    )


def test_github_escapes_what_the_runner_reads() -> None:
    command = workflow_command("error", "50% of\r\nit", "a,b:c.yaml", 3, "x, y: z")
    assert command == "::error file=a%2Cb%3Ac.yaml,line=3,title=x%2C y%3A z::50%25 of%0D%0Ait"


def test_a_progress_bar_on_a_terminal_and_none_with_q(
    capsys: pytest.CaptureFixture[str], archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then takes standard error for a terminal
    capsys.readouterr()
    main(["check", "-j", "1", "facts"])
    assert "articles" in capsys.readouterr().err
    main(["check", "-j", "1", "-q", "facts"])
    assert capsys.readouterr().err == ""


@given(st.text())
def test_github_messages_stay_on_one_line_and_read_back(message: str) -> None:
    command = workflow_command("error", message, "a.yaml", 1, message)
    assert "\n" not in command
    assert "\r" not in command
    written = command.split("::", 2)[2]
    for escape, character in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        written = written.replace(escape, character)
    assert written == message


# -- standard output holds only the format's output ----------------------------------------


def broken_article(root: Path) -> None:
    """A folder whose claims.yaml does not validate, beside the good ones."""
    folder = root / "facts" / "broken"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Nothing.\n", "utf-8")
    (folder / "claims.yaml").write_text("claims:\n  - id: x\n\tquote: y\n", "utf-8")


@pytest.mark.parametrize(
    ("case", "arguments", "code"),
    [
        ("archive", ["facts"], 1),
        ("a broken article", ["facts"], 1),
        ("no articles", ["empty"], 2),
        ("no such folder", ["missing"], 2),
        ("an unreadable baseline", ["--baseline", "bad.json", "facts"], 2),
    ],
)
def test_json_output_always_parses(
    capsys: pytest.CaptureFixture[str],
    archive: Path,
    tmp_path: Path,
    case: str,
    arguments: list[str],
    code: int,
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("no article here\n", "utf-8")
    (tmp_path / "bad.json").write_text("{}", "utf-8")
    if case == "a broken article":
        broken_article(tmp_path)
    capsys.readouterr()
    assert main(["check", "-j", "1", "--format", "json", *arguments]) == code
    out, err = capsys.readouterr()
    data = json.loads(out)
    jsonschema.validate(data, VERDICTS_SCHEMA)
    if code == 2:  # why nothing was checked: in the document, and for a person on stderr
        (error,) = data["errors"]
        assert error in err
        assert data["summary"]["articles"] == 0
    else:
        assert data["errors"] == []
        assert err == ""
    if case == "a broken article":
        (broken,) = [a for a in data["articles"] if a["claims_file"] == "facts/broken/claims.yaml"]
        assert [c["check"] for c in broken["checks"] if c["failing"]] == ["schema"]


@pytest.mark.parametrize("arguments", [["facts"], ["empty"], ["--baseline", "base.json", "facts"]])
def test_github_output_holds_only_workflow_commands(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path, arguments: list[str]
) -> None:
    (tmp_path / "empty").mkdir()
    _, saved = run(capsys, "--format", "json", "facts")
    (tmp_path / "base.json").write_text(saved, "utf-8")
    capsys.readouterr()
    main(["check", "-j", "1", "--format", "github", *arguments])
    out, err = capsys.readouterr()
    assert all(line.startswith("::error ") for line in out.splitlines()), out
    assert err.strip()  # the summary, the baseline's count or why nothing was checked


# -- a baseline names claims files from the project's root, not as written -----------------


def test_a_baseline_holds_wherever_the_run_starts(
    capsys: pytest.CaptureFixture[str],
    archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, saved = run(capsys, "--format", "json", "facts")
    (wrong,) = [a for a in json.loads(saved)["articles"] if "wrong" in a["claims_file"]]
    assert wrong["claims_key"] == "facts/wrong/claims.yaml"
    baseline = tmp_path / "verdicts.json"
    baseline.write_text(saved, "utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    runs = [
        (tmp_path, "./facts"),
        (tmp_path, str(archive)),  # an absolute path
        (archive, "."),  # from inside facts/
        (archive, "wrong"),  # one article, from inside facts/
        (elsewhere, str(Path("..") / tmp_path.name / "facts")),  # another folder
    ]
    for folder, path in runs:
        monkeypatch.chdir(folder)
        code, data = verdicts_of(capsys, "--baseline", str(baseline), path)
        assert (code, data["summary"]["new_failures"]) == (0, 0), (folder, path)
        assert data["summary"]["failures"] == 3
    mutate_children(archive / f"{SEED_NAME}-2")  # and a new failure is still new
    monkeypatch.chdir(archive)
    code, data = verdicts_of(capsys, "--baseline", str(baseline), ".")
    assert (code, data["summary"]["new_failures"]) == (1, 3)
