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
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Mapping, Optional

from ..build.cache import code_version
from ..build.files import folder_for, replace_file
from ..stories.generate import seed_files
from ..build.lanes import Job, Lanes
from ..settings import Settings
from .staging import (SearchDocument, Staging, StoryPaths, document_digest, document_html, stage_file,
                      staged_name)

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
ENTRY = "pagefind-entry.json"
# The Chinese paragraphs beside the English in bilingual mode belong to the zh index; so do
# those an English page shows because they are not translated yet: the English index splits
# Chinese only at punctuation, so they matched nothing a reader types, and their excerpts began
# "Not yet translated".
EXCLUDE_SELECTORS = (".src", '[data-status="untranslated"]')


# Shards: the stories split by seed into parts indexed apart (staging.search_index), which a
# search page loads together (Pagefind's mergeIndex). Pagefind cannot index part of a site; a
# seed edited then re-indexes its part and the parks', not every story. A part holds every
# language (each Pagefind loads its Chinese dictionary, a fifth of a second, once), and each
# is one more bundle a search page loads (some 70 kB of WebAssembly), so there are few.
SEEDS_PER_SHARD = 100
MAX_SHARDS = 4


def search_shards(configured: int, seeds: int, output_deleted: bool) -> int:
    """Parts the stories are indexed in: `configured` (PARK_DIGEST_SEARCH_SHARDS) unless 0,
    else one per SEEDS_PER_SHARD seeds, at most MAX_SHARDS; 1 is one index per language. Parts
    pay only where the bundles outlive the build; one that empties its output first
    (DELETE_OUTPUT_DIRECTORY: `make publish`, `make github`) builds every index anew, and
    gives its readers one bundle per language."""
    if configured:
        return configured
    if output_deleted:
        return 1
    return max(1, min(MAX_SHARDS, -(-seeds // SEEDS_PER_SHARD)))


def site_search_shards(settings: Settings, pelican_settings: Mapping[str, Any]) -> int:
    """search_shards for a site: its setting, its seeds, whether Pelican empties its output."""
    return search_shards(settings.search_shards, sum(1 for _ in seed_files(settings.seeds_dir)),
                         bool(pelican_settings.get("DELETE_OUTPUT_DIRECTORY")))


def bundle_paths(lang: str, indexes: Iterable[str]) -> list[str]:
    """The Pagefind bundles a language's search page loads, among these index names: its own,
    or the parts (parks and pages first, whose script the page runs, then the stories')."""
    indexes = set(indexes)
    if lang.lower() in indexes:
        return [f"{BUNDLE_DIR}/{lang.lower()}"]
    parts = sorted((name for name in indexes if name.startswith("part-") and name[5:].isdigit()),
                   key=lambda name: int(name[5:]))
    return [f"{BUNDLE_DIR}/{name}" for name in parts]


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


def pagefind_lanes() -> int:
    """Pagefinds at once: one more than the cores, as many as there were languages on two."""
    return (os.cpu_count() or 1) + 1


def pagefind_env() -> dict[str, str]:
    """Pagefind's worker threads (rayon) leave one core to the build rendering beside it: on two
    cores, two threads of Pagefind slow the build by more than they speed up the index."""
    threads = max(1, (os.cpu_count() or 1) - 1)
    return {**os.environ, "RAYON_NUM_THREADS": os.environ.get("RAYON_NUM_THREADS", str(threads))}


class SearchIndexer:
    """Stage the documents and start Pagefind in the background (`start`), and collect it when
    the site is written (`finish`). The staging folder and the record of the last index live in
    the cache, one folder per output directory, so the output holds only the bundles.

    One Pagefind per index, each into its own bundle (output/pagefind/<index_name>/): one per
    language, or with shards the parts (search_shards). A search page only ever searches its
    own language; the indexes are built side by side, a few at a time (lanes.py: Pagefind
    itself gains little from a second thread), and one whose pages did not change is kept.

    The conversion workers stage the stories as they write them (`staging`, stage_stories);
    `start` then writes only what they did not (pages, parks, a story whose address they could
    not know), so Pagefind starts as soon as the content is read."""

    def __init__(self, output_dir: Path, cache_dir: Path, shards: int = 1, timeout: float = 300):
        self.output_dir, self.shards, self.timeout = output_dir, shards, timeout
        self.folder = cache_dir / "search-index" / folder_for(output_dir)
        self.site = self.folder / "site"
        self.bundles = output_dir / BUNDLE_DIR
        self.runs: Optional[Lanes] = None  # the Pagefinds started and not collected yet
        self.fingerprints: dict[str, str] = {}  # index_name → what its index is (being) built from
        self.staged: dict[str, str] = {}  # staged_name → digest of what is staged (by the conversion first)
        self.early = False  # start_early ran: start confirms it
        self.started = 0.0
        self._lock: Optional[BinaryIO] = None

    @property
    def processes(self) -> dict[str, subprocess.Popen]:
        """The Pagefinds started, by index name (those queued start as others end)."""
        return self.runs.processes if self.runs else {}

    def running(self) -> set[str]:
        """The indexes being built, started or queued."""
        return set(self.runs.jobs) if self.runs else set()

    def bundle(self, index: str) -> Path:
        return self.bundles / index

    def bundle_paths(self, lang: str) -> list[str]:
        """The language's bundles this build makes (once `start` has run)."""
        return bundle_paths(lang, self.fingerprints)

    def stamp(self, index: str) -> Path:
        return self.folder / f"stamp-{index}"

    def log(self, index: str) -> Path:
        return self.folder / f"pagefind-{index}.log"

    def acquire(self) -> None:
        """Hold the staging folder. The Pagefind of a build that failed before collecting it
        (under `make devserver`) may still be reading it: wait for that. Each Pagefind inherits
        the lock and holds it until it exits."""
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
        return Staging(self.site, paths, self.shards)

    def start_early(self, docs: Iterable[SearchDocument]) -> bool:
        """Start Pagefind before Pelican reads the content, on the stories the conversion staged
        and `docs` (the pages and parks as they will be read). `start` confirms it later."""
        pages = {staged_name(doc): doc for doc in docs}
        self.early = True
        return self._launch({**self.staged, **{name: document_digest(doc) for name, doc in pages.items()}}, pages)

    def start(self, docs: Iterable[SearchDocument]) -> bool:
        """True when a Pagefind is running; False when the indexes on disk already cover
        `docs`. After start_early: keeps the run of each index whose pages are those it
        indexes, and starts the others again."""
        pages = {staged_name(doc): doc for doc in docs}
        return self._launch({name: document_digest(doc) for name, doc in pages.items()}, pages)

    def _launch(self, digests: dict[str, str], pages: dict[str, SearchDocument]) -> bool:
        """Stage what is not staged yet (`pages`, by staged name) and start a Pagefind for each
        index (a language, or a part) neither on disk nor being built from `digests`."""
        by_index: dict[str, dict[str, str]] = {}
        for name, digest in digests.items():
            by_index.setdefault(name.split("/", 1)[0], {})[name] = digest
        fingerprints = {index: self._fingerprint(index, names) for index, names in by_index.items()}
        running = self.running()
        todo = [index for index in sorted(fingerprints)
                if index not in running and not self._kept(index, fingerprints[index])]
        if running and (todo or any(self.fingerprints[index] != fingerprints.get(index) for index in running)):
            # The runs going on hold the staging folder's lock: stop them all and start again.
            logger.info("park_digest: search: the pages read differ from those indexed early; indexing again")
            self.cancel()
            todo = [index for index in sorted(fingerprints) if not self._kept(index, fingerprints[index])]
        before, self.fingerprints = self.fingerprints, fingerprints
        if not todo and self.runs:
            return True  # the runs going on are the ones wanted (and hold the lock)
        self.acquire()
        try:
            self._remove_other_indexes(set(fingerprints))
            late = self._stage(todo, by_index, pages)
            for index in todo:
                self.stamp(index).unlink(missing_ok=True)  # until this index is complete
            if todo:
                # The largest first, so that the last to end is a small one; an English page costs
                # Pagefind a quarter of a Chinese one, which it must split into words.
                todo.sort(key=lambda name: -len(by_index[name]) * (1 if name == "en" else 4))
                jobs = [Job(index, pagefind_command(self.site / index, self.bundle(index)), self.log(index))
                        for index in todo]
                self.runs = Lanes(jobs, pagefind_lanes(), pagefind_env(), self._lock.fileno())
        except OSError as exc:
            self.cancel()
            raise SearchIndexError(f"park_digest: could not stage or run Pagefind: {exc}") from exc
        finally:
            self.release()  # the Pagefinds and their lanes hold it now
        if not todo:
            if not self.runs and fingerprints != before:
                logger.info("park_digest: no searchable text changed; search index kept")
            return bool(self.runs)
        count = sum(len(by_index[index]) for index in todo)
        logger.info("park_digest: search: Pagefind started on %d pages (%s), %d of them staged while "
                    "converting%s", count, ", ".join(sorted(todo)), count - late,
                    " (before reading)" if self.early and not self.started else "")
        self.started = self.started or time.monotonic()
        return True

    def _fingerprint(self, index: str, digests: dict[str, str]) -> str:
        command = pagefind_command(self.site / index, self.bundle(index))[1:]
        digest = hashlib.sha256("\0".join([code_version(), *command]).encode())  # the code stages the pages
        for name in sorted(digests):
            digest.update(f"{name}\0{digests[name]}\0".encode())
        return digest.hexdigest()

    def _kept(self, index: str, fingerprint: str) -> bool:
        """The index on disk was built from these pages."""
        stamp = self.stamp(index)
        return (self.bundle(index) / ENTRY).exists() and stamp.exists() \
            and stamp.read_text(encoding="utf-8") == fingerprint

    def _stage(self, indexes: list[str], by_index: dict[str, dict[str, str]], pages: dict[str, SearchDocument]) -> int:
        """Stage the indexes' pages that are not staged as they should be, and remove the
        staged pages they no longer have; the number written."""
        late = 0
        for index in indexes:
            wanted = by_index[index]
            for name in wanted:
                if name in pages and self.staged.get(name) != wanted[name]:
                    stage_file(self.site / name, document_html(pages[name]).encode("utf-8"))
                    self.staged[name] = wanted[name]
                    late += 1
            for staged in (self.site / index).rglob("*.html"):
                if staged.relative_to(self.site).as_posix() not in wanted:
                    staged.unlink()
        return late

    def _remove_other_indexes(self, indexes: set[str]) -> None:
        """Staged pages and bundles of indexes the site no longer has (a language dropped, a
        number of shards changed), and the single bundle of earlier versions
        (pagefind/pagefind-entry.json beside the index folders)."""
        for folder in (self.site, self.bundles):
            if not folder.is_dir():
                continue
            for item in folder.iterdir():
                if item.name in indexes and item.is_dir():
                    continue
                if item.is_dir():
                    shutil.rmtree(item)
                else:
                    item.unlink()

    def finish(self) -> None:
        """Wait for every Pagefind; raise SearchIndexError if one failed or ran past the timeout."""
        if self.runs is None:
            return
        try:
            if not self.runs.wait(max(0.0, self.timeout - (time.monotonic() - self.started))):
                raise SearchIndexError(f"park_digest: Pagefind ran over {self.timeout:.0f} s")
            for index, reason in sorted(self.runs.failures().items()):
                report = self.log(index).read_text(encoding="utf-8", errors="replace").strip()
                raise SearchIndexError(f"park_digest: Pagefind failed ({reason}) on the {index} pages: {report}")
        except BaseException:
            self.cancel()
            raise
        runs, self.runs = self.runs, None
        for index in runs.jobs:
            sort_entry_languages(self.bundle(index) / ENTRY)
            replace_file(self.stamp(index), self.fingerprints[index].encode("utf-8"))
        logger.info("park_digest: search index written to %s (%s)", self.bundles, ", ".join(sorted(runs.jobs)))

    def cancel(self) -> None:
        """Stop every Pagefind still running or queued, and let go of the folder (the build failed)."""
        runs, self.runs = self.runs, None
        if runs is not None:
            runs.stop()
        self.release()


def sort_entry_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in hash-map order, which changes from run
    to run; sorted, two builds of the same inputs are byte-identical (a part holds all three
    languages). Readers look them up by key."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    replace_file(entry, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
