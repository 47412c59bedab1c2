"""Phases from the way a project lays out its scripts.

- nested folders (``sql/01-setup/…``, ``sql/02-load/…``): one phase per top-level folder;
- numbered files (``00-schema.sql``, ``10-load-x.sql``, ``30-export-y.sql``): one phase per
  tens (00–09, 10–19, …), named after the word most of its scripts start with, and
  neighbours with the same name merged;
- anything else: one phase, the scripts in name order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_NUMBER = re.compile(r"^(\d+)")
_WORDS = re.compile(r"[a-z]+")
_NAME = re.compile(r"[^a-z0-9_]+")


@dataclass(frozen=True)
class PhasePlan:
    name: str
    title: str
    scripts: tuple[str, ...]
    """Paths relative to the sql folder, with ``/``."""


def natural_key(text: str) -> list[object]:
    """``2-b`` before ``10-a``: numbers compare as numbers."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def scripts_in(sql_dir: Path) -> list[str]:
    found = [p.relative_to(sql_dir).as_posix() for p in sql_dir.rglob("*.sql") if p.is_file()]
    return sorted(found, key=lambda path: [natural_key(part) for part in path.split("/")])


def plan_phases(scripts: list[str]) -> tuple[str, list[PhasePlan]]:
    """(the layout found, its phases)."""
    if any("/" in script for script in scripts):
        return "nested folders", _by_folder(scripts)
    numbered = [script for script in scripts if _NUMBER.match(script)]
    if len(numbered) == len(scripts) and len(scripts) > 1:
        return "numbered files", _by_tens(scripts)
    return "one folder", [PhasePlan("pipeline", "Pipeline", tuple(scripts))]


def _by_folder(scripts: list[str]) -> list[PhasePlan]:
    groups: dict[str, list[str]] = {}
    for script in scripts:
        folder = script.split("/", 1)[0] if "/" in script else ""
        groups.setdefault(folder, []).append(script)
    phases = []
    for folder, members in groups.items():
        name = _identifier(_NUMBER.sub("", folder).strip("-_ .")) or "scripts"
        phases.append(PhasePlan(name, _title(name), tuple(members)))
    return _unique(phases)


def _by_tens(scripts: list[str]) -> list[PhasePlan]:
    groups: dict[int, list[str]] = {}
    numbers = [int(_NUMBER.match(script).group(1)) for script in scripts]  # type: ignore[union-attr]
    wide = max(numbers) >= 10
    for script, number in zip(scripts, numbers, strict=True):
        groups.setdefault(number // 10 if wide else 0, []).append(script)
    phases: list[PhasePlan] = []
    for tens, members in groups.items():
        word = _common_word(members)
        name = word or f"steps_{tens}x"
        title = _title(word) if word else f"Scripts {tens}0-{tens}9"
        if phases and phases[-1].name == name:
            previous = phases.pop()
            members = [*previous.scripts, *members]
        phases.append(PhasePlan(name, title, tuple(members)))
    return _unique(phases)


def _common_word(scripts: list[str]) -> str | None:
    """The word more than half the scripts start with (after their number)."""
    firsts = []
    for script in scripts:
        words = _WORDS.findall(_NUMBER.sub("", Path(script).stem).lower())
        firsts.append(words[0] if words else "")
    word, count = Counter(firsts).most_common(1)[0]
    return word if word and count * 2 > len(scripts) else None


def _identifier(text: str) -> str:
    return _NAME.sub("_", text.lower()).strip("_")


def _title(name: str) -> str:
    return name.replace("_", " ").title()


def _unique(phases: list[PhasePlan]) -> list[PhasePlan]:
    seen: Counter[str] = Counter()
    result = []
    for phase in phases:
        seen[phase.name] += 1
        if seen[phase.name] == 1:
            result.append(phase)
        else:
            name = f"{phase.name}_{seen[phase.name]}"
            result.append(PhasePlan(name, f"{phase.title} {seen[phase.name]}", phase.scripts))
    return result
