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
# A two-character label may be letter-spaced to the width of the others (面    积).
_INFOBOX_ROW = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff][ \u3000]{2,}[\u4e00-\u9fff])"
                          r"(?:[ \u3000\t]+|\s*[：:]\s*|(?=[A-Za-z0-9]))(\S[^。！？；]{0,79})$")
# The rows that name the entry, found in every encyclopedia's infobox and in no story.
_INFOBOX_NAME = re.compile(r"^(?:中文名|外文名|英文名|中文名称|外文名称|英文名称|别名|简称|全称)(?:[ \u3000\t]|\s*[：:]|(?=[A-Za-z]))")
_INFOBOX_RUN = 3
# The whole card glued on one line: 中文名 X 外文名 Y 批准时间 2000年7月 所属地区 …, no sentence in it.
_GLUED_PAIRS = 4  # Chinese words on the line: two keys and their values at least
_CJK_START = re.compile(r"^[\u4e00-\u9fff]")


def mark_infobox(texts: Sequence[str], reasons: list[str]) -> None:
    """Three or more key-value rows in a row, one of them the entry's name row (中文名, 外文名),
    are an encyclopedia's infobox: the site's summary card, not the entry's text; so is the
    card glued on one line that opens on the name row."""
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
    for k, text in enumerate(texts):
        if (not reasons[k] and _INFOBOX_NAME.match(text.strip()) and not re.search(r"[。！？；]", text)
                and sum(1 for word in text.split() if _CJK_START.match(word)) >= _GLUED_PAIRS):
            reasons[k] = "encyclopedia infobox row"
            rows = k + 1  # rows the card wraps onto (规划面积 约102平方公里)
            while rows < len(texts) and not reasons[rows] and _INFOBOX_ROW.match(texts[rows].strip()):
                reasons[rows] = "encyclopedia infobox row"
                rows += 1


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
