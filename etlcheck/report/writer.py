"""Write the machine-readable run.json and the human report.html of one run."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.redaction import redact_document
from etlcheck.verify import preview_sentence

if TYPE_CHECKING:
    from etlcheck.verify import Verification


def run_document(verification: Verification) -> dict[str, Any]:
    """Everything about a run in plain JSON types."""
    from etlcheck.report.previous import run_keys

    options = verification.options
    key, scripts = run_keys(verification)
    return {
        "verdict": "verified" if verification.verified else "not verified",
        "findings": verification.findings,
        "pipeline": options.config.name,
        "config": str(options.config.source),
        "engine": verification.engine_info,
        "scale": str(options.scale) if options.sample_sources else None,
        "rewrite": options.rewrite,
        "run": verification.run.to_dict(),
        "origin": verification.origin,
        "lint": _dict_or_none(verification.lint),
        "production": _dict_or_none(verification.production),
        "sandbox": _dict_or_none(verification.sandbox),
        "seed": _dict_or_none(verification.seed),
        "production_preview": [
            {
                "production": clone.qualified_name,
                "sentence_for_production": preview_sentence(clone, table),
                **table.to_dict(),
            }
            for clone, table in verification.production_preview()
        ],
        "expectations": (
            [suite.to_dict() for suite in verification.expectations]
            if verification.expectations is not None
            else None
        ),
        "rewrites": list(verification.rewrites),
        "bench_key": key,
        "scripts": scripts,
    }


def _dict_or_none(value: Any) -> Any:
    return value.to_dict() if value is not None and hasattr(value, "to_dict") else None


def write_reports(verification: Verification) -> Path:
    """Write run.json and report.html into reports/<run-id>/; return the HTML path."""
    from etlcheck.report import warm

    warm.finish()  # the templates compiled while the run waited for validation
    from etlcheck.report.benchmarks import run_history_section
    from etlcheck.report.html import render_html
    from etlcheck.report.previous import previous_verified

    base = verification.options.report_dir or verification.options.config.root / "reports"
    folder = Path(base) / verification.run.run_id
    folder.mkdir(parents=True, exist_ok=True)
    document = run_document(verification)
    previous = previous_verified(Path(base), document["bench_key"], verification.run.run_id)
    document = redact_document(document)
    (folder / "run.json").write_text(json.dumps(document, indent=2), "utf-8")
    html_path = folder / "report.html"
    config = verification.options.config
    benchmarks = run_history_section(config.root, document["bench_key"], config.name)
    html_path.write_text(render_html(document, previous, benchmarks), "utf-8")
    point_latest(Path(base), folder)
    return html_path


def point_latest(base: Path, folder: Path) -> None:
    """Make ``base/latest`` a symlink to ``folder`` (replaced atomically)."""
    link = base / "latest"
    temporary = base / f".latest-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(folder.name, target_is_directory=True)
    os.replace(temporary, link)
