"""Line of defence 3: after the run, nothing outside the sandbox was created or changed,
and the sandbox holds the pipeline's data."""

from __future__ import annotations

from etlcheck.assertions import bullet_list, production_findings, step_failure_sentence

STAGING_TABLES = ("stg_brokers", "stg_policies", "stg_groups", "stg_proposals")


def test_every_step_completed(etl_run) -> None:
    failed = etl_run.failed
    assert failed is None, step_failure_sentence(failed)
    assert etl_run.completed == etl_run.steps_total


def test_nothing_outside_the_sandbox_was_created_or_changed(etl_after, etl_options) -> None:
    production, _ = etl_after
    leaks = production_findings(production, etl_options.config.sandbox)
    assert not leaks, "the run wrote outside its sandbox:\n" + bullet_list(leaks)


def test_the_sandbox_holds_the_staging_data(etl_after, etl_options) -> None:
    _, sandbox = etl_after
    schema = etl_options.config.sandbox.sandbox_of("etl")
    empty = []
    for name in STAGING_TABLES:
        table = sandbox.table(schema, name)
        if table is None or table.rows_after == 0:
            empty.append(f"{schema}.{name} holds no rows after the run")
    assert not empty, "the pipeline's data did not land in the sandbox:\n" + bullet_list(empty)
