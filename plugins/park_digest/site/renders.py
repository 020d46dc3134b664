"""The writer's manifest: what each file of the output was made from, and which files are ours.

Pelican renders every page on every build; a page's HTML is a function of its inputs (its source
files, the theme, the settings, the code), so the manifest records, for each file written, a key
of those inputs and the file's size and modification time. A later build whose key matches,
and whose file is untouched since, skips the render. The manifest is also the list of files
the build wrote: a file it wrote before and not this time is removed, if nobody changed it
since; any other file in the output is never touched. One manifest per output, in the cache.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..build.cache import files_key, key
from ..build.files import replace_file

logger = logging.getLogger(__name__)
FORMAT = 2


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
    data = {name: value for name, value in settings.items() if plain(value)}
    return key(json.dumps(data, sort_keys=True, ensure_ascii=False),
               *(files_key(Path(folder), (p for p in Path(folder).rglob("*") if p.is_file())) for folder in folders),
               *versions)


@dataclass
class RenderManifest:
    path: Path  # the manifest file
    site: str  # site_key of this build
    entries: dict[str, list] = field(default_factory=dict)  # file → [key, size, mtime_ns], last build
    kept: dict[str, list] = field(default_factory=dict)  # this build's
    ours: dict[str, list] = field(default_factory=dict)  # files the last build wrote, whatever its site key

    @classmethod
    def load(cls, path: Path, site: str) -> "RenderManifest":
        """The manifest of the last build into this output; empty when missing or unreadable
        (every page is then rendered, and no file removed)."""
        manifest = cls(path, site)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return manifest
        except (OSError, ValueError) as exc:
            logger.info("park_digest: render manifest %s unreadable (%s); rendering every page", path, exc)
            return manifest
        if isinstance(data, dict) and data.get("format") == FORMAT:
            manifest.ours = {k: v for k, v in data.get("files", {}).items() if isinstance(v, list) and len(v) == 3}
            if data.get("site") == site:
                manifest.entries = manifest.ours
        return manifest

    def key(self, page: str, *inputs: str) -> str:
        return key(self.site, page, *inputs)

    def fresh(self, page: str, page_key: str, target: str) -> bool:
        """The page on disk is the one rendered from `page_key`, untouched since: keep it."""
        entry = self.entries.get(page)
        if not page_key or entry is None or entry[0] != page_key or not _same(target, entry):
            return False
        self.kept[page] = entry
        return True

    def record(self, page: str, page_key: str, target: str) -> None:
        info = os.stat(target)
        self.kept[page] = [page_key, info.st_size, info.st_mtime_ns]

    def remove_stale(self, output: Path) -> int:
        """Delete the files the last build wrote and this one did not, unless changed since."""
        removed = 0
        for name, entry in self.ours.items():
            if name in self.kept:
                continue
            target = output / name
            if _same(str(target), entry):
                target.unlink()
                removed += 1
            elif target.exists():
                logger.warning("park_digest: %s is no longer built but was changed since; left as it is", target)
        return removed

    def save(self) -> None:
        data = {"format": FORMAT, "site": self.site, "files": dict(sorted(self.kept.items()))}
        try:
            replace_file(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            logger.warning("park_digest: could not save the render manifest %s: %s (the next build "
                           "renders every page)", self.path, exc)


def _same(target: str, entry: list) -> bool:
    """The file is as the manifest recorded it."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return False
    return [info.st_size, info.st_mtime_ns] == entry[1:]
