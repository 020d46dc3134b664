"""Jobs shared with forked processes (forked.py): each job runs once, somewhere; the children's
log records and errors reach this process."""
import logging
import os
import time
from pathlib import Path

import pytest

from park_digest.build.forked import WorkerError, run_shared


def marker(folder: Path):
    """A job that leaves a file named after itself, holding the pid that ran it."""
    def run(job: int) -> None:
        (folder / f"{job}.done").write_text(str(os.getpid()), encoding="utf-8")
    return run


def wait_for_child(folder: Path, parent: int):
    """`meanwhile`: return once a child has run a job, so the test does not depend on which
    process is quicker to take them."""
    def meanwhile() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any(p.read_text(encoding="utf-8") not in ("", str(parent)) for p in folder.glob("*.done")):
                return
            time.sleep(0.01)
        raise AssertionError("no child ran a job")
    return meanwhile


def test_every_job_runs_once_and_the_children_s_are_named(tmp_path):
    parent = os.getpid()
    jobs = list(range(60))
    elsewhere = run_shared(jobs, marker(tmp_path), workers=3, meanwhile=wait_for_child(tmp_path, parent))
    ran = {int(p.stem): int(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.done")}
    assert sorted(ran) == jobs
    assert sorted(elsewhere) == sorted(job for job, pid in ran.items() if pid != parent)
    assert elsewhere  # (the children may have run them all while this process waited)


def test_one_worker_runs_everything_here(tmp_path):
    calls = []
    assert run_shared([1, 2, 3], marker(tmp_path), workers=1, meanwhile=lambda: calls.append("m")) == []
    assert calls == ["m"]
    assert {p.read_text(encoding="utf-8") for p in tmp_path.glob("*.done")} == {str(os.getpid())}


def test_children_log_through_this_process(tmp_path, caplog):
    parent = os.getpid()
    run = marker(tmp_path)

    def job(number: int) -> None:
        run(number)
        logging.getLogger("park_digest.test").warning("page %d rendered by %s", number,
                                                      "a child" if os.getpid() != parent else "the parent")
    with caplog.at_level(logging.INFO):
        elsewhere = run_shared(list(range(40)), job, workers=2, meanwhile=wait_for_child(tmp_path, parent))
    messages = [r.getMessage() for r in caplog.records if r.name == "park_digest.test"]
    assert sorted(messages) == sorted(f"page {n} rendered by {'a child' if n in elsewhere else 'the parent'}"
                                      for n in range(40))


def test_a_child_s_error_stops_the_run_with_its_traceback(tmp_path):
    parent = os.getpid()
    run = marker(tmp_path)

    def job(number: int) -> None:
        run(number)
        if os.getpid() != parent:
            raise ValueError(f"template broke on page {number}")
    with pytest.raises(WorkerError, match=r"(?s)in job.*ValueError: template broke on page \d+"):
        run_shared(list(range(40)), job, workers=2, meanwhile=wait_for_child(tmp_path, parent))


def test_an_error_here_stops_the_children(tmp_path):
    parent = os.getpid()
    run = marker(tmp_path)
    waited = wait_for_child(tmp_path, parent)

    def meanwhile() -> None:
        waited()
        raise KeyError("feed")
    with pytest.raises(KeyError, match="feed"):
        run_shared(list(range(10_000)), lambda job: (run(job), time.sleep(0.01)), workers=2, meanwhile=meanwhile)
    children = {int(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.done")} - {parent}
    assert children
    for pid in children:  # killed and reaped, not left running its 10,000 jobs
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
