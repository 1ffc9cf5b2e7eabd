"""Hypothesis profiles: "ci" (the default) keeps the fuzz tests quick, "long" searches far.

Run the long search locally with ``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py``.
The profiles set only what a test leaves unset: the property tests that choose their own
``max_examples`` keep it under either profile.
"""

import os

from hypothesis import HealthCheck, settings

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
