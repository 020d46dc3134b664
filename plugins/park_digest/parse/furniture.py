"""Page furniture: which lines of a page are not story text, and the markup inside those that are.

Words alone are not enough: a story may say 来源 or 分享 in a sentence. A line is judged by its
words (data/furniture.yml, which an editor extends), by its shape (a row of short menu items,
a table row with pipes, a run of random punctuation, a bare date and site name) and by its
place: above a page's first paragraph or below its last, after a "related news" heading, or as
a second copy of the headline. Markup inside a story line (HTML and forum tags, wiki marks,
citation numbers, an editor's name glued to the last sentence) is cut out and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import yaml

from .drafts import STORY_OPENER
from ..datafile import load_yaml
from .comments import COMMENTS_OPEN, mark_comments
from .names import split_byline
from .repeats import mark_repeated_summary, mark_repeated_titles, opens_story
from .infobox import mark_infobox
from .prose import is_prose
from .shape import EDITORS_NOTE, mark_outside_prose, shape_reason

DATA = Path(__file__).resolve().parents[1] / "data" / "furniture.yml"
_MAX = 60  # default: the longest line an entry judges
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE = re.compile(r"[。！？；!?;]")
_CLAUSE = re.compile(r"[。！？；，、!?;,]")
_LIST_ITEM_MAX = 50
_BULLET = re.compile(r"^(?:[·•▪◆◇●○■□►▶>\-–—*]|\d{1,2}[.、．)）]?)\s*")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s*\S")
# Separators of a menu or link row: a pipe, or a wide space between short items.
_MENU_SPLIT = re.compile(r"\s*[|｜]\s*|[ \u3000]{2,}|\u3000")
_MENU_ITEM_MAX = 8
_DATE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|(?:19|20)\d\d\s+\d{1,2}\s*/|\d{1,2}\s*[:：]\d{2}")
# 2025年1-5月主要经济指标: a reporting period heads a statistics page; it dates nothing.
_PERIOD = re.compile(r"^(?:19|20)\d\d年\d{1,2}[-—–~至到]\d{1,2}月(?!\d{1,2}日)")
_DATE_PARTS = re.compile(r"\d+\s*[-/.年月日:：]?\s*")


class FurnitureDataError(ValueError):
    """data/furniture.yml is malformed; the message names the entry."""


@dataclass(frozen=True)
class LineRule:
    reason: str
    pattern: re.Pattern
    max_len: int
    edge_only: bool


@dataclass(frozen=True)
class ListRule:
    pattern: re.Pattern
    numbered: bool


@dataclass(frozen=True)
class BlockRule:
    reason: str
    pattern: re.Pattern
    prose: bool  # runs over the paragraphs under it; else over the short lines
    named: bool


@dataclass(frozen=True)
class InlineRule:
    reason: str
    pattern: re.Pattern
    unless: Optional[re.Pattern] = None


@dataclass(frozen=True)
class Rules:
    lines: tuple[LineRule, ...]
    lists: tuple[ListRule, ...]
    inline: tuple[InlineRule, ...]
    blocks: tuple[BlockRule, ...] = ()


def load_rules(path: Path = DATA) -> Rules:
    """Read and check the furniture file; a bad entry stops with its section, number and fault."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FurnitureDataError(f"{path.name}: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"lines", "lists", "blocks", "inline"}:
        raise FurnitureDataError(f"{path.name}: expected the sections lines, lists, blocks and inline")
    lines = tuple(LineRule(e["reason"], _compile(path, "lines", i, e), int(e.get("max", _MAX)), e.get("where") == "edge")
                  for i, e in _entries(path, data, "lines", {"reason", "match", "max", "where", "note"}))
    lists = tuple(ListRule(_compile(path, "lists", i, e), bool(e.get("numbered")))
                  for i, e in _entries(path, data, "lists", {"match", "numbered", "note"}, need=("match",)))
    inline = tuple(InlineRule(e["reason"], _compile(path, "inline", i, e),
                              _compile(path, "inline", i, e, "unless") if "unless" in e else None)
                   for i, e in _entries(path, data, "inline", {"reason", "match", "unless", "note"}))
    blocks = tuple(BlockRule(e["reason"], _compile(path, "blocks", i, e), _runs(path, i, e), bool(e.get("named")))
                   for i, e in _entries(path, data, "blocks", {"reason", "match", "runs", "named", "note"},
                                        need=("reason", "match", "runs")))
    return Rules(lines, lists, inline, blocks)


def _runs(path: Path, number: int, entry: dict) -> bool:
    if entry["runs"] not in ("prose", "short"):
        raise FurnitureDataError(f"{path.name}: blocks entry {number}: runs must be prose or short")
    return entry["runs"] == "prose"


def _entries(path: Path, data: dict, section: str, keys: set[str], need: tuple[str, ...] = ("reason", "match")):
    for number, entry in enumerate(data.get(section) or [], start=1):
        where = f"{path.name}: {section} entry {number}"
        if not isinstance(entry, dict) or set(entry) - keys or any(k not in entry for k in need):
            raise FurnitureDataError(f"{where}: keys are {sorted(keys)} ({', '.join(need)} required)")
        if entry.get("where", "anywhere") not in ("anywhere", "edge"):
            raise FurnitureDataError(f"{where}: where must be anywhere or edge")
        if "max" in entry and (not isinstance(entry["max"], int) or entry["max"] < 1):
            raise FurnitureDataError(f"{where}: max must be a positive number of characters")
        yield number, entry


def _compile(path: Path, section: str, number: int, entry: dict[str, Any], key: str = "match") -> re.Pattern:
    try:
        return re.compile(str(entry[key]), re.IGNORECASE)
    except re.error as exc:
        raise FurnitureDataError(f"{path.name}: {section} entry {number}: bad pattern ({exc})") from exc


@lru_cache(maxsize=1)
def rules() -> Rules:
    return load_rules()


def strip_markup(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The line without inline markup, and each piece cut out with its reason, in order."""
    removed: list[tuple[str, str]] = []
    for rule in rules().inline:
        if not rule.pattern.search(text) or (rule.unless and rule.unless.search(text)):
            continue
        removed += [(m.group(0).strip(), rule.reason) for m in rule.pattern.finditer(text) if m.group(0).strip()]
        text = rule.pattern.sub("", text)
    return text.strip(), removed


def line_reason(text: str, edge: bool = False) -> str:
    """Why one line, seen alone, is furniture ("" when it is not); `edge` says it stands above
    the page's first paragraph or below its last."""
    bare = _SPACES.sub("", text)
    if not bare:
        return ""
    return _rule_reason(bare, edge) or _shape_reason(text.strip(), bare, edge)


def _rule_reason(bare: str, edge: bool, edge_rules_only: bool = False) -> str:
    for rule in rules().lines:
        if (len(bare) <= rule.max_len and (rule.edge_only if edge_rules_only else edge or not rule.edge_only)
                and rule.pattern.search(bare)):
            return rule.reason
    return ""


def _shape_reason(text: str, bare: str, edge: bool) -> str:
    if _is_noise(bare):
        return "copy-protection noise"
    if bare.count("|") + bare.count("｜") >= 2 and not _SENTENCE.search(bare) and len(bare) <= 120:
        return "table row" if bare.endswith(("|", "｜")) else "menu or link row"
    if _is_menu(text):
        return "menu or link row"
    if _is_date_line(text, bare):
        return "source and date line"
    return shape_reason(text)


def _is_noise(bare: str) -> bool:
    """`0 I7 }* {( N$ q( ]- F9 e`: characters a forum scatters between lines against copying."""
    if len(bare) < 6 or _CJK.search(bare) or bare.lower().startswith(("http", "www.")):
        return False
    symbols = sum(1 for ch in bare if not ch.isalnum() and ord(ch) < 128)
    return symbols >= 0.25 * len(bare) and len(set(bare) & set("{}[]()$#@^*;:\"'!?%&~`+=<>\\")) >= 3


def _is_menu(text: str) -> bool:
    """首页　新闻　财经　园区: three or more short items set apart by wide spaces or pipes."""
    if len(text) > 80 or _CLAUSE.search(text):
        return False
    items = [i for i in _MENU_SPLIT.split(text) if i]
    return len(items) >= 3 and all(len(i) <= _MENU_ITEM_MAX for i in items) and not split_byline(text)


def _is_date_line(text: str, bare: str) -> bool:
    """`2023年10月26日 08:41　蓉城网`, `钱塘新闻 2024-08-20 17:05 浙江`: a date or time and a few
    words (an outlet, a region), no sentence."""
    if len(bare) > 50 or _CLAUSE.search(bare) or not _DATE.search(text) or _PERIOD.match(bare):
        return False
    rest = _DATE_PARTS.sub("", bare)
    rest = re.sub(r"[（()）【】\[\]|｜·:：/更新星期周一二三四五六日天上午下午]", "", rest)
    return len(rest) <= 12


def _is_list_item(text: str) -> bool:
    bare = _BULLET.sub("", text.strip())
    return 0 < len(bare) <= _LIST_ITEM_MAX and not _SENTENCE.search(bare)


@dataclass
class PageLine:
    """What page_reasons needs of a line: its text (markup already cut out) and the blank
    lines above it."""
    text: str
    gap_before: int


def page_reasons(lines: Sequence[PageLine], keep: Callable[[str], bool] = lambda t: bool(split_byline(t)),
                 stop: Callable[[str], bool] = lambda t: False) -> list[str]:
    """For each line, why it is furniture on this page, or "". `keep(text)` says a line belongs
    to a story wherever it stands (a byline, a photo caption), `stop(text)` that the lines from
    it on are an advert."""
    texts = [line.text.strip() for line in lines]
    alone = [line_reason(t) for t in texts]
    prose = [i for i, t in enumerate(texts) if not alone[i] and is_prose(t)]
    first, last = (prose[0], prose[-1]) if prose else (len(texts), -1)
    reasons = [alone[i] or (_rule_reason(_SPACES.sub("", t), True, edge_rules_only=True) if i < first or i > last else "")
               for i, t in enumerate(texts)]
    mark_infobox(texts, reasons)
    _mark_label_values(texts, lines, reasons)
    _mark_lists(texts, lines, reasons, last)
    _mark_blocks(texts, lines, reasons, first)
    mark_comments(texts, reasons, first)
    mark_repeated_titles(texts, reasons, first)
    mark_repeated_summary(texts, reasons)
    mark_outside_prose(texts, reasons, keep, stop)
    return reasons


# A label whose value is a name, alone on its line (作者:, 来源:), its value on the line under it.
_BARE_LABEL = re.compile(r"^(?:作者|发帖人|楼主|发布者|发布人|发表者|来源|出处|稿源)\s*[：:]$")
_VALUE_MAX = 24


def _mark_label_values(texts: list[str], lines: Sequence[PageLine], reasons: list[str]) -> None:
    """A forum's printable view sets each label of its post header alone on a line (作者: / 老表看世界,
    来源: / 某某网): the name under such a label is the label's. (A 标题: row's value is the
    headline, parse/layout.py; an empty 发布日期: may stand right over the story.)"""
    for i in range(len(texts) - 1):
        if (reasons[i] and _BARE_LABEL.match(texts[i]) and not reasons[i + 1]
                and not lines[i + 1].gap_before  # an empty field (发布日期：) over a blank line and the headline
                and 0 < len(texts[i + 1]) <= _VALUE_MAX and not _SENTENCE.search(texts[i + 1])):
            reasons[i + 1] = reasons[i]


def _mark_blocks(texts: list[str], lines: Sequence[PageLine], reasons: list[str], first_prose: int) -> None:
    """Below the story's first paragraph, a press release's boilerplate heading (关于<company>,
    前瞻性声明) and the paragraphs under it, and its media contact heading and the short lines
    under it (a name, a telephone, an address), are the issuer's, not the story's."""
    i = first_prose + 1
    while i < len(texts):
        found = _block_rule(texts, i)
        if found is None:
            i += 1
            continue
        rule = found
        reasons[i] = reasons[i] or rule.reason
        j = i + 1
        while j < len(texts):
            text = texts[j]
            if rule.prose and not is_prose(text) and not reasons[j]:
                break
            if not rule.prose and (lines[j].gap_before or is_prose(text) or len(text) > _LIST_ITEM_MAX
                                   or _block_rule(texts, j)):
                break
            reasons[j] = reasons[j] or rule.reason
            j += 1
        i = j


def _block_rule(texts: list[str], i: int) -> Optional[BlockRule]:
    bare = _SPACES.sub("", texts[i])
    if len(bare) > 40:
        return None
    for rule in rules().blocks:
        found = rule.pattern.search(bare)
        if not found:
            continue
        if rule.named and not (i + 1 < len(texts) and found.groups() and found.group(1)
                               and _SPACES.sub("", texts[i + 1])[:20].find(found.group(1)[:2]) >= 0
                               and is_prose(texts[i + 1])):
            continue
        return rule
    return None


def _list_rule(text: str) -> Optional[ListRule]:
    bare = _SPACES.sub("", text)
    if len(bare) > 20:
        return None
    return next((rule for rule in rules().lists if rule.pattern.search(bare)), None)


def _mark_lists(texts: list[str], lines: Sequence[PageLine], reasons: list[str], last_prose: int) -> None:
    """A list heading and the short lines under it; below the page's last paragraph the list
    runs on across blank lines."""
    i = 0
    while i < len(texts):
        rule = _list_rule(texts[i])
        if rule is None:
            i += 1
            continue
        reasons[i] = reasons[i] or "related-story list"
        j = i + 1
        while j < len(texts):
            text = texts[j]
            if lines[j].gap_before and j <= last_prose:
                break
            if rule.numbered and not _NUMBERED.match(text) or reasons[j] in COMMENTS_OPEN:
                break
            if is_prose(text) and not reasons[j]:
                break
            if not reasons[j] and (opens_story(j, texts, reasons)
                                   or (j + 1 < len(texts) and STORY_OPENER.match(texts[j + 1].strip()))):
                break  # the headline of the story that follows the list (over its 本报讯, however cut)
            if not reasons[j]:
                if not _is_list_item(text) and _list_rule(text) is None:
                    break
                reasons[j] = "related-story list"
            j += 1
        i = j
