"""Small edits that turn the brokerage project into a bad input, one per case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Edit = Callable[[Path], None]

CONFIG = "etlcheck.toml"


def replace_in(name: str, old: str, new: str) -> Edit:
    """Replace ``old`` (which must be there) with ``new`` in the project's file ``name``."""

    def edit(project: Path) -> None:
        path = project / name
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit


def config(old: str, new: str) -> Edit:
    return replace_in(CONFIG, old, new)


def append_config(text: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / CONFIG
        path.write_text(path.read_text("utf-8") + text, "utf-8")

    return edit


def write(name: str, content: str | bytes) -> Edit:
    def edit(project: Path) -> None:
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")

    return edit


def make_folder(name: str) -> Edit:
    def edit(project: Path) -> None:
        (project / name).mkdir(parents=True)

    return edit


def recode(name: str, encoding: str, old: str = "", new: str = "") -> Edit:
    """Save ``name`` in ``encoding`` (after replacing ``old`` with ``new``)."""

    def edit(project: Path) -> None:
        path = project / name
        text = path.read_text("utf-8").replace(old, new, 1) if old else path.read_text("utf-8")
        path.write_bytes(text.encode(encoding))

    return edit


def add_script(phase: str, name: str, content: str | bytes) -> Edit:
    """A new step at the end of ``phase``."""

    def edit(project: Path) -> None:
        from tests.gate.conftest import add_step

        add_step(project, phase, name, "")
        write(f"sql/{name}", content)(project)

    return edit


def both(*edits: Edit) -> Edit:
    def edit(project: Path) -> None:
        for each in edits:
            each(project)

    return edit


def remove(name: str) -> Edit:
    def edit(project: Path) -> None:
        (project / name).unlink()

    return edit


def cut_in_half_as_utf16(name: str) -> Edit:
    """UTF-16 with its byte-order mark and its last byte cut off (a truncated copy)."""

    def edit(project: Path) -> None:
        path = project / name
        path.write_bytes(path.read_text("utf-8").encode("utf-16")[:-1])

    return edit


def cut_config_from(marker: str) -> Edit:
    """The configuration without everything from ``marker`` on."""

    def edit(project: Path) -> None:
        path = project / CONFIG
        text = path.read_text("utf-8")
        path.write_text(text[: text.index(marker)], "utf-8")

    return edit
