"""A reference record with no ``url`` is listed without empty parentheses, in every format
(terminal, JSON, GitHub annotations, Markdown, HTML): "a later UNICEF statement", not
"... statement ()"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factsuite.checking.engine import evaluate, load_articles
from factsuite.commands.cli import main
from factsuite.reports.html import render_html
from factsuite.reports.markdown import render_markdown
from tests.test_cli import copy_of_seed

REPLACED = "2022-03-21,2500000,about,a later UNICEF statement,{url},"


def _seed_with_a_newer_record(tmp_path: Path, url: str) -> Path:
    """The seed, with UNICEF's figure replaced the day before publication by a record whose
    address is ``url`` (the stale mutation of tests/test_mutations.py)."""
    folder = copy_of_seed(tmp_path)
    records = tmp_path / "reference" / "unicef-child-refugees" / "records.csv"
    lines = records.read_text("utf-8").splitlines()
    lines[-1] = REPLACED.format(url=url)
    records.write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def _outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str
) -> dict[str, str]:
    folder = _seed_with_a_newer_record(tmp_path, url)
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for format_ in ("text", "json", "github"):
        capsys.readouterr()
        assert main(["check", "-j", "1", "--format", format_, "facts"]) == 1
        outputs[format_] = capsys.readouterr().out
    evaluation = evaluate(load_articles([folder]))
    outputs["markdown"] = render_markdown(evaluation)
    outputs["html"] = render_html(evaluation)
    json.loads(outputs["json"])
    return outputs


def test_a_record_without_an_address_has_no_empty_parentheses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for format_, output in _outputs(tmp_path, capsys, monkeypatch, "").items():
        assert "a later UNICEF statement" in output, format_
        assert "statement ()" not in output, format_
        assert "statement (" not in output, format_


def test_a_record_with_an_address_still_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for format_, output in _outputs(
        tmp_path, capsys, monkeypatch, "https://www.unicef.org"
    ).items():
        assert "a later UNICEF statement (https://www.unicef.org" in output, format_
