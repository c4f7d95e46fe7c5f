"""Annotating many texts in worker processes, in order, without losing any.

`run_ordered(pipeline, task, items, n_process=2)` yields, for every item and in input
order, either `task(pipeline, item)` or a `Failure` naming the item and its error. It is
what `Pipeline.pipe` and the command line's ``--jobs`` use.

Guarantees:

- **Nothing is lost.** An exception on one item is caught in the worker and comes back
  as that item's `Failure`; the rest of its batch is kept. When a worker process dies
  (killed, out of memory, a crash in C code), every item that was in flight is run
  again one at a time in a fresh pool, so the item that kills a worker ends as a
  `Failure(WorkerDied)` and every other item still gets its result.
- **Bounded memory.** Only ``n_process * 4`` batches are in flight; a long iterator is
  not read ahead.
- **No worker left behind.** Breaking off early (closing the generator, an exception,
  Ctrl-C) cancels what is queued and terminates the workers.

Start method: ``fork`` where the platform has it and it is safe (Linux and other POSIX
systems except macOS), else ``spawn``. With fork the workers inherit the parent's
warm pipeline (dictionaries and lexicons loaded once, shared copy-on-write), so a
worker starts in milliseconds instead of re-importing govtext and reloading jieba's
dictionary (about a second each with spawn), and a plain script without an
``if __name__ == "__main__":`` guard works, since fork does not re-run the script.
govtext itself starts no threads before forking. Set ``GOVTEXT_START_METHOD=spawn``
(or ``forkserver``) to choose another; spawn and forkserver need the ``__main__``
guard, as any multiprocessing code does.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import os
import pickle
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar, cast

from .model import Token
from .model.tokens import Tokens

T = TypeVar("T")
R = TypeVar("R")

START_METHOD_VARIABLE = "GOVTEXT_START_METHOD"
BATCHES_PER_WORKER = 4  # batches in flight per worker: enough to keep each one busy
BATCH_CHARS = 16_000  # a batch closes at this many characters: a few long texts must
                      # not all travel in one batch to one worker
GIVE_UP_AFTER = 5  # pools broken in a row with no result between: workers cannot start


class WorkerDied(RuntimeError):
    """A worker process ended while working on this item (killed, out of memory, or a
    crash); the other items were run again and are not affected."""


@dataclass(frozen=True, slots=True)
class Failure(Generic[T]):
    """An item that gave no result, and why."""

    index: int
    item: T
    error: BaseException


def start_method() -> str:
    """The multiprocessing start method used for workers (see the module docstring)."""
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    available = multiprocessing.get_all_start_methods()
    if chosen:
        if chosen not in available:
            raise ValueError(f"{START_METHOD_VARIABLE}={chosen!r}: this platform offers "
                             f"{', '.join(available)}")
        return chosen
    if "fork" in available and sys.platform != "darwin":
        return "fork"
    return "spawn"


def run_ordered(pipeline: Any, task: Callable[[Any, T], R], items: Iterable[T], *,
                n_process: int = 1, batch_size: int = 8
                ) -> Iterator[R | Failure[T]]:
    """`task(pipeline, item)` for each item, in order; a `Failure` where it raised.
    `task` must be a module-level function (it is sent to the workers by name)."""
    if n_process <= 1:
        for index, item in enumerate(items):
            try:
                yield task(pipeline, item)
            except Exception as exc:
                yield Failure(index, item, exc)
        return
    yield from _Pool(pipeline, task, n_process, max(1, batch_size)).run(items)


# ---------------------------------------------------------------------------
# the worker side

_worker_state: tuple[Any, Callable[[Any, Any], Any]] | None = None


def _init_worker(pipeline: Any, task: Callable[[Any, Any], Any]) -> None:
    global _worker_state
    _worker_state = (pipeline, task)


def _run_batch(batch: list[Any]) -> list[tuple[bool, Any]]:
    """(True, result) or (False, exception) per item; exceptions that cannot be sent
    back are replaced by a RuntimeError that keeps their type name and message."""
    assert _worker_state is not None
    pipeline, task = _worker_state
    out: list[tuple[bool, Any]] = []
    for item in batch:
        try:
            out.append((True, _pack(task(pipeline, item))))
        except Exception as exc:
            out.append((False, _sendable(exc)))
    return out


def _pack(result: Any) -> Any:
    """A Document (or a tuple starting with one) whose tokens travel as one array of
    offsets (`Tokens`): pickling 80,000 Token objects and rebuilding them cost more in
    the parent than the whole rest of the Document, and the parent's time is what
    limits the speed-up. The segmenters already give `Tokens`; a tuple of plain
    `Token` (a custom segmenter) is turned into one."""
    if isinstance(result, tuple) and result:
        return (_pack(result[0]), *result[1:])
    tokens = getattr(result, "tokens", None)
    if not tokens or not isinstance(tokens, tuple) or not dataclasses.is_dataclass(result) \
            or any(type(t) is not Token for t in tokens):
        return result
    packed = Tokens(cast(Any, result).text, ((t.start, t.end) for t in tokens))
    return dataclasses.replace(cast(Any, result), tokens=packed)


def _noop() -> None:
    return None


def _sendable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


# ---------------------------------------------------------------------------
# the parent side


class _Pool:
    """A process pool that survives dead workers (see the module docstring)."""

    def __init__(self, pipeline: Any, task: Callable[[Any, Any], Any], n_process: int,
                 batch_size: int) -> None:
        self.pipeline = pipeline
        self.task = task
        self.n_process = n_process
        self.batch_size = batch_size
        self.method = start_method()
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self.method == "fork":
            _warm(self.pipeline)
        ctx = multiprocessing.get_context(self.method)
        executor = ProcessPoolExecutor(max_workers=self.n_process, mp_context=ctx,
                                       initializer=_init_worker,
                                       initargs=(self.pipeline, self.task))
        if self.method == "fork":
            # Objects that exist before the fork go to the collector's permanent
            # generation: the workers' collections then neither scan them nor touch
            # their pages (which copy-on-write would copy). The first submit forks every
            # worker at once; the parent unfreezes right after.
            gc.freeze()
            try:
                executor.submit(_noop).result()
            except BrokenProcessPool:
                pass  # the first real batch finds the pool broken and recovers
            finally:
                gc.unfreeze()
        return executor

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        source = enumerate(items)
        retry: deque[tuple[int, Any]] = deque()  # items to run again, one at a time
        pending: deque[tuple[Future[list[tuple[bool, Any]]], list[tuple[int, Any]]]] = deque()
        done: dict[int, Any] = {}
        next_index = 0
        fruitless = 0  # pools broken in a row with no result in between
        limit = self.n_process * BATCHES_PER_WORKER
        self.executor = self._start()
        try:
            while True:
                unsent: list[tuple[int, Any]] = []  # a batch the broken pool refused
                while len(pending) < (1 if retry else limit):
                    batch = [retry.popleft()] if retry else self._batch(source)
                    if not batch:
                        break
                    try:
                        future = self.executor.submit(_run_batch, [i for _, i in batch])
                    except BrokenProcessPool:
                        unsent = batch
                        break
                    pending.append((future, batch))
                if not pending:
                    if not unsent:
                        break
                    self._restart()
                    retry.extendleft(reversed(unsent))
                    continue
                future, batch = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool as exc:
                    fruitless += 1
                    if fruitless >= GIVE_UP_AFTER:
                        raise RuntimeError(
                            f"worker processes ({self.method}) keep dying without "
                            f"returning a result: {exc}. With spawn or forkserver the script needs "
                            "an `if __name__ == '__main__':` guard") from exc
                    lost = [batch] + [b for f, b in pending if not _succeeded(f)]
                    if unsent:
                        lost.append(unsent)
                    for f, b in pending:
                        if _succeeded(f):
                            _collect(done, b, f.result())
                    pending.clear()
                    self._restart()
                    if len(lost) == 1 and len(batch) == 1:
                        index, item = batch[0]
                        done[index] = Failure(index, item, WorkerDied(
                            "a worker process died while annotating this item "
                            "(killed, out of memory, or a crash)"))
                    else:
                        retry.extend(pair for b in lost for pair in b)
                except Exception as exc:  # the batch's results could not come back
                    if len(batch) == 1:
                        index, item = batch[0]
                        done[index] = Failure(index, item, exc)
                    else:
                        retry.extendleft(reversed(batch))
                else:
                    fruitless = 0
                    _collect(done, batch, results)
                while next_index in done:
                    yield done.pop(next_index)
                    next_index += 1
            while next_index in done:  # pragma: no cover - defensive
                yield done.pop(next_index)
                next_index += 1
        finally:
            self.close()

    def _batch(self, source: Iterator[tuple[int, Any]]) -> list[tuple[int, Any]]:
        """Up to `batch_size` items, fewer once they hold BATCH_CHARS characters."""
        batch: list[tuple[int, Any]] = []
        chars = 0
        for pair in islice(source, self.batch_size):
            batch.append(pair)
            chars += _chars(pair[1])
            if chars >= BATCH_CHARS:
                break
        return batch

    def _restart(self) -> None:
        self.close()
        self.executor = self._start()

    def close(self) -> None:
        """Cancel queued work and end the workers now (not after their current batch)."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        # the executor's own dict of workers (shutdown drops the attribute, and its thread
        # may still add a worker to the dict while shutting down: look at it again)
        workers = getattr(executor, "_processes", None) or {}
        manager = getattr(executor, "_executor_manager_thread", None)
        executor.shutdown(wait=False, cancel_futures=True)
        ended: set[int] = set()
        for _ in range(5):
            processes = [p for p in list(workers.values()) if id(p) not in ended]
            if not processes:
                break
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(5)
                ended.add(id(process))
        if manager is not None:  # a broken pool's thread ends its workers itself: wait for it
            manager.join(5)


_WARM_TEXT = "国务院办公厅关于印发实施方案的通知\n市长王凤朝强调，2024年投入3.5亿元。"


def _warm(pipeline: Any) -> None:
    """Load a pipeline's resources in the parent, so forked workers inherit them."""
    warm = getattr(pipeline, "warm", None)
    try:
        if callable(warm):
            warm()
        elif callable(pipeline):
            pipeline(_WARM_TEXT)
    except Exception:  # a pipeline that cannot warm up fails on real items, by name
        pass


def _chars(item: Any) -> int:
    """The length of an item's text: a str, or an object with a `text` (the command
    line's items); 1 for anything else."""
    text = item if isinstance(item, str) else getattr(item, "text", None)
    return len(text) if isinstance(text, str) else 1


def _succeeded(future: Future[Any]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _collect(done: dict[int, Any], batch: list[tuple[int, Any]],
             results: list[tuple[bool, Any]]) -> None:
    for (index, item), (ok, value) in zip(batch, results):
        done[index] = value if ok else Failure(index, item, value)
