"""Batches about the database itself in production's DDL, as SSMS "Generate Scripts"
writes them: ``USE [SalesDW]`` before the objects, and with "Script entire database"
``USE [master]``, ``CREATE DATABASE [SalesDW] ... ON PRIMARY (FILENAME = ...)``, ``ALTER
DATABASE [SalesDW] SET ...`` and ``IF (1 = FULLTEXTSERVICEPROPERTY('IsFullTextInstalled'))
... sp_fulltext_database``.

A DDL seed source creates production's objects in the disposable database, whatever
database the script was generated from, so such a batch is left out (blanked, so every
other statement keeps its line and column) and the seed record says so. A ``USE`` among
other statements of a batch is left for the interpreter, which refuses it.
"""

from __future__ import annotations

from pathlib import Path

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.batches import script_location, split_batches
from etlcheck.tsql.tokens import SplitError, tokenize, word_of


def without_database_batches(text: str, path: Path) -> tuple[str, list[str]]:
    """``text`` with each batch about the database blanked (line breaks kept), and a note
    that names them, where there were any."""
    left_out: list[tuple[str, str]] = []
    for batch in split_batches(text, path):
        try:
            tokens = tokenize(batch.text)
        except SplitError:
            continue
        while tokens and tokens[-1].token_type == TokenType.SEMICOLON:
            tokens = tokens[:-1]
        kind = _database_batch(tokens)
        if kind is None:
            continue
        start = batch.offset + tokens[0].start
        end = batch.offset + tokens[-1].end + 1
        shown = " ".join(text[start:end].split()) if kind == "USE" else kind
        left_out.append((str(script_location(path, text, start)), shown))
        blank = "".join(c if c in "\r\n" else " " for c in text[start:end])
        text = text[:start] + blank + text[end:]
    if not left_out:
        return text, []
    kinds = list(dict.fromkeys(shown for _, shown in left_out))
    what = (
        ", ".join(kinds)
        if len(left_out) == len(kinds)
        else (f"{len(left_out)} batches ({', '.join(kinds)})")
    )
    return text, [
        f"{left_out[0][0]}: {what} left out: the DDL creates production's objects in the "
        "disposable database"
    ]


def _database_batch(tokens: list[Token]) -> str | None:
    """What the batch is when it is about the database itself, else None."""
    words = [word_of(token) for token in tokens[:8]]
    if len(tokens) == 2 and words[0] == "USE":
        return "USE"
    if words[:2] in (["CREATE", "DATABASE"], ["ALTER", "DATABASE"]):
        return f"{words[0]} DATABASE"
    if words[:1] == ["IF"] and "FULLTEXTSERVICEPROPERTY" in words:
        return "IF FULLTEXTSERVICEPROPERTY(...) sp_fulltext_database"
    return None
