"""Text a page prints twice: only one copy is the story's.

A headline printed again (browser title and page title, card and article, above each picture of
a gallery, an e-paper's list of the page's headlines above its stories) and a portal's summary
field that the lead says again are furniture; the copy a reader sees first, or the one that heads
its story, stays.
"""
from __future__ import annotations

import re

from .adverts import AD_LABEL
from .prose import is_prose, pairs
from .shape import EDITORS_NOTE

_SPACES = re.compile(r"\s+")
_TITLE_SUFFIX = re.compile(r"^\s*[-_|｜—–·:：]+\s*\S.{0,24}$")


_UNDER_HEADLINE = ("source and date line", "share bar", "print and font controls")


def opens_story(j: int, texts: list[str], reasons: list[str]) -> bool:
    """Line j is a headline: prose follows it, maybe after its date, source and share lines."""
    k = j + 1
    while k < len(texts) and reasons[k] in _UNDER_HEADLINE:
        k += 1
    # an editor's note stands above its story's headline, never under it
    return k < len(texts) and not reasons[k] and is_prose(texts[k]) and not EDITORS_NOTE.match(texts[k])


_SUMMARY_LABEL = re.compile(r"^[【\[]?\s*(?:内容)?(?:摘要|提要|导语|导读|简介)\s*[】\]]?\s*[：:]?\s*")
_SUMMARY_SAID = 0.8  # share of a summary's clauses the text below says again


def mark_repeated_summary(texts: list[str], reasons: list[str]) -> None:
    """`摘要：8月14日，…` above the story whose lead says the same: a portal's summary field, not
    a paragraph (the reader would read the lead twice)."""
    for i, text in enumerate(texts):
        label = _SUMMARY_LABEL.match(text)
        if reasons[i] or not label:
            continue
        summary = _SPACES.sub("", text[label.end():])
        # most of its clauses come again below (a summary may drop the lead's date); one that
        # adds its own (严禁房地产开发) is the story's text
        clauses = [c for c in re.split(r"[，。；！？、,;]", summary) if c]
        below = "".join(_SPACES.sub("", later) for later in texts[i + 1:])
        said = sum(len(c) for c in clauses if c in below)
        if len(summary) >= 8 and said >= _SUMMARY_SAID * sum(len(c) for c in clauses):
            reasons[i] = "summary repeating the lead"
    _mark_summary_cards(texts, reasons)


_CUT_SHORT = re.compile(r"(?:…+|\.{3,})$")  # a digest cut off: 云南滇中新区引进省外到位资金……
_FOLD = re.compile(r"^(?:展开|展开全文|阅读全文|查看全文|全文)[>›»]*$")


def _mark_summary_cards(texts: list[str], reasons: list[str]) -> None:
    """An aggregator or a self-media platform shows the story twice: a card (the headline, a
    摘要 or a digest cut off with …, its source) and then the full text under the headline again.
    The card's digest is the card's, whatever its words: the full text is the story. So is a digest
    cut off with … over a 展开 (read more) fold."""
    repeat = next((i for i, r in enumerate(reasons) if r == "repeated headline"), None)
    key = _SPACES.sub("", texts[repeat]) if repeat is not None else None
    card = next((i for i in range(repeat) if _SPACES.sub("", texts[i]) == key), repeat) if repeat is not None else None
    for i, text in enumerate(texts):
        if reasons[i] or not (_SUMMARY_LABEL.match(text) or _CUT_SHORT.search(text.strip())):
            continue
        fold = next((k for k in range(i + 1, len(texts)) if texts[k].strip()), None)
        if (card is not None and card < i < repeat) or (fold is not None and _FOLD.match(texts[fold].strip())
                                                         and _CUT_SHORT.search(text.strip()) and _said_elsewhere(texts, i)):
            reasons[i] = "summary card"


_DIGEST_SAID = 0.6  # share of a digest's words the page says again (a cut paragraph goes on instead)


def _said_elsewhere(texts: list[str], i: int) -> bool:
    """A digest repeats the headline and the lead; a paragraph a mobile page cuts off before its
    展开全文 says something the rest of the story does not."""
    own = pairs(texts[i])
    rest = set().union(*(pairs(t) for k, t in enumerate(texts) if k != i))
    return bool(own) and len(own & rest) >= _DIGEST_SAID * len(own)


_HEADLINE_MIN = 6  # a headline has a few words; 编辑, 播报 are a wiki's links


def mark_repeated_titles(texts: list[str], reasons: list[str], first_prose: int) -> None:
    """A headline printed twice (browser title and page title, card and article, above each
    picture of a gallery) is one headline: the copies go, the one a reader sees first stays."""
    kept: dict[str, int] = {}
    firsts: dict[str, int] = {}
    repeated: set[int] = set()  # first copies of lines printed again below
    for i, text in enumerate(texts):
        key = _SPACES.sub("", text)
        if key in firsts:
            repeated.add(firsts[key])
        else:
            firsts[key] = i
    for i, text in enumerate(texts):
        key = _SPACES.sub("", text)
        if reasons[i] or len(text) > 80 or is_prose(text) or AD_LABEL.match(text):
            continue  # a printed page labels each advert 广告: every label opens one
        if key in kept:
            earlier = kept[key]
            listed = len(key) >= _HEADLINE_MIN and bool({earlier - 1, earlier + 1} & repeated)
            if listed and ((opens_story(i, texts, reasons) and not opens_story(earlier, texts, reasons))
                           or _closes_story(key, i, earlier, texts, reasons)):
                # an e-paper's list of the page's headlines above the stories: the copy that
                # heads its story stays
                reasons[earlier], kept[key] = "list of the page's headlines", i
            else:
                reasons[i] = "repeated headline"
            continue
        if i < first_prose and _browser_title(i, texts, reasons):
            reasons[i] = "browser title line (repeats the headline)"
            continue
        kept[key] = i


def _closes_story(key: str, i: int, earlier: int, texts: list[str], reasons: list[str]) -> bool:
    """The copy at i is set right under a paragraph, or right over one, whose words it shares more
    than the text under the listed copy: a headline printed after its story, or over its own
    story further down (the list's last item may stand right above the page's first story, which
    is not its story)."""
    def prose(k: int) -> str:
        return texts[k] if 0 <= k < len(texts) and not reasons[k] and is_prose(texts[k]) else ""
    below = texts[earlier + 1] if earlier + 1 < len(texts) and not reasons[earlier + 1] else ""
    mine = pairs(key)
    return any(text and len(mine & pairs(text)) > len(mine & pairs(below)) for text in (prose(i - 1), prose(i + 1)))


def _browser_title(i: int, texts: list[str], reasons: list[str]) -> bool:
    """`标题_站点名` above the page's own `标题`."""
    for k in range(i + 1, min(i + 9, len(texts))):
        title = texts[k]
        if not reasons[k] and len(title) >= 6 and texts[i].startswith(title) and _TITLE_SUFFIX.match(texts[i][len(title):]):
            return True
    return False
