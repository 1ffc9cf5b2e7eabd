"""Helpers for the tests of what a first-time user met on correct text (round five): write
an article folder as a user would, run ``factsuite check`` on it, and read its failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factsuite.commands.cli import main


def write_article(
    root: Path, slug: str, published: str, text: str, claims: str, headline: str = "null"
) -> Path:
    """An article folder under ``root/facts``: its text, meta.yaml and claims.yaml."""
    folder = root / "facts" / slug
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(text, "utf-8")
    (folder / "meta.yaml").write_text(
        f"headline: {headline}\npublished: {published}\noutlet: null\nurl: null\n", "utf-8"
    )
    (folder / "claims.yaml").write_text(claims, "utf-8")
    return folder


def check_failures(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, str]:
    """The failing checks of ``factsuite check --format json``, each with its words."""
    capsys.readouterr()
    code = main(["check", str(folder), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    failing = {
        check["check"]: check["conclusion"]
        for article in report["articles"]
        for check in article["checks"]
        if check["failing"]
    }
    assert (code == 0) == (not failing), (code, failing)
    return failing
