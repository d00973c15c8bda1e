"""The README documents what the program does: every configuration key and every command."""
from pathlib import Path

from briefing import config
from briefing.cli import COMMANDS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_configuration_key_is_in_the_readme_table():
    for key, default, doc in config.reference():
        assert f"| `{key}` | `{default}` | {doc} |" in README, f"run python -m briefing.config and paste the table: {key}"


def test_every_command_is_in_the_readme():
    for command in COMMANDS:
        assert f"`briefing {command}" in README, command


def test_quick_start_has_the_two_commands_ci_runs():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    assert test_command in README and test_command in ci
    assert "briefing generate seeds" in README
