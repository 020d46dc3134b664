"""Which pages of the output are already what a render would give: the render manifest.

Rendering thousands of story pages is most of a rebuild that changed nothing, and Pelican
renders every page on every build. A page's HTML is a function of its inputs (its source files,
the theme, the settings, the code), so the manifest records, for each page written, a key of
those inputs and the file's size and modification time; a later build whose key matches, and
whose file is untouched since, skips the render. One manifest per output directory, in the cache.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..build.files import digest_files, replace_file

logger = logging.getLogger(__name__)
FORMAT = 1


def plain(value: Any) -> bool:
    """JSON data whose text is the same in every run (no objects, whose repr names an address)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return True
    if isinstance(value, (list, tuple)):
        return all(plain(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain(v) for k, v in value.items())
    return False


def site_key(settings: Mapping[str, Any], folders: Iterable[Path], versions: Iterable[str]) -> str:
    """What every page depends on: the settings that are plain data (functions and classes in
    the settings are code, covered by `versions`), every file under `folders` (the theme), and
    the versions of the code that renders."""
    digest = hashlib.sha256()
    data = {name: value for name, value in settings.items() if plain(value)}
    digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for folder in folders:
        digest_files(digest, Path(folder), (p for p in Path(folder).rglob("*") if p.is_file()))
    for version in versions:
        digest.update(b"\0" + version.encode())
    return digest.hexdigest()


def file_digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass
class RenderManifest:
    path: Path  # the manifest file
    site: str  # site_key of this build
    entries: dict[str, list] = field(default_factory=dict)  # page → [key, size, mtime_ns]
    kept: dict[str, list] = field(default_factory=dict)  # this build's entries

    @classmethod
    def load(cls, path: Path, site: str) -> "RenderManifest":
        """The manifest of the last build into this output; empty when missing or unreadable
        (every page is then rendered)."""
        manifest = cls(path, site)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return manifest
        except (OSError, ValueError) as exc:
            logger.info("park_digest: render manifest %s unreadable (%s); rendering every page", path, exc)
            return manifest
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("site") == site:
            manifest.entries = {k: v for k, v in data.get("pages", {}).items()
                                if isinstance(v, list) and len(v) == 3}
        return manifest

    def key(self, page: str, *inputs: str) -> str:
        digest = hashlib.sha256(f"{self.site}\0{page}".encode("utf-8"))
        for item in inputs:
            digest.update(b"\0" + item.encode("utf-8"))
        return digest.hexdigest()

    def fresh(self, page: str, key: str, target: str) -> bool:
        """The page on disk is the one rendered from `key`, untouched since: keep it."""
        entry = self.entries.get(page)
        if entry is None or entry[0] != key:
            return False
        try:
            info = os.stat(target)
        except FileNotFoundError:
            return False
        if [info.st_size, info.st_mtime_ns] != entry[1:]:
            return False
        self.kept[page] = entry
        return True

    def record(self, page: str, key: str, target: str) -> None:
        info = os.stat(target)
        self.kept[page] = [key, info.st_size, info.st_mtime_ns]

    def save(self) -> None:
        """Only this build's pages: a page not written this time is gone or re-rendered next time."""
        data = {"format": FORMAT, "site": self.site, "pages": dict(sorted(self.kept.items()))}
        try:
            replace_file(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            logger.warning("park_digest: could not save the render manifest %s: %s (the next build "
                           "renders every page)", self.path, exc)
