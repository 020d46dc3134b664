"""Which park a story is about, which parks it gives figures for, and which park each figure
belongs to (a round-up of ten new areas files each figure under its own).

A figure belongs to the park last named before it in its paragraph, else to the park of the
heading it stands under, else to the story's park. A park named as a comparison (与…相比, 比…,
仅次于…, 赴…学习) takes no figure and is only "mentioned".
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..model import BodyItem, Fact, Park
from .parks import Mention, ParkIndex, find_mentions
from .places import leading_places, short_form

# Words before a park's name in its clause that make it a comparison or a partner, not the subject.
_BEFORE = re.compile(r"(?:与|和|同|跟|比|较|相较于|相比于|对标|学习|借鉴|赴|到|前往|走进|考察|继|仅次于|超过|超越|"
                     r"高于|低于|领先于?|落后于|不及|相当于|对比|参照|向|看齐)[^，。；！？、,;]{0,2}$")
# …and words after it: 与A相比 has 与 before, A相比 alone has 相比 after.
_AFTER = re.compile(r"^[^，。；！？、,;]{0,3}(?:相比|相较|比较|之后|一样|那样|看齐)")
_WINDOW = 8  # characters on each side of a name that _BEFORE and _AFTER look at
# A park joined to the headline's first by 与/和 (合肥高新区与芜湖高新区共建…) is a partner the story
# is about too, unless the headline compares them (…与烟台高新区相比).
_PARTNER = re.compile(r"(?:与|和|同|跟|携手|联手|、)$")
_LISTED = re.compile(r"^[、和及][^，。；！？、,;]{0,3}$")
_GENERIC_ZONE = re.compile(r"高新区|新区|开发区|经开区|园区")
# A sentence about the whole country or province (全省16个高新区…) names no park: its figures are
# nobody's, not the last park named before it.
# It must open a clause: 占全国的四分之一 is the park's share, not the country's figure.
# 全省…, 前三季度全省高新区…: a clause about the whole province or country (a time may lead it);
# not 全国首创, 全省领先, which rank the park's own figure.
_SCOPE = re.compile(r"(?:^|(?<=[，,：:。！？；]))[^，,：:。！？；占比较于的]{0,6}?[在据从]?(?:全省|全国|全市|各地|各省|各市|全行业)"
                    r"(?!首|第一|领先|率先|唯一|最|一流|知名)")  # 全国首创的有12个: the park's, first in the country
_SENTENCE_END = re.compile(r"[。！？；]")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_JOINED = re.compile(r"^[、和与及,，\s]*$")  # between the parks of 「A、B分别…」
# A clause that opens with a district or county by its full name (南沙区相关负责人…) is about that
# division, which is no park even when a new area shares its name (广州南沙新区).
_CLAUSE_START = re.compile(r"(?:^|(?<=[，,：:。！？；]))")
# A headline about zones as a group (国家高新区, 全省高新区, 各开发区) names no park of its own.
# 无锡两家高新区, 苏南三个国家级高新区, 常州多个开发区: the zones counted, together.
_COUNTED = r"(?:[\d两二三四五六七八九十几多数]+(?:家|个|座)|[两三四五六七八九十]大)(?:国家级|省级)?(?:高新区|新区|经开区|开发区|园区)"
_COUNTED_ZONES = re.compile(_COUNTED)
_COLLECTIVE = re.compile(r"国家(?:级)?(?:高新区|新区|经开区|开发区)|[全各我][国省市区]?(?:\S{0,3})?(?:高新区|新区|经开区|开发区|园区)|"
                         + _COUNTED)
# 建设全国一流国家级高新区: a goal one park sets itself, not the zones together.
_GOAL = re.compile(r"(?:建设|打造|创建|争创|建成|迈向|争当|跻身|一流|领先|示范)[^，。；]{0,6}$")
_ZONE_COUNT = re.compile(r"(?:国家级|省级|国家|省)?(?:高新区|新区|经开区|开发区|示范区|合作区)")
_TOGETHER = re.compile(r"[两三四多]地|[两三]区|双区")  # 横琴南沙两地…逾千家: a figure for several parks together


@dataclass
class Attribution:
    park: Optional[Park]  # the story's own park
    parks: list[Park]  # its park first, then every other park it gives figures for
    mentioned: list[str]  # name_zh of parks named only in passing or as comparisons


def subject_mentions(text: str, index: ParkIndex) -> list[Mention]:
    """The parks a text names as subjects (comparisons and partners left out; a park listed
    right after a comparison, 赴深圳高新区、上海张江学习, is one too)."""
    subjects: list[Mention] = []
    previous: Optional[Mention] = None
    compared = False
    for m in find_mentions(text, index):
        listed = previous is not None and _LISTED.match(text[previous.end:m.start]) is not None
        before, after = text[max(0, m.start - _WINDOW):m.start], text[m.end:m.end + _WINDOW]
        compared = bool(_BEFORE.search(before) or _AFTER.match(after) or (listed and compared))
        if not compared:
            subjects.append(m)
        previous = m
    return subjects


def attribute(title: Optional[str], body: Sequence[BodyItem], facts: Iterable[Fact], index: ParkIndex,
              page_park: Optional[Park] = None) -> Attribution:
    """Set each fact's park and return the story's park, its parks and the parks it mentions."""
    facts = list(facts)
    in_title = subject_mentions(title or "", index)
    in_body = [subject_mentions(item.text, index) for item in body]
    named = [m.park for m in find_mentions(title or "", index)] + [
        m.park for item in body for m in find_mentions(item.text, index)]
    section: list[Optional[Park]] = []  # the park of the heading each item stands under
    current: Optional[Park] = None
    listed = _listed_headings(body, in_body)
    for number, (item, mentions) in enumerate(zip(body, in_body)):
        if item.type == "heading" and number not in listed:
            current = mentions[0].park if mentions else current
        section.append(current)
    blocks = [_Block.of(item.text, mentions, index) for item, mentions in zip(body, in_body)]
    texts = [item.text for item in body]
    owners = [None if _counts_zones(fact, title or "", texts) else _owner(fact, title or "", in_title, blocks, section)
              for fact in facts]
    for fact, owner in zip(facts, owners):
        fact.park = owner.name_zh if isinstance(owner, Park) else None
    by_block: dict[object, list[Fact]] = {}  # not a scan of every fact per item: quadratic
    for fact in facts:
        by_block.setdefault(fact.block, []).append(fact)
    for number, item in enumerate(body):
        _respectively(item.text, by_block.get(number, []), index)
    _respectively(title or "", by_block.get("title", []), index)
    main = _main_park(in_title, body, in_body, page_park, title, facts)
    for fact, owner in zip(facts, owners):
        if owner is _STORY and main is not None and fact.park is None:
            fact.park = main.name_zh
    by_name = {p.name_zh: p for p in named}
    partners = _partners(title or "", in_title, index) if main is not None and in_title and main is in_title[0].park else []
    parks = list({p.slug: p for p in ([main] if main else []) + partners +
                  [by_name[f.park] for f in facts if f.park in by_name]}.values())
    taken = {p.slug for p in parks}
    mentioned = list(dict.fromkeys(p.name_zh for p in named if p.slug not in taken))
    return Attribution(main, parks, mentioned)


def _listed_headings(body: Sequence[BodyItem], in_body: list[list[Mention]]) -> set[int]:
    """Headings in a row that each name a park (1.苏州工业园区 2.广州经开区 …) are a ranked list,
    not sections: the text under the last of them (national totals) is not that park's."""
    listed: set[int] = set()
    run: list[int] = []
    for number, (item, mentions) in enumerate([*zip(body, in_body), (None, [])]):
        if item is not None and item.type == "heading" and mentions:
            run.append(number)
            continue
        if len(run) >= 2:
            listed.update(run)
        run = []
    return listed


def _partners(title: str, in_title: list[Mention], index: ParkIndex) -> list[Park]:
    """Parks the headline joins to its first one as partners (与, 和, 、), not as comparisons."""
    first = in_title[0]
    found: list[Park] = []
    previous = first
    for m in find_mentions(title, index):
        if m.start < first.end:
            continue
        gap = title[previous.end:m.start]
        if len(gap) > 2 or not _PARTNER.search(gap) or _AFTER.match(title[m.end:m.end + _WINDOW]):
            break
        found.append(m.park)
        previous = m
    return found


_STORY = object()  # a figure that names no park: the story's own


@dataclass
class _Block:
    """A paragraph's subject mentions, sentence starts and whole-country openings, for bisect:
    a page of one 200,000-character line has tens of thousands of figures."""
    mentions: list[Mention]
    starts: list[int]  # of the mentions
    sentences: list[int]  # offsets where a sentence begins
    scopes: list[int]  # offsets of 全省, 全国 … or a district's name opening a clause

    @classmethod
    def of(cls, text: str, mentions: list[Mention], index: Optional[ParkIndex] = None) -> "_Block":
        sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
        # a clause about zones counted together (无锡两家高新区合计…) is theirs together, no one park's
        scopes = sorted([m.start() for m in _SCOPE.finditer(text)] + [m.start() for m in _COUNTED_ZONES.finditer(text)])
        if index is not None:
            scopes = sorted(scopes + _district_openings(text, mentions, index))
        return cls(mentions, [m.start for m in mentions], sentences, scopes)


def _district_openings(text: str, mentions: list[Mention], index: ParkIndex) -> list[int]:
    """Offsets of clauses that open with a district or county named in full (南沙区, 广州市南沙区)
    where no park's name starts."""
    parks_at = {m.start for m in mentions}
    found = []
    for start in (m.end() for m in _CLAUSE_START.finditer(text)):
        if start in parks_at:
            continue
        chain = leading_places(text[start:start + 12], index.places)
        if chain and chain[-1][0].endswith(("区", "县")) and any(p.level == "county" for p in chain[-1][1]):
            found.append(start)
    return found


def _counts_zones(fact: Fact, title: str, texts: list[str]) -> bool:
    """33个开发区, 178家国家高新区: a figure that counts zones is the group's, no one zone's."""
    text = title if fact.block == "title" else texts[fact.block] if isinstance(fact.block, int) else ""
    return bool(_ZONE_COUNT.match(text, fact.start + len(fact.surface)))


def _owner(fact: Fact, title: str, in_title: list[Mention], blocks: list[_Block], section: list[Optional[Park]]) -> object:
    """The park a figure's text gives it, None for a figure about the whole province or
    country, or _STORY."""
    if fact.block == "title":
        before = [m for m in in_title if m.start <= fact.start]
        if before and _TOGETHER.search(title, before[-1].end, fact.start):
            return None
        return before[-1].park if before else _STORY
    block = blocks[fact.block]
    count = bisect_right(block.starts, fact.start)
    last = block.mentions[count - 1] if count else None
    opens = block.sentences[bisect_right(block.sentences, fact.start) - 1] if block.sentences and \
        block.sentences[0] <= fact.start else 0
    scope = bisect_left(block.scopes, opens)
    if (last is None or last.start < opens) and scope < len(block.scopes) and block.scopes[scope] < fact.start:
        return None
    if last is not None and last.start < opens and _in_list(block, count - 1):
        return section[fact.block] or _STORY  # 依次为A、B、C。全国…: a sentence after a list names no park
    return last.park if last else (section[fact.block] or _STORY)


def _in_list(block: "_Block", at: int) -> bool:
    """Is the mention at `at` one of three or more parks named in one sentence (a ranked list)?"""
    start = block.starts[at]
    k = bisect_right(block.sentences, start)
    opens = block.sentences[k - 1] if k else 0
    closes = block.sentences[k] if k < len(block.sentences) else start + 1
    return bisect_left(block.starts, closes) - bisect_left(block.starts, opens) >= 3


def _respectively(text: str, facts: list[Fact], index: ParkIndex) -> None:
    """「西安高新区、成都高新区营收分别增长10.2%和9.6%」: the figures after 分别 go to the parks
    listed before it, in turn."""
    if "分别" not in text:
        return
    mentions = find_mentions(text, index)
    for sentence in _SENTENCE.finditer(text):
        marks = [m.start() for m in re.finditer("分别", sentence.group(0))]
        bounds = [sentence.start() + at for at in marks] + [sentence.end()]
        start = sentence.start()
        for at, end in zip(bounds, bounds[1:]):
            before = [m for m in mentions if start <= m.start and m.end <= at]
            run = before[-1:]
            for m in reversed(before[:-1]):
                if not _JOINED.match(text[m.end:run[0].start]):
                    break
                run.insert(0, m)
            after = [f for f in facts if at <= f.start < end]
            if len(run) >= 2 and after and len(after) % len(run) == 0:
                for k, fact in enumerate(after):
                    fact.park = run[k % len(run)].park.name_zh
            start = at


def _main_park(in_title: list[Mention], body: Sequence[BodyItem], in_body: list[list[Mention]],
               page_park: Optional[Park], title: Optional[str], facts: list[Fact]) -> Optional[Park]:
    """The park the headline names; none for a round-up (figures spread over three parks or
    more, none with most of them); else the park the lead names, else the one named most often
    (the earliest on a tie). A story that only says 高新区 belongs to the page's park."""
    headline = [m.park for m in in_title if m.park.level != "sub-park"]
    if headline:
        return headline[0]
    if title and any(not _GOAL.search(title, max(0, m.start() - 8), m.start()) for m in _COLLECTIVE.finditer(title)):
        return None  # 前三季度国家高新区…: about all the zones, whatever parks the text gives as examples
    shares = Counter(f.park for f in facts if f.park)
    if len(shares) >= 3 and max(shares.values()) < 0.6 * sum(shares.values()):
        return None  # a round-up: its figures spread over three parks or more
    lead = next((i for i, item in enumerate(body) if item.type == "paragraph"), None)
    if lead is not None and in_body[lead]:
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


# Lines that say whose site or paper a page is (its masthead, a kicker, the footer's 主办): the
# park they name is the page's when no story names one. Lists of other stories never count.
IDENTITY = ("page slogan or kicker above a headline", "site name", "masthead", "site information", "disclaimer",
            "breadcrumb", "menu or link row", "page header", "outlet name")
_CITY_ZONE = re.compile(r"(?<![\u4e00-\u9fff])(?:我市|本市|全市|市)(高新区|经开区)|(?<=[，。；：])(?:我市|本市|市)(高新区|经开区)")


def identity_park(lines: Iterable[str], story_text: str, index: ParkIndex) -> Optional[Park]:
    """The park a page's identity lines name (楚雄高新技术产业开发区管理委员会), or, for a story that
    says 市高新区, the zone of the city a site is named after (孝感网 → 孝感高新区)."""
    lines = list(lines)
    named = page_park(lines, index)
    if named is not None:
        return named
    zone = _CITY_ZONE.search(story_text)
    if zone is None:
        return None
    for line in lines:
        chain = leading_places(line.strip(), index.places)
        if chain and any(p.level == "city" for p in chain[0][1]):
            park = index.by_name.get(short_form(chain[0][0]) + (zone.group(1) or zone.group(2)))
            if park is not None:
                return park
    return None


def page_park(texts: Iterable[str], index: ParkIndex) -> Optional[Park]:
    """The park the page is mostly about, for stories that only say 高新区."""
    counts: Counter = Counter()
    parks: dict[str, Park] = {}
    for text in texts:  # as if joined by line breaks: no park name spans one
        for mention in find_mentions(text, index):
            counts[mention.park.slug] += 1
            parks[mention.park.slug] = mention.park
    return parks[counts.most_common(1)[0][0]] if counts else None
