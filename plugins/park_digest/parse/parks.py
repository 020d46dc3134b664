"""Which park a story is about: a gazetteer first, then the name pattern for unknown parks."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from ..model import Park
from .pinyin import lazy_pinyin

DATA = Path(__file__).resolve().parents[1] / "data"
_SUFFIXES = {
    "国家高新技术产业开发区": "Hi-Tech Zone", "高新技术产业开发区": "Hi-Tech Zone",
    "高新区": "Hi-Tech Zone", "新区": "New Area", "经济技术开发区": "Economic and Technological Development Zone",
    "经开区": "Economic and Technological Development Zone",
}
# Up to six characters of place name before a park suffix; trimmed by _trim_place below. The
# lookahead (two to six characters, then how a suffix begins) rejects most characters cheaply.
PARK_PATTERN = re.compile(
    r"(?=[\u4e00-\u9fff]{2,6}?(?:国家|高新|经济|经开|新区))"
    r"[\u4e00-\u9fff]{2,6}?(?:国家高新技术产业开发区|高新技术产业开发区|高新区|经济技术开发区|经开区|(?<![创高])新区)")
# A place name does not contain these; what stands before them is the rest of the sentence.
_BREAKERS = re.compile(r"^.*[在与和及的是为将对从到由向了于让使把被等至赴即自该本全各此这那其首每哪个]")
_NOT_A_PLACE = set("本该全各此这那其首每哪")


class GazetteerError(ValueError):
    """The gazetteer file is malformed."""


@lru_cache(maxsize=None)
def load_gazetteer(path: Optional[Path] = None) -> tuple[Park, ...]:
    path = path or DATA / "parks.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    known = {f.name for f in fields(Park)}
    parks = []
    for entry in entries:
        if not isinstance(entry, dict) or not {"name_zh", "name_en", "slug"} <= entry.keys():
            raise GazetteerError(f"{path}: entry needs name_zh, name_en and slug: {entry!r}")
        unknown = set(entry) - known
        if unknown:
            raise GazetteerError(f"{path}: {entry['name_zh']}: unknown fields {sorted(unknown)}")
        parks.append(Park(**{**entry, "aliases": tuple(entry.get("aliases") or ())}))
    return tuple(parks)


@lru_cache(maxsize=8)
def _names(gazetteer: tuple[Park, ...]) -> tuple[tuple[str, Park], ...]:
    pairs = [(name, park) for park in gazetteer for name in (park.name_zh, *park.aliases)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))  # longest first: 青岛市精密… before 青岛


def _trim_place(name: str) -> str:
    suffix = _suffix_len(name)
    return _BREAKERS.sub("", name[: len(name) - suffix]) + name[len(name) - suffix:]


@lru_cache(maxsize=4096)
def unknown_park(name: str) -> Park:
    """A park outside the gazetteer, named in English from pinyin (cached: pypinyin is slow and
    the same few names recur on every page)."""
    for suffix, english in _SUFFIXES.items():
        if name.endswith(suffix):
            place = name[: -len(suffix)]
            break
    else:
        place, english = name, "Park"
    syllables = lazy_pinyin(place, errors="ignore")
    romanized = "".join(syllables).capitalize() or "Unnamed"
    slug = "-".join(syllables) or "park"
    return Park(name_zh=name, name_en=f"{romanized} {english}", slug=re.sub(r"[^a-z0-9-]", "", slug),
                city=place, city_en=romanized, level="", known=False)


def find_parks(text: str, gazetteer: tuple[Park, ...]) -> list[tuple[int, Park]]:
    """Every park named in the text, with its offset, in order of appearance."""
    return list(_find_parks(text, tuple(gazetteer)))


@lru_cache(maxsize=64)  # each story's text is searched twice: for the page's park, then its own
def _find_parks(text: str, gazetteer: tuple[Park, ...]) -> tuple[tuple[int, Park], ...]:
    found: list[tuple[int, Park]] = []
    taken = [False] * len(text)
    for name, park in _names(gazetteer):
        if name not in text:  # a plain substring test skips most names cheaply
            continue
        for match in re.finditer(re.escape(name), text):
            if not any(taken[match.start():match.end()]):
                found.append((match.start(), park))
                for i in range(match.start(), match.end()):
                    taken[i] = True
    for match in PARK_PATTERN.finditer(text):
        if any(taken[match.start():match.end()]):
            continue
        name = _trim_place(match.group(0))
        if len(name) - _suffix_len(name) < 2 or name[0] in _NOT_A_PLACE:
            continue
        found.append((match.end() - len(name), unknown_park(name)))
    return tuple(sorted(found, key=lambda pair: pair[0]))


def _suffix_len(name: str) -> int:
    return next((len(s) for s in _SUFFIXES if name.endswith(s)), 0)


def attribute_park(title: Optional[str], paragraphs: list[str], gazetteer: tuple[Park, ...],
                   page_park: Optional[Park] = None) -> tuple[Optional[Park], list[str]]:
    """The story's park and every other park it mentions.

    The title decides when it names a park; otherwise the park named most often in the body,
    the earliest winning a tie. A story that only says 高新区 belongs to the page's park.
    """
    body = "\n".join(paragraphs)
    in_body = find_parks(body, gazetteer)
    counts = Counter(p.slug for _, p in in_body)
    first = {}
    for offset, park in in_body:
        first.setdefault(park.slug, (offset, park))
    chosen: Optional[Park] = None
    if title:
        in_title = [p for _, p in find_parks(title, gazetteer) if p.level != "sub-park"]
        chosen = in_title[0] if in_title else None
    if chosen is None and counts:
        slug = max(counts, key=lambda s: (counts[s], -first[s][0]))
        chosen = first[slug][1]
    if chosen is None and page_park is not None and "高新区" in (title or "") + body:
        chosen = page_park
    mentioned = [park.name_zh for _, park in sorted(first.values(), key=lambda pair: pair[0])
                 if chosen is None or park.slug != chosen.slug]
    return chosen, mentioned


def page_park(texts: list[str], gazetteer: tuple[Park, ...]) -> Optional[Park]:
    """The park the page is mostly about, for stories that only say 高新区."""
    counts: Counter = Counter()
    parks = {}
    for text in texts:  # as if joined by line breaks: no park name spans one
        for _, park in find_parks(text, gazetteer):
            counts[park.slug] += 1
            parks[park.slug] = park
    return parks[counts.most_common(1)[0][0]] if counts else None
