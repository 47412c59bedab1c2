"""``USE [SalesDW]`` at the top of production's DDL, as SSMS "Generate Scripts" writes it.

A DDL seed source creates production in the disposable database, whatever database the
script was generated from, so a batch that only switches database is left out (blanked,
so every other statement keeps its line and column) and the seed record says so. A
``USE`` among other statements of a batch is left for the interpreter, which refuses it.
"""

from __future__ import annotations

from pathlib import Path

from sqlglot.tokens import TokenType

from etlcheck.tsql.batches import script_location, split_batches
from etlcheck.tsql.tokens import SplitError, tokenize, word_of


def without_use_batches(text: str, path: Path) -> tuple[str, list[str]]:
    """``text`` with each batch that is only ``USE name`` blanked, and a note for each."""
    notes: list[str] = []
    for batch in split_batches(text, path):
        try:
            tokens = tokenize(batch.text)
        except SplitError:
            continue
        while tokens and tokens[-1].token_type == TokenType.SEMICOLON:
            tokens = tokens[:-1]
        if len(tokens) != 2 or word_of(tokens[0]) != "USE":
            continue
        start = batch.offset + tokens[0].start
        end = batch.offset + tokens[-1].end + 1
        statement = text[start:end]
        notes.append(
            f"{script_location(path, text, start)}: {statement} left out: the DDL creates "
            "production in the disposable database"
        )
        text = text[:start] + " " * (end - start) + text[end:]
    return text, notes
