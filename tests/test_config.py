from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import find_config, load_config
from etlcheck.errors import ConfigError
from etlcheck.values import Scale

MINIMAL = """\
[project]
name = "demo"

[sandbox]
schemas = { etl = "poc_etl" }

[[phases]]
name = "only"
scripts = ["a.sql"]
"""


def write(tmp_path: Path, text: str, name: str = "etlcheck.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_config_describes_the_pipeline(sample_config_path: Path) -> None:
    config = load_config(sample_config_path)
    assert [p.name for p in config.phases] == ["schema", "transform", "export"]
    assert config.phases[0].scripts[:2] == (
        "00a-state-management-tables.sql",
        "00-schema-setup.sql",
    )
    assert config.sandbox.schema_map == {
        "etl": "poc_etl",
        "dbo": "poc_dbo",
        "raw_data": "poc_raw_data",
    }
    assert [p.budget_seconds for p in config.phases] == [6, 20, 20]
    assert config.sandbox.sandbox_of("ETL") == "poc_etl"


def test_found_from_a_subdirectory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, MINIMAL)
    nested = tmp_path / "sql" / "deeper"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert find_config() == tmp_path / "etlcheck.toml"
    assert load_config().name == "demo"


def test_pyproject_tool_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL.replace("[project]", "[tool.etlcheck.project]")
    text = text.replace("[sandbox]", "[tool.etlcheck.sandbox]")
    text = text.replace("[[phases]]", "[[tool.etlcheck.phases]]")
    write(
        tmp_path,
        '[project]\nname = "pkg"\n\n' + text.replace('name = "demo"', ""),
        "pyproject.toml",
    )
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.phases[0].scripts == ("a.sql",)
    assert config.sandbox.schema_map == {"etl": "poc_etl"}


def test_unknown_key_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace('name = "demo"', 'name = "demo"\nflavour = "x"'))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "unknown key 'flavour' in [project]" in message
    assert f"{path}:3:1" in message


def test_invalid_toml_names_its_position(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "\n[[phases]\n")
    with pytest.raises(ConfigError, match=r"etlcheck.toml:\d+:\d+: not valid TOML"):
        load_config(path)


def test_missing_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"no etlcheck\.toml found"):
        find_config(tmp_path)


def test_duplicate_script_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + '\n[[phases]]\nname = "two"\nscripts = ["a.sql"]\n')
    with pytest.raises(ConfigError, match="listed twice"):
        load_config(path)


@pytest.mark.parametrize("value", ["poc", "seed", "SEED", "3"])
def test_scales_accepted(value: str) -> None:
    assert str(Scale.parse(value)) == value.lower()


@pytest.mark.parametrize("value", ["huge", "0", "-1", "1.5", ""])
def test_scales_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="neither 'poc', 'seed' nor a positive whole number"):
        Scale.parse(value)
