"""The staged search pages: what Pagefind indexes of each page of the site, and writing them.

A staged page is a small HTML document (its address, language, title and body: the text a
reader searches), so Pagefind need not wait for the site's real pages nor parse their chrome.
The conversion workers stage the stories from their Markdown as they write it (stage_stories);
pages.py makes the same documents from what Pelican read (content_documents, park_documents),
and search.SearchIndexer stages whatever differs before Pagefind runs.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Iterable, Optional

from ..build.files import holds
from ..stories.markdown import parse_story
from .content import SOURCE_LANG, bcp47, lang_prefix


@dataclass(frozen=True)
class SearchDocument:
    """What Pagefind indexes for one page of the site."""
    path: str  # the page's path under the output directory: "en/stories/x.html"
    lang: str  # BCP 47
    title: str  # plain text
    body: str  # HTML, already safe: the story's rendered body or Pelican's page content
    index: str = ""  # the index that holds it (search_index): "" for its language's own


# An id on anything but a heading: Pagefind records every id as an anchor, and the sentence ids
# of a story (one per sentence, for the fact box's links) made it index a third slower.
_NON_HEADING_ID = re.compile(r'(<(?!h[1-6][\s>])[a-z][a-z0-9]*\b[^>]*?)\s+id="[^"]*"')


# A link's target: not searched, and a page's intrasite links ({filename}…) are resolved only
# once Pelican has read all the content, later than the search index starts.
_HREF = re.compile(r'\s+href="[^"]*"')


def search_index(seed: str, shards: int) -> str:
    """The index that holds a page. One per language ("", its language's) unless the stories
    are split into `shards` parts: then "part-0" holds the parks and pages, and "part-1" to
    "part-<shards>" the stories, by seed file, so that a seed edited re-indexes one part. A
    part holds every language, as a bundle can: a search page loads its own language's index
    from each. A digest, not hash(): the same in every process and every build; not crc32,
    whose low bits are alike for names that differ in one letter."""
    if shards <= 1:
        return ""
    if not seed:
        return "part-0"
    return f"part-{1 + int.from_bytes(hashlib.sha256(seed.encode('utf-8')).digest()[:8], 'big') % shards}"


def index_name(doc: SearchDocument) -> str:
    """The index's folder, for its staged pages and for its bundle: "zh-hans", "part-2"."""
    return doc.index or doc.lang.lower()


def staged_name(doc: SearchDocument) -> str:
    """Where a page is staged: below its index's folder, each index being built on its own
    ("zh-hant/zh-hant/stories/x.html": the folder, then the page's path in the site)."""
    return f"{index_name(doc)}/{doc.path}"


# What the search leaves out (search.EXCLUDE_SELECTORS: the Chinese beside the English, and text
# not yet translated), dropped already where it is in the form render.py writes, escaped text in
# one element: Pagefind need not parse it, and it is most of an English page. The selectors
# still apply to anything else.
_LEFT_OUT = (r'<p class="src"[^>]*>[^<]*</p>'
             r'|<p\b[^>]*\sdata-status="untranslated"[^>]*>(?:<span class="notice"[^>]*>[^<]*</span>)?[^<]*</p>')
_EXCLUDED = re.compile(rf'<div class="para"[^>]*>(?:{_LEFT_OUT})+</div>|{_LEFT_OUT}'
                       r'|<h2\b[^>]*\sdata-status="untranslated"[^>]*>[^<]*</h2>'
                       r'|<li\b[^>]*\sdata-status="untranslated"[^>]*>[^<]*</li>')


def document_html(doc: SearchDocument) -> str:
    """The staged page: Pagefind takes the result title from the h1 and the excerpt from the
    body; the h1 keeps the real page's id, and the body keeps its heading ids for sub-results."""
    body = _HREF.sub("", _NON_HEADING_ID.sub(r"\1", _EXCLUDED.sub("", doc.body)))
    return (f'<!DOCTYPE html><html lang="{escape(doc.lang)}"><head><meta charset="utf-8">'
            f"<title>{escape(doc.title)}</title></head><body><main data-pagefind-body>"
            f'<h1 id="title">{escape(doc.title)}</h1>\n{body}\n</main></body></html>\n')


def content_document(path: str, lang: str, title: str, body: str, park_name: str = "",
                     index: str = "") -> SearchDocument:
    """A story or page as the search indexes it; a story's park leads its text."""
    lead = f"<p>{escape(park_name)}</p>\n" if park_name else ""
    return SearchDocument(path, lang, title, lead + body, index)


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
    """What a conversion worker needs to stage its stories: the folder, their addresses and
    the number of parts the stories are indexed in (search_index)."""
    site: Path
    paths: StoryPaths
    shards: int = 1


def _story_fields(markdown: str) -> Optional[tuple[dict[str, str], str]]:
    """A generated story's metadata (first value of each field) and body, or None."""
    parsed = parse_story(markdown)
    if parsed is None:
        return None
    meta, body = parsed
    return {name: values[0] for name, values in meta.items()}, body


def _story_document(fields: dict[str, str], body: str, paths: StoryPaths,
                    shards: int) -> Optional[SearchDocument]:
    path = paths.path(fields)
    if path is None or "title" not in fields:
        return None
    return content_document(path, bcp47(fields.get("lang", paths.default_lang)), fields["title"], body,
                            fields.get("park_name", ""), search_index(fields.get("seed", ""), shards))


def story_document(markdown: str, paths: StoryPaths, shards: int = 1) -> Optional[SearchDocument]:
    """A generated story's search document, read from its Markdown as hooks.StoryReader reads
    it; None when it is not in the generated form or its address needs Pelican."""
    parsed = _story_fields(markdown)
    return None if parsed is None else _story_document(*parsed, paths, shards)


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


def document_digest(doc: SearchDocument) -> str:
    """What a staged page is made from (document_html is a function of it, and of the code,
    which the index's fingerprint covers): cheaper than the page, which is 20 MB at 300 pages.
    Without what the search leaves out, so that a sentence added to a story in Chinese, which
    its English page shows untranslated, leaves the English index as it is."""
    body = _EXCLUDED.sub("", doc.body)
    return hashlib.sha256("\0".join((doc.path, doc.lang, doc.title, body)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StagedStory:
    """What a park's search document needs of a story staged while converting; it has the
    attributes of Pelican's Article that site.group_parks reads."""
    slug: str
    lang: str
    title: str
    date: str  # as the Markdown gives it: ISO, so it sorts as Pelican's dates do
    metadata: dict


def stage_stories(markdown: Iterable[str], staging: Staging) -> tuple[dict[str, str], list[StagedStory]]:
    """Stage the stories a conversion worker has rendered (their Markdown texts). Returns the
    digest of each staged page by staged_name, for SearchIndexer to trust instead of writing it
    again, and the stories for the park documents."""
    digests, stories = {}, []
    for text in markdown:
        parsed = _story_fields(text)
        doc = None if parsed is None else _story_document(*parsed, staging.paths, staging.shards)
        if doc is None:
            continue
        name = staged_name(doc)
        stage_file(staging.site / name, document_html(doc).encode("utf-8"))
        digests[name] = document_digest(doc)
        fields = parsed[0]
        stories.append(StagedStory(fields.get("slug", ""), fields.get("lang", staging.paths.default_lang), doc.title,
                                   fields.get("date", ""),
                                   {k: fields[k] for k in ("park", "park_zh", "park_en", "parks_more") if k in fields}))
    return digests, stories


@dataclass(frozen=True)
class StagedRecord:
    """A page's staged stories, kept in the conversion cache: each staged file as it was left
    (name, digest, size, modification time), and the stories."""
    files: tuple[tuple[str, str, int, int], ...]
    stories: tuple[StagedStory, ...]


def stage_page(markdown: Iterable[str], staging: Staging, cache: Any, key: str,
               source: Path) -> tuple[dict[str, str], list[StagedStory]]:
    """stage_stories for one page's stories (cached under `key` in `cache`, a ConversionCache)
    through the cache: a record whose files are all as it left them stands for staging them
    again, which would parse every story and read its staged page, on every build."""
    record_key = cache.derived_key(key, f"staged\0{staging.site}\0{staging.paths}\0{staging.shards}")
    record = cache.load(record_key, StagedRecord)
    if record is not None and all(_untouched(staging.site / name, size, mtime)
                                  for name, _, size, mtime in record.files):
        return {name: digest for name, digest, _, _ in record.files}, list(record.stories)
    digests, stories = stage_stories(markdown, staging)
    files = []
    for name, digest in digests.items():
        info = (staging.site / name).stat()
        files.append((name, digest, info.st_size, info.st_mtime_ns))
    cache.store(record_key, StagedRecord(tuple(files), tuple(stories)), source)
    return digests, stories


def _untouched(path: Path, size: int, mtime_ns: int) -> bool:
    try:
        info = path.stat()
    except FileNotFoundError:
        return False
    return (info.st_size, info.st_mtime_ns) == (size, mtime_ns)


def content_documents(items: Iterable[Any], languages: Iterable[str], shards: int = 1) -> list[SearchDocument]:
    """Stories and pages in the site's languages: anything with the attributes of Pelican's
    Content (save_as, lang, title, _content, metadata). The content as read, before Pelican
    resolves its links: staged pages leave link targets out, and a page read before Pelican
    reads the rest (hooks.read_pages) cannot have them resolved."""
    wanted = set(languages)
    return [content_document(item.save_as, bcp47(item.lang), item.title, item._content,
                             item.metadata.get("park_name", ""), search_index(item.metadata.get("seed", ""), shards))
            for item in items if bcp47(item.lang) in wanted]


def park_documents(parks: Iterable[Any], languages: Iterable[str], shards: int = 1) -> list[SearchDocument]:
    """Each park (site.ParkEntry) in each language: its names, its place, its stories' titles."""
    docs = []
    for park in parks:
        for lang in languages:
            other, other_lang = (park.name_zh, SOURCE_LANG) if lang == "en" else (park.name_en, "en")
            titles = "".join(f"<li>{escape(story.title)}</li>" for story in park.stories.get(lang, []))
            docs.append(SearchDocument(
                f"{lang_prefix(lang)}parks/{park.slug}.html", lang, park.name(lang),
                f'<p lang="{other_lang}">{escape(other)}</p><p>{escape(park.place(lang))}</p><ul>{titles}</ul>',
                search_index("", shards)))
    return docs
