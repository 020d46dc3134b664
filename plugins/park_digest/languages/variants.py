"""A story in each language: the source, zh-Hant by OpenCC, English from the translation memory.

Every unit of text carries its language and status so the page can be honest about what it
shows: converted, reviewed, machine-translated, outdated, or not yet translated (then the
Chinese source is shown in its place).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional, Protocol

from ..model import Seed, Story
from ..parse.normalize import normalize_line, split_sentences, strip_pinyin
from ..parse.read import converter

SOURCE = "zh-Hans"


class TranslationLike(Protocol):
    text: Optional[str]
    status: str  # reviewed | machine | outdated | missing
    engine: Optional[str]


Lookup = Callable[[str], Optional[TranslationLike]]


@dataclass(frozen=True)
class Text:
    """One unit as shown on a page."""
    text: str
    lang: str  # BCP 47 language of `text`
    status: str = "source"  # source | converted | original | reviewed | machine | outdated | untranslated
    engine: str = ""
    source: str = ""  # the zh-Hans unit it renders
    sentences: tuple[str, ...] = ()  # aligned one to one with the source's sentences, when known


@dataclass
class LocalizedStory:
    story: Story
    lang: str
    title: Optional[Text]
    body: list[tuple[str, Text]]  # (heading|paragraph, text)
    captions: list[Text]
    fact_labels: list[Text]
    park_name: Optional[Text]

    @property
    def status(self) -> str:
        """The page's overall status: the weakest of its units."""
        order = ("untranslated", "outdated", "machine", "reviewed", "original", "converted", "source")
        present = {t.status for t in self.units()}
        return next((s for s in order if s in present), "source")

    def units(self) -> list[Text]:
        units = [t for _, t in self.body] + self.captions
        return ([self.title] if self.title else []) + units


def to_traditional(text: str, config: str, protected: tuple[str, ...] = ()) -> str:
    """OpenCC conversion that leaves protected names (glossary entries) as characters converted
    one by one, so phrase tables cannot rewrite them (e.g. a company name that happens to be a
    mainland phrase)."""
    if not protected:
        return converter(config).convert(text)
    pattern = _protected_pattern(protected)
    if not _PRIVATE_USE.search(text):
        # One OpenCC call for the whole text: each name becomes a private-use character, which
        # no phrase table contains (so no phrase reaches across it, as with separate calls),
        # and comes back converted character by character.
        names: dict[str, str] = {}
        marked = pattern.sub(lambda m: names.setdefault(m.group(0), chr(_PUA_START + len(names))), text)
        if len(names) <= _PUA_SIZE:
            back = {mark: _convert_name(name) for name, mark in names.items()}
            converted = converter(config).convert(marked)
            return _PRIVATE_USE.sub(lambda m: back[m.group(0)], converted) if back else converted
    pieces, at = [], 0
    # Leftmost name first, the longest one where several start at the same place.
    for match in pattern.finditer(text):
        pieces.append(converter(config).convert(text[at:match.start()]))
        pieces.append(_convert_name(match.group(0)))
        at = match.end()
    if at < len(text) or not pieces:
        pieces.append(converter(config).convert(text[at:]))
    return "".join(pieces)


_PUA_START, _PUA_SIZE = 0xE000, 0x1900  # the Basic Multilingual Plane's private use area
_PRIVATE_USE = re.compile("[\uE000-\uF8FF]")


@lru_cache(maxsize=4096)
def _convert_name(name: str) -> str:
    return converter("s2t").convert(name)


@lru_cache(maxsize=8)
def _protected_pattern(protected: tuple[str, ...]) -> re.Pattern:
    """One alternation, longest names first, compiled once per glossary (a scan per name and
    sentence was the slowest part of zh-Hant conversion)."""
    names = sorted({n for n in protected if n}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) or r"(?!)")


def _original_text(seed: Seed, parts: tuple[int, ...]) -> str:
    return "".join(strip_pinyin(normalize_line(seed.original_lines[n - 1]))[0] for n in parts)


def to_traditional_many(texts: list[str], config: str, protected: tuple[str, ...] = ()) -> list[str]:
    """to_traditional of each text, in one OpenCC call: a call costs far more than a character,
    and a story has hundreds of sentences. Lines are converted independently (no phrase spans a
    line break), so joining with newlines changes nothing but the count of calls."""
    if not any("\n" in text for text in texts):
        converted = to_traditional("\n".join(texts), config, protected).split("\n")
        if len(converted) == len(texts):  # not expected otherwise; never trade correctness for the batch
            return converted
    return [to_traditional(text, config, protected) for text in texts]


def localize_hant(story: Story, seed: Seed, config: str, protected: tuple[str, ...] = ()) -> LocalizedStory:
    """zh-Hant: the page's own Traditional text when it came in Traditional, else OpenCC."""
    from_hant = seed.script == "hant"  # its paragraphs keep the page's own text
    texts = [story.title or "", *(item.text for item in story.body if not (from_hant and item.parts)),
             *story.captions, *(f.label_zh for f in story.facts), story.park.name_zh if story.park else ""]
    split = {text: split_sentences(text) for text in texts}
    pending = list(dict.fromkeys(s for sentences in split.values() for s in sentences))
    table = dict(zip(pending, to_traditional_many(pending, config, protected)))

    def convert(text: str, parts: tuple[int, ...] = ()) -> Text:
        if from_hant and parts:
            source_sentences = split_sentences(text)
            original = _original_text(seed, parts)
            sentences = split_sentences(original)
            aligned = tuple(sentences) if len(sentences) == len(source_sentences) else ()
            return Text(original, "zh-Hant", "original", source=text, sentences=aligned)
        # Sentence by sentence, so every sentence anchor lines up with the source.
        sentences = tuple(table[s] for s in split[text])
        return Text("".join(sentences), "zh-Hant", "converted", source=text, sentences=sentences)

    return LocalizedStory(
        story=story, lang="zh-Hant",
        title=convert(story.title) if story.title else None,
        body=[(item.type, convert(item.text, item.parts)) for item in story.body],
        captions=[convert(c) for c in story.captions],
        fact_labels=[convert(f.label_zh) for f in story.facts],
        park_name=convert(story.park.name_zh) if story.park else None)


def localize_source(story: Story) -> LocalizedStory:
    def keep(text: str) -> Text:
        return Text(text, SOURCE, "source", source=text, sentences=tuple(split_sentences(text)))

    return LocalizedStory(
        story=story, lang=SOURCE, title=keep(story.title) if story.title else None,
        body=[(item.type, keep(item.text)) for item in story.body],
        captions=[keep(c) for c in story.captions],
        fact_labels=[keep(f.label_zh) for f in story.facts],
        park_name=keep(story.park.name_zh) if story.park else None)


def translate_unit(text: str, lookup: Lookup) -> Text:
    found = lookup(text) if text else None
    if found is None or not found.text or found.status == "missing":
        return Text(text, SOURCE, "untranslated", source=text)
    return Text(found.text, "en", found.status, found.engine or "", source=text)


def localize_en(story: Story, lookup: Lookup) -> LocalizedStory:
    """English from the memory. A fact label's house English (labels.yml, through the extractor)
    wins over anything but a reviewed entry: no engine's wording replaces a house term."""
    labels = []
    for fact in story.facts:
        unit = translate_unit(fact.label_zh, lookup)
        if unit.status != "reviewed" and fact.label_en:
            unit = Text(fact.label_en, "en", "machine", "rules", source=fact.label_zh)
        labels.append(unit)
    park_name = None
    if story.park:
        park_name = Text(story.park.name_en, "en", "reviewed" if story.park.known else "machine",
                         "" if story.park.known else "pinyin", source=story.park.name_zh)
    return LocalizedStory(
        story=story, lang="en",
        title=translate_unit(story.title, lookup) if story.title else None,
        body=[(item.type, translate_unit(item.text, lookup)) for item in story.body],
        captions=[translate_unit(c, lookup) for c in story.captions],
        fact_labels=labels, park_name=park_name)
