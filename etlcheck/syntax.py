"""A syntax check of every script before anything runs, so a typo is bad input
(exit 2, file:line:col) rather than a failed step halfway through a run."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from etlcheck.errors import ScriptError, location_of_offset
from etlcheck.pipeline import Pipeline
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.compiler import CompileError, parse_tsql
from etlcheck.tsql.nodes import Node, Sql
from etlcheck.tsql.statements import SplitError, split_statements


def check_pipeline_syntax(pipeline: Pipeline) -> None:
    """Raise ScriptError at the first statement of any step that does not parse."""
    for step in pipeline.steps:
        check_script_syntax(step.read(), step.path)


def check_script_syntax(text: str, path: Path) -> None:
    for batch in split_batches(text, path):
        try:
            block = split_statements(batch.text)
        except SplitError as error:
            raise ScriptError(
                f"syntax error: {error.message}",
                location_of_offset(path, text, batch.offset + error.offset),
                "fix the script",
            ) from None
        for statement in _statements(block):
            try:
                parse_tsql(statement.fragment.text)
            except CompileError as error:
                if not str(error).startswith("cannot parse"):
                    continue  # a construct, not a typo: the engine says whether it can run it
                raise ScriptError(
                    f"syntax error: {error}",
                    location_of_offset(path, text, batch.offset + statement.fragment.start),
                    "fix the script",
                ) from None


def _statements(node: object) -> Iterator[Sql]:
    if isinstance(node, Sql):
        yield node
        return
    if isinstance(node, tuple | list):
        for item in node:
            yield from _statements(item)
        return
    if isinstance(node, Node):
        for field in dataclasses.fields(node):
            yield from _statements(getattr(node, field.name))
