"""Each phase finished within the wall-time budget set for it in etlcheck.toml."""

from __future__ import annotations


def test_phase_within_budget(etl_phase, etl_run) -> None:
    timing = next((p for p in etl_run.phases if p.name == etl_phase), None)
    assert timing is not None, f"phase {etl_phase} did not run"
    assert timing.completed == timing.scripts, (
        f"phase {etl_phase}: only {timing.completed} of {timing.scripts} scripts completed"
    )
    assert timing.within_budget, (
        f"phase {etl_phase} ({timing.title}) took {timing.seconds:.2f}s, "
        f"over its {timing.budget_seconds:g}s budget"
    )
