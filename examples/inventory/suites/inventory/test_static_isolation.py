"""Line of defence 2: every object reference in every script, after the sandbox
remap, is proven to resolve inside the sandbox (or to an allow-listed read-only source)."""

from __future__ import annotations

from etlcheck.assertions import bullet_list


def test_every_script_provably_stays_in_the_sandbox(etl_lint, etl_options) -> None:
    assert etl_lint is not None, (
        f"rewrite mode {etl_options.rewrite!r} runs without a sandbox, so nothing can be proven "
        "to stay in one; run with --etl-rewrite ast"
    )
    unproven = [str(finding) for finding in etl_lint.unsilenced]
    assert not unproven, (
        f"{len(unproven)} reference(s) could not be proven to stay in the sandbox:\n"
        + bullet_list(unproven)
    )
