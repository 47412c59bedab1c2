"""``generate(scale, seed)``: the raw sample, the staging it must produce, and production."""

from __future__ import annotations

from collections.abc import Mapping
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


def generate(scale: Scale | str = "poc", seed: int = 20240611) -> SampleData:
    """Generate the sample deterministically: the same scale and seed give the same frames."""
    plan = plan_for(scale)
    clean: dict[str, pd.DataFrame] = {}
    raw: dict[str, pd.DataFrame] = {}
    for index, entity in enumerate(ENTITIES):
        rng = np.random.default_rng([seed, index])
        count = plan.entity(entity).clean
        clean[entity] = _clean_entity(entity, rng, count, clean)
        table = compose(clean[entity], plan.entity(entity), SPECS[entity], rng)
        raw[entity] = table.frame
        clean[entity].insert(len(clean[entity].columns) - 1, "source_row_id", table.clean_row_ids)
    staging = {f"stg_{name}": frame for name, frame in clean.items()}
    staging["stg_broker_book"] = broker_book(clean)
    rng = np.random.default_rng([seed, len(ENTITIES)])
    return SampleData(
        plan=plan,
        seed=seed,
        raw=MappingProxyType(raw),
        staging=MappingProxyType(staging),
        production=MappingProxyType(production_tables(plan, clean, rng)),
        earlier_run=MappingProxyType(earlier_run(staging, rng)),
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
