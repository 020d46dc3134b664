"""A story's Markdown file, written here and read back here: the one schema of a story.

The header holds Pelican's own fields (Title, Slug, Lang, Langdir, Date, Authors) and one more,
`Digest:`, a line of JSON with everything else (StoryMeta: kind, provenance, park, flags, every
figure with its label, anchor and sentence). The body is HTML blocks (compose.py makes them).

write_story() makes the file, read_story() reads it back; the Pelican reader hangs the StoryMeta
on the article as `article.digest`, and the templates, feeds, tables, search and data files read
it there. Adding a story field is one change: give StoryMeta (or FactEntry) the field with a
default and set it in compose.story_meta() (or compose.fact_entry()); JSON, reading and caching
follow.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from html import escape as _escape
from typing import Any, Optional

from ..model import Provenance

_META_UNSAFE = re.compile(r"[\r\n\u2028\u2029]+")
# Python-Markdown's meta extension reads a header line so (read_story reads it the same way).
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_BODY_BLOCK = re.compile(r"<(?:p|h2|div|ul)[ >][^\n]*>")
DIGEST = "digest"  # the header field that holds StoryMeta, and the article's attribute


@dataclass(frozen=True)
class FactEntry:
    """One figure of a story, in the file's language."""
    label: str
    figure: str  # as displayed in the page's language
    anchor: str  # id of the sentence (zh) or paragraph (en) it stands in, or "title"
    value: float
    value_max: Optional[float] = None  # upper end of a range
    unit: str = ""
    qualifier: str = "exact"
    box: bool = False  # shown in the story's fact box
    sentence: str = ""  # the text at the anchor, in the page's language
    park: str = ""  # slug of the figure's park when it is not the story's (a round-up)
    # What it measures (INDICATORS.md): the key-indicator tables, charts, comparison and data read these.
    indicator: Optional[str] = None
    change: Optional[str] = None  # yoy | mom | vs_period
    change_of: Optional[int] = None  # index in the story's facts of the level that changed
    share_of: Optional[str] = None
    period: Optional[str] = None  # normalised: 2025, 2025-01/2025-08, ≤2025-12, target:2027 …
    period_inferred: bool = False
    labelled: bool = True  # False: no clean label, so in no box, chart or comparison
    doubtful: tuple[str, ...] = ()  # kinds of the checks that flag it (malformed, implausible, sum_mismatch)
    # As the fact box shows it, in the page's language: the period, and the changes and shares
    # printed beside the level ("up 39.5% year on year").
    period_text: str = ""
    beside: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParkRef:
    slug: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class LangText:
    lang: str
    text: str


@dataclass(frozen=True)
class CheckEntry:
    """A doubtful figure, as its note under the paragraph shows it (figures/checks.py)."""
    kind: str  # malformed | implausible | sum_mismatch
    figure: str  # as printed
    anchor: str  # the paragraph it stands in (p3), or "title"
    note: str  # in the page's language


@dataclass(frozen=True)
class StoryMeta:
    """Everything a page, feed, table or index shows of a story beyond Pelican's own fields."""
    kind: str = "article"
    seed: str = ""  # the seed file the story comes from
    lines: tuple[int, ...] = ()  # first and last line in it
    source: Provenance = Provenance()  # the publication, from the sidecar or a masthead line
    date_precision: str = "unknown"  # day | month | year | unknown: Pelican's date is whole
    date_inferred: bool = False
    title_inferred: bool = False
    title_lang: str = ""  # the title's language (an untranslated title is Chinese)
    text_status: str = "source"  # the weakest status of the text: see variants.LocalizedStory
    languages: tuple[str, ...] = ()  # the languages the site has the story in
    engines: tuple[str, ...] = ()  # machine translation engines behind the text
    lead: str = ""
    authors_en: str = ""
    park: str = ""  # slug
    park_name: str = ""  # in the page's language
    park_zh: str = ""
    park_en: str = ""
    parks_more: tuple[ParkRef, ...] = ()  # the other parks it gives figures for: on their pages too
    parks_mentioned: tuple[str, ...] = ()
    title_pairs: tuple[LangText, ...] = ()  # the title in the other languages, for bilingual reading
    facts: tuple[FactEntry, ...] = ()
    checks: tuple[CheckEntry, ...] = ()

    @property
    def date_unknown(self) -> bool:
        return self.date_precision == "unknown"

    @property
    def fact_box(self) -> tuple[FactEntry, ...]:
        return tuple(fact for fact in self.facts if fact.box)


# Fields holding a dataclass, or a tuple of them (a list in the JSON).
_NESTED = {"facts": FactEntry, "parks_more": ParkRef, "title_pairs": LangText, "checks": CheckEntry,
           "source": Provenance}


def meta_json(meta: StoryMeta) -> str:
    """One line of JSON (line separators escaped, as a header line must not break)."""
    text = json.dumps(meta, default=_fields, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _fields(value: Any) -> dict:
    """A dataclass as the mapping of its fields, for json.dumps, whose C encoder does the
    tuples and leaves itself (walking them in Python was most of meta_json's time)."""
    if not hasattr(value, "__dataclass_fields__"):
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return {name: getattr(value, name) for name in value.__dataclass_fields__}


@lru_cache(maxsize=None)
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _decode(cls: type, data: Any) -> Any:
    names = _field_names(cls)
    if not isinstance(data, dict) or not set(data) <= names:
        raise ValueError(f"not a {cls.__name__}: {sorted(set(data) - names) if isinstance(data, dict) else data!r}")
    values = {}
    for name, value in data.items():
        if name in _NESTED and isinstance(value, list):
            value = tuple(_decode(_NESTED[name], item) for item in value)
        elif name in _NESTED:
            value = _decode(_NESTED[name], value)
        elif isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return cls(**values)


def read_meta(text: str) -> StoryMeta:
    """The inverse of meta_json; ValueError when the JSON is not a StoryMeta."""
    return _decode(StoryMeta, json.loads(text))


def escape(text: str) -> str:
    """HTML text that stays on one line: a body block is one line of the file (read_story), and
    a line break in a seed or a translation (a form feed is one) renders as the same space."""
    return _escape(text).replace("\r", "&#13;").replace("\n", "&#10;")


def _meta(value: str) -> str:
    return _META_UNSAFE.sub(" ", value).strip()


def write_story(headers: dict[str, str], meta: StoryMeta, body: str) -> str:
    """A story file: Pelican's header fields, the Digest line, a blank line and the body."""
    lines = [f"{name}: {_meta(value)}" for name, value in headers.items()]
    lines.append(f"{DIGEST.capitalize()}: {meta_json(meta)}")
    return "\n".join(lines) + "\n\n" + body + "\n"


@dataclass(frozen=True)
class StoryFile:
    headers: dict[str, str]  # Pelican's fields, by lower-case name
    meta: StoryMeta
    body: str  # HTML


def read_story(text: str) -> Optional[StoryFile]:
    """The inverse of write_story, or None when the text has no Digest line (not a generated
    story: Markdown reads it). Reading the body directly skips the costliest part of reading (a
    Markdown instance and a parse per file); Markdown would pass these blocks through untouched.
    ValueError when a file with a Digest line is not as write_story writes it: never read as
    Markdown, which would leave the Digest a string."""
    head, _, body = text.partition("\n\n")
    headers: dict[str, str] = {}
    bad = []
    for line in head.split("\n"):
        match = _META_LINE.match(line)
        if not match or match.group("key").lower() in headers:
            bad.append(line)
        else:
            headers[match.group("key").lower()] = match.group("value").strip()
    if DIGEST not in headers:
        return None
    blocks = [block.strip("\n") for block in body.split("\n\n") if block.strip()]
    bad += [block for block in blocks if not _BODY_BLOCK.fullmatch(block)]
    if bad:
        raise ValueError(f"not a line of a story file: {bad[0][:80]!r}")
    return StoryFile(headers, read_meta(headers.pop(DIGEST)), "\n".join(blocks))
