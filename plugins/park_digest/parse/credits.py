"""Credits set after a story's last sentence, on the same line as its text.

`…可达120亿元。　记者 许诚 文/摄` (the reporter wrote the story and took its picture), `…动能。 周舟/摄`
(a photographer's credit) and `…快速转化。 李文晴` (the reporter's byline) are cut off the text
block they end, into a byline or a caption block of their own.
"""
from __future__ import annotations

import re

from ..model import Block
from .names import trailing_byline

# `…可达120亿元。　记者 许诚 文/摄`: the reporter wrote the story and took its picture.
_TRAILING_STORY_CREDIT = re.compile(
    r"^(.*[。！？”])[ \u3000]+((?:本报)?(?:记者|通讯员)?\s*([\u4e00-\u9fff]{2,4})\s*文\s*[/／]\s*(?:摄|图))$")
_TRAILING_CREDIT = re.compile(r"^(.*[。！？”])[ \u3000]+(\S{2,12}/\s?摄|\S{2,12}\s摄|\S{2,12}供图)$")


def split_trailing_byline(block: Block) -> list[Block]:
    """`…快速转化。 李文晴` or `…动能。 周舟/摄`: a byline or photo credit set after the last sentence."""
    story_credit = _TRAILING_STORY_CREDIT.match(block.text)
    if story_credit:
        return [Block("text", story_credit.group(1), block.span, block.parts, gap_before=block.gap_before),
                Block("byline", story_credit.group(2), block.span, block.parts, authors=(story_credit.group(3),))]
    credit = _TRAILING_CREDIT.match(block.text)
    if credit:
        return [Block("text", credit.group(1), block.span, block.parts, gap_before=block.gap_before),
                Block("caption", credit.group(2), block.span, block.parts)]
    found = trailing_byline(block.text)
    if not found:
        return [block]
    body, byline, authors = found
    return [Block("text", body, block.span, block.parts, gap_before=block.gap_before),
            Block("byline", byline, block.span, block.parts, authors=authors)]
