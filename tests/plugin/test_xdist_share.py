"""The run shared between pytest-xdist processes, published in two stages: a consumer gets
the run's values as soon as they are published and waits for the validated expectations
only when it asks for them; a producer that dies releases every waiting consumer with one
line. Producers that die are real processes that exit."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from etlcheck.xdist_share import Outcome, RunShare, SharedRun

REPO = Path(__file__).resolve().parents[2]
DYING_PRODUCER = """
import sys
from pathlib import Path
from etlcheck.xdist_share import Outcome, RunShare, SharedRun
share = RunShare(Path(sys.argv[1]), "gw0")
assert share.role() == "producer"
if sys.argv[2] == "first-stage":
    share.publish(SharedRun("gw0", {"etl_run": Outcome("ran")}, complete=False))
"""


def the_run(stage: str, **outcomes: Outcome) -> SharedRun:
    return SharedRun("gw0", dict(outcomes), complete=stage == "complete")


def test_a_consumer_takes_the_run_before_the_expectations_are_validated(tmp_path: Path) -> None:
    producer, consumer = RunShare(tmp_path, "gw0"), RunShare(tmp_path, "gw1")
    assert (producer.role(), consumer.role()) == ("producer", "consumer")
    producer.publish(the_run("first", etl_run=Outcome("ran")))
    assert consumer.result("etl_run").outcomes["etl_run"].value == "ran"

    taken: list[SharedRun] = []
    waiting = threading.Thread(target=lambda: taken.append(consumer.result("etl_expectations")))
    waiting.start()
    waiting.join(timeout=0.3)
    assert waiting.is_alive() and not taken  # the expectations are not published yet
    producer.publish(
        the_run("complete", etl_run=Outcome("ran"), etl_expectations=Outcome(["suite"]))
    )
    waiting.join(timeout=60)
    assert [run.outcomes["etl_expectations"].value for run in taken] == [["suite"]]
    consumer.release_database()


def test_a_value_the_producer_never_published_ends_the_wait(tmp_path: Path) -> None:
    """A complete run without ``etl_lint`` (a worker that made it failed before): the
    consumer gets the run as it is, and the fixture reports what is missing."""
    producer, consumer = RunShare(tmp_path, "gw0"), RunShare(tmp_path, "gw1")
    assert (producer.role(), consumer.role()) == ("producer", "consumer")
    producer.publish(the_run("complete", etl_run=Outcome(failed="step 3 failed")))
    run = consumer.result("etl_lint")
    assert "etl_lint" not in run.outcomes and run.outcomes["etl_run"].failed == "step 3 failed"
    consumer.release_database()


@pytest.mark.parametrize(
    ("stage", "asked", "message"),
    [
        ("nothing", "etl_run", "the worker that ran the pipeline (gw0) ended without a result"),
        (
            "first-stage",
            "etl_expectations",
            "the worker that ran the pipeline (gw0) ended before it finished the run",
        ),
    ],
)
def test_a_producer_that_dies_releases_its_consumers(
    tmp_path: Path, stage: str, asked: str, message: str
) -> None:
    consumer = RunShare(tmp_path, "gw1")
    died = subprocess.run(
        [sys.executable, "-c", DYING_PRODUCER, str(tmp_path), stage],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert died.returncode == 0, died.stderr
    assert consumer.role() == "consumer"
    if stage == "first-stage":
        assert consumer.result("etl_run").outcomes["etl_run"].value == "ran"
    with pytest.raises(RuntimeError) as raised:
        consumer.result(asked)
    assert str(raised.value) == message
    consumer.release_database()
