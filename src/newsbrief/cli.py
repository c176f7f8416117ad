"""The ``newsbrief`` command: one subcommand per job, each one library call.

Exit codes: 0 success (also when some inputs were rejected and reported), 1 a user error
or a run in which nothing could be read, with a one-line message, 2 a usage error
(argparse). Everything printed goes through ``render.printable``: an input's escape
sequences never reach the terminal.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsbrief.config import Config, load_config, with_overrides
from newsbrief.errors import InputError, MissingDependencyError, NewsbriefError
from newsbrief.model import Rejected, RunReport
from newsbrief.progress import Progress, no_progress, terminal_progress
from newsbrief.render import FORMATS, printable

PATHS_HELP = (
    "files, folders, globs, feeds, WARC, JSONL, or - for stdin; in folders, names starting"
    " with '.' are skipped and listed in the report"
)
STORE_HELP = "the SQLite store (ingest creates it when missing)"

# Settings read from the working directory when no --config is given.
LOCAL_CONFIG = "newsbrief.toml"

log = logging.getLogger("newsbrief")


def _progress(args: argparse.Namespace) -> Progress:
    return no_progress if args.quiet else terminal_progress


def _config(args: argparse.Namespace) -> Config:
    path = args.config
    if path is None and Path(LOCAL_CONFIG).is_file():
        path = Path(LOCAL_CONFIG)
    config = load_config(path)
    threshold = getattr(args, "similarity_threshold", None)
    if threshold is not None:
        config = with_overrides(config, "cluster", similarity_threshold=threshold)
    return config


def _write(text: str, out: Path | None) -> None:
    if out is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away: not an error (``main``)
        except OSError as error:  # a full disk ("> /dev/full")
            # What stays buffered would fail again as Python exits: it goes nowhere.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise NewsbriefError(
                f"cannot write: {error.strerror}", source="standard output"
            ) from None
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise NewsbriefError(f"cannot write: {error.strerror}", source=str(out)) from None


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _rejections(report: RunReport) -> str:
    """Return "2 inputs rejected, 1 note": notes are about articles that were kept."""
    text = f"{_count(len(report.refused), 'input')} rejected"
    return text + (f", {_count(len(report.notes), 'note')}" if report.notes else "")


def _record_lines(records: Sequence[Rejected]) -> list[str]:
    """Return one line per rejected input ("rejected ...") or note on a kept article: a
    newline in a file's name or a reason is a space (it had forged a line of its own)."""
    return [f"  {' '.join(r.describe().split())}" for r in records]


def _say(args: argparse.Namespace, message: str) -> None:
    """Print a status line on stderr (never mixed into the output), unless --quiet."""
    if not args.quiet:
        print(printable(message), file=sys.stderr)


# The rejected inputs listed on stderr at most; the output lists every one.
LISTED_REJECTIONS = 20


def _say_rejected(args: argparse.Namespace, report: RunReport) -> None:
    """List the rejected inputs on stderr, one line each, when the output goes to a file or
    a pipe (on a terminal the output lists them itself), unless --quiet."""
    on_terminal = args.out is None and sys.stdout is not None and sys.stdout.isatty()
    if args.quiet or on_terminal or not report.refused:
        return
    lines = _record_lines(report.refused[:LISTED_REJECTIONS])
    if (more := len(report.refused) - LISTED_REJECTIONS) > 0:
        lines.append(f"  ... and {more} more, listed in the output")
    print(printable("\n".join(lines)), file=sys.stderr)


def _require_input(read: int, rejected: Sequence[Rejected]) -> None:
    """Raise InputError when no article could be read, or none was kept (every one
    rejected by the clean stage): the run has nothing to work on."""
    if read:
        return
    # A note tells of an article that was kept, then rejected later for another reason:
    # the rejection is what explains the empty run.
    refused = [r for r in rejected if not r.is_note]
    if not refused:
        raise InputError("nothing could be read: no article in the given paths")
    first = refused[0]
    raise InputError(
        f"nothing could be read: {_count(len(refused), 'input')} rejected"
        f" (first: {first.source}: {first.reason})"
    )


def _existing_store(path: Path) -> Path:
    """Return the path of an existing store; a mistyped path is an error, never a new store."""
    from newsbrief.store.update import require_store

    return require_store(path)


# ---- jobs -------------------------------------------------------------------------------


def run_brief(args: argparse.Namespace) -> None:
    from newsbrief.pipeline import build_briefs
    from newsbrief.render import render

    briefs, report = build_briefs(args.paths, _config(args), _progress(args))
    _require_input(report.counts.get("kept", 0), report.rejected)
    _write(render(briefs, report, args.format), args.out)
    counts = report.counts
    _say(
        args,
        f"newsbrief: {_count(counts.get('articles', 0), 'article')}, "
        f"{_count(counts.get('copies', 0), 'copy', 'copies')}, "
        f"{_count(counts.get('events', 0), 'event')} in "
        f"{_count(counts.get('stories', 0), 'story', 'stories')}, "
        f"{_rejections(report)}",
    )
    _say_rejected(args, report)


def run_timeline(args: argparse.Namespace) -> None:
    from newsbrief.pipeline import build_story_timeline
    from newsbrief.render.timeline import render_timeline

    timeline, report = build_story_timeline(
        args.paths, _config(args), _progress(args), max_dates=args.dates
    )
    _require_input(report.counts.get("kept", 0), report.rejected)
    _write(render_timeline(timeline, report, args.format), args.out)
    _say(
        args,
        f"newsbrief: {_count(len(timeline), 'dated entry', 'dated entries')}, "
        f"{_rejections(report)}",
    )
    _say_rejected(args, report)


def run_ingest(args: argparse.Namespace) -> None:
    from newsbrief.store import ingest

    report = ingest(args.paths, args.store, _config(args), _progress(args))
    _require_input(report.counts.get("read", 0), report.rejected)
    if args.quiet:
        return  # rejected inputs stay listed in the store's rejected table
    counts = ", ".join(
        f"{value} {name}"
        for name, value in report.counts.items()
        if name not in ("rejected", "notes")
    )
    lines = [f"ingested into {args.store}: {counts}; {_rejections(report)}"]
    lines += _record_lines(report.rejected)
    print(printable("\n".join(lines)))


def run_update(args: argparse.Namespace) -> None:
    from newsbrief.store import update

    report = update(args.store, _config(args), _progress(args))  # never creates a store
    if not args.quiet:
        lines = [report.describe(), *_record_lines(report.rejected)]
        print(printable("\n".join(lines)))


def run_serve(args: argparse.Namespace) -> None:
    try:
        from newsbrief.web import serve
    except ImportError as error:
        raise MissingDependencyError(f"serve ({error.name} is missing)", "web") from None
    serve(_existing_store(args.store), host=args.host, port=args.port)


def run_spark(args: argparse.Namespace) -> None:
    try:
        from newsbrief.spark import SparkSettings, run_spark_job
    except ImportError as error:
        raise MissingDependencyError(f"spark ({error.name} is missing)", "spark") from None

    chosen = {"window_days": args.window_days, "partitions": args.partitions}
    settings = SparkSettings(**{k: v for k, v in chosen.items() if v is not None})
    report = run_spark_job(
        args.paths, args.out, _config(args), master=args.master, settings=settings
    )
    _say(args, report.describe())


def _evaluation(name: str) -> Callable[[argparse.Namespace], Any]:
    """Return the library call behind ``newsbrief eval NAME``."""

    def extraction(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.extraction import evaluate_extraction

        return evaluate_extraction(args.data, progress=_progress(args))

    def summarization(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.summarization import evaluate_summarization

        return evaluate_summarization(args.data, args.peers, progress=_progress(args))

    def clustering(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.clustering import evaluate_clustering

        return evaluate_clustering(args.data, progress=_progress(args))

    def pairs(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.pairs import evaluate_pairs

        return evaluate_pairs(args.data, progress=_progress(args))

    def timelines(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.timelines import evaluate_timelines

        return evaluate_timelines(args.data, progress=_progress(args))

    def briefs(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.briefs import evaluate_briefs

        return evaluate_briefs(args.data, _config(args), progress=_progress(args))

    def headlines(args: argparse.Namespace) -> Any:
        from newsbrief.evaluate.headlines import evaluate_headlines

        return evaluate_headlines(args.data, _config(args).summary, progress=_progress(args))

    jobs: dict[str, Callable[[argparse.Namespace], Any]] = {
        "extraction": extraction,
        "summarization": summarization,
        "clustering": clustering,
        "pairs": pairs,
        "timelines": timelines,
        "briefs": briefs,
        "headlines": headlines,
    }
    return jobs[name]


EVALUATIONS = {
    "extraction": "text extraction F1 against gold article bodies (GOLD.jsonl)",
    "summarization": "ROUGE-1/2/SU4 of newsbrief, baselines and official peers",
    "clustering": "BCubed and pairwise F1 of event clustering, batch and online",
    "pairs": "Pearson correlation of same-story similarity with human scores",
    "timelines": "alignment ROUGE-1/2 F1 and date F1 of story timelines",
    "briefs": "whole briefs against editors' gold briefs (headline, attribution, figures...)",
    "headlines": "ROUGE F1 of one-line headlines against WCEP lines, with title and lead",
}


def run_eval(args: argparse.Namespace) -> None:
    try:
        result = _evaluation(args.evaluation)(args)
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as error:
        # An evaluation file is the user's input: a field of the wrong type or missing
        # ("entities": ["Vance"], a title that is a number) is a one-line error; -vv logs
        # where it was met.
        log.debug("evaluation stopped on %s", args.data, exc_info=True)
        raise InputError(
            f"malformed evaluation data: {type(error).__name__}: {error}", source=str(args.data)
        ) from None
    if args.json:
        print(json.dumps(result.to_json()))
    else:
        print(printable(result.to_table()))


# ---- parser -----------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        help=f"a TOML file of settings per stage (default: ./{LOCAL_CONFIG} if present)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or status lines")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv: debug)")


def _positive(text: str) -> int:
    """An argument that counts something: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _port(text: str) -> int:
    """A TCP port: 0 (any free one) to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Turn news articles from many outlets into event briefs you can trust.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    brief = commands.add_parser(
        "brief", help="read articles and print one brief per story (the main job)"
    )
    brief.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    brief.add_argument("--format", choices=FORMATS, default="text")
    brief.add_argument("--out", type=Path, help="write to this file instead of stdout")
    brief.add_argument(
        "--similarity-threshold",
        type=float,
        help="how similar two articles must be to share an event",
    )
    _common(brief)
    brief.set_defaults(job=run_brief)

    timeline = commands.add_parser("timeline", help="build a dated timeline of a story")
    timeline.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    timeline.add_argument("--dates", type=_positive, help="at most this many dates")
    timeline.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    timeline.add_argument("--out", type=Path, help="write to this file instead of stdout")
    _common(timeline)
    timeline.set_defaults(job=run_timeline)

    ingest = commands.add_parser("ingest", help="add articles to a store (idempotent)")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    ingest.add_argument("--store", type=Path, required=True, metavar="DB", help=STORE_HELP)
    _common(ingest)
    ingest.set_defaults(job=run_ingest)

    update = commands.add_parser("update", help="cluster new articles and rebuild changed briefs")
    update.add_argument("--store", type=Path, required=True, metavar="DB", help=STORE_HELP)
    _common(update)
    update.set_defaults(job=run_update)

    serve = commands.add_parser("serve", help="serve the store's briefs as web pages and an API")
    serve.add_argument(
        "--store", type=Path, required=True, metavar="DB", help="the SQLite store to serve"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8000)
    _common(serve)
    serve.set_defaults(job=run_serve)

    spark = commands.add_parser("spark", help="run the pipeline on Apache Spark")
    spark.add_argument("paths", nargs="+", metavar="INPUT", help="WARC or JSONL, any Spark path")
    spark.add_argument(
        "--out", required=True, metavar="DIR", help="where Parquet and briefs.json go"
    )
    spark.add_argument("--master", default="local[2]", help="Spark master URL")
    spark.add_argument("--window-days", type=int, help="days per clustering window (30)")
    spark.add_argument("--partitions", type=int, help="partitions of the per-article steps")
    _common(spark)
    spark.set_defaults(job=run_spark)

    evaluate = commands.add_parser("eval", help="measure a stage on an evaluation dataset")
    evaluations = evaluate.add_subparsers(dest="evaluation", required=True, metavar="STAGE")
    for name, description in EVALUATIONS.items():
        sub = evaluations.add_parser(name, help=description)
        sub.add_argument("data", type=Path, metavar="DATA.jsonl")
        sub.add_argument("--json", action="store_true", help="print one JSON object")
        if name == "summarization":
            sub.add_argument("--peers", type=Path, help="official peer summaries to score too")
        _common(sub)
        sub.set_defaults(job=run_eval)
    return parser


# Libraries that log about each page they read: newsbrief reports every input it rejects
# itself, so their complaints ("empty HTML tree: <url>" for a feed entry of plain text)
# only show with -vv.
_CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "readability")


def _printable_record(record: logging.LogRecord) -> bool:
    """Make a log line safe for a terminal: a page's URL or title may carry escapes."""
    record.msg, record.args = printable(record.getMessage()), None
    return True


def _configure_logging(verbose: int) -> None:
    level = [logging.ERROR, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(_printable_record)
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose >= 2 else logging.CRITICAL)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    try:
        if sys.stdout is None and getattr(args, "out", False) is None:
            # Started with its output closed (``newsbrief brief x >&-``): said before the run.
            raise NewsbriefError("cannot write: standard output is closed; give --out FILE")
        args.job(args)
    except NewsbriefError as error:
        message = " ".join(printable(str(error)).split())  # one line, whatever it quotes
        print(f"newsbrief: error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (newsbrief brief ... | head): not an error.
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
