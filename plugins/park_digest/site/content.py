"""Pure helpers for the site pages: language paths, grouping stories by language and park.

Works on anything with the attributes of Pelican's Article (lang, slug, date, and the story's
`digest`, a stories.markdown.StoryMeta), so it is tested without Pelican.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from ..model import Park
from ..parse.parks import load_gazetteer

SOURCE_LANG = "zh-Hans"
LANG_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
_CANONICAL = {code.lower(): code for code in LANG_NAMES}


def bcp47(lang: str) -> str:
    """Pelican keeps language codes in lower case; HTML gets the canonical BCP 47 form."""
    return _CANONICAL.get(lang.lower(), lang)


def lang_prefix(lang: str) -> str:
    """'' for the source language (the site root), else 'en/' or 'zh-hant/'."""
    return "" if bcp47(lang) == SOURCE_LANG else lang.lower() + "/"


def url_of(content: Any) -> str:
    """A story's or page's URL, remembered on the object: Pelican formats `Content.url` anew on
    every access, and a large digest asks for each one many times (lists, switchers, sitemap)."""
    memo = content.__dict__
    if "_digest_url" not in memo:
        memo["_digest_url"] = content.url
    return memo["_digest_url"]


def iso_day(when: Any) -> str:
    """'2026-01-15': the templates' dates. Pelican's SafeDatetime.strftime runs a regex over
    the format on every call, a tenth of rendering a story page."""
    return when.isoformat()[:10]


def iso_month(when: Any) -> str:
    """'2026-01'."""
    return when.isoformat()[:7]


_SHOWN = {"day": 10, "month": 7, "year": 4}


def shown_date(article: Any) -> str:
    """The date as far as it is known: '2026-01-15', '2026-01' or '2026'; '' when unknown.
    Pelican holds a whole date, the first day of a month or year."""
    precision = article.digest.date_precision
    return article.date.isoformat()[:_SHOWN[precision]] if precision in _SHOWN else ""


def date_text(article: Any, inferred_mark: str, unknown: str) -> str:
    """The date in plain text as every page shows it (the HTML pages through _macros.html's
    date_label): to its precision, marked when inferred, else the words for an unknown date."""
    shown = shown_date(article)
    if not shown:
        return unknown
    return shown + inferred_mark if article.digest.date_inferred else shown


@dataclass
class ParkEntry:
    """A park as the site shows it: the gazetteer's record (its fields read through) and the
    park's stories per language."""
    park: Park
    stories: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))  # lang → articles
    to_hant: Callable[[str], str] = field(default=lambda text: text, repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:
        if name == "park":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.park, name)

    def _zh(self, text: str, lang: str) -> str:
        return self.to_hant(text) if bcp47(lang) == "zh-Hant" else text

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self._zh(self.name_zh, lang)

    def place(self, lang: str) -> str:
        """City and province as a reader of that language writes them: 山东青岛, Qingdao, Shandong."""
        if lang == "en":
            parts = [self.city_en] + ([self.province_en] if self.province_en != self.city_en else [])
            return ", ".join(p for p in parts if p)
        province = self.province if self.province != self.city else ""
        return self._zh(province + self.city, lang)

    def count(self) -> int:
        return len(self.stories.get(SOURCE_LANG, []))


def with_translations(content: Any) -> list[Any]:
    """A story or page and its versions in the other languages (Pelican hangs them on it)."""
    return [content, *getattr(content, "translations", [])]


def all_articles(articles: Iterable[Any]) -> list[Any]:
    """Every article in every language: Pelican lists originals and hangs translations on them."""
    seen, out = set(), []
    for article in articles:
        for item in with_translations(article):
            key = (item.slug, item.lang)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def by_language(articles: Iterable[Any], languages: Iterable[str]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {bcp47(lang): [] for lang in languages}
    for article in articles:
        if bcp47(article.lang) in grouped:
            grouped[bcp47(article.lang)].append(article)
    for items in grouped.values():
        items.sort(key=lambda a: (a.date, a.slug), reverse=True)
    return grouped


def story_parks(article: Any) -> list[tuple[str, str, str]]:
    """(slug, name_zh, name_en) of the story's park, then of every other park it gives figures for."""
    meta = article.digest
    own = [(meta.park, meta.park_zh or meta.park, meta.park_en or meta.park)] if meta.park else []
    return own + [(p.slug, p.name_zh or p.slug, p.name_en or p.slug) for p in meta.parks_more]


def fact_park(article: Any, fact: Any) -> str:
    """The slug of the park a figure belongs to: its own, else its story's."""
    return fact.park or article.digest.park


def group_parks(articles: Iterable[Any], gazetteer: Optional[tuple[Park, ...]] = None,
                to_hant: Callable[[str], str] = lambda text: text) -> dict[str, ParkEntry]:
    """Parks with their stories per language (a round-up is on the page of every park it gives
    figures for); `to_hant` writes names for zh-Hant pages."""
    known = {p.slug: p for p in (gazetteer or load_gazetteer())}
    parks: dict[str, ParkEntry] = {}
    for article in articles:
        for slug, name_zh, name_en in {slug: (slug, zh, en) for slug, zh, en in story_parks(article)}.values():
            if slug not in parks:
                parks[slug] = ParkEntry(known.get(slug) or Park(name_zh, name_en, slug, known=False), to_hant=to_hant)
            parks[slug].stories[bcp47(article.lang)].append(article)
    for entry in parks.values():
        for items in entry.stories.values():
            items.sort(key=lambda a: (a.date, a.slug), reverse=True)
    return dict(sorted(parks.items()))


def months(articles: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Archive groups, newest first: ('2026-01', [articles…]), a year for stories known only to
    the year ('2025', after its months), and '' last for stories whose date is unknown (their
    whole date is a placeholder, never shown)."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        grouped[shown_date(article)[:7]].append(article)
    return sorted(grouped.items(), reverse=True)


def source_kind(source: Any) -> str:
    """What kind of page a story came from, for a source line that names no publication:
    'newspaper' when its edition or page is named (by the editor, a masthead or a reprint's
    citation: it was printed there) or the parser saw a printed page; 'web' when the parser saw a
    web page or only a link is known; else 'other'."""
    if source.page or source.edition or source.medium == "print":
        return "newspaper"
    return "web" if source.medium == "web" or source.url else "other"
