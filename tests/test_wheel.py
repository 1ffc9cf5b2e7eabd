"""The README's install for a package on no index: a wheel built from the clone installs into
a fresh virtual environment and gives the ``factsuite`` command and the pytest plugin.

The fresh environment borrows this one's dependencies (a path in a ``.pth`` file: its own
``.pth`` files, this checkout's editable install among them, are not run), so the test needs
no network and takes some 15 s.  ``.ci/run`` installs the wheel with its dependencies from
the index too.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"


def shell(*command: str | Path, cwd: Path) -> str:
    """Run a command as a user would, outside this checkout's settings; its output."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    environment["PYTHONNOUSERSITE"] = "1"
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("hatchling") is None:  # the build backend, in the test extra
        if os.environ.get("CI"):
            pytest.fail('hatchling is missing: pip install -e ".[test]"')
        pytest.skip('hatchling is not installed: pip install -e ".[test]"')
    dist = tmp_path_factory.mktemp("dist")
    pip = (sys.executable, "-m", "pip")
    shell(*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", dist, ROOT, cwd=dist)
    (built,) = dist.glob("factsuite-*.whl")
    return built


def test_the_wheel_holds_the_package_its_data_and_its_entry_points(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "factsuite/commands/cli.py",
        "factsuite/pytest_plugin/plugin.py",
        "factsuite/data/lexicon.yaml",
        "factsuite/reports/templates/report.html.j2",
    ):
        assert name in names, name
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "factsuite = factsuite.commands.cli:main" in text
    assert "[pytest11]\nfactsuite = factsuite.pytest_plugin.plugin" in text


def test_the_wheel_installs_into_a_fresh_environment_and_runs(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "fresh"
    shell(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        shell(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
        ).strip()
    )
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    shell(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp_path,
    )

    work = tmp_path / "newsroom"  # a repository of article folders, not this checkout
    shutil.copytree(ROOT / "reference", work / "reference")
    shutil.copytree(SEED, work / "facts" / SEED.name)
    where = shell(python, "-c", "import factsuite; print(factsuite.__file__)", cwd=work)
    assert Path(where.strip()).is_relative_to(site)  # the wheel's copy, not this checkout's
    assert shell(venv / "bin" / "factsuite", "--version", cwd=work).startswith("factsuite ")
    checked = shell(venv / "bin" / "factsuite", "check", "-q", "-j", "1", "facts/", cwd=work)
    assert "0 failed, 2 recorded findings" in checked
    tested = shell(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "facts/", cwd=work)
    assert "64 passed, 2 xfailed" in tested  # the plugin, through its pytest11 entry point
