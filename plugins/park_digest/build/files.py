"""Writing files: one atomic writer, for what is read back unchecked (cache entries, manifests)
and for the translation memory people edit, and in-place writes, only when the bytes change,
for what a later build checks.

Only people's files are flushed to disk (durable=True): the build's are regenerated from the
seeds at will, so surviving a crash is not worth a disk flush per file.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import re
import stat
from pathlib import Path

_TEMPORARY = itertools.count()
_TEMP_NAME = re.compile(r"\.tmp-(\d+)-\d+")


def replace_file(path: Path, data: bytes, durable: bool = False) -> None:
    """Write `data` beside `path` under a temporary name, then rename it into place: a reader
    sees the old file or the new one. The name holds this process's id, so that a later build
    can tell the temporary files of a killed build (remove_stale_temps) from those of a live one.
    A durable file also survives a crash and keeps its permissions (a new one gets the umask's)."""
    mode = _mode(path) if durable else None
    while True:
        tmp = path.parent / f".tmp-{os.getpid()}-{next(_TEMPORARY)}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:  # left by a process that had this id before
            continue
        except FileNotFoundError:  # the folder is new
            path.parent.mkdir(parents=True, exist_ok=True)
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (a crash right after os.replace keeps the new file)."""
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be fsynced
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temps(folder: Path) -> int:
    """Delete the temporary files replace_file left in `folder` in processes that are gone."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match and not _alive(int(match.group(1))):
            Path(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def holds(path: Path, data: bytes) -> bool:
    """The file exists with exactly these bytes."""
    try:
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write the file in place only when its bytes differ; True when it was written. Unchanged
    files keep their timestamps (Pelican's cache reads them). A write cut short by a kill
    differs from what the next build makes, which writes it again."""
    if holds(path, data):
        return False
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return True


class ChangedOnlyFile:
    """A text file to write that reaches the disk, at close, only if its content changed."""

    def __init__(self, path: Path, encoding: str):
        self.path, self.encoding, self.parts = path, encoding, []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def __enter__(self) -> "ChangedOnlyFile":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            write_if_changed(self.path, "".join(self.parts).encode(self.encoding))
