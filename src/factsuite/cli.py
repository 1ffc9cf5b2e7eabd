"""The ``factsuite`` command: the engine without pytest, for scripts and large archives."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factsuite.article import discover
from factsuite.engine import evaluate, load_articles
from factsuite.lexicon import DEFAULT_READING, Reading
from factsuite.lexicon_doc import lexicon_markdown
from factsuite.reference import ReferenceLibrary
from factsuite.report import failure_text, vanished_text
from factsuite.schema_files import stale_files, write_schema_files


def _check(arguments: argparse.Namespace) -> int:
    folders = discover(arguments.paths)
    if not folders:
        print(f"no claims.yaml found under {' '.join(map(str, arguments.paths))}")
        return 2
    library = ReferenceLibrary()
    evaluation = evaluate(load_articles(folders, library), Reading(arguments.reading), library)
    failed = passed = recorded = 0
    for article in evaluation.articles:
        label = str(article.claims_path)
        for outcome in evaluation.of(article):
            where = f"{label}:{outcome.item.line or 1}"
            if outcome.finding is not None and outcome.passed:
                failed += 1
                print(vanished_text(where, outcome), end="\n\n")
            elif outcome.finding is not None:
                recorded += 1
                if arguments.verbose:
                    print(
                        f"{where}: {outcome.item.name}: recorded finding "
                        f"({outcome.finding.verdict})"
                    )
            elif outcome.passed:
                passed += 1
            else:
                failed += 1
                print(failure_text(where, outcome), end="\n\n")
        print(f"{label}: {article.claim_count} claims read")
    for reference in library.loaded:
        for errors in reference.errors.values():
            failed += 1
            print("\n".join(str(error) for error in errors), end="\n\n")
    print(
        f"{len(folders)} articles: {passed} passed, {failed} failed, {recorded} recorded findings"
    )
    return 1 if failed else 0


def _schemas(arguments: argparse.Namespace) -> int:
    if arguments.check:
        stale = stale_files(arguments.folder)
        for name in stale:
            print(f"{arguments.folder / name} is out of date: run factsuite schemas --write")
        return 1 if stale else 0
    for path in write_schema_files(arguments.folder):
        print(f"wrote {path}")
    return 0


def _lexicon(arguments: argparse.Namespace) -> int:
    print(lexicon_markdown(), end="")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="factsuite", description="Check the numeric and temporal claims of news articles."
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check article folders, as pytest would")
    check.add_argument("paths", nargs="+", type=Path, help="article folders or trees of them")
    check.add_argument(
        "--reading",
        choices=[r.value for r in Reading],
        default=DEFAULT_READING.value,
        help="which reading fails a check",
    )
    check.add_argument("-v", "--verbose", action="store_true", help="list recorded findings")
    check.set_defaults(run=_check)
    schemas = commands.add_parser("schemas", help="write or verify the files in schemas/")
    schemas.add_argument("folder", type=Path, nargs="?", default=Path("schemas"))
    mode = schemas.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write the files (the default)")
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    schemas.set_defaults(run=_schemas)
    lexicon = commands.add_parser("lexicon", help="print the qualifier lexicon as Markdown")
    lexicon.set_defaults(run=_lexicon)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
