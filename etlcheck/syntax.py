"""A syntax check of every script before anything runs, so a typo is bad input
(exit 2, file:line:col) rather than a failed step halfway through a run.

It reads batches as the lint does (the total reading of ``tsql.statements``): what the
splitter cannot read is a syntax error, while a construct an engine may not run (a cursor,
a procedure, a label) is left to that engine to accept or refuse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import sqlglot
from sqlglot.errors import ParseError, TokenError

from etlcheck import workcache
from etlcheck.errors import ScriptError, location_of_offset
from etlcheck.pipeline import Pipeline
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.compiler import CompileError, parse_tsql
from etlcheck.tsql.nodes import Node, Sql, Unparsed, nodes_of
from etlcheck.tsql.statements import SplitError, read_batch

UNREAD_HINT = (
    "fix the script; if SQL Server runs it as written, etlcheck cannot read this form yet, "
    "nor prove that it stays in the sandbox: write it another way"
)
"""A statement the parser cannot read is most often a typo, but the parser does not know
all of T-SQL: the hint says both (on every engine, since the proof needs the reading)."""

_PASSED: dict[tuple[str, str], bool] = {}
"""Scripts (text, path) that passed; a failing one is checked again each time."""
workcache.register("syntax.passed", _PASSED)


def check_pipeline_syntax(pipeline: Pipeline) -> None:
    """Raise ScriptError at the first statement of any step that does not parse."""
    for step in pipeline.steps:
        check_script_syntax(step.read(), step.path)


def check_script_syntax(text: str, path: Path) -> None:
    key = (text, str(path))
    if key not in _PASSED:
        _check_script(text, path)
        _PASSED[key] = True


def _check_script(text: str, path: Path) -> None:
    for batch in split_batches(text, path):
        try:
            reading = read_batch(batch.text)
        except SplitError as error:
            raise ScriptError(
                f"syntax error: {error.message}",
                location_of_offset(path, text, batch.offset + error.offset),
                "fix the script",
            ) from None
        for problem in _unreadable(reading.block, reading.problems):
            raise ScriptError(
                f"syntax error: {problem.message}",
                location_of_offset(path, text, batch.offset + problem.offset),
                "fix the script",
            )
        for statement in _statements(reading.block):
            try:
                parse_tsql(statement.fragment.text)
            except CompileError as error:
                if not str(error).startswith("cannot parse"):
                    continue  # a construct, not a typo: the engine says whether it can run it
                message, offset = parse_failure(statement.fragment.text, str(error))
                raise ScriptError(
                    f"syntax error: {message}",
                    location_of_offset(
                        path, text, batch.offset + statement.fragment.start + offset
                    ),
                    UNREAD_HINT,
                ) from None


_TOKEN = re.compile(r"<Token token_type: [^,]+, text: (?P<text>.*?), line: \d+, col: \d+, .*?>")


def parse_failure(statement: str, fallback: str) -> tuple[str, int]:
    """What sqlglot could not read in ``statement`` and where (an offset into it), in
    words a person reads: ``Expected table name but got INTO``, at that INTO."""
    try:
        sqlglot.parse(statement, read="tsql")
    except ParseError as error:
        if error.errors:
            first = error.errors[0]
            description = _TOKEN.sub(lambda m: m["text"], str(first.get("description", "")))
            return description, _offset(statement, first)
    except TokenError:
        pass
    return _TOKEN.sub(lambda m: m["text"], fallback).split(". Line ")[0], 0


def _offset(statement: str, error: dict[str, object]) -> int:
    """sqlglot gives the line and the column where the token it stopped at ends."""
    line, column = int(str(error.get("line") or 1)), int(str(error.get("col") or 1))
    highlight = str(error.get("highlight") or "")
    lines = statement.split("\n")
    start = sum(len(text) + 1 for text in lines[: max(0, line - 1)])
    return max(0, min(len(statement), start + column - len(highlight)))


def _unreadable(block: Node, problems: tuple[SplitError, ...]) -> Iterator[SplitError]:
    """What the splitter could not read, first in the batch first."""
    found = [
        SplitError(node.message, node.start)
        for node in nodes_of(block, Unparsed)
        if isinstance(node, Unparsed)
    ]
    yield from sorted([*found, *problems], key=lambda error: error.offset)


def _statements(node: object) -> Iterator[Sql]:
    for found in nodes_of(node, Sql):
        assert isinstance(found, Sql)
        yield found
