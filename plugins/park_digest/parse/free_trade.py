"""Areas of the pilot free trade zones (片区), one park however a page writes them:
中国（湖北）自由贸易试验区襄阳片区, 湖北自贸试验区襄阳片区, 湖北自贸区襄阳片区, 自贸区襄阳片区 and 襄阳自贸片区
(no province: the only area of that name) and, once the story has named the area, plain 襄阳片区.

The gazetteer (data/parks.yml) lists every area of the 22 zones by its name_zh
<province>自贸试验区<area>片区, with an alias of the same form for each other way of writing the
area (南沙片区 for 广州南沙新区片区); an area it lacks is named by that pattern, known: false.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from ..model import Park
from .places import romanize, unknown_slug

# 中国（湖南）自由贸易试验区长沙片区, 湖北自贸试验区襄阳片区, 湖南自贸区长沙片区; the longest area
# names are eight characters (滨海新区中心商务, 成都青白江铁路港).
_FTZ = re.compile(r"(?:自由贸易试验区|自贸试验区|自贸区)(?P<area>[\u4e00-\u9fff]{2,8}?)片区")
_FTZ_PROVINCE = re.compile(r"中国[（(]([\u4e00-\u9fff]{2,3})[）)]$")
_GAZETTEER_FORM = re.compile(r"^([\u4e00-\u9fff]{2,3})自贸试验区([\u4e00-\u9fff]{2,8})片区$")
# Plain 襄阳片区 after the story has named the area (襄阳片区挂牌以来); not 新片区 nor 该片区.
_PLAIN = re.compile(r"(?P<area>[\u4e00-\u9fff]{2,8}?)片区")
# The area before the zone's word: 前海蛇口自贸片区, 南沙自贸片区, 广州南沙自贸区 (the only area of that name).
_AREA_FIRST = re.compile(r"(?P<area>[\u4e00-\u9fff]{2,8}?)自贸(?:试验)?(?:片区|区)")


@lru_cache(maxsize=4)
def area_names(index) -> dict[str, tuple[Park, ...]]:
    """Each way of writing an area the gazetteer knows (襄阳, 南沙, 广州南沙新区) → its parks."""
    names: dict[str, list[Park]] = {}
    for name, park in index.by_name.items():
        m = _GAZETTEER_FORM.match(name)
        if m and park not in names.setdefault(m.group(2), []):
            names[m.group(2)].append(park)
    return {area: tuple(parks) for area, parks in names.items()}


def free_trade_areas(text: str, index, not_in_name: set[str]) -> list[tuple[int, int, Park]]:
    """(start, end, park) of each FTZ area the text names with 自贸试验区, 自贸区 or 自由贸易试验区."""
    found = []
    for m in _FTZ.finditer(text):
        area = m.group("area")
        bracketed = _FTZ_PROVINCE.search(text, 0, m.start())
        if bracketed:
            start, province = bracketed.start(), bracketed.group(1)
        else:
            start, province = next(((m.start() - size, text[m.start() - size:m.start()]) for size in (3, 2)
                                    if any(p.level == "province" for p in index.places.get(
                                        text[m.start() - size:m.start()], ()))), (m.start(), ""))
        places = [p for p in index.places.get(province, ()) if p.level == "province"]
        if not places:  # 自贸区长沙片区: the area of that name, when only one zone has one
            known = area_names(index).get(area, ())
            if len(known) == 1:
                found.append((m.start(), m.end(), known[0]))
            continue
        short = places[0].province
        park = index.by_name.get(f"{short}自贸试验区{area}片区")
        if park is not None:  # the gazetteer's area, written another way
            found.append((start, m.end(), park))
        elif not any(ch in not_in_name for ch in area):
            found.append((start, m.end(), _unlisted_area(short, area, index)))
    names = area_names(index)
    for m in _AREA_FIRST.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in found):
            continue  # 湖北自贸区襄阳片区: found above
        for cut in range(m.start("area"), m.end("area") - 1):  # the longest area name before 自贸
            parks = names.get(text[cut:m.end("area")], ())
            if len(parks) == 1:
                found.append((cut, m.end(), parks[0]))
                break
    return found


def plain_areas(text: str, areas: Iterable[Park], index, taken: list[tuple[int, int]]) -> list[tuple[int, int, Park]]:
    """襄阳片区 alone, where the story has named that area, or another area of the same zone, in
    full (`areas`: 福州片区 named in full, 厦门片区 is Fujian's too); never inside a name already
    found (`taken`)."""
    provinces = {park.province for park in areas}
    wanted = {p.slug for parks in area_names(index).values() for p in parks if p.province in provinces}
    if not wanted or "片区" not in text:
        return []
    names = area_names(index)
    found = []
    for m in _PLAIN.finditer(text):
        for cut in range(m.start("area"), m.end("area") - 1):  # the longest area name ending at 片区
            parks = [p for p in names.get(text[cut:m.end("area")], ()) if p.slug in wanted]
            if len(parks) == 1:
                if not any(s < m.end() and cut < e for s, e in taken):
                    found.append((cut, m.end(), parks[0]))
                break
    return found


@lru_cache(maxsize=256)
def _unlisted_area(short: str, area: str, index) -> Park:
    """An area the gazetteer lacks, named as the zones name theirs (Changsha Area of the China
    (Hunan) Pilot Free Trade Zone)."""
    name_zh = f"{short}自贸试验区{area}片区"
    province_en, area_en = romanize(short, index.english), romanize(area, index.english)
    cities = [p for p in index.places.get(area, ()) if p.province == short and p.level != "province"]
    city: Optional[str] = cities[0].city if cities else ""
    return Park(name_zh=name_zh, name_en=f"{area_en} Area of the China ({province_en}) Pilot Free Trade Zone",
                slug=unknown_slug(f"{province_en} {area_en}", "ftz-area", name_zh), city=city, city_en=romanize(city, index.english) if city else "",
                province=short, province_en=province_en, known=False, kind="ftz-area", en_source="house")
