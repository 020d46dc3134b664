"""Pelican generator for the pages the digest adds: per-language home and archives, the parks
index and one page per park. The grouping lives in site.py; this is the thin Pelican side."""
from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from .files import remove_stale_pages

from .site import LANG_NAMES, all_articles, by_language, group_parks, lang_prefix, months

logger = logging.getLogger(__name__)
WRITTEN = "park_digest_written"  # context key: the pages written in this build (hooks.track_written)


class DigestPagesGenerator(Generator):
    def generate_context(self) -> None:
        languages = tuple(self.settings.get("PARK_DIGEST_LANGUAGES") or LANG_NAMES)
        stories = all_articles(self.context.get("articles", []))
        self.languages = languages
        self.by_lang = by_language(stories, languages)
        self.parks = group_parks(stories)
        self.context["digest_parks"] = self.parks
        self.context["digest_languages"] = languages
        self.context[WRITTEN] = set()  # a fresh set for every build (autoreload reuses the context)

    def _write(self, writer, path: str, template: str, lang: str, **context) -> None:
        alternates = [{"lang": other, "name": LANG_NAMES[other], "url": lang_prefix(other) + path}
                      for other in self.languages]
        writer.write_file(
            lang_prefix(lang) + path, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], lang=lang, page_path=path,
            alternates=alternates, page_url=lang_prefix(lang) + path, **context)

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            articles = self.by_lang[lang]
            self._write(writer, "index.html", "home", lang, stories=articles)
            self._write(writer, "archives.html", "archives", lang, groups=months(articles))
            self._write(writer, "parks/index.html", "parks", lang, parks=list(self.parks.values()))
            for park in self.parks.values():
                self._write(writer, f"parks/{park.slug}.html", "park", lang, park=park,
                            stories=park.stories.get(lang, []))
        # Pelican's own generators (articles, pages) have written theirs by now; a page a later
        # generator writes is only removed if that generator does not write it again.
        removed = remove_stale_pages(Path(self.output_path), self.context[WRITTEN])
        if removed:
            logger.info("park_digest: removed %d pages of an earlier build from %s", removed, self.output_path)
