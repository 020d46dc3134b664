"""Which parks a text names: the gazetteer (data/parks.yml) first; a name it does not list is a
park only when it starts with a real place (places.py) followed by a zone word, so generic
phrases (国家级高新区, 各高新区, 16个高新区, 本区) never become parks.

Which park a story is about is story_park.py's concern, which park each figure belongs to attribution.py's;
free trade zone areas are free_trade.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from ..datafile import load_yaml
from ..model import Park
from .free_trade import free_trade_areas, plain_areas
from .nicknames import nickname_mentions, nicknames
from .places import Place, english_places, leading_places, place_table, romanize, short_form, unknown_slug

DATA = Path(__file__).resolve().parents[1] / "data"

# Zone words, as written → (as the park's short name writes it, English, slug part).
ZONES = {
    "国家高新技术产业开发区": ("高新区", "Hi-Tech Zone", "htz"), "高新技术产业开发区": ("高新区", "Hi-Tech Zone", "htz"),
    "高新技术产业园区": ("高新区", "Hi-Tech Zone", "htz"), "国家高新区": ("高新区", "Hi-Tech Zone", "htz"),
    "高新区": ("高新区", "Hi-Tech Zone", "htz"),
    "国家级经济技术开发区": ("经开区", "Economic and Technological Development Zone", "etdz"),
    "经济技术开发区": ("经开区", "Economic and Technological Development Zone", "etdz"),
    "经开区": ("经开区", "Economic and Technological Development Zone", "etdz"),
    "经济开发区": ("经济开发区", "Economic Development Zone", "edz"),
    "开发区": ("开发区", "Development Zone", "dz"),
    "工业园区": ("工业园区", "Industrial Park", "industrial-park"), "工业园": ("工业园区", "Industrial Park", "industrial-park"),
    "产业园区": ("产业园", "Industrial Park", "industrial-park"), "产业园": ("产业园", "Industrial Park", "industrial-park"),
    "科技园": ("科技园", "Science Park", "science-park"),
    "新区": ("新区", "New Area", "new-area"),
}
_ZONE_PATTERN = re.compile("|".join(sorted(ZONES, key=len, reverse=True)) + r"(?!域)")  # 开发区域 is no zone
# Characters that never stand between a place and its zone word in a park's name: function
# words, counters, levels (省级, 各, 本, 该, 16个 …). What is left is a proper name (天府, 慈湖).
_NOT_IN_NAME = set("的在与和及或是为将对从到由向了于让使把被等至即自该本全各此这那其首每个级省市区县内外间"
                   "上下共同并且也都就已正新老大小多")
_NOT_A_NAME = {"国家", "经济", "高新", "城市", "产业", "综合", "示范", "重点", "特色", "现代", "国际"}
# A count between the place and the zone word (无锡两家高新区, 苏南三个, 常州多个, 12家): the zones
# counted, never one of them; 两江新区 and 九龙 are names (no counter after the numeral).
_COUNT_IN_NAME = re.compile(r"^[\d一二两三四五六七八九十百几数多若干]*[家个座批所处类]$|^[\d一二两三四五六七八九十几数多]+$")
_LONGEST_NAME_BEFORE_ZONE = 12
# Words whose last character starts a two-character park name: 目前海外 is not 前海.
_WORDS_BEFORE = {"目前", "提前", "之前", "以前", "眼前", "当前", "此前", "事前", "空前", "向前", "面前", "日前",
                 "年前", "跟前", "生前", "月前", "超前", "门前"}
# segment.py's cheap test of whether two blocks name different parks (a suffix and up to six
# characters before it); recognition proper is find_mentions.
PARK_PATTERN = re.compile(
    r"(?=[\u4e00-\u9fff]{2,6}?(?:国家|高新|经济|经开|新区))"
    r"[\u4e00-\u9fff]{2,6}?(?:国家高新技术产业开发区|高新技术产业开发区|高新区|经济技术开发区|经开区|(?<![创高])新区)")


class GazetteerError(ValueError):
    """The gazetteer file is malformed."""


class Mention(NamedTuple):
    start: int
    end: int
    park: Park


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class ParkIndex:
    """What recognition needs, built once per process (or read from the conversion cache)."""
    parks: tuple[Park, ...]
    by_prefix: dict[str, tuple[tuple[str, Park], ...]]  # first two characters → names, longest first
    by_name: dict[str, Park]
    places: dict[str, tuple[Place, ...]]
    english: dict[str, str]
    starts: re.Pattern  # any first character of a name: the only places a name can start


def load_gazetteer(path: Optional[Path] = None) -> tuple[Park, ...]:
    return _load_gazetteer(path or DATA / "parks.yml")


@lru_cache(maxsize=None)  # keyed on the path itself: park_index(None) and load_gazetteer() share it
def _load_gazetteer(path: Path) -> tuple[Park, ...]:
    entries = load_yaml(path.read_text(encoding="utf-8")) or []
    known = {f.name for f in fields(Park)} - {"known"}
    parks: list[Park] = []
    slugs: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not {"name_zh", "name_en", "slug"} <= entry.keys():
            raise GazetteerError(f"{path}: entry {number} needs name_zh, name_en and slug: {entry!r}")
        unknown = set(entry) - known
        if unknown:
            raise GazetteerError(f"{path}: {entry['name_zh']}: unknown fields {sorted(unknown)}")
        if entry["slug"] in slugs:
            raise GazetteerError(f"{path}: {entry['name_zh']}: slug {entry['slug']!r} is also {slugs[entry['slug']]}'s")
        slugs[entry["slug"]] = entry["name_zh"]
        values = {k: ("" if v is None else str(v)) for k, v in entry.items() if k != "aliases"}
        parks.append(Park(**values, aliases=tuple(str(a) for a in entry.get("aliases") or ())))
    return tuple(parks)


def build_index(parks: tuple[Park, ...]) -> ParkIndex:
    by_name: dict[str, Park] = {}
    for park in parks:
        for name in (park.name_zh, park.official_zh, *park.aliases):
            if not name:
                continue
            if name in by_name and by_name[name].slug != park.slug:
                raise GazetteerError(f"name {name!r} belongs to both {by_name[name].slug} and {park.slug}")
            by_name[name] = park
    grouped: dict[str, list[tuple[str, Park]]] = {}
    for name, park in by_name.items():
        grouped.setdefault(name[:2], []).append((name, park))
    by_prefix = {key: tuple(sorted(names, key=lambda pair: -len(pair[0]))) for key, names in grouped.items()}
    firsts = "".join(sorted({re.escape(key[0]) for key in by_prefix if len(key) == 2}))
    starts = re.compile(f"[{firsts}]" if firsts else "(?!)")
    return ParkIndex(parks, by_prefix, by_name, place_table(), english_places(), starts)


@lru_cache(maxsize=4)
def park_index(path: Optional[Path] = None) -> ParkIndex:
    """The gazetteer and the places, indexed (about 150 ms; build.cache keeps the result)."""
    return build_index(load_gazetteer(path))


# A logo or letterhead sets the zone word apart from its place: 宜春丰城 国家高新技术产业开发区.
_SPACE_BEFORE_ZONE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\u00a0]{1,3}(?=" + _ZONE_PATTERN.pattern + ")")


@lru_cache(maxsize=256)  # a story's texts are searched for the page's park, then for its own
def find_mentions(text: str, index: ParkIndex, areas: tuple[Park, ...] = ()) -> tuple[Mention, ...]:
    """Every park named in the text, in order: the longest gazetteer name at each position,
    then, in what is left, names of the form place + proper name + zone word. A space between
    a place and its zone word is bridged (offsets stay those of `text`). `areas`: the free trade
    zone areas the story names in full, which it may then call 襄阳片区 alone."""
    gaps = [m for m in _SPACE_BEFORE_ZONE.finditer(text) if _place_ends(text, m.start(), index)]
    if not gaps:
        return _find_mentions(text, index, areas)
    kept = [i for i in range(len(text)) if not any(g.start() <= i < g.end() for g in gaps)]
    joined = "".join(text[i] for i in kept)
    return tuple(Mention(kept[m.start], kept[m.end - 1] + 1, m.park) for m in _find_mentions(joined, index, areas))


def _place_ends(text: str, at: int, index: ParkIndex) -> bool:
    return any(text[at - size:at] in index.places for size in range(2, min(6, at) + 1))


def _find_mentions(text: str, index: ParkIndex, areas: tuple[Park, ...] = ()) -> tuple[Mention, ...]:
    found: list[Mention] = []
    at, end = 0, len(text) - 1
    while at < end and (hit := index.starts.search(text, at, end)) is not None:
        at = hit.start()
        for name, park in index.by_prefix.get(text[at:at + 2], ()):
            if text.startswith(name, at) and not (len(name) == 2 and text[at - 1:at + 1] in _WORDS_BEFORE):
                found.append(_elsewhere(text, Mention(at, at + len(name), park), index))
                at += len(name)
                break
        else:
            at += 1
    # A free trade zone's area wins over a park named inside it (前海 in 深圳前海蛇口片区).
    ftz = [Mention(*hit) for hit in free_trade_areas(text, index, _NOT_IN_NAME)]
    ftz += [Mention(*hit) for hit in plain_areas(text, areas, index, [(m.start, m.end) for m in ftz])]
    found = [k for k in found if not any(m.start <= k.start and k.end <= m.end for m in ftz)]
    found.extend(m for m in ftz if not any(k.start < m.end and m.start < k.end for k in found))
    found.extend(Mention(*hit) for hit in nickname_mentions(text, nicknames(index), [tuple(k) for k in found]))
    found.sort()
    known, after, free = list(found), 0, 0  # gazetteer names (in order), and where a new name may start
    for zone in _ZONE_PATTERN.finditer(text):
        while after < len(known) and known[after].end <= zone.start():
            free = max(free, known[after].end)
            after += 1
        if after < len(known) and known[after].start < zone.end():
            continue  # the zone word is part of a gazetteer name
        mention = _pattern_park(text, zone, index, free)
        if mention is not None:
            found.append(mention)
            free = mention.end
    return tuple(sorted(found))


def _elsewhere(text: str, mention: Mention, index: ParkIndex) -> Mention:
    """天府新区 is 四川天府新区's short name, but 眉山天府新区 is another park: a place that is not
    the park's own city or province, right before a name that starts with no place, makes it
    another park's name."""
    name = text[mention.start:mention.end]
    if leading_places(name, index.places):
        return mention
    zone = _ZONE_PATTERN.search(name)
    if zone is None or zone.end() != len(name):
        return mention
    for size in range(min(6, mention.start), 1, -1):
        places = index.places.get(text[mention.start - size:mention.start])
        if not places:
            continue
        park = mention.park
        if any(p.province == park.province if p.level == "province" else park.city in (p.city, short_form(p.name))
               for p in places):
            return mention
        word = text[mention.start - size:mention.start]
        park = unknown_park((word,), name[:zone.start()], zone.group(0), index)
        return Mention(mention.start - size, mention.end, park)
    return mention


def find_parks(text: str, index: ParkIndex) -> list[tuple[int, Park]]:
    """Every park named in the text, with its offset, in order of appearance."""
    return [(m.start, m.park) for m in find_mentions(text, index)]


def _pattern_park(text: str, zone: re.Match, index: ParkIndex, free: int = 0) -> Optional[Mention]:
    """The park a zone word ends, when what stands before it (from `free` on) is places and a
    short name."""
    end = zone.start()
    for start in range(max(free, end - _LONGEST_NAME_BEFORE_ZONE), end):
        chain = leading_places(text[start:end], index.places)
        if not chain:
            continue
        middle = text[start + sum(len(word) for word, _ in chain):end]
        if len(middle) > 4 or middle in _NOT_A_NAME or _COUNT_IN_NAME.match(middle) or any(ch in _NOT_IN_NAME or not "\u4e00" <= ch <= "\u9fff" for ch in middle):
            continue
        park = unknown_park(tuple(word for word, _ in chain), middle, zone.group(0), index)
        if not park.known and not middle and all(place.level == "province" for place in chain[-1][1]):
            continue  # 湖南高新区 is the province's zones together, as 全省高新区; no such park
        return Mention(start, zone.end(), park)
    return None


def park_named(name: str, index: ParkIndex) -> Park:
    """The park an editor names (a sidecar's `park`): the gazetteer's by name, slug or English name, else the
    park the name reads as, else one of that name, named in English from pinyin."""
    known = index.by_name.get(name) or next(
        (p for p in index.parks if name in (p.slug, p.name_en) or name.lower() == p.name_en.lower()), None)
    if known is not None:
        return known
    mentions = find_mentions(name, index)
    if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(name)):
        return mentions[0].park
    zone = _ZONE_PATTERN.search(name)
    stem, word = (name[:zone.start()], zone.group(0)) if zone and zone.end() == len(name) else (name, "")
    english, part = (ZONES[word][1], ZONES[word][2]) if word else ("Park", "park")
    return _new_park((), stem, ZONES[word][0] if word else "", english, part, index)


def unknown_park(places: tuple[str, ...], middle: str, zone: str, index: ParkIndex) -> Park:
    """A park outside the gazetteer, or the gazetteer's when the name is one of its parks
    written another way (青岛市高新区, 山东省青岛市高新区 → 青岛高新区)."""
    short_zone, english_zone, slug_part = ZONES[zone]
    shorts = [short_form(word) or word for word in places]
    # 昆明经济开发区 is how people shorten the national 昆明经济技术开发区 (昆明经开区).
    words = (zone, short_zone, "经开区") if short_zone == "经济开发区" else (zone, short_zone)
    for first in range(len(shorts)):
        for zone_word in dict.fromkeys(words):
            known = index.by_name.get("".join(shorts[first:]) + middle + zone_word)
            if known is not None:
                return known
    # Only the two abbreviations everyone uses (高新区, 经开区) shorten a name; 东川工业园 never
    # becomes 东川工业园区, a name the page does not write.
    written = short_zone if short_zone in _ABBREVIATED else zone
    return _new_park(tuple(shorts), middle, written, english_zone, slug_part, index)


_ABBREVIATED = ("高新区", "经开区")


def full_names(parks: list[Park]) -> dict[str, Park]:
    """A park outside the gazetteer whose name ends another name the same page uses is that
    park written short (三江新区 after 宜宾三江新区), also with its zone word abbreviated
    (定西经开区 for 定西经济开发区, 滨江经开区 for 常州滨江经济开发区): slug → the park under
    its full name."""
    longer = sorted({p.slug: p for p in parks}.values(), key=lambda p: -len(p.name_zh))
    return {short.slug: full for short in longer if not short.known
            for full in [next((p for p in longer if len(p.name_zh) > len(short.name_zh)
                               and _written_short(short.name_zh, p.name_zh)), None)] if full is not None}


def _written_short(short: str, full: str) -> bool:
    if full.endswith(short):
        return True
    (stem, family), (full_stem, full_family) = _stem_and_zone(short), _stem_and_zone(full)
    return bool(stem) and family == full_family and full_stem.endswith(stem)


# Zone words that write one kind of park short or in full (经开区 = 经济开发区 = 经济技术开发区);
# the other zone words only as the park's short name writes them (工业园 = 工业园区).
_ONE_KIND = {"edz": "etdz"}


def _stem_and_zone(name: str) -> tuple[str, str]:
    for zone in sorted(ZONES, key=len, reverse=True):
        if name.endswith(zone):
            short, _, part = ZONES[zone]
            return name[:-len(zone)], _ONE_KIND.get(part, part) if part in ("htz", "etdz", "edz") else short
    return "", ""


@lru_cache(maxsize=4096)
def _new_park(places: tuple[str, ...], middle: str, zone: str, english_zone: str, slug_part: str,
              index: ParkIndex) -> Park:
    name_zh = "".join(places) + middle + zone
    words = [romanize(place, index.english) for place in places] + ([romanize(middle, index.english)] if middle else [])
    name_en = " ".join(words) + " " + english_zone
    slug = unknown_slug(" ".join(words), slug_part, name_zh)
    if not places:  # a name an editor gave, that starts with no known place
        return Park(name_zh=name_zh, name_en=name_en, slug=slug, known=False,
                    kind=slug_part, en_source="pinyin")
    first, last = index.places[places[0]][0], index.places[places[-1]][0]
    city = last.city if last.level != "province" else ""
    return Park(name_zh=name_zh, name_en=name_en, slug=slug, city=city,
                city_en=romanize(city, index.english) if city else "", province=first.province,
                province_en=romanize(first.province, index.english), known=False, kind=slug_part,
                en_source="pinyin")
