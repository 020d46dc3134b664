"""Atom feeds (feedgenerator, as Pelican uses): one per language, one per park and language.

Deterministic: a feed's <updated> is its newest story's date, never the build time, and entry
ids are tag URIs made from the story slug, so they survive a move of the site.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Iterable

from feedgenerator import Atom1Feed

from ..stories.compose import strip_pairs
from .content import date_text, url_of

TAG_AUTHORITY = "park-digest,2026"


@dataclass(frozen=True)
class FeedInfo:
    path: str  # where the feed is written, e.g. "en/feeds/parks/qingdao.atom.xml"
    page: str  # the HTML page it follows, e.g. "en/parks/qingdao.html"
    title: str
    subtitle: str
    lang: str  # BCP 47
    inferred_mark: str = ""  # the site's words: " (inferred)" after an inferred date
    date_unknown: str = ""  # "date unknown"


def link(base_url: str, target: str, feed_path: str) -> str:
    """Absolute under the site URL; without one, relative to the feed itself (Atom resolves
    relative references against the feed's own address)."""
    if base_url:
        return f"{base_url.rstrip('/')}/{target}"
    return posixpath.relpath(target, posixpath.dirname(feed_path) or ".")


def atom_feed(info: FeedInfo, articles: Iterable[Any], base_url: str, limit: int = 50) -> str | None:
    """The feed's XML, or None when it would have no entries (its date would be the clock's)."""
    items = sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)[:limit]
    if not items:
        return None
    feed = Atom1Feed(title=info.title, link=link(base_url, info.page, info.path),
                     description=info.subtitle, subtitle=info.subtitle, language=info.lang,
                     feed_url=link(base_url, info.path, info.path),
                     feed_guid=f"tag:{TAG_AUTHORITY}:{info.path}")
    for article in items:
        # Atom needs a whole date: a story known only to the month or year, dated by inference
        # or not dated says so at the head of its summary, as the site's pages show its date.
        lead = article.digest.lead
        if article.digest.date_precision != "day" or article.digest.date_inferred:
            shown = date_text(article, info.inferred_mark, info.date_unknown)
            lead = f"{shown} · {lead}" if lead else shown
        feed.add_item(
            title=article.title, link=link(base_url, url_of(article), info.path),
            description=lead, content=strip_pairs(article.content),
            pubdate=article.date, updateddate=article.date,
            author_name=byline(article, info.lang),
            unique_id=f"tag:{TAG_AUTHORITY}:{info.lang}/stories/{article.slug}")
    return feed.writeString("utf-8")


def byline(article: Any, lang: str) -> str | None:
    """The story's own byline (romanized in English; in zh-Hant its story file's Authors, which
    are in Traditional characters), or None: never the site's name."""
    if not article.metadata.get("authors"):
        return None
    if lang == "en":
        return article.digest.authors_en or None
    return ", ".join(a.name for a in getattr(article, "authors", [])) or None
