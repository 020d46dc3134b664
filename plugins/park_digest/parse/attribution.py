"""Which park a story is about, which parks it gives figures for, and which park each figure
belongs to (a round-up of ten new areas files each figure under its own).

A figure belongs to the park last named before it in its paragraph, else to the park of the
heading it stands under, else to the story's park. A park named as a comparison (与…相比, 比…,
仅次于…, 赴…学习) takes no figure and is only "mentioned".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..model import BodyItem, Fact, Park
from .parks import Mention, ParkIndex, find_mentions

# Words before a park's name in its clause that make it a comparison or a partner, not the subject.
_BEFORE = re.compile(r"(?:与|和|同|跟|比|较|相较于|相比于|对标|学习|借鉴|赴|到|前往|走进|考察|继|仅次于|超过|超越|"
                     r"高于|低于|领先于?|落后于|不及|相当于|对比|参照|向|看齐)[^，。；！？、,;]{0,2}$")
# …and words after it: 与A相比 has 与 before, A相比 alone has 相比 after.
_AFTER = re.compile(r"^[^，。；！？、,;]{0,3}(?:相比|相较|比较|之后|一样|那样|看齐)")
_GENERIC_ZONE = re.compile(r"高新区|新区|开发区|经开区|园区")


@dataclass
class Attribution:
    park: Optional[Park]  # the story's own park
    parks: list[Park]  # its park first, then every other park it gives figures for
    mentioned: list[str]  # name_zh of parks named only in passing or as comparisons


def subject_mentions(text: str, index: ParkIndex) -> list[Mention]:
    """The parks a text names as subjects (comparisons and partners left out)."""
    return [m for m in find_mentions(text, index)
            if not _BEFORE.search(text[:m.start]) and not _AFTER.match(text[m.end:])]


def attribute(title: Optional[str], body: Sequence[BodyItem], facts: Iterable[Fact], index: ParkIndex,
              page_park: Optional[Park] = None) -> Attribution:
    """Set each fact's park and return the story's park, its parks and the parks it mentions."""
    in_title = subject_mentions(title or "", index)
    in_body = [subject_mentions(item.text, index) for item in body]
    named = [m.park for m in find_mentions(title or "", index)] + [
        m.park for item in body for m in find_mentions(item.text, index)]
    main = _main_park(in_title, body, in_body, page_park, title)
    section: list[Optional[Park]] = []  # the park of the heading each item stands under
    current: Optional[Park] = None
    for item, mentions in zip(body, in_body):
        if item.type == "heading":
            current = mentions[0].park if mentions else current
        section.append(current)
    for fact in facts:
        if fact.block == "title":
            before = [m for m in in_title if m.start <= fact.start]
            owner = before[-1].park if before else main
        else:
            before = [m for m in in_body[fact.block] if m.start <= fact.start]
            owner = before[-1].park if before else (section[fact.block] or main)
        fact.park = owner.name_zh if owner else None
    by_name = {p.name_zh: p for p in named}
    parks = list({p.slug: p for p in ([main] if main else []) +
                  [by_name[f.park] for f in facts if f.park in by_name]}.values())
    taken = {p.slug for p in parks}
    mentioned = list(dict.fromkeys(p.name_zh for p in named if p.slug not in taken))
    return Attribution(main, parks, mentioned)


def _main_park(in_title: list[Mention], body: Sequence[BodyItem], in_body: list[list[Mention]],
               page_park: Optional[Park], title: Optional[str]) -> Optional[Park]:
    """The park the headline names, else the one the lead names, else the one named most often
    (the earliest on a tie); none for a round-up whose headline and lead name no park and whose
    paragraphs each lead with a different one. A story that only says 高新区 belongs to the
    page's park."""
    headline = [m.park for m in in_title if m.park.level != "sub-park"]
    if headline:
        return headline[0]
    lead = next((i for i, item in enumerate(body) if item.type == "paragraph"), None)
    if lead is not None and in_body[lead]:
        return in_body[lead][0].park
    counts: Counter = Counter()
    first: dict[str, Park] = {}
    for mentions in in_body:
        for m in mentions:
            counts[m.park.slug] += 1
            first.setdefault(m.park.slug, m.park)
    leaders = {mentions[0].park.slug for item, mentions in zip(body, in_body)
               if mentions and item.type == "paragraph" and mentions[0].start < 8}
    if len(leaders) >= 3:
        return None
    if counts:
        order = list(first)
        return first[max(counts, key=lambda slug: (counts[slug], -order.index(slug)))]
    text = (title or "") + "".join(item.text for item in body)
    return page_park if page_park is not None and _GENERIC_ZONE.search(text) else None


def page_park(texts: Iterable[str], index: ParkIndex) -> Optional[Park]:
    """The park the page is mostly about, for stories that only say 高新区."""
    counts: Counter = Counter()
    parks: dict[str, Park] = {}
    for text in texts:  # as if joined by line breaks: no park name spans one
        for mention in find_mentions(text, index):
            counts[mention.park.slug] += 1
            parks[mention.park.slug] = mention.park
    return parks[counts.most_common(1)[0][0]] if counts else None
