"""label_zh: the noun phrase a figure measures, taken from the words of its clause (项目投资总额,
新引进项目数), or borrowed from the figure before it; English labels are composed in labels_en.py.
"""
from __future__ import annotations

import re

from ..model import Fact
from .label_terms import VOCABULARY

# ---------------------------------------------------------------- label_zh

_CLAUSE_BREAK = re.compile(r"[，,。！？；;：:、（）()!?…\n]|——")
_QUOTES = re.compile(r"[“”\"‘’《》「」『』【】\s]")
_FIGURE_BEFORE = re.compile(r"^.*[\d%％]+[^\d]?|^.*[两三四五六七八九十百千万亿][家个项只人场次所条份台位名支种件](?=.)")
_LEADING_FLUFF = re.compile(
    r"^(?:\d{4}年(?:\d{1,2}月(?:至\d{1,2}月)?)?(?:以来|底|末|年底|年末|初|前\d+个月)?"
    r"|全年|今年|去年|当年|目前|截至目前|截至|此外|同时|其中|另外|并且|并|已经|已|还|共|均|也|都|"
    r"当天|近年来|近日|日前|据悉|据介绍|在此基础上|通过|以)+")
_SUBJECT = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:高新区|新区|开发区|管委会?|该区|全区|该企业|该公司|"
                      r"该项目|该平台|公司|企业们)(?=[\u4e00-\u9fff]{2})")
_LEADING_PREP = re.compile(r"^(?:已|还|共|在|为|向|对|将|把|从|由|给|让|使|帮助|推动)")
_TRAILING_COPULA = re.compile(
    r"(?:达到|高达|达|为|是|约|共计|合计|总计|累计|共|计|有|了|已|仅需|只需|仅|只|就|由|从|"
    r"至|到|在|于|的|超过|超|近|逾|突破|提升至|提高至|增至|降至)+$")
_NOUN_STOP = re.compile(
    r"[的了在等被将把从由以并或均都也已正]|(?<![方导走定意倾面转动趋])向|参与|参加|参赛|获得|获聘|获评|获批|入选|纳入|"
    r"提供|实现|落地|签约|完成|成功|成为|达到|授信|包揽|开展|入驻|落户|进行|担任|精简|压减|"
    r"\d+(?![\dA-Za-z])|[，,。；;：:、“”\"（）()]")  # a figure stops the noun; 3D in 3D扫描仪 does not
_HEAD_NOUNS = ("企业", "公司", "项目", "中心", "机构", "平台", "活动", "专家", "人才", "基金", "园区",
               "产业园", "基地", "举措", "措施", "事项", "材料", "诉求", "团队", "高校", "医院",
               "学校", "学位", "产品", "线路", "会", "点", "国家和地区", "国家", "地区", "成果",
               "人员", "岗位", "主体", "企业家", "空间", "承诺书", "生产线", "厂商", "厂", "工厂", "车辆", "设备", "证", "专利", "标准", "流程",
               "类别", "检测", "样本", "军团", "领域", "方向", "产品线", "赛事", "服务")
_COUNT_SUFFIX = ("数", "数量", "量", "次", "场次", "人数", "家数", "个数")
_LEADING_FIGURE = re.compile(r"^(?:[\d两三四五六七八九十百千万]+(?:余|多)?[个家项只所座条](?![数])"  # 的6个市级重点项目
                             r"|[\d.,]+(?![\d.,A-Za-z])(?:千瓦|千伏|kV|kW|MW|GW|[万亿千百]+)*[元%]?)")
_COMPARISON = re.compile(r"(?:较|比)[\u4e00-\u9fff]{1,10}?(?=压缩|降低|下降|提升|提高|增长|减少|缩短|低|高|多|少)")
_FIELD_PREFIX = re.compile(r"^[\u4e00-\u9fff]{0,8}领域(?=[\u4e00-\u9fff]{2})")
_LEADING_MODIFIER = re.compile(r"^(?:新增|累计|新引进|共|合计|其中)")
_CONJUNCTIONS = ("和", "与", "及", "以及", "、", "或")
_RATIO_WORDS = ("比例", "比重", "占比", "率", "增速", "增长", "增幅", "提升", "压缩", "降低", "下降",
                "减少", "提高", "缩短", "同比", "百分点", "低", "高")
_THING_UNITS = ("CNY", "USD", "EUR", "sqm", "mu", "kV", "kW", "GW")
_GENERIC_MONEY_LEFT = re.compile(r"^.{0,4}(?:总投资额?|投资总额|投资额|总规模|规模|投资|金额|总额)$")
_MAX_LABEL = 16
# Term lists the label rules test against every figure, filtered once rather than per figure.
_TERM_STARTS = tuple(zh for zh in VOCABULARY.terms if len(zh) >= 2)
_NOUN_STARTS = tuple(zh for zh, term in VOCABULARY.terms.items() if len(zh) >= 2 and term.noun)
_HEAD_TERMS = tuple(zh for zh, term in VOCABULARY.terms.items()
                    if (term.noun or term.wraps) and len(zh) >= 2)
_HEADS = frozenset(_HEAD_NOUNS + _HEAD_TERMS)
_HEAD_SIZES = sorted({len(head) for head in _HEADS})


def label_for(text: str, fact: Fact, floor: int = 0) -> str:
    """What the figure measures, in the words of its clause (Chinese).

    `floor` is where the previous figure of the text ends: words before it describe that one.
    """
    begin, end = _clause_bounds(text, fact.start, fact.start + len(fact.surface))
    left = _phrase_before(text[max(begin, floor):fact.start])
    right = _QUOTES.sub("", text[fact.start + len(fact.surface): end])
    of_noun = _noun_after(right[1:]) if right.startswith("的") else ""  # 23亿元的母基金
    next_noun = "" if right.startswith("的") else _noun_after(right)  # 600多家企业参与
    if fact.unit == "count":
        bare = next((n for n in ("企业", "项目", "公司") if fact.surface.endswith(n)), "")
        if fact.measure_word == "投":
            label = "投资次数"  # 3年3投: three investments
        elif bare:
            label = bare  # 两企业入选
        elif next_noun:
            term = VOCABULARY.terms.get(left)
            label = (left if term is not None and not term.noun else "") + next_noun
        else:
            label = left or of_noun
        if label and not label.endswith(_COUNT_SUFFIX):
            label += "次数" if fact.measure_word == "次" else "数"
    else:
        ratio = fact.unit == "percent" or fact.unit == "other" and _is_fraction(fact.surface)
        if of_noun and (not left or _GENERIC_MONEY_LEFT.match(left)):
            label = of_noun + left  # 总投资7亿元的X项目 → X项目总投资
        elif ratio and next_noun:
            label = next_noun  # 集聚了该领域1/3企业
        elif of_noun and (left.endswith(_CONJUNCTIONS) or not _known_start(left, True)):
            label = of_noun  # 102亿元的营业收入和39.5%的同比增速; 给予1700平方米的创业空间
        elif next_noun and fact.unit in _THING_UNITS and not _known_start(left, True):
            label = next_noun  # 注入500万元周转资金; 2GW钙钛矿生产线
        else:
            label = left.rstrip("".join(_CONJUNCTIONS)) or next_noun or of_noun
        if ratio and label and not label.endswith(_RATIO_WORDS):
            label += "比例"
    label = _FIELD_PREFIX.sub("", _COMPARISON.sub("", label))
    return _shorten(label) or _fallback_zh(fact)


def borrow_label(fact: Fact, previous: Fact) -> str:
    """List style repeats a noun once: 新增瞪羚企业11家，累计34家 → 累计瞪羚企业数.
    The label of `fact` when it names nothing itself, else its own label."""
    own = fact.label_zh.removesuffix("数")
    term = VOCABULARY.terms.get(own)
    modifier = term is not None and not term.noun and not term.wraps
    thin = fact.label_zh == _fallback_zh(fact) or not own or modifier
    if fact.unit != "count" or not thin or previous.unit != fact.unit or previous.measure_word != fact.measure_word \
            or previous.sentence != fact.sentence:
        return fact.label_zh
    base = _LEADING_MODIFIER.sub("", previous.label_zh)
    return (own if modifier else "") + base


def _is_fraction(surface: str) -> bool:
    return "/" in surface or "分之" in surface


def _known_start(phrase: str, nouns_only: bool = False) -> bool:
    """Does the phrase start with a dictionary term (a real noun rather than a verb phrase)?"""
    return phrase.startswith(_NOUN_STARTS if nouns_only else _TERM_STARTS)


def _shorten(label: str) -> str:
    """Keep long labels readable: cut after a preposition, else keep the longest tail that starts
    with a known term (the head noun phrase), so a label never starts in the middle of a word."""
    if len(label) <= _MAX_LABEL:
        return label
    cut = max(label.rfind(ch) for ch in "对向为在把将给从了")
    if 0 <= cut < len(label) - 2:
        label = label[cut + 1:]
    return _clean_tail(label, _MAX_LABEL)


def _clean_tail(text: str, limit: int) -> str:
    """At most `limit` characters from the end, starting at a known term or after a particle,
    never in the middle of a name (阿斯利康…, 青岛…): else only the head noun is kept."""
    if len(text) <= limit:
        return text
    first = len(text) - limit
    for i in range(first, len(text) - 1):
        if _known_start(text[i:]) or text[i - 1] in "的和与及、":
            return text[i:]
    return text[first:]


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    breaks_before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return (breaks_before[-1] if breaks_before else 0), (after.start() if after else len(text))


def _phrase_before(left: str) -> str:
    """The words naming the figure before it: drop earlier figures, fluff, subjects, copulas."""
    left = _QUOTES.sub("", left)
    left = _FIGURE_BEFORE.sub("", left)
    for _ in range(3):  # fluff, subject and preposition can nest: 目前青岛高新区已在…
        previous = left
        left = _LEADING_FLUFF.sub("", left)
        left = _SUBJECT.sub("", left)
        left = _LEADING_PREP.sub("", left)
        if left == previous:
            break
    return _TRAILING_COPULA.sub("", left)


def _noun_after(right: str) -> str:
    """The noun phrase right after a figure (600多家企业参与 → 企业; 两条35千瓦双电源线路 →
    双电源线路); empty when what follows is not a noun we recognize."""
    right = _LEADING_FIGURE.sub("", _QUOTES.sub("", right))
    stop = _NOUN_STOP.search(right)
    phrase = right[: stop.start()] if stop else right
    head_end = _last_head_end(phrase)
    if not head_end:
        return ""
    phrase = phrase[:head_end]
    return _clean_tail(phrase, 12).rstrip("".join(_CONJUNCTIONS))


def _last_head_end(phrase: str) -> int:
    """Where the head noun ending last in the phrase ends, 0 when there is none. From the end,
    a few slices per character: a phrase is a few characters, the heads are hundreds."""
    for end in range(len(phrase), 0, -1):
        if any(phrase[end - size:end] in _HEADS for size in _HEAD_SIZES if size <= end):
            return end
    return 0


def _fallback_zh(fact: Fact) -> str:
    if fact.unit == "count" and fact.measure_word:
        return VOCABULARY.fallback_zh.get("count:" + fact.measure_word,
                                          VOCABULARY.fallback_zh["count"])
    return VOCABULARY.fallback_zh.get(fact.unit, VOCABULARY.fallback_zh["other"])
