"""What installing factsuite adds to a pytest run that collects no fact files.

Runs pytest on a folder with one trivial test, with the plugin and with ``-p no:factsuite``,
alternately, and prints the best of each and their difference, in CPU time (user and system)
of the pytest process: wall time on a busy machine varies by more than the cost measured.

    python scripts/plugin_cost.py [RUNS]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def best(folder: Path, extra: list[str], runs: int) -> float:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=folder, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(times)


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "test_one.py").write_text("def test_one():\n    assert True\n")
        plugin = without = float("inf")
        for _ in range(runs):
            plugin = min(plugin, best(folder, [], 1))
            without = min(without, best(folder, ["-p", "no:factsuite"], 1))
    print(f"pytest with factsuite: {plugin:.3f} s CPU, with -p no:factsuite: {without:.3f} s")
    print(f"the plugin's cost on a run without fact files: {1000 * (plugin - without):.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
