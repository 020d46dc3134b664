"""Which park a story is about, which parks it gives figures for, and which park each figure
belongs to (a round-up of ten new areas files each figure under its own).

A figure belongs to the park last named before it in its paragraph, else to the park of the
heading it stands under, else to the story's park. A park named as a comparison (与…相比, 比…,
仅次于…, 赴…学习) takes no figure and is only "mentioned".
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..model import BodyItem, Fact, Park
from .parks import Mention, ParkIndex, find_mentions, full_names
from .places import leading_places
from .free_trade import area_names
from .story_park import COUNTED, PROFILE, main_park, partners, reported_parks, subject_mentions

# A sentence about the whole country or province (全省16个高新区…) names no park: its figures are
# nobody's, not the last park named before it.
# It must open a clause: 占全国的四分之一 is the park's share, not the country's figure.
# 全省…, 前三季度全省高新区…: a clause about the whole province or country (a time may lead it);
# not 全国首创, 全省领先, which rank the park's own figure.
_SCOPE = re.compile(r"(?:^|(?<=[，,：:。！？；]))(?:[^，,：:。！？；占比较于的]{0,6}?[在据从]?(?<!入选)(?<!进入)(?<!跻身)(?<!列入)"
                    r"(?:全省|全国|全市|各地|各省|各市|全行业|(?:国家级|省级)(?:及以上)?(?:园区|开发区|高新区|经开区))"
                    r"(?!首|第一|领先|率先|唯一|最|一流|知名))")  # 全国首创的有12个: the park's, first in the country
# 全部建成后…, 上述项目…: after clauses about two parks or more, the things of them all, no one park's.
_ALL_OF_THEM = re.compile(r"(?:^|(?<=[，,：:。！？；]))(?:全部|上述|以上|这些|两者|二者)(?!\d)")
_SENTENCE_END = re.compile(r"[。！？；]")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_JOINED = re.compile(r"^[、和与及,，\s]*$")  # between the parks of 「A、B分别…」
# A clause that opens with a district or county by its full name (南沙区相关负责人…) is about that
# division, which is no park even when a new area shares its name (广州南沙新区).
_CLAUSE_START = re.compile(r"(?:^|(?<=[，,：:。！？；]))")
# 无锡两家高新区合计…: a clause about zones counted together is theirs, no one park's.
_COUNTED_ZONES = re.compile(COUNTED)
_ZONE_COUNT = re.compile(r"(?:国家级|省级|国家|省)?(?:高新区|新区|经开区|开发区|示范区|合作区|片区)")
_PARKS_COUNTED = re.compile(r"(?:国家级|省级)?园区")  # 两家园区之一 (南科是三大园区中最大者 stays the park's)
_RUN_GAP = re.compile(r"[、和与及\s]?")  # between parks named together in a headline
_AROUND = re.compile(r"[^，。；]{0,1}所在(?:的|地)")
_TOGETHER = re.compile(r"[两三四多]地|[两三]区|双区")  # 横琴南沙两地…逾千家: a figure for several parks together


@dataclass
class Attribution:
    park: Optional[Park]  # the story's own park
    parks: list[Park]  # its park first, then every other park it gives figures for
    mentioned: list[str]  # name_zh of parks named only in passing or as comparisons


def attribute(title: Optional[str], body: Sequence[BodyItem], facts: Iterable[Fact], index: ParkIndex,
              page_park: Optional[Park] = None) -> Attribution:
    """Set each fact's park and return the story's park, its parks and the parks it mentions."""
    facts = list(facts)
    areas = _areas_named(title or "", body, index)
    in_title = subject_mentions(title or "", index, areas)
    in_body = [subject_mentions(item.text, index, areas) for item in body]
    named = [m.park for m in find_mentions(title or "", index, areas)] + [
        m.park for item in body for m in find_mentions(item.text, index, areas)]
    section: list[Optional[Park]] = []  # the park of the heading each item stands under
    current: Optional[Park] = None
    listed = _listed_headings(body, in_body)
    for number, (item, mentions) in enumerate(zip(body, in_body)):
        if item.type == "heading" and number not in listed and not PROFILE.match(item.text):
            current = mentions[0].park if mentions else current
        section.append(current)
    blocks = [_Block.of(item.text, mentions, index) for item, mentions in zip(body, in_body)]
    texts = [item.text for item in body]
    together = _run_together(title or "", in_title, index)
    owners = [None if _counts_zones(fact, title or "", texts) or (fact.block == "title" and together is not None and
                                                                  fact.start >= together)
              else _owner(fact, title or "", in_title, blocks, section)
              for fact in facts]
    for fact, owner in zip(facts, owners):
        fact.park = owner.name_zh if isinstance(owner, Park) else None
    by_block: dict[object, list[Fact]] = {}  # not a scan of every fact per item: quadratic
    for fact in facts:
        by_block.setdefault(fact.block, []).append(fact)
    for number, item in enumerate(body):
        _respectively(item.text, by_block.get(number, []), index, areas)
    _respectively(title or "", by_block.get("title", []), index, areas)
    lead = next((item.text for item in body if item.type == "paragraph"), "")
    main = main_park(in_title, body, in_body, page_park, title, facts, find_mentions(lead, index, areas))
    for fact, owner in zip(facts, owners):
        if owner is _STORY and main is not None and fact.park is None:
            fact.park = main.name_zh
    by_name = {p.name_zh: p for p in named}
    joined = partners(title or "", in_title, index, areas) if main is not None and in_title and main is in_title[0].park else []
    parks = list({p.slug: p for p in ([main] if main else []) + joined +
                  [by_name[f.park] for f in facts if f.park in by_name] +
                  reported_parks(body, in_body, [find_mentions(item.text, index, areas) for item in body], listed)}.values())
    # 哈尔滨新区自贸片区: the area is the new area's part, filed under it; 定西经开区 in the
    # headline is the 定西经济开发区 of the text, filed under the name written in full;
    # 开发区南川工业园区: a park of the story's own zone, filed under the zone.
    full = full_names(named)
    part_of = {**{p.name_zh: full[p.slug] for p in named if p.slug in full},
               **_areas_part_of(title or "", in_title, named), **_sub_parks(body, index, areas, main)}
    if part_of:
        main = part_of.get(main.name_zh, main) if main is not None else None
        for fact in facts:
            fact.park = part_of[fact.park].name_zh if fact.park in part_of else fact.park
        parks = list({p.slug: p for p in (part_of.get(p.name_zh, p) for p in parks)}.values())
        named = [part_of.get(p.name_zh, p) for p in named]
    taken = {p.slug for p in parks}
    mentioned = list(dict.fromkeys(p.name_zh for p in named if p.slug not in taken))
    return Attribution(main, parks, mentioned)


def _areas_named(title: str, body: Sequence[BodyItem], index: ParkIndex) -> tuple[Park, ...]:
    """The free trade zone areas the story names in full: it may then call them 襄阳片区 alone."""
    known = {p.slug for parks in area_names(index).values() for p in parks}
    return tuple(dict.fromkeys(m.park for text in [title, *(item.text for item in body)]
                               for m in find_mentions(text, index) if m.park.slug in known))


# 哈尔滨新区自贸片区, 两江新区自贸区: a park's own free trade zone area (the two share their land and
# their management, 区片合一); the story files the area's figures under the park.
_OWN_AREA = re.compile(r"(?:的)?自贸(?:试验)?(?:片)?区(?!\S{0,6}片区)")


# 开发区南川工业园区, 高新区某某产业园: the story's own zone, called by its kind alone, and a park of
# it; a park inside the story's park, filed under it.
_OWN_ZONE = re.compile(r"(?:开发区|高新区|经开区|新区|园区)$")


def _sub_parks(body: Sequence[BodyItem], index: ParkIndex, areas: tuple[Park, ...], main: Optional[Park]) -> dict[str, Park]:
    """name_zh of each park outside the gazetteer written right after the story's zone word → the
    story's park."""
    if main is None:
        return {}
    parts: dict[str, Park] = {}
    for item in body:
        mentions = find_mentions(item.text, index, areas)
        for m in mentions:
            if not m.park.known and m.park.slug != main.slug and _OWN_ZONE.search(item.text, 0, m.start) \
                    and not any(k.end == m.start for k in mentions):
                parts[m.park.name_zh] = main
    return parts


def _areas_part_of(title: str, in_title: list[Mention], named: list[Park]) -> dict[str, Park]:
    """name_zh of each FTZ area of its city → the park whose headline calls the area its own."""
    for m in in_title:
        if _OWN_AREA.match(title, m.end):
            return {p.name_zh: m.park for p in named if p.kind in ("other", "ftz-area") and "自贸试验区" in p.name_zh
                    and p.city == m.park.city and p.slug != m.park.slug}
    return {}


_RANK = re.compile(r"\d{1,3}[.、．]?\s*")  # a ranking's row: 1南昌经开区4150


def _listed_headings(body: Sequence[BodyItem], in_body: list[list[Mention]]) -> set[int]:
    """Headings in a row that each name a park (1.苏州工业园区 2.广州经开区 …) are a ranked list,
    not sections: the text under the last of them (national totals) is not that park's. So are
    a ranking table's rows, a rank and one park each."""
    listed: set[int] = set()
    run: list[int] = []
    for number, (item, mentions) in enumerate([*zip(body, in_body), (None, [])]):
        ranked = item is not None and len(mentions) == 1 and (m := _RANK.match(item.text)) is not None \
            and mentions[0].start == m.end()
        if item is not None and (item.type == "heading" or ranked) and mentions:
            run.append(number)
            continue
        if len(run) >= 2:
            listed.update(run)
        run = []
    return listed


_STORY = object()  # a figure that names no park: the story's own


@dataclass
class _Block:
    """A paragraph's subject mentions, sentence starts and whole-country openings, for bisect:
    a page of one 200,000-character line has tens of thousands of figures."""
    mentions: list[Mention]
    starts: list[int]  # of the mentions
    sentences: list[int]  # offsets where a sentence begins
    scopes: list[int]  # offsets of 全省, 全国 … or a district's name opening a clause
    text: str = ""

    @classmethod
    def of(cls, text: str, mentions: list[Mention], index: Optional[ParkIndex] = None) -> "_Block":
        sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
        # a clause about zones counted together (无锡两家高新区合计…) is theirs together, no one park's
        scopes = sorted([m.start() for m in _SCOPE.finditer(text)] + [m.start() for m in _COUNTED_ZONES.finditer(text)])
        if index is not None:
            scopes = sorted(scopes + _district_openings(text, mentions, index))
        for m in _ALL_OF_THEM.finditer(text):
            if len({p.park.slug for p in mentions if p.start < m.start()}) >= 2:
                scopes = sorted(scopes + [m.start()])
        return cls(mentions, [m.start for m in mentions], sentences, scopes, text)


# 宁东能源化工基地…: a base named in full (a name, then its industry), no zone of its own, opening
# its clause; 该产业基地 and 一批研发基地 name none, 基地内 is inside one.
_BASE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:国家级)?(?:现代)?(?:能源化工|煤化工|化工|石化|能源|新材料|产业|物流)基地(?![内里中的])")
_NOT_A_BASE_NAME = set("该这此其本各全每一二两三四五六七八九十几多批个座家处新建成的是为在将已")


def _district_openings(text: str, mentions: list[Mention], index: ParkIndex) -> list[int]:
    """Offsets of clauses that open with a district or county named in full (南沙区, 广州市南沙区),
    or with a base named in full (宁东能源化工基地), where no park's name starts."""
    parks_at = {m.start for m in mentions}
    found = []
    for start in (m.end() for m in _CLAUSE_START.finditer(text)):
        if start in parks_at:
            continue
        base = _BASE.match(text, start)
        if base and not set(base.group(1)) & _NOT_A_BASE_NAME and not any(start <= m.start < base.end() for m in mentions):
            found.append(start)
            continue
        chain = leading_places(text[start:start + 12], index.places)
        if chain and chain[-1][0].endswith(("区", "县")) and any(p.level == "county" for p in chain[-1][1]):
            found.append(start)
    return found


def _counts_zones(fact: Fact, title: str, texts: list[str]) -> bool:
    """33个开发区, 178家国家高新区: a figure that counts zones is the group's, no one zone's."""
    text = title if fact.block == "title" else texts[fact.block] if isinstance(fact.block, int) else ""
    end = fact.start + len(fact.surface)
    if _GREAT.fullmatch(fact.surface):
        return bool(_ZONE_COUNT.match(text, end) or _PLATFORMS.match(text, end))
    return bool(_ZONE_COUNT.match(text, end) or _PARKS_COUNTED.match(text, end))


_GREAT = re.compile(r"[两三四五六七八九十]大")  # 三大合作平台: the zones of a round-up counted
_PLATFORMS = re.compile(r"(?:合作|开放|功能)?(?:平台|片区)")  # 南科是三大园区中…最大者 stays the park's


def _run_together(title: str, in_title: list[Mention], index: ParkIndex) -> Optional[int]:
    """Where a headline's run of parks named together ends (前海南沙松山湖 上半年…逾两成: 南沙, a
    place, stands between two parks), when its last park is the last the headline names: the
    figures after it are theirs together."""
    if len(in_title) < 2:
        return None
    last, previous = in_title[-1], in_title[-2]
    gap = title[previous.end:last.start]
    if _RUN_GAP.fullmatch(gap) or (gap in index.places and len(gap) <= 3):
        return last.end
    return None


def _owner(fact: Fact, title: str, in_title: list[Mention], blocks: list[_Block], section: list[Optional[Park]]) -> object:
    """The park a figure's text gives it, None for a figure about the whole province or
    country, or _STORY."""
    if fact.surface.endswith("岁"):
        return None  # 52岁的刘建平: a person's age, no park's figure
    if fact.block == "title":
        before = [m for m in in_title if m.start <= fact.start]
        if before and _TOGETHER.search(title, before[-1].end, fact.start):
            return None
        if len(before) >= 2 and _COUNTED_ZONES.match(title, fact.start):
            return None  # A · B · C 三大园区招商推介: the parks listed, counted together
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
    if last is not None and _AROUND.match(block.text, last.end):
        return None  # 光谷所在的武汉都市圈…: the place around the park, not the park
    if last is not None and _named_together(block, count - 1):
        return None  # 竹科、中科、南科三大科学园区合计…: the parks' figure together, not the last one's
    return last.park if last else (section[fact.block] or _STORY)


def _named_together(block: "_Block", at: int) -> bool:
    """Does the mention at `at` close a run of parks joined by 、/和/及 alone that a count of
    them follows (A、B、C三大科学园区, A和B两区), or a run of three or more? 分别 after the run
    gives each its own figures (_respectively)."""
    first = at
    while first > 0 and _JOINED_GAP.fullmatch(block.text, block.mentions[first - 1].end, block.mentions[first].start):
        first -= 1
    end = block.mentions[at].end
    return at - first >= 2 or (at > first and bool(_GROUP_AFTER.match(block.text, end)))


_JOINED_GAP = re.compile(r"[、和与及\s]*")
# What follows parks named together to make them a group: 三大科学园区, 两区, 两地.
_GROUP_AFTER = re.compile(r"(?:等)?(?:[\d两二三四五六七八九十]+(?:家|个|座)|[两三四五六七八九十]大)?(?:科学|科技|工业|产业)?园区|"
                          r"(?:等)?(?:" + COUNTED + r")|[两三四多]地|[两三]区|双区")


def _in_list(block: "_Block", at: int) -> bool:
    """Is the mention at `at` one of three or more parks named in one sentence (a ranked list)?"""
    start = block.starts[at]
    k = bisect_right(block.sentences, start)
    opens = block.sentences[k - 1] if k else 0
    closes = block.sentences[k] if k < len(block.sentences) else start + 1
    return bisect_left(block.starts, closes) - bisect_left(block.starts, opens) >= 3


def _respectively(text: str, facts: list[Fact], index: ParkIndex, areas: tuple[Park, ...] = ()) -> None:
    """「西安高新区、成都高新区营收分别增长10.2%和9.6%」: the figures after 分别 go to the parks
    listed before it, in turn."""
    if "分别" not in text:
        return
    mentions = find_mentions(text, index, areas)
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
