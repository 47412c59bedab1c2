"""Results against a baseline: the refusal of unequal keys (one line, exit 2, the key
named), rows per step and phase, code changes marked, and what --fail-on counts."""

from __future__ import annotations

import pytest

from etlcheck.bench.compare import BenchKeyMismatch, FailOn, compare_results
from etlcheck.bench.keys import CacheState
from etlcheck.bench.table import comparison_lines
from etlcheck.bench.verdict import Thresholds, Verdict
from etlcheck.errors import UsageError
from tests.bench.conftest import KEY, MACHINE, Make

QUICK = [0.010, 0.011, 0.0105, 0.0102, 0.0108]
MERGE = [0.050, 0.052, 0.049, 0.051, 0.050]
PUBLISH = [0.030, 0.031, 0.029, 0.032, 0.030]
SLOW_MERGE = [1.90, 1.93, 1.88, 1.95, 1.91]


def _walls(merge: list[float]) -> dict[str, list[float]]:
    return {
        "10-stage-orders.sql": QUICK,
        "20-merge-customers.sql": merge,
        "21-publish-orders.sql": PUBLISH,
    }


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"scale": "seed"}, "its scale is seed, this run's is none"),
        ({"engine": "postgres"}, "its engine is postgres, this run's is duckdb"),
        ({"cache": CacheState.COLD}, "its cache state is cold, this run's is warm"),
        ({"rewrite": "regex"}, "its rewrite mode is regex, this run's is ast"),
        ({"seed_digest": "0ther5eed"}, "its seed digest is 0ther5eed"),
        ({"etlcheck_version": "0.2.0"}, "its etlcheck version is 0.2.0"),
    ],
)
def test_unequal_keys_are_refused_naming_the_key(make: Make, change: dict, named: str) -> None:
    baseline = make(_walls(MERGE), key=KEY.model_copy(update=change))
    with pytest.raises(BenchKeyMismatch) as refused:
        compare_results(baseline, make(_walls(MERGE)), Thresholds(), "0003")
    message = str(refused.value)
    assert named in message
    assert message.startswith("refusing to compare with 0003: ")
    assert "\n" not in message
    assert refused.value.exit_code == 2
    assert isinstance(refused.value, UsageError)


def test_another_machine_or_pipeline_is_refused(make: Make) -> None:
    laptop = MACHINE.model_copy(update={"id": "laptop-Darwin-CPython3.11-arm64"})
    with pytest.raises(BenchKeyMismatch, match="its machine is laptop"):
        compare_results(make(_walls(MERGE), machine=laptop), make(_walls(MERGE)), Thresholds())
    with pytest.raises(BenchKeyMismatch, match="its pipeline is billing"):
        compare_results(make(_walls(MERGE), pipeline="billing"), make(_walls(MERGE)), Thresholds())


def test_too_few_runs_are_refused(make: Make) -> None:
    four = {name: walls[:4] for name, walls in _walls(MERGE).items()}
    with pytest.raises(UsageError, match=r"cannot reach p < 0\.01"):
        compare_results(make(four), make(four), Thresholds())


def test_the_slow_step_and_its_phase_are_slower(make: Make) -> None:
    digests = {"20-merge-customers.sql": "feed" * 4}
    comparison = compare_results(
        make(_walls(MERGE)), make(_walls(SLOW_MERGE), digests=digests), Thresholds()
    )
    verdicts = {(r.kind, r.name): r.verdict for r in comparison.rows}
    assert verdicts[("step", "20-merge-customers.sql")] is Verdict.SLOWER
    assert verdicts[("phase", "publish")] is Verdict.SLOWER
    assert verdicts[("step", "10-stage-orders.sql")] is Verdict.SAME
    assert verdicts[("phase", "stage")] is Verdict.SAME
    slow = next(r for r in comparison.rows if r.name == "20-merge-customers.sql")
    assert slow.code_changed
    assert slow.sentence.startswith(
        "20-merge-customers.sql is slower: median 1.910s against 0.050s in the baseline "
        "(×38.20, +1860 ms, p = 0.0079); its code changed"
    )
    assert [r.name for r in comparison.failing(FailOn.STEP)] == [
        "20-merge-customers.sql",
        "publish",
    ]
    assert [r.name for r in comparison.failing(FailOn.PHASE)] == ["publish"]
    assert comparison.failing(FailOn.NONE) == []


def test_unchanged_samples_fail_nothing(make: Make) -> None:
    comparison = compare_results(make(_walls(MERGE)), make(_walls(MERGE)), Thresholds())
    assert comparison.failing(FailOn.STEP) == []
    assert comparison.count(Verdict.SAME) == len(comparison.rows) == 5


def test_steps_only_one_side_has_are_listed_not_compared(make: Make) -> None:
    walls = _walls(MERGE)
    added = {**walls, "22-order-totals.sql": PUBLISH}
    comparison = compare_results(make(walls), make(added), Thresholds())
    row = next(r for r in comparison.rows if r.name == "22-order-totals.sql")
    assert (row.comparison, row.only_in) == (None, "head")
    assert row.sentence == "22-order-totals.sql ran only in the head: nothing to compare"
    gone = compare_results(make(added), make(walls), Thresholds())
    assert any(r.only_in == "baseline" for r in gone.rows)


def test_the_table_names_each_step_with_medians_ratio_p_and_verdict(make: Make) -> None:
    digests = {"20-merge-customers.sql": "feed" * 4}
    comparison = compare_results(
        make(_walls(MERGE), name="before"),
        make(_walls(SLOW_MERGE), digests=digests),
        Thresholds(),
    )
    lines = comparison_lines(comparison, FailOn.STEP)
    assert lines[0].split() == [
        "step",
        "or",
        "phase",
        "baseline",
        "this",
        "run",
        "ratio",
        "p",
        "verdict",
    ]
    slow = next(line for line in lines if line.startswith("✗ 20-merge-customers.sql*"))
    assert slow.split()[2:] == ["0.050s", "1.910s", "38.20", "0.0079", "SLOWER"]
    quick = next(line for line in lines if "10-stage-orders.sql" in line)
    assert quick.split()[-1] == "same"
    assert "* the step's code changed since the baseline" in lines
    assert any(
        line.startswith("2 slower, 0 faster, 3 same, 0 noisy (against 0000") is False
        for line in lines
    )
    summary = next(line for line in lines if line.startswith("2 slower"))
    assert "against unsaved (before)" in summary
    assert "✗ phase Publish is slower" in "\n".join(lines)


BIG_MERGE = [0.500, 0.505, 0.498, 0.510, 0.502]


def _slower_machine(factor: float) -> dict[str, list[float]]:
    """Every step of the pipeline, unchanged, on a machine ``factor`` times as slow."""
    return {name: [w * factor for w in walls] for name, walls in _walls(BIG_MERGE).items()}


def test_a_slowdown_the_machine_explains_fails_nothing(make: Make) -> None:
    baseline = make(_walls(BIG_MERGE), name="before", reference=0.020)
    head = make(_slower_machine(1.25), reference=0.025)
    comparison = compare_results(baseline, head, Thresholds())
    assert comparison.drift == pytest.approx(1.25)
    assert comparison.failing(FailOn.STEP) == []
    merge = next(r for r in comparison.rows if r.name == "20-merge-customers.sql")
    assert merge.verdict is Verdict.NOISY
    assert merge.sentence.endswith(
        "; the machine itself ran ×1.25 slower than for the baseline, which explains a "
        "change this size"
    )
    lines = comparison_lines(comparison, FailOn.STEP)
    assert (
        "the machine ran ×1.25 slower than for the baseline (a reference workload timed "
        "before each run): 2 changes it explains are noisy, not slower"
    ) in lines


def test_without_a_reference_on_both_sides_nothing_is_explained(make: Make) -> None:
    baseline = make(_walls(BIG_MERGE), reference=None)
    comparison = compare_results(baseline, make(_slower_machine(1.25)), Thresholds())
    assert comparison.drift == 1.0
    assert [r.name for r in comparison.failing(FailOn.STEP)] == [
        "20-merge-customers.sql",
        "publish",
    ]
    assert not any("the machine ran" in line for line in comparison_lines(comparison, FailOn.STEP))
