"""Work on two processes: the one place that forks.

    in_two_processes(here, there, items, share=0.5) -> (here(items[:k]), there(items[k:]))
    map_in_order(fn, items, done=None, chunksize=1, parallel=True) -> [fn(item) for item in items]

Both give exactly what running the work here, in order, would give; a second process only makes it sooner.
A second process is used when this machine has two cores, can fork, and this process is not itself one of
these workers (a worker never starts processes of its own). The work and its items are inherited by the
forked process (fork), so functions need not be importable by name; results come back pickled.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["can_fork", "in_two_processes", "map_in_order"]

T = TypeVar("T")
R = TypeVar("R")

_IN_WORKER = False  # set in the processes started here
_SHARED: tuple[Callable, Sequence] | None = None  # (work, items) for the forked process, inherited, never pickled


def can_fork() -> bool:
    """True when a second, forked process can share the work."""
    if _IN_WORKER or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return False
    return not multiprocessing.current_process().daemon  # a daemon process may not start processes


def _mark_worker() -> None:
    global _IN_WORKER
    _IN_WORKER = True


def _pool(workers: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # loaded only when a second process is used

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_mark_worker)


def in_two_processes(here: Callable[..., Any], there: Callable[..., Any], items: Sequence,
                     share: float = 0.5) -> tuple[Any, Any]:
    """(here(items[:k]), there(items[k:])) with k = share of the items, `there` running in a forked process
    meanwhile (when this process may fork). `there` and the items are inherited by the fork, not pickled; its
    result comes back pickled. Anything going wrong with that process (cannot fork, killed) only means `there`
    runs here afterwards: the result is the same.
    """
    global _SHARED
    k = int(len(items) * share)
    if not can_fork():
        return here(items[:k]), there(items[k:])
    _SHARED = (there, items[k:])
    try:
        # a fork context starts its process in the first submit, before the pool starts any thread
        pool = _pool(1)
        later = pool.submit(_run_shared)
    except (OSError, ValueError, RuntimeError):
        return here(items[:k]), there(items[k:])
    finally:
        _SHARED = None
    with pool:
        first = here(items[:k])
        try:
            rest = later.result()
        except Exception:  # BrokenProcessPool when it was killed, or its own error: do it here
            rest = there(items[k:])
    return first, rest


def _run_shared() -> Any:
    assert _SHARED is not None
    work, items = _SHARED
    return work(items)


def map_in_order(fn: Callable[[T], R], items: Sequence[T], done: Callable[[], None] | None = None,
                 chunksize: int = 1, parallel: bool = True) -> list[R]:
    """[fn(item) for item in items], shared out over two forked processes when `parallel` (the caller's
    judgement that the work pays for a second process), there are two items or more and this process may
    fork; `done()` is called after each result, in order. `fn` and the items are pickled to the workers
    (module-level functions and plain data). An error raised by `fn` is raised here.
    """
    out: list[R] = []
    if not parallel or len(items) < 2 or not can_fork():
        for item in items:
            out.append(fn(item))
            if done:
                done()
        return out
    with _pool(2) as pool:
        for result in pool.map(fn, items, chunksize=chunksize):
            out.append(result)
            if done:
                done()
    return out
