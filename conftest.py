"""Root conftest: `pytest` in a checkout finds the factsuite plugin even before it is installed.

With the package installed (the README's set-up), pytest loads the plugin through its
``pytest11`` entry point and this file only adds ``pytester`` for the plugin's own tests.
"""

import sys
from pathlib import Path

if "factsuite.plugin" not in sys.modules:
    sys.path.insert(0, str(Path(__file__).parent / "src"))
    pytest_plugins = ["factsuite.plugin", "pytester"]
else:
    pytest_plugins = ["pytester"]
