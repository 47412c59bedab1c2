"""Hypothesis profiles for the property tests of the isolation proof.

``dev`` (the default) runs a few hundred examples per property; ``ci`` runs 10,000, as
``.ci/run`` asks with ``ETLCHECK_HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("ETLCHECK_HYPOTHESIS_PROFILE", "dev"))
