"""Jobs shared between this process and forked copies of it.

Rendering some thousands of pages is the largest part of a build that Pelican runs on one core.
The pages are rendered from Pelican's articles, its Jinja environment and its context, which
cannot be pickled to a fresh process at any useful cost; a forked child starts with all of them
(shared copy-on-write) and only has to report back. So: this process forks, every process takes
jobs from a shared counter until none is left, and each child reports which it ran, its log
records and its error if it had one; this process hands the records to its own logging.

fork, as the conversion workers use it: where os.fork is missing, everything runs here.
"""
from __future__ import annotations

import copy
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import traceback
from dataclasses import dataclass
from contextlib import nullcontext
from typing import Any, Callable, ContextManager, Optional, Sequence, TypeVar

T = TypeVar("T")


class WorkerError(RuntimeError):
    """A job failed in a forked process; the message carries its traceback."""


@dataclass
class _Child:
    pid: int
    reader: int  # the pipe the child writes its report to


class _Records(logging.Handler):
    """A child's log records, made picklable as logging.handlers.QueueHandler.prepare does."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record = copy.copy(record)
        record.msg = record.message = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        try:
            pickle.dumps(record)
        except Exception:  # an unpicklable extra attribute: keep what a reader needs
            record = logging.makeLogRecord({"name": record.name, "levelno": record.levelno,
                                            "levelname": record.levelname, "msg": record.msg,
                                            "exc_text": record.exc_text})
        self.records.append(record)


ChildContext = Callable[[], ContextManager]
CHUNK = 4  # jobs taken at a time: few enough to even out the end, enough to spare the lock


@dataclass
class _Queue:
    """The jobs, and the index of the next one to take, in memory every process shares: each
    process takes the next jobs when it is free, so a slow process (or a busy core) holds up
    nobody."""
    jobs: Sequence
    run: Callable
    next: Any  # multiprocessing.Value

    def drain(self) -> list[int]:
        """Run jobs until none is left; the indices of those run here."""
        done: list[int] = []
        while True:
            with self.next.get_lock():
                start = self.next.value
                self.next.value = start + CHUNK
            taken = range(start, min(start + CHUNK, len(self.jobs)))
            if not taken:
                return done
            for index in taken:
                self.run(self.jobs[index])
            done.extend(taken)


def run_shared(jobs: Sequence[T], run: Callable[[T], object], workers: int,
               child_context: ChildContext = nullcontext,
               meanwhile: Optional[Callable[[], None]] = None) -> list[T]:
    """Run `run(job)` for every job, shared by `workers` processes: this one and workers - 1
    forked children, whose jobs run inside `child_context()`. `meanwhile` runs here first, while
    the children have started on the jobs. Returns the jobs that ran in a child. Raises
    WorkerError, once every child has ended, if a job failed in one."""
    if min(workers, len(jobs)) <= 1 or not hasattr(os, "fork"):
        if meanwhile is not None:
            meanwhile()
        for job in jobs:
            run(job)
        return []
    queue = _Queue(jobs, run, multiprocessing.get_context("fork").Value("q", 0))
    children: list[_Child] = []
    gc.freeze()  # the collector then leaves the shared objects alone, and their pages shared
    try:
        for _ in range(1, min(workers, len(jobs))):
            children.append(_fork(queue, child_context))
    except BaseException:
        _stop(children)
        raise
    finally:
        gc.unfreeze()
    try:
        if meanwhile is not None:
            meanwhile()
        queue.drain()
    except BaseException:
        _stop(children)
        raise
    reports = [_collect(child) for child in children]
    errors = [error for _, error in reports if error]
    if errors:
        raise WorkerError("park_digest: a job failed in a worker process:\n" + "\n".join(errors))
    return [jobs[index] for done, _ in reports for index in done]


def _fork(queue: _Queue, child_context: ChildContext) -> _Child:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return _Child(pid, reader)
    status = 1
    try:  # the child: never returns to the caller's code
        os.close(reader)
        handler = _Records()
        logging.getLogger().handlers = [handler]  # this process's console is the parent's
        done: list[int] = []
        error = None
        try:
            with child_context():
                done = queue.drain()
        except BaseException as exc:
            error = "".join(traceback.format_exception(exc))
        with os.fdopen(writer, "wb") as report:
            pickle.dump((handler.records, done, error), report)
        status = 0 if error is None else 1
    finally:
        os._exit(status)  # no atexit handlers, no finalizers: they belong to the parent


def _collect(child: _Child) -> tuple[list[int], Optional[str]]:
    """Wait for a child and hand its log records to this process's loggers: the indices of the
    jobs it ran, and its error if it had one."""
    with os.fdopen(child.reader, "rb") as report:
        data = report.read()  # before waiting: a large report would block the child's write
    _, status = os.waitpid(child.pid, 0)
    if not data:
        code = os.waitstatus_to_exitcode(status)
        return [], f"worker process {child.pid} ended (exit status {code}) without a report"
    records, done, error = pickle.loads(data)
    for record in records:
        logging.getLogger(record.name).handle(record)
    return done, error


def _stop(children: list[_Child]) -> None:
    for child in children:
        try:
            os.kill(child.pid, signal.SIGKILL)
        except ProcessLookupError:  # it has ended already; waitpid reaps it
            pass
        os.close(child.reader)
        os.waitpid(child.pid, 0)
