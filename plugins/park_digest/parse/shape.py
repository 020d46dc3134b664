"""Page furniture told by its shape and its place on the page, whatever words it uses.

furniture.yml names the furniture of the sites studied; a site not yet seen uses other words
for the same things. What holds on any site: a story is a run of prose paragraphs under its
headline. Lines outside that run that are not prose, a line of several short items run
together, a label followed by a list of keywords, a line with no Chinese at all among a Chinese
page's banners, and short items each stamped with a time below a story are the site's, not the
story's. Bylines, photo captions and headlines printed after their story are the exceptions,
kept by the callers' tests.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from .datelines import ISSUER

_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE = re.compile(r"[。！？；!?;]")
_PROSE_MIN = 20  # a paragraph of a story has at least this many characters and a full stop
# Items of a ticker or link row: set apart by a pipe or by two or more spaces.
_WIDE_SPLIT = re.compile(r"\s*[|｜]\s*|[ \u3000]{2,}")
_TICKER_ITEM = (4, 24)  # a headline of a ticker: a few words, never a paragraph
_LABEL = re.compile(r"^【[^】]{1,8}】\s*")
# 标签：高新区 投资 签约 below a story; between its paragraphs 主导产业：电子信息 生物医药 新材料 is text.
_PLAIN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*")
_KEYWORD_MAX = 6  # keywords and tags are words, not phrases
_CODE_LABELS = re.compile(r"【[^】]{1,8}】\s*[A-Za-z0-9.\-/+]{1,16}")
_NOTICE_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,4}[：:]")
_OUTLET = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,8}(?:网|报|台|社|资讯|新闻|频道|客户端|号)$")
# An account or issuer: a place or a zone, then 发布, 融媒, 管委会 (襄阳高新发布, 株洲发布, 某某高新区
# 管委会). Headlines end so too (规划发布), so such a line is judged furniture only when the
# story's headline stands elsewhere.
_ZONE_WORD = r"(?:高新|高新区|经开|经开区|开发区|新区|园区|自贸区)"
_ACCOUNT = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}" + _ZONE_WORD + ")"
                      r"(?:发布|融媒|管委会|管理委员会|人民政府)$")
# 襄阳高新发布, 某某高新区管委会: a zone's own account or committee, never a story's headline.
_ZONE_ACCOUNT = re.compile(_ZONE_WORD + r"(?:发布|融媒|管委会|管理委员会)$")
# 【株洲高新区前两月产值增长9.1%】记者…: a post that carries its headline in brackets.
BRACKET_LINE = re.compile(r"^【([^】]{8,48})】$")  # the same, on a line of its own
# 编者按：… (an editor's note), which stands above its story's headline.
EDITORS_NOTE = re.compile(r"^[【\[（(]?\s*编者按")
BRACKET_HEADLINE = re.compile(r"^【([^】]{8,48})】(?=\S{20})")
_CHANNEL_MAX = 4
_CUT_PARAGRAPH = 40  # a line of clauses this long is a paragraph, even without its full stop
_HEADLINE_PAIRS = 4  # a headline shares at least this many character pairs with its lead  # 商业, 香港电台: a channel or outlet's name, shorter than any headline


def is_prose(text: str) -> bool:
    """A paragraph of a story: long enough, with a full stop."""
    return len(text) >= _PROSE_MIN and bool(_SENTENCE.search(text)) and bool(_CJK.search(text))


def shape_reason(text: str) -> str:
    """Why one line, by its shape alone, is furniture ("" when it is not)."""
    if _is_ticker(text):
        return "row of other headlines"
    if _is_keyword_line(text):
        return "label and keyword list"
    return ""


def _is_ticker(text: str) -> bool:
    """`《某游戏》将于11月推出   新款手机登场，上手秘诀先睇   …`: three or more headline-sized
    items run together with wide spaces; a paragraph has a full stop, a ticker none."""
    if "。" in text or len(text) > 200:
        return False
    items = [i for i in _WIDE_SPLIT.split(text.strip()) if i]
    low, high = _TICKER_ITEM
    return len(items) >= 3 and all(low <= len(i) <= high for i in items)


def _is_keyword_line(text: str, label: re.Pattern = _LABEL) -> bool:
    """`【关键词】数字经济 产业集聚 高新区 杭州` (or `标签：高新区 投资 签约` outside the story's
    paragraphs): a label and three or more single words; `【中图分类号】F299.2 【文献标识码】A`: two labelled codes. Neither is a
    sentence."""
    bare = text.strip()
    if _SENTENCE.search(bare) or len(bare) > 80:
        return False
    if len(_CODE_LABELS.findall(bare)) >= 2:
        return True
    found = label.match(bare)
    if not found:
        return False
    words = bare[found.end():].split()
    return len(words) >= 3 and all(len(w) <= _KEYWORD_MAX for w in words)


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


def mark_outside_prose(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool],
                       stop: Callable[[str], bool] = lambda t: False) -> None:
    """Fill in `reasons` for the lines around the run of prose paragraphs (the page's first
    paragraph to its last). `keep(text)` says a line is the story's whatever its place (a
    byline, a caption); `stop(text)` that the lines from it on are something else the callers
    judge (an advert under its label)."""
    _mark_timestamped_items(texts, reasons)
    prose = [i for i, t in enumerate(texts) if not reasons[i] and is_prose(t) and not _exclaimed_headline(texts, reasons, i)]
    prose = _mark_site_notices(texts, reasons, prose)
    if not prose:
        return
    first = prose[0]
    end = next((i for i in range(first, len(texts)) if stop(texts[i])), len(texts))
    last = max(i for i in range(first, end) if not reasons[i] and (is_prose(texts[i]) or _is_sentence(texts[i]))
               and not _listed_question(texts, reasons, i, end))
    last = _story_list_end(texts, reasons, last, end)
    _mark_above(texts, reasons, keep, first)
    for i in [*range(first), *range(last + 1, end)]:
        if not reasons[i] and _is_keyword_line(texts[i], _PLAIN_LABEL) and not keep(texts[i]):  # 记者：A B 摄像：C
            reasons[i] = "label and keyword list"
    _mark_below(texts, reasons, keep, last, end)


_EXCLAIMED = re.compile(r"^[^。；;，,]{2,24}[！!][^。；;]{4,40}$")


def _exclaimed_headline(texts: Sequence[str], reasons: list[str], i: int) -> bool:
    """`一季度投资额翻番！某某高新区招商跑出加速度`: a headline with an exclamation inside, at the
    top of the page and not followed by another paragraph right away, is no paragraph."""
    if not _EXCLAIMED.match(texts[i].strip()) or any(not reasons[k] and is_prose(texts[k]) for k in range(i)):
        return False
    nxt = next((k for k in range(i + 1, len(texts)) if not reasons[k] and _has_letters(texts[k])), None)
    return nxt is not None and not is_prose(texts[nxt])


def _mark_above(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool], first: int) -> None:
    """Above the first paragraph stand the site's banners and the headline: what cannot be the
    headline (no Chinese, an outlet's name, a label too short) is the site's."""
    content = [i for i in range(first) if not reasons[i] and _has_letters(texts[i])]
    for i in content:
        if not _CJK.search(texts[i]) and re.search(r"[A-Za-z]{3}", texts[i]):
            reasons[i] = "interface text (no Chinese)"  # Skip to Content, Facebook: the site's controls
    _mark_under_headline(texts, reasons, keep, first)
    lead = _pairs(texts[first])
    bracketed = bool(BRACKET_HEADLINE.match(texts[first])) or any(BRACKET_LINE.match(texts[i].strip()) for i in content)
    for i in content:
        # 中国高新网, 金台资讯 over an untitled excerpt: an outlet's name, not a headline, since
        # it shares no word with the paragraph under it, or since the post's headline opens its
        # paragraph in 【】.
        bare = re.sub(r"\s+", "", texts[i])
        if reasons[i]:
            continue
        if _OUTLET.match(bare) and (bracketed or not _pairs(texts[i]) & lead):
            reasons[i] = "outlet name"
        elif _ACCOUNT.match(bare) and (bracketed or _ZONE_ACCOUNT.search(bare) or _longer_headline(texts, reasons, content, i)):
            reasons[i] = "outlet name"
    headline_seen = False
    for i in content:
        if reasons[i]:
            continue
        bare = re.sub(r"\s+", "", texts[i])
        if (headline_seen and len(bare) <= _CHANNEL_MAX and _CJK.search(bare) and not keep(texts[i])
                and not bare.endswith(("：", ":"))):  # 各企业： addresses the notice's readers
            reasons[i] = "channel or outlet label"  # under a headline, too short to be one
        headline_seen = True


def _mark_below(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool], last: int, end: int) -> None:
    """Below the last paragraph a story keeps only its byline and captions, and a headline set
    after its story, which stands alone right under it and shares a word with it (a brief's
    headline may share only its subject, 园区); what else is left is the site's."""
    below = [i for i in range(last + 1, end) if not reasons[i] and _has_letters(texts[i]) and not keep(texts[i])
             and not _is_signature(texts, reasons, i)]
    story = set().union(*(_pairs(texts[k]) for k in range(max(0, last - 8), last + 1) if not reasons[k]))
    late_title = (len(below) == 1 and not _SENTENCE.search(texts[below[0]])
                  and len(_pairs(texts[below[0]]) & story) >= 1
                  and all(not reasons[k] or not _has_letters(texts[k]) or keep(texts[k]) for k in range(last + 1, below[0])))
    if not late_title:
        for i in below:
            reasons[i] = "short line below the story"


def _longer_headline(texts: Sequence[str], reasons: list[str], content: list[int], i: int) -> bool:
    """Another line above the story, longer and not itself an account's name, can be its headline."""
    return any(k != i and not reasons[k] and len(texts[k]) > len(texts[i]) + 4 and _CJK.search(texts[k])
               and not _ACCOUNT.match(re.sub(r"\s+", "", texts[k])) for k in content)


_CLOSING_FORMULA = re.compile(r"^特此(?:通知|公告|通告|函告|批复|说明|证明)[。！]?$")


def _is_signature(texts: Sequence[str], reasons: list[str], i: int) -> bool:
    """A notice's signature: the issuing body's name over the date it was signed."""
    k = i + 1
    return (bool(ISSUER.match(re.sub(r"\s+", "", texts[i]))) and k < len(texts)
            and reasons[k] == "source and date line" and len(texts[k].strip()) <= 16)


# A numbered subhead over the story's first section: 01 主要指标 (public accounts), 一、出台背景.
NUMBERED_SUBHEAD = re.compile(r"^(?:0[1-9][ \u3000]*|[一二三四五六七八九十]{1,2}、)[\u4e00-\u9fff]{2,14}$")


def _mark_under_headline(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool], first: int) -> None:
    """Of the short lines stacked above the first paragraph, the headline is the one that shares
    the most words (character pairs) with that paragraph: a headline says what the story says. A
    line between it and the paragraph that shares less than half as much is an outlet, credit or
    channel line (航空港区融媒体, 海报新闻记者 王强 报道), not the headline."""
    stack = []
    for i in range(first - 1, -1, -1):
        if reasons[i] or not _has_letters(texts[i]):
            continue
        exclaimed = bool(_EXCLAIMED.match(texts[i].strip()))  # 12.6亿元！…: a headline, not a sentence
        if keep(texts[i]) or (_SENTENCE.search(texts[i]) and not exclaimed) or len(texts[i]) > 60 \
                or texts[i].rstrip().endswith(("：", ":")) or NUMBERED_SUBHEAD.match(texts[i].strip()):
            break  # a byline, a sentence, a salutation (各有关企业：), a subhead (01 主要指标) belong to the text below
        stack.append(i)
    if len(stack) < 2:
        return
    lead = _pairs(texts[first])
    shared = {i: len(_pairs(texts[i]) & lead) for i in stack}
    best = max(stack, key=lambda i: (shared[i], -i))
    if shared[best] < _HEADLINE_PAIRS:
        return
    for i in stack:
        if i > best and 2 * shared[i] < shared[best]:
            reasons[i] = "line between the headline and the story"


# A sentence that speaks to the reader (您/你, or the site naming itself) about using the site.
_READER = re.compile(r"[您你]|本站|本网|本平台|本App|本APP")
_SITE_USE = re.compile(r"浏览|访问|隐私|条款|协议|朗读|收听|登录|注册|转载|授权|版权|网页|页面|本站|本网|客户端|cookie", re.I)
_NOTICE_SHARED = 0.15  # a notice shares almost no words with the story it stands beside


def _mark_site_notices(texts: Sequence[str], reasons: list[str], prose: list[int]) -> list[int]:
    """At either end of the run of paragraphs, a sentence that speaks to the reader (您, 本站)
    and shares almost no character pair with the story's other paragraphs is the site's notice
    (consent, listening, reprint terms), however it is worded. Returns the paragraphs left."""
    while len(prose) >= 2:
        for end, rest in ((prose[0], prose[1:]), (prose[-1], prose[:-1])):
            if not (_READER.search(texts[end]) and _SITE_USE.search(texts[end])):
                continue  # the words shared are counted only for a sentence to the reader
            own = _pairs(texts[end])
            story = set().union(*(_pairs(texts[i]) for i in rest))
            if own and len(own & story) / len(own) < _NOTICE_SHARED:
                reasons[end] = "site notice to the reader"
                prose = rest
                break
        else:
            return prose
    return prose


def _pairs(text: str) -> set[str]:
    chars = [ch for ch in text if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


# 港商北上投資 灣區哪裏最吸引？: a headline in question form, two parts apart by a space, no comma.
_QUESTION_HEADLINE = re.compile(r"^[^。；;，,！!？?\s]{2,20}[ \u3000]+[^。；;，,！!？?\s]{2,20}[？?]$")


def _listed_question(texts: Sequence[str], reasons: list[str], i: int, end: int) -> bool:
    """A related story's headline in question form under the story (before its footer), not the
    story's last sentence: set as a two-part headline, or followed only by short lines that are
    no sentences (the other headlines of the list)."""
    text = texts[i].strip()
    if not text.endswith(("？", "?")) or len(text) > 30 or re.search(r"[，,。；;]", text):
        return False
    if _QUESTION_HEADLINE.match(text):
        return True
    after = [k for k in range(i + 1, end) if not reasons[k] and _has_letters(texts[k])]
    return bool(after) and all(len(texts[k]) <= 30 and not _SENTENCE.search(texts[k]) for k in after)


def _is_sentence(text: str) -> bool:
    """`园区现有规上企业64家。`: a short last paragraph is still a sentence of the story; a
    labelled notice (温馨提示：…。, 注：…。) is the site's. A long line of clauses that lost its
    full stop (a paragraph cut at the end of a page) is the story's too."""
    if len(text) >= _CUT_PARAGRAPH and text.count("，") >= 2 and _CJK.search(text):
        return True
    if _CLOSING_FORMULA.match(text.strip()):
        return True  # 特此通知。 closes a notice
    return len(text) >= 8 and text[-1] in "。！？" and bool(_CJK.search(text)) and not _NOTICE_LABEL.match(text)


def _story_list_end(texts: Sequence[str], reasons: list[str], last: int, end: int) -> int:
    """A paragraph ending in a colon (同批获批的还有：) announces a list that is the story's:
    its items, up to the next furniture line, are kept with it."""
    k = last + 1
    if k < end and not reasons[k] and texts[k].rstrip().endswith(("：", ":")):
        while k + 1 < end and not reasons[k + 1] and _has_letters(texts[k + 1]):
            k += 1
        return k
    return last


def _mark_timestamped_items(texts: Sequence[str], reasons: list[str]) -> None:
    """Below a story, two or more short lines each followed by a bare date or time stamp (and
    not by a paragraph) are links to other stories, whatever the list is called."""
    items = []
    for i in range(len(texts) - 1):
        if reasons[i] or len(texts[i]) > 50 or reasons[i + 1] != "source and date line" or len(texts[i + 1]) > 24:
            continue
        after = next((k for k in range(i + 2, len(texts)) if not reasons[k] and _has_letters(texts[k])), None)
        if after is None or not is_prose(texts[after]):  # headline, date, paragraph: a story opens
            items.append(i)
    prose_above = any(not reasons[i] and is_prose(texts[i]) for i in range(items[0])) if items else False
    if len(items) >= 2 and prose_above:
        for i in items:
            reasons[i] = "related-story list (items with time stamps)"


def _has_letters(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
