"""The Pagefind search index, built beside the site rather than after it.

Runs the binary of the pinned `pagefind[extended]` package (the extended build segments
Chinese text into words; the plain one does not). Pagefind makes one index per `<html lang>`,
so each language's search page finds only pages in that language.

Pagefind is the largest single cost of a build and it cannot index part of a site, so it does
not wait for the site's pages: as soon as the content is read, every searchable page is staged
as a small document (its address, language, title and body, the text a reader searches) and
Pagefind indexes those in its own process while Pelican renders the real pages. A build that
changed no searchable text keeps the index it has.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Iterable, Optional

from .files import folder_for, replace_file, write_if_changed

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
ENTRY = "pagefind-entry.json"
# The Chinese paragraphs beside the English in bilingual mode belong to the zh index; so do
# those an English page shows because they are not translated yet: the English index splits
# Chinese only at punctuation, so they matched nothing a reader types, and their excerpts began
# "Not yet translated".
EXCLUDE_SELECTORS = (".src", '[data-status="untranslated"]')


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the build stops, since the search pages would be dead."""


@dataclass(frozen=True)
class SearchDocument:
    """What Pagefind indexes for one page of the site."""
    path: str  # the page's path under the output directory: "en/stories/x.html"
    lang: str  # BCP 47
    title: str  # plain text
    body: str  # HTML, already safe: the story's rendered body or Pelican's page content


# An id on anything but a heading: Pagefind records every id as an anchor, and the sentence ids
# of a story (one per sentence, for the fact box's links) made it index a third slower.
_NON_HEADING_ID = re.compile(r'(<(?!h[1-6][\s>])[a-z][a-z0-9]*\b[^>]*?)\s+id="[^"]*"')


def document_html(doc: SearchDocument) -> str:
    """The staged page: Pagefind takes the result title from the h1 and the excerpt from the
    body; the h1 keeps the real page's id, and the body keeps its heading ids for sub-results."""
    body = _NON_HEADING_ID.sub(r"\1", doc.body)
    return (f'<!DOCTYPE html><html lang="{escape(doc.lang)}"><head><meta charset="utf-8">'
            f"<title>{escape(doc.title)}</title></head><body><main data-pagefind-body>"
            f'<h1 id="title">{escape(doc.title)}</h1>\n{body}\n</main></body></html>\n')


def pagefind_executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:
        raise SearchIndexError("park_digest: the pagefind[extended] package is not installed "
                               "(pip install -r requirements.txt)") from exc
    return get_executable()


def pagefind_command(site: Path, bundle: Path) -> list[str]:
    command = [str(pagefind_executable()), "--site", str(site), "--output-path", str(bundle)]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def pagefind_env() -> dict[str, str]:
    """Pagefind's worker threads (rayon) leave one core to the build rendering beside it: on two
    cores, two threads of Pagefind slow the build by more than they speed up the index."""
    threads = max(1, (os.cpu_count() or 1) - 1)
    return {**os.environ, "RAYON_NUM_THREADS": os.environ.get("RAYON_NUM_THREADS", str(threads))}


class SearchIndexer:
    """Stage the documents, start Pagefind in the background (`start`), and collect it when the
    site is written (`finish`). The staging folder and the record of the last index live in the
    cache, one folder per output directory, so the output holds only the bundle."""

    def __init__(self, output_dir: Path, cache_dir: Path, timeout: float = 300):
        self.output_dir, self.timeout = output_dir, timeout
        self.folder = cache_dir / "search-index" / folder_for(output_dir)
        self.site, self.stamp, self.log = self.folder / "site", self.folder / "stamp", self.folder / "pagefind.log"
        self.bundle = output_dir / BUNDLE_DIR
        self.process: Optional[subprocess.Popen] = None
        self.thread: Optional[threading.Thread] = None
        self.error: Optional[SearchIndexError] = None
        self.fingerprint = ""
        self.started = 0.0

    def start(self, docs: Iterable[SearchDocument]) -> bool:
        """True when Pagefind was started; False when the index on disk already covers `docs`."""
        pages = {doc.path: document_html(doc).encode("utf-8") for doc in docs}
        command = pagefind_command(self.site, self.bundle)
        digest = hashlib.sha256("\0".join(command[1:]).encode())
        for path in sorted(pages):
            digest.update(f"{path}\0{len(pages[path])}\0".encode() + pages[path])
        self.fingerprint = digest.hexdigest()
        if (self.bundle / ENTRY).exists() and self.stamp.exists() \
                and self.stamp.read_text(encoding="utf-8") == self.fingerprint:
            logger.info("park_digest: no searchable text changed; search index kept")
            return False
        # Writing four thousand small files is slow on some disks; a thread does it (file I/O
        # releases the GIL) and then starts Pagefind, while the build goes on rendering.
        self.stamp.unlink(missing_ok=True)  # until this index is complete
        self.thread = threading.Thread(target=self._stage_and_run, args=(pages, command),
                                       name="park-digest-search", daemon=True)
        self.thread.start()
        return True

    def _stage_and_run(self, pages: dict[str, bytes], command: list[str]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(self.folder / "lock", "wb") as lock:
                # The Pagefind of a build that failed before collecting it (under `make devserver`)
                # may still be reading the staged pages: wait for it. Pagefind inherits the lock
                # and holds it until it exits.
                fcntl.flock(lock, fcntl.LOCK_EX)
                for path, data in pages.items():
                    write_if_changed(self.site / path, data)
                for staged in self.site.rglob("*.html"):
                    if staged.relative_to(self.site).as_posix() not in pages:
                        staged.unlink()
                with open(self.log, "wb") as log:  # a file, not a pipe: nobody reads it while it runs
                    self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                                    env=pagefind_env(), pass_fds=(lock.fileno(),))
            self.started = time.monotonic()
        except OSError as exc:
            self.error = SearchIndexError(f"park_digest: could not stage or run Pagefind: {exc}")

    def finish(self) -> None:
        """Wait for Pagefind; raise SearchIndexError if it failed or ran past the timeout."""
        if self.thread is None:
            return
        thread, self.thread = self.thread, None
        thread.join()
        if self.error is not None:
            raise self.error
        process, self.process = self.process, None
        try:
            process.wait(timeout=max(0.0, self.timeout - (time.monotonic() - self.started)))
        except subprocess.TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise SearchIndexError(f"park_digest: Pagefind ran over {self.timeout:.0f} s") from exc
        if process.returncode != 0:
            report = self.log.read_text(encoding="utf-8", errors="replace").strip()
            raise SearchIndexError(f"park_digest: Pagefind failed ({process.returncode}): {report}")
        sort_entry_languages(self.bundle / ENTRY)
        replace_file(self.stamp, self.fingerprint.encode("utf-8"))
        logger.info("park_digest: search index written to %s", self.bundle)

    def cancel(self) -> None:
        """Stop a Pagefind still running (the build failed before it was collected)."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None


def sort_entry_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in hash-map order, which changes from run
    to run; sorted, two builds of the same inputs are byte-identical. Readers look them up by key."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    replace_file(entry, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
