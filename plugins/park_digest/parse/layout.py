"""Lines of a printed page → layout blocks.

A page arrives as paragraphs separated by blank lines, but the columns of the printed page have
cut some sentences in two and dropped photo captions into the cut. Each non-blank line is first
given a role (heading, text, caption, byline, advertisement marker, furniture); then text lines
that end mid-sentence are joined to the next text line, across any captions in between, which
are lifted out as caption blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block
from .names import split_byline, trailing_byline

_HEADING_MARK = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_MAX_HEADING = 200  # headlines run to a few dozen characters; a '#' before a whole page is no title
_AD_MARKER = re.compile(r"^[（(【\[]?\s*广\s*告\s*[）)】\]]?$")
_CAPTION_START = re.compile(r"^(?:[■▲●◆□△]|图为|图[：:]|（?[上下左右中]图[：:）)]|图片[：:]|组图)")
_CAPTION_END = re.compile(r"(?:供图|供稿图|摄|摄影|图片来源[^。]*|\(?图/[^)）]*\)?|（图/[^）]*）)[。.]?$")
_SENTENCE_END = "。！？!?…；;"
_CLOSERS = "”’」』）)》】"
_SECTION_LABELS = {"短讯", "简讯", "快讯", "要闻", "综合", "动态", "图片新闻", "园区动态", "专题",
                   "资讯", "新闻", "本期导读", "导读", "一线", "声音", "观察", "视点"}
_FURNITURE = (
    (re.compile(r"^(?:责任编辑|本版编辑|编辑|责编|校对|美编|审核|终审|值班编辑|版式|排版)[：:\s]"), "editor credit line"),
    (re.compile(r"^[（(【\[]?(?:责任编辑|编辑|责编)[：:].*[）)】\]]?$"), "editor credit line"),
    (re.compile(r"^(?:首页|当前位置|您的位置|位置)\s*[>＞»/：:]"), "breadcrumb"),
    # Two " > " separators; starting with \s lets the engine skip to spaces, not try every character.
    (re.compile(r"\s[>＞»]\s.*\s[>＞»]\s"), "breadcrumb"),
    (re.compile(r"免责声明|版权所有|转载请注明|未经授权|Copyright|©|ICP备|公网安备", re.I), "disclaimer"),
    (re.compile(r"验证码|请完成验证|点击刷新|captcha|人机验证|滑动.*验证", re.I), "captcha prompt"),
    (re.compile(r"^(?:分享到|扫一扫|打印本页|关闭窗口|【?字[体号][：:]|返回顶部|上一篇|下一篇|相关阅读|相关新闻|点击排行)"), "web page furniture"),
    (re.compile(r"^第\s*\d+\s*版|^[A-Z]?\d{1,2}\s*版|^\d{4}年\d{1,2}月\d{1,2}日\s*星期"), "page header"),
    (re.compile(r"^(?:来源|稿源|信息来源|发布时间|发布日期|更新时间|时间|日期)[：:]"), "source and date line"),
)
# A page pasted as one long line: stories still start at 本报讯 and end with a byline in brackets.
_RUN_ON_LIMIT = 200
_RUN_ON_BREAK = re.compile(
    r"[ \u3000]+(?=本报讯)"
    r"|(?<=[。！？”])[ \u3000]*([（(][\u4e00-\u9fff]{2,4}(?:[ \u3000][\u4e00-\u9fff]{2,4}){0,2}[）)])[ \u3000]*")
_SHORT_LINE = 30
_CLAUSE_PUNCT = re.compile(r"[，、；。,;]")
_OPENERS = "“‘「『（(《【：:—-"
_TRAILING_CREDIT = re.compile(r"^(.*[。！？”])[ \u3000]+(\S{2,12}/\s?摄|\S{2,12}\s摄|\S{2,12}供图)$")


@dataclass
class _Line:
    no: int  # 1-based
    text: str
    gap_before: int  # blank lines before (a large number at the start of the page)
    gap_after: int


def _is_complete(text: str) -> bool:
    """Does the line end a sentence? A column break leaves it hanging."""
    text = text.rstrip()
    if not text:
        return True
    last = text[-1]
    if last in _SENTENCE_END:
        return True
    if last in _CLOSERS:
        inner = text.rstrip(_CLOSERS)
        return bool(inner) and (inner[-1] in _SENTENCE_END or last in "）)》】")
    return False


def _marked_heading(text: str) -> re.Match | None:
    heading = _HEADING_MARK.match(text)
    return heading if heading and len(heading.group(2)) <= _MAX_HEADING else None


def is_caption(text: str) -> bool:
    return len(text) <= 80 and bool(_CAPTION_START.search(text) or _CAPTION_END.search(text))


def furniture_reason(text: str) -> str:
    bare = text.strip().strip("#").strip()
    if bare in _SECTION_LABELS:
        return "section label"
    if len(bare) >= 3 and not any(ch.isalnum() for ch in bare):
        return "rule or ornament (no letters or digits)"  # ———— or ＊＊＊; a lone ” may end a cut sentence
    for pattern, reason in _FURNITURE:
        if pattern.search(bare):
            return reason
    return ""


def _is_short(text: str) -> bool:
    """Could be a heading or picture title: short, no clause punctuation, not left hanging."""
    bare = text.replace(" ", "")
    return (0 < len(bare) <= _SHORT_LINE and not _is_complete(bare) and not bare.startswith("本报讯")
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
            out.append(_Line(index + 1, piece, gap, 99))
            gap = 0
    return out


def _classify(line: _Line, nxt: _Line | None, in_ad: bool, sentence_open: bool) -> Block:
    text = line.text
    span = (line.no, line.no)
    parts = (line.no,)
    if _AD_MARKER.match(text):
        return Block("advertisement", text, span, parts, reason="advertisement marker")
    if in_ad:
        heading = _marked_heading(text)
        if heading:
            return Block("heading", heading.group(2), span, parts, level=len(heading.group(1)),
                         marked=True, in_ad=True)
        return Block("text", text, span, parts, in_ad=True)
    reason = furniture_reason(text)
    if reason:
        return Block("furniture", text, span, parts, reason=reason)
    heading = _marked_heading(text)
    if heading:
        return Block("heading", heading.group(2), span, parts, level=len(heading.group(1)), marked=True)
    authors = split_byline(text)
    if authors:
        return Block("byline", text, span, parts, authors=authors)
    if is_caption(text):
        return Block("caption", text, span, parts)
    if _is_short(text):
        isolated = line.gap_before >= 2 and (line.gap_after >= 2 or nxt is None)
        # A short line inside a cut sentence, or set apart by wide gaps, is a picture title.
        if sentence_open or (isolated and line.gap_before < 99):
            return Block("caption", text, span, parts)
        if nxt is not None:
            return Block("heading", text, span, parts, level=0)
    return Block("text", text, span, parts)


def classify_lines(lines: list[str]) -> list[Block]:
    """One block per non-blank line, each with its layout role."""
    scanned = _scan(lines)
    blocks: list[Block] = []
    in_ad = False
    sentence_open = False
    for i, line in enumerate(scanned):
        nxt = scanned[i + 1] if i + 1 < len(scanned) else None
        block = _classify(line, nxt, in_ad, sentence_open)
        block.gap_before = line.gap_before
        if block.kind == "advertisement":
            in_ad = True
        if block.kind != "caption":
            sentence_open = block.kind == "text" and not _is_complete(block.text)
        blocks.append(block)
    return blocks


def _split_trailing_byline(block: Block) -> list[Block]:
    """`…快速转化。 李文晴` or `…动能。 周舟/摄`: a byline or photo credit set after the last sentence."""
    credit = _TRAILING_CREDIT.match(block.text)
    if credit:
        return [Block("text", credit.group(1), block.span, block.parts, gap_before=block.gap_before),
                Block("caption", credit.group(2), block.span, block.parts)]
    found = trailing_byline(block.text)
    if not found:
        return [block]
    body, byline, authors = found
    return [Block("text", body, block.span, block.parts, gap_before=block.gap_before),
            Block("byline", byline, block.span, block.parts, authors=authors)]


def join_broken(blocks: list[Block]) -> list[Block]:
    """Join text cut by a column break, lifting out captions that fell into the cut."""
    out: list[Block] = []
    open_text: int | None = None  # index in `out` of a text block that ends mid-sentence
    for block in blocks:
        if block.kind == "text" and open_text is not None and _continues(out[open_text], block):
            head = out[open_text]
            head.text += block.text
            head.span = (head.span[0], block.span[1])
            head.parts = head.parts + block.parts
        elif block.kind in ("caption",) and open_text is not None:
            out.append(block)
            continue
        else:
            out.append(block)
            open_text = None
        last = len(out) - 1 if block.kind == "text" else open_text
        if last is not None and out[last].kind == "text" and not _is_complete(out[last].text):
            open_text = last
        else:
            open_text = None
    result: list[Block] = []
    for block in out:
        result.extend(_split_trailing_byline(block) if block.kind == "text" else [block])
    return result


def _continues(head: Block, block: Block) -> bool:
    return bool(block.text) and not block.text.startswith("本报讯") and not (head.in_ad or block.in_ad)


def build_blocks(lines: list[str]) -> list[Block]:
    return join_broken(classify_lines(lines))
