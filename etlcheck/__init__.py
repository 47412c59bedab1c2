"""etlcheck: verify SQL-script ETL pipelines inside sandbox schemas before production."""

from __future__ import annotations

import logging

__version__ = "0.1.0"
APPLICATION_NAME = "etlcheck"
"""The program name etlcheck's database sessions give (T-SQL's ``APP_NAME()``)."""

logging.getLogger("sqlglot").addHandler(logging.NullHandler())
"""sqlglot warns as it parses ("falling back to parsing as a Command", "unsupported query
option"); etlcheck reports what it cannot read itself, at its file:line:col. Without a
handler of its own, Python would print those warnings on stderr; with one, they reach only
the handlers an application configures (pytest's log capture, say)."""
