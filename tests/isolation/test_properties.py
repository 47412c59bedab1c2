"""Property-based tests of the isolation proof (Hypothesis; see conftest.py for profiles):
generated scripts are remapped with nothing production left and no statement broken, and
what cannot be proven is reported on its own line."""

from __future__ import annotations

from hypothesis import given

from etlcheck.config import SandboxConfig
from etlcheck.isolation.invariant import residuals
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.located import Names
from etlcheck.isolation.remap import analyse_batch, remap_script, script_batches
from etlcheck.tsql.nodes import UNPARSED
from etlcheck.tsql.statements import read_batch
from etlcheck.tsql.tokens import word_of
from tests.isolation.generated import Generated, flagged_scripts, safe_scripts

SANDBOX = SandboxConfig(
    schema_map={"dbo": "sbx_dbo", "etl": "sbx_etl", "stage": "sbx_stage", "audit": "sbx_audit"},
    protected=("dbo", "etl", "stage", "audit"),
)
NAMES = Names.of(SANDBOX)
STRUCTURE = frozenset({"BEGIN", "END", "TRY", "CATCH", "ELSE", "IF", "WHILE", ";"})


def _shapes(text: str) -> list[list[str]]:
    batches, problems = script_batches(text)
    assert problems == []
    return [[shape for _, shape in analyse_batch(b.text, NAMES).signatures] for b in batches]


@given(safe_scripts())
def test_generated_scripts_are_remapped_whole(generated: Generated) -> None:
    """Every token is read as part of a statement; the remap leaves no production name,
    changes no statement's parse, needs no second pass; and the lint finds nothing."""
    script = generated.script
    batches, _ = script_batches(script)
    for batch in batches:
        reading = read_batch(batch.text)
        assert all(span.role != UNPARSED for span in reading.spans)
        covered = {i for span in reading.spans for i in range(span.first, span.last + 1)}
        for index, token in enumerate(reading.tokens):
            if index not in covered:
                assert (word_of(token) or token.text) in STRUCTURE, token
    result = remap_script(script, "generated.sql", SANDBOX)
    assert residuals(result.text, NAMES) == []
    assert _shapes(result.text) == _shapes(script)
    assert remap_script(result.text, "generated.sql", SANDBOX).changes == ()
    assert lint_script(script, "generated.sql", SANDBOX) == ()


@given(flagged_scripts())
def test_what_cannot_be_proven_is_reported_on_its_lines(generated: Generated) -> None:
    script = generated.script
    start = script.index(generated.flagged)
    first = script.count("\n", 0, start) + 1
    lines = range(first, first + generated.flagged.count("\n") + 1)
    findings = lint_script(script, "generated.sql", SANDBOX)
    assert any(f.code == generated.code and f.location.line in lines for f in findings), findings
    assert not any(f.code in ("residual-reference", "remap-broke-statement") for f in findings)
    result = remap_script(script, "generated.sql", SANDBOX)
    reported = {f.location.line for f in findings}
    for residual in residuals(result.text, NAMES):
        assert script.count("\n", 0, result.original_offset(residual.offset)) + 1 in reported
