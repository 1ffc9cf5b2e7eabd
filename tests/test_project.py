"""Project hygiene as tests: lint and format clean, generated files current."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from factsuite.commands.lexicon_doc import lexicon_markdown
from factsuite.files.schema_files import stale_files

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff_is_clean(command: list[str]) -> None:
    """ruff is in the test extra: run as this interpreter's module, so it never skips when the
    venv's scripts are not on PATH (a missing ruff fails, as a missing test extra should)."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_is_typed_strictly(tmp_path: Path) -> None:
    """All of ``src/factsuite`` passes ``mypy --strict`` (#13).  mypy is in the test extra, so
    a missing mypy fails here rather than skipping the check."""
    package = str(ROOT / "src" / "factsuite")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), package]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


TYPE_IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<after>.*)$")
REASON = re.compile(r"^\s+#\s*\S")


def test_every_type_ignore_says_why() -> None:
    """Each ``# type: ignore[code]`` in src/ is followed by ``  # why`` on its line (#13)."""
    bare = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if (found := TYPE_IGNORE.search(line))
        and not (found["codes"] and REASON.match(found["after"]))
    ]
    assert bare == [], (
        "write the error code and the reason: # type: ignore[code]  # why\n" + "\n".join(bare)
    )


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
