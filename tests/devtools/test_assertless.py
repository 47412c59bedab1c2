"""The CI check that rejects test functions which cannot fail."""

from __future__ import annotations

import textwrap
from pathlib import Path

from etlcheck.devtools.assertless import assertless_tests, main

MODULE = textwrap.dedent(
    """
    import pytest

    def check(value):
        assert value

    def check_twice(value):
        check(value)
        check(value)

    def test_asserts():
        assert 1 + 1 == 2

    def test_raises():
        with pytest.raises(ValueError):
            int("x")

    def test_through_helpers():
        check_twice(1)

    def test_outcomes(result):
        result.assert_outcomes(passed=1)

    def test_only_calls():
        int("1")

    def test_compares_without_assert():
        1 == 1
    """
)


def test_finds_exactly_the_tests_that_assert_nothing(tmp_path: Path) -> None:
    module = tmp_path / "test_sample.py"
    module.write_text(MODULE, encoding="utf-8")
    found = sorted(item.name for item in assertless_tests(module))
    assert found == ["test_compares_without_assert", "test_only_calls"]


def test_exit_code_and_lines(tmp_path: Path, capsys) -> None:
    (tmp_path / "test_good.py").write_text("def test_ok():\n    assert True\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    (tmp_path / "test_bad.py").write_text("def test_empty():\n    pass\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'test_bad.py'}:1: test_empty asserts nothing" in out
