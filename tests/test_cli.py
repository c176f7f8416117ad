"""The command line: real runs of the console script's entry point."""

from __future__ import annotations

import gzip
import json
import os
import re
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


def test_a_closed_standard_output_is_one_line_before_the_run(seeds_dir, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdout", None)  # as `newsbrief brief x >&-` starts
    assert main(["brief", str(seeds_dir), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "newsbrief: error: cannot write: standard output is closed; give --out FILE"


def test_user_errors_are_one_line_and_exit_1(tmp_path, capsys):
    config = tmp_path / "bad.toml"
    config.write_text("[cluster]\nthreshold = 2\n")
    assert main(["brief", "nowhere", "--config", str(config)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("newsbrief: error:")
    assert "unknown key 'threshold'" in err


def test_rejected_inputs_are_listed_on_stderr_when_the_output_goes_to_a_file(
    seeds_dir, tmp_path, capsys
):
    missing = tmp_path / "missing.txt"
    out = tmp_path / "briefs.json"
    assert main(["brief", str(seeds_dir), str(missing), "--format", "json", "--out", str(out)]) == 0
    status, *listed = capsys.readouterr().err.strip().splitlines()
    assert status.endswith("1 input rejected")
    assert listed == [f"  rejected {missing}: no such file or folder"]
    assert json.loads(out.read_text())["rejected"][0]["source"] == str(missing)


def test_a_newline_in_a_file_name_forges_no_line_on_stderr(tmp_path, capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "The city council voted on Tuesday to approve a new budget for the schools of the"
        " town, after a debate of three hours.",
        encoding="utf-8",
    )
    (folder / "b\n  rejected FAKE: forged line.txt").write_text("", encoding="utf-8")
    assert main(["brief", str(folder), "--out", str(tmp_path / "out.txt")]) == 0
    listed = capsys.readouterr().err.strip().splitlines()[1:]  # under the status line
    assert len(listed) == 1 and listed[0].endswith("forged line.txt: empty input")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_under_standard_output_is_one_line(seeds_dir):
    # "newsbrief brief ... > /dev/full" had ended in a traceback.
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "newsbrief.cli", "brief", str(seeds_dir), "-q"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == (
        "newsbrief: error: standard output: cannot write: No space left on device\n"
    )


def test_missing_inputs_are_reported_not_fatal(seeds_dir, tmp_path, capsys):
    missing = str(tmp_path / "missing.txt")
    assert main(["brief", str(seeds_dir), missing, "--format", "json", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["events"]) == 1
    assert document["rejected"] == [
        {"source": missing, "reason": "no such file or folder", "stage": "ingest"}
    ]


@pytest.mark.parametrize("command", ["brief", "timeline", "ingest"])
def test_a_run_that_reads_nothing_exits_1_with_one_line(tmp_path, capsys, command):
    # The path's escape sequence (a window title) is not printed either.
    missing = str(tmp_path / "missing\x1b]0;pwned\x07.txt")
    store = ["--store", str(tmp_path / "news.db")] if command == "ingest" else []
    assert main([command, missing, *store, "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    error = captured.err
    assert error.count("\n") == 1 and "\x1b" not in error
    assert error.startswith("newsbrief: error: nothing could be read: 1 input rejected")
    assert "missing.txt: no such file or folder" in error


@pytest.mark.parametrize("command", ["brief", "timeline"])
def test_a_run_whose_every_article_the_clean_stage_rejects_exits_1(tmp_path, capsys, command):
    # Read, then rejected as no prose: the run had printed "No events" and exited 0.
    dump = tmp_path / "numbers.jsonl"
    dump.write_text(json.dumps({"text": "12 34 56 78 90 " * 4}) + "\n", encoding="utf-8")
    assert main([command, str(dump), "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("newsbrief: error: nothing could be read: 1 input rejected")
    assert "no prose" in captured.err


def test_the_one_line_error_names_the_rejection_not_a_note(tmp_path, capsys):
    # A text too long is cut (a note: the article was kept), then rejected as one word
    # repeated: the error had named the note as its "first" rejection.
    long = tmp_path / "long.txt"
    long.write_text("word " * 400_000, encoding="utf-8")
    assert main(["brief", str(long), "-q"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("newsbrief: error: nothing could be read: 1 input rejected")
    assert "repetitive text" in error and "was kept" not in error


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


@pytest.mark.parametrize("command", ["update", "serve"])
def test_a_mistyped_store_is_an_error_and_not_created(tmp_path, capsys, command):
    pytest.importorskip("fastapi") if command == "serve" else None
    typo = tmp_path / "typo.db"
    assert main([command, "--store", str(typo)]) == 1
    error = capsys.readouterr().err
    assert error == f"newsbrief: error: no store at {typo}; create it with newsbrief ingest\n"
    assert not typo.exists()


def test_quiet_ingest_and_update_print_nothing(seeds_dir, tmp_path, capsys):
    store = str(tmp_path / "news.db")
    assert main(["ingest", str(seeds_dir), "--store", store, "-q"]) == 0
    assert main(["update", "--store", store, "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["update", "--store", store]) == 0  # without -q: the summary line
    assert capsys.readouterr().out == "update: no new articles; nothing changed\n"


def test_text_brief_and_status_line_carry_no_terminal_escapes(seeds_dir, tmp_path, capsys):
    record = {
        "source": "wire\x1b]0;pwned\x07\u202e",
        "title": "Bridge \x1b[2Jclosed",
        "date": "2020-04-11",
        "text": (seeds_dir / "004_a468471a9ef7a55f.txt").read_text() + "\x1b[31m\x9b1m",
    }
    jsonl = tmp_path / "escapes.jsonl"
    jsonl.write_text(json.dumps(record) + "\n{broken \x1b[2J json\n")
    assert main(["brief", str(jsonl)]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not any(c in stream for c in ("\x1b", "\x07", "\x9b", "\u202e"))
    assert "Sources" in captured.out and "1 input rejected" in captured.err
    assert "escapes.jsonl:2" in captured.out  # the broken line is reported, sanitised


UNTRUSTED = Path(__file__).resolve().parent / "fixtures" / "web" / "untrusted.jsonl"


def _long_article(seeds_dir: Path, folder: Path, chars: int) -> Path:
    """Write one article of at least ``chars`` characters: the seed reports over and over."""
    reports = "\n\n".join(p.read_text() for p in sorted(seeds_dir.glob("*.txt")))
    path = folder / "long.txt"
    path.write_text("\n\n".join([reports] * (chars // len(reports) + 1)))
    return path


def test_an_article_longer_than_spacys_limit_is_briefed(seeds_dir, tmp_path, capsys, monkeypatch):
    from newsbrief.config import EntitiesConfig
    from newsbrief.entities import _load_spacy, _spacy_models

    nlp = _load_spacy(_spacy_models(EntitiesConfig()))
    if nlp is None:
        pytest.skip("the spaCy model of the ner extra is not installed")
    # spaCy's limit lowered from 1,000,000 characters so the test stays fast: the same E088.
    monkeypatch.setattr(nlp, "max_length", 30_000)
    long_path = _long_article(seeds_dir, tmp_path, 90_000)
    text = long_path.read_text()
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    assert main(["brief", str(seeds_dir), str(long_path), "--format", "json", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["rejected"] == []
    (event,) = document["events"]
    assert len(event["articles"]) == 6
    assert any(a["url"].endswith("/long.txt") for a in event["articles"])
    names = {e["name"] for e in event["entities"]}
    assert {"Jonathan Vance", "Kuwait"} <= names


def test_a_run_on_article_without_sentence_ends_is_briefed(
    seeds_dir, tmp_path, capsys, monkeypatch
):
    from newsbrief import nlp

    pipeline = nlp.load()
    if pipeline is None:
        pytest.skip("the spaCy model of the ner extra is not installed")
    # A dump with no full stops or line breaks: its one "sentence" is longer than spaCy's
    # limit (lowered from 1,000,000 characters so the test stays fast: the same E088).
    monkeypatch.setattr(pipeline, "max_length", 30_000)
    # The five seed reports, pasted five times (one report pasted 40 times is repetitive text,
    # which the clean stage rejects).
    seeds = " ".join(p.read_text() for p in sorted(seeds_dir.iterdir()))
    words = re.sub(r"[.!?\s]+", " ", seeds).strip()
    path = tmp_path / "run-on.txt"
    path.write_text(" ".join([words] * (90_000 // len(words) + 1)))
    assert len(path.read_text()) > 30_000
    assert main(["brief", str(path), "--format", "json", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["rejected"] == []
    (event,) = document["events"]
    assert [a["url"].rsplit("/", 1)[-1] for a in event["articles"]] == ["run-on.txt"]
    assert event["headline"]


def test_a_stage_failing_on_one_event_is_reported_and_the_others_are_briefed(
    seeds_dir, capsys, monkeypatch
):
    import newsbrief.facts

    extract_facts = newsbrief.facts.extract_facts

    def fails_on_the_ferry_strike(event, config):
        # A fault injected into the real stage: the inputs that made stages fail (E088)
        # are fixed, and the isolation must hold for whatever fails next.
        if any("ferry" in a.text.lower() for a in event.articles):
            raise ValueError("figure parser broke\non two lines")
        return extract_facts(event, config)

    monkeypatch.setattr(newsbrief.facts, "extract_facts", fails_on_the_ferry_strike)
    assert main(["brief", str(seeds_dir), str(UNTRUSTED), "--format", "json", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["events"]) == 1 and "Kuwait" in document["events"][0]["headline"]
    assert document["report"]["counts"]["unbriefed_stories"] == 1
    # one record per article of the story, in the story's order (by date, then id)
    assert sorted(r["source"] for r in document["rejected"]) == [
        f"{UNTRUSTED}:1",
        f"{UNTRUSTED}:2",
    ]
    for rejected in document["rejected"]:
        assert rejected["stage"] == "facts"
        assert rejected["reason"].endswith(
            "not briefed: facts failed: ValueError: figure parser broke on two lines"
        )


def test_text_without_word_breaks_is_rejected_and_a_blob_inside_a_report_is_dropped(
    seeds_dir, tmp_path, capsys
):
    flood = tmp_path / "flood.txt"
    flood.write_text("A" * 2_000_000)
    seed = sorted(seeds_dir.glob("*.txt"))[0].read_text()
    paragraphs = seed.split("\n\n")
    blob = "QmFzZTY0" * 500  # 4,000 characters of an encoded attachment pasted into the text
    with_blob = tmp_path / "with_blob.txt"
    with_blob.write_text("\n\n".join([paragraphs[0], blob, *paragraphs[1:]]))
    assert main(["brief", str(flood), str(with_blob), "--format", "json", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    cut, rejected = document["rejected"]  # cut to max_text_chars first, then rejected
    assert cut["stage"] == "note" and cut["reason"].startswith("text of 2000000 characters")
    assert rejected["source"].endswith("flood.txt")
    assert "no text left" in rejected["reason"]
    (event,) = document["events"]
    assert "QmFzZTY0" not in json.dumps(event)
    assert all(len(entity["name"]) < 100 for entity in event["entities"])


def test_quiet_run_prints_no_library_complaints(shared_data, tmp_path):
    # feed-rs's test feeds hold entries of plain text: trafilatura logged "ERROR
    # trafilatura.core: empty HTML tree: <url>" for each, with -q, and a URL unescaped.
    feeds = shared_data / "robustness" / "news_feeds" / "feed-rs"
    done = subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "brief", str(feeds), "-q", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert json.loads(done.stdout)["report"]["rejected"]  # what it left out is in the report


def test_briefs_do_not_depend_on_string_hashing(seeds_dir, tmp_path):
    # Python salts str hashes per process, so a set's order changes between runs: no
    # output may follow it (a surname search built from a set once changed an entity's
    # count between two runs of one corpus, and between Spark's workers and one process).
    def events(seed: str) -> object:
        out = tmp_path / f"briefs-{seed}.json"
        command = [sys.executable, "-m", "newsbrief.cli", "brief", str(seeds_dir)]
        done = subprocess.run(
            [*command, "--format", "json", "--out", str(out), "-q"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(out.read_text())["events"]

    assert events("1") == events("2")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.jsonl.gz", gzip.compress(b"{}\n" * 50)[:10], "cannot read past line 0"),
        ("latin1.jsonl", b'{"id": "caf\xe9"}\n', "line 1 is not UTF-8 text"),
        ("scalars.jsonl", b"1\n", "line 1 is a JSON number, not an object"),
        ("deep.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", "line 1 is not JSON it can read"),
        # a field of the wrong type: the gold entities are objects with a name
        (
            "entities.jsonl",
            json.dumps({"id": "s", "articles": [], "entities": ["Vance"]}).encode() + b"\n",
            "malformed evaluation data: TypeError",
        ),
    ],
)
def test_malformed_evaluation_data_is_one_line(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["eval", "briefs", str(path), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("newsbrief: error:") and message in err
