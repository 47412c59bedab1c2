"""Secrets never leave etlcheck: passwords of connection URLs are replaced by ``***``.

Every URL etlcheck parses registers its password here (:func:`register_url`), and every
place text leaves the process (the terminal, error lines, run.json, the report, pytest
skip and failure reasons) passes it through :func:`redact`. A driver error that quotes
its connection string, or a URL written into a message by mistake, comes out redacted.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from typing import Any, TextIO, TypeAlias
from urllib.parse import unquote, urlsplit

JsonValue: TypeAlias = "str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None"

MASK = "***"
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):(?P<secret>[^\s/?#]*)@")
_MIN_SECRET = 3
"""Shorter passwords are not scrubbed from free text (they would blank ordinary words);
inside a URL every password is."""

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(secret: str) -> None:
    """Scrub ``secret`` (and its URL-encoded form) from everything etlcheck shows."""
    if len(secret) < _MIN_SECRET:
        return
    with _lock:
        _secrets.add(secret)


def register_url(url: str) -> None:
    """Register the password of ``url``, if it has one."""
    try:
        password = urlsplit(url.strip()).password
    except ValueError:
        password = None
    if password:
        register_secret(password)
        register_secret(unquote(password))


def redact_url(url: str) -> str:
    """A connection URL fit for logs and reports: its password replaced by ``***``."""
    return _URL_PASSWORD.sub(lambda match: f"{match['head']}:{MASK}@", url)


def redact(text: str) -> str:
    """``text`` with every registered secret and every URL password replaced by ``***``."""
    text = redact_url(text)
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact_data(value: JsonValue) -> JsonValue:
    """Plain JSON data (as ``json.loads`` gives it) with every string redacted."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [redact_data(item) for item in value]
    if isinstance(value, dict):
        return {redact(key): redact_data(item) for key, item in value.items()}
    return value


def redact_document(document: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-ready document (values JSON cannot hold become text) with every string
    redacted; what run.json and the report are made from."""
    plain = redact_data(json.loads(json.dumps(document, default=str)))
    assert isinstance(plain, dict)
    return plain


class RedactingStream:
    """A text stream that redacts what is written to it (for the terminal and stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(redact(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", "utf-8")
