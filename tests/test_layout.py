"""parse/layout.py and parse/furniture.py: small pages in, blocks out, one phenomenon each."""
import pytest

from park_digest.parse.normalize import normalize_line

from park_digest.parse.furniture import FurnitureDataError, load_rules
from park_digest.parse.layout import build_blocks


def roles(page: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in build_blocks(page.split("\n"))]


def kinds(page: str) -> list[str]:
    return [b.kind for b in build_blocks(page.split("\n"))]


def reasons(page: str) -> dict[str, str]:
    return {b.text: b.reason for b in build_blocks(page.split("\n")) if b.kind == "furniture"}


BODY = "今年以来，园区新增科技型企业120家，同比增长15%，累计达到860家，创历史新高。"


def test_marked_and_unmarked_headlines():
    blocks = build_blocks(["## 西安高新区新增企业120家", "", BODY, "", "新材料产业集群加速成势", BODY])
    assert [(b.kind, b.level, b.marked) for b in blocks] == [
        ("heading", 2, True), ("text", 0, False), ("heading", 0, False), ("text", 0, False)]


def test_bylines_and_captions():
    assert roles("本报记者 王婧 通讯员 孙浩\n" + BODY + "\n■园区新落成的中试车间。 赵鹏 摄") == [
        ("byline", "本报记者 王婧 通讯员 孙浩"), ("text", BODY), ("caption", "■园区新落成的中试车间。 赵鹏 摄")]


def test_a_sentence_cut_by_a_column_break_is_joined_across_a_caption():
    page = "园区今年新签约项目41个，协议总投资\n\n■签约仪式现场。\n\n326.5亿元，其中10亿元以上项目9个。"
    assert roles(page) == [("text", "园区今年新签约项目41个，协议总投资326.5亿元，其中10亿元以上项目9个。"),
                           ("caption", "■签约仪式现场。")]


def test_a_credit_after_the_last_sentence_is_lifted_out():
    blocks = build_blocks([BODY + "　记者 许诚 文/摄"])
    assert [(b.kind, b.text, b.authors) for b in blocks] == [
        ("text", BODY, ()), ("byline", "记者 许诚 文/摄", ("许诚",))]


def test_share_bar_font_controls_and_breadcrumb_above_a_story():
    page = "首页 > 新闻中心 > 园区经济\n分享到： 微信 微博 QQ空间\n【字号：大 中 小】\n## 标题在这里\n" + BODY
    assert reasons(page) == {"首页 > 新闻中心 > 园区经济": "breadcrumb", "分享到： 微信 微博 QQ空间": "share bar",
                             "【字号：大 中 小】": "print and font controls"}


def test_story_text_that_says_source_or_share_stays_text():
    page = ("## 企业分享落户经验\n" + BODY + "\n来源地看，新设项目主要来自新加坡和德国。\n"
            "分享会上，三家企业负责人介绍了各自的经验，资金来源也更加多元。")
    assert kinds(page) == ["heading", "text", "text", "text"]


def test_a_related_list_under_its_heading_and_comments_under_a_comment_box():
    page = (BODY + "\n" + BODY + "\n相关新闻\n· 西安高新区发布人才新政十条\n· 秦创原平台建设提速\n更多>>\n"
            "网友评论\n楼上说得对，外资回暖是好事。")
    found = reasons(page)
    assert found["· 西安高新区发布人才新政十条"] == found["· 秦创原平台建设提速"] == "related-story list"
    assert found["更多>>"] == "page navigation" and found["楼上说得对，外资回暖是好事。"] == "reader comment"


def test_short_lines_after_the_story_are_a_list_only_under_a_list_heading():
    # A headline printed after its story is not a related list.
    assert kinds(BODY + "\n" + BODY + "\n### 园区新增企业120家") == ["text", "text", "heading"]


def test_menu_rows_table_rows_and_copy_protection_noise():
    page = ("首页　新闻　财经　园区　房产\n国家 | 中华人民共和国 |\n" + BODY + "\n0 I7 }* {( N$ q( ]- F9 e\n" + BODY)
    assert reasons(page) == {"首页　新闻　财经　园区　房产": "menu or link row", "国家 | 中华人民共和国 |": "table row",
                             "0 I7 }* {( N$ q( ]- F9 e": "copy-protection noise"}


def test_a_byline_of_names_set_wide_apart_is_not_a_menu():
    assert kinds("## 标题在这里\n王晓明　李华　张建国\n" + BODY)[1] == "byline"


def test_markup_inside_a_story_line_is_cut_out_and_reported():
    blocks = build_blocks(["<span style=\"font-size:16px\">[font=宋体]" + BODY + "[/font]</span>[1]"])
    assert [(b.kind, b.text) for b in blocks] == [
        ("furniture", '<span style="font-size:16px">'), ("furniture", "</span>"), ("furniture", "[font=宋体]"),
        ("furniture", "[/font]"), ("furniture", "[1]"), ("text", BODY)]


def test_a_browser_title_line_and_a_second_copy_of_the_headline_go():
    page = "园区上半年营收增长12%_西部新闻网\n园区上半年营收增长12%\n2024-07-18 09:32\n园区上半年营收增长12%\n" + BODY
    assert reasons(page) == {"园区上半年营收增长12%_西部新闻网": "browser title line (repeats the headline)",
                             "2024-07-18 09:32": "source and date line", "园区上半年营收增长12%": "repeated headline"}
    assert kinds(page).count("heading") == 1


def test_a_web_headline_may_hold_a_comma():
    page = "打开APP\n滨江这家企业拿下全球首张认证，杭州高新区再添新名片\n" + BODY
    assert kinds(page) == ["furniture", "heading", "text"]


def test_an_advert_slot_among_web_banners_is_furniture_an_advert_on_a_printed_page_is_not():
    web = "0\n抱歉，我们并不支援你正使用的浏览器。\n广告\n## 园区新增港资企业300家\n" + BODY
    assert reasons(web)["广告"] == "advertisement slot label"
    printed = BODY + "\n\n广告\n\n## 栽好梧桐树\n首付两成起，咨询电话：0000-0000"
    assert "advertisement" in kinds(printed)


def test_image_file_names_counters_and_tracking_numbers():
    page = BODY + "\nIMG_2031.jpg\n点击查看大图\n1/3\n" + BODY + "\n010020070590000000000000011100001302218890"
    assert set(reasons(page).values()) == {"image file name", "click to enlarge", "page navigation", "tracking number"}


def test_a_malformed_furniture_file_names_the_entry(tmp_path):
    bad = tmp_path / "furniture.yml"
    bad.write_text("lines:\n  - {reason: x, match: 'a('}\n", encoding="utf-8")
    with pytest.raises(FurnitureDataError, match=r"furniture.yml: lines entry 1: bad pattern"):
        load_rules(bad)
    bad.write_text("lines:\n  - {reason: x, match: a, where: top}\n", encoding="utf-8")
    with pytest.raises(FurnitureDataError, match=r"lines entry 1: where must be anywhere or edge"):
        load_rules(bad)
    bad.write_text("blocks:\n  - {reason: x, match: a, runs: all}\n", encoding="utf-8")
    with pytest.raises(FurnitureDataError, match=r"blocks entry 1: runs must be prose or short"):
        load_rules(bad)


def test_a_line_with_a_script_or_an_event_handler_keeps_every_character():
    line = '■ 图为<a href="javascript:alert(1)">园区</a>夜景 周舟/摄'
    assert roles(line) == [("caption", line)]
    assert roles("<p>" + BODY + "</p>") == [("furniture", "<p>"), ("furniture", "</p>"), ("text", BODY)]
    assert kinds('# 青岛高新区<script>alert("t")</script>新闻\n' + BODY) == ["heading", "text"]


def test_a_channel_name_under_the_headline_is_a_label_not_a_byline():
    blocks = build_blocks(["园区绿色贷款余额突破800亿元", "金融",
                           "记者从园区获悉，截至3月末，园区绿色贷款余额达到812亿元，约占各项贷款余额的一半。"])
    assert [(b.kind, b.reason) for b in blocks][1] == ("furniture", "section label")
    # a bare name in the same place is still the story's byline
    blocks = build_blocks(["园区绿色贷款余额突破800亿元", "金晓",
                           "记者从园区获悉，截至3月末，园区绿色贷款余额达到812亿元，约占各项贷款余额的一半。"])
    assert blocks[1].kind == "byline"


@pytest.mark.parametrize("number", ["园管〔2025〕6号", "某政办[2024]12号", "某发【2023】3号"])
def test_a_notices_document_number_is_its_text_not_a_headline(number):
    page = f"关于开展园区科技项目申报的通知\n{number}\n各有关企业：\n{BODY}"
    assert roles(page)[:2] == [("heading", "关于开展园区科技项目申报的通知"), ("text", number)]


def test_a_numbered_section_heading_is_not_glued_to_its_text():
    assert roles(f"园区新增企业120家\n{BODY}\n一、总体要求\n{BODY}")[2] == ("heading", "一、总体要求")


@pytest.mark.parametrize("line", ["通版阅读请点击：", "当前版：A05版", "放大　缩小　默认", "展开通版", "收缩通版",
                                  "<< 上一版　下一版 >>", "▲上一版　　▼下一版", "■六安经开区“链”上发力　　>>第6版"])
def test_an_epaper_readers_navigation_is_furniture(line):
    assert roles(f"园区新增企业120家\n{line}\n{BODY}")[1][0] == "furniture"


def test_a_summary_line_that_repeats_the_lead_is_furniture():
    lead = "8月14日，园区与一家电池企业签约，投资建设年产20GWh储能电池项目。"
    found = roles(f"园区再添储能项目\n摘要：{lead}\n{lead}\n{BODY}")
    assert found[1] == ("furniture", f"摘要：{lead}") and found[2] == ("text", lead)
    # a summary that says something else stays
    assert roles(f"园区再添储能项目\n摘要：{BODY}\n{lead}")[1][0] == "text"


def test_a_public_accounts_collection_tags_and_read_on_prompt_are_furniture():
    page = ("园区新增企业120家\n收录于合集\n#经济运行 9个\n#高质量发展 26个 #园区动态 3个\n" + BODY
            + "\n请继续往下阅读...\n" + BODY.replace("120", "130") + "\n#经济运行 · 目录")
    assert [b.reason for b in build_blocks(page.split("\n")) if b.kind == "furniture"] == [
        "collection tags", "collection tags", "collection tags", "page navigation", "collection tags"]


def test_a_sites_banner_with_its_bodys_chinese_and_english_names_is_furniture():
    page = "某某高新区管理委员会 Moumou Hi-tech Zone Administrative Committee\n园区新增企业120家\n" + BODY
    assert roles(page)[0][0] == "furniture" and roles(page)[1] == ("heading", "园区新增企业120家")


def test_a_flattened_table_is_the_storys_one_paragraph_a_row():
    page = ("上半年主要指标完成情况如下：\n指标 单位 1-6月 同比增长%\n规模以上工业增加值 亿元 148.6 8.1\n"
            "固定资产投资 亿元 86.4 -3.5\n" + BODY)
    assert [b.kind for b in build_blocks(page.split("\n"))] == ["text"] * 5


@pytest.mark.parametrize("rows", [
    ["排名　经开区　地区生产总值", "1　　苏州工业园区　3686亿元", "2　　昆山经开区　2870亿元"],
    ["项目名称 | 投资额 | 产业类别", "智算中心 | 40亿元 | 数字经济", "动力电池结构件 | 28亿元 | 新能源汽车"],
])
def test_a_table_whose_cells_are_set_apart_is_the_storys_one_paragraph_a_row(rows):
    page = "部分签约项目如下：\n" + "\n".join(rows) + "\n" + BODY
    blocks = build_blocks([normalize_line(line) for line in page.split("\n")])
    assert [b.kind for b in blocks] == ["text"] * 5
    assert blocks[2].text.startswith(("1　　苏州", "智算中心 | 40亿元"))  # the rank is never glued to the name


def test_a_menu_of_links_apart_by_pipes_is_no_table():
    page = "首页 | 园区概况 | 新闻中心\n招商引资 | 政务公开 | 联系我们\n" + BODY
    assert all(b.kind == "furniture" for b in build_blocks(page.split("\n"))[:2])


def test_a_tables_header_with_its_rate_in_brackets_stays_apart_from_the_text_above():
    page = ("主要指标完成情况如下：\n指标名称 计量单位 1-6月 同比增长(%)\n规模以上工业增加值 亿元 148.6 8.1\n"
            "固定资产投资 亿元 86.4 -3.5")
    assert [b.text for b in build_blocks(page.split("\n"))][:2] == ["主要指标完成情况如下：", "指标名称 计量单位 1-6月 同比增长(%)"]


def test_a_news_apps_and_a_self_media_accounts_author_cards_are_furniture():
    page = ("## 园区营收突破千亿\n潮汐新闻 发布于 安徽\n潮汐新闻记者 | 孙倩\n" + BODY
            + "\n财经观察站\n2.3万粉丝 · 优质财经领域创作者")
    found = build_blocks(page.split("\n"))
    assert reasons(page)["潮汐新闻 发布于 安徽"] == "author card"
    assert reasons(page)["2.3万粉丝 · 优质财经领域创作者"] == "author card"
    assert [b.authors for b in found if b.kind == "byline"] == [("孙倩",)]
    # a sentence that says where something was released stays text
    assert kinds("## 标题\n" + BODY + "\n该报告发布于上海，全文共分五个部分。")[-1] == "text"


def test_a_table_set_one_cell_per_line_is_folded_into_rows_with_its_source_note():
    page = ("上半年主要指标\n园区\n营业收入（亿元）\n同比增长（%）\n东湖高新区\n6120.5\n12.4\n襄阳高新区\n1630.2\n-8.1\n"
            "数据来源：省科技厅\n" + BODY)
    blocks = build_blocks(page.split("\n"))
    rows = [(b.kind, b.text, b.parts) for b in blocks[1:5]]
    assert rows == [("text", "园区\u3000营业收入（亿元）\u3000同比增长（%）", (2, 3, 4)),
                    ("text", "东湖高新区\u30006120.5\u300012.4", (5, 6, 7)),
                    ("text", "襄阳高新区\u30001630.2\u3000-8.1", (8, 9, 10)),
                    ("text", "数据来源：省科技厅", (11,))]
    assert blocks[1].span == (2, 4) and blocks[-1].text == BODY
    # one row is no table: the lines stay as they are
    assert len(build_blocks("园区\n营业收入（亿元）\n同比增长（%）\n东湖高新区\n6120.5\n12.4".split("\n"))) > 2


@pytest.mark.parametrize("header", ["江城日报 A6 · 东湖高新区专版", "临江晚报 第5版 要闻", "《园区周报》第3版"])
def test_a_page_header_naming_the_paper_and_its_page_without_a_date_is_furniture(header):
    assert reasons(f"{header}\n本报讯 {BODY}")[header] == "page header"


def test_a_sentence_naming_a_paper_and_its_page_stays_text():
    line = "人民日报第3版刊发文章，介绍园区科技型企业的成长经验和做法。"
    assert roles(f"园区新增企业120家\n{BODY}\n{line}")[2] == ("text", line)


def test_page_credits_set_with_spaces_and_after_an_advert_are_furniture_not_the_adverts():
    page = f"本报讯 {BODY}\n第3版\n品质家居 焕新生活\n家居博览会 8月23日至25日\n咨询热线：0379-00000000\n本版编辑 李霞  校对 王丽"
    blocks = build_blocks(page.split("\n"))
    assert [(b.kind, b.in_ad) for b in blocks[-4:]] == [("text", True)] * 3 + [("furniture", False)]
    assert blocks[-1].reason == "editor credit line"


def test_an_editors_note_label_on_its_own_line_is_the_storys():
    page = f"上一版  下一版\n编者按\n今年起本报推出园区一线系列报道，记录园区企业的新变化。\n园区新增企业120家\n本报讯 {BODY}"
    assert roles(page)[1] == ("heading", "编者按")


@pytest.mark.parametrize("line", ["9　园区　责任编辑：方圆　联系电话：0552-0000000", "本版责任编辑：孙文　　美术编辑：李晴"])
def test_a_printed_pages_running_head_and_credits_are_furniture(line):
    assert roles(f"{line}\n园区新增企业120家\n本报讯 {BODY}")[0][0] == "furniture"


def test_a_station_card_counters_an_app_prompt_and_a_topic_line_are_furniture():
    page = "\n".join(["#高新区一季度成绩单#", "头条 首页 > 话题", "高新区一季度新增企业120家", "江苏记者站 | 关注",
                      BODY, "打开某某新闻 查看精彩图片", "阅读 1.2万 · 讨论 86", "评论 3 ｜ 点赞 25"])
    found = reasons(page)
    assert found["江苏记者站 | 关注"] == "author card" and found["打开某某新闻 查看精彩图片"] == "app banner"
    assert found["阅读 1.2万 · 讨论 86"] == found["评论 3 ｜ 点赞 25"] == "counter"
    assert found["#高新区一季度成绩单#"] == "collection tags" and found["头条 首页 > 话题"] == "breadcrumb"
    page = "\n".join(["园区新增企业120家", BODY, "新浪财经 3小时前 · 12评论", BODY.replace("120", "130"), "2.3万阅读 · 140讨论"])
    assert reasons(page) == {"新浪财经 3小时前 · 12评论": "source and date line", "2.3万阅读 · 140讨论": "counter"}
    # a headline that ends on 关注 is no card, nor a sentence that counts readers
    assert "科技创新成果引关注" not in reasons("科技创新成果引关注\n" + BODY)


def test_an_encyclopedias_references_categories_and_review_line_are_furniture():
    page = "\n".join(["鹤壁经济技术开发区", BODY, "参考资料",
                      "1. 开发区概况 .鹤壁经开区管委会[引用日期2024-06-02]", "词条标签：", "地理 , 经济",
                      "本词条由“某某百科”科学词条编写项目 审核 。"])
    found = reasons(page)
    assert len(found) == 5 and BODY not in found
