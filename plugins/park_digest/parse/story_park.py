"""Which park a story is about: the one its headline names (with the partners it joins to it),
else its lead's; none for a round-up or a story about zones as a group. Parks named as a
comparison (与…相比, 比…, 赴…学习) are never the story's.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional, Sequence

from ..model import BodyItem, Fact, Park
from .parks import Mention, ParkIndex, find_mentions

# Words before a park's name in its clause that make it a comparison or a partner, not the subject
# (同期 is "in the same period", no partner).
_BEFORE = re.compile(r"(?:与|和|同(?!期|比|时)|跟|比|较|相较于|相比于|对标|学习|借鉴|赴|到|前往|走进|考察|继|仅次于|超过|超越|[约仅只才]为|"
                     r"高于|低于|领先于?|落后于|不及|相当于|对比|参照|向|看齐)[^，。；！？、,;]{0,2}$")
# …and words after it: 与A相比 has 与 before, A相比 alone has 相比 after.
_AFTER = re.compile(r"^[^，。；！？、,;]{0,3}(?:相比|相较|比较|之后|一样|那样|看齐)")
_WINDOW = 8  # characters on each side of a name that _BEFORE and _AFTER look at
# A park joined to the headline's first by 与/和 (合肥高新区与芜湖高新区共建…) is a partner the story
# is about too, unless the headline compares them (…与烟台高新区相比).
_PARTNER = re.compile(r"(?:与|和|同|跟|携手|联手|、)$")
_LISTED = re.compile(r"^[、和及][^，。；！？、,;]{0,3}$")
_GENERIC_ZONE = re.compile(r"高新区|新区|开发区|经开区|园区")
# A headline about zones as a group (国家高新区, 全省高新区, 各开发区) names no park of its own.
# 无锡两家高新区, 苏南三个国家级高新区, 常州多个开发区: the zones counted, together.
COUNTED = (r"(?:[\d两二三四五六七八九十几多数]+(?:家|个|座)|[两三四五六七八九十]大)(?:国家级|省级)?(?:高新区|新区|经开区|开发区|园区)"
           r"|[两三四五六七八九十]大(?:合作|开放|功能)?(?:平台|片区)")  # 三大合作平台: the zones of a round-up
_COLLECTIVE = re.compile(r"[两三]区|双区|[两三四]地|"  # 两区集中签约…: the parks of the story together
                         r"国家(?:级)?(?:高新区|新区|经开区|开发区|经济技术开发区|高新技术产业开发区)|[全各我][国省市区]?(?:\S{0,3})?(?:高新区|新区|经开区|开发区|园区)|"
                         + COUNTED)
# 本报讯（记者 钱程）走进常州滨江经济开发区…: a clause that opens on the reporter walking in sets the
# story's scene there; 赴深圳高新区学习 and 先后走访A、B stay visits elsewhere.
_SCENE = re.compile(r"(?:^|[，。：；）)])(?:走进|来到|走入)$")
# 建设全国一流国家级高新区: a goal one park sets itself, not the zones together.
_GOAL = re.compile(r"(?:建设|打造|创建|争创|建成|迈向|争当|跻身|一流|领先|示范)[^，。；]{0,6}$")


def subject_mentions(text: str, index: ParkIndex, areas: tuple[Park, ...] = ()) -> list[Mention]:
    """The parks a text names as subjects (comparisons and partners left out; a park listed
    right after a comparison, 赴深圳高新区、上海张江学习, is one too)."""
    subjects: list[Mention] = []
    previous: Optional[Mention] = None
    compared = False
    for m in find_mentions(text, index, areas):
        listed = previous is not None and _LISTED.match(text[previous.end:m.start]) is not None
        before, after = text[max(0, m.start - _WINDOW):m.start], text[m.end:m.end + _WINDOW]
        compared = bool((_BEFORE.search(before) and not _SCENE.search(before))
                        or _AFTER.match(after) or (listed and compared))
        if not compared:
            subjects.append(m)
        previous = m
    return subjects


def partners(title: str, in_title: list[Mention], index: ParkIndex, areas: tuple[Park, ...] = ()) -> list[Park]:
    """Parks the headline joins to its first one as partners (与, 和, 、), not as comparisons."""
    first = in_title[0]
    found: list[Park] = []
    previous = first
    for m in find_mentions(title, index, areas):
        if m.start < first.end:
            continue
        gap = title[previous.end:m.start]
        if len(gap) > 2 or not _PARTNER.search(gap) or _AFTER.match(title[m.end:m.end + _WINDOW]):
            break
        found.append(m.park)
        previous = m
    return found


def main_park(in_title: list[Mention], body: Sequence[BodyItem], in_body: list[list[Mention]],
              page_park: Optional[Park], title: Optional[str], facts: list[Fact],
              lead_mentions: Sequence[Mention] = ()) -> Optional[Park]:
    """The park the headline names; none for a round-up (figures spread over three parks or
    more, none with most of them); else the park the lead names, else the one named most often
    (the earliest on a tie). A story that only says 高新区 belongs to the page's park."""
    headline = [m.park for m in in_title if m.park.level != "sub-park"]
    shares = Counter(f.park for f in facts if f.park)
    spread = len(shares) >= 3 and max(shares.values()) < 0.6 * sum(shares.values())
    if len({p.slug for p in headline}) >= 3 or (len({p.slug for p in headline}) >= 2 and spread):
        return None  # 南沙前海横琴上半年…: a round-up of the parks it names
    if headline:
        return headline[0]
    if any(PROFILE.match(item.text) for item in body[:2]):
        return None  # ——记某高新区首席技师刘建平: a profile of a person, whose park is only where he works
    if title and any(not _GOAL.search(title, max(0, m.start() - 8), m.start()) for m in _COLLECTIVE.finditer(title)):
        return None  # 前三季度国家高新区…: about all the zones, whatever parks the text gives as examples
    if spread:
        return None  # a round-up: its figures spread over three parks or more
    lead = next((i for i, item in enumerate(body) if item.type == "paragraph"), None)
    if lead is not None and in_body[lead]:
        if _touring(body[lead].text, in_body[lead][0], lead_mentions):
            return None  # 先后来到A、B和C: a visit to several parks, none of them the story's
        return in_body[lead][0].park
    counts: Counter = Counter()
    first: dict[str, Park] = {}
    for mentions in in_body:
        for m in mentions:
            counts[m.park.slug] += 1
            first.setdefault(m.park.slug, m.park)
    if counts:
        order = list(first)
        return first[max(counts, key=lambda slug: (counts[slug], -order.index(slug)))]
    text = (title or "") + "".join(item.text for item in body)
    return page_park if page_park is not None and _GENERIC_ZONE.search(text) else None


_SENTENCE_END = re.compile(r"[。！？；]")
PROFILE = re.compile(r"^\s*[—－-]{1,2}\s*记")  # a profile's subtitle: ——记…


def _touring(text: str, first: Mention, mentions: Sequence[Mention]) -> bool:
    """Does the lead's sentence that first names a park as its subject name three parks or more
    (a leader's visit to several sites, a list of zones), so that no one of them is the story's?"""
    opens = max((m.end() for m in _SENTENCE_END.finditer(text, 0, first.start)), default=0)
    close = _SENTENCE_END.search(text, first.start)
    closes = close.start() if close else len(text)
    return len({m.park.slug for m in mentions if opens <= m.start < closes}) >= 3


# A park whose clause gives its rank (排名第66位, 位列第3, 位列前三) or a figure, even one too
# misprinted to read (营收突破40 0亿元), is one the story reports on, not one it names in passing.
_REPORTED = re.compile(r"[^。；！？]{0,16}?(?:第[\d一二三四五六七八九十百]+(?:位|名)|\d[\d. ]*(?:亿|万|%|％|家|个|项|元)|"
                       r"(?:位列|位居|跻身|进入|排名|排在)(?:全国|全省|全市)?前[\d一二三四五六七八九十百]+)")  # 位列前三


def reported_parks(body: Sequence[BodyItem], in_body: list[list[Mention]], every: list[tuple[Mention, ...]],
                   listed: set[int]) -> list[Park]:
    """Parks the story reports on without a figure of theirs being read: each item of a list of
    parks (1.苏州工业园区 2.广州经开区 …, `listed`), and each park whose clause gives its rank or a
    figure, alone or in a run of parks that share it (龙岩经开区和海沧台商投资区分别列第67位和第89位)."""
    found: list[Park] = []
    for number, (item, subjects, mentions) in enumerate(zip(body, in_body, every)):
        if number in listed:
            found.extend(m.park for m in subjects)
            continue
        starts = {m.start for m in subjects}
        run: list[Mention] = []
        for m in mentions:
            if run and not _JOINED_RUN.fullmatch(item.text, run[-1].end, m.start):
                run = []
            if run or m.start in starts:
                run.append(m)
                if _REPORTED.match(item.text, m.end):
                    found.extend(r.park for r in run)
    return found


_JOINED_RUN = re.compile(r"[、和及与]")  # between the parks of a run that share one clause
