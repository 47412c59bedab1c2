"""Reports of a run: ``reports/<run-id>/run.json`` and ``report.html``; ``reports/latest``
points at the newest."""

from __future__ import annotations

from etlcheck.report.writer import run_document, write_reports

__all__ = ["run_document", "write_reports"]
