"""The park indicators of data/indicators.yml (INDICATORS.md's stable ids): their names in
three languages and the Chinese terms behind each, read once and checked; and the indicator a
phrase names by its head (国家级高新技术企业 is one, 高企上市培育库 is not)."""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, NamedTuple, Optional

from ..datafile import load_yaml


DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "indicators.yml"
LANGS = ("zh-Hans", "zh-Hant", "en")
UNIT_KINDS = ("money", "count")
_GAP = "…"
_GAP_RE = ".{0,8}?"


class Indicator(NamedTuple):
    id: str
    unit: str  # money | count
    names: Mapping[str, str]  # language → name
    terms: tuple[str, ...]
    terms_hant: tuple[str, ...]
    value_of: Optional[str]  # for a money total of projects: the count id it totals
    source: str


class IndicatorTable(NamedTuple):
    by_id: Mapping[str, Indicator]
    # (head pattern, id, term length, the text the pattern ends with), longest first; a phrase
    # not ending so is not searched (matching every phrase against every term was costly).
    matchers: tuple[tuple[re.Pattern, str, int, str], ...]
    value_ids: Mapping[str, str]  # count id → the money id of its projects' total investment


class IndicatorFileError(ValueError):
    """The indicator file is malformed: the build stops with the entry named."""


def load_indicators(path: Path = DATA_FILE) -> IndicatorTable:
    """Read and check data/indicators.yml into immutable lookup tables."""
    raw = load_yaml(path.read_text(encoding="utf-8"))
    entries = raw.get("indicators") if isinstance(raw, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise IndicatorFileError(f"{path}: expected a mapping `indicators:` of ids to entries")
    by_id: dict[str, Indicator] = {}
    for key, entry in entries.items():
        where = f"{path.name}: indicators.{key}"
        if not isinstance(entry, dict):
            raise IndicatorFileError(f"{where}: expected a mapping")
        names = entry.get("name") or {}
        missing = [lang for lang in LANGS if not str(names.get(lang, "")).strip()]
        if missing:
            raise IndicatorFileError(f"{where}: name needs {', '.join(missing)}")
        if entry.get("unit") not in UNIT_KINDS:
            raise IndicatorFileError(f"{where}: unit must be one of {UNIT_KINDS}")
        terms = tuple(str(t) for t in entry.get("terms") or ())
        terms_hant = tuple(str(t) for t in entry.get("terms_hant") or ())
        if len(terms) != len(terms_hant):
            raise IndicatorFileError(f"{where}: terms and terms_hant must pair one to one")
        if not str(entry.get("source", "")).strip():
            raise IndicatorFileError(f"{where}: every entry says where it was checked (source)")
        by_id[str(key)] = Indicator(str(key), entry["unit"], MappingProxyType(dict(names)), terms,
                                    terms_hant, entry.get("value_of"), str(entry["source"]))
    for ind in by_id.values():
        if ind.value_of is not None and by_id.get(ind.value_of, ind).unit != "count":
            raise IndicatorFileError(f"{path.name}: indicators.{ind.id}: value_of must name a count id")
    matchers = sorted(((_head_pattern(term), ind.id, len(term.replace(_GAP, "")), term.split(_GAP)[-1])
                       for ind in by_id.values() for term in ind.terms),
                      key=lambda m: -m[2])
    value_ids = {ind.value_of: ind.id for ind in by_id.values() if ind.value_of}
    return IndicatorTable(MappingProxyType(by_id), tuple(matchers), MappingProxyType(value_ids))


def _head_pattern(term: str) -> re.Pattern:
    return re.compile("(?:" + _GAP_RE.join(map(re.escape, term.split(_GAP))) + ")$")


INDICATORS = load_indicators()  # immutable: read once at import


def indicator_name(indicator_id: str, lang: str) -> str:
    return INDICATORS.by_id[indicator_id].names[lang]


# ---------------------------------------------------------------- matching a phrase

QUOTES = re.compile(r"[“”\"‘’《》「」『』【】\s]")
# Words that wrap the measured noun: 高新技术企业数 / 授信金额 / 母基金总规模 name the same thing.
_WRAPPERS = re.compile(r"(?:数量|总数|家数|个数|人数|数|总量|总额|金额|总规模|规模|总值|额|合计|总计)$")
GENERIC_MONEY = re.compile(
    r"^(?:[新累]?[^\d]{0,2})?(?:计划)?(?:总投资额?|投资总额|投资额|协议投资|总规模|规模|金额|总额|合计|总计|投资)$")


def match_head(phrase: str, unit: str) -> Optional[str]:
    """The id whose term ends the phrase (its head), for a figure of this unit kind."""
    phrase = QUOTES.sub("", phrase)
    for _ in range(2):  # 授信总金额: two wrappers at most
        stripped = _WRAPPERS.sub("", phrase)
        if stripped == phrase or not stripped:
            break
        phrase = stripped
    for pattern, ind_id, _size, ending in INDICATORS.matchers:
        if phrase.endswith(ending) and INDICATORS.by_id[ind_id].unit == unit and pattern.search(phrase):
            return ind_id
    return None
