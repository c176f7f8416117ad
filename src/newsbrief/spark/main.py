"""The entry point for ``spark-submit`` and ``python -m newsbrief.spark``."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    """Run the job on the inputs and write to --out; settings from --config (TOML)."""
    from newsbrief.config import load_config
    from newsbrief.spark.job import SparkSettings, run_spark_job

    parser = argparse.ArgumentParser(prog="newsbrief-spark", description="newsbrief on Spark")
    parser.add_argument("paths", nargs="+", metavar="INPUT")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--config", metavar="TOML")
    parser.add_argument("--master", help="e.g. local[4]; by default spark-submit's")
    parser.add_argument("--window-days", type=int, default=SparkSettings().window_days)
    parser.add_argument("--partitions", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    settings = SparkSettings(window_days=args.window_days, partitions=args.partitions)
    report = run_spark_job(
        args.paths, args.out, load_config(args.config), master=args.master, settings=settings
    )
    logging.getLogger(__name__).info("%s", report.describe())
