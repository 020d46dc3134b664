"""Pelican generator for everything the digest adds around the stories: per-language home,
archives, search page and feeds; the parks index and one page per park (figure table, money
chart, downloads, feed); the data files; 404, sitemap.xml and robots.txt.

The grouping and formats live in pure modules (content, tables, chart, feeds, sitemap, search);
this is the thin Pelican side that hands them Pelican's articles and writes their output.
"""
from __future__ import annotations

import logging
from functools import cached_property
from typing import Any, Callable, Optional
from urllib.parse import urlparse

from pelican.generators import Generator

from .comparison import compare
from .feeds import FeedInfo, atom_feed
from .keyfigures import figure_refs, indicator_charts, park_cells
from .opendata import datapackage, indicators_csv
from .tables import figure_count, figure_rows, rows_csv, rows_json
from ..figures.indicator_table import INDICATORS
from .chinese_search import CHARS_SCRIPT, bundle_lang, chars_script, script_pairs, share_chinese_index
from .search import bundle_path, content_documents, park_documents
from .content import (SOURCE_LANG, LANG_NAMES, all_articles, bcp47, by_language, group_parks, lang_prefix, months,
                   url_of, with_translations)
from .sitemap import SitemapEntry, robots_txt, sitemap_xml
from ..build.cache import key
from ..languages.variants import to_traditional
from .writer import RENDER_INPUTS

logger = logging.getLogger(__name__)
# Pages every language gets, by path under its language prefix.
LANGUAGE_PAGES = ("index.html", "archives.html", "search.html", "parks/index.html", "parks/compare.html")


class DigestPagesGenerator(Generator):
    plugin: Any = None  # the DigestPlugin that made this class (hooks.DigestPlugin.get_generators)

    def generate_context(self) -> None:
        self.digest = self.plugin.settings
        self.languages = tuple(bcp47(lang) for lang in self.digest.languages)
        stories = all_articles(self.context.get("articles", []))
        # Stories and pages (About, Methodology) in every language: searched, in the sitemap.
        self.content = all_articles([*self.context.get("articles", []), *self.context.get("pages", [])])
        self.by_lang = by_language(stories, self.languages)
        self.parks = group_parks(stories, to_hant=lambda text: to_traditional(text, self.digest.opencc_config))
        self.site_url = (self.settings.get("SITEURL") or "").rstrip("/")
        self.context["digest_parks"] = self.parks
        self.context["digest_languages"] = self.languages
        self.folds: dict[str, str] = {}  # Traditional characters a query folds (search_documents)

    def search_documents(self) -> list:
        """Stories and pages in every language, and each park: the text a reader searches (the
        two Chinese scripts in one index)."""
        docs, self.folds = share_chinese_index(content_documents(self.content, self.languages, self.ui)
                                               + park_documents(self.parks.values(), self.languages),
                                               self.script_pairs)
        return docs

    # -- writing ---------------------------------------------------------------------------

    def alternates(self, path: str) -> list[dict]:
        return [{"lang": other, "name": LANG_NAMES[other], "url": lang_prefix(other) + path}
                for other in self.languages]

    def _write(self, writer, path: str, template: str, lang: str, inputs: str,
               later: Optional[Callable[[], dict]] = None, **context) -> None:
        """Render a page; `inputs` names everything it shows beyond the theme and settings (the
        writer skips the render when they are unchanged). `later` makes the rest of the page's
        context, only when the page is rendered."""
        name, page_template, relative = lang_prefix(lang) + path, self.get_template(template), self.settings["RELATIVE_URLS"]
        if later is not None:
            if writer.fresh(name, page_template, self.context, relative, inputs):
                return
            context.update(later())
        writer.write_file(
            name, page_template, self.context, relative_urls=relative, lang=lang, page_path=path,
            alternates=self.alternates(path), page_url=name,
            search_base=self.search_base(), **{RENDER_INPUTS: inputs}, **context)

    def park_inputs(self, writer, park) -> str:
        stories = [story for items in park.stories.values() for story in items]
        return repr(park.park) + "\n" + writer.content_inputs(stories)

    def search_base(self) -> str:
        """Where Pagefind's result URLs start: the site's path on its host ("/" locally,
        "/repo/" for a GitHub project site)."""
        path = urlparse(self.site_url).path if self.site_url else ""
        return path.rstrip("/") + "/"

    def ui(self, lang: str) -> dict:
        return self.env.globals.get("ui", {}).get(lang, {})

    # -- output ----------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        # Every page here shows the stories; what they are is their source files.
        everything = writer.content_inputs(self.content)
        parks = {slug: self.park_inputs(writer, park) for slug, park in self.parks.items()}
        for lang in self.languages:
            self.write_language(writer, lang, everything, parks)
        self._write(writer, "404.html", "404", SOURCE_LANG, "")  # no story on it: theme and settings only
        for lang in self.languages:
            self.write_feeds(writer, lang, everything, parks)
        self.write_data(writer, parks)
        if "zh-Hant" in self.languages:
            writer.write_text(CHARS_SCRIPT, self.search_chars, everything)
        self.write_sitemap(writer)

    def write_language(self, writer, lang: str, everything: str, park_inputs: dict[str, str]) -> None:
        articles = self.by_lang[lang]
        self._write(writer, "index.html", "home", lang, everything, stories=articles[:20], feed="feeds/all.atom.xml")
        self._write(writer, "archives.html", "archives", lang, everything, groups=months(articles))
        self._write(writer, "search.html", "search", lang, "",  # no story on it (Pagefind loads them)
                    bundle=bundle_path(bundle_lang(lang, self.languages)), index_lang=bundle_lang(lang, self.languages))
        parks = list(self.parks.values())
        self._write(writer, "parks/index.html", "parks", lang, everything, parks=parks,
                    figure_counts={park.slug: figure_count(park.stories.get(lang, []), park.slug) for park in parks},
                    story_total=sum(park.count() for park in parks))
        self._write(writer, "parks/compare.html", "compare", lang, everything,
                    later=lambda: self.comparison(lang))
        for park in parks:
            stories = park.stories.get(lang, [])
            # The tables and charts only for a page that is rendered: a rebuild keeps most.
            self._write(writer, f"parks/{park.slug}.html", "park", lang, park_inputs[park.slug],
                        later=lambda park=park, stories=stories: self.park_tables(park, lang, stories),
                        park=park, stories=stories, feed=f"feeds/parks/{park.slug}.atom.xml")

    def park_tables(self, park, lang: str, stories: list) -> dict:
        """Key indicators (one value per indicator and period), a chart per indicator with two
        periods or more, and every figure by story."""
        refs = figure_refs(stories, park.slug)
        cells = park_cells(refs)
        return {"refs": refs, "key_cells": cells,
                "charts": indicator_charts(cells, lang, self.ui(lang), f"chart-{park.slug}")}

    def comparison(self, lang: str) -> dict:
        """Every park's latest value of each indicator (parks/compare.html)."""
        cells = park_cells(figure_refs(self.by_lang[lang]))
        names = {slug: park.name(lang) for slug, park in self.parks.items()}
        table = compare(cells, names)
        sections = [{"id": indicator.replace("_", "-"), "name": INDICATORS.by_id[indicator].names[lang],
                     "rows": rows} for indicator, rows in table.items()]
        return {"sections": sections, "park_url": lang_prefix(lang) + "parks/%s.html"}

    @cached_property
    def script_pairs(self) -> list[tuple[str, str]]:
        """The site's Simplified and Traditional characters (chinese_search.script_pairs)."""
        texts = [text for item in self.content if bcp47(item.lang) == SOURCE_LANG
                 for text in (item.title, item._content)]
        texts += [park.name_zh for park in self.parks.values()]
        config, quotes = self.digest.opencc_config, self.digest.hant_quotes
        return script_pairs(texts, lambda text: to_traditional(text, config, quotes=quotes))

    def search_chars(self) -> str:
        return chars_script(self.script_pairs, self.folds)

    def write_feeds(self, writer, lang: str, everything: str, park_inputs: dict[str, str]) -> None:
        """The language's feed, and each park's."""
        t, prefix = self.ui(lang), lang_prefix(lang)
        marks = t.get("date_inferred_mark", ""), t.get("date_unknown", "")
        writer.write_text(prefix + "feeds/all.atom.xml", lambda: atom_feed(
            FeedInfo(prefix + "feeds/all.atom.xml", prefix + "index.html", t.get("site_name", ""),
                     t.get("tagline", ""), lang, *marks), self.by_lang[lang], self.site_url), everything)
        for park in self.parks.values():
            stories, feed = park.stories.get(lang, []), f"feeds/parks/{park.slug}.atom.xml"
            writer.write_text(prefix + feed, lambda: atom_feed(
                FeedInfo(prefix + feed, f"{prefix}parks/{park.slug}.html",
                         f"{park.name(lang)} · {t.get('site_name', '')}", t.get("tagline", ""), lang, *marks),
                stories, self.site_url), park_inputs[park.slug])

    def write_data(self, writer, park_inputs: dict[str, str]) -> None:
        """output/data/facts.{csv,json} and the same per park: every figure, with its sentence.
        The site's files are keyed by their rows, which are cheap to make, not by every story's
        source: a story edited where it gives no figure (most edits) leaves them alone."""
        english = {a.slug: a for a in self.by_lang.get("en", [])}
        base = self.site_url + "/" if self.site_url else ""
        stories = sorted(self.by_lang[SOURCE_LANG], key=lambda a: (a.date, a.slug))
        rows = figure_rows(stories, english, base)
        by_park: dict = {}
        for row in rows:
            by_park.setdefault(row.park, []).append(row)
        inputs = key(repr(rows))
        writer.write_text("data/facts.csv", lambda: rows_csv(rows), inputs)
        writer.write_text("data/facts.json", lambda: rows_json(rows), inputs)
        writer.write_text("data/indicators.csv", indicators_csv, "")  # the indicator table: code
        base = self.site_url + "/data/" if self.site_url else ""
        writer.write_text("data/datapackage.json", lambda: datapackage(self.site_url, {
            "figures_csv": base + "facts.csv", "figures_json": base + "facts.json",
            "indicators_csv": base + "indicators.csv"}, self.ui(SOURCE_LANG).get("site_name", "Park Digest")), "")
        for slug in self.parks:
            inputs = park_inputs[slug]
            writer.write_text(f"data/parks/{slug}.csv", lambda: rows_csv(by_park.get(slug, [])), inputs)
            writer.write_text(f"data/parks/{slug}.json", lambda: rows_json(by_park.get(slug, [])), inputs)

    def write_sitemap(self, writer) -> None:
        """Keyed by its entries (every page's address and its languages'), not the stories' text."""
        base = self.site_url or self.digest.preview_url
        if not self.site_url:
            logger.info("park_digest: SITEURL is empty; sitemap.xml and robots.txt use %s", base)
        entries = self.sitemap_entries()
        writer.write_text("sitemap.xml", lambda: sitemap_xml(entries, base, SOURCE_LANG), key(base, repr(entries)))
        writer.write_text("robots.txt", lambda: robots_txt(base), base)

    def sitemap_entries(self) -> list[SitemapEntry]:
        entries = [SitemapEntry(lang_prefix(lang) + path, tuple((a["lang"], a["url"]) for a in self.alternates(path)))
                   for path in [*LANGUAGE_PAGES, *(f"parks/{slug}.html" for slug in self.parks)]
                   for lang in self.languages]
        for item in self.content:
            if bcp47(item.lang) not in self.languages:
                continue
            versions = {bcp47(v.lang): url_of(v) for v in with_translations(item)}
            alternates = tuple((lang, versions[lang]) for lang in self.languages if lang in versions)
            entries.append(SitemapEntry(url_of(item), alternates))
        return entries
