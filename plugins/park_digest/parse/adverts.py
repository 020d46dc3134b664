"""Adverts a printed page sets between its stories without a 广告 label.

A property, recruitment or investment advert on a newspaper page is a box of short lines (a
slogan, an offer, a price) that ends on a way to reach the advertiser: a phone number after
热线/咨询/电话, a mobile or 400 number. That contact line and the short lines around it, between
the end of one story and the headline of the next, are the advert (a story of kind
advertisement), not furniture and not part of either story. A contact line inside a story (报名
电话 under a notice, with text after it) is not an advert. On a web page, a bare 广告 label
marks a slot the site fills, not the text below it (mark_ad_slots).
"""
from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from .prose import is_prose

AD_LABEL = re.compile(r"^[（(【\[]?\s*广\s*告\s*[）)】\]]?$")  # the label a printed page sets over each advert
# the same label in brackets opening the advert's one line: 【广告】 秋季车展 … 购车热线 …
AD_LABEL_INLINE = re.compile(r"^[（(【\[]\s*广\s*告\s*[）)】\]]\s*\S")

# A way to reach the advertiser: a labelled landline (0519-8888 6666 too), a mobile number, a 400
# number, a QR code to scan (扫码咨询) or a web address (官网：www.…).
_CONTACT = re.compile(
    r"(?:电话|热线|专线|咨询|垂询|联系|订购|预约|售楼|招商)[^\d，。；]{0,8}(?:[(（]?0\d{2,3}[)）]?[-\s]?)?(?:\d{7,8}|\d{3,4}[-\s]\d{4})(?!\d)"
    r"|(?:电话|热线|专线|咨询|垂询|联系|订购|预约|售楼|招商)[^\d，。；]{0,8}0\d{2,3}[-\s]?\d[\dXx*]{5,7}(?![\dXx*])"  # masked: 0551-6xxx8888
    r"|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)400[-\s]?\d{3}[-\s]?\d{4}(?!\d)"
    r"|(?:扫码|扫描二维码|扫一扫)\S{0,2}(?:咨询|预约|报名|看房|购房)|(?:官网|网址)\s*[:：]?\s*(?:https?://)?www\.")
_PHOTO_CREDIT = re.compile(r"[（(][^（）()]{1,12}摄[）)]$|\s\S{2,4}\s*摄$")
_AD_LINE_MAX = 60  # an advert's lines are a box's: short
_AD_LINES_MAX = 6
# Page furniture that bounds an advert rather than belonging to one: the page's own header, and
# the page's credits, copyright line and navigation under its last advert (本版编辑 李霞 校对 王丽);
# a rule drawn above it (no letters) is no advert's line either (_in_box).
_PAGE_REASONS = ("masthead", "page header", "source and date line", "section label", "advertisement marker",
                 "editor credit line", "disclaimer", "e-paper navigation", "page navigation")


def unlabelled_adverts(texts: Sequence[str], reasons: Sequence[str], keep: Callable[[str], bool],
                       headline: Callable[[str], bool], gaps: Sequence[int] = ()) -> list[tuple[int, int]]:
    """(first, last) indexes of each unlabelled advert on a printed page. `keep(text)`: a line
    that belongs to a story wherever it stands (a byline, a caption); `headline(text)`: a line
    shaped like a headline; `gaps`: the blank lines above each line."""
    found: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        if not _CONTACT.search(text) or not _in_box(i, texts, reasons, keep):
            continue
        if found and found[-1][1] >= i:
            continue
        first = i
        while first > 0 and i - first < _AD_LINES_MAX and _in_box(first - 1, texts, reasons, keep) \
                and not _is_story_headline(first - 1, texts, reasons, keep, headline) \
                and not heads_story_above(first - 1, texts, reasons, headline):
            first -= 1
        last = i
        # a blank line under the contact line ends the box, unless the page sets one after every line
        spaced = bool(gaps) and all(gap > 0 for gap in gaps[1:])
        while last + 1 < len(texts) and last - first < _AD_LINES_MAX and _in_box(last + 1, texts, reasons, keep) \
                and (not gaps or spaced or gaps[last + 1] == 0) \
                and not _is_story_headline(last + 1, texts, reasons, keep, headline):
            last += 1
        after = last + 1
        if (last == first and not _boxed_line(texts[i])) or (after < len(texts) and not reasons[after] and is_prose(texts[after])):
            continue  # a contact line alone, or inside a story that goes on under it
        set_apart = bool(gaps) and gaps[first] > 0
        if first > 0 and not set_apart and is_prose(texts[first - 1]) \
                and _shares_words(texts[first:last + 1], texts[first - 1], 2 if last == first else 1):
            continue  # 报名地址… 咨询电话… right under a notice's text: the notice's own details
        found.append((first, last))
    return found


_BOX_PARTS = 3


def _boxed_line(text: str) -> bool:
    """A whole advert set on one line, its parts apart by spaces and no sentence among them
    (2025年《某某日报》征订火热进行中　全年订价180元　订报热线：…)."""
    return "。" not in text and len([p for p in re.split(r"[ \u3000]+", text.strip()) if p]) >= _BOX_PARTS


def mark_unlabelled_adverts(scanned: Sequence[Any], keep: Callable[[str], bool],
                            headline: Callable[[str], bool]) -> None:
    """Mark the lines of a printed page's unlabelled adverts (`advert`, no furniture reason); a
    story's headline printed after it right above an advert is the story's, not furniture."""
    texts, reasons = [line.text for line in scanned], [line.reason for line in scanned]
    found = unlabelled_adverts(texts, reasons, keep, headline, [line.gap_before for line in scanned])
    for first, last in printed_notices(texts, reasons):
        found = [(a, b) for a, b in found if b < first or a > last] + [(first, last)]
    for first, last in found:
        for line in scanned[first:last + 1]:
            line.reason, line.advert = "", True
        if first > 0 and reasons[first - 1] == "short line below the story" \
                and heads_story_above(first - 1, texts, reasons, headline):
            scanned[first - 1].reason = ""


# The head of a paid notice or a job advert a paper prints among its stories: 诚聘, 招聘启事,
# 关于某地块国有建设用地使用权挂牌出让的公告, 某某公司拍卖公告.
_NOTICE_HEAD = re.compile(r"^(?:诚聘|招聘|诚招|高薪诚聘|[^，。；！？]{2,36}(?:公告|通告|公示|启事))$")
# Its signature: the issuer and the day it signed (包头市自然资源局　2024年12月17日), on one line or two.
_SIGNED = re.compile(r"^[^，。；！？]{0,24}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")
_NOTICE_LINES_MAX = 8


def opens_notice(text: str) -> bool:
    """The head of a notice or job advert (公告, 诚聘): a new advertisement, not the one above."""
    return bool(_NOTICE_HEAD.match(text.replace(" ", "").replace("\u3000", "")))


def printed_notices(texts: Sequence[str], reasons: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) of each paid notice or job advert on a printed page: its head (公告, 诚聘),
    its text, down to its last contact line (电话, 地址) or signature date. It is an advertisement,
    not the story above it, even where its text reads as prose."""
    found: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        if reasons[i] not in ("", "repeated headline") or not opens_notice(text):
            continue
        last = None
        for k in range(i + 1, min(i + 1 + _NOTICE_LINES_MAX, len(texts))):
            if reasons[k] in _PAGE_REASONS and not _SIGNED.match(texts[k].replace("\u3000", "")):
                break  # the page's credits under it
            if _CONTACT.search(texts[k]) or _SIGNED.match(texts[k].replace(" ", "").replace("\u3000", "")):
                last = k
        if last is not None and last > i + 1 and not (found and found[-1][1] >= i):
            found.append((i, last))
    return found


def heads_story_above(i: int, texts: Sequence[str], reasons: Sequence[str], headline: Callable[[str], bool]) -> bool:
    """A headline printed after its story, right under its last paragraph and sharing a word with
    it: the story's, not the first line of the advert below it."""
    return (i > 0 and headline(texts[i]) and not _CONTACT.search(texts[i]) and not reasons[i - 1]
            and is_prose(texts[i - 1]) and _shares_words([texts[i]], texts[i - 1]))


def _shares_words(box: Sequence[str], paragraph: str, least: int = 1) -> bool:
    """Does the box share a word (two characters in a row; `least` of them for an advert on one
    line, which may name the town the story is about) with the paragraph above it? An advert is
    about something else than the story it stands under."""
    def pairs(text: str) -> set[str]:
        chars = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
        return {a + b for a, b in zip(chars, chars[1:])}
    return len(pairs("".join(box)) & pairs(paragraph)) >= least


def _in_box(i: int, texts: Sequence[str], reasons: Sequence[str], keep: Callable[[str], bool]) -> bool:
    text = texts[i].strip()
    # a story's last short sentence (…126家。) or a credited picture item is no advert's line
    return (0 < len(text) <= _AD_LINE_MAX and any(ch.isalnum() for ch in text) and not is_prose(text) and not keep(text)
            and reasons[i] not in _PAGE_REASONS and text[-1] not in "。！？" and not _PHOTO_CREDIT.search(text))


def _is_story_headline(i: int, texts: Sequence[str], reasons: Sequence[str], keep: Callable[[str], bool],
                       headline: Callable[[str], bool]) -> bool:
    """A headline with its story's text right under it (past its date and byline lines)."""
    if not headline(texts[i]) or _CONTACT.search(texts[i]):
        return False
    k = i + 1
    while k < len(texts) and (reasons[k] == "source and date line" or keep(texts[k])):
        k += 1
    return k < len(texts) and not reasons[k] and is_prose(texts[k])


# Furniture a printed page has too: it does not make a page a web page.
_PRINT_REASONS = ("section label", "page header", "rule or ornament (no letters or digits)")


def mark_ad_slots(scanned: Sequence[Any]) -> None:
    """A bare 广告 among a web page's menus and banners, above its first paragraph, labels an
    advert slot, not the text below it; on a printed page the label heads the advert."""
    # Not for a printed page (no web furniture): there an advert's own text may read as prose.
    first = next((i for i, line in enumerate(scanned) if not line.reason and is_prose(line.text)), len(scanned))
    for i in range(first):
        if (AD_LABEL.match(scanned[i].text) and not scanned[i].reason
                and any(line.reason and line.reason not in _PRINT_REASONS for line in scanned[:i])):
            scanned[i].reason = "advertisement slot label"
    if not any(line.reason and line.reason not in _PRINT_REASONS for line in scanned):
        return
    # Between two paragraphs of a web story, the label and the short lines under it are a slot
    # the site fills; the story goes on at the next paragraph.
    for i in range(first, len(scanned)):
        if not AD_LABEL.match(scanned[i].text) or scanned[i].reason:
            continue
        k = next((k for k in range(i + 1, len(scanned)) if not scanned[k].reason and is_prose(scanned[k].text)), None)
        if k is None:
            continue
        scanned[i].reason = "advertisement slot label"
        for j in range(i + 1, k):
            scanned[j].reason = scanned[j].reason or "advertisement inside a web story"
