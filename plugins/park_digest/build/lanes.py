"""Commands run in the background, a few at a time: search.py's Pagefinds, one per index.

A site split into parts can have more indexes than the machine has cores, and starting them
all at once crowds the cores and the disk: twelve Pagefinds side by side (an early layout, four
indexes for each of three languages) made a cold build a fifth slower, and once cost 13 s of
system time. A lane is a thread that waits for its command, then starts the next one queued;
the threads only ever wait on subprocesses, so the build's own thread keeps the interpreter.
The first command of each lane starts at once, in the caller's thread: a command that cannot
start fails there.

A file whose lock the commands hold (search.py's staging folder) is passed to each as it
starts: the lanes keep a duplicate of it until the last command has started, so the lock is
held until the last command ends, even if the caller lets go of its own.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Job:
    name: str
    command: list[str]
    log: Path  # its output, a file (not a pipe: nobody reads it while it runs)


class Lanes:
    def __init__(self, jobs: list[Job], width: int, env: dict[str, str], lock_fd: Optional[int] = None):
        self.jobs = [job.name for job in jobs]
        self.processes: dict[str, subprocess.Popen] = {}  # the jobs started, by name
        self.errors: dict[str, str] = {}  # jobs that could not start, and why
        self._queue, self._env = deque(jobs), env
        self._mutex, self._stopped = threading.Lock(), False
        self._lock_fd = None if lock_fd is None else os.dup(lock_fd)
        first = [self._queue.popleft() for _ in range(min(max(1, width), len(jobs)))]
        try:
            for job in first:
                self._spawn(job)
        except OSError:
            self.stop()
            raise
        self._release_if_started()
        self._threads = [threading.Thread(target=self._follow, args=(job.name,), daemon=True,
                                          name=f"lane-{job.name}") for job in first]
        for thread in self._threads:
            thread.start()

    def _spawn(self, job: Job) -> None:
        with open(job.log, "wb") as log:
            self.processes[job.name] = subprocess.Popen(
                job.command, stdout=log, stderr=subprocess.STDOUT, env=self._env,
                pass_fds=() if self._lock_fd is None else (self._lock_fd,))

    def _release_if_started(self) -> None:
        if not self._queue and self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def _follow(self, name: str) -> None:
        """One lane: wait for the job, start the next one queued, until none is left."""
        while True:
            self.processes[name].wait()
            with self._mutex:
                while self._queue and not self._stopped:
                    job = self._queue.popleft()
                    try:
                        self._spawn(job)
                    except OSError as exc:
                        self.errors[job.name] = str(exc)
                        continue
                    name = job.name
                    break
                else:
                    self._release_if_started()
                    return
                self._release_if_started()

    def wait(self, timeout: float) -> bool:
        """Wait until every job has ended; False if some still run after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                return False
        return True

    def failures(self) -> dict[str, str]:
        """Each job that could not start or ended in error, by name: why, or its exit status."""
        failed = dict(self.errors)
        for name, process in self.processes.items():
            if process.returncode:
                failed[name] = str(process.returncode)
        return failed

    def stop(self) -> None:
        """Start no more jobs, kill those running, and wait for them."""
        with self._mutex:
            self._stopped = True
            self._queue.clear()
            running = list(self.processes.values())
            self._release_if_started()
        for process in running:
            if process.poll() is None:
                process.kill()
            process.wait()
        for thread in getattr(self, "_threads", []):
            thread.join()
