"""Atomic file replacement for generated files (Markdown stories, cache entries).

A reader — Pelican, or a build running beside this one — sees the old file or the new one,
never half of one. No fsync: these files are regenerated from the seeds at will, so durability
across a crash is not worth a disk flush per file (the translation memory, which people edit,
uses the fsyncing writer in translate/memory.py).
"""
from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path
from typing import Iterable


def folder_for(*directories) -> str:
    """A cache folder's name for these directories (one output, or a content+output pair): the
    caches of builds into different places never meet."""
    joined = "\0".join(os.path.abspath(directory) for directory in directories)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def digest_files(digest, root: Path, paths: Iterable[Path]) -> None:
    """Feed each file's name under `root` and its bytes, in name order, into a hashlib digest:
    what the code, the theme or the translation memory is, for a cache key."""
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


_TEMPORARY = itertools.count()


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` beside `path` under a temporary name, then rename it into place.

    The temporary name is this process's id and a counter, opened exclusively: tempfile.mkstemp
    draws a random name and resolves the folder on every call, a tenth of writing the thousands
    of small files a conversion makes. The file gets the usual permissions (umask), not mkstemp's
    owner-only ones."""
    while True:
        tmp = path.parent / f".tmp-{os.getpid()}-{next(_TEMPORARY)}{path.suffix}"
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
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def holds(path: Path, data: bytes) -> bool:
    """The file exists with exactly these bytes."""
    try:
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Replace the file only when its bytes differ; True when it was written. Skipping unchanged
    files keeps their timestamps (Pelican's cache reads them) and spares the disk: rewriting a
    file in place makes some filesystems flush it on close."""
    if holds(path, data):
        return False
    replace_file(path, data)
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
        if kind is not None:
            return
        data = "".join(self.parts).encode(self.encoding)
        if not holds(self.path, data):
            self.path.write_bytes(data)  # in place, as Pelican writes: a new page needs no rename


def remove_stale_pages(output: Path, written: set[str]) -> int:
    """Delete the .html pages under `output` that this build did not write (a removed story, a
    park no longer mentioned). It stands in for Pelican's DELETE_OUTPUT_DIRECTORY, which makes
    every build create every file afresh: on some filesystems that costs more than rendering."""
    removed = 0
    for path in output.rglob("*.html"):
        # Absolute, not resolved: resolving every page's symlinks costs a stat per component,
        # and the writer names pages under the same output path as this walk does.
        if os.path.abspath(path) not in written:
            path.unlink()
            removed += 1
    return removed
