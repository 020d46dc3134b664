"""The park a page names in its identity lines (masthead, site name, footer), for stories that
say only 高新区 or 市高新区."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from ..model import Park
from .parks import ParkIndex, find_mentions
from .places import leading_places, short_form

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
