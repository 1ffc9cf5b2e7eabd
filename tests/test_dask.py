"""``factsuite check --scheduler``: the same chunks on a Dask cluster, the same verdicts (#18)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factsuite.checking import chunks
from factsuite.commands.synth import write_archive
from tests.test_cli import check

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A cluster of two worker processes on this machine, as ``dask scheduler`` and two
    ``dask worker`` would make."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_gives_the_verdicts_of_local_processes(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, articles=12, seed=3, error_rate=0.2)
    local = check(capsys, str(archive), "--no-cache", "-j", "2", "--chunk-size", "5")
    remote = check(
        capsys, str(archive), "--no-cache", "--chunk-size", "5", "--scheduler", scheduler
    )
    assert remote == local
    assert local[0] == 1  # the planted errors fail, so there are verdicts to compare


def test_the_scheduler_comes_from_the_environment(
    scheduler: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, articles=3, seed=4, error_rate=0.0)
    monkeypatch.setenv("FACTSUITE_SCHEDULER", scheduler)
    addresses = []
    on_cluster = chunks._on_cluster

    def recorded(address: str, *arguments: Any) -> Iterator[Any]:
        addresses.append(address)
        return on_cluster(address, *arguments)

    monkeypatch.setattr(chunks, "_on_cluster", recorded)
    code, out = check(capsys, str(archive), "--no-cache")
    assert (code, addresses) == (0, [scheduler])
    assert "3 articles:" in out
