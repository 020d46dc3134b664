"""Simplified → Traditional Chinese a Taiwan or Hong Kong reader can trust.

OpenCC converts the text, with three things around it:

- the word list (data/hant_words.yml): words OpenCC gets wrong at a word boundary (催生发展 →
  催生髮展, its phrase 生发 taking the 发) are converted as the list says, before OpenCC sees
  the text; glyph preferences pick one of two standard forms (臺/台);
- proper names (glossary, gazetteer, the story's authors) are converted on their own, through
  the character tables only (never through vocabulary such as s2twp's 智能 → 智慧), and the
  characters the list keeps in names (the surname 于) stay as they are;
- quotes become 「」『』 (a setting).

Each protected span becomes one private-use character before OpenCC runs, so no phrase table
reaches across it, and comes back as its own conversion afterwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..datafile import load_yaml
from ..parse.read import converter

DEFAULT_WORDS = Path(__file__).resolve().parents[1] / "data" / "hant_words.yml"
CONFIGS = ("s2tw", "s2twp", "s2hk", "s2t")
# The character tables of each configuration, for names: s2twp's vocabulary is never applied
# to a name.
NAME_CONFIG = {"s2tw": "s2tw", "s2twp": "s2tw", "s2hk": "s2hk", "s2t": "s2t"}
# Numbers a measure word can follow: 22只子基金, 三只, 数只.
NUMBERS = re.compile("[0-9０-９零〇一二两三四五六七八九十百千万亿几数多余]")
QUOTES = {"“": "「", "”": "」", "‘": "『", "’": "』"}
# ’ between Latin letters or digits is an apostrophe (Moody’s), not a closing quote.
_QUOTE = re.compile(r"[“”‘]|’(?<![A-Za-z0-9]’)|’(?![A-Za-z])")
_PUA_START, _PUA_SIZE = 0xE000, 0x1900  # the Basic Multilingual Plane's private use area
_PRIVATE_USE = re.compile("[\uE000-\uF8FF]")


class WordListError(ValueError):
    """hant_words.yml is malformed (the build stops, naming the file and entry)."""


@dataclass(frozen=True)
class WordFix:
    zh: str  # Simplified, as in the normalized text
    hant: str  # what the page shows
    note: str
    after_number: bool = False  # only after a number (a measure word: 22只子基金 → 22隻子基金)
    configs: tuple[str, ...] = CONFIGS


@dataclass(frozen=True)
class Glyph:
    """One of two standard forms, chosen for the whole text: 臺 → 台."""
    source: str  # the form OpenCC writes
    target: str
    note: str
    configs: tuple[str, ...] = CONFIGS


@dataclass(frozen=True)
class WordList:
    words: tuple[WordFix, ...] = ()
    glyphs: tuple[Glyph, ...] = ()
    keep_in_names: tuple[str, ...] = ()  # characters left unconverted inside a name (于)
    surnames: tuple[str, ...] = ()  # …and as the first character of a person's name (余, 范)

    def words_for(self, config: str) -> tuple[WordFix, ...]:
        return tuple(w for w in self.words if config in w.configs)

    def glyph_table(self, config: str) -> dict[int, str]:
        return {ord(g.source): g.target for g in self.glyphs if config in g.configs}


def _configs(item: dict, where: str) -> tuple[str, ...]:
    configs = item.get("configs") or list(CONFIGS)
    if not isinstance(configs, list) or not set(configs) <= set(CONFIGS):
        raise WordListError(f"{where}: configs must be a list of {', '.join(CONFIGS)}")
    return tuple(configs)


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise WordListError(f"{where}: {key} is required (non-empty text)")
    return value.strip()


@lru_cache(maxsize=4)
def load_word_list(path: Path = DEFAULT_WORDS) -> WordList:
    try:
        raw = load_yaml(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise WordListError(f"cannot read the zh-Hant word list {path}: {exc}") from exc
    if not isinstance(raw, dict) or set(raw) - {"words", "glyphs", "keep_in_names"}:
        raise WordListError(f"{path}: expected the sections words, glyphs and keep_in_names")
    words, glyphs, keep, surnames, seen = [], [], [], [], {}
    for number, item in enumerate(raw.get("words") or [], 1):
        where = f"{path}: words entry {number}"
        if not isinstance(item, dict):
            raise WordListError(f"{where}: expected a mapping with zh, hant and note")
        fix = WordFix(_text(item, "zh", where), _text(item, "hant", where), _text(item, "note", where),
                      bool(item.get("after_number", False)), _configs(item, where))
        if len(fix.zh) != len(fix.hant):
            raise WordListError(f"{where}: {fix.zh} and {fix.hant} differ in length (a character "
                                "conversion keeps it)")
        key = (fix.zh, fix.after_number, fix.configs)
        if key in seen:
            raise WordListError(f"{where}: {fix.zh} is already entry {seen[key]}")
        seen[key] = number
        words.append(fix)
    for number, item in enumerate(raw.get("glyphs") or [], 1):
        where = f"{path}: glyphs entry {number}"
        if not isinstance(item, dict):
            raise WordListError(f"{where}: expected a mapping with from, to and note")
        glyph = Glyph(_text(item, "from", where), _text(item, "to", where), _text(item, "note", where),
                      _configs(item, where))
        if len(glyph.source) != 1 or len(glyph.target) != 1:
            raise WordListError(f"{where}: from and to are single characters")
        glyphs.append(glyph)
    for number, item in enumerate(raw.get("keep_in_names") or [], 1):
        where = f"{path}: keep_in_names entry {number}"
        if not isinstance(item, dict) or len(_text(item, "zh", where)) != 1:
            raise WordListError(f"{where}: expected zh (one character) and note")
        _text(item, "note", where)
        (surnames if item.get("surname_only") else keep).append(item["zh"].strip())
    return WordList(tuple(words), tuple(glyphs), tuple(keep), tuple(surnames))


@dataclass(frozen=True)
class Hant:
    """How a site converts to zh-Hant: the OpenCC configuration, the quotes setting, the proper
    names it protects and the word list. Hashable, so its tables are built once."""
    config: str = "s2tw"
    quotes: bool = True
    names: tuple[str, ...] = ()  # parks, companies, programmes, bodies, places
    people: tuple[str, ...] = ()  # people's names (a name's first character is its surname)
    words: WordList = field(default_factory=load_word_list)

    def convert(self, text: str, people: tuple[str, ...] = ()) -> str:
        """`people`: more names to protect in this text (a story's authors)."""
        return _convert(self, text, tuple(sorted(set(people) - set(self.people))))

    def convert_many(self, texts: list[str], people: tuple[str, ...] = ()) -> list[str]:
        """convert() of each text in one OpenCC call: a call costs far more than a character.
        Lines convert independently (no phrase spans a line break), so joining with newlines
        changes nothing but the count of calls."""
        if not any("\n" in text for text in texts):
            converted = self.convert("\n".join(texts), people).split("\n")
            if len(converted) == len(texts):  # never trade correctness for the batch
                return converted
        return [self.convert(text, people) for text in texts]

    def typeset(self, text: str) -> str:
        """Text already in Traditional (a page printed so), with the quotes the setting asks for."""
        return _quotes(self, text)

    def convert_name(self, name: str, person: bool = False) -> str:
        return _convert_name(self, name, person)

    def spans(self, text: str, people: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
        """(start, end, what) of every protected span of `text`: what is "name" or the word
        list's Simplified entry. The cross-check uses it."""
        table = _tables(self, tuple(sorted(set(people) - set(self.people))))
        return [(start, end, "name" if kind == "name" else text[start:end])
                for start, end, kind in table.find(text)]

    def __hash__(self) -> int:
        # Hashed on every cached lookup: a gazetteer's thousand names are hashed once per process
        # (string hashes differ between processes, so the cached value is never pickled).
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = self.__dict__["_hash"] = hash((self.config, self.quotes, self.names,
                                                    self.people, self.words))
        return cached

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)


@dataclass(frozen=True)
class _Tables:
    starts: re.Pattern  # any character a protected span starts with
    # The first two characters of a span (its only character for a one-character span) → the
    # spans that start so, longest first: a hit tries only the spans its next character allows.
    by_start: dict[str, tuple[str, ...]]
    names: frozenset[str]
    people: frozenset[str]
    words: dict[str, WordFix]  # Simplified → fix
    after_number: dict[str, WordFix]  # the same, for fixes that apply after a number only
    glyphs: dict[int, str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each protected span, leftmost first, the longest where several
        start at one place (a company name over a word inside it); kind: name, word, number."""
        found, at = [], 0
        while (hit := self.starts.search(text, at)) is not None:
            at = hit.start() + 1
            pair = text[hit.start():at + 1]
            spans = self.by_start.get(pair, ()) if len(pair) == 2 else ()
            for span in spans + self.by_start.get(hit.group(0), ()):
                kind = text.startswith(span, hit.start()) and self._kind(span, text, hit.start())
                if kind:
                    found.append((hit.start(), hit.start() + len(span), kind))
                    at = hit.start() + len(span)
                    break
        return found

    def _kind(self, span: str, text: str, at: int) -> str:
        if span in self.names:
            return "name"
        if span in self.after_number and at and NUMBERS.match(text, at - 1):
            return "number"
        return "word" if span in self.words else ""

    def replacement(self, hant: "Hant", span: str, kind: str) -> str:
        if kind == "name":
            return _convert_name(hant, span, span in self.people)
        return (self.after_number if kind == "number" else self.words)[span].hant


@lru_cache(maxsize=64)
def _tables(hant: Hant, extra: tuple[str, ...]) -> _Tables:
    people = frozenset(n for n in hant.people + extra if n)
    names = frozenset(n for n in hant.names if n) | people
    fixes = hant.words.words_for(hant.config)
    words = {w.zh: w for w in fixes if not w.after_number}
    after_number = {w.zh: w for w in fixes if w.after_number}
    by_start: dict[str, list[str]] = {}
    for span in names | words.keys() | after_number.keys():
        by_start.setdefault(span[:2], []).append(span)
    firsts = sorted({span[0] for span in by_start})
    starts = re.compile("[%s]" % "".join(map(re.escape, firsts)) if firsts else r"(?!)")
    return _Tables(starts, {c: tuple(sorted(spans, key=len, reverse=True)) for c, spans in by_start.items()},
                   names, people, words, after_number, hant.words.glyph_table(hant.config))


def _convert(hant: Hant, text: str, extra: tuple[str, ...]) -> str:
    """Each protected span becomes one private-use character for OpenCC and comes back as its
    own conversion."""
    table = _tables(hant, extra)
    spans = table.find(text)
    if not spans:
        return _quotes(hant, _opencc(hant, table, text))
    replacements = [table.replacement(hant, text[start:end], kind) for start, end, kind in spans]
    distinct = list(dict.fromkeys(replacements))
    if _PRIVATE_USE.search(text) or len(distinct) > _PUA_SIZE:
        # private-use characters of the text's own (or more names than marks): piece by piece
        pieces, at = [], 0
        for (start, end, _), replacement in zip(spans, replacements):
            pieces += [_opencc(hant, table, text[at:start]), replacement]
            at = end
        return _quotes(hant, "".join(pieces) + _opencc(hant, table, text[at:]))
    mark = {r: chr(_PUA_START + i) for i, r in enumerate(distinct)}
    pieces, at = [], 0
    for (start, end, _), replacement in zip(spans, replacements):
        pieces += [text[at:start], mark[replacement]]
        at = end
    converted = _opencc(hant, table, "".join(pieces) + text[at:])
    back = {m: r for r, m in mark.items()}
    return _quotes(hant, _PRIVATE_USE.sub(lambda m: back[m.group(0)], converted))


def _opencc(hant: Hant, table: _Tables, text: str) -> str:
    if not text:
        return text
    converted = converter(hant.config).convert(text)
    return converted.translate(table.glyphs) if table.glyphs else converted


@lru_cache(maxsize=8192)
def _convert_name(hant: Hant, name: str, person: bool = False) -> str:
    """A name on its own, through the character tables; the characters the word list keeps in
    names (于) stay, so does a person's surname the list keeps (余), and so does the word
    list's own conversion of a word inside the name."""
    plain = Hant(NAME_CONFIG[hant.config], False, words=hant.words)
    head = ""
    if person and name[:1] in hant.words.surnames:
        head, name = name[0], name[1:]
    keep = hant.words.keep_in_names
    if not keep:
        return head + plain.convert(name)
    parts = re.split("([%s])" % re.escape("".join(keep)), name)
    return head + "".join(part if part in keep else plain.convert(part) for part in parts if part)


def _quotes(hant: Hant, text: str) -> str:
    if not hant.quotes or not any(q in text for q in QUOTES):
        return text
    return _QUOTE.sub(lambda m: QUOTES[m.group(0)], text)


def traditional_authors(hant: Hant, authors: tuple[str, ...] | list[str]) -> list[str]:
    """Authors' names in Traditional, each converted as a person's name."""
    return [hant.convert_name(a, person=True) for a in authors]


def proper_names(glossary, parks) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names, people) to protect: every glossary name and alias (people apart), and every
    park of the gazetteer with its aliases."""
    names, people = set(), set()
    for entry in glossary.entries:
        (people if entry.kind == "person" else names).update((entry.zh, *entry.aliases))
    for park in parks:
        names.update((park.name_zh, *park.aliases))
    return tuple(sorted(names - people)), tuple(sorted(people))
