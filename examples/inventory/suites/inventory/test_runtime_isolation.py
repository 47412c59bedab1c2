"""Line of defence 3: after the run, nothing outside the sandbox was created or changed,
and the sandbox holds the pipeline's data."""

from __future__ import annotations

from etlcheck.assertions import bullet_list, production_findings, step_failure_sentence


def test_every_step_completed(etl_run) -> None:
    failed = etl_run.failed
    assert failed is None, step_failure_sentence(failed)
    assert etl_run.completed == etl_run.steps_total


def test_nothing_outside_the_sandbox_was_created_or_changed(etl_after, etl_options) -> None:
    production, _ = etl_after
    leaks = production_findings(production, etl_options.config.sandbox)
    assert not leaks, "the run wrote outside its sandbox:\n" + bullet_list(leaks)


def test_the_sandbox_holds_the_staging_data(etl_after, etl_options, etl_pipeline_tables) -> None:
    """Every table the scripts create in a mapped schema is in its sandbox after the run
    (unless the pipeline dropped it again), and the run left rows in the sandbox."""
    production, sandbox = etl_after
    config = etl_options.config.sandbox
    misplaced = []
    for schema, name in etl_pipeline_tables:
        target = config.sandbox_of(schema)
        if target is None or sandbox.table(target, name) is not None:
            continue
        in_production = production.table(schema, name)
        if in_production is not None and in_production.status != "dropped":
            misplaced.append(
                f"{schema}.{name} is in production, not in {target}.{name}: "
                f"{in_production.sentence}"
            )
    assert not misplaced, "the pipeline's tables did not land in the sandbox:\n" + bullet_list(
        misplaced
    )
    assert any(t.rows_added or t.rows_changed for t in sandbox.tables), (
        f"the run left no rows in the sandbox schemas ({', '.join(config.schema_map.values())})"
    )
