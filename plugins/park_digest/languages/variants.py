"""A story in each language: the source, zh-Hant by OpenCC, English from the translation memory.

Every unit of text carries its language and status so the page can be honest about what it
shows: converted, reviewed, machine-translated, outdated, or not yet translated (then the
Chinese source is shown in its place).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Protocol

from ..figures.labels_check import indicator_label
from ..model import Seed, Story
from ..parse.normalize import normalize_line, split_sentences, strip_pinyin
from .traditional import Hant

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
    authors: tuple[str, ...] = ()  # as this language writes them (zh-Hant: in Traditional)

    @property
    def status(self) -> str:
        """The page's overall status: the weakest of its units."""
        order = ("untranslated", "outdated", "machine", "reviewed", "original", "converted", "source")
        present = {t.status for t in self.units()}
        return next((s for s in order if s in present), "source")

    def units(self) -> list[Text]:
        units = [t for _, t in self.body] + self.captions
        return ([self.title] if self.title else []) + units


def to_traditional(text: str, config: str, protected: tuple[str, ...] = (), quotes: bool = True) -> str:
    """`text` in zh-Hant by `config`, the protected names converted as names (traditional.py)."""
    return Hant(config, quotes, protected).convert(text)


def _original_text(seed: Seed, parts: tuple[int, ...]) -> str:
    return "".join(strip_pinyin(normalize_line(seed.original_lines[n - 1]))[0] for n in parts)


def localize_hant(story: Story, seed: Seed, hant: Hant) -> LocalizedStory:
    """zh-Hant: the page's own Traditional text when it came in Traditional, else `hant`'s
    conversion (the story's authors protected as names)."""
    from_hant = seed.script == "hant"  # its paragraphs keep the page's own text
    texts = [story.title or "", *(item.text for item in story.body if not (from_hant and item.parts)),
             *story.captions, *(f.label_zh for f in story.facts), story.park.name_zh if story.park else ""]
    split = {text: split_sentences(text) for text in texts}
    pending = list(dict.fromkeys(s for sentences in split.values() for s in sentences))
    table = dict(zip(pending, hant.convert_many(pending, tuple(story.authors))))

    def convert(text: str, parts: tuple[int, ...] = ()) -> Text:
        if from_hant and parts:
            source_sentences = split_sentences(text)
            original = hant.typeset(_original_text(seed, parts))
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
        fact_labels=[Text(indicator_label(f, "zh-Hant", hant.convert), "zh-Hant", "converted",
                          source=f.label_zh)
                     if f.indicator else convert(f.label_zh) for f in story.facts],
        park_name=convert(story.park.name_zh) if story.park else None,
        authors=tuple(hant.convert_name(a, person=True) for a in story.authors))


def localize_source(story: Story) -> LocalizedStory:
    def keep(text: str) -> Text:
        return Text(text, SOURCE, "source", source=text, sentences=tuple(split_sentences(text)))

    return LocalizedStory(
        story=story, lang=SOURCE, title=keep(story.title) if story.title else None,
        body=[(item.type, keep(item.text)) for item in story.body],
        captions=[keep(c) for c in story.captions],
        fact_labels=[keep(f.label_zh) for f in story.facts],
        park_name=keep(story.park.name_zh) if story.park else None,
        authors=tuple(story.authors))


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
        if fact.indicator:  # named after its indicator: the data file's reviewed English
            labels.append(Text(fact.label_en, "en", "reviewed", source=fact.label_zh))
            continue
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
        fact_labels=labels, park_name=park_name, authors=tuple(story.authors))
