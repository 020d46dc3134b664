"""The Pagefind search index, built beside the site rather than after it.

Runs the binary of the pinned `pagefind[extended]` package (the extended build segments
Chinese text into words; the plain one does not). Pagefind makes one index per `<html lang>`,
so each language's search page finds only pages in that language.

Pagefind is the largest single cost of a build and it cannot index part of a site, so it does
not wait for the site's pages: every searchable page is staged as a small document (its address,
language, title and body, the text a reader searches) and Pagefind indexes those in its own
process while Pelican renders the real pages. The conversion workers stage the stories as they
write them, in parallel; once Pelican has read the content, the pages and parks are staged, the
stories are checked against what Pelican read, and Pagefind starts. A build that changed no
searchable text keeps the index it has.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import subprocess
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import BinaryIO, Iterable, Optional

from .files import folder_for, holds, replace_file
from .render import parse_story
from .site import bcp47

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


def content_document(path: str, lang: str, title: str, body: str, park_name: str = "") -> SearchDocument:
    """A story or page as the search indexes it; a story's park leads its text."""
    lead = f"<p>{escape(park_name)}</p>\n" if park_name else ""
    return SearchDocument(path, lang, title, lead + body)


@dataclass(frozen=True)
class StoryPaths:
    """Where Pelican writes a story, worked out from its metadata as Pelican's Content.save_as
    does (ARTICLE_SAVE_AS, or ARTICLE_LANG_SAVE_AS outside the default language), so that the
    conversion can stage it for the search before Pelican reads it."""
    default_lang: str  # DEFAULT_LANG, lower case as Pelican compares it
    save_as: str
    lang_save_as: str

    def path(self, fields: dict[str, str]) -> Optional[str]:
        """None when the pattern needs what only Pelican knows (a parsed date, a category, an
        override): that story is staged once Pelican has read it."""
        if "save_as" in fields:
            return None
        lang = fields.get("lang", self.default_lang)
        pattern = self.save_as if lang == self.default_lang else self.lang_save_as
        try:
            return pattern.format(**{**fields, "slug": fields.get("slug", ""), "lang": lang}) or None
        except (KeyError, IndexError, ValueError, AttributeError):
            return None


@dataclass(frozen=True)
class Staging:
    """What a conversion worker needs to stage its stories: the folder and their addresses."""
    site: Path
    paths: StoryPaths


def story_document(markdown: str, paths: StoryPaths) -> Optional[SearchDocument]:
    """A generated story's search document, read from its Markdown as hooks.StoryReader reads
    it; None when it is not in the generated form or its address needs Pelican."""
    parsed = parse_story(markdown)
    if parsed is None:
        return None
    meta, body = parsed
    fields = {name: values[0] for name, values in meta.items()}
    path = paths.path(fields)
    if path is None or "title" not in fields:
        return None
    return content_document(path, bcp47(fields.get("lang", paths.default_lang)), fields["title"], body,
                            fields.get("park_name", ""))


def stage_file(path: Path, data: bytes) -> None:
    """Write a staged page unless it holds these bytes already. In place, not atomically: only
    Pagefind reads the folder, and only while the build that staged it holds the lock."""
    if holds(path, data):
        return
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stage_stories(markdown: Iterable[str], staging: Staging) -> dict[str, str]:
    """Stage the stories a conversion worker has rendered (their Markdown texts): path → digest
    of each staged page, for SearchIndexer.start to trust instead of writing it again."""
    digests = {}
    for text in markdown:
        doc = story_document(text, staging.paths)
        if doc is not None:
            data = document_html(doc).encode("utf-8")
            stage_file(staging.site / doc.path, data)
            digests[doc.path] = _digest(data)
    return digests


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
        self.staged: dict[str, str] = {}  # path → digest of what the conversion staged
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

    def start(self, docs: Iterable[SearchDocument]) -> bool:
        """True when Pagefind was started; False when the index on disk already covers `docs`."""
        pages = {doc.path: document_html(doc).encode("utf-8") for doc in docs}
        digests = {path: _digest(data) for path, data in pages.items()}
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
            for staged in self.site.rglob("*.html"):
                if staged.relative_to(self.site).as_posix() not in pages:
                    staged.unlink()
            logger.info("park_digest: search: %d pages staged, %d of them while converting",
                        len(pages), len(pages) - len(late))
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
