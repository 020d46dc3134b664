"""One story in one language → its story file (markdown.write_story): the body's HTML blocks,
seed text escaped so that it stays text (a `<script>` or a `{filename}` in a seed shows as the
characters it is), every paragraph and Chinese sentence with an anchor the fact box links to,
the other languages' text beside it for the bilingual reading, and the StoryMeta of its title,
lead, park, figures and doubtful figures.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any, Optional, Sequence

from ..figures.factbox import box_rows, format_value
from ..figures.period_display import format_period
from ..languages.variants import LocalizedStory, Text
from ..model import Fact, FigureCheck
from ..parse.names import romanize_name
from ..parse.normalize import split_sentences
from ..parse.read import converter
from .cut import cut_inside, cut_text, sentences_of
from .markdown import CheckEntry, FactEntry, LangText, ParkRef, StoryMeta, escape, write_story

STATUS_ORDER = ("untranslated", "outdated", "machine", "reviewed")


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


def check_entry(check: FigureCheck, lang: str, config: str) -> CheckEntry:
    if lang == "en":
        note = check.note_en
    else:
        note = converter(config).convert(check.note_zh) if lang == "zh-Hant" else check.note_zh
    anchor = f"p{check.block}" if isinstance(check.block, int) else "title"
    return CheckEntry(check.kind, check.text, anchor, note)


def check_html(check: CheckEntry) -> str:
    """A doubtful figure's note, under the paragraph that prints it (in the page's language)."""
    return (f'<p class="check-note" role="note" data-check="{escape(check.kind)}">'
            f'<span aria-hidden="true">⚠ </span>{escape(check.note)}</p>')


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
    """The first sentence's opening clauses, cut between clauses (a clause too long for a title
    as cut.cut_inside cuts it), with … where text was left out."""
    sentence = split_sentences(text)[0] if text else ""
    whole = sentence.rstrip("。！？.!? ")
    limit = _SHOWN.get(lang, 24)
    clauses = [c for c in _CLAUSE.split(whole) if c]
    shown = clauses[0] if clauses else ""
    for clause in clauses[1:]:  # a date or a place alone says nothing: take the next clause too
        if len(shown) + len(clause) > (limit if len(shown) >= limit // 2 else 2 * limit):
            break
        shown += clause
    shown = shown.rstrip("，；：、,;: ")
    if len(shown) > (limit + 20 if lang == "en" else 2 * limit):
        first = len(clauses[0])  # a first clause too short to say anything is kept whole, with more
        cut = cut_inside(shown, limit, lang, floor=first + 1 if first < limit // 2 else None)
        if cut.endswith("…"):
            return cut
    return shown + ("…" if shown != whole else "")


# A teaser's length: two or three lines of a list.
_LEAD_LIMIT = {"en": 280}  # characters; Chinese: 120


def lead_text(local: LocalizedStory) -> str:
    """The teaser: the first paragraph's opening sentences, cut as cut.cut_text cuts; a story
    continued from another page leaves out the tail of the sentence begun there."""
    first = next((t for kind, t in local.body if kind == "paragraph"), None)
    if first is None:
        return ""
    lang = first.lang
    sentences = sentences_of(first.text, lang)
    if local.story.kind == "fragment" and len(sentences) > 1:
        sentences = sentences[1:]
    text = ("" if lang != "en" else " ").join(s.strip() for s in sentences)
    return cut_text(text, _LEAD_LIMIT.get(lang, 120), lang, sentences)


def story_meta(local: LocalizedStory, available: tuple[str, ...], config: str,
               pairs: Sequence[LocalizedStory] = ()) -> StoryMeta:
    """The StoryMeta of one story in one language (`pairs`: in the other languages)."""
    story, title = local.story, display_title(local)
    park, park_name = story.park, ""
    if park:
        park_name = local.park_name.text if local.park_name else park.name_zh
    headings = frozenset(i for i, item in enumerate(story.body) if item.type == "heading")
    body_sources = [item.text for item in story.body]
    own = park.slug if park else ""
    slugs = {p.name_zh: p.slug for p in story.parks}  # a figure names its park in Chinese
    doubts: dict[tuple, tuple[str, ...]] = {}  # a figure the checks flag: (block, as printed) → kinds
    for check in story.checks:
        doubts[(check.block, check.text)] = (*doubts.get((check.block, check.text), ()), check.kind)
    beside = {row.index: tuple(_in_script(text, local.lang, config) for _, text in row.beside)
              for row in box_rows(story.facts, [""] * len(story.facts), local.lang)}
    return StoryMeta(
        kind=story.kind, seed=story.seed_file, lines=tuple(story.span), source=story.source,
        date_precision=date_precision(story.date), date_inferred=story.date_inferred,
        title_inferred=local.title is None, title_lang=title.lang, text_status=local.status,
        languages=tuple(available), engines=tuple(sorted({t.engine for t in local.units() if t.engine})),
        lead=lead_text(local), authors_en=", ".join(romanize_name(a) for a in story.authors),
        park=park.slug if park else "", park_name=park_name, park_zh=park.name_zh if park else "",
        park_en=park.name_en if park else "", parks_mentioned=tuple(story.parks_mentioned),
        parks_more=tuple(ParkRef(p.slug, p.name_zh, p.name_en) for p in story.parks if p.slug != own),
        title_pairs=tuple(LangText(other.lang, other.title.text) for other in pairs
                          if other.title and other.title.status != "untranslated" and not (
                              local.lang == "en" and local.title and local.title.status == "untranslated")),
        facts=tuple(fact_entry(fact, label.text, local, body_sources, config, headings,
                               park=slugs.get(fact.park or "", own) if slugs.get(fact.park or "", own) != own else "",
                               doubtful=doubts.get((fact.block, fact.surface), ()), beside=beside.get(index, ()))
                    for index, (fact, label) in enumerate(zip(story.facts, local.fact_labels))),
        checks=tuple(check_entry(check, local.lang, config) for check in story.checks))


def render_story(local: LocalizedStory, available: tuple[str, ...], config: str = "s2tw",
                 pairs: Sequence[LocalizedStory] = ()) -> str:
    """The Markdown file of one story in one language; `pairs`, the story in the other languages,
    give every title, heading and paragraph its text in those (the bilingual reading)."""
    story = local.story
    meta = story_meta(local, available, config, pairs)
    headers = {"Title": display_title(local).text, "Slug": story.id, "Lang": local.lang.lower(),
               "Langdir": local.lang.lower(),  # Pelican compares languages in lower case
               "Date": first_day(story.date)}
    if story.authors:
        headers["Authors"] = ", ".join(local.authors or story.authors)
    notes: dict[str, list[CheckEntry]] = {}
    for check in meta.checks:
        notes.setdefault(check.anchor, []).append(check)
    html = [check_html(check) for check in notes.get("title", [])]
    for index, (kind, unit) in enumerate(local.body):
        others = [other.body[index][1] for other in pairs if index < len(other.body)]
        html.append(_paragraph_html(kind, unit, index, local.lang, others))
        html += [check_html(check) for check in notes.get(f"p{index}", [])]
    if local.captions:
        items = "".join(f"<li{_attrs(c, local.lang)}>{escape(c.text)}</li>" for c in local.captions)
        html.append(f'<ul class="captions">{items}</ul>')
    return write_story(headers, meta, "\n\n".join(html))


def first_day(iso: Optional[str]) -> str:
    """Pelican needs a whole date: a story known to the month sorts on its first day, and
    StoryMeta.date_precision says what the templates and feeds may show."""
    if not iso:
        return "1970-01-01"
    return iso + "-01" * (2 - iso.count("-"))


def date_precision(iso: Optional[str]) -> str:
    return ("year", "month", "day")[iso.count("-")] if iso else "unknown"


def _anchor_text(local: LocalizedStory, anchor: str) -> str:
    """The text a fact's anchor points at, in the story's language."""
    match = _ANCHOR.fullmatch(anchor)
    if not match:
        return display_title(local).text
    unit = local.body[int(match.group(1))][1]
    if match.group(2) is not None and int(match.group(2)) < len(unit.sentences):
        return unit.sentences[int(match.group(2))]
    return unit.text


_ANCHOR = re.compile(r"p(\d+)(?:s(\d+))?")


def fact_entry(fact: Fact, label: str, local: LocalizedStory, body_sources: list[str], config: str,
               headings: frozenset[int] = frozenset(), **story_fields: Any) -> FactEntry:
    """`story_fields`: what the story around the figure settles (park, doubtful, beside)."""
    anchor = fact_anchor(fact, body_sources, local.lang, headings)
    return FactEntry(label=label, figure=_fact_value(fact, local.lang, config), anchor=anchor,
                     value=fact.value, value_max=fact.value_max, unit=fact.unit, qualifier=fact.qualifier,
                     box=fact.in_box, sentence=_anchor_text(local, anchor), indicator=fact.indicator,
                     change=fact.change, change_of=fact.change_of, share_of=fact.share_of,
                     period=fact.period, period_inferred=fact.period_inferred, labelled=fact.labelled,
                     period_text=format_period(fact.period, local.lang), **story_fields)


def _fact_value(fact: Fact, lang: str, config: str) -> str:
    return _in_script(format_value(fact, lang), lang, config)


def _in_script(text: str, lang: str, config: str) -> str:
    return converter(config).convert(text) if lang == "zh-Hant" else text
