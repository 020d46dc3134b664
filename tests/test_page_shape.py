"""parse/shape.py: furniture told by its shape and place, on small pages of sites whose words
furniture.yml does not know (the lines use words no entry lists)."""
from park_digest.parse.layout import build_blocks
from park_digest.parse.segment import segment_blocks
from park_digest.parse.furniture import PageLine, page_reasons

BODY = "今年以来，园区新增科技型企业120家，同比增长15%，累计达到860家，创历史新高。"
MORE = "园区还引进重大产业项目18个，总投资超过260亿元，其中外资项目5个，带动就业1.2万人。"


def blocks(page: str):
    return build_blocks(page.split("\n"))


def roles(page: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text if b.kind != "furniture" else b.reason) for b in blocks(page)]


def stories(page: str):
    drafts, _ = segment_blocks(blocks(page))
    return [(d.title, [i.text for i in d.body]) for d in drafts]


def test_a_ticker_of_other_headlines_run_together_with_wide_spaces():
    page = "新游戏将于下月推出   新款手机登场，上手秘诀   流媒体服务月底上线\n园区新增企业120家\n" + BODY
    assert roles(page) == [("furniture", "row of other headlines"), ("heading", "园区新增企业120家"), ("text", BODY)]


def test_a_headline_in_two_parts_is_no_ticker():
    page = "园区新增企业120家 总投资260亿元\n" + BODY
    assert roles(page)[0] == ("heading", "园区新增企业120家 总投资260亿元")


def test_a_label_with_keywords_and_a_line_of_labelled_codes():
    page = ("园区产业集聚的经验\n【提要】" + BODY + "\n【主题词】产业集群 创新 园区 城市\n"
            "【分类号】F127 【文章编号】1002-1234\n" + MORE)
    found = roles(page)
    assert found[2] == found[3] == ("furniture", "label and keyword list")
    assert found[1][0] == "text" and found[4] == ("text", MORE)


def test_a_column_tag_over_a_headline_in_two_parts_stays_the_headline():
    page = "【视频】园区新增企业120家 外资项目落地提速\n" + BODY
    assert ("heading", "园区新增企业120家 外资项目落地提速") in roles(page)


def test_a_line_without_chinese_among_the_banners_is_the_sites():
    page = "Menu Search Login\n园区新增企业120家\n" + BODY
    assert roles(page) == [("furniture", "interface text (no Chinese)"), ("heading", "园区新增企业120家"), ("text", BODY)]


def test_a_channel_name_under_the_headline_goes_a_byline_stays():
    assert roles("创新驱动再提速\n科创观察\n" + BODY)[1] == ("furniture", "channel or outlet label")
    assert roles("园区新增企业120家\n本报记者 王婧\n" + BODY)[1] == ("byline", "本报记者 王婧")


def test_short_lines_below_the_last_paragraph_are_the_sites():
    page = BODY + "\n" + MORE + "\n写下你的看法\n请先登录，再参与讨论\n"
    assert roles(page)[2:] == [("furniture", "short line below the story")] * 2


def test_one_short_line_after_an_editor_credit_is_the_sites():
    page = "园区新增企业120家\n" + BODY + "\n" + MORE + "\n（责任编辑：王明）\n热门图集"
    assert roles(page)[-1] == ("furniture", "short line below the story")


def test_a_headline_set_right_after_its_story_stays():
    assert roles(BODY + "\n" + MORE + "\n园区新增企业120家")[-1][0] != "furniture"


def test_a_short_last_sentence_stays_a_labelled_notice_goes():
    page = "园区新增企业120家\n" + BODY + "\n园区现有企业860家。\n"
    assert roles(page)[-1] == ("text", "园区现有企业860家。")
    page = "园区新增企业120家\n" + BODY + "\n提醒：市场有风险，投资需谨慎。\n"
    assert roles(page)[-1] == ("furniture", "short line below the story")


def test_a_list_the_last_paragraph_announces_with_a_colon_stays():
    page = "园区获批升级\n" + BODY + "\n同批获批的还有：\n甲市高新区\n乙市高新区\n关注我们，了解更多"
    kept = [text for kind, text in roles(page) if kind != "furniture"]
    assert kept[-2:] == ["甲市高新区", "乙市高新区"] and roles(page)[-1][0] == "furniture"


def test_an_advert_under_its_label_below_the_story_stays_an_advert():
    page = BODY + "\n" + MORE + "\n（广告）\n某楼盘　首付两成起　咨询电话：0000-80000000"
    assert [kind for kind, _ in roles(page)][-2:] == ["advertisement", "text"]


def test_short_items_each_with_a_time_stamp_below_a_story_are_links():
    page = ("园区新增企业120家\n" + BODY + "\n-\n三分钟学会用手机开户，费率低！\n2025-12-01 09:54\n-\n"
            "专属客户经理有多重要？\n2025-12-01 10:02")
    found = dict((text, kind) for kind, text in roles(page) if kind != "furniture")
    assert "三分钟学会用手机开户，费率低！" not in found and "专属客户经理有多重要？" not in found
    assert [t for t, _ in stories(page)] == ["园区新增企业120家"]


def test_an_editor_credit_ends_a_story_the_next_one_runs_on_untitled():
    page = "园区新增企业120家\n" + BODY + "\n编辑:王明\n" + MORE
    assert stories(page) == [("园区新增企业120家", [BODY]), (None, [MORE])]


def test_an_editor_credit_glued_to_the_last_sentence_ends_nothing():
    page = "园区新增企业120家\n" + BODY + "（编辑：王明）\n" + MORE
    assert len(stories(page)) == 1


def test_a_story_run_on_untitled_under_an_editor_credit_is_dated_with_the_page_the_first_is_an_article():
    from datetime import date

    from park_digest.model import Seed
    from park_digest.parse.pipeline import process_seed

    page = ["园区新增企业120家", "2026年03月22日 16:05", BODY, "", MORE, "编辑:王明",
            "老城一间商店昨晚发生盗窃案，一名男子偷走3件衣服后逃去，警方正在追查。"]
    result = process_seed(Seed("p.txt", "", "hans", "utf-8", page, page), today=date(2026, 4, 1))
    first, second = result.stories
    assert (first.kind, first.date, first.date_inferred) == ("article", "2026-03-22", False)
    assert (second.title, second.kind, second.date, second.date_inferred) == (None, "brief", "2026-03-22", True)


def test_tags_below_the_story_go_a_labelled_list_between_its_paragraphs_stays():
    assert roles("园区新增企业120家\n" + BODY + "\n看点：园区 投资 签约 企业")[-1] == ("furniture", "label and keyword list")
    page = "园区新增企业120家\n" + BODY + "\n主导产业：电子信息 生物医药 新材料\n" + MORE
    assert ("furniture", "label and keyword list") not in roles(page)


def test_the_headline_is_the_line_that_says_what_the_lead_says():
    lead = "今年前三季度，郑州航空港区完成进出口总额4200亿元，同比增长15%，占全省比重超过六成。"
    page = "郑州航空港区前三季度进出口总额增长15%\n航空港区融媒体\n" + lead + "\n" + MORE
    assert [t for t, _ in stories(page)] == ["郑州航空港区前三季度进出口总额增长15%"]
    assert roles(page)[1] == ("furniture", "line between the headline and the story")
    page = "青岛西海岸新区签约23个重点项目\n海报新闻记者 王强 报道\n" + \
        "10月20日，青岛西海岸新区举行重点项目集中签约仪式，23个项目总投资达460亿元。\n" + MORE
    assert [t for t, _ in stories(page)] == ["青岛西海岸新区签约23个重点项目"]


def test_a_kicker_over_the_headline_and_a_salutation_under_it_stay():
    lead = "今年前三季度，郑州航空港区完成进出口总额4200亿元，同比增长15%，占全省比重超过六成。"
    page = "奋力推动高质量发展\n郑州航空港区前三季度进出口总额增长15%\n" + lead
    assert [t for t, _ in stories(page)] == ["郑州航空港区前三季度进出口总额增长15%"]
    page = "关于申报2025年度园区科技项目的通知\n各有关企业：\n为支持园区企业开展科技创新，现将2025年度科技项目申报工作通知如下。"
    assert roles(page)[1][1].startswith("各有关企业：为支持")


def test_one_line_right_under_the_story_that_does_not_say_what_it_says_is_the_sites():
    assert roles("园区新增企业120家\n" + BODY + "\n以上就是今天的全部内容")[-1] == ("furniture", "short line below the story")


CHANNEL = ("南京江北新区集成电路产业营收增长21%\n2024-06-12\n今年前5个月，南京江北新区集成电路产业实现营收320亿元，同比增长21%。\n\n"
           "无锡高新区新增专精特新企业46家\n2024-06-11\n无锡高新区近日公布，今年新增国家级专精特新企业46家。\n\n"
           "常州经开区获批省级智能制造示范区\n2024-06-10\n常州经开区日前获批省级智能制造示范区，全区智能工厂达到28家。")


def test_a_channel_page_of_headline_date_and_text_items_is_one_story_each():
    assert [t for t, _ in stories(CHANNEL)] == [
        "南京江北新区集成电路产业营收增长21%", "无锡高新区新增专精特新企业46家", "常州经开区获批省级智能制造示范区"]
    # under an opening paragraph too: items with text under their date are stories, not links
    assert len(stories(BODY + "\n\n" + CHANNEL)) == 4


def test_a_notices_signature_and_date_stay_in_the_notice():
    page = ("关于开展园区科技项目申报的通知\n各有关企业：\n" + BODY + "\n" + MORE + "\n园区管委会办公室\n2024年6月12日")
    assert [t for t, _ in stories(page)] == ["关于开展园区科技项目申报的通知"]


def test_an_advert_slot_between_two_paragraphs_of_a_web_story_goes_the_story_goes_on():
    page = ("园区新增企业120家\n2024年10月25日 09:12　某某网\n" + BODY + "\n广告\n某品牌新车 限时优惠 立即预约\n" + MORE
            + "\n本文仅代表作者观点")
    assert stories(page) == [("园区新增企业120家", [BODY, MORE])]
    assert roles(page)[3:5] == [("furniture", "advertisement slot label"), ("furniture", "advertisement inside a web story")]


def test_an_outlets_name_over_an_untitled_excerpt_is_no_headline():
    assert stories("金台资讯\n\n" + BODY + "\n" + MORE) == [(None, [BODY, MORE])]
    # a short headline that shares a word with its story stays
    assert [t for t, _ in stories("园区新增企业报\n" + BODY + "\n" + MORE)] == ["园区新增企业报"]


def test_a_last_paragraph_that_lost_its_full_stop_stays():
    cut = "园区相关负责人表示，下一步将加快推进重大项目建设，力争全年新增规上企业50家以上，固定资产投资增长10%"
    assert roles("园区新增企业120家\n" + BODY + "\n" + cut + "\n猜猜你喜欢的\n点我看更多")[2] == ("text", cut)


def test_an_accounts_name_above_a_headline_that_opens_on_a_figure_is_furniture():
    page = "园区发布\n120家！园区新增科技型企业创新高，累计达到860家\n2024-06-12 18:02 宣传办 园区发布\n" + BODY + "\n" + MORE
    assert stories(page) == [("120家！园区新增科技型企业创新高，累计达到860家", [BODY, MORE])]
    # alone above its story, a headline ending on 发布 stays the headline
    assert [t for t, _ in stories("园区科技型企业名单发布\n" + BODY + "\n" + MORE)] == ["园区科技型企业名单发布"]


def test_a_post_with_its_headline_in_brackets_takes_it_as_title_under_the_outlets_name():
    page = "园区新闻网\n2024年6月12日 16:45 来自 微博网页版\n【园区新增科技型企业120家】" + BODY
    assert stories(page) == [("园区新增科技型企业120家", [BODY])]
    # a 【…讯】 dateline is no headline
    assert stories("【园区融媒体中心讯】" + BODY) == [(None, ["【园区融媒体中心讯】" + BODY])]


def test_an_encyclopedias_infobox_rows_are_furniture_and_its_entry_name_the_title():
    lead = "某某经济技术开发区位于某某市东部，1992年设立，2012年升格为国家级经济技术开发区。"
    page = ("某某经济技术开发区\n某省某市的国家级经济技术开发区\n" + lead + "\n中文名 某某经济技术开发区\n"
            "外文名 Moumou Economic and Technological Development Zone\n批准时间 2012年\n面积 约16.8平方公里\n"
            "历史沿革\n" + BODY)
    found = roles(page)
    assert found[3:7] == [("furniture", "encyclopedia infobox row")] * 4
    assert stories(page) == [("某某经济技术开发区", ["某省某市的国家级经济技术开发区", lead, "历史沿革", BODY])]


def test_key_value_lines_without_an_entry_name_row_stay_text():
    page = "园区新增企业120家\n" + BODY + "\n主导产业 电子信息\n批准时间 2012年\n面积 约16.8平方公里\n" + MORE
    assert all(kind != "furniture" for kind, _ in roles(page))
    # a kicker over a headline whose lead does not define it stays a kicker
    assert stories("某某经济技术开发区\n园区新增企业120家\n" + BODY)[0][0] == "园区新增企业120家"


def test_a_press_releases_boilerplate_and_media_contacts_are_the_issuers():
    about = "某某科技有限公司成立于2015年，总部位于中国苏州，专注于传感器的研发与制造，员工逾800人。"
    page = ("某某科技园区新厂投产\n" + BODY + "\n" + MORE + "\n\n关于某某科技\n" + about + "\n\n前瞻性声明\n"
            "本新闻稿包含的前瞻性陈述基于公司目前的预期，实际结果可能与之存在重大差异。\n\n媒体联系人：\n王女士\n"
            "电话：+86-512-6288-0000\n\n媒体联系人：李先生 电话：010-6000-0000")
    assert stories(page) == [("某某科技园区新厂投产", [BODY, MORE])]
    found = roles(page)
    assert {r for _, r in found[3:]} == {"press-release boilerplate", "media contact"}
    # a heading 关于… over a paragraph that does not open on its name is the story's
    other = "园区将在三年内建成一批共性技术平台，企业研发投入年均增长10%以上。"
    assert stories("园区新增企业120家\n" + BODY + "\n关于下一步\n" + other)[0][1] == [BODY, "关于下一步", other]


def test_a_forum_printable_view_takes_its_headline_from_the_title_row():
    page = "园区论坛 - 打印版\n标题: 园区新增科技型企业120家\n作者: 园区观察员    时间: 2025-7-10 09:32\n" + BODY + "\n" + MORE
    assert stories(page) == [("园区新增科技型企业120家", [BODY, MORE])]


def test_an_issuers_name_over_a_statistics_period_headline():
    page = "园区管理委员会\n2025年1-5月主要经济指标\n发布时间：2025-06-20\n" + BODY + "\n" + MORE
    assert stories(page) == [("2025年1-5月主要经济指标", [BODY, MORE])]


def test_a_follow_button_and_a_hashtag_are_no_headline():
    page = "园区发布\n关注\n园区新增科技型企业创新高，累计达到860家\n园区发布 2025年03月18日 17:30\n" + BODY
    assert stories(page) == [("园区新增科技型企业创新高，累计达到860家", [BODY])]
    post = "园区发布\n5月8日 09:12 来自 iPhone客户端\n#园区# 【园区4个项目集中开工 总投资38亿元】" + BODY
    assert stories(post) == [("园区4个项目集中开工 总投资38亿元", [BODY])]


def test_a_site_notice_at_the_edge_of_the_story_is_judged_by_shape_not_by_its_words():
    para = "记者从园区获悉，前三季度，园区规模以上工业总产值同比增长11.6%，新增规上工业企业37家。"
    more = "园区负责人介绍，下一步将围绕整车及零部件配套开展精准招商，力争全年产值增速保持在两位数。"
    notice = "为向您提供更好的浏览体验，本站会记录您的部分访问信息，继续使用即视为您已知悉并同意，详情请阅读本站隐私条款。"
    reasons = page_reasons([PageLine(t, 0) for t in ["园区产值增长11.6%", notice, para, more]])
    assert reasons[1] and not any(reasons[2:])
    # a quotation that speaks to the reader is the story's
    quote = "“欢迎您来园区投资兴业，我们一定做好服务。”一位企业负责人在座谈会上这样说道。"
    assert not any(page_reasons([PageLine(t, 0) for t in ["园区产值增长11.6%", para, quote]])[1:])


def test_a_notices_closing_formula_and_signature_stay_with_it_and_its_publication_date_holds():
    from park_digest.parse.pipeline import process_seed
    from park_digest.parse.read import decode_seed
    page = ("关于公布园区科技型中小企业名单的通知\n发布日期：2025-05-08　来源：科技创新局\n园管发[2025]18号\n各有关单位：\n"
            + BODY + "\n特此通知。\n附件：名单.xls\n绵阳高新区管委会\n2025年5月7日")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "notice.txt")).stories
    assert [i.text for i in story.body][-2:] == ["特此通知。", "绵阳高新区管委会"]
    assert story.park.name_zh == "绵阳高新区" and story.date == "2025-05-08"


def test_an_epapers_list_of_the_pages_headlines_leaves_each_headline_over_its_story():
    page = ("园区新增科技型企业120家\n园区引进重大产业项目18个\n\n园区新增科技型企业120家\n本报讯 " + BODY
            + "\n\n园区引进重大产业项目18个\n本报讯 " + MORE)
    assert [t for t, _ in stories(page)] == ["园区新增科技型企业120家", "园区引进重大产业项目18个"]


def test_an_officials_welcome_at_the_end_of_a_story_is_not_a_site_notice():
    para = "记者从园区获悉，前三季度，园区规模以上工业总产值同比增长11.6%，新增规上工业企业37家。"
    welcome = "“欢迎您到这里来，我们将提供最好的服务，使您满意、让您放心。”管委会主任在推介会上表示，同意签约的客商已有二十余家。"
    assert not any(page_reasons([PageLine(t, 0) for t in ["园区产值增长11.6%", para, welcome]])[1:])


def test_an_infobox_with_keys_and_values_on_lines_of_their_own_and_the_wiki_buttons():
    lead = "某某经济技术开发区位于某某市东部，1992年设立，是国家级经济技术开发区。"
    page = ("某某经济技术开发区\n" + lead + "\n中文名\n某某经济技术开发区\n外文名\nMoumou Development Zone\n"
            "批准时间\n1992年\n发展历程\n播报\n编辑\n" + BODY)
    assert stories(page) == [("某某经济技术开发区", [lead, "发展历程", BODY])]
    # two key-value pairs are not yet a card
    assert len(stories("园区新增企业120家\n" + BODY + "\n中文名\n某某园区\n面积\n10平方公里\n" + MORE)[0][1]) > 2


def test_an_entry_whose_lead_names_it_with_its_city_first_keeps_its_title():
    lead = "某市融侨经济技术开发区位于某市东部，1992年设立，是国家级经济技术开发区。"
    page = "融侨经济技术开发区\n某省的国家级经济技术开发区\n" + lead + "\n" + BODY
    assert stories(page)[0][0] == "融侨经济技术开发区"


def test_a_related_headline_in_question_form_under_the_story_is_not_its_last_sentence():
    for below in (["港商北上投資 灣區哪裏最吸引？"], ["湾区哪里最吸引港商？", "河套合作区科研楼宇陆续交付"]):
        page = "## 园区新增企业120家\n" + BODY + "\n" + MORE + "\n\n" + "\n".join(below) + "\n\n责任编辑：陈嘉欣"
        assert stories(page) == [("园区新增企业120家", [BODY, MORE])]
    # a story that closes on its own question keeps it
    page = "## 园区新增企业120家\n" + BODY + "\n" + MORE + "\n下一步园区如何发力？\n\n责任编辑：陈嘉欣"
    assert stories(page)[0][1][-1] == "下一步园区如何发力？"
