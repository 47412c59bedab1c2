"""The one way etlcheck reads a SQL script from disk: the lint, the run, seeding, init and
the sample's table layouts all decode a file the same way, so a script one of them
accepts never crashes another.

UTF-8 (with or without a byte-order mark) and UTF-16 (with a byte-order mark, as SSMS
saves "Unicode" files, or without one when every other byte is zero). Anything else is
one clear error at the first byte that cannot be read.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from etlcheck.errors import ScriptError, SourceLocation

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_script(raw: bytes, path: Path | str) -> str:
    """The text of a script file's bytes, or a ScriptError at the first bad byte."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode(raw, encoding, path)
    without_bom = _utf16_without_bom(raw)
    if without_bom is not None:
        return _decode(raw, without_bom, path)
    return _decode(raw, "utf-8", path)


def read_script_file(path: Path) -> str:
    """A script's text; a missing or unreadable file is a ScriptError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScriptError(
            "script does not exist", SourceLocation(path), "fix the path or add the file"
        ) from None
    except IsADirectoryError:
        raise ScriptError(
            "is a folder, not a script", SourceLocation(path), "name a .sql file"
        ) from None
    except OSError as error:
        raise ScriptError(
            f"cannot read the script: {error.strerror}", SourceLocation(path)
        ) from None
    return decode_script(raw, path)


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like ASCII-range text in UTF-16."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _decode(raw: bytes, encoding: str, path: Path | str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        text = raw[: error.start].decode(encoding, errors="replace")
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
        shown = "UTF-8" if encoding.startswith("utf-8") else "UTF-16"
        raise ScriptError(
            f"not {shown}: byte 0x{raw[error.start]:02x} cannot be read",
            SourceLocation(path, line, column),
            "save the script as UTF-8 (or UTF-16 with a byte-order mark)",
        ) from None
