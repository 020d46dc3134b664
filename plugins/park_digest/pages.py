"""Pelican generator for the pages the digest adds: per-language home and archives, the parks
index and one page per park. The grouping lives in site.py; this is the thin Pelican side."""
from __future__ import annotations

from pelican.generators import Generator

from .site import LANG_NAMES, all_articles, by_language, group_parks, lang_prefix, months


class DigestPagesGenerator(Generator):
    def generate_context(self) -> None:
        languages = tuple(self.settings.get("PARK_DIGEST_LANGUAGES") or LANG_NAMES)
        stories = all_articles(self.context.get("articles", []))
        self.languages = languages
        self.by_lang = by_language(stories, languages)
        self.parks = group_parks(stories)
        self.context["digest_parks"] = self.parks
        self.context["digest_languages"] = languages

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
