"""The type of what argparse's ``add_subparsers()`` returns, as the CLI's modules use it.

argparse names that class ``_SubParsersAction`` (private); the modules that add a
subcommand are typed against this Protocol instead.
"""

from __future__ import annotations

import argparse
from typing import Any, Protocol


class Subcommands(Protocol):
    """Where ``etlcheck <command>`` parsers are added."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...
