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
from .adverts import AD_LABEL, opens_notice
from .datelines import names_page
from .drafts import PHOTO_CREDIT, PHOTO_TEXT_MAX, STORY_OPENER, Draft
from .headings import (LEAD_LABEL, NEWS_OPENER, content_ahead, heading_role, is_deck, join_split_headlines,
                       next_content, parks_in)
from .layout import BRIEF_ITEM, BULLET_OPEN, COLUMN_ITEM
from .rejoin import DOC_NUMBER
from .names import inline_authors, split_byline
from .masthead import BRACKET_HEADLINE, BRACKET_LINE
from .shape import EDITORS_NOTE

# `捷。“高新贷”…`: a page that opens on the tail of a sentence from another page.
_MID_SENTENCE_START = re.compile(r"^(?:[^。！？“‘「（(\s]{1,3}[。！？；]|[，、。；：！？）”’」』])")
# 【本报消息】, 【本报讯】, 【某某网讯】 opening a paragraph: a news item's dateline (a wire's 电 line
# may open a story's second paragraph too, so it is not one).
_BRACKET_DATELINE = re.compile(r"^[【\[][^】\]]{0,12}(?:讯|消息)[】\]]")
_PHOTO_ITEM_MIN = 30  # a caption that tells a news item, not a picture's title

# Furniture that ends the story above it: text after it is another item (an endless-scroll page
# runs the next story on under the editor's credit).
_CLOSING = ("section label", "editor credit line")


def segment_blocks(blocks: list[Block]) -> tuple[list[Draft], list[Discarded]]:
    drafts: list[Draft] = []
    discarded: list[Discarded] = []
    current: Optional[Draft] = None
    pending_captions: list[Block] = []
    pending_authors: list[str] = []  # an author field above the headline
    blocks = join_split_headlines(blocks)
    ahead = content_ahead(blocks)
    # a printed page: its header names the paper's page (第A04版, 南京日报 A4 · 专版)
    printed = any(b.reason == "page header" for b in blocks) or names_page(b.text for b in blocks if b.kind == "furniture")

    def start(**kwargs) -> Draft:
        nonlocal current, pending_captions
        current = Draft(**kwargs)
        current.authors.extend(pending_authors)
        pending_authors.clear()
        drafts.append(current)
        for cap in pending_captions:
            current.captions.append(cap.text)
            current.caption_spans.append(cap.span)
        pending_captions = []
        return current

    continued = False  # a （上接A01版） line: the text below began on another page
    excerpts: list[tuple[Draft, int]] = []  # untitled texts each closed by its outlet and date line
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
            if block.reason == "author line":  # the page's author field: its names are the story's
                named = split_byline(block.text)
                target = current if current is not None and not current.closed else None
                (target.authors if target else pending_authors).extend(named)
            if block.reason.startswith("rule or ornament") and current is not None and current.advertisement:
                current.closed = True  # a rule drawn between two adverts' boxes
            if block.reason == "source and date line" and alone and current is not None and current.has_body \
                    and current.title is None and not current.closed:
                current.closed = True  # an aggregator's excerpt ends on its outlet's line
                excerpts.append((current, block.span[0]))
        elif block.kind == "advertisement":
            # the label (广告, （广告）) heads the advert: it is the advert's; set on the advert's own
            # line (【广告】 秋季车展…), the advert is that line
            start(advertisement=True, labelled=bool(AD_LABEL.match(block.text)))
            current.body.append(BodyItem("paragraph", block.text, block.span, block.parts))
        elif block.in_ad and not (current is not None and current.advertisement and not current.closed and not
                                  (not current.labelled and opens_notice(block.text))):
            start(advertisement=True, labelled=False)  # its lines were found by their contact line
            _add_to_advertisement(current, block)
        elif current is not None and current.advertisement and not current.closed and (current.labelled or block.in_ad):
            _add_to_advertisement(current, block)
        elif block.kind == "heading" and _EDITORS_NOTE_LABEL.match(block.text):
            if current is None or current.closed or current.has_body or current.title is not None or current.captions:
                start()  # 编者按 on a line of its own: the note under it opens the next story
            current.body.append(BodyItem("paragraph", block.text, block.span, block.parts))
        elif block.kind == "heading":
            role = heading_role(block, current, blocks, ahead, i)
            if role == "kicker":
                discarded.append(Discarded(block.span, block.text, "page slogan or kicker above a headline"))
            elif role == "late_title":
                current.title, current.title_span = block.text, block.span
                current.title_level, current.title_marked = block.level, block.marked
            elif role == "title" and current is not None and (_only_editors_note(current) or _only_bylines(current)):
                # 编者按 above a headline introduces that story; so does a byline a web page prints
                # over its headline (本报记者 王强 over 西安高新区…)
                current.title, current.title_span = block.text, block.span
                current.title_level, current.title_marked = block.level, block.marked
            elif role == "title":
                start(title=block.text, title_span=block.span, title_level=block.level,
                      title_marked=block.marked)
            else:
                current.body.append(BodyItem("heading", block.text, block.span, block.parts))
        elif block.kind == "byline":
            if current is not None and _titled_after(current) and _text_after(blocks, ahead, i):
                start()  # the story above ended on its late headline: this byline heads the next one
            target = current if current is not None else start()
            target.authors.extend(a for a in block.authors if a not in target.authors)
            target.byline_spans.append(block.span)
            target.bylines.append(block.text)
            if target.has_body and not _under_late_title(target) and not _lead_only(target):
                target.closed = True
        elif block.kind == "caption":
            if current is not None and not current.closed and (_opens_item(blocks, ahead, i, current)
                                                               or _photo_item_after(block, current, None, caption=True)
                                                               or (printed and _dated_photo_item(block, current, None))):
                start()
            if current is None or current.closed:
                pending_captions.append(block)
            else:
                current.captions.append(block.text)
                current.caption_spans.append(block.span)
        elif _deck_line(block, current, blocks, ahead, i):
            current.body.append(BodyItem("heading", block.text, block.span, block.parts))  # the headline's deck
        else:  # text
            credit = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].kind == "caption" else None
            if current is None or current.closed or _starts_new_item(block, current, credit, printed):
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
    if len(excerpts) >= 2:  # an aggregator's page of excerpts: each is cut from a story elsewhere
        for draft, line in excerpts:
            draft.fragment, draft.dated_by = True, line
    kept = [d for d in drafts if d.body or d.title or d.captions]
    for draft in kept:
        _lift_bracket_headline(draft)
    for draft in drafts:  # a page of bylines alone: say so rather than drop them
        if not (draft.body or draft.title or draft.captions):  # not `in kept`: quadratic
            discarded += [Discarded(span, text, "byline with no story")
                          for span, text in zip(draft.byline_spans, draft.bylines)]
    return kept, discarded


def _deck_line(block: Block, current: Optional[Draft], blocks: list[Block], ahead: list[Optional[int]],
               index: int) -> bool:
    """A deck right under the headline (合肥高新区一季度营收突破二千亿 / 量子、人工智能企业营收增幅均
    超两成 / 本报记者 …): the headline's, not the story's first paragraph."""
    return (current is not None and current.title is not None and not current.has_body and not current.closed
            and current.title_span is not None and current.title_span[1] + 1 == block.span[0]
            and is_deck(blocks, ahead, index))


def _lead_only(draft: Draft) -> bool:
    """A titled feature whose only paragraph so far is its labelled lead (导语：…): the byline set
    under the lead opens the feature's text, it does not end the story."""
    paragraphs = [item for item in draft.body if item.type == "paragraph"]
    return draft.title is not None and len(paragraphs) == 1 and bool(LEAD_LABEL.match(paragraphs[0].text))


def _titled_after(draft: Draft) -> bool:
    """The draft's headline stands after its text: the story is over (unless it is an editor's
    note waiting for its story, _under_late_title)."""
    return (draft.title_span is not None and draft.has_body and not _under_late_title(draft)
            and draft.title_span[0] > max(item.span[1] for item in draft.body))


def _text_after(blocks: list[Block], ahead: list[Optional[int]], index: int) -> bool:
    nxt = next_content(blocks, ahead, index + 1)
    return nxt is not None and nxt.kind == "text"


def _only_bylines(draft: Draft) -> bool:
    return draft.title is None and not draft.body and not draft.captions and bool(draft.bylines)


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


def _starts_new_item(block: Block, current: Draft, credit: Optional[Block] = None, printed: bool = False) -> bool:
    """Text after a wide gap that opens like news or names another park starts a new item."""
    if not current.has_body or _under_late_title(current):
        return False  # (an editor's note over its headline: the story, 本报讯 and all, is still to come)
    if _titled_after(current):
        return True  # its headline, printed after it, ended the story
    if block.text.startswith("本报讯") or _BRACKET_DATELINE.match(block.text):
        return True  # 本报讯, 【本报消息】: each opens an item of its own
    if _photo_item_after(block, current, credit) or (printed and _dated_photo_item(block, current, credit)):
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


# A picture item's caption opens on the day the picture was taken: 8月16日，在… / 2024年8月16日，… (a
# bulleted caption, ■8月16日，…, is the story's picture, as the pages annotate it)
_PHOTO_DAY = re.compile(r"^(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日[，,]")


def _dated_photo_item(block: Block, current: Draft, credit: Optional[Block]) -> bool:
    """On a printed page, a caption that opens on the day the picture was taken and ends on (or
    stands over) the photographer's credit, under a story that carries no picture, is a picture
    item of its own (photo news), however close it is set to the story above."""
    paragraphs = [item.text for item in current.body if item.type == "paragraph"]
    credited = bool(PHOTO_CREDIT.search(block.text)) or (credit is not None and _bare_credit(credit.text))
    return (bool(paragraphs) and credited and bool(_PHOTO_DAY.match(block.text)) and len(block.text) <= PHOTO_TEXT_MAX
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
    nxt = next_content(blocks, ahead, index + 1)
    if nxt is None or nxt.kind != "text":
        return False
    last = next((item for item in reversed(current.body) if item.type == "paragraph"), None)
    if last is not None and last.text and last.text[-1] not in "。！？…”":
        return False
    return _differs(block.text + nxt.text, current)


def _differs(text: str, current: Draft) -> bool:
    if NEWS_OPENER.match(text):
        return True
    own = set()
    for item in current.body[:3]:
        own |= parks_in(item.text)
    if current.title:
        own |= parks_in(current.title)
    theirs = parks_in(text[:80])
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
