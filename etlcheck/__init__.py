"""etlcheck: verify SQL-script ETL pipelines inside sandbox schemas before production."""

from __future__ import annotations

__version__ = "0.1.0"
APPLICATION_NAME = "etlcheck"
"""The program name etlcheck's database sessions give (T-SQL's ``APP_NAME()``)."""
