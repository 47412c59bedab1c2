"""etlcheck: verify SQL-script ETL pipelines inside sandbox schemas before production."""

from __future__ import annotations

__version__ = "0.1.0"
