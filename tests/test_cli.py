"""The command line: real runs of the console script's entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief.cli import EVALUATIONS, build_parser, main

README = Path(__file__).resolve().parent.parent / "README.md"


def test_brief_json_to_a_file(seeds_dir, tmp_path, capsys):
    out = tmp_path / "brief.json"
    assert main(["brief", str(seeds_dir), "--format", "json", "--out", str(out), "-q"]) == 0
    document = json.loads(out.read_text())
    assert len(document["events"]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("output_format", ["text", "markdown", "html"])
def test_brief_formats_on_stdout(seeds_dir, capsys, output_format):
    assert main(["brief", str(seeds_dir), "--format", output_format, "-q"]) == 0
    assert "Kuwait" in capsys.readouterr().out


def test_stdin_is_read_with_dash(seeds_dir):
    jsonl = json.dumps(
        {
            "title": "Canada moves troops",
            "text": (seeds_dir / "004_a468471a9ef7a55f.txt").read_text(),
            "date": "2020-01-07",
            "url": "https://www.theglobeandmail.com/x",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "brief", "-", "--format", "json", "-q"],
        input=jsonl,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)["events"][0]["articles"][0]
    assert article["url"] == "https://www.theglobeandmail.com/x"


def test_user_errors_are_one_line_and_exit_1(tmp_path, capsys):
    config = tmp_path / "bad.toml"
    config.write_text("[cluster]\nthreshold = 2\n")
    assert main(["brief", "nowhere", "--config", str(config)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("newsbrief: error:")
    assert "unknown key 'threshold'" in err


def test_missing_inputs_are_reported_not_fatal(tmp_path, capsys):
    assert main(["brief", str(tmp_path / "missing.txt"), "--format", "json", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["events"] == []
    assert document["rejected"][0]["reason"] == "no such file or folder"


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", "x", "--format", "pdf"])
    assert exit_info.value.code == 2


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text()
    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in subcommands:
        if name == "eval":
            for evaluation in EVALUATIONS:
                assert f"newsbrief eval {evaluation}" in readme, evaluation
        else:
            assert f"newsbrief {name}" in readme, name
    assert {"brief", "eval", "ingest", "serve", "update", "timeline", "spark"} <= set(subcommands)


def test_newsbrief_toml_in_the_working_directory_is_read(seeds_dir, tmp_path, monkeypatch, capsys):
    # A threshold no pair of articles reaches: every seed report becomes its own event.
    (tmp_path / "newsbrief.toml").write_text("[cluster]\nsimilarity_threshold = 1.01\n")
    monkeypatch.chdir(tmp_path)
    assert main(["brief", str(seeds_dir), "--format", "json", "-q"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert len(events) > 1


def test_an_unknown_setting_is_a_one_line_error(tmp_path, capsys):
    config = tmp_path / "settings.toml"
    config.write_text("[cluster]\nthreshold = 0.3\n")
    assert main(["brief", "x", "--config", str(config), "-q"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("newsbrief:") and "threshold" in error and "\n" not in error
