"""The dates a page states about itself (story_dates.py chooses the one that dates each story).

Pages state their date in a few ways: a labelled line (发布时间：2024-08-16 09:30, 日期：…,
發佈時間), a masthead (XX日报 | 2024-08-16 | 第A03版, 《XX日报》（2025年01月10日 第 05 版）),
a bare date line under the headline (2022-04-29 09:15 来源：…), a reprint note (本文首发于…),
and a wire or newspaper dateline at the head of a story (新华社北京8月16日电, 本报讯（记者 X）
8月16日，…) that leaves the year to context. Dates elsewhere on the page are not its date: a
browser's print header (2025/3/4 下午2:10), a visit or citation date, a copyright year, the
dates of a related-stories list, an event's date (报名时间) and anything in an advertisement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import Provenance
from .dates import DATE_RE, TIME_RE, PartialDate, date_of, fold, make_date
from .provenance import MASTHEAD_PAGE, PAGE_NUMBER, SOURCE, line_provenance

# Best first: a labelled publication date, a masthead, a bare date line, a document's 成文日期 (the day it
# was drafted: after its 发布日期), a last update, a reprint note, and
# only then a dateline's month and day (its year comes from context).
# A saved page's address (…/2024-06/12/content_…, …/t20240612_…) states the day it was published,
# ranked after every line of text that does.
KINDS = ("published", "masthead", "header", "posted", "written", "updated", "reprint", "url", "wire")


@dataclass(frozen=True)
class Signal:
    kind: str
    line: int
    text: str
    when: Optional[PartialDate] = None  # None for a wire dateline that gives no year
    month_day: tuple[int, int] = (0, 0)  # a wire dateline's month and day
    provenance: Optional[Provenance] = None  # a masthead's publication and page
    year_inferred: bool = False  # a labelled day's year, taken from the text's inferred month


_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]){2,}[\u4e00-\u9fff]")  # 发 文 日 期: a label set letter by letter
_PROSE = re.compile(r"[。！？；!?;]")
# Lines that open a list of other stories: their dates are those stories'.
_LIST_HEADER = re.compile(
    r"^[【\[［]?\s*(?:相关(?:新闻|阅读|文章|报道|链接|推荐)|推荐阅读|延伸阅读|热点(?:新闻|推荐|文章)|热门(?:文章|新闻)|"
    r"最新(?:文章|新闻|推荐|资讯)|近期推荐|图文推荐|为您推荐|猜你喜欢|精彩推荐|往期回顾|更多新闻|点击排行|阅读排行|本类(?:推荐|排行)|"
    r"上一篇|下一篇|上一条|下一条|更多\s*>+)")
# Below a story, a forum's reply buttons, a numbered floor (2楼, #3, 沙发) or a comment box open
# the replies: their posting times are the readers', never the story's.
_REPLIES = re.compile(
    r"^(?:回复|引用|举报|使用道具|评分|只看该作者|TOP)(?:\s*(?:回复|引用|举报|使用道具|评分|顶|踩|只看该作者|TOP))*$|"
    r"^(?:#?\s*(?:[2-9]|[1-9]\d+)\s*(?:楼|#|F)(?![\u4e00-\u9fff]{2})|沙发|板凳|地板)|回复\s*#?\d+\s*楼|"
    r"^(?:网友评论|发表评论|我要评论|评论区|全部评论|热门评论|最新评论|全部回复|最新回复|查看全部评论|"
    r"精选留言|写留言|留言区|全部留言|热门留言)|^共?\d+\s*条(?:评论|回复|留言)|^评论\s*[（(]\d+[）)]$")
# Dates that are not the page's: print and crawl stamps, visits and citations, copyright lines,
# a document-sharing site's upload record (上传人 … 文档编号 … 上传时间).
_NOT_PAGE_DATE = re.compile(
    r"(?:19|20)\d\d/\d{1,2}/\d{1,2}\s*(?:上午|下午)|(?:访问|打印|浏览|引用|检索|下载|抓取|采集|截图|获取)(?:时间|日期|于)|"
    # an encyclopedia entry's last edit (最近更新：2024-03-01), not when its story happened
    r"^[（(【\[]?(?:最近|最后)(?:更新|修订|编辑|修改)|"
    r"版权所有|Copyright|©|ICP|公网安备|(?:上传人|文档编号)[:：]|"
    # a reference under a wiki entry (^ 某某的批复. 中国政府网. 2016-02-24 [2023-05-10]., [1] …): its source's date
    r"^(?:\^|[\[［]\d{1,3}[\]］])\s*\S|[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4}|"
    # an event's dates, not the page's: 活动时间：9月20日至10月7日, 报名截止日期
    r"(?:活动|会议|报名|举办|举行|开幕|闭幕|截止|开始|结束|申报|有效|展览|展期|招聘|考试|面试|开放|营业|咨询|受理|公示)(?:时间|日期|期)|"
    r"(?:日|\d)\s*(?:至|到|—|–|~|-)\s*(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|"
    # a reporting period, not a day: 2025年1-5月主要经济指标
    r"^(?:19|20)\d\d\s*年\s*\d{1,2}\s*(?:至|到|—|–|~|-)\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*日)")
# A line that opens by labelling the page's publication (发布于 2024年5月21日, 发布日期：…), set in
# the footer under the related list on some sites.
# A TV or video page's air date (播出时间：…, 首播日期) is its publication date.
_PUBLISHED_LABEL = re.compile(r"^(?:本文|本篇|本页|文章)?(?:发布|发表|发稿|刊发|发文|成文|播出|首播|播发)(?:时间|日期|于)|"
                              r"^(?:时间|日期)\s*[:：]")
_REPRINT = re.compile(r"(?:首发于|首发|原载于|原载|刊发于|刊载于|原文刊于|原刊于|刊于|转载自|转自)\S{0,14}$|"
                      r"(?:转载|转发)(?:时间|日期|于)\s*[:：]?\s*$")  # 转载时间：…, 本文转载于…: the reprint's own date
_LABEL = re.compile(r"(?:(?P<verb>发布|发表|发稿|刊发|刊登|出版|发文|成文|公开|印发|播出|首播|播发|更新|修改|上传|上载|录入|添加)"
                    r"(?:时间|日期|于)?|(?<![\u4e00-\u9fff])(?:时间|日期))\s*[:：]?\s*$")
_LATER_VERBS = {"成文": "written", "更新": "updated", "修改": "updated", "上传": "updated", "上载": "updated",
                "录入": "updated", "添加": "updated"}
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日](?![年期])|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
_OUTLET_END = ("网", "报", "台", "社", "新闻", "频道", "在线", "客户端", "号", "刊")
_META = re.compile(r"(?:来源|稿源|信息来源|文章来源|作者|编辑|责任编辑|责编|记者|通讯员|浏览|阅读|点击|人气|"
                   r"访问量|字号|分享|打印|发布者|发布人|分类|投稿|发布于|发表于|IP属地)\s*[:：]?[^\s|｜]{0,16}|\d+|[次人]|大中小|"
                   r"[\s|｜/\\·•:：,，()（）\[\]【】<>《》_-]+")
# A wire or newspaper dateline at the head of a story: 新华社北京8月16日电, 中新社 雄安8月30日电,
# 【大纪元8月18日报导】, 某某网（ID：xxx）8月5日消息, 本报讯（记者 张伟）8月16日(上午)，…; a press
# release's （香港，2022年12月16日）, （2024年3月5日，中国苏州）, 【2024年3月5日 上海】, 苏州2024年5月16日
# /美通社/; a Taiwanese agency's day alone, its month the page's: （中央社记者X台南15日电）, 本报讯（…）16日，
_Y, _MD = r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)", r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_CREDIT = r"^[【\[]?[^，。,]{0,12}讯[】\]]?\s*(?:[（(][^）)]{0,30}[）)])?"
_HOUR = r"(?:上午|下午|晚上|晚间|凌晨|中午|早上|傍晚)?"
_WIRES = tuple(re.compile(p) for p in (
    rf"^[【\[（(]?\s*[^，。,（(]{{0,16}}?(?:[（(][^）)，。]{{0,24}}[）)]\s*)?{_Y}?{_MD}\s*(?:电|专电|讯|消息|报道|报导)",
    rf"{_CREDIT}[^，。,]{{0,16}}?{_Y}?{_MD}\s*{_HOUR}\s*[，,\s]",
    rf"^[（(]\s*[\u4e00-\u9fff]{{2,8}}\s*[，,]\s*{_Y}{_MD}\s*[）)]",
    rf"^[（(【\[]\s*{_Y}{_MD}\s*[，,\s]\s*[\u4e00-\u9fff]{{2,8}}\s*[）)】\]]",
    rf"^[\u4e00-\u9fff]{{2,8}}\s*{_Y}{_MD}\s*[/／]\s*[^/／\s]{{2,20}}\s*[/／]",
    r"^[（(]\s*[^（()），。,]{2,24}?(?<![\d月])(?P<d>\d{1,2})\s*日\s*(?:电|专电)\s*[）)]",
    rf"{_CREDIT}\s*(?<![\d月])(?P<d>\d{{1,2}})\s*日\s*{_HOUR}\s*[，,]",
))


def find_signals(lines: list[str]) -> list[Signal]:
    """Every statement of the page's own date, in line order (lines are 1-based)."""
    signals: list[Signal] = []
    in_list = seen_prose = False
    for number, raw in enumerate(lines, start=1):
        text = _SPACED.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), fold(raw).strip())
        if not text:
            continue
        if seen_prose and _REPLIES.search(text):
            break  # the rest of the page is readers' replies
        seen_prose = seen_prose or (bool(_PROSE.search(text)) and len(text) > 30)
        if _LIST_HEADER.match(text):
            in_list = True
            continue
        if in_list:
            if (_PROSE.search(text) and len(text) > 30) or SOURCE.search(text) or _PUBLISHED_LABEL.match(text):
                in_list = False  # the list is over: prose again, or a story's source or publication line
            else:
                continue
        url = _URL_DATE.search(text)
        if url:
            when = _url_date(url)
            if when is not None:
                signals.append(Signal("url", number, raw, when))
            continue
        if _NOT_PAGE_DATE.search(text):
            continue
        signal = _line_signal(number, text, raw) or _wire_signal(number, text, raw)
        if signal:
            signals.append(signal)
    return signals


# A page's address on a line of its own (as saved pages and reprints print it) whose path holds
# the publication day: /2024-06/12/, /2024/06/12/, /2024/0612/, /20240612/, /202406/t20240612_, _20240612.
_URL_DATE = re.compile(r"^(?:\S{0,8}[：:]\s*)?(?:https?://|www\.)\S*?(?:/((?:19|20)\d\d)[-/]?(\d\d)/?(\d\d)/|"
                       r"[/_t]((?:19|20)\d\d)(\d\d)(\d\d)(?=[/_.]))\S*$")


def _url_date(match: re.Match) -> Optional[PartialDate]:
    year, month, day = (int(g) for g in (match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)))
    return make_date(year, month, day)


_PRINT_STAMP = re.compile(r"^(?:(?:19|20)\d\d/\d{1,2}/\d{1,2}\s*(?:上午|下午)\s*\d{1,2}:\d{2}|"
                          r"(?:访问|打印|浏览|抓取|采集|截图|获取)(?:时间|日期))")


def date_line_reason(line: str) -> str:
    """Why a line is page furniture for its date: a masthead, a source and date line, a
    browser's print stamp; "" for any other line (a dateline opening a story stays text)."""
    text = _SPACED.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), fold(line).strip())
    if _PRINT_STAMP.search(text):
        return "print or crawl stamp"
    if _NOT_PAGE_DATE.search(text):
        return ""
    signal = _line_signal(0, text, line)
    if signal is None or signal.kind == "posted":
        return ""
    return "masthead" if signal.kind == "masthead" else "source and date line"


# 日期：10-12 (an e-paper reader's item line): a labelled day whose year the page gives elsewhere.
# A microblog's posting stamp: 3月27日 16:45 来自 微博网页版 (this year's posts give no year), and
# 25-3-27 16:45 来自 … (an older post's two-digit year).
_POSTED_FROM = re.compile(r"^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*\d{1,2}[:：]\d{2}\s*(?:来自|发布于|发表于)")
_SHORT_YEAR_FROM = re.compile(r"^\s*(\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}[:：]\d{2}\s*(?:来自|发布于|发表于)")
_LABELLED_DAY = re.compile(r"(?:(?:发布|发表|刊发|出版)(?:时间|日期)|(?<![\u4e00-\u9fff])(?:时间|日期))\s*[:：]\s*"
                           r"(\d{1,2})\s*[-/月]\s*(\d{1,2})(?![\d/-])")
# 长沙经开区…突破千亿　(2023-05-06 10:12:30): a blog's headline with its posting time.
_POSTED = re.compile(r"[（(]\s*[^（()）]*\d\s*[）)]\s*$")


_LAST_EDIT = re.compile(r"(?:最近|最后)(?:更新|修订|编辑|修改)(?:时间|日期|于)?\s*[:：]?\s*$")


def _line_signal(number: int, text: str, raw: str) -> Optional[Signal]:
    matches = [(m, date_of(m)) for m in DATE_RE.finditer(text)]
    # a date labelled as a last edit anywhere on the line (a wiki's 词条统计: 编辑次数：18次 最近更新：…)
    matches = [(m, when) for m, when in matches if when is not None
               and not _LAST_EDIT.search(text[max(0, m.start() - 8):m.start()])]
    if not matches:
        day = _LABELLED_DAY.search(text) or _POSTED_FROM.match(text)
        if day and 1 <= int(day.group(1)) <= 12 and 1 <= int(day.group(2)) <= 31:
            return Signal("published", number, raw, None, (int(day.group(1)), int(day.group(2))))
        short = _SHORT_YEAR_FROM.match(text)
        if short:
            when = make_date(2000 + int(short.group(1)), int(short.group(2)), int(short.group(3)))
            return Signal("published", number, raw, when) if when else None
        return None
    for match, when in matches:
        before = text[max(0, match.start() - 24):match.start()]
        if _REPRINT.search(before):
            return Signal("reprint", number, raw, when)
        label = _LABEL.search(before)
        if label:
            kind = _LATER_VERBS.get(label.group("verb") or "", "published")
            return Signal(kind, number, raw, when, provenance=line_provenance(text, when))
    match, when = matches[0]
    posted = _POSTED.search(text)
    if posted and posted.start() <= match.start() and TIME_RE.search(text, match.end()):
        return Signal("posted", number, raw, when)  # the headline's line: a date, not furniture
    if _PROSE.search(text) or len(text) > 80:
        return None
    page = PAGE_NUMBER.search(text)
    if page or (_WEEKDAY.search(text) and len(text) <= 40) or text.startswith("《"):
        return Signal("masthead", number, raw, when, provenance=line_provenance(text, when))
    before, after = text[:match.start()], text[match.end():]
    if _is_header(before, after):
        return Signal("header", number, raw, when, provenance=line_provenance(text, when))
    return None


# A public account's author line: 原创 张三 某某发布 2024年08月20日 18:05 上海 (names, the date, the
# time and the place it was posted from), never an item of a list (one title and a date).
# A self-media card is one too: 辽宁发布厅 6.2万粉丝 2025-02-18 20:14. (Normalizing may have taken out
# the spaces around the figures.)
_ACCOUNT_NAMES = re.compile(r"^(?P<original>原创\s*)?(?P<names>(?:[^\s，。：:|｜]{1,16}(?:\s+|$)){1,3})$")
_FANS = re.compile(r"\d\s*万?\s*粉丝")
_POSTED_AT = re.compile(r"^\s*\d{1,2}:\d{2}(?P<place>\s*(?!编辑|发布|更新|修改)[\u4e00-\u9fff]{2,4})?\s*$")


def _is_header(before: str, after: str) -> bool:
    """A date line under a headline: what stands beside the date is meta (source, author,
    views, time, an outlet's name), not a headline in a list of other stories."""
    lead = _cjk(_META.sub("", TIME_RE.sub("", before)))
    if re.search(r"(?:时间|日期|年份|年月|于)$", lead):
        return False  # 设立时间 | 1992年11月: a date of something else, in a table row
    names, posted = _ACCOUNT_NAMES.match(before), _POSTED_AT.match(after)
    if names and posted and (names.group("original") or posted.group("place") or len(names.group("names").split()) >= 2
                             or _FANS.search(before)):
        return True
    if len(lead) >= 8 and not lead.endswith(_OUTLET_END) and not re.search(r"来源|作者|编辑|记者", before):
        return False  # 某某高新区举办人才招聘会 2024-07-01: an item of a list
    rest = _cjk(_META.sub("", TIME_RE.sub("", after)))
    return len(rest) <= 12


def _cjk(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


def _wire_signal(number: int, text: str, raw: str) -> Optional[Signal]:
    """A dateline's day; month 0 when it gives the day alone (the page's month is its month)."""
    match = next((m for m in (wire.match(text) for wire in _WIRES) if m), None)
    if not match:
        return None
    groups = match.groupdict()
    year, month, day = (int(groups[k]) if groups.get(k) else 0 for k in ("y", "m", "d"))
    if not (0 <= month <= 12 and 1 <= day <= 31):
        return None
    return Signal("wire", number, raw, make_date(year, month, day) if year and month else None, (month, day))


def names_page(lines: Iterable[str]) -> bool:
    """A line outside prose names a newspaper page (第A04版, 版次：3), whether or not a date
    stands beside it (an e-paper reader's item line: 日期：10-12 版面：第A04版)."""
    return any(len(line) <= 80 and (PAGE_NUMBER.search(fold(line)) or MASTHEAD_PAGE.match(fold(line)))
               and not _PROSE.search(line) for line in lines)


# The issuing body that signs a notice: 某某高新区管委会, 某某局办公室.
ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:管委会|管理委员会|办公室|人民政府|委员会|局|中心|公司)$")


def is_signature_date(lines: list[str], number: int) -> bool:
    """The date under a notice's signature (某某管委会 / 2025年4月1日): when the notice was signed,
    not when the page was published, so it never bounds the page's date."""
    before = next((lines[i].strip() for i in range(number - 2, -1, -1) if lines[i].strip()), "")
    return len(lines[number - 1].strip()) <= 16 and bool(ISSUER.match(re.sub(r"\s+", "", before)))
