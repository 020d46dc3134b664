"""`python -m park_digest watch`: wake `pelican -lr` when a seed or the translation memory changes.

Pelican's autoreload watches only the content directory, the theme and the settings file; the
seeds and PO files live outside them. Touching a marker file inside the content directory makes
Pelican rebuild, and the plugin then regenerates the stories from the changed inputs.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Iterable

import watchfiles

logger = logging.getLogger(__name__)
MARKER = "inputs-changed.stamp"  # not a dotfile: Pelican's IGNORE_FILES skips those


def touch_marker(stories_dir: Path) -> Path:
    marker = stories_dir / MARKER
    marker.parent.mkdir(parents=True, exist_ok=True)
    # New content every time: rewriting identical bytes is not a change a file watcher reports.
    marker.write_text(f"{time.time_ns()}\n", encoding="utf-8")
    return marker


def watch_inputs(paths: Iterable[Path], stories_dir: Path, **watch_options) -> None:
    """Block, touching the marker after each batch of changes under `paths`."""
    existing = [str(p) for p in paths if p.exists()]
    for changes in watchfiles.watch(*existing, **watch_options):
        logger.info("park_digest: %d changed input file(s); asking Pelican to rebuild", len(changes))
        touch_marker(stories_dir)
