"""The example CI workflows in ``examples/`` are valid YAML, their commands are commands
factsuite and its pytest plugin accept, and the pull-request workflow does what
docs/ci.md says: the baseline, annotations, the Markdown summary and the site."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from factsuite.commands.cli import parser

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yml"))
NAMED = re.compile(r"examples/[\w.-]+\.ya?ml")
PLUGIN_SOURCE = "\n".join(
    path.read_text("utf-8") for path in (ROOT / "src/factsuite/pytest_plugin").glob("*.py")
)
SEPARATORS = {"|", "||", "&&", ";", ">", ">>", "<", "(", ")"}
KEYWORDS = {"if", "then", "else", "elif", "fi", "do", "done", "while", "for"}


def workflow(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), path
    return data


def steps(data: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def commands(script: str) -> list[list[str]]:
    """Each simple command of a shell script, as its words (comments, redirections and the
    keywords of ``if ...; then`` gone)."""
    found: list[list[str]] = []
    for line in script.replace("\\\n", " ").split("\n"):
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        redirected = False
        for word in lexer:
            if word in SEPARATORS:
                found.append(words)
                words, redirected = [], word in {">", ">>", "<"}
            elif redirected:
                redirected = False  # the file a redirection names is no word of the command
            elif words or word not in KEYWORDS:
                words.append(word)
        found.append(words)
    return [words for words in found if words]


def test_every_example_the_docs_name_is_shipped() -> None:
    named = {
        name
        for document in ("README.md", "docs/ci.md")
        for name in NAMED.findall((ROOT / document).read_text("utf-8"))
    }
    assert named
    assert {name for name in named if not (ROOT / name).is_file()} == set()
    assert {f"examples/{path.name}" for path in EXAMPLES} >= named


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_workflow_is_valid_yaml_of_a_workflow(path: Path) -> None:
    data = workflow(path)
    assert {"name", "jobs"} <= set(data)
    assert True in data or "on" in data  # YAML 1.1 reads the key `on` as true
    for step in steps(data):
        assert "uses" in step or "run" in step, step


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_runs_only_commands_that_exist(path: Path) -> None:
    ran = [words for step in steps(workflow(path)) for words in commands(step.get("run", ""))]
    factsuite = [words[1:] for words in ran if words[0] == "factsuite"]
    pytest_runs = [words[1:] for words in ran if words[0] == "pytest"]
    assert factsuite or pytest_runs
    for arguments in factsuite:
        parser().parse_args(arguments)  # exits (a failed test) on an unknown option
    for arguments in pytest_runs:
        for option in (word.split("=", 1)[0] for word in arguments):
            if option.startswith("--factsuite"):
                assert f'"{option}"' in PLUGIN_SOURCE or f"= {option!r}" in PLUGIN_SOURCE.replace(
                    '"', "'"
                ), option


def test_the_pull_request_example_saves_compares_annotates_and_publishes() -> None:
    data = workflow(ROOT / "examples" / "pull-request-baseline.yml")
    runs = [step.get("run", "") for step in steps(data)]
    ran = [words for script in runs for words in commands(script)]
    checks = [
        parser().parse_args(words[1:]) for words in ran if words[:2] == ["factsuite", "check"]
    ]
    saved = [c for c in checks if c.format == "json"]
    compared = [c for c in checks if c.baseline is not None]
    assert saved
    assert compared
    assert all(c.format == "github" for c in compared)  # annotations on the claims lines
    assert "verdicts.json" in next(script for script in runs if "--format json" in script)
    (report,) = [parser().parse_args(w[1:]) for w in ran if w[:2] == ["factsuite", "report"]]
    assert report.site is not None
    assert report.markdown is not None
    assert any(f'cat {report.markdown} >> "$GITHUB_STEP_SUMMARY"' in run for run in runs)
    (upload,) = [s for s in steps(data) if str(s.get("uses", "")).startswith("actions/upload-")]
    assert Path(upload["with"]["path"]) == report.site
    for step in steps(data):  # the reports are written and kept when the check fails too
        if "report" in step.get("run", "") or step is upload or "SUMMARY" in step.get("run", ""):
            assert str(step.get("if", "")).startswith("always()"), step["name"]
