"""Lines of a printed page → layout blocks.

A page arrives as paragraphs separated by blank lines, but the columns of the printed page have
cut some sentences in two and dropped photo captions into the cut. Each non-blank line is first
given a role (heading, text, caption, byline, advertisement marker, furniture: furniture.py
judges a web page's menus, banners and lists, and cuts markup out of story lines); then text
lines that end mid-sentence are joined to the next text line, across any captions in between,
which are lifted out as caption blocks (rejoin.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block
from .adverts import AD_LABEL, AD_LABEL_INLINE, mark_ad_slots, mark_unlabelled_adverts
from .credits import split_trailing_byline
from .drafts import PHOTO_CREDIT, STORY_OPENER
from .datelines import date_line_reason, names_page
from .furniture import PageLine, is_prose, line_reason, page_reasons, strip_markup
from .names import split_byline
from .parks import PARK_PATTERN
from .prose import pairs
from .rejoin import CLOSERS, DOC_NUMBER, SENTENCE_END, is_complete, join_broken
from .shape import EDITORS_NOTE
from .tables import TABLE_SOURCE, column_rows, column_tables, table_lines

_HEADING_MARK = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_MAX_HEADING = 200  # headlines run to a few dozen characters; a '#' before a whole page is no title
_CAPTION_START = re.compile(r"^(?:[■▲●◆□△↑]|图为|图[：:]|（?[上下左右中]图[：:）)]|图片[：:]|组图)")
_CAPTION_END = re.compile(r"(?:供图|供稿图|制图|(?<!文/)(?<!文／)摄|摄影|图片来源[^。]*|\(?图/[^)）]*\)?|（图/[^）]*）)[。.]?$")
_ENDS = SENTENCE_END + CLOSERS + "，,、：:"
_SECTION_LABELS = {"短讯", "简讯", "快讯", "要闻", "综合", "动态", "图片新闻", "园区动态", "专题",
                   "资讯", "新闻", "本期导读", "导读", "一线", "声音", "观察", "视点", "港闻", "财经",
                   # a news site's channel names (商, 金, 房, 时 are also surnames: 商业 read as a
                   # byline); not topic words such as 产业 or 文化, which head a wiki's sections
                   "商业", "金融", "房产", "地产", "时政", "时事", "国际", "国内", "本地", "两岸", "评论", "观点"}
# A news-in-brief column's label (园区快讯, 开发区动态): the column's, not a headline of its items.
_COLUMN_LABEL = re.compile(r"^(?:园区|开发区|高新区|新区|经开区|本地|产业|经济)(?:快讯|简讯|短讯|动态|速递|传真|扫描|集锦)$")
# An item of such a column: a bullet and the park it is about, then its news (■赣江新区 今年…).
# The park stands apart, as a label: a space, its closing bracket or the item's date follows it.
BRIEF_ITEM = re.compile(r"^(?:[■▲●◆▶►]\s*|【(?=[^】]{2,20}】))(?:" + PARK_PATTERN.pattern
                        + r")(?:[】\s\u3000]|(?=近日|日前|目前|今年|本月|上月|\d{1,2}月))")
# A page pasted as one long line: stories still start at 本报讯 and end with a byline in brackets.
_RUN_ON_LIMIT = 200
_RUN_ON_BREAK = re.compile(
    r"[ \u3000]+(?=本报讯)"
    r"|(?<=[。！？”])[ \u3000]*([（(][\u4e00-\u9fff]{2,4}(?:[ \u3000][\u4e00-\u9fff]{2,4}){0,2}[）)])[ \u3000]*")
_SHORT_LINE = 30
# A numbered heading: 一、, （二）, ③, 4. before a few words.
NUMBERED_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十\d]{1,2}[）)]|[①-⑳]|\d{1,2}[.．、](?!\d)|\d{1,2}[．、]|\d{1,2}\.(?=(?:19|20)\d\d年))\s*[^\s，。]")
_WEB_HEADLINE = 50
# 【许昌经济技术开发区】 on a line of its own heads that park's section of a page about several.
BRACKETED_SECTION = re.compile(r"^(?:[【\[［]([^】\]］]{2,30}(?:区|园|城|谷))[】\]］]"
                                r"|[■▲●◆□◇►▶]\s*[\u4e00-\u9fff]{2,24}(?:开发区|高新区|经开区|新区|示范区|合作区))$")
# A bullet opening an item of a news-in-brief column (after its label, 简讯, 园区快讯).
BULLET_OPEN = re.compile(r"^[■▲●◆▶►]")
COLUMN_ITEM = "news-in-brief item"
_PICTURE_REASONS = ("image file name", "click to enlarge")
_PICTURE_CAPTION = 40
_CLAUSE_PUNCT = re.compile(r"[，、；。,;]")
_OPENERS = "“‘「『（(《【：:—-"


@dataclass
class _Line:
    no: int  # 1-based
    text: str  # inline markup cut out
    gap_before: int  # blank lines before (a large number at the start of the page)
    gap_after: int
    raw: str = ""  # as on the page
    markup: tuple[tuple[str, str], ...] = ()  # (piece cut out, reason)
    reason: str = ""  # why the whole line is furniture, judged on the page
    advert: bool = False  # a line of an advert a printed page sets without a 广告 label
    table: bool = False  # a row or the header of a flattened statistics table (parse/tables.py)
    folded: tuple[int, ...] = ()  # the page's lines of a table row set one cell per line


def _marked_heading(text: str) -> re.Match | None:
    heading = _HEADING_MARK.match(text)
    return heading if heading and len(heading.group(2)) <= _MAX_HEADING else None


def is_caption(text: str) -> bool:
    return len(text) <= 80 and bool(_CAPTION_START.search(text) or _CAPTION_END.search(text))


def furniture_reason(text: str) -> str:
    """Why a line seen alone is furniture: a printed page's labels and rules, or furniture.yml."""
    bare = text.strip().strip("#").strip()
    return _print_furniture(text) or line_reason(bare) or date_line_reason(bare)


def _print_furniture(text: str) -> str:
    bare = text.strip().strip("#").strip()
    if bare in _SECTION_LABELS or _COLUMN_LABEL.match(bare):
        return "section label"
    if bare and not any(ch.isalnum() for ch in bare) and (len(bare) >= 3 or not set(bare) <= set(_ENDS)):
        return "rule or ornament (no letters or digits)"  # ————, ＊＊＊ or |; a lone ” may end a cut sentence
    return ""


def _is_short(text: str) -> bool:
    """Could be a heading or picture title: short, no clause punctuation, not left hanging."""
    bare = text.replace(" ", "")
    return (0 < len(bare) <= _SHORT_LINE and not is_complete(bare) and not bare.startswith("本报讯")
            and not _CLAUSE_PUNCT.search(bare) and bare[-1] not in _OPENERS)


def split_run_on(text: str) -> list[str]:
    """Pieces of an over-long line at story boundaries; other lines come back whole."""
    if len(text) < _RUN_ON_LIMIT:
        return [text]
    pieces, start = [], 0
    for match in _RUN_ON_BREAK.finditer(text):
        pieces.append(text[start:match.start()])
        if match.group(1):  # a byline in brackets stands on its own
            pieces.append(match.group(1))
        start = match.end()
    pieces.append(text[start:])
    return [p for p in (piece.strip() for piece in pieces) if p]


def _scan(lines: list[str]) -> list[_Line]:
    out: list[_Line] = []
    gap = 99  # the top of the page counts as a large gap
    for index, text in enumerate(lines):
        if not text.strip():
            gap += 1
            continue
        for piece in split_run_on(text.strip()):
            if out:
                out[-1].gap_after = gap
            clean, markup = strip_markup(piece)
            if markup and not any(ch.isalnum() for ch in clean):  # a line of markup alone
                out.append(_Line(index + 1, piece, gap, 99, piece, (), markup[0][1]))
            else:
                out.append(_Line(index + 1, clean, gap, 99, piece, tuple(markup)))
            gap = 0
    return out


# `3.2万户！…`, `重磅！…`: a headline may open on a figure or a word and an exclamation mark.
_EXCLAIMED_LEAD = re.compile(r"^[^，。！？!?；;]{1,20}[！!]")


def _is_headline_shaped(text: str) -> bool:
    """A web page's headline may hold a comma or a colon, never a full stop; it may end on a
    question or an exclamation (19个国家级新区半年报：谁跑得更快？, “成绩单”来了！)."""
    bare = _EXCLAIMED_LEAD.sub("", re.sub(r"(?<=[^。！？!?；;])[？！?!]$", "", text.replace(" ", "").replace("\u3000", "")))
    return (0 < len(bare) <= _WEB_HEADLINE and not is_complete(bare) and not re.search(r"[。！？!?；;]", bare)
            and not bare.startswith("本报讯") and bare[-1] not in _OPENERS)


def _classify(line: _Line, nxt: _Line | None, in_ad: bool, sentence_open: bool, opening: bool = False,
              after_picture: bool = False, in_column: bool = False) -> Block:
    text = line.text
    span = (line.no, line.folded[-1] if line.folded else line.no)
    parts = line.folded or (line.no,)
    if line.reason:
        return Block("furniture", line.raw, span, parts, reason=line.reason)
    if AD_LABEL.match(text) or (AD_LABEL_INLINE.match(text) and not in_ad):
        return Block("advertisement", text, span, parts, reason="advertisement marker")
    if line.advert:
        return Block("text", text, span, parts, in_ad=True)
    if line.table and not in_ad:
        return Block("text", text, span, parts)  # a table row: the story's, a paragraph of its own
    if in_ad:
        heading = _marked_heading(text)
        if heading:
            return Block("heading", heading.group(2), span, parts, level=len(heading.group(1)),
                         marked=True, in_ad=True)
        return Block("text", text, span, parts, in_ad=True)
    reason = _print_furniture(text)  # furniture.yml was read for every line by page_reasons
    if reason:
        return Block("furniture", text, span, parts, reason=reason)
    heading = _marked_heading(text)
    if heading:
        return Block("heading", heading.group(2), span, parts, level=len(heading.group(1)), marked=True)
    if DOC_NUMBER.match(text.replace(" ", "")):
        return Block("text", text, span, parts)  # the notice's own line, never its headline
    authors = split_byline(text)
    if authors:
        return Block("byline", text, span, parts, authors=authors)
    if nxt is not None and nxt.text.startswith("本报讯") and _is_headline_shaped(text) and not is_caption(text):
        return Block("heading", text, span, parts, level=0)  # a 本报讯 item's headline, even under a picture
    if nxt is not None and BRACKETED_SECTION.match(text.replace(" ", "")):
        return Block("heading", text, span, parts, level=0)  # 【许昌经济技术开发区】: that park's section
    if BRIEF_ITEM.match(text) and is_prose(text) and not _CAPTION_END.search(text):
        return Block("text", text, span, parts)  # a brief of a news-in-brief column, no picture's caption
    if in_column and BULLET_OPEN.match(text) and is_prose(text) and not _CAPTION_END.search(text):
        return Block("text", text, span, parts, reason=COLUMN_ITEM)
    if is_caption(text) or (after_picture and len(text) <= _PICTURE_CAPTION):
        return Block("caption", text, span, parts)
    if opening and nxt is not None and _is_headline_shaped(text):
        return Block("heading", text, span, parts, level=0)  # the first line of a page's content
    if nxt is not None and nxt.reason == "source and date line" and _is_headline_shaped(text):
        return Block("heading", text, span, parts, level=0)  # a headline over its date line
    if nxt is not None and NUMBERED_HEAD.match(text) and _is_headline_shaped(text) and not is_caption(text):
        return Block("heading", text, span, parts, level=0)  # 一、总体要求, ②园区签约12个项目: never glued to the text below
    if _is_short(text):
        isolated = line.gap_before >= 2 and (line.gap_after >= 2 or nxt is None)
        # A short line inside a cut sentence, or set apart by wide gaps, is a picture title; one
        # over a byline is a headline (the sentence above was cut at the end of its item).
        if (sentence_open or (isolated and line.gap_before < 99)) and not (nxt is not None and split_byline(nxt.text)):
            return Block("caption", text, span, parts)
        if nxt is not None:
            return Block("heading", text, span, parts, level=0)
    return Block("text", text, span, parts)


def _keep(text: str) -> bool:
    """A byline, a photo caption, a marked heading or an editor's note (编者按) belongs to a story
    wherever it stands."""
    return bool(split_byline(text)) or is_caption(text) or bool(_marked_heading(text)) or bool(EDITORS_NOTE.match(text))


_TITLE_LABEL = re.compile(r"^(?:标题|主题|帖子标题)\s*[：:]\s*(?=\S)")


def _label_titles(scanned: list[_Line]) -> None:
    """`标题: 某某高新区上半年新增高企120家` on a forum thread's printable view (an information
    table's 标题 row too) is the headline when the page does not print it again."""
    texts = {re.sub(r"\s+", "", line.text) for line in scanned}
    for line in scanned:
        label = _TITLE_LABEL.match(line.text)
        if not label or line.reason not in ("index table", ""):
            continue
        title = line.text[label.end():].strip()
        if re.sub(r"\s+", "", title) in texts or not _is_headline_shaped(title):
            continue  # the page prints its headline on its own line too
        line.reason, line.text = "", title
        line.markup = (*line.markup, (label.group(0).strip(), "title label"))
        return


_HEAD_PART = 16


def _join_split_headlines(scanned: list[_Line]) -> list[_Line]:
    """`咸宁高新区：` / `获批建设省级中试基地` over a 本报讯 paragraph or a byline: one headline the
    page set on two lines, the subject and its colon on the first (one heading, both lines)."""
    out: list[_Line] = []
    i = 0
    while i < len(scanned):
        line = scanned[i]
        if (i + 2 < len(scanned) and not line.reason and not scanned[i + 1].reason and len(line.text) <= _HEAD_PART
                and line.text.endswith(("：", ":")) and not _CLAUSE_PUNCT.search(line.text)
                and _is_headline_shaped(scanned[i + 1].text)
                and (STORY_OPENER.match(scanned[i + 2].text) or split_byline(scanned[i + 2].text))):
            second = scanned[i + 1]
            out.append(_Line(line.no, line.text + second.text, line.gap_before, second.gap_after,
                             line.raw + second.raw, folded=(line.no, second.no)))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _fold_column_tables(scanned: list[_Line]) -> list[_Line]:
    """A table set one cell per line becomes one line per row (the column names' too), its cells
    apart by full-width spaces, each remembering the page's lines it holds; the source note right
    under it stays with it."""
    texts = [line.text for line in scanned]
    found = column_tables(texts)
    if not found:
        return scanned
    out: list[_Line] = []
    i = 0
    for first, width in found:
        out += scanned[i:first]
        end = first + width * (1 + column_rows(texts, first + width, width))
        for at in range(first, end, width):
            group = scanned[at:at + width]
            out.append(_Line(group[0].no, "\u3000".join(l.text for l in group), group[0].gap_before,
                             group[-1].gap_after, "\u3000".join(l.raw for l in group), table=True,
                             folded=tuple(l.no for l in group)))
        i = end
        if i < len(scanned) and TABLE_SOURCE.match(scanned[i].text) and scanned[i].gap_before == 0:
            scanned[i].table = True
    return out + scanned[i:]


# What a row of a flattened table looks like to the furniture rules, which see one line at a time.
_TABLE_SHAPED = ("menu or link row", "table row", "page slogan or kicker above a headline")


def classify_lines(lines: list[str]) -> list[Block]:
    """One block per non-blank line, each with its layout role."""
    scanned = _fold_column_tables(_scan(lines))
    for line, reason in zip(scanned, page_reasons([PageLine(l.text, l.gap_before) for l in scanned], _keep,
                                          lambda t: bool(AD_LABEL.match(t)))):
        line.reason = line.reason or reason or date_line_reason(line.text)  # mastheads, print stamps
        if line.table:  # a folded table's row, or the source note under it: the story's
            line.reason = ""
    for i in table_lines([line.text for line in scanned]):
        if scanned[i].reason in _TABLE_SHAPED:  # rows of cells judged by their shape alone
            scanned[i].reason = ""
        if not scanned[i].reason:
            scanned[i].table = True
    mark_ad_slots(scanned)
    _label_titles(scanned)
    scanned = _join_split_headlines(scanned)
    # a printed page: one that names its page (第A04版), or whose header does (南京日报 A4 · 专版)
    printed = names_page(line.text for line in scanned) or any(line.reason == "page header" for line in scanned)
    if printed:
        mark_unlabelled_adverts(scanned, _keep, _is_headline_shaped)
    blocks: list[Block] = []
    in_ad = False
    sentence_open = False
    content = False  # has a line other than furniture been seen
    in_column = False
    for i, line in enumerate(scanned):
        nxt = scanned[i + 1] if i + 1 < len(scanned) else None
        if not line.reason:  # markup cut out of a story line is reported beside it
            blocks += [Block("furniture", piece, (line.no, line.no), (line.no,), reason=why, gap_before=line.gap_before)
                       for piece, why in line.markup]
        # A web page's headline comes after its banners or right above its date line; a printed
        # page may open on the tail of a sentence.
        opening = not content and (bool(blocks) or (nxt is not None and bool(nxt.reason)))
        # A short line right under a picture's place (its file name, 图片, 放大) is its caption.
        # (not a headline over the picture's credited caption: 火炬高新区：海上风电装备下线 over 6月12日，…（记者 林海 摄）)
        after_picture = i > 0 and scanned[i - 1].reason in _PICTURE_REASONS and not (
            nxt is not None and PHOTO_CREDIT.search(nxt.text) and _is_headline_shaped(line.text))
        block = _classify(line, nxt, in_ad, sentence_open, opening, after_picture, in_column)
        if (block.kind == "text" and nxt is None and i > 0 and line.gap_before == 0 and _is_short(line.text)
                and _is_headline_shaped(line.text) and (scanned[i - 1].text.startswith("本报讯") or (
                    printed and is_prose(scanned[i - 1].text) and pairs(line.text) & pairs(scanned[i - 1].text)))):
            # the page's last line, right under a 本报讯 item (or, on a printed page, under a paragraph
            # it shares a word with): its headline, printed after it
            block = Block("heading", line.text, (line.no, line.no), (line.no,), level=0)
        block.gap_before = line.gap_before
        if block.kind == "furniture" and block.reason == "section label":
            in_column = True  # 简讯, 园区快讯: bulleted items follow, up to the next headline
        elif block.kind == "heading":
            in_column = False
        content = content or block.kind != "furniture"
        if block.kind == "advertisement" and AD_LABEL.match(block.text):
            in_ad = True  # (a label on the advert's own line labels that line alone)
        if block.kind != "caption":
            sentence_open = block.kind == "text" and not is_complete(block.text) and not DOC_NUMBER.match(block.text)
        blocks.append(block)
    return blocks


def build_blocks(lines: list[str]) -> list[Block]:
    return join_broken(classify_lines(lines))
