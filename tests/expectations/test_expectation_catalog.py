"""The table of expectation types that suites are checked against (without importing GX)
matches the installed Great Expectations' own registry."""

from __future__ import annotations

from etlcheck.expectations.catalog import COMMON_KWARGS, KNOWN_TYPES, known_kwargs
from etlcheck.expectations.importer import great_expectations

BASE_FIELDS = {"id", "meta", "notes", "rendered_content", "severity", *COMMON_KWARGS}


def registry() -> dict[str, tuple[str, str]]:
    great_expectations()
    from great_expectations.expectations.registry import (
        get_expectation_impl,
        list_registered_expectation_implementations,
    )

    table = {}
    for name in list_registered_expectation_implementations():
        fields = get_expectation_impl(name).__fields__
        required = sorted(k for k, f in fields.items() if f.required and k not in BASE_FIELDS)
        optional = sorted(set(fields) - BASE_FIELDS - set(required))
        table[name] = (" ".join(required), " ".join(optional))
    return table


def test_catalog_matches_the_installed_registry() -> None:
    installed = registry()
    printed = "\n".join(f"    {k!r}: {v!r}," for k, v in sorted(installed.items()))
    assert installed == KNOWN_TYPES, f"update etlcheck/expectations/catalog.py:\n{printed}"


def test_known_kwargs_include_the_common_ones() -> None:
    assert {"column", "value_set", "mostly", "result_format"} <= known_kwargs(
        "expect_column_values_to_be_in_set"
    )
