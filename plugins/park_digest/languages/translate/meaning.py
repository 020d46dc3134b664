"""Meaning checks: what a translation can get wrong with every figure right.

  direction   a change reversed or invented (增长 as "fell")
  scope       a reach changed (全市 as "China's", "national" where the Chinese has no 国)
  negation    a negation added or dropped ("not" from nowhere, 未 lost)
  ordinals    an ordinal or prize grade changed (一等奖 as "third prize")
  places      a province or city of the Chinese missing from the English, or one added
  companies   a company (有限公司) of the Chinese missing from the English
  sentences   fewer English sentences than Chinese ones (a sentence dropped)

The words compared live in data/qa_terms.yml (terms.py reads them); the places come from the administrative
divisions (parse/places.py) and the gazetteer's English names. Each check is deliberately
coarse (word counts, not parsing): it points a person at an entry, and the exceptions file
records the entries a person found right.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ...parse.places import place_table, romanize
from .terms import Terms

MEANING_CHECKS = ("direction", "scope", "negation", "ordinals", "places", "companies", "sentences")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# An English sentence ends at . ! or ? (and any closing quote) before a space and a capital,
# a digit or an opening quote; "Co., Ltd." and "No. 1" do not end one.
_EN_END = re.compile(r"(?<!\bCo)(?<!\bNo)(?<!\bLtd)(?<!\bInc)(?<!\bSt)(?<!\bMr)(?<!\bDr)(?<!\bU\.S)"
                     r"[.!?]+[\"'”’)]*(?=\s+[\"“‘(A-Z0-9]|\s*$)")
# A Chinese sentence ends at 。！？ unless a quote closes right after and the sentence goes on
# (“……。”他说 is one sentence, as in English: "…," he said.)
_ZH_END = re.compile(r"[。！？!?]+(?![”’」』]+[^%s。！？，、；：\s]*[%s])" % ("”’」』", _CJK))


def meaning_problems(zh: str, en: str, terms: Terms, glossary=None) -> list[tuple[str, str]]:
    """(check, message) for each meaning problem of `en` as a translation of `zh`; `glossary`
    (translate.glossary.Glossary) names the companies whose English is not their pinyin."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(en)]
    counts = Counter(words)
    found: list[tuple[str, str]] = []
    found += [("direction", m) for m in direction(zh, en, counts, terms)]
    found += [("scope", m) for m in scope(zh, counts, terms)]
    found += [("negation", m) for m in negation(zh, en, counts, terms)]
    found += [("ordinals", m) for m in ordinals(zh, counts, terms)]
    found += [("places", m) for m in places(zh, en, terms)]
    found += [("companies", m) for m in companies(zh, en, terms, glossary)]
    found += [("sentences", m) for m in sentences(zh, en)]
    return found


def _count_zh(text: str, words: Iterable[str]) -> int:
    return sum(text.count(w) for w in words)


def _count_en(counts: Counter, words: Iterable[str]) -> int:
    return sum(counts[w] for w in words)


_ZH_FIGURE = r"(?:了|至|到|达|为|约|近|超|逾|超过|将近)?(\d+(?:\.\d+)?)\s*(?:%|个百分点|倍)"
_EN_TOKEN = re.compile(r"\d+(?:\.\d+)?|[A-Za-z][A-Za-z'’\-]*")


def direction(zh: str, en: str, counts: Counter, terms: Terms) -> list[str]:
    """A change reversed: next to the same percentage (增长39.5% as "fell 39.5%"), or anywhere
    when the Chinese only goes one way and the English says the other."""
    problems = []
    tokens = [t.lower() for t in _EN_TOKEN.findall(en)]
    up_words, down_words = terms.up_en | terms.up_near, terms.down_en | terms.down_near
    for way, zh_words in (("up", terms.up_zh), ("down", terms.down_zh)):
        pattern = "(%s)%s" % ("|".join(map(re.escape, zh_words)), _ZH_FIGURE)
        for match in re.finditer(pattern, zh):
            near = _near(tokens, match.group(2))
            said = {"up" for t in near if t in up_words} | {"down" for t in near if t in down_words}
            if said and way not in said:
                problems.append("%s%s%% goes %s in the Chinese, %s in the English"
                                % (match.group(1), match.group(2), way, "/".join(sorted(said))))
    zh_up, zh_down = _count_zh(zh, terms.up_zh), _count_zh(zh, terms.down_zh)
    en_up, en_down = _count_en(counts, terms.up_en), _count_en(counts, terms.down_en)
    if en_down and not zh_down:
        problems.append("the English goes down (%s) where the Chinese never does"
                        % _listed(counts, terms.down_en))
    if en_up and zh_down and not zh_up:
        problems.append("the English goes up (%s) where the Chinese only goes down"
                        % _listed(counts, terms.up_en))
    return problems


def _near(tokens: list[str], number: str, before: int = 6, after: int = 4) -> list[str]:
    """English words around each occurrence of `number`."""
    found = []
    for i, token in enumerate(tokens):
        if token == number:
            found += tokens[max(0, i - before):i] + tokens[i + 1:i + 1 + after]
    return found


def scope(zh: str, counts: Counter, terms: Terms) -> list[str]:
    problems = []
    for name, zh_words, en_words, sources in terms.scopes:
        needed, given = _count_zh(zh, zh_words), _count_en(counts, en_words)
        if needed > given:
            problems.append("%s (%s scope) has no English of that reach"
                            % ("/".join(w for w in zh_words if w in zh), name))
        elif given and not any(s in zh for s in sources):
            problems.append("the English says %s (%s scope), the Chinese nothing of the kind"
                            % (_listed(counts, en_words), name))
    return problems


def negation(zh: str, en: str, counts: Counter, terms: Terms) -> list[str]:
    plain = zh
    for idiom in sorted(terms.neg_zh_idioms, key=len, reverse=True):
        plain = plain.replace(idiom, "")
    zh_neg = _count_zh(plain, terms.neg_zh)
    lowered = en.lower().replace("’", "'")
    idioms = sum(lowered.count(i) for i in terms.neg_en_idioms) + len(_NUMBERED.findall(en))
    en_neg = _count_en(counts, terms.neg_en) + lowered.count("n't") - idioms
    if en_neg > zh_neg:
        return ["the English negates (%s) more often than the Chinese (%d)"
                % (_listed(counts, terms.neg_en) or "n't", zh_neg)]
    if zh_neg and en_neg <= 0:
        return ["the Chinese negates (%s) and the English does not"
                % "/".join(w for w in terms.neg_zh if w in plain)]
    return []


_NUMBERED = re.compile(r"\bNo\.\s*\d")  # "No. 1 Middle School" is no negation
_ZH_ORDINAL = re.compile(r"第([0-9一二两三四五六七八九十]+)|([一二三四五六七八九十]+)等奖")
_EN_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")


def ordinals(zh: str, counts: Counter, terms: Terms) -> list[str]:
    from ...figures.numerals import parse_chinese  # the figures' own numeral reader

    said = {value for value, words in terms.ordinal_zh if any(w in zh for w in words)}
    grades = set()
    for match in _ZH_ORDINAL.finditer(zh):
        number = match.group(1) or match.group(2)
        value = int(number) if number.isdigit() else parse_chinese(number)
        if value:
            said.add(int(value))
            if match.group(2):
                grades.add(int(value))
    english = Counter()
    for word, value in terms.ordinal_en:
        if counts[word]:
            english[value] += counts[word]
    problems = ["the English has the ordinal %d (%s) the Chinese does not"
                % (value, next(w for w, v in terms.ordinal_en if v == value))
                for value in sorted(english) if value not in said]
    problems += ["the Chinese prize grade %d (%d等奖) has no English ordinal" % (g, g)
                 for g in sorted(grades) if g not in english]
    for prize, words in terms.prizes:
        if prize in zh and not any(counts[w] for w in words):
            problems.append("the Chinese %s has no English (%s)" % (prize, " / ".join(words)))
    return problems


def _listed(counts: Counter, words: Iterable[str]) -> str:
    return ", ".join(sorted(w for w in words if counts[w]))


# ---------------------------------------------------------------- places

@dataclass(frozen=True)
class PlaceIndex:
    detected: frozenset[str]  # names looked for in the Chinese
    provinces: dict[str, str]  # a province's English as written → its Chinese short name
    longest: int


def _norm(text: str) -> str:
    return re.sub(r"[\s'’\-]", "", text).lower()


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """Provinces and prefecture-level cities by full and short name; county-level divisions by
    their full name only (青州市, 长安区): short county names are too often ordinary words."""
    detected, provinces = set(), {}
    for name, divisions in place_table().items():
        top = divisions[0]
        if len(name) >= 2 and (top.level != "county" or name == top.name):
            detected.add(name)
        if top.level == "province" and name == top.province:
            provinces[romanize(top.province)] = top.province
    return PlaceIndex(frozenset(detected), provinces, max(map(len, detected)))


@lru_cache(maxsize=None)
def place_english(name: str) -> frozenset[str]:
    """The English of every division called `name` (normalized: "xian" for 西安)."""
    from ...parse.places import short_form

    return frozenset(_norm(romanize(short_form(p.name) or p.name)) for p in place_table().get(name, ()))


def zh_places(zh: str, index: PlaceIndex) -> list[str]:
    """Place names in the Chinese, leftmost-longest."""
    found, at = [], 0
    while at < len(zh):
        for size in range(min(index.longest, len(zh) - at), 1, -1):
            if zh[at:at + size] in index.detected:
                found.append(zh[at:at + size])
                at += size
                break
        else:
            at += 1
    return found


def places(zh: str, en: str, terms: Terms, index: PlaceIndex | None = None) -> list[str]:
    """Every province and city of the Chinese in the English; no province in the English that
    the Chinese does not name (cities are left out of this direction: company and fund names
    sound like them, 凯丰 Kaifeng, 松源 Songyuan)."""
    index = index or place_index()
    english = _norm(en)
    problems = []
    for name in dict.fromkeys(zh_places(zh, index)):
        names = place_english(name)
        if not any(n in english for n in names):
            problems.append("%s (%s) is not in the English" % (name, "/".join(sorted(names)).title()))
    table, named = place_table(), set()
    for size in range(2, 7):
        for at in range(len(zh) - size + 1):
            if zh[at:at + size] in table:
                named |= place_english(zh[at:at + size])
    for abbreviation, province in terms.abbreviations:
        if abbreviation in zh:
            named.add(_norm(romanize(province)))
    for province_en, province_zh in index.provinces.items():
        if re.search(r"\b%s\b" % re.escape(province_en), en) and _norm(province_en) not in named:
            problems.append("the English names %s, which the Chinese does not (%s)"
                            % (province_en, province_zh))
    return problems


# ---------------------------------------------------------------- companies

def companies(zh: str, en: str, terms: Terms, glossary=None) -> list[str]:
    """Each 有限公司 name of the Chinese needs a word of its own name in the English: the
    glossary's English for it, or the pinyin of two of its characters that are neither a place
    nor a word of its trade."""
    from ...parse.pinyin import lazy_pinyin

    index = place_index()
    english = _norm(en)
    problems = []
    suffixes = "|".join(map(re.escape, terms.company_suffixes))
    for match in re.finditer(r"[%s（）()]{2,30}?(?:%s)" % (_CJK, suffixes), zh):
        name = match.group(0)
        known = [entry.en for _, entry in glossary.find(name)] if glossary else []
        if known:
            if not any(e.lower() in en.lower() for e in known):
                problems.append("the company %s is not in the English (%s)" % (name, known[0]))
            continue
        core = re.sub(suffixes, "", name)
        for word in sorted(terms.company_generic, key=len, reverse=True):
            core = core.replace(word, "·")
        for place in zh_places(core, index):
            core = core.replace(place, "·")
        pairs = re.findall(r"(?=([%s]{2}))" % _CJK, core)
        if pairs and not any(_norm("".join(lazy_pinyin(p))) in english for p in pairs):
            problems.append("the company %s is not in the English" % name)
    return problems


# ---------------------------------------------------------------- sentences

def sentences(zh: str, en: str) -> list[str]:
    zh_count = len(_ZH_END.findall(zh.strip())) or 1
    en_count = len(_EN_END.findall(en.strip())) or 1
    if en_count < zh_count:
        return ["%d Chinese sentences, %d English ones" % (zh_count, en_count)]
    return []
