"""Hypothesis profiles: "ci" (the default) keeps the fuzz tests quick, "long" searches far.

Run the long search locally with ``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py``.
The profiles set only what a test leaves unset: the property tests that choose their own
``max_examples`` keep it under either profile.
"""

import os

from hypothesis import HealthCheck, settings

from factsuite.checking.rules import rules
from factsuite.files import reference  # noqa: F401 - pandas, before any in-process run

# pytester's in-process runs put sys.modules back as they found them, yet numpy cannot be
# imported twice in one process, nor our pandera checks registered twice: a test file run
# alone failed at its second in-process run unless an earlier test had loaded the engine.
# Loaded here, once, before any run.
rules()

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,  # an example runs the whole engine: 0.1 to 0.5 s
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
