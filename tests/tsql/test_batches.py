"""GO splitting: only a GO line of its own separates batches."""

from __future__ import annotations

import pytest

from etlcheck.errors import ScriptError
from etlcheck.tsql.batches import script_location, split_batches


def texts(script: str) -> list[str]:
    return [batch.text.strip() for batch in split_batches(script, "s.sql")]


def test_go_on_its_own_line_separates() -> None:
    assert texts("SELECT 1\nGO\nSELECT 2\n") == ["SELECT 1", "SELECT 2"]


def test_go_is_case_insensitive_and_takes_a_count_and_a_comment() -> None:
    batches = split_batches("SELECT 1\n  go 3 -- three times\nSELECT 2\nGo\n", "s.sql")
    assert [(b.text.strip(), b.repeat) for b in batches] == [("SELECT 1", 3), ("SELECT 2", 1)]


@pytest.mark.parametrize(
    "script",
    [
        "SELECT '\nGO\n'\n",
        "SELECT 1 /*\nGO\n*/\n",
        "SELECT 1 /* outer /* inner */\nGO\n still comment */\n",
        "SELECT [a\nGO\n] FROM t\n",
        'SELECT "a\nGO\n" FROM t\n',
        "SELECT 1 -- GO\n",
        "GOTO done\n",
        "SELECT 1 GO\n",
    ],
)
def test_go_inside_strings_comments_identifiers_is_not_a_separator(script: str) -> None:
    assert len(split_batches(script, "s.sql")) == 1


def test_crlf_and_bom() -> None:
    script = "\ufeffSELECT 1\r\nGO\r\nSELECT 2\r\nGO\r\n"
    batches = split_batches(script, "s.sql")
    assert [b.text.strip() for b in batches] == ["SELECT 1", "SELECT 2"]
    assert (batches[0].offset, batches[0].line) == (1, 1)
    assert batches[1].line == 3
    assert script[batches[1].offset :].startswith("SELECT 2")


def test_offsets_and_lines_point_into_the_script() -> None:
    script = "PRINT 1\nGO\n\n\nPRINT 2\nGO\n"
    second = split_batches(script, "s.sql")[1]
    assert second.line == 3
    location = script_location("s.sql", script, second.offset + second.text.index("PRINT"))
    assert (location.line, location.column) == (5, 1)


def test_bom_does_not_count_as_a_column() -> None:
    location = script_location("s.sql", "\ufeffSELECT x", 8)
    assert (location.line, location.column) == (1, 8)


def test_blank_batches_are_left_out() -> None:
    assert texts("GO\n\nGO\nSELECT 1\n") == ["SELECT 1"]


def test_unterminated_string_names_its_place() -> None:
    with pytest.raises(ScriptError) as raised:
        split_batches("SELECT 1\nSELECT 'open\n", "s.sql")
    assert "s.sql:2:8" in str(raised.value)
