"""Cut a story into translation units: the Chinese strings that become PO msgids."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...model import Story

UNIT_KINDS = ("title", "heading", "paragraph", "caption", "fact_label", "park_name")
# Kinds shared across pages: they live in translations/<lang>/common.po.
COMMON_KINDS = ("fact_label", "park_name")


@dataclass(frozen=True)
class Unit:
    msgid: str
    kind: str  # one of UNIT_KINDS
    ref: str  # "<seed file>:<first line of the span>", the PO occurrence
    # The English the site fixes for this unit (a park's name from the gazetteer or its pinyin
    # rule, a fact label from labels.yml): never sent to an engine, and no machine entry
    # replaces it on a page; only a reviewed entry does.
    house: Optional[str] = None


def story_units(story: Story) -> list[Unit]:
    """Units in reading order: title, park name, body, captions, fact labels.

    Captions carry no span of their own, so they point at the story's first line; fact labels
    point at the block their figure stands in.
    """
    units: list[Unit] = []

    def add(text: str | None, kind: str, line: int, house: str | None = None) -> None:
        text = (text or "").strip()
        if text:
            units.append(Unit(text, kind, "%s:%d" % (story.seed_file, line), (house or "").strip() or None))

    first = story.span[0]
    add(story.title, "title", first)
    if story.park is not None:
        add(story.park.name_zh, "park_name", first, story.park.name_en)
    for item in story.body:
        add(item.text, "heading" if item.type == "heading" else "paragraph", item.span[0])
    for caption in story.captions:
        add(caption, "caption", first)
    for fact in story.facts:
        block = fact.block
        in_body = isinstance(block, int) and 0 <= block < len(story.body)
        line = story.body[block].span[0] if in_body else first
        if not fact.indicator:  # an indicator's names come from data/indicators.yml
            add(fact.label_zh, "fact_label", line, fact.label_en)
    return units
