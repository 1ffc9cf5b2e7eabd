"""The ``factsuite`` command: the engine without pytest, for scripts and large archives."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from factsuite import __version__
from factsuite.checking.cache_prune import prune_verdicts
from factsuite.checking.chunks import CHUNK_SIZE, available_cores, chunk_size_of, verdicts
from factsuite.checking.verdict_cache import reference_errors
from factsuite.commands.check_output import (
    CheckRun,
    add_output_arguments,
    progress_of,
    refused,
    stdout_console,
)
from factsuite.commands.findings import add_command as add_findings_command
from factsuite.commands.given import NothingToCheck, article_folders
from factsuite.commands.lexicon_doc import lexicon_markdown
from factsuite.commands.scaffold import add_command as add_new_command
from factsuite.commands.synth import add_command as add_synth_command
from factsuite.files.cache import CLI_CACHE, cli_cache_folder
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.lexicon import DEFAULT_READING, Reading
from factsuite.reports.baseline import BaselineError, load_baseline
from factsuite.reports.claimreview import add_command as add_export_command
from factsuite.reports.html import add_command as add_report_command

SCHEDULER_VARIABLE = "FACTSUITE_SCHEDULER"


def _check(arguments: argparse.Namespace) -> int:
    try:
        folders = article_folders(arguments.paths)
        known = None if arguments.baseline is None else load_baseline(arguments.baseline)
    except (NothingToCheck, BaselineError) as error:
        return refused(arguments, str(error))
    library = ReferenceLibrary()
    jobs = arguments.jobs or available_cores()
    reading = Reading(arguments.reading)
    cache = None if arguments.no_cache else cli_cache_folder(Path(CLI_CACHE).absolute())
    scheduler = arguments.scheduler or os.environ.get(SCHEDULER_VARIABLE) or None
    checked = verdicts(
        folders, reading, library, jobs, arguments.chunk_size, cache, scheduler, arguments.paths
    )
    run = CheckRun(arguments, known, stdout_console(), len(folders))
    with progress_of(len(folders), quiet=arguments.quiet) as advance:
        for article in checked:
            run.article(article)
            advance()
    for text in reference_errors(folders, library, cache, reading):
        run.reference_error(text)
    if cache is not None:
        prune_verdicts(cache)
    return run.finish(len(folders))


def _schemas(arguments: argparse.Namespace) -> int:
    from factsuite.files.schema_files import stale_files, write_schema_files

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


def _chunk_size(written: str) -> int:
    size = chunk_size_of(written)
    if size is None:
        raise argparse.ArgumentTypeError(f"{written!r} is not a whole number above 0")
    return size


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="factsuite", description="Check the numeric and temporal claims of news articles."
    )
    main_parser.add_argument("--version", action="version", version=f"factsuite {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check article folders, as pytest would")
    check.add_argument("paths", nargs="+", type=Path, help="article folders or trees of them")
    check.add_argument(
        "--reading",
        choices=[r.value for r in Reading],
        default=DEFAULT_READING.value,
        help="which reading fails a check",
    )
    check.add_argument(
        "--fail-on-drafts",
        action="store_true",
        help="fail the checks of draft claims instead of skipping them (for CI)",
    )
    add_output_arguments(check)
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to check a large archive with (default: one per core)",
    )
    check.add_argument(
        "--chunk-size",
        type=_chunk_size,
        default=CHUNK_SIZE,
        metavar="N",
        help=f"articles evaluated together (default {CHUNK_SIZE}): fewer hold less memory",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help=(
            "parse and check every article anew, not from the parsed files and stored "
            f"verdicts in {CLI_CACHE}/"
        ),
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=(
            "check on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
            f"instead of local processes; default: ${SCHEDULER_VARIABLE}"
        ),
    )
    check.set_defaults(run=_check)
    schemas = commands.add_parser("schemas", help="write or verify the files in schemas/")
    schemas.add_argument("folder", type=Path, nargs="?", default=Path("schemas"))
    mode = schemas.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write the files (the default)")
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    schemas.set_defaults(run=_schemas)
    lexicon = commands.add_parser("lexicon", help="print the qualifier lexicon as Markdown")
    lexicon.set_defaults(run=_lexicon)
    add_new_command(commands)
    add_report_command(commands)
    add_export_command(commands)
    add_synth_command(commands)
    add_findings_command(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except BrokenPipeError:  # ``factsuite check facts | head``: the reader has what it wants
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's exit flush cannot fail too
        return 1


if __name__ == "__main__":
    sys.exit(main())
