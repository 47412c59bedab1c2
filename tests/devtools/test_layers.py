"""The CI check that rejects import cycles and private names taken from other modules."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from etlcheck.devtools.layers import check, main


def plant(root: Path, files: dict[str, str]) -> Path:
    """A package ``shop`` under ``root`` holding ``files`` (relative path -> source)."""
    package = root / "shop"
    for relative, source in {"__init__.py": "", **files}.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return package


CLEAN = {
    "money.py": "from __future__ import annotations\n\nAMOUNT = 1\n_HIDDEN = 2\n",
    "orders.py": "from shop.money import AMOUNT\nfrom shop import money\n\nTOTAL = money.AMOUNT\n",
    "models/__init__.py": "from shop.models.items import Item\n",
    "models/items.py": "from ..money import AMOUNT\n\nclass Item: ...\n",
}


def test_a_clean_package_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = plant(tmp_path, CLEAN)
    assert check([package]) == ([], [])
    assert main([str(package)]) == 0
    assert capsys.readouterr().out == ""


def test_a_cycle_through_a_function_and_type_checking_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = plant(
        tmp_path,
        {
            **CLEAN,
            "billing.py": """
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from shop.invoices import Invoice
            """,
            "invoices.py": """
                def make():
                    from shop import tax
            """,
            "tax.py": "from .billing import TYPE_CHECKING\n",
        },
    )
    cycles, private = check([package])
    assert private == []
    assert [str(cycle).splitlines()[0] for cycle in cycles] == [
        "import cycle: shop.billing -> shop.invoices -> shop.tax -> shop.billing"
    ]
    assert main([str(package)]) == 1
    out = capsys.readouterr().out
    assert f"{package / 'billing.py'}:5: shop.billing imports shop.invoices" in out
    assert f"{package / 'invoices.py'}:3: shop.invoices imports shop.tax" in out
    assert f"{package / 'tax.py'}:1: shop.tax imports shop.billing" in out
    assert "1 import cycle(s), 0 private import(s)" in out


def test_a_cycle_through_a_package_init_is_found(tmp_path: Path) -> None:
    """Importing ``shop.stock.levels`` runs ``shop/stock/__init__``, which imports back."""
    package = plant(
        tmp_path,
        {
            **CLEAN,
            "catalog.py": "from shop.stock.levels import LOW\n",
            "stock/__init__.py": "from shop.stock.report import REPORT\n",
            "stock/levels.py": "LOW = 1\n",
            "stock/report.py": "from shop.catalog import LOW as REPORT\n",
        },
    )
    cycles, _ = check([package])
    assert [str(cycle).splitlines()[0] for cycle in cycles] == [
        "import cycle: shop.catalog -> shop.stock -> shop.stock.report -> shop.catalog"
    ]


def test_private_names_are_found_however_they_are_reached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = plant(
        tmp_path,
        {
            **CLEAN,
            "refunds.py": """
                import argparse
                import os
                from shop.money import AMOUNT, _HIDDEN
                from shop import money as cash

                SECRET = cash._HIDDEN
                ACTION = argparse._SubParsersAction
                os._exit
            """,
            "models/_internal.py": "VALUE = 1\n",
            "models/use.py": "from ._internal import VALUE\n",
        },
    )
    cycles, private = check([package])
    assert cycles == []
    found = sorted((item.path.name, item.line, item.name, item.owner) for item in private)
    assert found == [
        ("refunds.py", 4, "_HIDDEN", "shop.money"),
        ("refunds.py", 7, "_HIDDEN", "shop.money"),
        ("refunds.py", 8, "_SubParsersAction", "argparse"),
        ("use.py", 1, "_internal", "shop.models"),
    ]
    assert main([str(package)]) == 1
    out = capsys.readouterr().out
    assert f"{package / 'refunds.py'}:4: private name _HIDDEN taken from shop.money" in out


def test_a_missing_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "not a package directory" in capsys.readouterr().err
