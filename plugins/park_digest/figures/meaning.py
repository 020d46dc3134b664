"""What each figure of a story means: its indicator, change or share, its period, a label that
names it, and whether it belongs in the fact box. One call per story, after extraction."""
from __future__ import annotations

from typing import Union

from ..model import Story
from .factbox import select_box
from .indicators import classify_story
from .labels_check import settle_labels
from .period_mentions import published
from .periods import assign_periods

# A figure that describes one firm or project, a threshold or an order of magnitude measures no
# span of the park's time (INDICATORS.md): it has no period.
_NO_PERIOD = ("single", "threshold", "magnitude", "process")


def annotate_story(story: Story, box_size: int = 6) -> None:
    """Set indicator, change, change_of, share_of, period, period_inferred, the labels and in_box
    on every figure of a story."""
    def text_of(block: Union[int, str]) -> str:
        return story.title or "" if block == "title" else story.body[block].text

    reasons = classify_story(story.facts, text_of)
    when = published(story.date, [story.title or ""] + [item.text for item in story.body])
    first = next((i for i, item in enumerate(story.body) if item.type == "paragraph"), None)
    assign_periods(story.facts, text_of, first, when)
    for fact, reason in zip(story.facts, reasons):
        if reason in _NO_PERIOD and not fact.indicator:
            fact.period, fact.period_inferred = None, False
    settle_labels(story.facts)
    select_box(story.facts, box_size, reasons)
