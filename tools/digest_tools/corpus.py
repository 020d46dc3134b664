"""A synthetic corpus for `make bench`: N newspaper pages recombined from the real seeds.

Each page keeps the layout of one real seed (headings, bylines, captions, column breaks, page
furniture) but has its complete paragraphs swapped for paragraphs of other seeds, its parks
renamed to other parks (known and unknown) and its figures changed. Deterministic: the same N
gives the same bytes, so runs compare.
"""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Iterable

from park_digest.parse.parks import load_gazetteer

# Cities for parks outside the gazetteer, so the bench also exercises the pinyin naming path
# and grows the number of park pages with the corpus, as a real digest would.
_CITIES = ("苏州", "无锡", "合肥", "成都", "西安", "武汉", "长沙", "郑州", "济南", "南昌",
           "福州", "厦门", "宁波", "温州", "常州", "南通", "扬州", "徐州", "洛阳", "襄阳",
           "宜昌", "株洲", "湘潭", "绵阳", "宝鸡", "兰州", "银川", "西宁", "包头", "大庆",
           "吉林", "长春", "沈阳", "大连", "鞍山", "营口", "保定", "石家庄", "唐山", "太原",
           "淄博", "潍坊", "烟台", "威海", "济宁", "临沂", "泰州", "镇江", "芜湖", "蚌埠")
_SENTENCE_END = "。！？”"
_MIN_PARAGRAPH = 60
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")
_DIGITS = re.compile(r"\d+")


def seed_texts(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in sorted(seeds_dir.glob("*.txt"))]


def _is_paragraph(line: str) -> bool:
    """A complete paragraph of prose: long, and not cut by a column break."""
    text = line.strip()
    return len(text) >= _MIN_PARAGRAPH and text[-1] in _SENTENCE_END and not text.startswith("#")


def _park_names() -> tuple[list[str], list[str]]:
    """(names to replace, longest first; names to replace them with)."""
    parks = [p for p in load_gazetteer() if p.level != "sub-park"]
    sources = sorted({n for p in parks for n in (p.name_zh, *p.aliases)}, key=len, reverse=True)
    targets = [p.name_zh for p in parks] + [city + "高新区" for city in _CITIES]
    return sources, targets


def _new_figures(text: str, rng: random.Random) -> str:
    """Other numbers of the same length; years stay years so dates still read as dates."""
    years = {m.start() for m in _YEAR.finditer(text)}

    def swap(match: re.Match) -> str:
        digits = match.group(0)
        if match.start() in years:
            return digits
        first = str(rng.randint(1, 9)) if len(digits) > 1 or digits != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return _DIGITS.sub(swap, text)


def make_page(template: str, paragraphs: list[str], rng: random.Random,
              park_pattern: re.Pattern, targets: list[str]) -> str:
    """One synthetic page on the layout of `template`."""
    lines = [rng.choice(paragraphs) if _is_paragraph(line) else line for line in template.split("\n")]
    mapping: dict[str, str] = {}
    renamed = park_pattern.sub(lambda m: mapping.setdefault(m.group(0), rng.choice(targets)),
                               "\n".join(lines))
    return _new_figures(renamed, rng)


def generate_corpus(out_dir: Path, pages: int, seeds: Iterable[str], seed: int = 9) -> list[Path]:
    """Write `pages` synthetic pages into out_dir; returns their paths."""
    templates = list(seeds)
    if not templates:
        raise ValueError("no seed pages to recombine")
    paragraphs = [line.strip() for text in templates for line in text.split("\n") if _is_paragraph(line)]
    sources, targets = _park_names()
    park_pattern = re.compile("|".join(map(re.escape, sources)))
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(pages):
        text = make_page(templates[number % len(templates)], paragraphs, rng, park_pattern, targets)
        path = out_dir / f"{number:05d}_synthetic.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
