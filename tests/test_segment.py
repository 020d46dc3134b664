"""parse/segment.py: small pages in, stories out (title, span, kind, authors), one phenomenon each."""
from park_digest.parse.layout import build_blocks
from park_digest.parse.segment import segment_blocks

BODY = "今年以来，园区新增科技型企业120家，同比增长15%，累计达到860家，创历史新高。"
MORE = "下一步，园区将继续优化营商环境，力争全年新增规上工业企业100家以上，推动产业集群发展。"


def stories(page: str, alone: bool = False):
    drafts, discarded = segment_blocks(build_blocks(page.split("\n")))
    return [(d.title, d.span, d.kind(alone)) for d in drafts], discarded


def test_headline_byline_and_body_make_one_story_with_its_authors():
    drafts, _ = segment_blocks(build_blocks(["## 园区新增企业120家", "本报记者 王婧 通讯员 孙浩", BODY, MORE]))
    assert len(drafts) == 1 and drafts[0].title == "园区新增企业120家"
    assert drafts[0].authors == ["王婧", "孙浩"] and drafts[0].span == (1, 4)


def test_a_headline_before_a_news_opener_starts_the_next_story():
    page = "## 第一条消息\n\n本报讯 " + BODY + "\n\n## 第二条消息\n\n本报讯 " + MORE
    assert stories(page)[0] == [("第一条消息", (1, 3), "brief"), ("第二条消息", (5, 7), "brief")]


def test_a_web_pages_author_field_is_furniture_whose_names_are_the_storys_authors():
    drafts, discarded = segment_blocks(build_blocks(["园区新增企业120家", "2025-04-10 08:15 来源：某某网", "作者：张道正", BODY, MORE]))
    assert [(d.title, d.authors) for d in drafts] == [("园区新增企业120家", ["张道正"])]
    assert ("作者：张道正", "author line") in [(d.text, d.reason) for d in discarded]


def test_a_headline_printed_after_its_story():
    page = BODY + "\n" + MORE + "\n\n### 园区新增企业120家"
    assert stories(page)[0] == [("园区新增企业120家", (1, 4), "brief")]


def test_a_page_that_sets_every_headline_after_its_story():
    page = ("本报讯 " + BODY + "\n园区签约项目集中开工\n\n■开工现场。\n\n本报讯 " + MORE + "\n园区企业获评小巨人\n"
            "本版责编：吴凡")
    drafts, _ = segment_blocks(build_blocks(page.split("\n")))
    assert [(d.title, d.span, d.captions) for d in drafts] == [
        ("园区签约项目集中开工", (1, 2), ["■开工现场。"]), ("园区企业获评小巨人", (6, 7), [])]


def test_a_bracketed_byline_closes_an_untitled_brief_and_text_after_it_starts_another():
    page = "本报讯 近日，" + BODY + "\n（刘畅）\n\n" + MORE
    assert [(t, s) for t, s, _ in stories(page)[0]] == [(None, (1, 2)), (None, (4, 4))]


def test_photo_news_needs_a_picture():
    with_picture, _ = stories("■园区新落成的中试车间。\n\n" + BODY + "\n\n## 另一条消息\n\n本报讯 " + MORE)
    assert with_picture[0] == (None, (3, 3), "photo_news")  # the caption is the story's, its span the text's
    without, _ = stories(BODY + "\n\n## 另一条消息\n\n本报讯 " + MORE)
    assert without[0] == (None, (1, 1), "brief")


def test_the_one_story_of_a_web_page_is_an_article():
    page = "## 园区新增企业120家\n" + BODY + "\n" + MORE
    assert stories(page, alone=True)[0][0][2] == "article"
    assert stories(page, alone=False)[0][0][2] == "brief"


def test_a_section_label_closes_the_story_above_it():
    page = "## 园区新增企业120家\n" + BODY + "\n\n### 简讯\n\n园区集中签约9个项目\n" + MORE
    found, discarded = stories(page)
    assert [t for t, _, _ in found] == ["园区新增企业120家", "园区集中签约9个项目"]
    assert [(d.text, d.reason) for d in discarded] == [("### 简讯", "section label")]


def test_an_advertisement_keeps_its_lines_out_of_the_stories():
    found, discarded = stories("## 园区新增企业120家\n" + BODY + "\n\n（广告）\n首付两成起　咨询电话：0000-0000")
    assert [k for _, _, k in found] == ["brief", "advertisement"]
    assert found[1][1][0] == 4 and discarded == []  # the label heads the advert: it is the advert's


def test_a_page_that_opens_mid_sentence_is_a_fragment():
    found, _ = stories("捷。“高新贷”让企业融资更方便，" + BODY + "\n\n## 另一条消息\n\n本报讯 " + MORE)
    assert found[0][2] == "fragment"


def test_furniture_goes_to_discarded_with_its_reason():
    _, discarded = stories("首页 > 新闻 > 园区\n## 园区新增企业120家\n" + BODY + "\n责任编辑：孟佳")
    assert [(d.span, d.reason) for d in discarded] == [((1, 1), "breadcrumb"), ((4, 4), "editor credit line")]


def test_a_headline_over_a_benbaoxun_item_is_no_caption_of_the_picture_above():
    # an e-paper page: a picture story whose credit (本报记者 … 摄) ends without a full stop, then
    # a headline over a 本报讯 item
    from park_digest.parse.pipeline import process_file
    from conftest import ROOT
    stories = process_file(ROOT / "tests" / "data" / "realistic" / "epaper_photo_and_brief.txt").stories
    assert [(s.kind, s.title) for s in stories] == [("photo_news", None), ("brief", "陕西西咸新区创新港片区新入驻企业46家")]


def test_each_advert_under_its_own_label_is_a_story_of_its_own():
    # A printed page runs two adverts, each under 广告: the second label is no repeated headline.
    found, discarded = stories("## 园区新增企业120家\n" + BODY + "\n\n广告\n\n## 栽好梧桐树 引来金凤凰\n欢迎优质企业来此发展\n"
                               "\n广告\n\n## 筑巢引凤 共赢未来\n园区诚邀四方客商投资兴业\n")
    assert [(t, k) for t, _, k in found] == [("园区新增企业120家", "brief"), ("栽好梧桐树 引来金凤凰", "advertisement"),
                                             ("筑巢引凤 共赢未来", "advertisement")]
    assert discarded == [] and [span[0] for _, span, _ in found[1:]] == [4, 9]  # each from its label


def test_the_one_story_of_a_web_page_is_an_article_even_in_one_paragraph():
    drafts, _ = segment_blocks(build_blocks(["园区新增企业120家", BODY + MORE]))
    assert [d.kind(alone=True) for d in drafts] == ["article"]
    # The same item alone on a printed page (its page number stated) is a brief, and so is a
    # 本报讯 item anywhere.
    assert [d.kind(alone=True, printed=True) for d in drafts] == ["brief"]
    drafts, _ = segment_blocks(build_blocks(["园区新增企业120家", "本报讯 " + BODY]))
    assert [d.kind(alone=True) for d in drafts] == ["brief"]


AD_PAGE = ["园区周报", "2025年6月13日  第4版", "园区人才公寓开放申请", "本报讯 " + BODY,
           "湖景洋房 样板间盛装开放", "建面约98—143平方米  首付低至15%", "VIP热线 0532-00000000",
           "园区上半年新增企业2100户", "本报讯 " + MORE]


def test_an_advert_a_printed_page_sets_without_a_label_is_an_advertisement():
    found, _ = stories("\n".join(AD_PAGE))
    assert found == [("园区人才公寓开放申请", (3, 4), "brief"), (None, (5, 7), "advertisement"),
                     ("园区上半年新增企业2100户", (8, 9), "brief")]


def test_a_contact_line_inside_a_story_or_on_a_web_page_is_no_advert():
    notice = ["园区周报", "2025年6月13日  第4版", "园区招聘会本周六举行", "本报讯 " + BODY,
              "报名电话 0532-00000000", MORE]
    assert [kind for _, _, kind in stories("\n".join(notice))[0]] == ["brief"]
    web = [line for line in AD_PAGE if "第4版" not in line]
    assert "advertisement" not in [kind for _, _, kind in stories("\n".join(web))[0]]


def test_an_editors_note_above_a_headline_belongs_to_the_story_it_introduces():
    note = "编者按：本报今起推出“走进园区”系列报道，记录一线企业的创新故事。"
    page = f"{note}\n\n园区科技城建设迈出新步伐\n\n本报记者　何晓东\n\n{BODY}"
    drafts, _ = segment_blocks(build_blocks(page.split("\n")))
    assert [(d.title, [i.text for i in d.body], d.authors) for d in drafts] == [
        ("园区科技城建设迈出新步伐", [note, BODY], ["何晓东"])]


def test_a_credited_picture_item_under_a_benbaoxun_story_is_photo_news_of_its_own():
    photo = "7月6日，园区一家智能装备企业的车间里，工人正在调试即将发往东南亚的数控机床。（孙立 摄）"
    found, _ = stories(f"园区上半年进出口额增长13.6%\n本报讯 {BODY}\n{MORE}\n\n{photo}")
    assert found == [("园区上半年进出口额增长13.6%", (1, 3), "brief"), (None, (5, 5), "photo_news")]


def test_a_subtitle_under_a_headline_leaves_the_headline_the_title():
    found, _ = stories(f"建设全国一流国家级高新区\n——来自园区的调查\n{BODY}")
    assert found == [("建设全国一流国家级高新区", (1, 3), "article")]


def test_a_news_in_brief_column_gives_one_untitled_brief_per_item():
    page = ("园区快讯\n\n■西安高新区 9月10日，西安高新区新签约项目12个，总投资86亿元。\n\n"
            "▲宝鸡高新区 今年前8个月，宝鸡高新区新增市场主体4120户，同比增长13.5%。\n\n"
            "【咸阳高新区】近日，咸阳高新区一批标准厂房交付使用，面积约12万平方米。\n\n（本栏稿件由各园区管委会提供）")
    found, discarded = stories(page)
    assert found == [(None, (3, 3), "brief"), (None, (5, 5), "brief"), (None, (7, 7), "brief")]
    assert [d.reason for d in discarded] == ["section label", "column note"]
    # under a headline, paragraphs opening on a bullet and a park stay one round-up
    assert len(stories("三地园区新签约项目\n" + page.split("\n\n", 1)[1])[0]) == 1
    # a picture's caption opening on a bullet stays a caption
    blocks = build_blocks(["■市民在高新区政务服务中心办理业务，现场秩序井然。", BODY])
    assert blocks[0].kind == "caption"


def test_headlines_over_a_hong_kong_papers_dateline_each_open_a_story():
    page = "第一条消息\n【本报消息】" + BODY + "\n\n第二条消息\n【本报消息】" + MORE + "\n" + BODY
    assert [(t, span) for t, span, _ in stories(page)[0]] == [("第一条消息", (1, 2)), ("第二条消息", (4, 6))]


def test_a_story_continued_from_another_page_is_a_fragment_and_its_jump_lines_go():
    for page in ("（上接A01版）\n" + BODY + "\n" + MORE, "（上接第1版）" + BODY + "\n" + MORE):
        found, discarded = stories(page)
        assert [kind for _, _, kind in found] == ["fragment"]
        assert [d.reason for d in discarded] == ["continuation line"]
    page = "## 园区新增企业120家\n本报讯 " + BODY + "\n" + MORE[:-1] + "，（下转A06版）\n\n（上接A01版）\n" + MORE
    found, discarded = stories(page)
    assert [(title, kind) for title, _, kind in found] == [("园区新增企业120家", "brief"), (None, "fragment")]
    assert [d.reason for d in discarded] == ["jump line", "continuation line"]


def test_an_editors_note_under_its_label_opens_the_story_below():
    note = "今年以来，各地园区加快培育新质生产力。本版今起推出“园区新观察”栏目。"
    drafts, _ = segment_blocks(build_blocks(f"编者按\n{note}\n园区硬质合金产业迈向高端\n本报记者　彭丽\n{BODY}".split("\n")))
    assert [(d.title, [i.text for i in d.body]) for d in drafts] == [("园区硬质合金产业迈向高端", ["编者按", note, BODY])]


def test_a_notices_address_and_phone_lines_under_its_text_stay_the_notices():
    notice = ["园区周报", "2025年6月13日  第4版", "园区人才招聘会本周六举行",
              "本报讯 园区人才招聘会将于本周六在园区人才市场举行，届时将有120家企业提供岗位3000余个。",
              "报名地址：园区人才市场一楼", "咨询电话 0532-00000000"]
    assert [kind for _, _, kind in stories("\n".join(notice))[0]] == ["brief"]


def test_bulleted_items_under_a_column_label_are_briefs_whatever_they_open_on():
    page = ("简讯\n\n■ 9月10日，西安高新区新签约项目12个，总投资86亿元，涉及半导体和新能源。\n\n"
            "■ 今年前8个月，宝鸡高新区新增市场主体4120户，同比增长13.5%。")
    found, _ = stories(page)
    assert [(t, span) for t, span, _ in found] == [(None, (3, 3)), (None, (5, 5))]
    # without the label, two bulleted paragraphs of an untitled excerpt stay one story
    assert len(stories(page.split("\n\n", 1)[1])[0]) == 1


def test_an_advert_that_ends_on_a_qr_code_prompt_is_an_advertisement():
    page = [line if "VIP热线" not in line else "扫码预约看房" for line in AD_PAGE]
    assert [kind for _, _, kind in stories("\n".join(page))[0]] == ["brief", "advertisement", "brief"]


def test_untitled_items_each_opening_on_a_bracketed_dateline_are_separate():
    page = "【本报消息】" + BODY + "\n\n【本报消息】" + MORE
    assert [(t, span) for t, span, _ in stories(page)[0]] == [(None, (1, 1)), (None, (3, 3))]


def test_a_headline_over_a_numbered_subhead_stays_the_headline():
    from park_digest.parse.layout import build_blocks
    from park_digest.parse.normalize import normalize_line
    from park_digest.parse.segment import segment_blocks
    page = ["宜宾三江新区前三季度经济运行稳中向好", "三江新区发布 2024-10-25 20:15", "", "01 主要指标", "",
            "前三季度，三江新区实现地区生产总值412.6亿元。", "", "02 项目建设", "", "新区新开工重大项目38个。"]
    drafts, _ = segment_blocks(build_blocks([normalize_line(line) for line in page]))
    assert [d.title for d in drafts] == ["宜宾三江新区前三季度经济运行稳中向好"]
    assert [b.text for b in drafts[0].body][0] == "01主要指标"


def test_a_headline_set_after_its_story_and_its_photo_caption_is_that_storys():
    # ■… 供图 between a 本报讯 story and its late headline; the next story's byline follows
    page = ("本报讯（通讯员 沈一 本报记者 顾二）" + BODY + "\n\n■签约现场。 沈一 供图\n\n园区签下新材料项目\n\n"
            "本报讯（通讯员 方三 本报记者 顾二）" + MORE + "\n\n" + BODY + "\n\n■开工现场。 本报记者 顾二 摄\n\n"
            "园区四个项目拿地即开工\n\n本版责编：严卉")
    drafts, _ = segment_blocks(build_blocks(page.split("\n")))
    assert [(d.title, d.span, len(d.captions)) for d in drafts] == [
        ("园区签下新材料项目", (1, 5), 1), ("园区四个项目拿地即开工", (7, 13), 1)]


def test_a_page_that_ends_on_the_last_items_headline_keeps_each_headline_with_its_item():
    from park_digest.parse.layout import build_blocks
    from park_digest.parse.normalize import normalize_line
    from park_digest.parse.segment import segment_blocks
    page = ["本报讯 9月3日，遵义经开区举行秋季招聘会，120家企业提供岗位3200个。", "遵义经开区岗位送上门", "",
            "本报讯 9月5日，六盘水高新区召开安全生产会议。", "六盘水高新区部署安全生产"]
    drafts, _ = segment_blocks(build_blocks([normalize_line(line) for line in page]))
    assert [d.title for d in drafts] == ["遵义经开区岗位送上门", "六盘水高新区部署安全生产"]


def printed(page: list[str]):
    from park_digest.parse.normalize import normalize_line
    drafts, _ = segment_blocks(build_blocks([normalize_line(line) for line in page]))
    return drafts


def test_a_headline_between_two_news_items_heads_the_one_whose_words_it_shares():
    # the page has no headline above its first item and ends on an untitled one
    drafts = printed(["江城日报 A6 · 东湖高新区专版", "本报讯 光谷光电子产业前三季度实现营收3120亿元，同比增长11.2%。",
                      "光谷光电子产业营收增长一成", "本报孝感讯 孝感高新区近日集中签约项目9个，总投资64.8亿元。"])
    assert [(d.title, d.span, d.kind()) for d in drafts] == [
        ("光谷光电子产业营收增长一成", (2, 3), "brief"), (None, (4, 4), "brief")]


def test_a_byline_under_a_late_headline_and_its_caption_heads_the_next_story():
    drafts = printed(["科技周报 第6版", "本报记者 罗敏", BODY, MORE, "园区新增科技型企业120家", "■园区一家企业的生产线。  受访单位供图",
                      "本报记者 黄蕾", "近日，随州高新区专用汽车产业园迎来一批改装车企业集中投产。", "随州高新区专用车产业再添新产能"])
    assert [(d.title, d.span, len(d.captions), d.authors, d.kind()) for d in drafts] == [
        ("园区新增科技型企业120家", (2, 5), 1, ["罗敏"], "article"),
        ("随州高新区专用车产业再添新产能", (7, 9), 0, ["黄蕾"], "article")]


def test_a_caption_that_opens_on_its_day_and_ends_on_a_credit_is_photo_news_on_a_printed_page():
    page = ["临江晚报 第A04版", "园区订单排到明年", "本报讯 " + BODY, "9月11日，园区一家企业的工人在装配转向架。 记者 王涛 摄",
            "湘潭经开区新增规上企业17家", "本报讯 " + MORE, "2024年9月10日，在湘潭经开区一家电机企业，技术人员在调试新产品。",
            "本报记者 彭飞 摄"]
    assert [(d.title, d.span[0], d.kind()) for d in printed(page)] == [
        ("园区订单排到明年", 2, "brief"), (None, 4, "photo_news"), ("湘潭经开区新增规上企业17家", 5, "brief"),
        (None, 7, "photo_news")]
    # a web page's story keeps such a caption
    web = ["园区订单排到明年", BODY, "9月11日，园区一家企业的工人在装配转向架。 记者 王涛 摄", MORE]
    assert len(printed(web)) == 1


def test_an_advert_label_on_the_adverts_own_line_labels_that_line_alone():
    page = ["临江晚报 第A04版", "园区新增企业120家", "本报讯 " + BODY, "【广告】 秋季车展 9月14日—9月16日 购车热线 0731-0000000",
            "园区企业获评小巨人", "本报讯 " + MORE]
    assert [(d.title, d.span, d.kind()) for d in printed(page)] == [
        ("园区新增企业120家", (2, 3), "brief"), (None, (4, 4), "advertisement"), ("园区企业获评小巨人", (5, 6), "brief")]


def test_an_editors_note_over_its_headline_keeps_the_benbaoxun_story_under_it():
    page = ["上一版  下一版", "编者按", "今年起本报推出园区一线系列报道，记录园区企业的新变化。", "园区新增企业120家", "本报讯 " + BODY, MORE]
    drafts = printed(page)
    assert [(d.title, d.span, d.kind()) for d in drafts] == [("园区新增企业120家", (2, 6), "brief")]


def test_a_headline_list_whose_last_item_stands_over_the_first_story_leaves_each_headline_to_its_story():
    # the list's last headline is the third story's (printed again after it), not the first's
    page = ["江城日报 第05版：园区经济", "标题导航", "宜昌高新区产值增长一成", "荆门高新区新增企业9家", "襄阳高新区开工16个项目",
            "本报讯 宜昌高新区前2月规上工业产值增长一成，精细化工产值增长超过两成。", "宜昌高新区产值增长一成",
            "本报讯 荆门高新区9家企业入选省级专精特新企业名单，总数达到57家。", "荆门高新区新增企业9家",
            "本报讯 襄阳高新区集中开工项目16个，总投资112亿元，涵盖储能电池等领域。", "襄阳高新区开工16个项目", "本版责编：罗静"]
    assert [(d.title, d.span) for d in printed(page)] == [
        ("宜昌高新区产值增长一成", (6, 7)), ("荆门高新区新增企业9家", (8, 9)), ("襄阳高新区开工16个项目", (10, 11))]


def test_an_item_under_a_dateline_naming_the_paper_is_a_brief_not_photo_news():
    page = ["洪城晚报 2025-05-09 A07 产业", "洪城晚报5月8日讯（记者 胡丹）南昌高新区一季度营收803.5亿元，同比增长8.7%。",
            "南昌高新区一季度营收突破800亿元", "■ 5月7日，南昌高新区一家电子企业的生产线。", "洪城晚报记者 付强 摄",
            "洪城晚报5月7日讯（通讯员 万思）近日，赣江新区数字经济产业园新入驻企业23家。", "赣江新区产业园新添一批企业"]
    assert [(d.title, d.span[0], d.kind()) for d in printed(page)] == [
        ("南昌高新区一季度营收突破800亿元", 2, "brief"), ("赣江新区产业园新添一批企业", 6, "brief")]


def test_an_advert_under_a_masthead_with_a_bare_page_code_ends_at_the_blank_line_under_its_hotline():
    page = ["齐鲁都市报　2025年8月21日　A08　城市经济", "湖畔雅苑　准现房热销", "建面约89-128㎡两至三居　首付15万起",
            "置业热线：0531-6666XXXX", "", "园区观察", "济南高新区新增科技型企业逾千家", "记者 周岚", BODY,
            "▲8月19日，企业研发人员在调试系统。 记者 周岚 摄", "", "章丘经济开发区新材料产业园投用",
            "本报8月20日讯（记者 韩雪）章丘经济开发区新材料产业园一期近日投用。"]
    assert [(d.title, d.span, d.kind()) for d in printed(page)] == [
        (None, (2, 4), "advertisement"),
        ("济南高新区新增科技型企业逾千家", (7, 9), "article"),  # signed above its text: no picture story
        ("章丘经济开发区新材料产业园投用", (12, 13), "brief")]


def test_a_masthead_that_gives_its_page_as_a_bare_code_names_a_page():
    from park_digest.parse.datelines import names_page
    assert names_page(["长沙晚报 2024-07-19 星期五 A06 城事·产经"])
    assert names_page(["半岛都市报　2025年9月16日　A10　青岛新闻"])
    assert not names_page(["G60科创走廊九城市签约"])  # a code with no paper's name before it


def test_a_list_of_the_pages_headlines_over_stories_that_set_theirs_after_them():
    # the list's last item stands right above the first story's text; each headline comes again under its story
    page = ["江淮日报　2024-11-21　星期四　A07", "标题导航", "芜湖经开区产业园开园", "滁州经开区显示项目签约",
            "江淮日报11月20日讯 芜湖经开区产业园正式开园，首批入驻企业26家。", "芜湖经开区产业园开园",
            "本报讯 近日，滁州经开区与一家新型显示企业签约，项目总投资32亿元。", "滁州经开区显示项目签约"]
    assert [(d.title, d.span) for d in printed(page)] == [("芜湖经开区产业园开园", (5, 6)), ("滁州经开区显示项目签约", (7, 8))]


def test_a_deck_under_the_headline_stays_the_headlines_whatever_its_punctuation():
    page = ["9　园区　责任编辑：方圆", "蚌埠高新区硅基新材料产业加速集聚", "前三季度产值同比增长18.6%", "本报记者 葛伟", BODY,
            "淮南高新区新增专精特新企业12家", "大数据、装备制造领域占比超六成", "本报记者 韩雪", MORE]
    drafts = printed(page)
    assert [(d.title, d.span, d.kind()) for d in drafts] == [
        ("蚌埠高新区硅基新材料产业加速集聚", (2, 5), "article"), ("淮南高新区新增专精特新企业12家", (6, 9), "article")]
    assert [item.text for item in drafts[1].body if item.type == "heading"] == ["大数据、装备制造领域占比超六成"]


def test_a_headline_over_its_deck_is_the_title_and_the_deck_stays_in_the_story():
    page = ["吉林日报 第06版：区域经济", "长春新区光电信息产业集群加速壮大", "一季度新签约项目31个　协议投资额212亿元",
            "本报讯（记者 金晓）今年以来，长春新区围绕光电信息产业链招引项目，一季度新签约项目31个，协议投资额212亿元。",
            "吉林高新区化工新材料产业链延链补链", "营收同比增长14.5%", "本报记者 白雪",
            "一季度，吉林高新区化工新材料产业链企业实现营业收入63.8亿元，同比增长14.5%。"]
    drafts = printed(page)
    assert [(d.title, d.span) for d in drafts] == [("长春新区光电信息产业集群加速壮大", (2, 4)),
                                                  ("吉林高新区化工新材料产业链延链补链", (5, 8))]
    assert [item.text for item in drafts[1].body if item.type == "heading"] == ["营收同比增长14.5%"]
    # a slogan over the headline says nothing the lead says: an overline
    page = ["某某日报 第3版", "奋力推动高质量发展", "郑州航空港区前三季度进出口总额增长15%",
            "今年前三季度，郑州航空港区完成进出口总额4200亿元，同比增长15%。"]
    assert [d.title for d in printed(page)] == ["郑州航空港区前三季度进出口总额增长15%"]


def test_an_e_papers_arrows_and_a_credits_line_after_the_page_number_are_furniture():
    from park_digest.parse.layout import furniture_reason
    assert furniture_reason("▲上一版　　▼下一版") == "e-paper navigation"
    assert furniture_reason("<< 上一版　下一版 >>") == "e-paper navigation"
    assert furniture_reason("7　经济　责任编辑：许可　联系电话：0571-8531XXXX") == "page header"
    assert furniture_reason("本版责任编辑：王丽娜　　美术编辑：吴昊") == "editor credit line"


def test_an_aggregators_excerpts_each_closed_by_its_outlet_line_are_fragments():
    page = ("西安高新区一季度实现营业收入5210亿元，同比增长9.8%。\n西部网 2025-04-21 · 18评论\n"
            "合肥高新区一季度高新技术企业数量达到2860家，较去年底净增190家。\n安徽网 2025-04-19 · 11评论")
    drafts, _ = segment_blocks(build_blocks(page.split("\n")))
    assert [(d.span, d.kind(), d.dated_by) for d in drafts] == [((1, 1), "fragment", 2), ((3, 3), "fragment", 4)]
    # one untitled story over its source line is a story, not an excerpt
    drafts, _ = segment_blocks(build_blocks(["西安高新区一季度实现营业收入5210亿元，同比增长9.8%。", "来源：西部网 2025-04-21"]))
    assert [d.kind(alone=True) != "fragment" and d.dated_by == 0 for d in drafts] == [True]


def test_a_features_lead_byline_and_subheads_stay_one_story():
    page = ["德阳高新区：装备之城再出发", "导语：从一台汽轮机起步，德阳高新区的装备制造产业正从制造走向智造。", "文／本报记者 何川",
            "一、重装企业加快“上云”", BODY, "二、新材料成为第二增长极", MORE, "“人才是最大的底气”", BODY]
    drafts = printed(page)
    assert [(d.title, d.span, d.kind()) for d in drafts] == [("德阳高新区：装备之城再出发", (1, 9), "article")]
    assert [item.text for item in drafts[0].body if item.type == "heading"] == [
        "一、重装企业加快“上云”", "二、新材料成为第二增长极", "“人才是最大的底气”"]


def test_a_picture_item_ending_on_its_credit_and_agency_is_photo_news_and_ends_before_the_next_headline():
    page = ["川西日报 第06版", "天府新区：无人机货运航线首飞",
            "10月14日，天府新区一家物流企业的无人机在试飞基地起飞。　记者 钟蕾 摄/川西视觉", "",
            "德阳高新区：装备之城再出发", "导语：从一台汽轮机起步，德阳高新区的装备制造产业正从制造走向智造。", BODY]
    assert [(d.title, d.span, d.kind()) for d in printed(page)] == [
        ("天府新区：无人机货运航线首飞", (2, 3), "photo_news"), ("德阳高新区：装备之城再出发", (5, 7), "brief")]


def test_a_subtitle_between_a_story_and_its_late_headline_stays_the_storys():
    page = ["包头日报 第A03版：经济", BODY, MORE, "（记者 乌日娜）", "——园区前11个月新增科技型企业120家", "园区科技型企业突破860家", "",
            "本报讯 " + BODY, "园区企业获评小巨人"]
    drafts = printed(page)
    assert [(d.title, d.span) for d in drafts] == [("园区科技型企业突破860家", (2, 6)), ("园区企业获评小巨人", (8, 9))]
    assert drafts[0].body[-1].text == "——园区前11个月新增科技型企业120家"


def test_a_paid_notice_and_a_job_advert_at_the_foot_of_a_printed_page_are_an_advertisement_each():
    page = ["包头日报 第A03版：经济", "园区企业获评小巨人", "本报讯 " + BODY, "", "国有建设用地使用权挂牌出让公告",
            "经批准，市自然资源局以挂牌方式出让一宗工业用地，面积约4.2公顷，挂牌起始价1860万元。", "联系电话：0477-8500000",
            "某市自然资源局　2025年1月9日", "", "诚聘", "某新材料企业因扩产需要招聘化工工艺工程师3名、安全员2名，待遇面议。",
            "联系电话：0477-8600000　地址：某路6号", "本版责任编辑：高原"]
    assert [(d.title, d.span, d.kind()) for d in printed(page)] == [
        ("园区企业获评小巨人", (2, 3), "brief"), (None, (5, 8), "advertisement"), (None, (10, 12), "advertisement")]


def test_a_guide_box_ends_at_the_headline_over_a_cut_benbaoxun_paragraph():
    page = ["江城晚报 第07版", "今日导读", ">> 夏季用电高峰来临 详见第03版", "上一版  下一版  版面导航", "咸宁高新区新签约项目总投资超百亿",
            "本报讯（记者 柯琳）咸宁高新区近日举行项目集中签约活动，签约项目18个，总投资", "103.6亿元，涉及智能制造、新材料等领域。"]
    assert [(d.title, d.span) for d in printed(page)] == [("咸宁高新区新签约项目总投资超百亿", (5, 7))]


def test_an_advert_set_on_one_line_is_an_advertisement_and_a_rule_above_an_advert_is_not_its():
    page = ["江城晚报 第07版", "黄石经开区新增规上企业9家", "本报讯 " + BODY,
            "2025年《江城晚报》征订进行中　全年订价240元　订报热线：0714-6300000", "------------------------------",
            "端午家电节　6月21日—6月23日　全场满减　热线 0714-6200000", "江城晚报社版权所有"]
    drafts = printed(page)
    assert [(d.span, d.kind()) for d in drafts] == [((2, 3), "brief"), ((4, 4), "advertisement"), ((6, 6), "advertisement")]
def test_picture_items_take_the_headline_over_their_credited_caption_or_under_it_at_the_foot():
    page = ["泉州日报 第A05版", "<< 上一版　下一版 >>", "A05PIC_2025071801.jpg", "台商投资区：首条智能产线投产",
            "7月17日，园区一家电子企业的首条智能产线正式投产。（本报记者 庄严 摄）", "", "本报讯 " + BODY, "园区企业获评小巨人", "",
            "■7月15日，南安经济开发区一家石材企业的车间里，工人正在打磨板材。　本报记者 黄山 摄", "石材老行当玩出新花样"]
    assert [(d.title, d.span, d.kind()) for d in printed(page)] == [
        ("台商投资区：首条智能产线投产", (4, 5), "photo_news"), ("园区企业获评小巨人", (7, 8), "brief"),
        ("石材老行当玩出新花样", (10, 11), "photo_news")]


def test_a_headline_a_column_set_on_two_lines_is_one_headline():
    page = ["中国高新技术产业导报 第A2版", "国家高新区营收稳步增长", "本报讯 " + BODY, "咸宁高新区：", "获批建设省级中试基地",
            "本报讯（通讯员 江月）湖北省科技厅公布省级中试基地名单，咸宁高新区的智能机电中试基地入选。"]
    assert [(d.title, d.span) for d in printed(page)] == [
        ("国家高新区营收稳步增长", (2, 3)), ("咸宁高新区：获批建设省级中试基地", (4, 6))]




def test_a_headline_set_on_two_lines_with_the_zone_and_its_colon_first_is_one_headline():
    page = ["中国园区经济报 第A3版", "襄阳高新区：", "新能源汽车检测中心投用", "本报讯 " + BODY]
    assert [(d.title, d.span) for d in printed(page)] == [("襄阳高新区：新能源汽车检测中心投用", (2, 4))]


def test_a_picture_item_takes_the_headline_printed_under_its_caption_at_the_foot_of_the_page():
    page = ["中国园区经济报 第A3版", "园区新增企业120家", "本报讯 " + BODY, "",
            "■7月6日，宜昌高新区一家电池材料企业的技术人员在检查生产线。　本报记者 田野 摄", "宜昌高新区电池材料产能再扩",
            "（责任编辑：郑岚）"]
    assert [(d.title, d.span, d.kind()) for d in printed(page)][1:] == [("宜昌高新区电池材料产能再扩", (5, 6), "photo_news")]
