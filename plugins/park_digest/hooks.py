"""Signal handlers: with pages.py (the generator) and writer.py, the only code that knows about
Pelican objects."""
from __future__ import annotations

import atexit
import gc
import logging
import os
import re
import weakref
from pathlib import Path

import yaml
from markupsafe import Markup
from pelican.contents import Page
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader, Readers
from pelican.utils import SafeDatetime, pelican_open

from .site.tables import table_html
from .build.files import folder_for
from .stories.generate import generate_content
from .site.pages import SEARCH_INDEXER, WRITTEN, DigestPagesGenerator, park_entries, site_languages
from .stories.markdown import parse_story
from .site.search import SearchIndexer, site_search_shards
from .site.staging import StoryPaths, content_documents, park_documents
from .settings import ConfigurationError, load_settings
from .site.content import (LANG_NAMES, bcp47, iso_day, iso_month, lang_prefix, parse_fact_lines, shown_date, url_of,
                   with_translations)
from .site.writer import DigestWriter

logger = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    """Fail fast: a bad PARK_DIGEST_* setting stops the build before any work, with one line
    naming it (SystemExit, as Pelican logs any other exception with its traceback)."""
    try:
        load_settings(pelican.settings)
    except ConfigurationError as exc:
        raise SystemExit(f"park_digest: {exc}") from None


def exit_without_collecting(pelican) -> None:
    """At exit the interpreter's last garbage collections walk every object the build made: on
    a large site, half a second with one core idle. Frozen, they are left to the operating
    system (CPython never promised finalizers at exit; files are closed where they are used).
    Once per process: the last build of an autoreload session exits as a single build does."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


# mypy's thresholds (mypy/build.py), for the same reason: see collect_garbage_less.
GC_THRESHOLDS = (200_000, 30, 30)


def collect_garbage_less(pelican) -> None:
    """A build makes millions of short-lived objects, nearly all freed by reference counting;
    at CPython's default thresholds (a collection every 700 net allocations) the cycle collector
    ran some 490 times in the main process of a cold N=300 build, 0.8 s of its CPU, and found
    little. Cycles are still collected, far less often; the build's peak memory did not change
    (279 MB). The conversion's workers and the render children, forked later, inherit it."""
    gc.set_threshold(*GC_THRESHOLDS)


def separate_pelican_cache(pelican) -> None:
    """One Pelican cache folder per content+output pair. Pelican rewrites its cache files in
    place, not atomically, so two builds sharing a folder (a test build beside `make html`)
    could read each other's half-written pickles; separate folders never meet."""
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    folder = folder_for(settings["PATH"], settings["OUTPUT_PATH"])
    if os.path.basename(os.path.normpath(settings["CACHE_PATH"])) != folder:  # once per settings
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], folder)


def write_stories(article_generator) -> None:
    """Turn the seeds into Markdown before Pelican reads the content (runs on every rebuild),
    staging the stories for the search index on the way (pages.DigestPagesGenerator starts it)."""
    settings, pelican_settings = load_settings(article_generator.settings), article_generator.settings
    staging = None
    if settings.search:
        indexer = SearchIndexer(Path(article_generator.output_path), settings.cache_dir,
                                site_search_shards(settings, pelican_settings))
        weakref.finalize(article_generator, indexer.cancel)  # the build fails before the index starts
        article_generator.context[SEARCH_INDEXER] = indexer
        staging = indexer.staging(StoryPaths(pelican_settings["DEFAULT_LANG"].lower(),
                                             pelican_settings["ARTICLE_SAVE_AS"],
                                             pelican_settings["ARTICLE_LANG_SAVE_AS"]))
    try:
        report = generate_content(settings, workers=settings.workers, staging=staging)
    except BaseException:
        if staging is not None:
            indexer.cancel()  # let go of the staging folder: under autoreload the next build needs it
        raise
    if staging is None:
        return
    indexer.staged = report.staged
    if pelican_settings.get("DELETE_OUTPUT_DIRECTORY"):
        # Pelican empties the output directory after making the generators, that is after this
        # runs: Pagefind, which writes its bundles there, waits until the content is read.
        return
    languages, parks = site_languages(settings), park_entries(report.staged_stories, settings)
    indexer.start_early(content_documents(read_pages(pelican_settings), languages, indexer.shards)
                        + park_documents(parks.values(), languages, indexer.shards))


def read_pages(settings) -> list:
    """The site's published pages (About, Methodology) as Pelican is about to read them, for the
    search index to start before it does: a page read differently later is indexed again."""
    readers, root = Readers(settings), Path(settings["PATH"])
    pages = []
    for folder in settings["PAGE_PATHS"]:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix[1:] in readers.extensions and not path.name.startswith("."):
                try:
                    page = readers.read_file(base_path=str(root), path=str(path.relative_to(root)),
                                             content_class=Page, context={})
                except Exception as exc:  # Pelican reports it when it reads the file itself
                    logger.debug("park_digest: search: %s left until Pelican reads it: %s", path, exc)
                    continue
                if page.status == "published" and getattr(page, "title", None):
                    pages.append(page)
    return pages


class StoryReader(MarkdownReader):
    """Markdown reader that reads the generated stories directly (render.parse_story) and hands
    every other file, or a story not in the generated form, to Markdown as usual."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stories = os.path.abspath(load_settings(self.settings).stories_dir) + os.sep
        self._formatted = {name.lower() for name in self.settings["FORMATTED_FIELDS"]}

    def read(self, source_path):
        if not os.path.abspath(source_path).startswith(self._stories):
            return super().read(source_path)
        with pelican_open(source_path) as text:
            parsed = parse_story(text)
        if parsed is None or any(name in self._formatted or (
                len(values) > 1 and not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True))
                for name, values in parsed[0].items()):
            return super().read(source_path)  # formatted or repeated fields: Markdown's rules
        self._source_path = source_path
        meta, content = parsed
        # As MarkdownReader._parse_metadata does for fields that are not formatted.
        metadata = {}
        for name, values in meta.items():
            value = values[0] if len(values) == 1 else values
            day = _iso_day(value) if name == "date" else None
            metadata[name] = day if day is not None else self.process_metadata(name, value)
        return content, metadata


_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def _iso_day(value) -> SafeDatetime | None:
    """What Pelican's date processor (dateutil's parser) makes of a bare ISO day, the form the
    stories' dates are written in, in a twentieth of the time; None for anything else."""
    match = _ISO_DAY.fullmatch(value) if isinstance(value, str) else None
    try:
        return SafeDatetime(*map(int, match.groups())) if match else None
    except ValueError:  # not a day of the calendar: Pelican's processor says so
        return None


def get_writer(pelican):
    return DigestWriter


def use_story_reader(readers) -> None:
    readers.reader_classes["md"] = StoryReader


def attach_story_data(content) -> None:
    facts, bad = parse_fact_lines(content.metadata.get("facts"))
    for line in bad:
        logger.warning("park_digest: %s: unreadable Facts line skipped: %r", content.source_path, line)
    content.facts = facts
    content.fact_box = [fact for fact in facts if fact.box]


def drop_unpublished_pages(page_generator) -> None:
    """content/pages holds About and Methodology in every language; a site configured with
    fewer languages publishes only its own (in place: the context shares these lists)."""
    keep = {lang.lower() for lang in load_settings(page_generator.settings).languages}
    for items in (page_generator.pages, page_generator.translations, page_generator.hidden_pages):
        items[:] = [item for item in items if item.lang in keep]
    for page in page_generator.pages + page_generator.translations + page_generator.hidden_pages:
        page.translations = [item for item in page.translations if item.lang in keep]


def story_alternates(content) -> list[dict]:
    """The same story (or page) in every language it exists in, in the site's language order."""
    versions = {bcp47(item.lang): item for item in with_translations(content)}
    order = [lang for lang in LANG_NAMES if lang in versions]
    return [{"lang": lang, "name": LANG_NAMES[lang], "url": url_of(versions[lang])} for lang in order]


def figure_table(rows, site_url: str) -> Markup:
    """park.html's table rows (figures.table_html), escaped already."""
    return Markup(table_html(rows, site_url))


def add_template_globals(generator) -> None:
    theme_ui = Path(generator.theme) / "ui.yml"
    ui = yaml.safe_load(theme_ui.read_text(encoding="utf-8")) if theme_ui.exists() else {}
    languages = load_settings(generator.settings).languages
    generator.env.globals.update(ui=ui, lang_names=LANG_NAMES, lang_prefix=lang_prefix,
                                 table_html=figure_table,
                                 story_alternates=story_alternates, bcp47=bcp47, url_of=url_of,
                                 digest_languages=languages,
                                 # the configured address; templates' SITEURL may be relative
                                 site_url=(generator.settings.get("SITEURL") or "").rstrip("/"))
    generator.env.filters.update(iso_day=iso_day, iso_month=iso_month, shown_date=shown_date)


def start_search_index(generators) -> None:
    """Every page's text is known once the content is read: the index started before reading
    is confirmed (or Pagefind started now), and it runs while the pages are rendered
    (PARK_DIGEST_SEARCH)."""
    for generator in generators:
        if isinstance(generator, DigestPagesGenerator):
            generator.start_search_index()


def track_written(path, context) -> None:
    written = context.get(WRITTEN)
    if written is not None:
        written.add(os.path.abspath(path))  # as remove_stale_pages names them


def get_generators(pelican):
    return DigestPagesGenerator
