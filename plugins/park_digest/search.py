"""The Pagefind search index, built beside the site rather than after it.

Runs the binary of the pinned `pagefind[extended]` package (the extended build segments
Chinese text into words; the plain one does not). Pagefind makes one index per `<html lang>`,
so each language's search page finds only pages in that language.

Pagefind is the largest single cost of a build and it cannot index part of a site, so it does
not wait for the site's pages: it indexes staged copies of their text (staging.py) in its own
process while Pelican renders the real pages. It starts as soon as the stories are converted,
before Pelican reads them; once Pelican has, the pages it read are checked against those being
indexed, and indexed again in the rare case they differ. A build that changed no searchable
text keeps the index it has.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import subprocess
import time
from pathlib import Path
from typing import BinaryIO, Iterable, Optional

from .files import folder_for, replace_file
from .staging import SearchDocument, StagedStory, Staging, StoryPaths, document_html, page_digest, stage_file

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
    """Stage the documents and start Pagefind in the background (`start`), and collect it when
    the site is written (`finish`). The staging folder and the record of the last index live in
    the cache, one folder per output directory, so the output holds only the bundle.

    The conversion workers stage the stories as they write them (`staging`, stage_stories);
    `start` then writes only what they did not (pages, parks, a story whose address they could
    not know), so Pagefind starts as soon as the content is read."""

    def __init__(self, output_dir: Path, cache_dir: Path, timeout: float = 300):
        self.output_dir, self.timeout = output_dir, timeout
        self.folder = cache_dir / "search-index" / folder_for(output_dir)
        self.site, self.stamp, self.log = self.folder / "site", self.folder / "stamp", self.folder / "pagefind.log"
        self.bundle = output_dir / BUNDLE_DIR
        self.process: Optional[subprocess.Popen] = None
        self.staged: dict[str, str] = {}  # path → digest of what is staged (by the conversion first)
        self.stories: list[StagedStory] = []  # the stories the conversion staged
        self.early: Optional[dict[str, str]] = None  # what start_early indexes: path → digest
        self.fingerprint = ""
        self.started = 0.0
        self._lock: Optional[BinaryIO] = None

    def acquire(self) -> None:
        """Hold the staging folder. The Pagefind of a build that failed before collecting it
        (under `make devserver`) may still be reading it: wait for that. Pagefind inherits the
        lock and holds it until it exits."""
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.folder / "lock", "wb")
            fcntl.flock(self._lock, fcntl.LOCK_EX)

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def staging(self, paths: StoryPaths) -> Staging:
        """Where the conversion stages the stories (the folder is held until Pagefind ends)."""
        self.acquire()
        return Staging(self.site, paths)

    def start_early(self, docs: Iterable[SearchDocument]) -> bool:
        """Start Pagefind before Pelican reads the content, on the stories the conversion staged
        and `docs` (the pages and parks as they will be read). `start` confirms it later."""
        pages = {doc.path: document_html(doc).encode("utf-8") for doc in docs}
        self.early = {**self.staged, **{path: page_digest(data) for path, data in pages.items()}}
        return self._launch(self.early, pages)

    def start(self, docs: Iterable[SearchDocument]) -> bool:
        """True when Pagefind is running; False when the index on disk already covers `docs`.
        After start_early: keeps that run if `docs` are what it indexes, else starts again."""
        pages = {doc.path: document_html(doc).encode("utf-8") for doc in docs}
        digests = {path: page_digest(data) for path, data in pages.items()}
        if self.early is not None:
            if digests == self.early:
                return self.process is not None
            changed = sum(self.early.get(path) != digest for path, digest in digests.items())
            logger.info("park_digest: search: %d pages read differ from those indexed early; "
                        "indexing again", changed + len(set(self.early) - set(digests)))
            self.cancel()
            self.early = None
        return self._launch(digests, pages)

    def _launch(self, digests: dict[str, str], pages: dict[str, bytes]) -> bool:
        """Stage what is not staged yet (`pages`, by path) and start Pagefind over `digests`."""
        command = pagefind_command(self.site, self.bundle)
        digest = hashlib.sha256("\0".join(command[1:]).encode())
        for path in sorted(digests):
            digest.update(f"{path}\0{digests[path]}\0".encode())
        self.fingerprint = digest.hexdigest()
        self.acquire()
        try:
            if (self.bundle / ENTRY).exists() and self.stamp.exists() \
                    and self.stamp.read_text(encoding="utf-8") == self.fingerprint:
                logger.info("park_digest: no searchable text changed; search index kept")
                return False
            self.stamp.unlink(missing_ok=True)  # until this index is complete
            late = [path for path in pages if self.staged.get(path) != digests[path]]
            for path in late:
                stage_file(self.site / path, pages[path])
                self.staged[path] = digests[path]
            for staged in self.site.rglob("*.html"):
                if staged.relative_to(self.site).as_posix() not in digests:
                    staged.unlink()
            logger.info("park_digest: search: Pagefind started on %d pages, %d of them staged while "
                        "converting%s", len(digests), len(digests) - len(late),
                        " (before reading)" if self.early is not None else "")
            with open(self.log, "wb") as log:  # a file, not a pipe: nobody reads it while it runs
                self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                                env=pagefind_env(), pass_fds=(self._lock.fileno(),))
        except OSError as exc:
            raise SearchIndexError(f"park_digest: could not stage or run Pagefind: {exc}") from exc
        finally:
            self.release()  # Pagefind holds it now
        self.started = time.monotonic()
        return True

    def finish(self) -> None:
        """Wait for Pagefind; raise SearchIndexError if it failed or ran past the timeout."""
        process, self.process = self.process, None
        if process is None:
            return
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
        """Stop a Pagefind still running, and let go of the folder (the build failed)."""
        self.release()
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
