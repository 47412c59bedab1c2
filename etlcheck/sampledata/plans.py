"""How many raw rows of each kind the sample holds at a scale.

Every figure is exact: the pipeline's staging output is the ``clean`` count of each
entity, because duplicates collapse onto clean rows and every reject row carries
exactly one fault. ``seed`` reproduces the incident's staging counts; an integer N
multiplies the seed volumes; ``poc`` is 100 raw rows per table, as in the incident.
"""

from __future__ import annotations

from dataclasses import dataclass

from etlcheck.values import Scale

ENTITIES = (
    "brokers",
    "products",
    "clients",
    "groups",
    "policies",
    "proposals",
    "premiums",
    "claims",
)
"""Raw tables in generation order: an entity only references entities before it."""


@dataclass(frozen=True)
class EntityPlan:
    """Raw volume of one entity: clean rows, duplicate copies and rejects by error code."""

    clean: int
    duplicates: int
    rejects: tuple[tuple[str, int], ...]

    @property
    def rejected(self) -> int:
        return sum(count for _, count in self.rejects)

    @property
    def raw(self) -> int:
        return self.clean + self.duplicates + self.rejected

    def times(self, factor: int) -> EntityPlan:
        return EntityPlan(
            self.clean * factor,
            self.duplicates * factor,
            tuple((code, count * factor) for code, count in self.rejects),
        )


@dataclass(frozen=True)
class SamplePlan:
    """The raw volumes of all eight entities and the production volumes at one scale."""

    scale: str
    entities: tuple[tuple[str, EntityPlan], ...]
    production: tuple[tuple[str, int], ...]

    def entity(self, name: str) -> EntityPlan:
        return dict(self.entities)[name]

    def production_rows(self, table: str) -> int:
        return dict(self.production)[table]


_SEED: dict[str, EntityPlan] = {
    "brokers": EntityPlan(
        12_260, 245, (("MISSING_KEY", 40), ("BAD_STATUS", 50), ("BAD_COMMISSION", 32))
    ),
    "products": EntityPlan(60, 2, (("BAD_LINE", 2), ("BAD_RATE", 1))),
    "clients": EntityPlan(40_000, 800, (("MISSING_KEY", 120), ("BAD_GENDER", 80))),
    "groups": EntityPlan(
        3_181, 64, (("MISSING_KEY", 12), ("ORPHAN_BROKER", 20), ("BAD_INDUSTRY", 15))
    ),
    "policies": EntityPlan(
        148_103,
        2_962,
        (
            ("MISSING_KEY", 300),
            ("ORPHAN_BROKER", 420),
            ("ORPHAN_CLIENT", 180),
            ("UNKNOWN_PRODUCT", 90),
            ("ORPHAN_GROUP", 60),
            ("BAD_STATUS", 250),
            ("BAD_PREMIUM", 210),
            ("BAD_DATES", 125),
        ),
    ),
    "proposals": EntityPlan(
        12_613,
        252,
        (("MISSING_KEY", 40), ("ORPHAN_BROKER", 60), ("BAD_STATUS", 45), ("BAD_PREMIUM", 30)),
    ),
    "premiums": EntityPlan(50_000, 1_000, (("ORPHAN_POLICY", 150), ("BAD_AMOUNT", 100))),
    "claims": EntityPlan(
        9_000, 180, (("ORPHAN_POLICY", 40), ("BAD_AMOUNT", 30), ("BAD_STATUS", 20))
    ),
}

_POC: dict[str, EntityPlan] = {
    "brokers": EntityPlan(90, 5, (("MISSING_KEY", 2), ("BAD_STATUS", 2), ("BAD_COMMISSION", 1))),
    "products": EntityPlan(92, 4, (("BAD_LINE", 2), ("BAD_RATE", 2))),
    "clients": EntityPlan(92, 4, (("MISSING_KEY", 2), ("BAD_GENDER", 2))),
    "groups": EntityPlan(90, 4, (("MISSING_KEY", 2), ("ORPHAN_BROKER", 2), ("BAD_INDUSTRY", 2))),
    "policies": EntityPlan(
        84,
        4,
        (
            ("MISSING_KEY", 2),
            ("ORPHAN_BROKER", 2),
            ("ORPHAN_CLIENT", 2),
            ("UNKNOWN_PRODUCT", 1),
            ("ORPHAN_GROUP", 1),
            ("BAD_STATUS", 2),
            ("BAD_PREMIUM", 1),
            ("BAD_DATES", 1),
        ),
    ),
    "proposals": EntityPlan(
        90, 4, (("MISSING_KEY", 2), ("ORPHAN_BROKER", 2), ("BAD_STATUS", 1), ("BAD_PREMIUM", 1))
    ),
    "premiums": EntityPlan(92, 4, (("ORPHAN_POLICY", 2), ("BAD_AMOUNT", 2))),
    "claims": EntityPlan(90, 4, (("ORPHAN_POLICY", 2), ("BAD_AMOUNT", 2), ("BAD_STATUS", 2))),
}

PRODUCTION_SEED: dict[str, int] = {
    "Brokers": 12_263,
    "Policies": 113_215,
    "Proposals": 11_891,
    "Groups": 3_050,
    "Clients": 38_400,
    "Products": 55,
}
"""Rows in the pre-existing production ``dbo`` at seed scale (the incident's figures)."""

PRODUCTION_SOURCE: dict[str, str] = {
    "Brokers": "brokers",
    "Policies": "policies",
    "Proposals": "proposals",
    "Groups": "groups",
    "Clients": "clients",
    "Products": "products",
}


def plan_for(scale: Scale | str) -> SamplePlan:
    """The plan for 'poc', 'seed' or a whole number N (N times the seed volumes)."""
    parsed = Scale.parse(scale)
    factor = parsed.factor
    if factor is None:
        entities = dict(_POC)
        production = {
            table: max(1, round(rows * _POC[source].clean / _SEED[source].clean))
            for table, rows in PRODUCTION_SEED.items()
            for source in (PRODUCTION_SOURCE[table],)
        }
    else:
        entities = {name: plan.times(factor) for name, plan in _SEED.items()}
        production = {table: rows * factor for table, rows in PRODUCTION_SEED.items()}
    return SamplePlan(
        scale=parsed.name,
        entities=tuple((name, entities[name]) for name in ENTITIES),
        production=tuple(production.items()),
    )


def staging_table(entity: str) -> str:
    return f"stg_{entity}"
