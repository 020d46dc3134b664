"""LocalizedStory → one Markdown file (Pelican metadata header + body).

The body is written as HTML blocks: seed text is escaped and so stays text (a `<script>`, a
Markdown link or a `{filename}` marker in a seed shows as the characters it is), and every
paragraph and sentence gets an anchor the fact box can link to. Every figure travels as
`Facts:` metadata, one readable line each (see FACT_COLUMNS); the park pages tabulate them
all, the story's fact box shows those marked `box`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from html import escape
from itertools import accumulate
from typing import Optional, Sequence

from ..figures.factbox import format_value
from ..model import Fact, FigureCheck
from ..parse.read import converter
from ..parse.names import romanize_name
from ..parse.normalize import split_sentences
from ..languages.variants import LocalizedStory, Text

_META_UNSAFE = re.compile(r"[\r\n\u2028\u2029]+")
# Python-Markdown's meta extension, line by line (parse_story reads the header as it does).
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BODY_BLOCK = re.compile(r"<(?:p|h2|div|ul)[ >][^\n]*>")
STATUS_ORDER = ("untranslated", "outdated", "machine", "reviewed")
FACT_COLUMNS = ("label", "figure", "anchor", "value", "unit", "qualifier", "box")
# …and an eighth, the slug of the figure's park, when it is not the story's (a round-up).


def _meta(value: str) -> str:
    return _META_UNSAFE.sub(" ", value).replace("|", "¦").strip()


def sentence_index(text: str, offset: int) -> int:
    ends = _sentence_ends(text)
    index = bisect_right(ends, offset)  # the first sentence ending after the offset
    return index if index < len(ends) else 0


@lru_cache(maxsize=256)  # every figure of a paragraph, in each Chinese variant, asks again
def _sentence_ends(text: str) -> tuple[int, ...]:
    return tuple(accumulate(map(len, split_sentences(text))))


def fact_anchor(fact: Fact, story_body_texts: list[str], lang: str,
                headings: frozenset[int] = frozenset()) -> str:
    """Id of the figure's sentence (zh), else of its paragraph or heading (which have no sentence spans)."""
    if fact.block == "title" or not isinstance(fact.block, int) or fact.block >= len(story_body_texts):
        return "title"
    if lang == "en" or fact.block in headings:
        return f"p{fact.block}"
    return f"p{fact.block}s{sentence_index(story_body_texts[fact.block], fact.start)}"


def _attrs(unit: Text, page_lang: str) -> str:
    lang = f' lang="{unit.lang}"' if unit.lang != page_lang else ""
    status = f' data-status="{unit.status}"' if unit.status in STATUS_ORDER else ""
    return lang + status


def _sentences_html(unit: Text, anchor: str) -> str:
    """Chinese paragraphs get one anchored span per sentence, for the fact box to link to."""
    if not unit.sentences:
        return escape(unit.text)
    return "".join(f'<span class="s" id="{anchor}s{i}">{escape(t)}</span>' for i, t in enumerate(unit.sentences))


# The other languages' text of a unit, hidden until the reader asks for the bilingual reading
# (theme: the #bilingual modes); never in a feed (strip_pairs) nor in this language's search index.
_PAIR = re.compile(r'<p class="src" lang="[^"]+"[^>]*>[^<]*</p>')


def _pair_html(pairs: list[Text]) -> str:
    out = []
    for pair in pairs:
        status = f' data-status="{pair.status}"' if pair.status in ("machine", "outdated") else ""
        out.append(f'<p class="src" lang="{pair.lang}"{status}>{escape(pair.text)}</p>')
    return "".join(out)


def strip_pairs(html: str) -> str:
    """A story's HTML without the other languages' text (for feeds)."""
    return _PAIR.sub("", html)


def _paragraph_html(kind: str, unit: Text, index: int, page_lang: str, pairs: list[Text]) -> str:
    """One body block; `pairs` is the same unit in the other languages, for bilingual reading."""
    anchor = f"p{index}"
    pairs = [p for p in pairs if p.status != "untranslated" and p.text]
    if page_lang == "en" and unit.status == "untranslated":
        pairs = []  # the Chinese is on the page already
    if kind == "heading":
        heading = f'<h2 id="{anchor}"{_attrs(unit, page_lang)}>{escape(unit.text)}</h2>'
        return f'<div class="pair">{heading}{_pair_html(pairs)}</div>' if pairs else heading
    if page_lang == "en":
        notice = ""
        if unit.status == "untranslated":
            notice = '<span class="notice" lang="en">Not yet translated. The Chinese original: </span>'
        main = f'<p class="t"{_attrs(unit, page_lang)}>{notice}{escape(unit.text)}</p>'
        return f'<div class="para" id="{anchor}">{main}{_pair_html(pairs)}</div>'
    paragraph = f'<p id="{anchor}"{_attrs(unit, page_lang)}>{_sentences_html(unit, anchor)}</p>'
    return f'<div class="pair">{paragraph}{_pair_html(pairs)}</div>' if pairs else paragraph


def check_html(check: FigureCheck, lang: str, config: str) -> str:
    """A doubtful figure's note, under the paragraph that prints it."""
    if lang == "en":
        text, note_lang = check.note_en, "en"
    else:
        text = converter(config).convert(check.note_zh) if lang == "zh-Hant" else check.note_zh
        note_lang = lang
    attrs = f' lang="{note_lang}"' if note_lang != lang else ""
    return (f'<p class="check-note" role="note" data-check="{check.kind}"{attrs}>'
            f'<span aria-hidden="true">⚠ </span>{escape(text)}</p>')


# An excerpt without a headline is shown with a marker a reader cannot take for the paper's own
# headline, followed by the opening clauses of its text.
_UNTITLED = {"zh-Hans": ("图片新闻", "无标题"), "zh-Hant": ("圖片新聞", "無標題"), "en": ("Photo", "Untitled")}
_CLAUSE = re.compile(r"(?<=[，；：、])|(?<=[,;:] )")
_SHOWN = {"en": 70}  # characters of the opening shown; Chinese: 24


def display_title(local: LocalizedStory) -> Text:
    if local.title:
        return local.title
    first = next((t for kind, t in local.body if kind == "paragraph"), None)
    if first is None:
        return Text("—", local.lang)
    photo, untitled = _UNTITLED.get(first.lang, _UNTITLED["zh-Hans"])
    marker = photo if local.story.kind == "photo_news" else untitled
    separator = ": " if first.lang == "en" else "："
    return Text(marker + separator + opening_clauses(first.text, first.lang), first.lang, first.status,
                first.engine, first.source)


def opening_clauses(text: str, lang: str) -> str:
    """The first sentence's opening clauses, cut only between clauses (an English clause too
    long for a title between words), with … where text was left out."""
    sentence = split_sentences(text)[0] if text else ""
    whole = sentence.rstrip("。！？.!? ")
    limit = _SHOWN.get(lang, 24)
    clauses = [c for c in _CLAUSE.split(whole) if c]
    shown = clauses[0] if clauses else ""
    for clause in clauses[1:]:  # a date or a place alone says nothing: take the next clause too
        if len(shown) + len(clause) > (limit if len(shown) >= limit // 2 else 2 * limit):
            break
        shown += clause
    if lang == "en" and len(shown) > limit + 20:
        shown = shown[:limit].rsplit(" ", 1)[0]
    shown = shown.rstrip("，；：、,;: ")
    return shown + ("…" if shown != whole else "")


def lead_text(local: LocalizedStory, limit: int = 140) -> str:
    first = next((t for kind, t in local.body if kind == "paragraph"), None)
    if first is None:
        return ""
    text = first.text
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_story(local: LocalizedStory, available: tuple[str, ...], config: str = "s2tw",
                 pairs: Sequence[LocalizedStory] = ()) -> str:
    """The Markdown file of one story in one language; `pairs`, the story in the other languages,
    give every title, heading and paragraph its text in those (the bilingual reading)."""
    story = local.story
    title = display_title(local)
    body_sources = [item.text for item in story.body]
    lines = [
        f"Title: {_meta(title.text)}",
        f"Slug: {story.id}",
        f"Lang: {local.lang.lower()}",  # Pelican compares languages in lower case
        f"Langdir: {local.lang.lower()}",
        f"Date: {first_day(story.date)}",
    ]
    if story.authors:
        lines.append(f"Authors: {_meta(', '.join(local.authors or story.authors))}")
        lines.append(f"Authors_en: {_meta(', '.join(romanize_name(a) for a in story.authors))}")
    lines += [
        f"Kind: {story.kind}",
        f"Seed: {_meta(story.seed_file)}",
        f"Lines: {story.span[0]}-{story.span[1]}",
        f"Date_inferred: {'yes' if story.date_inferred else 'no'}",
        f"Date_unknown: {'yes' if story.date is None else 'no'}",
        f"Date_precision: {date_precision(story.date)}",
        f"Title_inferred: {'yes' if local.title is None else 'no'}",
        f"Title_lang: {title.lang}",
        f"Text_status: {local.status}",
        f"Languages: {', '.join(available)}",
        f"Lead: {_meta(lead_text(local))}",
    ]
    engines = sorted({t.engine for t in local.units() if t.engine})
    if engines:
        lines.append(f"Engines: {', '.join(engines)}")
    if story.source.label():
        lines.append(f"Source: {_meta(story.source.label())}")
    if story.source.url:
        lines.append(f"Source_url: {_meta(story.source.url)}")
    if story.park:
        park = story.park
        name = local.park_name.text if local.park_name else park.name_zh
        lines += [f"Park: {park.slug}", f"Park_name: {_meta(name)}", f"Park_zh: {park.name_zh}",
                  f"Park_en: {_meta(park.name_en)}"]
    others = [p for p in story.parks if story.park is None or p.slug != story.park.slug]
    if others:  # the other parks it gives figures for: the story is on their pages too
        lines.append("Parks_more: " + "; ".join(f"{p.slug}|{_meta(p.name_zh)}|{_meta(p.name_en)}" for p in others))
    if story.facts:
        headings = frozenset(i for i, item in enumerate(story.body) if item.type == "heading")
        slugs = {p.name_zh: p.slug for p in story.parks}
        own = story.park.slug if story.park else ""
        rows = [fact_line(fact, label.text, local.lang, body_sources, config, headings,
                          slugs.get(fact.park or "", own) if slugs.get(fact.park or "", own) != own else "")
                for fact, label in zip(story.facts, local.fact_labels)]
        lines.append("Facts: " + "\n    ".join(rows))
    for other in pairs:  # Title_zh_hans: …, for the title's pair beside the page's own
        if other.title and other.title.status != "untranslated" and not (
                local.lang == "en" and local.title and local.title.status == "untranslated"):
            lines.append(f"Title_{other.lang.lower().replace('-', '_')}: {_meta(other.title.text)}")
    notes: dict[object, list[FigureCheck]] = {}
    for check in story.checks:
        notes.setdefault(check.block, []).append(check)
    html = [check_html(check, local.lang, config) for check in notes.get("title", [])]
    for index, (kind, unit) in enumerate(local.body):
        others = [other.body[index][1] for other in pairs if index < len(other.body)]
        html.append(_paragraph_html(kind, unit, index, local.lang, others))
        html += [check_html(check, local.lang, config) for check in notes.get(index, [])]
    if local.captions:
        items = "".join(f"<li{_attrs(c, local.lang)}>{escape(c.text)}</li>" for c in local.captions)
        html.append(f'<ul class="captions">{items}</ul>')
    return "\n".join(lines) + "\n\n" + "\n\n".join(html) + "\n"


def first_day(iso: Optional[str]) -> str:
    """Pelican needs a whole date: a story known to the month sorts on its first day, and
    Date_precision says what the templates and feeds may show."""
    if not iso:
        return "1970-01-01"
    return iso + "-01" * (2 - iso.count("-"))


def date_precision(iso: Optional[str]) -> str:
    return ("year", "month", "day")[iso.count("-")] if iso else "unknown"


def fact_line(fact: Fact, label: str, lang: str, body_sources: list[str], config: str,
              headings: frozenset[int] = frozenset(), park: str = "") -> str:
    """One `Facts:` line in FACT_COLUMNS order, then the figure's park when it is not the
    story's; a range is written `low–high` in the value."""
    value = plain_number(fact.value)
    if fact.value_max is not None:
        value += "–" + plain_number(fact.value_max)
    cells = (_meta(label), _meta(_fact_value(fact, lang, config)), fact_anchor(fact, body_sources, lang, headings),
             value, fact.unit, fact.qualifier, "box" if fact.in_box else "-") + ((park,) if park else ())
    return " | ".join(cells)


def plain_number(value: float) -> str:
    """886000000 rather than 886000000.0 or 8.86e+08: exact and easy to read back."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _fact_value(fact: Fact, lang: str, config: str) -> str:
    value = format_value(fact, lang)
    return converter(config).convert(value) if lang == "zh-Hant" else value


def parse_story(text: str) -> Optional[tuple[dict[str, list[str]], str]]:
    """The inverse of render_story: (metadata as Markdown's meta extension gives it, body HTML),
    or None when the text is not in that form. The body is raw HTML blocks, which Markdown
    passes through untouched; reading them directly skips the costliest part of a build's
    reading (a Markdown instance and an HTML parse per file)."""
    head, _, body = text.partition("\n\n")
    meta: dict[str, list[str]] = {}
    key = None
    for line in head.split("\n"):
        match = _META_LINE.match(line)
        if match:
            key = match.group("key").lower()
            meta.setdefault(key, []).append(match.group("value").strip())
            continue
        more = _META_MORE.match(line)
        if not (more and key):
            return None
        meta[key].append(more.group("value").strip())
    blocks = [block for block in body.split("\n\n") if block.strip()]
    if not meta or not all(_BODY_BLOCK.fullmatch(block.strip("\n")) for block in blocks):
        return None
    return meta, "\n".join(block.strip("\n") for block in blocks)
