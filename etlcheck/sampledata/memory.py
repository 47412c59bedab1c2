"""Whether the sample generator's data fits in memory, asked before generating it.

``--scale 1000000`` used to die with a MemoryError traceback after minutes of work. The
sample is generated and loaded table by table, so what stays is the clean entities the
tables derive from (about 40 MB per seed volume); DuckDB's buffer pool is capped
(``engines.duckdb.MEMORY_LIMIT``) and the before- and after-fingerprints hold a hash or
two per row. A whole ``etlcheck run --scale 10`` peaked at 1.5 GB (1.9 GB with a pool of
768 MB): under 200 MB per seed volume, the fixed part included, hence :data:`BYTES_PER_SEED`.
"""

from __future__ import annotations

from pathlib import Path

from etlcheck.errors import UsageError
from etlcheck.values import Scale

BYTES_PER_SEED = 200 * 2**20
"""Memory one seed volume of sample data needs, from generation to the fingerprint."""
_MEMINFO = Path("/proc/meminfo")
_CGROUP = Path("/sys/fs/cgroup")


def estimated_bytes(scale: Scale) -> int:
    """Memory a run at ``scale`` needs for its sample data (small for 'poc')."""
    factor = scale.factor
    return BYTES_PER_SEED // 20 if factor is None else factor * BYTES_PER_SEED


def available_bytes() -> int | None:
    """Memory this process may still use: what the system has available, within the
    container's limit when there is one; None where neither can be read."""
    found = []
    try:
        for line in _MEMINFO.read_text("ascii").splitlines():
            if line.startswith("MemAvailable:"):
                found.append(int(line.split()[1]) * 1024)
    except (OSError, ValueError):
        pass
    try:
        limit = (_CGROUP / "memory.max").read_text("ascii").strip()
        used = int((_CGROUP / "memory.current").read_text("ascii").strip())
        if limit != "max":
            found.append(int(limit) - used)
    except (OSError, ValueError):
        pass
    return min(found) if found else None


def check_sample_fits(scale: Scale, available: int | None = None) -> None:
    """A usage error (exit 2, one line) when the sample at ``scale`` cannot fit."""
    have = available if available is not None else available_bytes()
    need = estimated_bytes(scale)
    if have is None or need <= have:
        return
    largest = have // BYTES_PER_SEED
    fits = f"at most {largest} fits here" if largest >= 1 else "only 'poc' fits here"
    raise UsageError(
        f"scale {scale} needs about {_size(need)} of memory for the sample data (about "
        f"{_size(BYTES_PER_SEED)} per seed volume), and {_size(have)} is available",
        hint=f"use a smaller --scale: {fits}",
    )


def _size(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB", "PB"):
        if value < 1024 or unit == "PB":
            return f"{value:,.0f} {unit}" if unit == "bytes" else f"{value:,.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
