"""`factsuite new`: a scaffolded folder loads, its quotes ground, and nothing is overwritten."""

from __future__ import annotations

import argparse
import io
from datetime import date
from pathlib import Path

import pytest
import yaml

from factsuite.checking.engine import SCHEMA_ITEM, evaluate, load_articles
from factsuite.commands.scaffold import add_command, headline_of, scaffold
from factsuite.files.article import CLAIMS_FILE, META_FILE, TEXT_FILE
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.mentions import find_mentions

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "facts" / "2022-03-22-kremlin-talks" / "article.txt"
SEED_PUBLISHED = date(2022, 3, 22)
LABELLED = sorted((ROOT / "tests" / "labelled").glob("*.txt"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as file:
        return file.read()


def _published(text_path: Path) -> date:
    labels = text_path.with_name(text_path.name.removesuffix(".txt") + ".labels.yaml")
    return yaml.safe_load(labels.read_text("utf-8"))["published"]


def _assert_loads_and_grounds(folder: Path) -> None:
    evaluation = evaluate(load_articles([folder]))
    article = evaluation.articles[0]
    assert article.errors == []
    outcomes = evaluation.of(article)
    schema = evaluation.outcome(article, SCHEMA_ITEM)
    assert schema.passed, schema.problems
    grounding = [o for o in outcomes if o.item.name.startswith("grounding[")]
    assert len(grounding) == len(article.claims.claims)
    assert [o.problems for o in grounding if not o.passed] == []


def test_the_seed_text_scaffolds_into_a_valid_folder(tmp_path: Path) -> None:
    text = _read(SEED_TEXT)
    folder = scaffold(tmp_path / "seed", text, SEED_PUBLISHED)
    assert (folder / TEXT_FILE).read_bytes() == SEED_TEXT.read_bytes()
    _assert_loads_and_grounds(folder)
    claims = yaml.safe_load((folder / CLAIMS_FILE).read_text("utf-8"))
    assert len(claims["claims"]) == len(find_mentions(text)) == 15
    assert {claim["status"] for claim in claims["claims"]} == {"draft"}


@pytest.mark.parametrize("text_path", LABELLED, ids=lambda p: p.stem)
def test_each_labelled_article_scaffolds_into_a_valid_folder(
    tmp_path: Path, text_path: Path
) -> None:
    folder = scaffold(tmp_path / text_path.stem, _read(text_path), _published(text_path))
    _assert_loads_and_grounds(folder)


def test_each_draft_quotes_its_figure_verbatim(tmp_path: Path) -> None:
    text = _read(SEED_TEXT)
    folder = scaffold(tmp_path / "seed", text, SEED_PUBLISHED)
    for claim in yaml.safe_load((folder / CLAIMS_FILE).read_text("utf-8"))["claims"]:
        assert claim["quote"] in text
        assert figure_problem(claim["quote"], claim["value"], claim.get("qualifier", "")) is None


def test_the_seed_draft_suggests_the_seed_relations(tmp_path: Path) -> None:
    folder = scaffold(tmp_path / "seed", _read(SEED_TEXT), SEED_PUBLISHED)
    relations = yaml.safe_load((folder / CLAIMS_FILE).read_text("utf-8"))["relations"]
    by_rule = {relation["rule"]: relation for relation in relations}
    assert by_rule["part_of"]["part"].startswith("1-5-million-children")
    assert by_rule["part_of"]["whole"].startswith("3-5-million")
    assert len(by_rule["same_figure"]["claims"]) == 3
    assert by_rule["share_of"]["share"].startswith("90-percent")


def test_dates_get_the_day_they_name(tmp_path: Path) -> None:
    folder = scaffold(tmp_path / "seed", _read(SEED_TEXT), SEED_PUBLISHED)
    claims = yaml.safe_load((folder / CLAIMS_FILE).read_text("utf-8"))["claims"]
    as_of = {claim["value"]: claim.get("as_of") for claim in claims if claim["unit"] == "date"}
    assert as_of["February 24"] == date(2022, 2, 24)
    assert as_of["Monday"] == date(2022, 3, 21)
    assert as_of["Tuesday"] == SEED_PUBLISHED


def test_meta_says_null_for_what_is_unknown(tmp_path: Path) -> None:
    folder = scaffold(tmp_path / "seed", _read(SEED_TEXT), SEED_PUBLISHED)
    meta = yaml.safe_load((folder / META_FILE).read_text("utf-8"))
    assert meta == {
        "headline": None,
        "published": SEED_PUBLISHED,
        "outlet": None,
        "url": None,
        "language": "en",
    }
    other = scaffold(
        tmp_path / "x", "Two dead in storm\nTwo people died.", SEED_PUBLISHED, "u", "o"
    )
    meta = yaml.safe_load((other / META_FILE).read_text("utf-8"))
    assert (meta["headline"], meta["url"], meta["outlet"]) == ("Two dead in storm", "u", "o")


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "Storm Isha: two dead as winds hit\nTwo people died.",
            "Storm Isha: two dead as winds hit",
        ),
        ("Two people died on Sunday.\nThree more were hurt.", None),
        ("Two people died on Sunday", None),
    ],
)
def test_a_headline_is_a_short_first_line_without_a_full_stop(
    text: str, headline: str | None
) -> None:
    assert headline_of(text) == headline


@pytest.mark.parametrize("existing", [TEXT_FILE, META_FILE, CLAIMS_FILE])
def test_existing_files_are_never_overwritten(tmp_path: Path, existing: str) -> None:
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / existing).write_text("mine\n", "utf-8")
    with pytest.raises(FileExistsError, match=existing):
        scaffold(folder, _read(SEED_TEXT), SEED_PUBLISHED)
    assert [path.name for path in folder.iterdir()] == [existing]
    assert (folder / existing).read_text("utf-8") == "mine\n"


def test_a_text_without_mentions_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no numeric or temporal mention"):
        scaffold(tmp_path / "article", "Talks went on.\n", SEED_PUBLISHED)
    assert not (tmp_path / "article").exists()


def test_crlf_text_is_kept_verbatim(tmp_path: Path) -> None:
    text = "Two dead in storm\r\nTwo people died on Sunday, police said.\r\n"
    folder = scaffold(tmp_path / "crlf", text, SEED_PUBLISHED)
    assert (folder / TEXT_FILE).read_bytes() == text.encode("utf-8")
    _assert_loads_and_grounds(folder)


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="factsuite")
    add_command(parser.add_subparsers(dest="command", required=True))
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


def test_the_command_reads_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "facts" / "2022-03-22-seed"
    argv = ["new", str(folder), "--from", str(SEED_TEXT), "--published", "2022-03-22"]
    assert _run([*argv, "--outlet", "AFP"]) == 0
    assert "15 draft claims" in capsys.readouterr().out
    assert yaml.safe_load((folder / META_FILE).read_text("utf-8"))["outlet"] == "AFP"
    assert _run(argv) == 1
    assert "already has article.txt, meta.yaml, claims.yaml" in capsys.readouterr().err


def test_the_command_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Two dead in storm\nTwo people died on Sunday.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert _run(["new", str(tmp_path / "a"), "--published", "2024-01-22"]) == 0
    assert (tmp_path / "a" / TEXT_FILE).read_text("utf-8") == text


def test_the_command_rejects_a_bad_date(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        _run(["new", str(tmp_path / "a"), "--published", "22 March 2022"])
