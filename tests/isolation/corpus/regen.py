"""Regenerate the corpus's golden files from what etlcheck does today.

    python -m tests.isolation.corpus.regen            # every script
    python -m tests.isolation.corpus.regen ssdt procs # some families
    python -m tests.isolation.corpus.regen --check    # exit 1 if a golden would change

Then read ``git diff tests/isolation/corpus``: a golden that enshrines a wrong remap is
worse than none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.isolation.corpus.golden import (
    findings_path,
    findings_text,
    remap,
    remapped_path,
    scripts,
)


def expected(script: Path) -> dict[Path, str | None]:
    """The golden files of ``script`` and their content (None: the file must not exist)."""
    text = script.read_text(encoding="utf-8")
    remapped = remap(script).text
    return {
        remapped_path(script): remapped if remapped != text else None,
        findings_path(script): findings_text(script),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.isolation.corpus.regen")
    parser.add_argument("families", nargs="*", help="folders under tests/isolation/corpus")
    parser.add_argument("--check", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    chosen = [s for family in args.families for s in scripts(family)] or scripts()
    changed: list[Path] = []
    for script in chosen:
        for path, content in expected(script).items():
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == content:
                continue
            changed.append(path)
            if args.check:
                continue
            if content is None:
                path.unlink()
            else:
                path.write_text(content, encoding="utf-8")
    verb = "would change" if args.check else "changed"
    for path in changed:
        print(f"{verb}: {path}")
    print(f"{len(chosen)} scripts, {len(changed)} golden files {verb}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
