"""The rule that keeps etlcheck away from databases it must not touch.

A server given by URL is someone else's: etlcheck uses it only when the database's
name looks disposable (``etlcheck_ci``, ``test-42``, ``tmp_x``...) or the user says
``--allow-external-target``. A refusal is exit 2 and names the rule.
"""

from __future__ import annotations

import re

from etlcheck.errors import RefusalError
from etlcheck.redaction import redact_url

__all__ = ["DEFAULT_DISPOSABLE_PATTERN", "check_disposable", "redact_url"]

DEFAULT_DISPOSABLE_PATTERN = r"^(etlcheck|test|tmp|ci)([_-]|$)"


def check_disposable(
    database: str,
    server: str,
    pattern: str = DEFAULT_DISPOSABLE_PATTERN,
    allow_external_target: bool = False,
) -> None:
    """RefusalError unless ``database`` matches ``pattern`` (ignoring case) or it is allowed."""
    if allow_external_target:
        return
    try:
        matches = re.search(pattern, database, re.IGNORECASE) is not None
    except re.error as error:
        raise RefusalError(
            f"the disposable-database pattern {pattern!r} is not a valid regex: {error}",
            hint="fix the pattern",
        ) from None
    if not database or not matches:
        raise RefusalError(
            f"refusing database {database or '(none given)'!r} on {server}: "
            f"rule 'disposable-target' needs its name to match {pattern!r}",
            hint="point at a database whose name looks disposable (etlcheck_*, test_*, tmp_*, ci_*)"
            " or pass --allow-external-target",
        )
