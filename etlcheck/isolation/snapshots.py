"""A run's fingerprints at one moment, and what changed between two of them.

The stages hand these to the report, and pytest-xdist workers receive them pickled: they
live in a module of their own, so that unpickling them imports what their fields need and
not the stages (the T-SQL compatibility pass, the runner).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from etlcheck.isolation.diff import FingerprintDiff
    from etlcheck.isolation.fingerprint import Fingerprint


class Snapshot(NamedTuple):
    """Fingerprints of the protected schemas and of the sandbox schemas at one moment
    (a named pair: ``production, sandbox = snapshot`` reads too)."""

    production: Fingerprint
    sandbox: Fingerprint

    def without_row_hashes(self) -> Snapshot:
        """Both fingerprints without the per-row hashes a diff is made from."""
        return Snapshot(self.production.without_row_hashes(), self.sandbox.without_row_hashes())


class Comparison(NamedTuple):
    """What changed between two snapshots: production (must be nothing) and the sandbox."""

    production: FingerprintDiff
    sandbox: FingerprintDiff
