"""Issue #15: nothing read outside the tree, nothing injected, nothing crashes.

Each test reproduces one way the suite was broken, through the command and the plugin as a
user runs them, and asserts the fixed behaviour: a located failure of the one bad article,
every other article's verdicts kept, and nothing from outside the tree in any output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsuite.checking import contained, engine
from factsuite.checking.contained import evaluate_contained
from factsuite.checking.engine import evaluate, load_articles
from factsuite.checking.explain_helpers import render_bound
from factsuite.commands.cli import main
from factsuite.files.article import discover, load_article
from factsuite.meaning.dates import DateError, parse_date
from factsuite.reports.wording import problem_text

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "2022-03-22-kremlin-talks"
SEED = ROOT / "facts" / SEED_NAME
TOKEN = "ghp_SECRETTOKEN0123456789"
SECRET = "hunter2-the-secret"

pytest_plugins = ["pytester"]


def repository(tmp_path: Path) -> Path:
    """A repository with a token in ``.git/config`` and a secret at its root."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text(f"[remote]\n\turl = https://{TOKEN}@x\n", "utf-8")
    (repo / "secret.txt").write_text(f"The secret is {SECRET}.\n", "utf-8")
    shutil.copytree(ROOT / "reference", repo / "reference")
    return repo


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# -- 1. nothing read outside the tree ---------------------------------------------------------


def test_a_facts_folder_that_is_an_article_cannot_read_the_git_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = repository(tmp_path)
    facts = Path(shutil.copytree(SEED, repo / "facts"))  # facts/ itself holds claims.yaml
    (facts / "article.txt").unlink()
    (facts / "article.txt").symlink_to(Path("..") / ".git" / "config")

    code, out = run_cli(capsys, "check", str(facts))
    assert code == 1
    assert TOKEN not in out
    assert f"article.txt is a link to {(repo / '.git' / 'config').resolve()}, outside" in out
    html = tmp_path / "report.html"
    run_cli(capsys, "report", str(facts), "--html", str(html))
    assert TOKEN not in html.read_text("utf-8")


def test_pytest_cannot_print_the_git_config_either(
    tmp_path: Path, pytester: pytest.Pytester
) -> None:
    """The token was printed in pytest's log, as the nearest text of a quote."""
    repo = repository(tmp_path)
    facts = Path(shutil.copytree(SEED, repo / "facts"))
    (facts / "article.txt").unlink()
    (facts / "article.txt").symlink_to(Path("..") / ".git" / "config")
    html = tmp_path / "report.html"
    result = pytester.runpytest(
        str(facts), "-p", "no:cacheprovider", "-rA", "-vv", f"--factsuite-html={html}"
    )
    out = result.stdout.str() + result.stderr.str()
    assert TOKEN not in out
    assert "article.txt is a link to" in out.replace("\n", "")
    assert TOKEN not in html.read_text("utf-8")


def test_without_a_given_path_nothing_under_git_is_read(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    facts = Path(shutil.copytree(SEED, repo / "facts"))
    (facts / "article.txt").unlink()
    (facts / "article.txt").symlink_to(Path("..") / ".git" / "config")
    article = load_article(facts)  # the API's default tree: never the repository's root
    assert article.text == ""
    assert "outside" in str(article.errors[0])


def test_a_link_into_git_inside_the_tree_is_refused(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    folder = Path(shutil.copytree(SEED, tree / "a"))
    (tree / ".git").mkdir()
    (tree / ".git" / "config").write_text(TOKEN, "utf-8")
    (folder / "article.txt").unlink()
    (folder / "article.txt").symlink_to(Path("..") / ".git" / "config")
    (article,) = load_articles([folder], given=[tree])
    assert article.text == ""
    assert "leads into a .git folder" in str(article.errors[0])


def up_link_and_evil_article(tmp_path: Path) -> tuple[Path, Path]:
    """``facts/up -> ..`` and ``evil/article.txt -> ../secret.txt`` at the repository's root."""
    repo = repository(tmp_path)
    facts = repo / "facts"
    shutil.copytree(SEED, facts / SEED_NAME)
    (facts / "up").symlink_to("..", target_is_directory=True)
    evil = Path(shutil.copytree(SEED, repo / "evil"))
    (evil / "article.txt").unlink()
    (evil / "article.txt").symlink_to(Path("..") / "secret.txt")
    return repo, facts


def test_a_folder_link_up_cannot_bring_a_secret_into_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, facts = up_link_and_evil_article(tmp_path)
    assert discover([facts]) == [facts / SEED_NAME]
    _code, out = run_cli(capsys, "check", str(facts))
    assert SECRET not in out
    assert "1 article:" in out
    assert (
        f"skipped linked folder {facts / 'up'}: a link to {facts.parent.resolve()}, outside" in out
    )
    html = tmp_path / "report.html"
    run_cli(capsys, "report", str(facts), "--html", str(html))
    assert SECRET not in html.read_text("utf-8")


def test_pytest_skips_folder_links_and_says_so(tmp_path: Path, pytester: pytest.Pytester) -> None:
    _, facts = up_link_and_evil_article(tmp_path)
    (facts / "up2").symlink_to("..", target_is_directory=True)
    html = tmp_path / "report.html"
    result = pytester.runpytest(
        str(facts), "-p", "no:cacheprovider", "-rA", f"--factsuite-html={html}"
    )
    out = result.stdout.str()
    assert SECRET not in out
    assert SECRET not in html.read_text("utf-8")
    outcomes = result.parseoutcomes()
    assert outcomes["passed"] < 100  # one article's checks, not the repository again and again
    assert "skipped linked folder" in out
    assert f"facts/up: a link to {facts.parent.resolve()}, outside" in out.replace("\n", "")


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ"])
def test_reference_files_linked_anywhere_are_not_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    series = next((tmp_path / "reference").glob("*/series.yaml"))
    records = series.parent / "records.csv"
    records.unlink()
    records.symlink_to(target)
    code, out = run_cli(capsys, "check", str(tmp_path / "facts"))
    assert code == 1
    assert f"records.csv is a link to {Path(target).resolve()}, outside" in out
    assert "root:" not in out
    assert "PATH=" not in out


# -- 4. crashes that took down a whole chunk -------------------------------------------------


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 6, 15), date(9999, 12, 31)])
@pytest.mark.parametrize("phrase", ["today", "yesterday", "Monday", "last year", "next week"])
def test_relative_dates_at_the_ends_of_the_calendar_are_date_errors(
    published: date, phrase: str
) -> None:
    with contextlib.suppress(DateError):
        parse_date(phrase, published)


def test_a_date_at_the_start_of_the_calendar_fails_its_article_only(tmp_path: Path) -> None:
    broken = Path(shutil.copytree(SEED, tmp_path / "facts" / "broken"))
    good = Path(shutil.copytree(SEED, tmp_path / "facts" / "good"))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    meta = broken / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("2022-03-22", "0001-01-01"), "utf-8")
    alone = evaluate(load_articles([good]))
    both = evaluate_contained(load_articles([broken, good]))
    assert [(o.item.name, o.problems) for o in both.outcomes_of(good)] == [
        (o.item.name, o.problems) for o in alone.outcomes_of(good)
    ]
    text = "\n".join(problem_text(p) for o in both.outcomes_of(broken) for p in o.problems)
    assert "outside the calendar" in text
    assert "Traceback" not in text


def test_an_exception_in_one_article_costs_the_others_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = Path(shutil.copytree(SEED, tmp_path / "facts" / "broken"))
    good = Path(shutil.copytree(SEED, tmp_path / "facts" / "good"))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    real = engine.uncovered_mentions

    def failing(article: object) -> str:
        if getattr(article, "folder", Path()).name == "broken":
            raise ValueError("year 10106 is out of range")
        return real(article)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "uncovered_mentions", failing)
    evaluation = evaluate_contained(load_articles([broken, good]))
    (schema,) = [o for o in evaluation.outcomes_of(broken) if o.item.name == "schema"]
    assert [problem.summary for problem in schema.problems] == [
        f"{broken / 'claims.yaml'}: factsuite could not check this article (ValueError: year "
        "10106 is out of range); the other articles were checked. Please report it with this "
        "article attached."
    ]
    others = [o for o in evaluation.outcomes_of(broken) if o.item.name != "schema"]
    assert others
    assert all([p.summary for p in o.problems] == [contained.NOT_CHECKED] for o in others)
    assert all(o.passed or o.finding for o in evaluation.outcomes_of(good))
    code, out = run_cli(capsys, "check", str(tmp_path / "facts"))
    assert code == 1
    assert "could not check this article" in out
    assert "2 articles" in out


def test_dates_summed_past_the_calendar_are_explained() -> None:
    draw = render_bound("date")
    assert draw(date.max.toordinal() * 2).startswith("day 7,304,")
    assert draw(date(2022, 3, 22).toordinal()) == "Tuesday 22 March 2022"


def test_a_huge_file_limit_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME)
    monkeypatch.setenv("FACTSUITE_MAX_FILE_BYTES", str(2**63 - 1))
    code, out = run_cli(capsys, "check", str(tmp_path / "facts"))
    assert code == 1
    assert "FACTSUITE_MAX_FILE_BYTES=9223372036854775807 is larger than any fact file" in out


@pytest.mark.parametrize("where", ["a directory", "unwritable"])
def test_report_to_a_path_it_cannot_write_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME)
    target = tmp_path if where == "a directory" else Path("/proc/none/report.html")
    code, out = run_cli(capsys, "report", str(tmp_path / "facts"), "--html", str(target))
    assert code == 2
    assert out.startswith(f"cannot write {target}: ")


def test_a_folder_path_longer_than_path_max_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = Path(tmp_path, *["d" * 200] * 25)  # 5,000 characters, over PATH_MAX (4,096)
    code, out = run_cli(capsys, "check", str(long))
    assert code == 2
    assert out == f"{long}: cannot read: File name too long\n"


def test_an_article_deeper_than_path_max_fails_by_name_beside_a_good_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEED, tmp_path / "facts" / "ok")
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    monkeypatch.chdir(tmp_path / "facts")
    for _ in range(22):  # made a step at a time: no single call names the whole path
        os.mkdir("d" * 200)
        os.chdir("d" * 200)
    for name in ("article.txt", "meta.yaml", "claims.yaml"):
        shutil.copy(SEED / name, name)
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(capsys, "check", "facts")
    assert code == 1
    assert "facts/ok/claims.yaml: 15 claims read, 64 checks passed, 0 failed" in out
    assert ": cannot read: File name too long" in out
    assert out.endswith("2 articles: 64 passed, 1 failed, 2 recorded findings\n")


# -- 5. factsuite new -----------------------------------------------------------------------


def test_new_with_standard_input_closed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    code, out = run_cli(capsys, "new", str(tmp_path / "a"), "--published", "2022-03-22")
    assert code == 1
    assert "standard input is closed" in out


def test_new_writes_nothing_beside_a_dangling_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "meta.yaml").symlink_to(tmp_path / "nowhere")
    source = tmp_path / "text.txt"
    source.write_text("3 people came.\n", "utf-8")
    code, out = run_cli(
        capsys, "new", str(folder), "--from", str(source), "--published", "2022-03-22"
    )
    assert code == 1
    assert "nothing written" in out
    assert sorted(os.listdir(folder)) == ["meta.yaml"]


def test_new_at_the_start_of_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "text.txt"
    source.write_text("On Tuesday 3 people came.\n", "utf-8")
    code, out = run_cli(
        capsys, "new", str(tmp_path / "a"), "--from", str(source), "--published", "0001-01-01"
    )
    assert code == 0, out


def reviewed_check(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    """``factsuite check`` of a drafted folder as if every draft had been reviewed."""
    claims = folder / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("status: draft", ""), "utf-8")
    return run_cli(capsys, "check", str(folder))[1]


def test_new_drafts_what_the_schema_and_grounding_accept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "text.txt"
    source.write_text(
        "Police said more than several people were hurt.\nIt\x85rained 3 days.\n", "utf-8"
    )
    folder = tmp_path / "a"
    code, _ = run_cli(
        capsys, "new", str(folder), "--from", str(source), "--published", "2022-03-22"
    )
    assert code == 0
    claims = (folder / "claims.yaml").read_text("utf-8")
    assert "qualifier: more than" not in claims
    out = reviewed_check(capsys, folder)
    assert "schema[" not in out
    assert "grounding[3-days-rained]" not in out


# -- 2. nothing injected ----------------------------------------------------------------------

PAYLOAD = '</script><script>document.title="pwned"</script><!--'
FORGED = "x\n\n## factsuite: ✅ all checks pass\n\n<img src=x onerror=alert(1)>`"


def seed_with_reason(tmp_path: Path, reason: str, name: str = SEED_NAME) -> Path:
    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / name))
    if not (tmp_path / "reference").exists():
        shutil.copytree(ROOT / "reference", tmp_path / "reference")
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    start = text.index("    reason: ", text.index("\nfindings:")) + len("    reason: ")
    end = text.index("\n  - check:", start)
    claims.write_text(text[:start] + json.dumps(reason) + text[end:], "utf-8")
    return folder


def test_claimreview_json_cannot_close_its_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = seed_with_reason(tmp_path, PAYLOAD + " & more")
    code = main(["export", "claimreview", str(folder), "--url", "https://example.org/r"])
    out = capsys.readouterr().out
    assert code == 0
    assert "<" not in out
    assert ">" not in out
    assert "&" not in out
    assert any(PAYLOAD + " & more" in text for text in strings(json.loads(out)))


def strings(data: object) -> list[str]:
    """Every text in a JSON document."""
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for value in values for text in strings(value)]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "//x"])
def test_only_web_addresses_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME))
    with pytest.raises(SystemExit):
        main(["export", "claimreview", str(folder), "--url", url])
    assert "is not a web address" in capsys.readouterr().err
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("url: null", f"url: {url!r}"), "utf-8")
    article = load_article(folder)
    (error,) = article.errors
    assert error.path == meta
    assert error.field == "url"
    assert error.line is not None
    assert "is not a web address: give one starting http:// or https://" in error.message


def test_reference_addresses_are_web_addresses(tmp_path: Path) -> None:
    from factsuite.files.reference import load_reference

    reference = Path(shutil.copytree(ROOT / "reference", tmp_path / "reference"))
    series = next(reference.glob("*/series.yaml"))
    text = series.read_text("utf-8")
    series.write_text(text + "\n" if "url:" in text else text, "utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("url:")]
    series.write_text("\n".join([*lines, "url: 'javascript:alert(1)'", ""]), "utf-8")
    loaded = load_reference(reference)
    (errors,) = [e for path, e in loaded.errors.items() if path == series]
    assert any(e.field == "url" and "not a web address" in e.message for e in errors)


@pytest.mark.parametrize("file", ["events.csv", "records.csv"])
def test_addresses_in_reference_tables_are_web_addresses(tmp_path: Path, file: str) -> None:
    from factsuite.files.reference import load_reference

    reference = Path(shutil.copytree(ROOT / "reference", tmp_path / "reference"))
    table = next(reference.glob(f"*/{file}"))
    header, first, *rest = table.read_text("utf-8").split("\n")
    cells = first.split(",")
    cells[header.split(",").index("url")] = "javascript:alert(1)"
    table.write_text("\n".join([header, ",".join(cells), *rest]), "utf-8")
    loaded = load_reference(reference)
    errors = [error for found in loaded.errors.values() for error in found]
    (error,) = errors
    assert (error.path, error.line, error.field) == (table, 2, "column url")
    assert error.message == "is not a web address ('javascript:alert(1)')"


def test_markdown_shows_user_strings_as_written(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    from factsuite.reports.markdown import render_markdown

    folder = seed_with_reason(tmp_path, FORGED, name=FORGED.replace("/", ""))
    claims = folder / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace("value: 3.5 million", "value: 9.5 million", 1),
        "utf-8",
    )
    summary = render_markdown(evaluate_contained(load_articles([folder])))
    tokens = MarkdownIt("commonmark").enable("table").parse(summary)
    headings = [
        tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"
    ]
    assert headings[0].startswith("factsuite: ❌")
    assert all("all checks pass" not in heading for heading in headings)
    rendered = MarkdownIt("commonmark").enable("table").render(summary)
    assert "<img" not in rendered
    assert "onerror" not in rendered.replace("onerror=alert", "")  # shown only as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered


def test_terminal_output_shows_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pytester: pytest.Pytester
) -> None:
    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    claims.write_text(
        text.replace(
            "quote: to end almost a month of conflict",
            'quote: "to end \\e[2J\\e[32mall checks pass\\e[0m"',
        ),
        "utf-8",
    )
    code, out = run_cli(capsys, "check", str(tmp_path / "facts"))
    assert code == 1
    assert "\x1b" not in out
    assert "\\x1b[2J" in out
    result = pytester.runpytest(str(tmp_path / "facts"), "-p", "no:cacheprovider")
    assert "\x1b[2J" not in result.stdout.str()
    assert "\\x1b[2J" in result.stdout.str()


@pytest.mark.parametrize("options", [["-rA"], ["-ra", "-vv"], ["-rA", "--factsuite-items=article"]])
def test_pytest_own_lines_show_control_characters(
    pytester: pytest.Pytester, options: list[str]
) -> None:
    """pytest prints node ids and the first line of a failure itself (``FAILED <id> - ...``):
    a folder named with a newline and an escape, and a quote with ESC and NUL, are escaped."""
    folder = seed_with_reason(pytester.path, "reason \x1b[2J\x00", name="evil\nFAKE PASS\x1b[2J")
    claims = folder / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace(
            "quote: to end almost a month of conflict",
            'quote: "to end \\e[2J\\e[32mall \\0 checks pass\\e[0m"',
        ),
        "utf-8",
    )
    result = pytester.runpytest("facts", "-p", "no:cacheprovider", *options)
    out = result.stdout.str() + result.stderr.str()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", out)
    assert not any(line.startswith("FAKE PASS") for line in out.splitlines())
    summary = [line for line in out.splitlines() if line.startswith("FAILED ")]
    assert summary
    escaped = "FAILED facts/evil\\x0aFAKE PASS\\x1b[2J/claims.yaml::"
    assert all(line.startswith(escaped) for line in summary)
    assert "\\x1b[2J\\x1b[32mall \\x00 checks pass" in out


def test_the_html_page_holds_no_raw_control_characters(tmp_path: Path) -> None:
    from factsuite.reports.html import render_html

    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME))
    text = folder / "article.txt"
    text.write_text(text.read_text("utf-8") + "\nNUL \x00 ESC \x1b[2J DEL \x7f\n", "utf-8")
    page = render_html(evaluate_contained(load_articles([folder])))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page)
    assert "NUL \\x00 ESC \\x1b[2J DEL \\x7f" in page


# -- 5. silent skips ----------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["claims.yml", "a folder", "missing"])
def test_a_folder_that_looks_like_an_article_is_never_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pytester: pytest.Pytester, how: str
) -> None:
    shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    odd = Path(shutil.copytree(SEED, tmp_path / "facts" / "odd"))
    claims = odd / "claims.yaml"
    if how == "claims.yml":
        claims.rename(odd / "claims.yml")
    elif how == "a folder":
        claims.unlink()
        claims.mkdir()
    else:
        claims.unlink()
    code, out = run_cli(capsys, "check", str(tmp_path / "facts"))
    assert code == 1
    assert "2 articles:" in out
    expected = {
        "claims.yml": "the folder has no claims.yaml\n    hint: rename claims.yml to claims.yaml",
        "a folder": "claims.yaml is a folder, not a file",
        "missing": "the folder has no claims.yaml\n    hint: draft them from the text: "
        f"factsuite new {odd} --from {odd / 'article.txt'} --published YYYY-MM-DD",
    }[how]
    assert f"{claims}: {expected}" in out
    result = pytester.runpytest(str(tmp_path / "facts"), "-p", "no:cacheprovider", "-rf")
    assert result.parseoutcomes()["failed"] == 1
    assert expected in result.stdout.str()


def test_synth_refuses_a_count_below_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        main(["synth", str(tmp_path / "out"), "--articles", "-1"])
    assert "'-1' is not a whole number above 0" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_under_xdist_the_controller_alone_writes_the_reports(
    tmp_path: Path, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = tmp_path / "facts"
    for name in ("a", "b", "c"):
        shutil.copytree(SEED, facts / name)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    log = tmp_path / "writes.log"
    # the workers are other processes: each write is appended to a file they share
    monkeypatch.setenv("FACTSUITE_TEST_WRITES", str(log))
    summary = tmp_path / "summary.md"
    html = tmp_path / "report.html"
    (facts / "conftest.py").write_text(
        "import os\n"
        "from factsuite.reports import markdown as plugin\n"
        "real = plugin.write_markdown\n"
        "def counted(evaluation, path, *rest):\n"
        "    with open(os.environ['FACTSUITE_TEST_WRITES'], 'a') as log:\n"
        "        log.write(f'{os.getpid()} '\n"
        "                  f'{len(evaluation.articles)}\\n')\n"
        "    real(evaluation, path, *rest)\n"
        "plugin.write_markdown = counted\n",
        "utf-8",
    )
    result = pytester.runpytest(
        str(facts),
        "-n",
        "2",
        "-p",
        "no:cacheprovider",
        f"--factsuite-markdown={summary}",
        f"--factsuite-html={html}",
    )
    assert result.ret == 0
    assert log.read_text("utf-8").split("\n")[:-1] == [f"{os.getpid()} 3"]  # this process
    assert summary.read_text("utf-8").count("| ") >= 3
    assert html.read_text("utf-8").count("data-status=") == 3  # three articles: a site's index
    assert len(list((tmp_path / "articles").glob("*.html"))) == 3


# -- 3. cost an attacker controls --------------------------------------------------------------


def test_the_nearest_text_of_a_wrong_quote_is_found_fast_in_a_large_article() -> None:
    import time

    from factsuite.meaning.grounding import nearest_match

    text = (SEED / "article.txt").read_text("utf-8")
    article = (text + "\n") * (990_000 // len(text))
    quote = text[500:818].replace("a", "o")  # 318 characters, not in the article
    started = time.perf_counter()
    place, near, ratio = nearest_match(article, quote)
    for _ in range(10):  # the next claims of the same article
        nearest_match(article, quote[:200] + "x")
    elapsed = time.perf_counter() - started
    assert elapsed < 5  # was 8 minutes for the first alone
    assert ratio > 0.9
    assert near in article
    assert place.line == 3
    assert nearest_match(article, "y" * 10_000)[2] < 0.05


def test_pytest_caps_a_failure_of_a_huge_article(pytester: pytest.Pytester) -> None:
    """A 20 MB article printed 114,842 lines in pytest's log."""
    folder = Path(shutil.copytree(SEED, pytester.path / "facts" / SEED_NAME))
    shutil.copytree(ROOT / "reference", pytester.path / "reference")
    text = folder / "article.txt"
    numbers = " ".join(f"{n} people came." for n in range(2_000))
    text.write_text(text.read_text("utf-8") + "\n" + numbers + "\n", "utf-8")
    for items in ("check", "article"):
        result = pytester.runpytest("facts", "-p", "no:cacheprovider", f"--factsuite-items={items}")
        lines = result.stdout.str().splitlines()
        assert len(lines) < 300
        assert any("more lines: see --factsuite-html" in line for line in lines)


def test_the_check_command_caps_failures_per_article_and_per_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factsuite.commands import check_output

    monkeypatch.setattr(check_output, "MAX_FAILURES_PER_ARTICLE", 2)
    monkeypatch.setattr(check_output, "MAX_FAILURES_PRINTED", 3)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    for name in ("a", "b", "c"):
        folder = Path(shutil.copytree(SEED, tmp_path / "facts" / name))
        claims = folder / "claims.yaml"
        text = claims.read_text("utf-8").replace("quote: ", "quote: x", 4)  # 4 quotes not in it
        claims.write_text(text, "utf-8")
    code, out = run_cli(capsys, "check", str(tmp_path / "facts"))
    assert code == 1
    assert out.count(" failed: [") == 3  # 2 of a's, 1 of b's, none of c's
    for name in ("a", "b", "c"):
        label = f"{tmp_path / 'facts' / name / 'claims.yaml'}"
        assert re.search(rf"{re.escape(label)}: …and \d+ more failed checks: see factsuite", out)


def test_every_output_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factsuite.reports import markdown

    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    numbers = " ".join(f"{n} people came." for n in range(2_000))
    text = folder / "article.txt"
    text.write_text(text.read_text("utf-8") + "\n" + numbers + "\n", "utf-8")
    evaluation = evaluate_contained(load_articles([folder]))
    summary = markdown.render_markdown(evaluation)
    assert len(summary) < 10_000
    assert "more characters: see the HTML report" in summary
    code, out = run_cli(capsys, "check", str(folder))
    assert code == 1
    assert len(out.splitlines()) < 200
    assert "more lines: see factsuite report --html" in out
    many = dataclasses.replace(evaluation, articles=evaluation.articles * 300)
    summary = markdown.render_markdown(many, limit=10_000)
    assert len(summary) <= markdown.MAX_SUMMARY_CHARACTERS
    assert "…and 200 more articles: see the HTML report" in summary
    assert summary.rstrip().endswith("more sections: see the HTML report or the pytest log.")


# -- the fuzz test over whole articles and the command ------------------------------------------


CALENDAR_ENDS = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(1, 3, 1)),
    st.dates(min_value=date(9999, 11, 1), max_value=date(9999, 12, 31)),
    st.dates(),
)
PHRASES = st.sampled_from(
    [
        "today",
        "yesterday",
        "Monday",
        "on Tuesday",
        "last week",
        "this year",
        "last year",
        "earlier this month",
        "24 February",
        "March 2022",
        "3 days",
        "several",
        "2.5 million",
    ]
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(published=CALENDAR_ENDS, values=st.lists(PHRASES, min_size=1, max_size=4))
def test_whole_articles_at_the_ends_of_the_calendar_get_verdicts(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    published: date,
    values: list[str],
) -> None:
    tree = tmp_path_factory.mktemp("whole")
    shutil.copytree(ROOT / "reference", tree / "reference")
    fuzzed = Path(shutil.copytree(SEED, tree / "facts" / "fuzzed"))
    good = Path(shutil.copytree(SEED, tree / "facts" / "good"))
    meta = fuzzed / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("2022-03-22", published.isoformat()), "utf-8")
    text = fuzzed / "article.txt"
    sentences = [f"It happened {value} here." for value in values]
    text.write_text(text.read_text("utf-8") + "\n" + "\n".join(sentences) + "\n", "utf-8")
    claims = fuzzed / "claims.yaml"
    entries = [
        f"  - id: fuzz-{number}\n    quote: {sentence[:-1]!r}\n    value: {value!r}\n"
        f"    unit: {'date' if value[0].isalpha() and value != 'several' else 'people'}\n"
        f"    measure: fuzz\n    as_of: {published.isoformat()}\n"
        for number, (value, sentence) in enumerate(zip(values, sentences, strict=True))
    ]
    claims.write_text(
        claims.read_text("utf-8").replace("claims:\n", "claims:\n" + "".join(entries), 1),
        "utf-8",
    )
    alone = evaluate(load_articles([good]))
    both = evaluate_contained(load_articles([fuzzed, good]))
    assert [(o.item.name, o.problems) for o in both.outcomes_of(good)] == [
        (o.item.name, o.problems) for o in alone.outcomes_of(good)
    ]
    assert both.outcomes_of(fuzzed)
    for problem in (p for o in both.outcomes_of(fuzzed) for p in o.problems):
        assert "could not check this article" not in problem.summary, problem
    assert main(["check", str(tree / "facts")]) in (0, 1)
    assert main(["report", str(tree / "facts"), "--html", str(tree / "r.html")]) == 0
    capsys.readouterr()
