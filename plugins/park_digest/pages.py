"""Pelican generator for everything the digest adds around the stories: per-language home,
archives, search page and feeds; the parks index and one page per park (figure table, money
chart, downloads, feed); the data files; 404, sitemap.xml and robots.txt.

The grouping and formats live in pure modules (site, figures, chart, feeds, sitemap); this is
the thin Pelican side that hands them Pelican's articles and writes their output.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from urllib.parse import urlparse

from pelican.generators import Generator

from .cache import cache_for
from .chart import Chart, money_chart
from .feeds import FeedInfo, atom_feed
from .files import remove_stale_pages
from .figures import figure_rows, money_bars, rows_csv, rows_json, table_rows
from .settings import load_settings
from .site import SOURCE_LANG, LANG_NAMES, all_articles, bcp47, by_language, group_parks, lang_prefix, months, url_of
from .sitemap import SitemapEntry, robots_txt, sitemap_xml
from .variants import to_traditional

logger = logging.getLogger(__name__)
# Pages every language gets, by path under its language prefix.
LANGUAGE_PAGES = ("index.html", "archives.html", "search.html", "parks/index.html")
WRITTEN = "park_digest_written"  # context key: the pages written in this build (hooks.track_written)


class DigestPagesGenerator(Generator):
    def generate_context(self) -> None:
        self.digest = load_settings(self.settings)
        self.languages = tuple(bcp47(lang) for lang in self.digest.languages)
        stories = all_articles(self.context.get("articles", []))
        self.by_lang = by_language(stories, self.languages)
        config = self.digest.opencc_config
        self.parks = group_parks(stories, to_hant=lambda text: to_traditional(text, config))
        self.site_url = (self.settings.get("SITEURL") or "").rstrip("/")
        self.context["digest_parks"] = self.parks
        self.context["digest_languages"] = self.languages
        self.context[WRITTEN] = set()  # a fresh set for every build (autoreload reuses the context)

    # -- writing ---------------------------------------------------------------------------

    def alternates(self, path: str) -> list[dict]:
        return [{"lang": other, "name": LANG_NAMES[other], "url": lang_prefix(other) + path}
                for other in self.languages]

    def _write(self, writer, path: str, template: str, lang: str, **context) -> None:
        writer.write_file(
            lang_prefix(lang) + path, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], lang=lang, page_path=path,
            alternates=self.alternates(path), page_url=lang_prefix(lang) + path,
            search_base=self.search_base(), **context)

    def _write_text(self, path: str, text: str | None) -> None:
        if text is None:
            return
        target = Path(self.output_path) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def search_base(self) -> str:
        """Where Pagefind's result URLs start: the site's path on its host ("/" locally,
        "/repo/" for a GitHub project site)."""
        path = urlparse(self.site_url).path if self.site_url else ""
        return path.rstrip("/") + "/"

    def ui(self, lang: str) -> dict:
        return self.env.globals.get("ui", {}).get(lang, {})

    # -- output ----------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            self.write_language(writer, lang)
        self._write(writer, "404.html", "404", SOURCE_LANG)
        self.write_data()
        self.write_sitemap()
        # Pelican's own generators (articles, pages) have written theirs by now; a page a later
        # generator writes is only removed if that generator does not write it again.
        removed = remove_stale_pages(Path(self.output_path), self.context[WRITTEN])
        if removed:
            logger.info("park_digest: removed %d pages of an earlier build from %s", removed, self.output_path)

    def write_language(self, writer, lang: str) -> None:
        articles = self.by_lang[lang]
        t = self.ui(lang)
        prefix = lang_prefix(lang)
        self._write(writer, "index.html", "home", lang, stories=articles[:20], feed="feeds/all.atom.xml")
        self._write(writer, "archives.html", "archives", lang, groups=months(articles))
        self._write(writer, "search.html", "search", lang)
        parks = list(self.parks.values())
        figures = {park.slug: len(table_rows(park.stories.get(lang, []))) for park in parks}
        self._write(writer, "parks/index.html", "parks", lang, parks=parks, figure_counts=figures,
                    story_total=sum(park.count() for park in parks))
        self._write_text(prefix + "feeds/all.atom.xml", atom_feed(
            FeedInfo(prefix + "feeds/all.atom.xml", prefix + "index.html", t.get("site_name", ""),
                     t.get("tagline", ""), lang), articles, self.site_url))
        for park in parks:
            stories = park.stories.get(lang, [])
            rows = table_rows(stories)
            feed = f"feeds/parks/{park.slug}.atom.xml"
            self._write(writer, f"parks/{park.slug}.html", "park", lang, park=park, stories=stories,
                        rows=rows, charts=self.park_charts(park, lang, rows), feed=feed)
            self._write_text(prefix + feed, atom_feed(
                FeedInfo(prefix + feed, f"{prefix}parks/{park.slug}.html",
                         f"{park.name(lang)} · {t.get('site_name', '')}", t.get("tagline", ""), lang),
                stories, self.site_url))

    def park_charts(self, park, lang: str, rows) -> list:
        """The park's money charts, from the cache when their inputs are unchanged (pygal is the
        slowest part of writing a park page)."""
        t = self.ui(lang)
        cache = cache_for(self.digest)
        charts = []
        for unit, bars in money_bars(rows).items():
            args = (bars, unit, lang, f"chart-{park.slug}-{unit.lower()}",
                    t.get("chart_title", "%s (%%s)") % park.name(lang), t.get("chart_desc", "%s %s %s"),
                    t.get("chart_log", ""))
            key = hashlib.sha256(f"chart\0{cache.version}\0{args!r}".encode()).hexdigest()
            chart = cache.load(key, Chart)
            if chart is None:
                chart = money_chart(*args)
                cache.store(key, chart, Path(f"parks/{park.slug}.html"))
            charts.append(chart)
        return charts

    def write_data(self) -> None:
        """output/data/facts.{csv,json} and the same per park: every figure, with its sentence."""
        english = {a.slug: a for a in self.by_lang.get("en", [])}
        base = self.site_url + "/" if self.site_url else ""
        rows = figure_rows(sorted(self.by_lang[SOURCE_LANG], key=lambda a: (a.date, a.slug)), english, base)
        self._write_text("data/facts.csv", rows_csv(rows))
        self._write_text("data/facts.json", rows_json(rows))
        for slug in self.parks:
            mine = [row for row in rows if row.park == slug]
            self._write_text(f"data/parks/{slug}.csv", rows_csv(mine))
            self._write_text(f"data/parks/{slug}.json", rows_json(mine))

    def write_sitemap(self) -> None:
        base = self.site_url or self.digest.preview_url
        if not self.site_url:
            logger.info("park_digest: SITEURL is empty; sitemap.xml and robots.txt use %s", base)
        entries = [SitemapEntry(lang_prefix(lang) + path, tuple((a["lang"], a["url"]) for a in self.alternates(path)))
                   for path in [*LANGUAGE_PAGES, *(f"parks/{slug}.html" for slug in self.parks)]
                   for lang in self.languages]
        content = all_articles([*self.context.get("articles", []), *self.context.get("pages", [])])
        for item in content:
            if bcp47(item.lang) not in self.languages:
                continue
            versions = {bcp47(v.lang): url_of(v) for v in [item, *getattr(item, "translations", [])]}
            alternates = tuple((lang, versions[lang]) for lang in self.languages if lang in versions)
            entries.append(SitemapEntry(url_of(item), alternates))
        self._write_text("sitemap.xml", sitemap_xml(entries, base, SOURCE_LANG))
        self._write_text("robots.txt", robots_txt(base))
