"""Which numerals with a unit are figures, judged by the words around them.

A year (2025年), a 民國 year, a reporting period (前8个月), a time reference (未来三年, 十年前), an
ordinal or rank (前十位), a phase's or an issue's name (二期), a policy package's name (外商投资24条),
an anniversary and the indefinite 一 (一批) carry a unit but measure nothing.
"""
from __future__ import annotations

import re

from .numerals import fold_digits
from .quantity import BARE_NOUNS, UNITS

_PLAN_AFTER = re.compile(r"^(?:行动|计划|规划|攻坚|工程|战略)")
PERIOD_BEFORE = re.compile(r"(?:^|[^提超之以])前$|[上下首]$")  # 2025年前8个月, 上半年, 首7个月
# After a 民國 year (113年): a part of it, a month, or what is done in it; 已有113年历史 stays a duration.
_ROC_YEAR_AFTER = re.compile(r"上半年|下半年|全年|年[底初中]|度|第?[一二三四1-4]季|[前1-9一二三四五六七八九十]|"
                             r"[底初起将至以迄中]")


_SHARE_OF = re.compile(r"占[^，。；,;]{0,16}的$")  # 约占全国同类专利总数的一成
_PICKED = re.compile(r"(?:决出|评出|选出|产生|晋级|进入)$")


# Verbs of a change or share before 一成, 一倍.
_CHANGED_BY = re.compile(r"(?:增长|增加|提高|提升|下降|减少|降低|扩大|缩小|翻了?|占比?|达到?|超过?|增|降)了?$")


# A span of years or months as a time reference: in the next/last N years, N years ago.
_SPAN_BEFORE = re.compile(r"(?:未来|今后|往后|此后|过去|最近|近)$")
_AGO_AFTER = re.compile(r"^(?:前|后|以前|以后|之前|之后)")
# 连续3年追加投资, 仅8个月就: the seeds' annotations count a streak's and a feat's length as figures
_DURATION_VERB = re.compile(r"(?:提前|用时|用了|仅用|历时|耗时|花了|长达|缩短|延长|已有|运营|入驻|落户|成立|满|为期|有效期|"
                            r"连续|仅|只用|就用)$")
# What may follow a length of time (两年来, 五年之变, 用十余年时间, 满三年的); any other word right after a
# span makes the span the time frame of that word (半年营收破千亿, 7个月新签约, 三年再造一个千亿).
_LENGTH_GOES_ON = re.compile(r"^(?:[的来之间多半整余一二三四五六七八九十两]|时间|左右|以上|以来|有余)")  # 三年三投


def is_time_frame(unit_text: str, before: str, after: str) -> bool:
    """A span of years or months right before a verb or noun (半年营收, 7个月新签约, 三年再造) is the
    period that word happens in, not a figure; after a verb of duration (连续, 仅, 用了) it stays one."""
    return unit_text in ("年", "个月") and not _DURATION_VERB.search(before) \
        and bool(re.match(r"[\u4e00-\u9fff]", after)) and not _LENGTH_GOES_ON.match(after)
_YEAR_SUFFIX = re.compile(r"^(?:代|级|度)")  # 80年代, 3年级
_BIG_NOUN_EXCLUDED = re.compile(r"^(?:学|会|赛|厦|道|街|桥|楼|队|众|幅|量|力|批|大|型|小|多|概|约|于|家|关)")
_TOU_EXCLUDED = re.compile(r"^[资入产用运放建向标身]")
_NAMED_RULES_AFTER = re.compile(r"^(?:[的”\"’》）)，,。；;、]|$)")
_NAMED_RULES_VERBS = re.compile(r"[了有达共计出台布和与及等为是发订至到]$")  # 增至160条: a count
_CHENG_EXCLUDED = re.compile(r"^[立功为果本交效绩员都熟长型形]")
_DEMONSTRATIVE_BEFORE = re.compile(r"[的这那每同其某哪]$")
_CN_DIGITS_ONLY = re.compile(r"^[零〇○一二三四五六七八九]{2,}$")


def is_figure(num: str, value: float, unit_text: str, before: str, after: str,
              chinese: bool, pre: str, post: str) -> bool:
    """Context rules: dates, ordinals, plan names, indefinite 一, named rules (24条)."""
    plain = fold_digits(num)
    if len(plain) > 1 and plain.startswith("0") and plain.isdigit():
        return False  # 01 主要指标, 03项目建设: a subhead's number, never a quantity written 03
    if unit_text == "年":
        if (plain.isdigit() and len(plain) == 4) or _CN_DIGITS_ONLY.match(num):
            return False  # 2025年, 二〇二五年: a year, not a duration
        if plain.isdigit() and 100 <= int(plain) <= 129 and _ROC_YEAR_AFTER.match(after):
            return False  # 113年上半年, 114年將: a 民國 year on a Taiwanese page (2024, 2025)
        if _YEAR_SUFFIX.match(after) or _PLAN_AFTER.match(after):
            return False  # 80年代, 三年行动
    if unit_text in ("个月", "个季度", "年") and PERIOD_BEFORE.search(before + pre):
        return False  # 2025年前8个月: a reporting period
    if unit_text in ("岁", "周岁") and (pre or before.endswith(("年约", "约", "年近", "年逾", "或"))):
        return False  # 年约30岁的男子: a witness's guess at a stranger's age, not a reported age
    if unit_text in ("位", "名", "强") and before.endswith(("前", "第", "后")):
        return False  # 进入全国前十位, 排名前10名, 后5位略: a rank, not a count
    if unit_text == "强" and not _PICKED.search(before):
        return False  # 世界500强, 百强县: a name; 决出16强 counts the finalists
    if unit_text == "番" and not before.endswith(("翻", "翻了")):
        return False  # 一番努力
    if unit_text == "周年":
        return False  # 五周年: an anniversary, not a length of time
    if unit_text in ("个月", "年") and (_SPAN_BEFORE.search(before + pre) or _AGO_AFTER.match(after)) \
            and not _DURATION_VERB.search(before):
        return False  # 未来三年, 近十年, 十年前: when something happens, not how long it takes
    if is_time_frame(unit_text, before + pre, after):
        return False
    if unit_text == "个" and after.startswith("年"):
        return False  # “三个年”活动: a campaign name
    if unit_text == "大" and (_BIG_NOUN_EXCLUDED.match(after) or not after):
        return False
    if unit_text == "投" and _TOU_EXCLUDED.match(after):
        return False
    if unit_text in BARE_NOUNS and (re.fullmatch(r"(?:19|20)\d\d", plain) or num == "一"):
        return False  # 2023企业, 一大批
    if unit_text in ("度", "周") and chinese:
        return False  # 两度获评 (twice), 四周 (around)
    if unit_text == "成" and ((not chinese and not pre and not post and not _CHANGED_BY.search(before))
                             or (_CHENG_EXCLUDED.match(after) and not (pre and after.startswith("为")))):
        # 九成, 近3成(为), 出口增长3成, 占比6成以上 are 90%, about 30%, 30%, over 60%; 3成立, 两成长 are other words
        return False
    if unit_text == "位" and after.startswith("数"):
        return False  # 两位数增长
    if unit_text == "条" and _NAMED_RULES_AFTER.match(after) and before \
            and not _NAMED_RULES_VERBS.search(before) and re.search(r"[\u4e00-\u9fff]$", before) \
            and not re.search(r"[线路道河渠链]$", before) \
            and not re.search(r"(?:政策|措施|举措|条款|意见|规定|细则|任务|方面|部分|章)$", before):
        # 中试产线8条, 航线12条: counted lines; 支持政策18条, 共五个方面18条: counted measures
        return False  # 外商投资24条: the name of a policy package
    if unit_text == "期" and not (num == "两" or re.search(r"(?:分|共|举办了?|开展了?|办了?)$", before)):
        return False  # 二期, 三期扩建, 第10期: a phase's or an issue's name; 分两期, 共举办12期 are counts
    if unit_text == "升" and re.match(r"[级格温值至为幅高]", after):
        return False  # 升级, 升至: a verb, not litres
    if unit_text == "类" and (re.match(r"\d+强|医疗器械|新药|疫苗|药品", after) or before.endswith("、")):
        return False  # 三类500强, 二、三类医疗器械: names of a class, not a count of kinds
    if unit_text == "列" and re.match(r"[车入为出举表队席]", after):
        return False  # 列车, 列入: no trains counted
    if num == "一" and unit_text in ("成", "倍", "番") and not after.startswith("不变") and (
            post or _CHANGED_BY.search(before) or _SHARE_OF.search(before)):
        return True  # 增长一成 (10%), 提高一倍左右 (about 100%), 占…的一成: a change or share; 一成不变 is none
    if num == "一" and not pre and not (unit_text == "成" and after.startswith("半")):  # 一成半 is 15%
        # 一 with a measure word is the indefinite article (一批, 一项, 一个缩影);
        # with a duration it is a length of time (一个月), unless it is “新的一年”.
        code = UNITS.get(unit_text, ("count",))[0]
        if code not in ("year", "month", "day", "hour", "minute", "second"):
            return False
        if _DEMONSTRATIVE_BEFORE.search(before) or after.startswith(("来", "度", "级", "一")):
            return False
    return True
