"""What stands above a story's first paragraph: the site's banners, an account's name, the headline.

Of the short lines stacked over the first paragraph only one is the headline, the one that says
what the story says; an outlet's or account's name, a channel label, a credit or a line of
interface text is the site's, whatever words it uses.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from .prose import CJK, SENTENCE, has_letters, is_prose, pairs

_OUTLET = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,8}(?:网|报|台|社|资讯|新闻|财经|频道|客户端|号)$")
# An account or issuer: a place or a zone, then 发布, 融媒, 管委会 (襄阳高新发布, 株洲发布, 某某高新区
# 管委会). Headlines end so too (规划发布), so such a line is judged furniture only when the
# story's headline stands elsewhere.
_ZONE_WORD = r"(?:高新|高新区|经开|经开区|开发区|新区|园区|自贸区)"
_ACCOUNT = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{2,8}" + _ZONE_WORD + ")"
                      r"(?:发布|融媒|管委会|管理委员会|人民政府)$")
# 襄阳高新发布, 某某高新区管委会: a zone's own account or committee, never a story's headline.
_ZONE_ACCOUNT = re.compile(_ZONE_WORD + r"(?:发布|融媒|管委会|管理委员会)$")
# 【株洲高新区前两月产值增长9.1%】记者…: a post that carries its headline in brackets.
BRACKET_LINE = re.compile(r"^【([^】]{8,48})】$")  # the same, on a line of its own
BRACKET_HEADLINE = re.compile(r"^【([^】]{8,48})】(?=\S{20})")
_CHANNEL_MAX = 4  # 商业, 香港电台: a channel or outlet's name, shorter than any headline
_HEADLINE_PAIRS = 4  # a headline shares at least this many character pairs with its lead
# 一季度投资额翻番！某某高新区招商跑出加速度: a headline with an exclamation inside; 国家级新区
# 成绩单出炉：哪些新区跑出了加速度？: one that asks, long enough to pass for a paragraph.
EXCLAIMED = re.compile(r"^[^。；;，,]{2,24}[！!][^。；;]{4,40}$|^[^。；;！!？?]{8,48}[？?]$")


def exclaimed_headline(texts: Sequence[str], reasons: list[str], i: int) -> bool:
    """`一季度投资额翻番！某某高新区招商跑出加速度`: a headline with an exclamation inside, or one in
    question form, at the top of the page and not followed by another paragraph right away, is
    no paragraph."""
    if not EXCLAIMED.match(texts[i].strip()) or any(not reasons[k] and is_prose(texts[k]) for k in range(i)):
        return False
    nxt = next((k for k in range(i + 1, len(texts)) if not reasons[k] and has_letters(texts[k])), None)
    return nxt is not None and not is_prose(texts[nxt])


def mark_above(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool], first: int) -> None:
    """Above the first paragraph stand the site's banners and the headline: what cannot be the
    headline (no Chinese, an outlet's name, a label too short) is the site's."""
    content = [i for i in range(first) if not reasons[i] and has_letters(texts[i])]
    for i in content:
        if not CJK.search(texts[i]) and re.search(r"[A-Za-z]{3}", texts[i]):
            reasons[i] = "interface text (no Chinese)"  # Skip to Content, Facebook: the site's controls
    _mark_under_headline(texts, reasons, keep, first)
    lead = pairs(texts[first])
    bracketed = bool(BRACKET_HEADLINE.match(texts[first])) or any(BRACKET_LINE.match(texts[i].strip()) for i in content)
    for i in content:
        # 中国高新网, 金台资讯 over an untitled excerpt: an outlet's name, not a headline, since
        # it shares no word with the paragraph under it, or since the post's headline opens its
        # paragraph in 【】.
        bare = re.sub(r"\s+", "", texts[i])
        if reasons[i]:
            continue
        if _OUTLET.match(bare) and (bracketed or not pairs(texts[i]) & lead):
            reasons[i] = "outlet name"
        elif _ACCOUNT.match(bare) and (bracketed or _ZONE_ACCOUNT.search(bare) or _longer_headline(texts, reasons, content, i)):
            reasons[i] = "outlet name"
    _mark_account_names(texts, reasons, keep, content, lead)
    _mark_site_banner(texts, reasons, content, first, bracketed)
    headline_seen = False
    for i in content:
        if reasons[i]:
            continue
        bare = re.sub(r"\s+", "", texts[i])
        if (headline_seen and len(bare) <= _CHANNEL_MAX and CJK.search(bare) and not keep(texts[i])
                and not bare.endswith(("：", ":"))):  # 各企业： addresses the notice's readers
            reasons[i] = "channel or outlet label"  # under a headline, too short to be one
        headline_seen = True


# A self-media account's follow button beside its name (关注, +关注, 关注TA).
_FOLLOW = re.compile(r"^[+＋]?\s*关注(?:TA|他|她)?$")
_ACCOUNT_NAME_MAX = 12
# The card under an account's name counts its fans or names its badge; a news app's 某某 发布于
# 上海 may stand right under a short headline.
_FANS = re.compile(r"粉丝|获赞|创作者|博主|作品|关注")


def _mark_account_names(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool],
                        content: list[int], lead: set[str]) -> None:
    """A short line right above an author card (2.3万粉丝 · 优质财经领域创作者) or a follow button is
    the account's name (珠海观察, 滇中观察家), not the headline: it says little of what the story says."""
    for i in content:
        after = next((k for k in range(i + 1, len(texts)) if has_letters(texts[k])), None)
        bare = re.sub(r"\s+", "", texts[i])
        if (reasons[i] or after is None or keep(texts[i]) or len(bare) > _ACCOUNT_NAME_MAX
                or re.search(r"[，,。；;！？!?]", bare)):
            continue
        card = reasons[after] == "author card" and _FANS.search(texts[after])  # not 某某 发布于 上海
        if (card or _FOLLOW.match(texts[after].strip())) and len(pairs(texts[i]) & lead) < _HEADLINE_PAIRS:
            reasons[i] = "author card"


_NAVIGATION = ("breadcrumb", "menu or link row")


def _mark_site_banner(texts: Sequence[str], reasons: list[str], content: list[int], first: int,
                      bracketed: bool) -> None:
    """The page's first line, right above the site's navigation (a breadcrumb or a menu row), is
    the site's name or the issuing body's banner (微博, 国家科学及技术委员会…管理局) when the
    story's headline stands below the navigation or opens the post in 【】: sites set their
    headline under their menus, never over them."""
    if not content or reasons[content[0]]:
        return
    top = content[0]
    nav = next((k for k in range(top + 1, first) if has_letters(texts[k])), None)
    if nav is None or reasons[nav] not in _NAVIGATION:
        return
    lead = pairs(texts[first])
    headline_below = any(not reasons[k] and len(pairs(texts[k]) & lead) >= _HEADLINE_PAIRS for k in range(nav + 1, first))
    if headline_below or bracketed:
        reasons[top] = "site name"


def _longer_headline(texts: Sequence[str], reasons: list[str], content: list[int], i: int) -> bool:
    """Another line above the story, longer and not itself an account's name, can be its headline."""
    return any(k != i and not reasons[k] and len(texts[k]) > len(texts[i]) + 4 and CJK.search(texts[k])
               and not _ACCOUNT.match(re.sub(r"\s+", "", texts[k])) for k in content)


# A numbered subhead over the story's first section: 01 主要指标 (public accounts), 一、出台背景.
NUMBERED_SUBHEAD = re.compile(r"^(?:0[1-9][ \u3000]*|[一二三四五六七八九十]{1,2}、)[\u4e00-\u9fff]{2,14}$")


def _mark_under_headline(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool], first: int) -> None:
    """Of the short lines stacked above the first paragraph, the headline is the one that shares
    the most words (character pairs) with that paragraph: a headline says what the story says. A
    line between it and the paragraph that shares less than half as much is an outlet, credit or
    channel line (航空港区融媒体, 海报新闻记者 王强 报道), not the headline."""
    stack = []
    for i in range(first - 1, -1, -1):
        if reasons[i] or not has_letters(texts[i]):
            continue
        exclaimed = bool(EXCLAIMED.match(texts[i].strip()))  # 12.6亿元！…: a headline, not a sentence
        if keep(texts[i]) or (SENTENCE.search(texts[i]) and not exclaimed) or len(texts[i]) > 60 \
                or texts[i].rstrip().endswith(("：", ":")) or NUMBERED_SUBHEAD.match(texts[i].strip()):
            break  # a byline, a sentence, a salutation (各有关企业：), a subhead (01 主要指标) belong to the text below
        stack.append(i)
    if len(stack) < 2:
        return
    lead = pairs(texts[first])
    shared = {i: len(pairs(texts[i]) & lead) for i in stack}
    best = max(stack, key=lambda i: (shared[i], -i))
    if shared[best] < _HEADLINE_PAIRS:
        return
    for i in stack:
        if i > best and 2 * shared[i] < shared[best]:
            reasons[i] = "line between the headline and the story"
