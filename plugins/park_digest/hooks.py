"""The plugin object: the settings, read once when Pelican initializes, the state of a build,
and the signal handlers register() connects. With site/pages.py (the generator), site/writer.py
and stories/reader.py, the only code that knows about Pelican objects."""
from __future__ import annotations

import fcntl
import logging
import os
import time
from pathlib import Path
from typing import IO, Optional

from markupsafe import Markup

from .datafile import load_yaml
from .settings import ConfigurationError, Settings, check_folders, load_settings
from .languages.variants import to_traditional
from .site.content import (LANG_NAMES, bcp47, iso_day, iso_month, lang_prefix, shown_date, source_kind, url_of,
                           with_translations)
from .site.pages import DigestPagesGenerator
from .site.search import SearchIndex
from .site.comparison import compare_rows_html
from .site.keyfigures import figure_list_html, key_table_html
from .site.writer import DigestWriter
from .stories.generate import generate_content
from .stories.reader import StoryReader

logger = logging.getLogger(__name__)
LOCK = ".build.lock"  # in the stories folder: one build at a time writes and reads it
LOCK_WAIT = 600  # seconds a build waits for another to have read its stories


class DigestPlugin:
    def __init__(self) -> None:
        self.settings: Optional[Settings] = None
        self.writer: Optional[DigestWriter] = None  # set by the writer Pelican makes
        self.search: Optional[SearchIndex] = None
        self._lock: Optional[IO] = None

    # -- start ------------------------------------------------------------------------------

    def initialize(self, pelican) -> None:
        """Read and check the settings; a bad one stops the build before any work, with one
        line naming it (SystemExit, as Pelican logs any other exception with its traceback)."""
        try:
            self.settings = load_settings(pelican.settings)
            check_folders(self.settings, pelican.settings)
        except ConfigurationError as exc:
            raise SystemExit(f"park_digest: {exc}") from None

    def use_story_reader(self, readers) -> None:
        readers.reader_classes["md"] = StoryReader

    def write_stories(self, article_generator) -> None:
        """Turn the seeds into Markdown before Pelican reads the content (on every rebuild)."""
        if self.search is not None:  # an earlier build of this process failed (autoreload)
            self.search.cancel()
        self.writer, self.search = None, None
        self.lock_stories()
        try:
            generate_content(self.settings, workers=self.settings.workers)
        except BaseException:
            self.unlock_stories()
            raise

    def lock_stories(self) -> None:
        """Hold the stories folder until Pelican has read it: a second build from the same
        content folder (another SEEDS_DIR, say) waits, or it would rewrite what this one reads."""
        if self._lock is not None:
            return
        folder = self.settings.stories_dir
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK, "a+")
        deadline, waiting = time.monotonic() + LOCK_WAIT, False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                if time.monotonic() > deadline:
                    handle.close()
                    raise SystemExit(
                        f"park_digest: another build (process {holder}) has held the stories in {folder} for "
                        f"{LOCK_WAIT} s; stop it, or give this build its own content folder") from None
                if not waiting:
                    logger.warning("park_digest: another build (process %s) is using %s; waiting for it",
                                   holder, folder)
                    waiting = True
                time.sleep(0.2)
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._lock = handle

    def unlock_stories(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # -- pages ------------------------------------------------------------------------------

    def add_template_globals(self, generator) -> None:
        theme_ui = Path(generator.theme) / "ui.yml"
        ui = load_yaml(theme_ui.read_text(encoding="utf-8")) if theme_ui.exists() else {}
        generator.env.globals.update(ui=ui, lang_names=LANG_NAMES, lang_prefix=lang_prefix,
                                     **FIGURE_HTML, story_alternates=story_alternates,
                                     bcp47=bcp47, url_of=url_of, digest_languages=self.settings.languages,
                                     source_kind=source_kind,
                                     # the configured address; templates' SITEURL may be relative
                                     site_url=(generator.settings.get("SITEURL") or "").rstrip("/"))
        config = self.settings.opencc_config
        generator.env.filters.update(iso_day=iso_day, iso_month=iso_month, shown_date=shown_date,
                                     in_script=lambda text, lang: to_traditional(text, config) if lang == "zh-Hant" else text)

    def drop_unpublished_pages(self, page_generator) -> None:
        """content/pages holds About and Methodology in every language; a site configured with
        fewer languages publishes only its own (in place: the context shares these lists)."""
        keep = {lang.lower() for lang in self.settings.languages}
        for items in (page_generator.pages, page_generator.translations, page_generator.hidden_pages):
            items[:] = [item for item in items if item.lang in keep]
        for page in page_generator.pages + page_generator.translations + page_generator.hidden_pages:
            page.translations = [item for item in page.translations if item.lang in keep]

    def get_generators(self, pelican):
        # Pelican makes the generator and the writer from classes: each class carries this plugin.
        return type("DigestPagesGenerator", (DigestPagesGenerator,), {"plugin": self})

    def get_writer(self, pelican):
        return type("DigestWriter", (DigestWriter,), {"plugin": self})

    # -- search and end ---------------------------------------------------------------------

    def start_search(self, generators) -> None:
        """The content is read: Pagefind indexes it while the pages are rendered."""
        self.unlock_stories()  # read: another build may write its stories now
        if not self.settings.search:
            return
        pages = next(g for g in generators if isinstance(g, DigestPagesGenerator))
        self.search = SearchIndex(self.settings.output_dir, self.settings.cache_dir)
        self.search.start(pages.search_documents())

    def finish(self, pelican) -> None:
        """Every page is written: wait for the search index, remove what earlier builds wrote
        and this one did not."""
        try:
            if self.search is not None:
                self.search.finish()
            if self.writer is not None:
                self.writer.finish()
        finally:
            self.search, self.writer = None, None


def story_alternates(content) -> list[dict]:
    """The same story (or page) in every language it exists in, in the site's language order."""
    versions = {bcp47(item.lang): item for item in with_translations(content)}
    order = [lang for lang in LANG_NAMES if lang in versions]
    return [{"lang": lang, "name": LANG_NAMES[lang], "url": url_of(versions[lang])} for lang in order]


def _markup(make):
    """A maker of HTML that escapes its own text (a park's thousands of cells through Jinja's
    escaping were most of its page's render), as a template global."""
    return lambda *args: Markup(make(*args))


# The key-indicator table, the figures by story and the comparison rows: the templates pass them
# their SITEURL, which Pelican makes relative on each page.
FIGURE_HTML = {"key_table_html": _markup(key_table_html), "figure_list_html": _markup(figure_list_html),
               "compare_rows_html": _markup(compare_rows_html)}
