"""`make serve` and `make devserver` stop with all their children: SIGTERM to the make process
(as a service manager or `kill` sends it) and Ctrl-C (SIGINT to the terminal's process group)
leave no Pelican, web server or watcher behind."""
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the children")
@pytest.mark.parametrize("target, how", [("serve", "term"), ("devserver", "term"), ("devserver", "ctrl-c")])
def test_server_stops_with_all_its_children(tmp_path, target, how):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_68498c843cd78d0e.txt", seeds)
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("stories"))
    port = free_port()
    make = subprocess.Popen(
        ["make", "-s", target, f"PORT={port}", f"OUTPUT_DIR={tmp_path / 'output'}",
         f"INPUTDIR={tmp_path / 'content'}", f"SEEDS_DIR={seeds}"],
        cwd=ROOT, env={**os.environ, "CACHE_DIR": str(tmp_path / "cache")}, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[int] = []
    try:
        for _ in range(600):  # the devserver builds the site before it listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert make.poll() is None, "make %s exited early" % target
                time.sleep(0.2)
        children = descendants(make.pid)
        names = " ".join(Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ") for pid in children)
        assert "pelican" in names and ("park_digest watch" in names) == (target == "devserver")
        if how == "term":
            os.kill(make.pid, signal.SIGTERM)
        else:
            os.killpg(make.pid, signal.SIGINT)
        make.wait(60)
        survivors = [pid for pid in children if running(pid)]
        assert not survivors, [Path(f"/proc/{pid}/cmdline").read_text() for pid in survivors]
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
        for pid in descendants(make.pid) + [pid for pid in children if running(pid)]:
            try:
                os.kill(pid, signal.SIGKILL)  # a failed run leaves nothing behind
            except ProcessLookupError:
                pass
