"""Root conftest: `pytest` in a checkout finds the factsuite plugin even before it is installed.

With the package installed (the README's set-up), pytest loads the plugin through its
``pytest11`` entry point and this file only adds ``pytester`` for the plugin's own tests.
Without its dependencies, the run stops with the set-up command instead of a traceback.
"""

import sys
from pathlib import Path

if "factsuite.pytest_plugin.plugin" not in sys.modules:
    sys.path.insert(0, str(Path(__file__).parent / "src"))
    try:
        import pandera.pandas  # noqa: F401 - the plugin imports it lazily, so ask for it here

        import factsuite.pytest_plugin.plugin  # noqa: F401 - fails early, with a message, when not set up
    except ImportError as error:
        raise SystemExit(
            f"factsuite's dependencies are missing ({error}): "
            'run pip install -e ".[test]" first (see README.md)'
        ) from None
    pytest_plugins = ["factsuite.pytest_plugin.plugin", "pytester"]
else:
    pytest_plugins = ["pytester"]
