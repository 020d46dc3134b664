"""Dates: what a page states about itself (datelines, mastheads, labelled lines), what only looks
like its date (print stamps, related lists, adverts, targets), and what is inferred. Every page
here is written for these tests; each reproduces a way real sites print their dates."""
from datetime import date

import pytest

from park_digest.parse.dates import PartialDate, drop_plans, from_iso, infer_date, parse_date, year_for
from park_digest.parse.datelines import date_line_reason, find_signals
from park_digest.parse.pipeline import process_seed
from park_digest.parse.read import converter, decode_seed

TODAY = date(2026, 3, 1)


def stories(text: str, today: date = TODAY, encode=lambda t: t.encode("utf-8")):
    return process_seed(decode_seed(encode(text), "page.txt"), today=today).stories


def dates(text: str, **kwargs) -> list[tuple[str, bool]]:
    return [(story.date, story.date_inferred) for story in stories(text, **kwargs)]


# ------------------------------------------------------------------ the date type and its parsers

def test_partial_dates_keep_their_precision():
    assert [PartialDate(2024).iso(), PartialDate(2024, 8).iso(), PartialDate(2024, 8, 6).iso()] == \
        ["2024", "2024-08", "2024-08-06"]
    assert [PartialDate(2024).precision, PartialDate(2024, 8).precision] == ["year", "month"]
    assert PartialDate(2024, 2).last_day() == date(2024, 2, 29)
    assert from_iso("2024-08") == PartialDate(2024, 8) and from_iso("2024-8") is None


@pytest.mark.parametrize("value,expected", [
    ("2024-08-16", PartialDate(2024, 8, 16)), ("2024-08", PartialDate(2024, 8)), ("2024", PartialDate(2024)),
    (2024, PartialDate(2024)), (date(2024, 8, 16), PartialDate(2024, 8, 16)), ("2024/8/16", PartialDate(2024, 8, 16)),
    ("2024年8月16日", PartialDate(2024, 8, 16)), ("2024年8月", PartialDate(2024, 8)), ("２０２４-０８", PartialDate(2024, 8)),
    ("2024-13-01", None), ("2024-02-30", None), ("9999-12-31", None), ("0001-01-01", None), ("yesterday", None),
    (True, None), (None, None),
])
def test_editor_dates(value, expected):
    assert parse_date(value) == expected


def test_plans_and_targets_are_dropped_before_inference():
    text = "2023年，园区实现营业收入120亿元，预计2024年将突破150亿元。力争到2027年，建成3个千亿级产业集群。"
    assert "2027" not in drop_plans(text) and "2024" not in drop_plans(text)
    assert "2023年" in drop_plans(text)
    assert infer_date([text]) == PartialDate(2024, 1)  # the 2023 results, never the 2027 target
    assert infer_date(["力争到2027年，营业收入突破千亿元；预计2025年建成投用。"]) is None
    assert infer_date(["2025年前8个月，全区营业收入102亿元。"]) == PartialDate(2025, 9)
    assert infer_date(["截至2025年9月底，经营主体同比增长11%。"]) == PartialDate(2025, 10)


def test_a_dateline_year_comes_from_the_texts_lower_bound():
    assert year_for(8, 16, PartialDate(2024, 7)) == 2024
    assert year_for(1, 5, PartialDate(2024, 7)) == 2025
    assert year_for(12, 28, PartialDate(2024, 1)) == 2023  # a December dateline on a year-in-review page
    assert year_for(8, 16, None) is None


# ------------------------------------------------------------------ pages

PORTAL = """首页 > 新闻中心 > 园区动态

西安高新区上半年营收增长12%

2024-07-18 09:15  来源：西安日报  作者：王小明  浏览次数：1024

本报讯 7月17日，记者从西安高新区获悉，上半年该区实现营业收入1.2万亿元，同比增长12%。

预计到2027年，全区营业收入将突破3万亿元。

相关新闻
西安高新区举办人才招聘会 2024-06-30
西安高新区新增独角兽企业 2024-05-12

版权所有 © 2003-2024 西安日报社
"""


def test_portal_page_is_dated_by_its_dateline_not_its_lists_or_targets():
    story = stories(PORTAL)[0]
    assert (story.date, story.date_inferred) == ("2024-07-17", False)  # 本报讯 7月17日, the year from the date line
    assert (story.source.publication, story.source.date) == ("西安日报", "2024-07-18")
    undated = stories(PORTAL.replace("本报讯 7月17日，", "本报讯 "))[0]
    assert (undated.date, undated.date_inferred) == ("2024-07-18", False)  # no dateline: the date line


GOVERNMENT = """索 引 号 11370100-2023-00123
发 布 机 构 市人民政府办公室    发 布 日 期 2023-11-29

关于印发某某高新区产业扶持办法的通知

各区县人民政府，市政府各部门：

现将《某某高新区产业扶持办法》印发给你们，请认真贯彻执行。

某某市人民政府办公室
2023年11月27日
"""


def test_government_notice_letter_spaced_labels():
    assert dates(GOVERNMENT)[0] == ("2023-11-29", False)  # the labelled date before the signature's


EPAPER = """齐鲁科技日报 | 2024-08-16 | 第A03版

## 济南高新区新增高新技术企业120家

本报讯（记者 刘洋）8月15日，记者从济南高新区获悉，今年以来该区新增高新技术企业120家。

## 淄博高新区一新材料项目投产

本报讯 8月14日，淄博高新区一新材料项目正式投产，项目总投资8亿元。
"""


def test_epaper_masthead_gives_its_year_to_each_dateline_and_is_the_pages_provenance():
    found = stories(EPAPER)
    assert [(s.date, s.date_inferred) for s in found] == [("2024-08-15", False), ("2024-08-14", False)]
    assert all(s.source.label() == "齐鲁科技日报 2024-08-16 第A03版" for s in found)
    assert all("齐鲁科技日报" not in (s.title or "") for s in found)


def test_epaper_header_over_three_lines_and_a_citation_line():
    page = "甘南日报\n\n2018年12月18日\n\n第03版：综合新闻\n\n## 合作市产业园新签项目5个\n\n本报讯 合作市产业园近日集中签约项目5个，总投资12亿元。\n"
    story = stories(page)[0]
    assert story.date == "2018-12-18"
    assert (story.source.publication, story.source.page) == ("甘南日报", "03")
    cited = "## 某高新区举办创新大赛\n\n大赛吸引参赛项目300余个。\n\n《科技日报》（2025年01月10日 第 05 版）\n"
    story = stories(cited)[0]
    assert (story.date, story.source.label()) == ("2025-01-10", "科技日报 2025-01-10 第05版")


def test_a_browsers_print_stamp_is_never_the_date():
    printed = """2025/3/4 下午2:10 南昌高新区：一季度新签约项目28个 - 南昌高新区管委会

南昌高新区：一季度新签约项目28个

发布日期：2025-02-20 信息来源：南昌高新区管委会

2025年一季度，南昌高新区新签约项目28个，总投资156亿元。
"""
    story = stories(printed)[0]
    assert story.date == "2025-02-20" and story.title == "南昌高新区：一季度新签约项目28个"
    undated = printed.replace("发布日期：2025-02-20 信息来源：南昌高新区管委会\n", "").replace("2025年一季度", "2024年全年")
    assert dates(undated) == [("2025-01", True)]  # inferred from the text, never the 2025-03-04 stamp
    assert date_line_reason("2025/3/4 下午2:10 南昌高新区：一季度新签约项目28个") == "print or crawl stamp"


def test_wire_dateline_takes_its_year_from_context():
    page = "新华社合肥3月5日电（记者 陈静）合肥高新区5日发布数据，2024年，该区实现营业收入3000亿元，同比增长9%。\n"
    assert dates(page) == [("2025-03-05", True)]
    no_year = "## 某园区举办招聘会\n\n本报讯（记者 张三）8月16日，某园区举办招聘会，60家企业提供岗位800个。\n"
    assert dates(no_year) == [(None, True)]  # a month and a day, and no year anywhere: no made-up date


@pytest.mark.parametrize("line,expected", [
    ("【新桥网8月18日讯】（记者 王丽）新桥高新区18日举行项目开工仪式。", (8, 18)),
    ("本报北京2月15日电（记者 赵敏）记者从科技部获悉，国家高新区发展势头良好。", (2, 15)),
    ("中国台湾网8月8日消息 据报道，某科学园区扩建计划获核定。", (8, 8)),
    ("园区观察网（ID：yq_obs）8月5日消息，据报道，某新区上半年地区生产总值增长7.9%。", (8, 5)),
    ("【港通网讯】记者 吴超 报导：11月13日，光博会项目签约仪式举行。", (11, 13)),
    ("中新社 雄安8月30日电 (记者 陈林)雄安新区30日通报，园区集聚科创企业113家。", (8, 30)),
    ("本报讯（记者 宁宇）8月16日上午，某经开区举行招商签约会，签约项目9个。", (8, 16)),
    ("（中央社记者林家宏新竹16日电）新竹科学园区管理局今天公布上半年营业额。", (0, 16)),
    ("本报讯（记者 罗湘）16日，某高新区举行项目集中开工活动，开工项目12个。", (0, 16)),
    ("（2024年3月5日，中国苏州）某生物制药企业今日宣布，其新基地正式投产。", (3, 5)),
    ("【2024年3月5日 上海】某半导体企业今天宣布，其新厂在张江投产。", (3, 5)),
    ("苏州2024年5月16日 /美通社/ -- 某半导体公司今日宣布，其第二座晶圆厂正式投产。", (5, 16)),
])
def test_wire_datelines(line, expected):
    found = find_signals([line])
    assert [(s.kind, s.month_day) for s in found] == [("wire", expected)]


@pytest.mark.parametrize("line", [
    "本报讯（记者 何苗）记者8月15日从省农业农村厅获悉，全省秋粮播种面积稳定。",  # the day is in the lead sentence
    "本报讯 园区8月16日举行项目开工仪式，开工项目12个。",
    "园区8月16日举行项目开工仪式，开工项目12个。",
])
def test_a_date_in_the_lead_sentence_is_no_dateline(line):
    assert find_signals([line]) == []


DATELINED = """科技日报 | {masthead} | 第05版

## 某高新区新签约项目12个

{dateline}某高新区举行项目集中签约活动，签约项目12个，总投资46亿元。
"""


@pytest.mark.parametrize("masthead,dateline,expected", [
    ("2024-08-17", "本报讯（记者 张三）8月16日，", ("2024-08-16", False)),  # the story's day, not the page's
    ("2025-01-01", "本报讯 12月31日，", ("2024-12-31", False)),  # the year before the page's
    ("2024-12-20", "新华社北京12月19日电（记者 李四）", ("2024-12-19", False)),
    ("2024-01-16", "（中央社记者王五台南15日电）", ("2024-01-15", False)),  # a day alone: the page's month
    ("2024-03-01", "（中央社记者王五台北29日电）", ("2024-02-29", False)),  # ... or the month before
    ("2024-08-17", "本报讯 ", ("2024-08-17", False)),  # no dateline: the masthead's
    ("2024-08-17", "本报讯（记者 张三）记者8月15日从园区获悉，", ("2024-08-17", False)),  # the lead's day is no dateline
    ("2024-08-17", "本报讯 2024年8月19日，", ("2024-08-17", False)),  # a dateline after its page is a slip
])
def test_a_storys_own_dateline_day_wins_over_the_pages_date(masthead, dateline, expected):
    assert dates(DATELINED.format(masthead=masthead, dateline=dateline)) == [expected]


def test_traditional_page_with_a_labelled_date():
    page = "主頁 > 新聞 > 財經\n\n科學園新一批初創企業進駐\n\n發佈時間：2024年8月16日 12:30\n\n香港科技園公司宣佈，新一批30家初創企業獲批進駐。\n"
    assert dates(page) == [("2024-08-16", False)]
    simplified = "## 新区签约项目20个\n\n发布时间：2024-08-16\n\n某新区当天签约项目20个。\n"
    assert dates(simplified, encode=lambda t: converter("s2t").convert(t).encode("utf-8")) == [("2024-08-16", False)]


@pytest.mark.parametrize("line", [
    "2019/10/16 20:26",
    "2012-12-30 14:39 王胜利 刘会文",
    "中央广播电视总台国际在线2020-12-09 19:42:11",
    "科技新闻  2021年06月02日  浏览:5 次",
    "作者：本社编辑部 2025-11-21",
    "時間：2011-12-16 09:50   來源：中國新聞網",
    "2025年10月31日 星期五 上午11:02",  # a Hong Kong outlet's date line (not a browser's print stamp)
    "2024 05/ 21 16:48:10",
])
def test_date_lines_beside_a_headline(line):
    assert [s.kind for s in find_signals([line])] in (["header"], ["masthead"])
    assert date_line_reason(line) in ("source and date line", "masthead")


@pytest.mark.parametrize("line", [
    "西安高新区举办人才招聘会 2024-06-30",  # an item of a related-stories list
    "访问时间：2025-03-04",
    "引用日期 2024-05-01",
    "版权所有 © 2003-2024 某某日报社",
    "Fri Jan 03 2025 23:59:59",
    "活动时间：2024年9月20日至10月7日",
    "报名截止日期：2024-09-30",
    "上一篇：2024年1月8日园区新闻",
    "设立时间 | 1992年11月 |",  # a wiki infobox row: the date of something else
    "本页面最后修订于2024年5月3日 (星期五) 08:21。",
    "2024年，园区实现营业收入120亿元。",  # prose: a year it reports, inferred from, not stated
    "上传人：h****2 文档编号：20481177 上传时间：2024-01-22 格式：DOCX 页数：12",  # a sharing site's upload
])
def test_dates_that_are_not_the_pages(line):
    assert find_signals([line]) == []


def test_related_list_after_its_header_and_advertisement_dates_are_ignored():
    listed = "## 常州高新区新添3家省级研发机构\n\n本报讯 近日，常州高新区新增省级工程技术研究中心3家。\n\n" \
             "相关阅读\n2024-08-01\n常州高新区举办人才周\n"
    assert find_signals(listed.split("\n")) == [] and stories(listed)[0].date is None
    advert = "## 常州高新区新添3家省级研发机构\n\n本报讯 近日，常州高新区新增省级工程技术研究中心3家。\n\n" \
             "广告\n\n## 金秋购房节\n\n开盘 2024-09-20\n\n详询热线 0519-12345678\n"
    assert [s.line for s in find_signals(advert.split("\n"))] == [9]  # a date line, but in the advert
    assert [(s.kind, s.date) for s in stories(advert)] == [("brief", None), ("advertisement", None)]


def test_reprint_note_dates_the_story():
    page = "## 某新区打造创新高地\n\n某新区近年来持续加大研发投入。\n\n（本文首发于2022年1月27日《南方日报》）\n"
    assert dates(page) == [("2022-01-27", False)]


def test_month_precision_is_kept_and_never_filled_out():
    page = "## 某开发区月报\n\n发布时间：2024年8月\n\n本月，开发区新增企业120家。\n"
    assert dates(page) == [("2024-08", False)]
    inferred = "## 某新区年度回顾\n\n2025年全年，某新区新增企业3000家。\n"
    assert dates(inferred) == [("2026-01", True)]


def test_targets_never_date_a_story():
    page = "## 某新区发布三年行动方案\n\n本报讯 某新区近日发布行动方案，力争到2027年，全区地区生产总值突破3000亿元；预计2025年建成一批重大项目。\n"
    assert dates(page) == [(None, True)]
    with_past = page.replace("本报讯 ", "本报讯 2024年，某新区实现地区生产总值2000亿元。")
    assert dates(with_past) == [("2025-01", True)]


def test_no_story_is_dated_after_the_build_day_or_its_pages_dateline():
    future = "## 某园区新闻\n\n发布时间：2030-05-01\n\n2025年全年，园区新增企业50家。\n"
    assert dates(future) == [("2026-01", True)]  # the future date is left out; inference stays before today
    assert dates("## 某园区新闻\n\n2027年全年，园区新增企业50家。\n") == [(None, True)]
    page = EPAPER.replace("本报讯 8月14日，", "2024-08-20\n\n本报讯 ")
    assert [s.date for s in stories(page)] == ["2024-08-15", "2024-08-16"]


def test_a_labelled_day_takes_its_year_from_the_page_not_the_readers_date():
    reader = "电子报阅读\n2025-03-04\n星期二\n当前报纸：某某晚报\n某开发区新材料产业园开工\n日期：03-02　版面：第A04版\n" \
             "3月1日，某开发区新材料产业园开工，总投资30亿元。\n"
    assert dates(reader) == [("2025-03-02", False)]  # the app's 2025-03-04 is the reader's day
    farm = "## 某经开区属于哪个区\n\n时间:03-12人气:41\n\n某经开区位于市东南部。2022年区内规上企业实现产值900亿元。\n"
    assert dates(farm) == [("2023-03-12", True)]  # no year on the page: the text's, marked inferred


def test_a_blog_headline_with_its_posting_time():
    page = "博文\n某经开区工程机械产业产值破千亿　(2023-05-06 10:12:30)\n转载▼\n某经开区工程机械产业集群产值1068亿元。\n"
    assert [s.kind for s in find_signals(page.split("\n"))] == ["posted"]  # dated, but the headline stays
    assert dates(page) == [("2023-05-06", False)]
    assert stories(page)[0].title == "某经开区工程机械产业产值破千亿"  # the time is cut from the headline


def test_an_advert_carries_the_pages_date_only_as_inferred():
    page = EPAPER + "\n广告\n\n## 金秋购房节\n\n详询热线 0531-12345678\n"
    found = stories(page)
    assert [(s.kind, s.date, s.date_inferred) for s in found][-1] == ("advertisement", "2024-08-16", True)


def test_a_years_results_bound_the_date_with_or_without_a_comma():
    assert infer_date(["2022年区内工程机械产业集群实现产值1068亿元。"]) == PartialDate(2023, 1)
    assert infer_date(["2024年一季度实现营业收入30亿元。"]) == PartialDate(2024, 1)


def test_a_hot_list_ends_at_the_headline_under_it_and_its_source_line_dates_the_story():
    page = ("热点新闻\n·   学会召开2024年度理事... 01/22\n·   我会举办园区创新论坛... 05/06\n"
            "东湖高新区光电子信息产业营收突破6000亿元\n来源：学会秘书处　时间：2024-03-18\n"
            "3月15日，学会调研组赴东湖高新区调研。据介绍，2023年东湖高新区光电子信息产业营业收入突破6000亿元。\n")
    [story] = stories(page)
    assert (story.title, story.date, story.date_inferred) == ("东湖高新区光电子信息产业营收突破6000亿元", "2024-03-18", False)


@pytest.mark.parametrize("replies", [
    "回复　引用　举报\n2楼 2024-03-02 10:15 回复\n说得好。",
    "沙发 发表于 2024-03-02 10:15\n说得好。",
    "使用道具 举报\n江边看车 发表于 2024-03-02 10:15 | 显示全部楼层\n说得好。",
    "网友评论\n游客 2024-03-02 10:15\n说得好。",
    "精选留言\n园区观察 2024-03-02\n说得好。",
    "共3条评论\n游客 2024-03-02 10:15\n说得好。",
])
def test_the_times_of_replies_under_a_post_are_not_its_date(replies):
    post = "园区数字经济营收突破600亿元\n" + "记者日前从园区获悉，今年园区数字经济核心产业实现营业收入612亿元，同比增长11.3%。"
    assert find_signals((post + "\n" + replies).split("\n")) == []
    # the original post's own time, above its text, still dates it
    stated = "楼主 发表于 2024-03-01 09:30\n" + post + "\n" + replies
    assert [(s.line, s.when.iso()) for s in find_signals(stated.split("\n"))] == [(1, "2024-03-01")]


@pytest.mark.parametrize("footer", ["发布于：2024年12月5日　浏览量：1024", "本文发布于 2024年12月05日 09:37 ｜ 阅读 1,204",
                                    "本篇发布时间：2024-12-05 ｜ 评论 0"])
def test_a_date_only_in_the_footer_under_the_related_list_is_the_pages(footer):
    page = ("园区新增企业120家\n今年以来，园区新增科技型企业120家，同比增长15%，累计达到860家，创历史新高。\n"
            f"相关新闻\n园区举办创新大会\n园区新增两家独角兽企业\n{footer}\n")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2025, 1, 1)).stories
    assert (story.date, story.date_inferred) == ("2024-12-05", False)
    # a related item's own date stays its own
    listed = page.replace(footer, "园区召开年度大会 2024-11-02")
    [story] = process_seed(decode_seed(listed.encode("utf-8"), "page.txt"), today=date(2025, 1, 1)).stories
    assert story.date != "2024-11-02"


def test_a_minguo_date_is_read_in_the_common_era():
    from park_digest.parse.dates import DATE_RE, date_of
    assert date_of(DATE_RE.search("发布日期：113年8月16日")) == PartialDate(2024, 8, 16)
    assert DATE_RE.search("已有113年历史") is None  # a 民國 date has its month and day


@pytest.mark.parametrize("line,expected", [("播出时间：2024-09-02", "2024-09-02"), ("首播日期：2024年9月2日", "2024-09-02")])
def test_a_tv_pages_air_date_dates_it_and_its_programme_name_is_furniture(line, expected):
    page = f"《北湖新闻联播》\n\n{line}\n\n## 长春新区新签约项目86个\n\n长春新区今年前7个月新签约亿元以上项目86个，总投资达620亿元。\n"
    result = process_seed(decode_seed(page.encode("utf-8"), "tv.txt"), today=date(2025, 1, 1))
    assert [(s.title, s.date, s.date_inferred) for s in result.stories] == [("长春新区新签约项目86个", expected, False)]
    assert [(d.text, d.reason) for d in result.discarded][0] == ("《北湖新闻联播》", "programme name")


@pytest.mark.parametrize("top,expected,inferred", [
    ("https://news.example.cn/yuanqu/2024-06/12/content_118520.htm", "2024-06-12", False),
    ("网址：http://www.example.gov.cn/xwzx/202406/t20240612_88231.html", "2024-06-12", False),
    ("http://www.example.cn/20240612/a1b2.shtml", "2024-06-12", False),
    ("https://www.example.cn/news/2024/0612/0848213.html", "2024-06-12", False),
    ("https://www.example.cn/html/2024/06/12/c_5521.htm", "2024-06-12", False),
    ("https://www.example.cn/news/123456.html", None, True),  # an address with no day in it
])
def test_a_saved_pages_address_gives_its_day_when_nothing_else_does(top, expected, inferred):
    page = f"{top}\n\n## 青岛高新区新增专精特新企业32家\n\n青岛高新区近日新增省级专精特新中小企业32家，累计达到215家。\n"
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2025, 1, 1)).stories
    assert (story.title, story.date, story.date_inferred) == ("青岛高新区新增专精特新企业32家", expected, inferred)
    # a date line the page prints comes first
    page = page.replace("\n\n青岛", "\n\n发布时间：2024-06-13\n\n青岛", 1)
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2025, 1, 1)).stories
    assert story.date == "2024-06-13"


@pytest.mark.parametrize("line,expected", [
    ("转载时间：2024-06-14 08:30", "2024-06-14"), ("本文转载于2024年6月14日", "2024-06-14"),
    ("最近更新：2024-03-01 | 编辑 | 讨论", None),  # an encyclopedia entry's last edit
    ("浏览次数：8736次　编辑次数：5次历史版本　最近更新：2023-11-02", None),  # ... closing its 词条统计 line
])
def test_a_reprints_date_dates_it_a_wikis_last_edit_does_not(line, expected):
    page = f"## 青岛高新区\n{line}\n青岛高新区近日新增省级专精特新中小企业32家，累计达到215家。\n"
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2025, 1, 1)).stories
    assert story.date == expected


@pytest.mark.parametrize("line,expected", [
    ("原创 刘晓 光谷科创 2024年10月28日 19:32 湖北", "2024-10-28"),  # author, account, day, time, place
    ("浦东科创 2024年08月20日 18:05 上海", "2024-08-20"),
    ("原创 浦东科创 2024-08-20 18:05", "2024-08-20"),
])
def test_a_public_accounts_author_line_dates_the_post_and_is_furniture(line, expected):
    page = f"某某科创圈\n张江高新区前7月新增科技型企业超千家\n{line}\n今年1—7月，张江高新区新注册科技型企业1136家，同比增长21%。\n"
    result = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2025, 1, 1))
    assert [(s.date, s.date_inferred) for s in result.stories] == [(expected, False)]
    assert ("source and date line" in [d.reason for d in result.discarded])


def test_a_list_item_with_its_date_and_time_is_no_author_line():
    assert date_line_reason("某某高新区举办人才招聘会 2024-07-01 09:30") == ""
    assert date_line_reason("本帖最后由 老陈 于 2025-1-9 21:14 编辑") == ""  # a forum's edit stamp


@pytest.mark.parametrize("line,expected", [
    ("辽宁发布厅　6.2万粉丝　2025-02-18 20:14", "2025-02-18"),  # a self-media card: fans, day and time
    ("2025-03-14 11:08 发布于河南 河南日报社官方账号", "2025-03-14"),  # a news app's stamp: posted from a province
])
def test_app_and_self_media_stamps_above_the_headline_date_the_post(line, expected):
    page = f"某某资讯\n{line}\n沈抚示范区去年新增市场主体超1.3万户\n2024年，示范区新增各类市场主体13215户，同比增长12.6%。\n"
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2026, 1, 1)).stories
    assert (story.date, story.date_inferred) == (expected, False)


def test_a_documents_drafting_date_comes_after_its_publication_date():
    index = ("发布机构：某某经济技术开发区管理委员会　　成文日期：2024-05-08\n发布日期：2024-05-09　　文　　号：无\n"
             "经开区一季度高技术制造业产值增长11.8%\n今年一季度，经开区规模以上工业总产值完成1137亿元，同比增长7.2%。\n")
    assert dates(index) == [("2024-05-09", False)]
    assert dates(index.replace("发布日期：2024-05-09", "")) == [("2024-05-08", False)]  # alone, it still dates the page


def test_a_wiki_references_dates_are_their_sources():
    page = ("长春新区\n维基百科，自由的百科全书\n长春新区是国务院批准设立的国家级新区，规划面积499平方千米。\n"
            "参考文献\n^ 国务院关于同意设立长春新区的批复. 中国政府网. 2016-02-24 [2023-05-10].\n"
            "[2] 长春新区简介. 长春新区官方网站. 2023-05-10.\n")
    assert find_signals(page.split("\n")) == []
