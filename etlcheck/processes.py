"""Whether a process still runs: an owner's pid written beside what it owns (a throwaway
cluster, a folder of benchmark copies) says whether its leftovers may go."""

from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    """True while ``pid`` runs (one of another user's processes counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
