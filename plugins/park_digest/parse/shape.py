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
from .masthead import exclaimed_headline, mark_above
from .prose import CJK, SENTENCE, has_letters, is_prose, pairs

# Items of a ticker or link row: set apart by a pipe or by two or more spaces.
_WIDE_SPLIT = re.compile(r"\s*[|｜]\s*|[ \u3000]{2,}")
_TICKER_ITEM = (4, 24)  # a headline of a ticker: a few words, never a paragraph
_LABEL = re.compile(r"^【[^】]{1,8}】\s*")
# 标签：高新区 投资 签约 below a story; between its paragraphs 主导产业：电子信息 生物医药 新材料 is text.
_PLAIN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*")
_KEYWORD_MAX = 6  # keywords and tags are words, not phrases
_CODE_LABELS = re.compile(r"【[^】]{1,8}】\s*[A-Za-z0-9.\-/+]{1,16}")
_NOTICE_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,4}[：:]")
# 编者按：… (an editor's note), which stands above its story's headline.
EDITORS_NOTE = re.compile(r"^[【\[（(]?\s*编者按")
_CUT_PARAGRAPH = 40  # a line of clauses this long is a paragraph, even without its full stop



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
    if SENTENCE.search(bare) or len(bare) > 80:
        return False
    if len(_CODE_LABELS.findall(bare)) >= 2:
        return True
    found = label.match(bare)
    if not found:
        return False
    words = bare[found.end():].split()
    return len(words) >= 3 and all(len(w) <= _KEYWORD_MAX for w in words)




def mark_outside_prose(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool],
                       stop: Callable[[str], bool] = lambda t: False) -> None:
    """Fill in `reasons` for the lines around the run of prose paragraphs (the page's first
    paragraph to its last). `keep(text)` says a line is the story's whatever its place (a
    byline, a caption); `stop(text)` that the lines from it on are something else the callers
    judge (an advert under its label)."""
    _mark_timestamped_items(texts, reasons)
    prose = [i for i, t in enumerate(texts) if not reasons[i] and is_prose(t) and not exclaimed_headline(texts, reasons, i)]
    prose = _mark_site_notices(texts, reasons, prose)
    if not prose:
        return
    first = prose[0]
    end = next((i for i in range(first, len(texts)) if stop(texts[i])), len(texts))
    last = max(i for i in range(first, end) if not reasons[i] and (is_prose(texts[i]) or _is_sentence(texts[i]))
               and not _listed_question(texts, reasons, i, end))
    last = _story_list_end(texts, reasons, last, end)
    mark_above(texts, reasons, keep, first)
    for i in [*range(first), *range(last + 1, end)]:
        if not reasons[i] and _is_keyword_line(texts[i], _PLAIN_LABEL) and not keep(texts[i]):  # 记者：A B 摄像：C
            reasons[i] = "label and keyword list"
    _mark_below(texts, reasons, keep, last, end)




def _mark_below(texts: Sequence[str], reasons: list[str], keep: Callable[[str], bool], last: int, end: int) -> None:
    """Below the last paragraph a story keeps only its byline and captions, and a headline set
    after its story, which stands alone right under it and shares a word with it (a brief's
    headline may share only its subject, 园区); what else is left is the site's."""
    below = [i for i in range(last + 1, end) if not reasons[i] and has_letters(texts[i]) and not keep(texts[i])
             and not _is_signature(texts, reasons, i)]
    story = set().union(*(pairs(texts[k]) for k in range(max(0, last - 8), last + 1) if not reasons[k]))
    late_title = (len(below) == 1 and not SENTENCE.search(texts[below[0]])
                  and len(pairs(texts[below[0]]) & story) >= 1
                  and all(not reasons[k] or not has_letters(texts[k]) or keep(texts[k]) for k in range(last + 1, below[0])))
    if not late_title:
        for i in below:
            reasons[i] = "short line below the story"


_CLOSING_FORMULA = re.compile(r"^特此(?:通知|公告|通告|函告|批复|说明|证明)[。！]?$")


def _is_signature(texts: Sequence[str], reasons: list[str], i: int) -> bool:
    """A notice's signature: the issuing body's name over the date it was signed."""
    k = i + 1
    return (bool(ISSUER.match(re.sub(r"\s+", "", texts[i]))) and k < len(texts)
            and reasons[k] == "source and date line" and len(texts[k].strip()) <= 16)


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
            own = pairs(texts[end])
            story = set().union(*(pairs(texts[i]) for i in rest))
            if own and len(own & story) / len(own) < _NOTICE_SHARED:
                reasons[end] = "site notice to the reader"
                prose = rest
                break
        else:
            return prose
    return prose



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
    after = [k for k in range(i + 1, end) if not reasons[k] and has_letters(texts[k])]
    return bool(after) and all(len(texts[k]) <= 30 and not SENTENCE.search(texts[k]) for k in after)


def _is_sentence(text: str) -> bool:
    """`园区现有规上企业64家。`: a short last paragraph is still a sentence of the story; a
    labelled notice (温馨提示：…。, 注：…。) is the site's. A long line of clauses that lost its
    full stop (a paragraph cut at the end of a page) is the story's too."""
    if len(text) >= _CUT_PARAGRAPH and text.count("，") >= 2 and CJK.search(text):
        return True
    if _CLOSING_FORMULA.match(text.strip()):
        return True  # 特此通知。 closes a notice
    return len(text) >= 8 and text[-1] in "。！？" and bool(CJK.search(text)) and not _NOTICE_LABEL.match(text)


def _story_list_end(texts: Sequence[str], reasons: list[str], last: int, end: int) -> int:
    """A paragraph ending in a colon (同批获批的还有：) announces a list that is the story's:
    its items, up to the next furniture line, are kept with it."""
    k = last + 1
    if k < end and not reasons[k] and texts[k].rstrip().endswith(("：", ":")):
        while k + 1 < end and not reasons[k + 1] and has_letters(texts[k + 1]):
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
        after = next((k for k in range(i + 2, len(texts)) if not reasons[k] and has_letters(texts[k])), None)
        if after is None or not is_prose(texts[after]):  # headline, date, paragraph: a story opens
            items.append(i)
    prose_above = any(not reasons[i] and is_prose(texts[i]) for i in range(items[0])) if items else False
    if len(items) >= 2 and prose_above:
        for i in items:
            reasons[i] = "related-story list (items with time stamps)"
