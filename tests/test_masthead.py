"""What stands above a web story's first paragraph (parse/masthead.py and the rules around it):
an account's name over its card, a site's banner over its menus, a question headline, a reprint
prefix, a park's 【section】 under the headline; and below it, summary cards, infobox cards,
forum labels and tables with bare values. Small pages in our own words."""
from park_digest.parse.layout import build_blocks
from park_digest.parse.segment import segment_blocks

LEAD = "今年上半年，绵阳高新区电子信息产业实现产值312亿元，同比增长13.6%，新增规上企业14家。"
MORE = "园区还引进重大产业项目18个，总投资超过260亿元，其中外资项目5个，带动就业1.2万人。"


def blocks(page: str):
    return build_blocks(page.split("\n"))


def reason(page: str, text: str) -> str:
    """The furniture reason of the block holding `text` ("" when it is not furniture)."""
    block = next(b for b in blocks(page) if text in b.text)
    return block.reason if block.kind == "furniture" else ""


def titles(page: str) -> list:
    drafts, _ = segment_blocks(blocks(page))
    return [d.title for d in drafts]


def test_an_account_name_over_its_fans_card_or_follow_button_is_no_headline():
    for card in ("1.1万粉丝 · 财经领域创作者", "+关注", "关注　粉丝 1.2万"):
        page = f"绵阳产业札记\n{card}\n绵阳高新区电子信息产业产值增长13.6%\n{LEAD}\n{MORE}"
        assert reason(page, "绵阳产业札记") == "author card"
        assert titles(page) == ["绵阳高新区电子信息产业产值增长13.6%"]


def test_a_headline_over_an_author_card_stays_the_headline():
    page = f"绵阳高新区电子信息产业产值增长13.6%\n界面新闻 发布于 四川\n{LEAD}\n{MORE}"
    assert titles(page) == ["绵阳高新区电子信息产业产值增长13.6%"]


def test_the_site_banner_over_its_menu_or_breadcrumb_is_the_sites():
    page = (f"四川省科学技术厅\n首页 > 科技动态 > 园区建设\n绵阳高新区电子信息产业产值增长13.6%\n"
            f"发布单位：高新处\n{LEAD}\n{MORE}")
    assert reason(page, "四川省科学技术厅") == "site name"
    assert titles(page) == ["绵阳高新区电子信息产业产值增长13.6%"]
    micro = f"微博\n首页  发现  游戏  登录\n绵阳科技城发布\n【绵阳高新区电子信息产业产值增长13.6%】#绵阳高新区# {LEAD}"
    assert reason(micro, "微博") == "site name" and reason(micro, "绵阳科技城发布") == "outlet name"
    assert titles(micro) == ["绵阳高新区电子信息产业产值增长13.6%"]


def test_a_headline_over_a_share_menu_is_no_banner():
    page = f"绵阳高新区电子信息产业产值增长13.6%\n微信  微博  QQ空间\n{LEAD}\n{MORE}"
    assert titles(page) == ["绵阳高新区电子信息产业产值增长13.6%"]


def test_a_headline_may_end_on_a_question_or_an_exclamation():
    for headline in ("国家级新区半年报：谁跑得更快？", "绵阳高新区上半年“成绩单”来了！"):
        page = f"首页 > 宏观 > 区域\n{headline}\n2024/08/12 07:45\n{LEAD}\n01 主要指标\n{MORE}"
        assert titles(page) == [headline]


def test_a_reprint_prefix_is_no_part_of_the_headline():
    for prefix in ("转载｜", "转载|", "【转】", "[转载]"):
        page = f"{prefix}绵阳高新区电子信息产业产值增长13.6%\n2024-05-21 17:40 四川\n{LEAD}\n{MORE}"
        assert titles(page) == ["绵阳高新区电子信息产业产值增长13.6%"], prefix


def test_a_parks_bracketed_section_under_the_headline_leaves_the_headline():
    page = ("南宁高新区 · 柳州高新区 两大园区重点产业招商\n发布时间：2024-09-03\n【南宁高新技术产业开发区】\n"
            f"{LEAD}\n【柳州高新技术产业开发区】\n{MORE}")
    assert titles(page) == ["南宁高新区 · 柳州高新区 两大园区重点产业招商"]


def test_a_summary_card_before_the_full_text_is_the_cards():
    headline = "绵阳高新区电子信息产业产值增长13.6%"
    page = (f"{headline}\n摘要：绵阳高新区电子信息产业上半年产值超过300亿元。\n来源：绵阳日报 | 2024-07-05\n"
            f"{headline}\n{LEAD}\n{MORE}")
    assert reason(page, "摘要") == "summary card"
    digest = f"{headline}\n{headline}。今年上半年，绵阳高新区电子信息产业……\n展开\n{LEAD}\n{MORE}"
    assert reason(digest, "……") == "summary card" and reason(digest, "展开") == "page navigation"
    assert reason(f"{headline}\n摘要：园区严禁新上高耗能项目，另设人才专项资金。\n{LEAD}\n{MORE}", "摘要") == ""


def test_an_infobox_glued_on_one_line_letter_spaced_rows_and_wiki_buttons():
    page = ("漳州高新技术产业开发区\n收藏 3 有用+1 1\n播报 讨论 上传视频\n"
            "漳州高新技术产业开发区是经国务院批准设立的国家级高新区，位于漳州市区西南部。\n"
            "中文名 漳州高新技术产业开发区 外文名 Zhangzhou Hi-tech Zone 所属地区 福建省漳州市 主导产业 光电\n"
            "规划面积 约102平方公里\n发展历程 编辑 播报\n" + MORE)
    assert reason(page, "收藏") == reason(page, "上传视频") == "wiki buttons"
    assert reason(page, "中文名") == reason(page, "规划面积") == "encyclopedia infobox row"
    assert any(b.kind == "heading" and b.text == "发展历程" for b in blocks(page))
    rows = ("晋江经济开发区\n晋江经济开发区是省级经济开发区，位于泉州市晋江市。\n中文名 晋江经济开发区\n"
            "批准时间 1992年\n面    积 约16.8平方公里\n主导产业 纺织服装、鞋业\n" + MORE)
    assert reason(rows, "面    积") == reason(rows, "主导产业") == "encyclopedia infobox row"


def test_a_forum_labels_value_on_the_next_line_is_the_labels():
    page = f"标题:\n绵阳高新区电子信息产业产值增长13.6%\n作者:\n涪江老王\n时间:\n2024-7-26 21:14\n{LEAD}\n{MORE}"
    assert reason(page, "涪江老王") == "author line"
    assert titles(page) == ["绵阳高新区电子信息产业产值增长13.6%"]
    empty = f"发布日期：\n编者按\n{LEAD}\n绵阳高新区电子信息产业产值增长13.6%\n本报讯 {MORE}"
    assert reason(empty, "编者按") == ""  # an empty date field over the editor's note


def test_a_pictures_source_is_its_caption_a_chart_data_note_is_the_sites():
    page = f"绵阳高新区电子信息产业产值增长13.6%\n图片来源：绵阳高新区管委会\n{LEAD}\n{MORE}\n（本文图表数据来源：绵阳市统计局）"
    found = {b.text: b.kind for b in blocks(page)}
    assert found["图片来源：绵阳高新区管委会"] == "caption"
    assert reason(page, "本文图表数据来源") == "source and date line"


def test_a_table_with_bare_values_under_a_column_that_names_its_unit_is_the_storys():
    page = (f"绵阳高新区签约项目12个\n{LEAD}\n序号　项目名称　总投资（亿元）\n1　高端膜材料项目　28\n"
            f"2　生物医药中试基地项目　15.5\n3　氢能装备产业园项目　20\n{MORE}")
    kinds = [(b.kind, b.text[:2]) for b in blocks(page)]
    assert kinds[2:6] == [("text", "序号"), ("text", "1\u3000"), ("text", "2\u3000"), ("text", "3\u3000")]


def test_a_short_caption_under_the_last_paragraph_is_the_storys():
    page = f"绵阳高新区电子信息产业产值增长13.6%\n{LEAD}\n{MORE}\n▲ 签约仪式\n阅读原文"
    found = {b.text: b.kind for b in blocks(page)}
    assert found["▲ 签约仪式"] == "caption"


def test_a_byline_printed_over_a_web_headline_is_that_storys():
    page = f"首页 > 新闻中心\n本报记者 钱晓峰 通讯员 周宁\n绵阳高新区电子信息产业产值增长13.6%\n2024-07-22 08:40　来源：绵阳日报\n{LEAD}\n{MORE}"
    drafts, discarded = segment_blocks(blocks(page))
    assert [(d.title, d.authors) for d in drafts] == [("绵阳高新区电子信息产业产值增长13.6%", ["钱晓峰", "周宁"])]
    assert not [d for d in discarded if d.reason == "byline with no story"]


def test_a_long_question_headline_under_a_business_outlets_name_and_over_its_reporter():
    headline = "国家级新区上半年成绩单出炉：哪些新区跑出了加速度？"  # long enough to pass for a paragraph
    page = f"第一财经\n{headline}\n第一财经记者 | 张三\n{LEAD}\n{MORE}"
    drafts, _ = segment_blocks(blocks(page))
    assert [(d.title, d.authors) for d in drafts] == [(headline, ["张三"])]
    assert reason(page, "第一财经") == "outlet name"


def test_a_short_headline_over_a_news_apps_posted_from_card_stays_the_headline():
    page = f"光谷再添新地标\n界面新闻 发布于 湖北\n{LEAD}\n{MORE}"
    assert titles(page) == ["光谷再添新地标"]


def test_a_paragraph_a_mobile_page_cuts_off_before_its_fold_stays_the_storys():
    cut = "园区先后引进多个光学镜头和激光器项目，产业链条不断延伸……"
    page = f"绵阳高新区电子信息产业产值增长13.6%\n{LEAD}\n{cut}\n展开全文\n{MORE}"
    assert reason(page, cut) == ""
