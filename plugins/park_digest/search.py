"""The Pagefind search index over the built site.

Runs the binary of the pinned `pagefind[extended]` package (the extended build segments
Chinese text into words; the plain one does not). Pagefind makes one index per `<html lang>`,
so each language's search page finds only pages in that language.
"""
from __future__ import annotations

import hashlib
import json
import logging
import subprocess
from pathlib import Path

from .files import replace_file

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the build stops, since the search pages would be dead."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:
        raise SearchIndexError("park_digest: the pagefind[extended] package is not installed "
                               "(pip install -r requirements.txt)") from exc
    return get_executable()


def pages_fingerprint(output_dir: Path) -> str:
    """Every HTML page's path, size and modification time: the writer leaves an unchanged page
    untouched, so a rebuild that changed nothing gives the same fingerprint."""
    digest = hashlib.sha256()
    for page in sorted(output_dir.rglob("*.html")):
        info = page.stat()
        digest.update(f"{page.relative_to(output_dir)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def update_index(output_dir: Path, cache_dir: Path, timeout: float = 300) -> bool:
    """Index the site unless its pages are exactly those the present index was built from
    (Pagefind re-reads every page, the largest part of a rebuild that changed nothing). The
    record of those pages lives in the cache, so the output stays the same from build to build."""
    name = hashlib.sha256(str(output_dir.resolve()).encode()).hexdigest()[:16]
    stamp = cache_dir / "search" / name
    before = pages_fingerprint(output_dir)
    entry = output_dir / BUNDLE_DIR / "pagefind-entry.json"
    if entry.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == before:
        logger.info("park_digest: no page changed; search index kept")
        return False
    build_index(output_dir, timeout)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    replace_file(stamp, before.encode("utf-8"))
    return True


def build_index(output_dir: Path, timeout: float = 300) -> str:
    """Index `output_dir` in place (bundle in output/pagefind/); returns Pagefind's report."""
    # .src: the Chinese paragraphs beside the English in bilingual mode belong to the zh index
    command = [str(pagefind_executable()), "--site", str(output_dir), "--output-subdir", BUNDLE_DIR,
               "--exclude-selectors", ".src"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"park_digest: could not run Pagefind: {exc}") from exc
    if result.returncode != 0:
        raise SearchIndexError(f"park_digest: Pagefind failed ({result.returncode}): "
                               f"{result.stderr.strip() or result.stdout.strip()}")
    sort_entry_languages(output_dir / BUNDLE_DIR / "pagefind-entry.json")
    logger.info("park_digest: search index written to %s", output_dir / BUNDLE_DIR)
    return result.stdout


def sort_entry_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in hash-map order, which changes from run
    to run; sorted, two builds of the same inputs are byte-identical. Readers look them up by key."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    replace_file(entry, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
