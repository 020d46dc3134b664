"""What a heading line is to the story around it: its title, a headline printed after it, a
subheading inside it, or a kicker (an overline or a page slogan) above the next headline.

Printed pages set headlines above their stories, after them (a side column), or both ways on one
page; web pages over a date line. The rules read the blocks around the heading: what comes next
(text, a byline, another heading), whether the draft above has a title yet, and how the page ends.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..model import Block
from .drafts import PAPER_DATELINE, STORY_OPENER, Draft
from .layout import BRACKETED_SECTION, NUMBERED_HEAD
from .masthead import NUMBERED_SUBHEAD
from .parks import PARK_PATTERN
from .prose import pairs

# A paper's dateline (本报讯, 本报济南4月25日讯, 长沙晚报7月17日讯) and the words a news item opens on.
NEWS_OPENER = re.compile(PAPER_DATELINE.pattern + r"|^(?:近日|日前|目前|记者从|\d{1,2}月\d{1,2}日|[（(]?新华社|据悉)")
# A feature's lead, labelled: 导语：…, 【导读】…, 摘要：…
LEAD_LABEL = re.compile(r"^[【\[]?\s*(?:导语|导读|引言|提要|摘要)\s*[】\]]?\s*[：:]")
_LATE_PAIRS = 3  # a headline shares a few words (character pairs) with the story it heads
_SAYS_MIN = 4  # a headline says something beyond the park's name


def parks_in(text: str) -> set[str]:
    return {m.group(0)[-6:] for m in PARK_PATTERN.finditer(text)}


def content_ahead(blocks: list[Block]) -> list[Optional[int]]:
    """For each position, the index of the first block at or after it that is neither caption nor
    furniture. Built once, so a page of thousands of captions stays linear."""
    ahead: list[Optional[int]] = [None] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        ahead[i] = i if blocks[i].kind not in ("caption", "furniture") else ahead[i + 1]
    return ahead


def next_content(blocks: list[Block], ahead: list[Optional[int]], start: int) -> Optional[Block]:
    index = ahead[start] if start < len(ahead) else None
    return blocks[index] if index is not None else None


def heading_role(block: Block, current: Optional[Draft], blocks: list[Block],
                 ahead: list[Optional[int]], index: int) -> str:
    """title | subheading | kicker | late_title for one heading."""
    nxt = next_content(blocks, ahead, index + 1)
    if (current is not None and current.title is None and not current.has_body and current.captions
            and not block.marked and (nxt is None or nxt.kind != "text")):
        return "late_title"  # a picture item's headline printed under its caption, nothing after it
    if current is not None and current.title is None and current.has_body:
        # Nothing after it but the next item: a headline printed after its body. So too before
        # a news item on a page that ends on a headline: that page sets headlines after stories.
        if block.text.lstrip().startswith(("——", "--")) and nxt is not None and nxt.kind == "heading":
            return "subheading"  # the subtitle set over a headline printed after its story
        if nxt is None or nxt.kind in ("advertisement", "heading") or nxt.in_ad:
            return "late_title"
        if (not block.marked and (not current.captions or _news_with_picture(current)) and nxt.kind == "text"
                and NEWS_OPENER.match(nxt.text) and _ends_on_headline(blocks)):
            return "late_title"
        if not block.marked and _heads_story_above(block, current, blocks, ahead, index):
            return "late_title"
    if block.text.lstrip().startswith(("——", "--")) and current is not None and current.title is not None \
            and not current.has_body:
        return "subheading"  # ——来自某某高新区的调查: the headline's subtitle
    if _deck_under_title(block, current):
        return "subheading"
    if (nxt is not None and nxt.kind == "heading" and NUMBERED_HEAD.match(block.text) and NUMBERED_HEAD.match(nxt.text)
            and current is not None and current.has_body and not current.closed):
        return "subheading"  # 1.… 2.… 3.…: the items of a list in the story, not an overline over a headline
    if nxt is not None and nxt.kind == "heading" and not (block.marked and nxt.marked and nxt.level > block.level) \
            and not nxt.text.lstrip().startswith(("——", "--")) \
            and not (NUMBERED_SUBHEAD.match(nxt.text.strip()) and not NUMBERED_SUBHEAD.match(block.text.strip())) \
            and not BRACKETED_SECTION.match(nxt.text.replace(" ", "")):
        # (a headline over the story's first numbered subhead, 01 主要指标, or over the 【郑州航空港
        # 经济综合实验区】 that heads its first park's section, is no overline)
        if (current is None or current.closed) and (_entry_title(block, blocks, ahead, index)
                                                     or _heads_deck(block, nxt, next_content(blocks, ahead, ahead[index + 1] + 1))):
            return "title"
        if not block.marked and _says_lead(block, blocks, ahead, index):
            return "title"  # a headline that says what its lead says, over its deck (also under another story)
        # Two headlines in a row: the first is an overline, unless the second is its subheading.
        if current is None or current.closed or not current.has_body or _is_title_like(ahead[index + 1], blocks, ahead):
            return "kicker"
    if current is None or current.closed or current.advertisement or (_dated_below(blocks, index)
                                                                      and nxt is not None and nxt.kind == "text"):
        return "title"
    if not current.has_body and current.title is None:
        return "title"
    if nxt is not None and (nxt.kind == "byline" or (nxt.kind == "text" and (STORY_OPENER.match(nxt.text)
                                                                             or LEAD_LABEL.match(nxt.text)))
                            or (nxt.kind == "text" and ahead[index + 1] == index + 1 and is_deck(blocks, ahead, index + 1))):
        return "title"  # a headline over its dateline (本报讯, 【本报消息】), its deck or its lead (导语：) opens a story
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
    lead = next_content(blocks, ahead, after + 1) if after is not None else None
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
    nxt = next_content(blocks, ahead, index + 1)
    return bool(parks_in(block.text)) or (nxt is not None and nxt.kind == "byline")


def _heads_story_above(block: Block, current: Draft, blocks: list[Block], ahead: list[Optional[int]],
                       index: int) -> bool:
    """A headline between an untitled story and the next news item (本报讯…, or a byline over its
    text) that shares more words with the story above than with the item below was printed after
    its story, as a side column sets it: a headline says what its own story says."""
    below = next_content(blocks, ahead, index + 1)
    if below is not None and below.kind == "byline":
        below = next_content(blocks, ahead, ahead[index + 1] + 1)
    elif below is None or not NEWS_OPENER.match(below.text):
        return False
    if below is None or below.kind != "text":
        return False
    own = pairs(block.text)
    above = own & set().union(*(pairs(item.text) for item in current.body if item.type == "paragraph"))
    return len(above) >= _LATE_PAIRS and len(above) > len(own & pairs(below.text))


def _heads_deck(block: Block, deck: Block, story: Optional[Block]) -> bool:
    """Two headlines stacked right over a story's byline or text, the first naming the park and
    the second none (its figures, its details: 绍兴高新区集成电路产业链加速成形 / 一季度产值同比增长21.6%):
    the first is the headline and the second its deck (副题), not an overline over it."""
    return (not block.marked and not deck.marked and story is not None and story.kind in ("byline", "text")
            and bool(parks_in(block.text)) and not parks_in(deck.text) and len(deck.text.split()) < 3
            and len(PARK_PATTERN.sub("", block.text).strip()) >= _SAYS_MIN)  # more than a name: it says something


def _deck_under(title: str, title_span: Optional[tuple[int, int]], block: Block) -> bool:
    # (a second line naming a park of its own, under a headline naming one, may head a story of its own)
    return title_span is not None and title_span[1] + 1 == block.span[0] \
        and not (parks_in(title) and parks_in(block.text))


def _deck_under_title(block: Block, current: Optional[Draft]) -> bool:
    """The deck right under its headline, before the story's byline or text."""
    return (current is not None and current.title is not None and not current.has_body and not current.closed
            and not block.marked and not current.title_marked and _deck_under(current.title, current.title_span, block))


_DECK_MAX = 40


def is_deck(blocks: list[Block], ahead: list[Optional[int]], index: int) -> bool:
    """A short line of clauses with no full stop over the story's byline or dateline
    (量子、人工智能企业营收增幅均超两成 / 本报记者 …): a headline's deck, not a paragraph."""
    block = blocks[index]
    if len(block.text) > _DECK_MAX or re.search(r"[。！？；]", block.text):
        return False
    nxt = next_content(blocks, ahead, index + 1)
    return nxt is not None and (nxt.kind == "byline" or (nxt.kind == "text" and bool(NEWS_OPENER.match(nxt.text))))


_LEAD_PAIRS = 2  # words (character pairs) a headline shares with its story's first paragraph


def _says_lead(block: Block, blocks: list[Block], ahead: list[Optional[int]], index: int) -> bool:
    """Of two headline lines stacked close over a story (a byline may stand between), the first is
    the headline, not an overline, when it shares words with the story's first paragraph beside
    any park's name (全省园区“成绩单”出炉 over 长沙经开区营收领跑): a slogan or a column's name set over a
    headline shares none."""
    stack = blocks[index:index + 4]  # headline, deck, maybe a byline, the lead: one right after the other
    if len(stack) > 3 and stack[2].kind == "byline":
        stack = stack[:2] + stack[3:]
    if len(stack) < 3 or stack[1].kind != "heading" or stack[2].kind != "text" or any(b.gap_before for b in stack[1:3]):
        return False
    # words beside a park's name: a site's or a zone's name alone over the story says nothing of it
    own = {pair for pair in pairs(PARK_PATTERN.sub("", block.text)) if all("\u4e00" <= ch <= "\u9fff" for ch in pair)}
    return len(own & pairs(stack[2].text)) >= _LEAD_PAIRS


# The first line of a headline set on two lines: the park and a colon (咸宁高新区：), nothing else.
_HEAD_LINE_OPEN = re.compile(r"^[^，。；！？、,;\s]{2,16}[：:]$")


def join_split_headlines(blocks: list[Block]) -> list[Block]:
    """A headline a column set on two lines (咸宁高新区： / 获批建设省级中试基地) is one headline; the
    first line alone had read as a paragraph of the story above and the second as the headline."""
    out: list[Block] = []
    for block in blocks:
        head = out[-1] if out else None
        if (head is not None and head.kind == "text" and block.kind == "heading" and not block.marked
                and block.gap_before == 0 and _HEAD_LINE_OPEN.match(head.text.strip())):
            out[-1] = replace(block, text=head.text.strip() + block.text.strip(), span=(head.span[0], block.span[1]),
                              parts=head.parts + block.parts, gap_before=head.gap_before)
        else:
            out.append(block)
    return out
