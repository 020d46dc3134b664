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
import logging
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import BinaryIO, Iterable, Optional

from .cache import code_version
from .files import folder_for, replace_file
from .staging import (SearchDocument, Staging, StoryPaths, document_digest, document_html, index_name, stage_file,
                      staged_name)

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
ENTRY = "pagefind-entry.json"
# The Chinese paragraphs beside the English in bilingual mode belong to the zh index; so do
# those an English page shows because they are not translated yet: the English index splits
# Chinese only at punctuation, so they matched nothing a reader types, and their excerpts began
# "Not yet translated".
EXCLUDE_SELECTORS = (".src", '[data-status="untranslated"]')


def bundle_path(lang: str) -> str:
    """A language's Pagefind bundle in the site: what its search page loads."""
    return f"{BUNDLE_DIR}/{index_name(lang)}"


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
    the cache, one folder per output directory, so the output holds only the bundles.

    One Pagefind per language, each into its own bundle (output/pagefind/<lang>/): a search page
    only ever searches its own language, the languages are indexed side by side (Pagefind itself
    gains little from a second thread), and a language whose text did not change keeps its index.

    The conversion workers stage the stories as they write them (`staging`, stage_stories);
    `start` then writes only what they did not (pages, parks, a story whose address they could
    not know), so Pagefind starts as soon as the content is read."""

    def __init__(self, output_dir: Path, cache_dir: Path, timeout: float = 300):
        self.output_dir, self.timeout = output_dir, timeout
        self.folder = cache_dir / "search-index" / folder_for(output_dir)
        self.site = self.folder / "site"
        self.bundles = output_dir / BUNDLE_DIR
        self.processes: dict[str, subprocess.Popen] = {}  # index_name → its running Pagefind
        self.fingerprints: dict[str, str] = {}  # index_name → what its index is (being) built from
        self.staged: dict[str, str] = {}  # staged_name → digest of what is staged (by the conversion first)
        self.early = False  # start_early ran: start confirms it
        self.started = 0.0
        self._lock: Optional[BinaryIO] = None

    def bundle(self, lang: str) -> Path:
        return self.output_dir / bundle_path(lang)

    def stamp(self, lang: str) -> Path:
        return self.folder / f"stamp-{lang}"

    def log(self, lang: str) -> Path:
        return self.folder / f"pagefind-{lang}.log"

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
        return Staging(self.site, paths)

    def start_early(self, docs: Iterable[SearchDocument]) -> bool:
        """Start Pagefind before Pelican reads the content, on the stories the conversion staged
        and `docs` (the pages and parks as they will be read). `start` confirms it later."""
        pages = {staged_name(doc): doc for doc in docs}
        self.early = True
        return self._launch({**self.staged, **{name: document_digest(doc) for name, doc in pages.items()}}, pages)

    def start(self, docs: Iterable[SearchDocument]) -> bool:
        """True when a Pagefind is running; False when the indexes on disk already cover
        `docs`. After start_early: keeps the run of each language whose pages are those it
        indexes, and starts the others again."""
        pages = {staged_name(doc): doc for doc in docs}
        return self._launch({name: document_digest(doc) for name, doc in pages.items()}, pages)

    def _launch(self, digests: dict[str, str], pages: dict[str, SearchDocument]) -> bool:
        """Stage what is not staged yet (`pages`, by staged name) and start a Pagefind for each
        language whose index is neither on disk nor being built from `digests`."""
        by_lang: dict[str, dict[str, str]] = {}
        for name, digest in digests.items():
            by_lang.setdefault(name.split("/", 1)[0], {})[name] = digest
        fingerprints = {lang: self._fingerprint(lang, names) for lang, names in by_lang.items()}
        todo = [lang for lang in sorted(fingerprints)
                if lang not in self.processes and not self._kept(lang, fingerprints[lang])]
        if self.processes and (todo or any(self.fingerprints[lang] != fingerprints.get(lang)
                                           for lang in self.processes)):
            # The runs going on hold the staging folder's lock: stop them all and start again.
            logger.info("park_digest: search: the pages read differ from those indexed early; indexing again")
            self.cancel()
            todo = [lang for lang in sorted(fingerprints) if not self._kept(lang, fingerprints[lang])]
        before, self.fingerprints = self.fingerprints, fingerprints
        if not todo and self.processes:
            return True  # the runs going on are the ones wanted (and hold the lock)
        self.acquire()
        try:
            self._remove_other_languages(set(fingerprints))
            late = self._stage(todo, by_lang, pages)
            for lang in todo:
                self.stamp(lang).unlink(missing_ok=True)  # until this index is complete
                with open(self.log(lang), "wb") as log:  # a file, not a pipe: nobody reads it while it runs
                    self.processes[lang] = subprocess.Popen(
                        pagefind_command(self.site / lang, self.bundle(lang)), stdout=log,
                        stderr=subprocess.STDOUT, env=pagefind_env(), pass_fds=(self._lock.fileno(),))
        except OSError as exc:
            self.cancel()
            raise SearchIndexError(f"park_digest: could not stage or run Pagefind: {exc}") from exc
        finally:
            self.release()  # the Pagefinds hold it now
        if not todo:
            if not self.processes and fingerprints != before:
                logger.info("park_digest: no searchable text changed; search index kept")
            return bool(self.processes)
        count = sum(len(by_lang[lang]) for lang in todo)
        logger.info("park_digest: search: Pagefind started on %d pages (%s), %d of them staged while "
                    "converting%s", count, ", ".join(todo), count - late,
                    " (before reading)" if self.early and not self.started else "")
        self.started = self.started or time.monotonic()
        return True

    def _fingerprint(self, lang: str, digests: dict[str, str]) -> str:
        command = pagefind_command(self.site / lang, self.bundle(lang))[1:]
        digest = hashlib.sha256("\0".join([code_version(), *command]).encode())  # the code stages the pages
        for name in sorted(digests):
            digest.update(f"{name}\0{digests[name]}\0".encode())
        return digest.hexdigest()

    def _kept(self, lang: str, fingerprint: str) -> bool:
        """The language's index on disk was built from these pages."""
        stamp = self.stamp(lang)
        return (self.bundle(lang) / ENTRY).exists() and stamp.exists() \
            and stamp.read_text(encoding="utf-8") == fingerprint

    def _stage(self, langs: list[str], by_lang: dict[str, dict[str, str]], pages: dict[str, SearchDocument]) -> int:
        """Stage the languages' pages that are not staged as they should be, and remove the
        staged pages they no longer have; the number written."""
        late = 0
        for lang in langs:
            wanted = by_lang[lang]
            for name in wanted:
                if name in pages and self.staged.get(name) != wanted[name]:
                    stage_file(self.site / name, document_html(pages[name]).encode("utf-8"))
                    self.staged[name] = wanted[name]
                    late += 1
            for staged in (self.site / lang).rglob("*.html"):
                if staged.relative_to(self.site).as_posix() not in wanted:
                    staged.unlink()
        return late

    def _remove_other_languages(self, langs: set[str]) -> None:
        """Staged pages and bundles of languages the site no longer has, and the single bundle
        of earlier versions (pagefind/pagefind-entry.json beside the language folders)."""
        for folder in (self.site, self.bundles):
            if not folder.is_dir():
                continue
            for item in folder.iterdir():
                if item.name in langs and item.is_dir():
                    continue
                if item.is_dir():
                    shutil.rmtree(item)
                else:
                    item.unlink()

    def finish(self) -> None:
        """Wait for every Pagefind; raise SearchIndexError if one failed or ran past the timeout."""
        processes, self.processes = self.processes, {}
        try:
            for lang, process in processes.items():
                try:
                    process.wait(timeout=max(0.0, self.timeout - (time.monotonic() - self.started)))
                except subprocess.TimeoutExpired as exc:
                    raise SearchIndexError(f"park_digest: Pagefind ran over {self.timeout:.0f} s") from exc
                if process.returncode != 0:
                    report = self.log(lang).read_text(encoding="utf-8", errors="replace").strip()
                    raise SearchIndexError(f"park_digest: Pagefind failed ({process.returncode}) on the "
                                           f"{lang} pages: {report}")
        except BaseException:
            self.processes = processes
            self.cancel()
            raise
        for lang in processes:
            replace_file(self.stamp(lang), self.fingerprints[lang].encode("utf-8"))
        if processes:
            logger.info("park_digest: search index written to %s (%s)", self.bundles, ", ".join(processes))

    def _stop(self, lang: str) -> None:
        process = self.processes.pop(lang)
        if process.poll() is None:
            process.kill()
            process.wait()

    def cancel(self) -> None:
        """Stop every Pagefind still running, and let go of the folder (the build failed)."""
        for lang in list(self.processes):
            self._stop(lang)
        self.release()


