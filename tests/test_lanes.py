"""Commands run in the background a few at a time (lanes.py), as the search index's Pagefinds are."""
import fcntl
import os
import time

import pytest

from park_digest.build.lanes import Job, Lanes


def shell(tmp_path, name, script):
    return Job(name, ["/bin/sh", "-c", script], tmp_path / f"{name}.log")


def test_no_more_than_the_width_run_at_once_and_every_job_runs(tmp_path):
    running, seen = tmp_path / "running", tmp_path / "seen"
    running.mkdir(), seen.mkdir()
    # Each job marks itself running, notes how many are, and stays a moment.
    jobs = [shell(tmp_path, f"j{i}", f"touch {running}/j{i}; ls {running} | wc -l > {seen}/j{i}; "
                                     f"sleep 0.3; rm {running}/j{i}") for i in range(6)]
    lanes = Lanes(jobs, width=2, env=dict(os.environ))
    assert lanes.wait(30)
    counts = {path.name: int(path.read_text()) for path in seen.iterdir()}
    assert sorted(counts) == [f"j{i}" for i in range(6)]
    assert max(counts.values()) == 2  # two side by side, never three
    assert lanes.failures() == {}


def test_a_failed_job_and_one_that_cannot_start_are_reported(tmp_path):
    jobs = [shell(tmp_path, "ok", "true"), shell(tmp_path, "bad", "echo broken; exit 3"),
            Job("missing", [str(tmp_path / "no-such-program")], tmp_path / "missing.log")]
    lanes = Lanes(jobs, width=1, env=dict(os.environ))
    assert lanes.wait(30)
    failures = lanes.failures()
    assert failures["bad"] == "3" and "no-such-program" in failures["missing"] and "ok" not in failures
    assert (tmp_path / "bad.log").read_text() == "broken\n"


def test_a_first_job_that_cannot_start_raises_at_once(tmp_path):
    with pytest.raises(OSError):
        Lanes([Job("missing", [str(tmp_path / "no-such-program")], tmp_path / "missing.log")], 1, dict(os.environ))


def test_stop_kills_the_running_jobs_and_starts_no_more(tmp_path):
    jobs = [shell(tmp_path, "long", "exec sleep 30"), shell(tmp_path, "next", f"touch {tmp_path}/ran")]
    lanes = Lanes(jobs, width=1, env=dict(os.environ))
    long = lanes.processes["long"]
    lanes.stop()
    assert long.returncode is not None and long.returncode != 0
    assert "next" not in lanes.processes and not (tmp_path / "ran").exists()


def test_the_lock_is_held_until_the_last_job_ends(tmp_path):
    """The caller may let go of its lock once the lanes start: the jobs, queued ones too, hold it."""
    path = tmp_path / "lock"
    with open(path, "wb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        gate = tmp_path / "gate"
        jobs = [shell(tmp_path, "first", "sleep 0.2"),
                shell(tmp_path, "second", f"while [ ! -e {gate} ]; do sleep 0.05; done")]
        lanes = Lanes(jobs, width=1, env=dict(os.environ), lock_fd=held.fileno())
    try:
        with open(path, "wb") as other:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the first job holds it
            deadline = time.monotonic() + 10
            while "second" not in lanes.processes and time.monotonic() < deadline:
                time.sleep(0.01)  # the lane starts it once the first has ended
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # and passed on to the second
            gate.touch()
            assert lanes.wait(30)
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free once the last job ended
    finally:
        gate.touch()
        lanes.stop()
