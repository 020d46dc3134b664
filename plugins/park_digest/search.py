"""The Pagefind search index over the built site.

Runs the binary of the pinned `pagefind[extended]` package (the extended build segments
Chinese text into words; the plain one does not). Pagefind makes one index per `<html lang>`,
so each language's search page finds only pages in that language.
"""
from __future__ import annotations

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
