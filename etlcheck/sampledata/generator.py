"""``generate(scale, seed)``: the raw sample, the staging it must produce, and production."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from etlcheck.sampledata import truth
from etlcheck.sampledata.plans import ENTITIES, SamplePlan, plan_for
from etlcheck.sampledata.production import earlier_run, production_tables
from etlcheck.sampledata.raw import compose
from etlcheck.sampledata.render import SPECS
from etlcheck.values import Scale


@dataclass(frozen=True)
class SampleData:
    """Everything one scale and seed produce, as DataFrames keyed by table name.

    ``raw``: the eight raw tables the run reads. ``staging``: what ``etl.stg_*`` must hold
    after a correct run. ``production``: the pre-existing ``dbo`` tables. ``earlier_run``:
    the pre-existing ``etl`` tables left by an earlier run.
    """

    plan: SamplePlan
    seed: int
    raw: Mapping[str, pd.DataFrame]
    staging: Mapping[str, pd.DataFrame]
    production: Mapping[str, pd.DataFrame]
    earlier_run: Mapping[str, pd.DataFrame]

    @property
    def scale(self) -> str:
        return self.plan.scale

    def expected_staging_counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.staging.items()}

    def expected_rejects(self) -> dict[str, dict[str, int]]:
        """Reject rows per raw table and error code, as ``[etl].[load_errors]`` must log them."""
        return {name: dict(plan.rejects) for name, plan in self.plan.entities}


class SampleStream:
    """The sample made table by table, for a caller that loads each table as it is made.

    ``raw`` yields each raw table as soon as its entity exists; ``world`` then yields
    production and the earlier run's tables one at a time. Only the clean entities stay
    (everything else derives from them), so a caller that lets each yielded frame go once
    it is loaded never holds the whole sample. ``generate`` collects the same tables, so
    both give the same frames."""

    def __init__(self, scale: Scale | str = "poc", seed: int = 20240611) -> None:
        self.plan = plan_for(scale)
        self.seed = seed
        self.clean: dict[str, pd.DataFrame] = {}

    def raw(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """Each raw table, entity by entity (an entity references only earlier ones)."""
        for index, entity in enumerate(ENTITIES):
            rng = np.random.default_rng([self.seed, index])
            count = self.plan.entity(entity).clean
            clean = _clean_entity(entity, rng, count, self.clean)
            table = compose(clean, self.plan.entity(entity), SPECS[entity], rng)
            clean.insert(len(clean.columns) - 1, "source_row_id", table.clean_row_ids)
            self.clean[entity] = clean
            frame = table.frame
            del table
            yield entity, frame
            del frame  # let the caller's copy be the last one

    def staging(self) -> dict[str, pd.DataFrame]:
        """What ``etl.stg_*`` must hold after a correct run (once ``raw`` is exhausted)."""
        if len(self.clean) < len(ENTITIES):
            raise RuntimeError("SampleStream.staging() before raw() was exhausted")
        staging = {f"stg_{name}": frame for name, frame in self.clean.items()}
        staging["stg_broker_book"] = broker_book(self.clean)
        return staging

    def world(self, staging: Mapping[str, pd.DataFrame]) -> Iterator[tuple[str, str, pd.DataFrame]]:
        """``(kind, name, frame)``: production (``"production"``) tables, then the earlier
        run's (``"earlier_run"``), one at a time."""
        rng = np.random.default_rng([self.seed, len(ENTITIES)])
        for name, frame in production_tables(self.plan, self.clean, rng):
            yield "production", name, frame
        for name, frame in earlier_run(staging, rng):
            yield "earlier_run", name, frame


def generate(scale: Scale | str = "poc", seed: int = 20240611) -> SampleData:
    """Generate the sample deterministically: the same scale and seed give the same frames."""
    stream = SampleStream(scale, seed)
    raw = dict(stream.raw())
    staging = stream.staging()
    world: dict[str, dict[str, pd.DataFrame]] = {"production": {}, "earlier_run": {}}
    for kind, name, frame in stream.world(staging):
        world[kind][name] = frame
    return SampleData(
        plan=stream.plan,
        seed=seed,
        raw=MappingProxyType(raw),
        staging=MappingProxyType(staging),
        production=MappingProxyType(world["production"]),
        earlier_run=MappingProxyType(world["earlier_run"]),
    )


def _clean_entity(
    entity: str, rng: np.random.Generator, count: int, refs: Mapping[str, pd.DataFrame]
) -> pd.DataFrame:
    if entity == "brokers":
        return truth.brokers(rng, count)
    if entity == "products":
        return truth.products(rng, count)
    if entity == "clients":
        return truth.clients(rng, count)
    if entity == "groups":
        return truth.groups(rng, count, refs["brokers"]["broker_code"])
    if entity == "policies":
        return truth.policies(rng, count, refs)
    if entity == "proposals":
        return truth.proposals(rng, count, refs)
    if entity == "premiums":
        return truth.premiums(rng, count, refs)
    return truth.claims(rng, count, refs)


def broker_book(clean: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per broker: the book ``sql/27-stage-broker-book.sql`` builds from staging."""
    brokers = clean["brokers"][["broker_code"]]
    policies = clean["policies"]
    by_policy = policies.groupby("broker_code")
    claim_policy = clean["claims"].attrs["policy_index"]
    claims = pd.DataFrame({"broker_code": policies["broker_code"].to_numpy()[claim_policy]})
    book = brokers.assign(
        policy_count=brokers["broker_code"].map(by_policy.size()),
        active_policy_count=brokers["broker_code"].map(
            policies[policies["status"] == "IN_FORCE"].groupby("broker_code").size()
        ),
        group_count=brokers["broker_code"].map(clean["groups"].groupby("broker_code").size()),
        total_annual_premium=brokers["broker_code"].map(by_policy["annual_premium"].sum()),
        proposal_count=brokers["broker_code"].map(clean["proposals"].groupby("broker_code").size()),
        claim_count=brokers["broker_code"].map(claims.groupby("broker_code").size()),
    )
    counts = [c for c in book.columns if c.endswith("_count")]
    book[counts] = book[counts].fillna(0).astype(np.int32)
    book["total_annual_premium"] = book["total_annual_premium"].fillna(0.0).round(2)
    return book.reset_index(drop=True)
