"""Run commands side by side and stop them all together (`make serve`, `make devserver`).

`python -m park_digest.build.together CMD [CMD …]`, each CMD a shell command line. Make sends
SIGTERM only to its own child, and Pelican's development server has children of its own (the
autoreloader, the web server), which a shell in between would leave running. So the Makefile
execs this process in the recipe's place; each command runs in a process group of its own, and
SIGTERM, SIGINT (Ctrl-C) or SIGHUP here, or the end of any command, stops every group: the
signal first, SIGKILL for whatever is still there a few seconds later.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

GRACE = 5.0  # seconds a command has to stop before it is killed
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def run_together(commands: list[str]) -> int:
    """Exit status: the first command's to end, or 128 + the signal that stopped them."""
    received: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: received.append(signum))
                for signum in SIGNALS}
    children: list[subprocess.Popen] = []
    try:
        for command in commands:
            if not received:
                children.append(subprocess.Popen(["/bin/sh", "-c", "exec " + command], process_group=0))
        while not received:
            for child in children:
                if child.poll() is not None:
                    return child.returncode
            time.sleep(0.2)
        return 128 + received[0]
    finally:
        for signum in SIGNALS:
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        stop_all(children, signal.SIGINT if received[:1] == [signal.SIGINT] else signal.SIGTERM)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def stop_all(children: list[subprocess.Popen], signum: int) -> None:
    """Signal each command's whole process group, wait, then kill what is left of the groups."""
    for child in children:
        signal_group(child.pid, signum)
    deadline = time.monotonic() + GRACE
    for child in children:
        try:
            child.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for child in children:  # grandchildren outlive a leader that did not pass the signal on
        signal_group(child.pid, signal.SIGKILL)
        child.wait()


def signal_group(pgid: int, signum: int) -> None:
    try:
        os.killpg(pgid, signum)
    except ProcessLookupError:  # the group is empty already
        pass


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m park_digest.build.together CMD [CMD …]", file=sys.stderr)
        return 2
    return run_together(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
