"""The sample's name for :mod:`etlcheck.table_layouts` (which does not load the generator)."""

from __future__ import annotations

from etlcheck.table_layouts import (
    Column,
    TableLayout,
    layouts_in_scripts,
    layouts_in_text,
    portable_type,
)

__all__ = ["Column", "TableLayout", "layouts_in_scripts", "layouts_in_text", "portable_type"]
