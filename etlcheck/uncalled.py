"""Procedures the pipeline creates and nothing in it calls.

A pipeline whose scripts only create procedures (``CREATE PROCEDURE etl.usp_load …``)
runs nothing but those definitions: its run stays in the sandbox and leaves production
unchanged, so it says VERIFIED, though none of the procedures' code ran. ``etlcheck
init``, ``lint``, ``run`` and the suite name such procedures in a note that says how to
call them (a ``steps`` entry, README: "Procedure-driven pipelines").

A procedure counts as called when its name appears anywhere in the pipeline other than
where it is created: an ``EXEC`` in a script, a call step, another procedure's body, a
string of dynamic SQL, even a comment or a ``DROP``. So the note can miss a procedure that
is never called, and never names one that is.
"""

from __future__ import annotations

import re

from etlcheck.config import Config
from etlcheck.errors import EtlcheckError
from etlcheck.pipeline import Pipeline
from etlcheck.tsql.tokens import SplitError, is_name, tokenize, word_of
from etlcheck.unlisted import unlisted_note

SHOWN = 3
"""How many procedures the note names before it says how many more there are."""

_MAY_CREATE = re.compile(r"(?i)\bPROC(?:EDURE)?\b")


def uncalled_procedures(pipeline: Pipeline) -> list[str]:
    """The procedures the pipeline's scripts create and nothing else in it names, as
    written where they are created, in the order they are."""
    texts = []
    for step in pipeline.steps:
        try:
            texts.append(step.read())
        except EtlcheckError:  # reported where the step runs or is linted
            continue
    created: dict[str, str] = {}
    definitions: dict[str, int] = {}
    for text in texts:
        if _MAY_CREATE.search(text):
            for shown, last in _created(text):
                created.setdefault(last, shown)
                definitions[last] = definitions.get(last, 0) + 1
    whole = "\n".join(texts)
    return [
        shown
        for last, shown in created.items()
        if len(re.findall(rf"(?i)(?<![\w@#$]){re.escape(last)}(?![\w$])", whole))
        <= definitions[last]
    ]


def _created(text: str) -> list[tuple[str, str]]:
    """(name as written, its last part in lower case) of each procedure ``text`` creates."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return []
    found = []
    for index, token in enumerate(tokens[:-1]):
        if word_of(token) not in ("PROC", "PROCEDURE") or index == 0:
            continue
        if word_of(tokens[index - 1]) not in ("CREATE", "ALTER"):
            continue
        parts = []
        position = index + 1
        while position < len(tokens) and is_name(tokens[position]):
            parts.append(tokens[position].text)
            if position + 1 < len(tokens) and tokens[position + 1].text == ".":
                position += 2
            else:
                break
        if parts:
            found.append((".".join(parts), parts[-1].lower()))
    return found


def uncalled_note(pipeline: Pipeline) -> str | None:
    """One line naming the procedures nothing calls (None when there are none)."""
    names = uncalled_procedures(pipeline)
    if not names:
        return None
    shown = ", ".join(names[:SHOWN])
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    one = len(names) == 1
    subject, its, it = (
        ("1 procedure is", "its", "it")
        if one
        else (f"{len(names)} procedures are", "their", "them")
    )
    return (
        f"note: {subject} created and never called, so {its} code does not run: "
        f"{shown}{more} (call {it} from a phase of etlcheck.toml, "
        f'e.g. steps = ["EXEC {names[0]}"])'
    )


def pipeline_notes(config: Config, pipeline: Pipeline | None = None) -> list[str]:
    """The notes about what the pipeline leaves out: scripts no phase lists, procedures
    nothing calls."""
    pipeline = pipeline or Pipeline.from_config(config)
    notes = (unlisted_note(config, pipeline), uncalled_note(pipeline))
    return [note for note in notes if note]
