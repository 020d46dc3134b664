"""An encyclopedia entry's infobox (中文名 X, 外文名 Y, 面积 …): the site's summary card.

The rows repeat what the entry says in its text, in the site's own layout; they are furniture and
their figures are not the story's facts.
"""
from __future__ import annotations

import re
from typing import Sequence

from .prose import is_prose

# An encyclopedia's infobox flattened into rows: `中文名 宁德东侨经济技术开发区`, `面积 约16.8平方公里`:
# a short label, a space or colon (normalizing drops the space before a Latin letter or a digit),
# a short value with no sentence in it.
_INFOBOX_ROW = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:[ \u3000\t]+|\s*[：:]\s*|(?=[A-Za-z0-9]))(\S[^。！？；]{0,79})$")
# The rows that name the entry, found in every encyclopedia's infobox and in no story.
_INFOBOX_NAME = re.compile(r"^(?:中文名|外文名|英文名|中文名称|外文名称|英文名称|别名|简称|全称)(?:[ \u3000\t]|\s*[：:]|(?=[A-Za-z]))")
_INFOBOX_RUN = 3


def mark_infobox(texts: Sequence[str], reasons: list[str]) -> None:
    """Three or more key-value rows in a row, one of them the entry's name row (中文名, 外文名),
    are an encyclopedia's infobox: the site's summary card, not the entry's text."""
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and not reasons[j] and _INFOBOX_ROW.match(texts[j].strip()):
            j += 1
        if j - i >= _INFOBOX_RUN and any(_INFOBOX_NAME.match(texts[k].strip()) for k in range(i, j)):
            for k in range(i, j):
                reasons[k] = "encyclopedia infobox row"
        elif _INFOBOX_KEY.match(texts[i].strip()):
            j = _mark_infobox_pairs(texts, reasons, i)
        i = max(j, i + 1)


# The same card copied with each key and its value on lines of their own: 中文名 / 宁德东侨…
_INFOBOX_KEY = re.compile(r"^(?:中文名|外文名|英文名|中文名称|外文名称|英文名称)$")
_INFOBOX_KEY_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_INFOBOX_VALUE = re.compile(r"^[^。！？；]{1,80}$")


def _mark_infobox_pairs(texts: Sequence[str], reasons: list[str], i: int) -> int:
    """From a name key alone on its line, the key and value lines that follow in pairs; returns
    the index after the last pair (i when there are fewer than three pairs)."""
    j = i
    while (j + 1 < len(texts) and not reasons[j] and not reasons[j + 1] and _INFOBOX_KEY_LINE.match(texts[j].strip())
           and _INFOBOX_VALUE.match(texts[j + 1].strip()) and not is_prose(texts[j + 1])):
        j += 2
    if (j - i) // 2 < _INFOBOX_RUN:
        return i
    for k in range(i, j):
        reasons[k] = "encyclopedia infobox row"
    return j
