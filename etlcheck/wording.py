"""Counted nouns for sentences a person reads: ``1 table``, ``2 tables``, ``1,204 rows``."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun``, the noun plural unless the number is one."""
    word = noun if number == 1 else (plural or f"{noun}s")
    return f"{number:,} {word}"
