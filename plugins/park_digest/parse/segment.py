"""Layout blocks → stories and discarded furniture.

A printed page gives few explicit signals of where one story ends and the next begins. The
rules here read them the way an editor would: a byline after the body closes a story; a headline
followed by a byline or by `本报讯` opens one; a marked heading of the title's rank or higher
opens one; a headline with nothing after it was printed after its body; a wide gap followed by a
news opener or another park's name starts an untitled item (photo news, a brief).
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Block, BodyItem, Discarded
from .drafts import PHOTO_CREDIT, PHOTO_TEXT_MAX, STORY_OPENER, Draft
from .names import inline_authors
from .layout import BRIEF_ITEM, BULLET_OPEN, COLUMN_ITEM
from .parks import PARK_PATTERN
from .layout import DOC_NUMBER, NUMBERED_HEAD
from .masthead import BRACKET_HEADLINE, BRACKET_LINE, NUMBERED_SUBHEAD
from .shape import EDITORS_NOTE

_NEWS_OPENER = re.compile(r"^(?:本报讯|近日|日前|目前|记者从|\d{1,2}月\d{1,2}日|[（(]?新华社|据悉)")
# `捷。“高新贷”…`: a page that opens on the tail of a sentence from another page.
_MID_SENTENCE_START = re.compile(r"^(?:[^。！？“‘「（(\s]{1,3}[。！？；]|[，、。；：！？）”’」』])")
# 【本报消息】, 【本报讯】, 【某某网讯】 opening a paragraph: a news item's dateline (a wire's 电 line
# may open a story's second paragraph too, so it is not one).
_BRACKET_DATELINE = re.compile(r"^[【\[][^】\]]{0,12}(?:讯|消息)[】\]]")
_PHOTO_ITEM_MIN = 30  # a caption that tells a news item, not a picture's title

# Furniture that ends the story above it: text after it is another item (an endless-scroll page
# runs the next story on under the editor's credit).
_CLOSING = ("section label", "editor credit line")


def _parks_in(text: str) -> set[str]:
    return {m.group(0)[-6:] for m in PARK_PATTERN.finditer(text)}


def _content_ahead(blocks: list[Block]) -> list[Optional[int]]:
    """For each position, the index of the first block at or after it that is neither caption nor
    furniture. Built once, so a page of thousands of captions stays linear."""
    ahead: list[Optional[int]] = [None] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        ahead[i] = i if blocks[i].kind not in ("caption", "furniture") else ahead[i + 1]
    return ahead


def _next_content(blocks: list[Block], ahead: list[Optional[int]], start: int) -> Optional[Block]:
    index = ahead[start] if start < len(ahead) else None
    return blocks[index] if index is not None else None


def segment_blocks(blocks: list[Block]) -> tuple[list[Draft], list[Discarded]]:
    drafts: list[Draft] = []
    discarded: list[Discarded] = []
    current: Optional[Draft] = None
    pending_captions: list[Block] = []
    ahead = _content_ahead(blocks)

    def start(**kwargs) -> Draft:
        nonlocal current, pending_captions
        current = Draft(**kwargs)
        drafts.append(current)
        for cap in pending_captions:
            current.captions.append(cap.text)
            current.caption_spans.append(cap.span)
        pending_captions = []
        return current

    continued = False  # a （上接A01版） line: the text below began on another page
    for i, block in enumerate(blocks):
        if block.kind == "furniture":
            discarded.append(Discarded(block.span, block.text, block.reason))
            if block.reason == "continuation line":
                continued = True
                if current is not None and current.has_body:
                    current.closed = True
            alone = i + 1 == len(blocks) or blocks[i + 1].span[0] > block.span[1]  # not cut out of a story line
            if block.reason in _CLOSING and alone and current is not None and current.has_body:
                current.closed = True  # 简讯 opens a new section; an editor's credit ends a web story
        elif block.kind == "advertisement":
            start(advertisement=True)  # the label (广告, （广告）) heads the advert: it is the advert's
            current.body.append(BodyItem("paragraph", block.text, block.span, block.parts))
        elif block.in_ad and not (current is not None and current.advertisement):
            start(advertisement=True, labelled=False)  # its lines were found by their contact line
            _add_to_advertisement(current, block)
        elif current is not None and current.advertisement and (current.labelled or block.in_ad):
            _add_to_advertisement(current, block)
        elif block.kind == "heading" and _EDITORS_NOTE_LABEL.match(block.text):
            if current is None or current.closed or current.has_body or current.title is not None:
                start()  # 编者按 on a line of its own: the note under it opens the next story
            current.body.append(BodyItem("paragraph", block.text, block.span, block.parts))
        elif block.kind == "heading":
            role = _heading_role(block, current, blocks, ahead, i)
            if role == "kicker":
                discarded.append(Discarded(block.span, block.text, "page slogan or kicker above a headline"))
            elif role == "late_title":
                current.title, current.title_span = block.text, block.span
                current.title_level, current.title_marked = block.level, block.marked
            elif role == "title" and current is not None and _only_editors_note(current):
                # 编者按 above a headline introduces that story
                current.title, current.title_span = block.text, block.span
                current.title_level, current.title_marked = block.level, block.marked
            elif role == "title":
                start(title=block.text, title_span=block.span, title_level=block.level,
                      title_marked=block.marked)
            else:
                current.body.append(BodyItem("heading", block.text, block.span, block.parts))
        elif block.kind == "byline":
            target = current if current is not None else start()
            target.authors.extend(a for a in block.authors if a not in target.authors)
            target.byline_spans.append(block.span)
            target.bylines.append(block.text)
            if target.has_body and not _under_late_title(target):
                target.closed = True
        elif block.kind == "caption":
            if current is not None and not current.closed and (_opens_item(blocks, ahead, i, current)
                                                               or _photo_item_after(block, current, None, caption=True)):
                start()
            if current is None or current.closed:
                pending_captions.append(block)
            else:
                current.captions.append(block.text)
                current.caption_spans.append(block.span)
        else:  # text
            credit = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].kind == "caption" else None
            if current is None or current.closed or _starts_new_item(block, current, credit):
                start()
                current.fragment = continued or bool(_MID_SENTENCE_START.match(block.text))
            elif not current.has_body and current.title is not None:
                current.fragment = continued or bool(_MID_SENTENCE_START.match(block.text))
            continued = False
            for author in inline_authors(block.text):
                if author not in current.authors:
                    current.authors.append(author)
            current.body.append(BodyItem("paragraph", block.text, block.span, block.parts))
    if pending_captions:
        target = current if current is not None else start()
        for cap in pending_captions:
            target.captions.append(cap.text)
            target.caption_spans.append(cap.span)
    kept = [d for d in drafts if d.body or d.title or d.captions]
    for draft in kept:
        _lift_bracket_headline(draft)
    for draft in drafts:  # a page of bylines alone: say so rather than drop them
        if not (draft.body or draft.title or draft.captions):  # not `in kept`: quadratic
            discarded += [Discarded(span, text, "byline with no story")
                          for span, text in zip(draft.byline_spans, draft.bylines)]
    return kept, discarded




def _under_late_title(draft: Draft) -> bool:
    """The byline stands under a headline set after the draft's text (an editor's note above
    it): the story's text is still to come."""
    return bool(draft.title_span and draft.body and draft.title_span[0] > draft.body[-1].span[1]
                and _only_editors_note(draft, titled=True))


_EDITORS_NOTE_LABEL = re.compile(r"^[【\[（(]?\s*编者按\s*[】\]）)]?\s*[：:]?$")


def _only_editors_note(draft: Draft, titled: bool = False) -> bool:
    """An untitled draft that holds only an editor's note (编者按：…) or a notice's document number
    (某管〔2025〕6号, printed above the title) waits for its headline."""
    paragraphs = [item for item in draft.body if item.type == "paragraph"]
    return ((draft.title is not None) == titled and not draft.closed and not draft.captions and bool(paragraphs)
            and all(item.type == "paragraph" for item in draft.body)
            and (bool(EDITORS_NOTE.match(paragraphs[0].text))
                 or (len(paragraphs) == 1 and bool(DOC_NUMBER.match(paragraphs[0].text)))))




def _lift_bracket_headline(draft: Draft) -> None:
    """A microblog post or a wire item with no headline line opens on its headline in 【】:
    that is its title (not a 【…讯】 dateline)."""
    if draft.title is not None or not draft.body or draft.body[0].type != "paragraph":
        return
    first = draft.body[0]
    found = BRACKET_HEADLINE.match(first.text) or (BRACKET_LINE.match(first.text) if len(draft.body) > 1 else None)
    if not found or STORY_OPENER.match(first.text) or found.group(1).endswith(("讯", "电")):
        return
    draft.title, draft.title_span = found.group(1), (first.span[0], first.span[0])
    first.text = first.text[found.end():].lstrip()
    if not first.text:  # 【headline】 on a line of its own
        draft.body.pop(0)


def _heading_role(block: Block, current: Optional[Draft], blocks: list[Block],
                  ahead: list[Optional[int]], index: int) -> str:
    """title | subheading | kicker | late_title for one heading."""
    nxt = _next_content(blocks, ahead, index + 1)
    if current is not None and current.title is None and current.has_body:
        # Nothing after it but the next item: a headline printed after its body. So too before
        # a news item on a page that ends on a headline: that page sets headlines after stories.
        if nxt is None or nxt.kind in ("advertisement", "heading"):
            return "late_title"
        if (not block.marked and (not current.captions or _news_with_picture(current)) and nxt.kind == "text"
                and _NEWS_OPENER.match(nxt.text) and _ends_on_headline(blocks)):
            return "late_title"
    if block.text.lstrip().startswith(("——", "--")) and current is not None and current.title is not None \
            and not current.has_body:
        return "subheading"  # ——来自某某高新区的调查: the headline's subtitle
    if (nxt is not None and nxt.kind == "heading" and NUMBERED_HEAD.match(block.text) and NUMBERED_HEAD.match(nxt.text)
            and current is not None and current.has_body and not current.closed):
        return "subheading"  # 1.… 2.… 3.…: the items of a list in the story, not an overline over a headline
    if nxt is not None and nxt.kind == "heading" and not (block.marked and nxt.marked and nxt.level > block.level) \
            and not nxt.text.lstrip().startswith(("——", "--")) \
            and not (NUMBERED_SUBHEAD.match(nxt.text.strip()) and not NUMBERED_SUBHEAD.match(block.text.strip())):
        # (a headline over the story's first numbered subhead, 01 主要指标, is no overline)
        if (current is None or current.closed) and _entry_title(block, blocks, ahead, index):
            return "title"
        # Two headlines in a row: the first is an overline, unless the second is its subheading.
        if current is None or current.closed or not current.has_body or _is_title_like(ahead[index + 1], blocks, ahead):
            return "kicker"
    if current is None or current.closed or current.advertisement or (_dated_below(blocks, index)
                                                                      and nxt is not None and nxt.kind == "text"):
        return "title"
    if not current.has_body and current.title is None:
        return "title"
    if nxt is not None and (nxt.kind == "byline" or (nxt.kind == "text" and STORY_OPENER.match(nxt.text))):
        return "title"  # a headline over its dateline (本报讯, 【本报消息】) opens a story
    if current.title is None:
        return "title"
    if block.marked and current.title_marked and block.level <= current.title_level:
        return "title"
    if block.marked and not current.title_marked:
        return "title"
    return "subheading"


# An encyclopedia entry's lead sentence opens on the entry's name: 宁德东侨经济技术开发区位于…
_DEFINES = re.compile(r"^(?:[（(，,]|是|位于|地处|为|系|简称|原名|又称|成立于|设立于|始建于)")
_ENTRY_NAME_MIN = 4
_ENTRY_PLACE_MAX = 6


def _entry_title(block: Block, blocks: list[Block], ahead: list[Optional[int]], index: int) -> bool:
    """An encyclopedia's title over its one-line descriptor (福建省省级经济开发区): the title is
    the line the lead sentence defines, the descriptor a subheading under it."""
    name = block.text.strip()
    after = ahead[index + 1]
    lead = _next_content(blocks, ahead, after + 1) if after is not None else None
    at = lead.text.find(name, 0, len(name) + _ENTRY_PLACE_MAX) if lead is not None and lead.kind == "text" else -1
    # the lead may name the entry with its city before it (福清融侨经济技术开发区 under 融侨经济技术开发区)
    return (len(name) >= _ENTRY_NAME_MIN and 0 <= at <= _ENTRY_PLACE_MAX
            and bool(_DEFINES.match(lead.text[at + len(name):])))


def _news_with_picture(draft: Draft) -> bool:
    """A 本报讯 story whose photo caption (■… 供图) stands between its text and its late headline:
    a news story carrying a picture, not a picture story waiting for the next item's headline."""
    first = next((item for item in draft.body if item.type == "paragraph"), None)
    return first is not None and bool(STORY_OPENER.match(first.text))


def _dated_below(blocks: list[Block], index: int) -> bool:
    """A headline with its own date line under it, and text under that, opens a story (a channel
    page's list of stories, each headline, date, text); a subheading carries no date, and a
    notice's signature and date end the page."""
    return index + 1 < len(blocks) and blocks[index + 1].reason == "source and date line"


def _ends_on_headline(blocks: list[Block]) -> bool:
    """Is the page's last item (adverts aside) a headline?"""
    last = next((b for b in reversed(blocks) if b.kind not in ("caption", "furniture") and not b.in_ad
                 and b.kind != "advertisement"), None)
    return last is not None and last.kind == "heading"


def _is_title_like(index: int, blocks: list[Block], ahead: list[Optional[int]]) -> bool:
    block = blocks[index]
    nxt = _next_content(blocks, ahead, index + 1)
    return bool(_parks_in(block.text)) or (nxt is not None and nxt.kind == "byline")


def _starts_new_item(block: Block, current: Draft, credit: Optional[Block] = None) -> bool:
    """Text after a wide gap that opens like news or names another park starts a new item."""
    if not current.has_body:
        return False
    if block.text.startswith("本报讯") or _BRACKET_DATELINE.match(block.text):
        return True  # 本报讯, 【本报消息】: each opens an item of its own
    if _photo_item_after(block, current, credit):
        return True
    first = next(item.text for item in current.body if item.type == "paragraph")
    if current.title is None and ((BRIEF_ITEM.match(block.text) and BRIEF_ITEM.match(first))
                                  or (block.reason == COLUMN_ITEM and BULLET_OPEN.match(first))):
        return True  # the next item of a news-in-brief column (■赣江新区 …, 【赣州经开区】…, ■ after 简讯)
    if block.gap_before < 2:
        return False
    return _differs(block.text, current)


def _photo_item_after(block: Block, current: Draft, credit: Optional[Block], caption: bool = False) -> bool:
    """`工人正在调试数控机床。（孙立 摄）` (or its credit on the line below) set apart under a
    本报讯 story: an untitled picture item of its own, since a news story's paragraphs carry no
    photographer's credit."""
    paragraphs = [item.text for item in current.body if item.type == "paragraph"]
    if not paragraphs or (caption and (len(block.text) < _PHOTO_ITEM_MIN or not re.search("[。，]", block.text))):
        return False  # a caption block: only a sentence-long one, not a picture's title
    credited = bool(PHOTO_CREDIT.search(block.text)) or (credit is not None and _bare_credit(credit.text))
    return (block.gap_before >= 1 and credited and len(block.text) <= PHOTO_TEXT_MAX
            and bool(STORY_OPENER.match(paragraphs[0])) and paragraphs[-1][-1:] in ("。", "！", "？", "”")
            and not current.captions and not any(PHOTO_CREDIT.search(t) for t in paragraphs))


def _bare_credit(text: str) -> bool:
    """A credit alone on its line (（孙立 摄）) belongs to the text above it; a caption with its own
    words (■项目开工现场。 本报记者 顾一帆 摄) is the picture's, and the text above is the story's."""
    found = PHOTO_CREDIT.search(text)
    return found is not None and len(text[:found.start()].strip(" \u3000■▲△●◆（(本报")) <= 2


def _opens_item(blocks: list[Block], ahead: list[Optional[int]], index: int, current: Draft) -> bool:
    """A caption after a wide gap that heads a new item (photo news) rather than the story above."""
    block = blocks[index]
    if block.gap_before < 2 or not current.has_body:
        return False
    nxt = _next_content(blocks, ahead, index + 1)
    if nxt is None or nxt.kind != "text":
        return False
    last = next((item for item in reversed(current.body) if item.type == "paragraph"), None)
    if last is not None and last.text and last.text[-1] not in "。！？…”":
        return False
    return _differs(block.text + nxt.text, current)


def _differs(text: str, current: Draft) -> bool:
    if _NEWS_OPENER.match(text):
        return True
    own = set()
    for item in current.body[:3]:
        own |= _parks_in(item.text)
    if current.title:
        own |= _parks_in(current.title)
    theirs = _parks_in(text[:80])
    return bool(theirs) and not (theirs & own)


def _add_to_advertisement(current: Draft, block: Block) -> None:
    if block.kind == "heading" and current.title is None:
        current.title, current.title_span = block.text, block.span
        current.title_level, current.title_marked = block.level, block.marked
    elif block.kind == "caption":
        current.captions.append(block.text)
        current.caption_spans.append(block.span)
    else:
        current.body.append(BodyItem("paragraph", block.text, block.span, block.parts))
