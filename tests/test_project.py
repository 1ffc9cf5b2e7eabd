"""Project hygiene as tests: lint and format clean, generated files current."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factsuite.commands.lexicon_doc import lexicon_markdown
from factsuite.files.schema_files import stale_files

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff_is_clean(command: list[str]) -> None:
    ruff = shutil.which("ruff") or pytest.skip("ruff is not installed (pip install -e .[test])")
    result = subprocess.run([ruff, *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_checking_and_reports_are_typed_strictly(tmp_path: Path) -> None:
    """The engine and the words its outcomes are told in pass ``mypy --strict`` (#13)."""
    mypy = shutil.which("mypy") or pytest.skip("mypy is not installed (pip install -e .[test])")
    packages = [str(ROOT / "src" / "factsuite" / name) for name in ("checking", "reports")]
    command = [mypy, "--strict", "--cache-dir", str(tmp_path), *packages]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_lexicon_doc_is_current() -> None:
    """docs/lexicon.md is generated from the lexicon data; regenerate it when the data moves."""
    committed = (ROOT / "docs" / "lexicon.md").read_text("utf-8")
    assert committed == lexicon_markdown(), "run: factsuite lexicon > docs/lexicon.md"


def test_schema_files_are_current() -> None:
    assert stale_files(ROOT / "schemas") == [], "run: factsuite schemas --write schemas/"


def test_the_command_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factsuite.commands.cli", "check", str(ROOT / "facts")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    assert "0 failed, 2 recorded findings" in result.stdout
