"""The Pagefind search index: one bundle per language, output/pagefind/<lang>/.

Built from Pelican's own content once it is read: each searchable page (story, About and
Methodology, park) becomes a small document with its address, language, title and body. The
extended Pagefind binary (it splits Chinese into words), pinned in package.json and installed by
npm, indexes each language's documents in a background thread while Pelican renders the pages.
Pagefind 1.6 writes the same files for the same documents, filters included (1.5 wrote filter
values in hash-map order, so repeat builds differed); 1.6 is published on npm, not PyPI. Pagefind's Python
API answers about ten calls a second, too slow for thousands of pages, so the documents are
written to a folder in the cache and Pagefind's command reads them.

A language whose documents did not change keeps its bundle, after a check that its files are
those Pagefind wrote (a kill while writing, a hand edit: rebuilt). A new bundle is written beside
the old one and renamed into place, so a build killed meanwhile leaves the old one whole.
"""
from __future__ import annotations

import json
import logging
import os
import platform
import re
import shutil
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..build.cache import code_version, key
from ..build.files import replace_file, write_if_changed
from .content import SOURCE_LANG, bcp47, date_text, lang_prefix

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
# The Chinese beside the English in bilingual mode belongs to the zh index; so does Chinese an
# English page shows untranslated (the English index splits it only at punctuation).
EXCLUDE_SELECTORS = (".src", '[data-status="untranslated"]')
# Those elements as the theme writes them: they key no bundle (an English page's new untranslated
# sentence leaves its index as it was) and hold none of the indexed text (chinese_search.py).
LEFT_OUT = re.compile(r'<p\b[^>]*(?:class="src"|data-status="untranslated")[^>]*>.*?</p>', re.S)
TIMEOUT = 600  # seconds for one language's Pagefind
# An id on anything but a heading: Pagefind records each as an anchor, and a story's sentence
# ids made it index a third slower. Link targets are not searched.
_NON_HEADING_ID = re.compile(r'(<(?!h[1-6][\s>])[a-z][a-z0-9]*\b[^>]*?)\s+id="[^"]*"')
_HREF = re.compile(r'\s+href="[^"]*"')


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the build stops, since the search pages would be dead."""


@dataclass(frozen=True)
class SearchDocument:
    """What Pagefind indexes for one page of the site."""
    path: str  # the page's path under the output directory: "en/stories/x.html"
    lang: str  # BCP 47
    title: str  # plain text
    body: str  # HTML, already safe: the story's body or Pelican's page content
    meta: tuple[tuple[str, str], ...] = ()  # (name, value) shown with the result: park, date, kind
    filters: tuple[tuple[str, str], ...] = ()  # (name, value) a reader can filter by: park, kind

    def html(self) -> str:
        """The result's title is metadata, its excerpt from the body: the title is indexed after
        the body, so an excerpt never opens by repeating it. Metadata and filters sit on empty
        elements, one per value (a value may hold a comma)."""
        body = _HREF.sub("", _NON_HEADING_ID.sub(r"\1", self.body))
        tags = "".join(f'<span data-pagefind-meta="{escape(name)}:{escape(value)}"></span>'
                       for name, value in self.meta if value)
        tags += "".join(f'<span data-pagefind-filter="{escape(name)}:{escape(value)}"></span>'
                        for name, value in self.filters if value)
        return (f'<!DOCTYPE html><html lang="{escape(self.lang)}"><head><meta charset="utf-8">'
                f"<title>{escape(self.title)}</title></head><body><main data-pagefind-body>{tags}"
                f'<h1 data-pagefind-ignore data-pagefind-meta="title">{escape(self.title)}</h1>\n{body}\n'
                f'<p>{escape(self.title)}</p></main></body></html>\n')


def content_documents(items: Iterable[Any], languages: Iterable[str],
                      words: Callable[[str], dict] = lambda lang: {}) -> list[SearchDocument]:
    """Stories and pages (Pelican's content) in the site's languages; a story's
    text ends with its park; its park, date and kind are its result's metadata, park and kind its
    filters, named in the page's language (`words`: the theme's words for a language)."""
    wanted = set(languages)
    docs = []
    for item in items:
        lang = bcp47(item.lang)
        if lang in wanted:
            meta = getattr(item, "digest", None)
            park = f"\n<p>{escape(meta.park_name)}</p>" if meta and meta.park_name else ""
            tags = story_tags(item, words(lang)) if meta else ()
            filters = tuple(tag for tag in tags if tag[0] != words(lang).get("date", "date"))
            docs.append(SearchDocument(item.save_as, lang, item.title, item._content + park, tags, filters))
    return docs


def story_tags(item: Any, t: dict) -> tuple[tuple[str, str], ...]:
    """A story's result metadata: park, date (as every page shows it: to its precision, an
    inferred one marked) and kind."""
    meta = item.digest
    park = (t.get("park", "park"), meta.park_name)
    kind = (t.get("kind", "kind"), t.get(f"kind_{meta.kind}", meta.kind))
    date = date_text(item, t.get("date_inferred_mark", ""), t.get("date_unknown", ""))
    return park, (t.get("date", "date"), date), kind


def park_documents(parks: Iterable[Any], languages: Iterable[str]) -> list[SearchDocument]:
    """Each park (content.ParkEntry) in each language: its names, its place, its stories' titles."""
    docs = []
    for park in parks:
        for lang in languages:
            other, other_lang = (park.name_zh, SOURCE_LANG) if lang == "en" else (park.name_en, "en")
            titles = "".join(f"<li>{escape(story.title)}</li>" for story in park.stories.get(lang, []))
            docs.append(SearchDocument(
                f"{lang_prefix(lang)}parks/{park.slug}.html", lang, park.name(lang),
                f'<p lang="{other_lang}">{escape(other)}</p><p>{escape(park.place(lang))}</p><ul>{titles}</ul>'))
    return docs


def bundle_path(lang: str) -> str:
    return f"{BUNDLE_DIR}/{lang.lower()}"


# npm's names for the platform packages that carry Pagefind's binaries (@pagefind/linux-x64 …).
_NPM_OS = {"Linux": "linux", "Darwin": "darwin", "Windows": "windows", "FreeBSD": "freebsd"}
_NPM_CPU = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"


def npm_package(node_modules: Path = NODE_MODULES) -> Path:
    """This machine's package of Pagefind binaries."""
    system, machine = platform.system(), platform.machine().lower()
    return node_modules / "@pagefind" / f"{_NPM_OS.get(system, system.lower())}-{_NPM_CPU.get(machine, machine)}"


def pagefind_release() -> str:
    """The installed Pagefind's version (a bundle from another release is rebuilt)."""
    try:
        return json.loads((npm_package() / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return ""


def pagefind_executable(node_modules: Path = NODE_MODULES) -> Path:
    """The extended Pagefind binary that `npm ci` put in the project's node_modules."""
    name = "pagefind_extended.exe" if platform.system() == "Windows" else "pagefind_extended"
    path = npm_package(node_modules) / "bin" / name
    if not path.is_file():
        raise SearchIndexError(f"park_digest: Pagefind is not installed ({path} is missing): "
                               "run `npm ci` in the project (make html does)")
    return path


def pagefind_command(site: Path, bundle: Path) -> list[str]:
    command = [str(pagefind_executable()), "--site", str(site), "--output-path", str(bundle)]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


class SearchIndex:
    """Start Pagefind on the languages whose documents changed (`start`), collect it (`finish`).
    The documents and a record of each bundle live in the cache, the bundles in the output."""

    def __init__(self, output_dir: Path, cache_dir: Path):
        self.bundles = output_dir / BUNDLE_DIR
        self.folder = cache_dir / "search" / key(os.path.abspath(output_dir))[:16]
        self._pool: Optional[ThreadPoolExecutor] = None
        self._future: Optional[Future] = None
        self._process: Optional[subprocess.Popen] = None
        self._cancelled = False

    def record(self, lang: str) -> Path:
        return self.folder / f"{lang}.json"

    def start(self, docs: Iterable[SearchDocument]) -> list[str]:
        """Index, in the background, each language whose bundle is not intact and made from
        these documents; the languages indexed."""
        by_lang: dict[str, list[SearchDocument]] = {}
        for doc in docs:
            by_lang.setdefault(doc.lang.lower(), []).append(doc)
        self._remove_other_bundles(set(by_lang))
        todo = {}
        for lang, items in sorted(by_lang.items()):
            fingerprint = key(code_version(), pagefind_release(), *EXCLUDE_SELECTORS,
                              *(part for doc in sorted(items, key=lambda d: d.path)
                                for part in (doc.path, LEFT_OUT.sub("", doc.html()))))
            if not self._intact(lang, fingerprint):
                todo[lang] = (fingerprint, items)
        if not todo:
            logger.info("park_digest: no searchable text changed; search index kept")
            return []
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="pagefind")
        self._future = self._pool.submit(self._index_all, todo)
        return sorted(todo)

    def _intact(self, lang: str, fingerprint: str) -> bool:
        """The bundle was built from these documents and its files are as Pagefind left them."""
        try:
            record = json.loads(self.record(lang).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(record, dict) or record.get("fingerprint") != fingerprint or not record.get("files"):
            return False
        bundle = self.bundles / lang
        for name, (size, mtime) in record["files"].items():
            try:
                info = (bundle / name).stat()
            except OSError:
                return False
            if (info.st_size, info.st_mtime_ns) != (size, mtime) or not size:
                logger.info("park_digest: search: %s/%s changed since it was written; rebuilding", lang, name)
                return False
        return True

    def _index_all(self, todo: dict[str, tuple[str, list[SearchDocument]]]) -> list[str]:
        for lang, (fingerprint, docs) in todo.items():
            if self._cancelled:
                break
            self._index(lang, fingerprint, docs)
        return sorted(todo)

    def _index(self, lang: str, fingerprint: str, docs: list[SearchDocument]) -> None:
        site, new, old = self.folder / lang, self.bundles / f".new-{lang}", self.bundles / f".old-{lang}"
        self.record(lang).unlink(missing_ok=True)  # until the new bundle is complete
        for folder in (site, new, old):
            shutil.rmtree(folder, ignore_errors=True)
        for doc in docs:
            write_if_changed(site / doc.path, doc.html().encode("utf-8"))
        log = self.folder / f"{lang}.log"
        # Pagefind leaves the other core to the build rendering beside it.
        env = {**os.environ, "RAYON_NUM_THREADS": os.environ.get("RAYON_NUM_THREADS", "1")}
        with open(log, "wb") as output:
            self._process = subprocess.Popen(pagefind_command(site, new), stdout=output,
                                             stderr=subprocess.STDOUT, env=env)
            try:
                status = self._process.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                self._process.kill()
                raise SearchIndexError(f"park_digest: Pagefind ran over {TIMEOUT} s on the {lang} pages")
        if status:
            text = log.read_text(encoding="utf-8", errors="replace").strip()
            raise SearchIndexError(f"park_digest: Pagefind failed ({status}) on the {lang} pages: {text}")
        bundle = self.bundles / lang
        if bundle.exists():
            bundle.rename(old)
        new.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        files = {p.relative_to(bundle).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns]
                 for p in bundle.rglob("*") if p.is_file()}
        replace_file(self.record(lang), json.dumps({"fingerprint": fingerprint, "files": files}).encode())

    def _remove_other_bundles(self, languages: set[str]) -> None:
        """Bundles of languages the site no longer has (only those this build recorded), and
        what a killed build left half written."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for record in self.folder.glob("*.json"):
            if record.stem not in languages:
                shutil.rmtree(self.bundles / record.stem, ignore_errors=True)
                record.unlink()
        for pattern in (".new-*", ".old-*"):
            for stale in self.bundles.glob(pattern):
                shutil.rmtree(stale, ignore_errors=True)

    def finish(self) -> None:
        """Wait for Pagefind; SearchIndexError if it failed."""
        if self._future is None:
            return
        try:
            languages = self._future.result()
        except SearchIndexError:
            raise
        except OSError as exc:
            raise SearchIndexError(f"park_digest: could not run Pagefind: {exc}") from exc
        finally:
            self._pool.shutdown()
            self._future = None
        logger.info("park_digest: search index written to %s (%s)", self.bundles, ", ".join(languages))

    def cancel(self) -> None:
        """Stop Pagefind (the build failed)."""
        self._cancelled = True
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        if self._pool is not None:
            self._pool.shutdown()

