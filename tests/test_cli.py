"""The command line as users and programs meet it: help for every command, one-line errors, exit codes."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=env)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_text(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"briefing {command}" in out
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices[command].description


def test_unknown_option_is_one_line_and_exit_2(capsys):
    assert main(["generate", "--no-such-option"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--no-such-option" in err


def test_bad_date_is_a_usage_error(capsys):
    assert main(["generate", "seeds", "--date", "22/11/2026"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_missing_input_exits_2_without_traceback(tmp_path):
    result = run("generate", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "nope" in result.stderr
    assert not (tmp_path / "out").exists()


def test_malformed_config_exits_2_with_one_line_and_writes_nothing(tmp_path):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("output: {dir: [\n")
    result = run("generate", str(ROOT / "seeds"), "--config", str(cfg), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "bad.yaml" in result.stderr
    assert not (tmp_path / "out").exists()


def test_invalid_config_names_key_paths(tmp_path, capsys):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("output: {dir: 3}\nsmtp: {}\n")
    assert main(["check", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert "output.dir: expected a string" in err and "smtp: unknown key" in err


def test_check_reports_the_sample_configuration(capsys):
    assert main(["check", "--config", str(ROOT / "config.yaml")]) == 0
    out = capsys.readouterr().out
    assert "2 article(s)" in out


def test_each_over_many_inputs_gives_the_same_lines_on_two_processes(tmp_path, capsys, monkeypatch):
    import briefing.cli as cli

    inputs = []
    for i in range(cli.PARALLEL_INPUTS + 6):
        path = tmp_path / f"note{i:03d}.txt"
        path.write_text(f"Gunmen attacked a convoy near the town of Dara {i} on Monday. {i % 7 + 2} soldiers were killed "
                        f"and {i % 5 + 1} others were wounded, the army said.\n", encoding="utf-8")
        inputs.append(str(path))
    outputs = {}
    for threshold in (10**9, cli.PARALLEL_INPUTS):
        monkeypatch.setattr(cli, "PARALLEL_INPUTS", threshold)
        for command in ("summarize", "figures"):
            assert main([command, "--each", "--format", "jsonl", *inputs]) == 0
            outputs[threshold, command] = capsys.readouterr().out
    for command in ("summarize", "figures"):
        one, two = outputs[10**9, command], outputs[cli.PARALLEL_INPUTS, command]
        assert one == two and len(one.splitlines()) == len(inputs)
    first = json.loads(outputs[10**9, "figures"].splitlines()[3])
    assert first["input"] == inputs[3] and first["totals"]["killed"]["count"] == 5


def test_an_output_folder_that_cannot_be_made_is_a_one_line_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["generate", str(ROOT / "seeds"), "--out", str(blocker / "out"), "--date", "2026-11-22"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "is not a folder" in err
    assert blocker.read_text() == "not a folder"
