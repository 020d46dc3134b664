"""Kinds of pages issue 20's blind set showed us, one phenomenon each: small pages in, stories out."""
from park_digest.parse.layout import build_blocks
from park_digest.parse.segment import segment_blocks

BODY = "今年以来，园区新增科技型企业120家，同比增长15%，累计达到860家，创历史新高。"
MORE = "园区还引进重大产业项目18个，总投资超过260亿元，其中外资项目5个，带动就业1.2万人。"


def stories(page: str):
    drafts, _ = segment_blocks(build_blocks(page.split("\n")))
    return [(d.title, d.span, d.kind()) for d in drafts]


def test_a_picture_item_with_its_credit_below_it_is_photo_news_of_its_own():
    photo = "在园区一家智能装备企业的车间里，工人正在调试即将发往东南亚的数控机床。"
    page = f"园区上半年进出口额增长13.6%\n本报讯 {BODY}\n{MORE}\n\n{photo}\n本报记者 孙立 摄\n\n园区新增高企200家\n本报讯 {MORE}"
    assert stories(page) == [("园区上半年进出口额增长13.6%", (1, 3), "brief"), (None, (5, 5), "photo_news"),
                             ("园区新增高企200家", (8, 9), "brief")]
    # a credited paragraph of a picture story stays in it
    picture = f"园区车间一角\n{photo}（孙立 摄）\n{MORE}（孙立 摄）"
    assert len(stories(picture)) == 1


def test_a_headline_with_an_exclamation_inside_over_the_accounts_name_stays_the_headline():
    title = "一季度新增企业数量翻番！园区招商引资跑出加速度"
    assert [t for t, _, _ in stories(f"{title}\n园区发布\n2025-04-09 18:02\n{BODY}\n{MORE}")] == [title]


def test_a_document_number_above_the_notices_title_stays_in_the_notice():
    from park_digest.parse.pipeline import process_seed
    from park_digest.parse.read import decode_seed
    page = f"园管〔2025〕6号\n关于组织申报企业研发费用补助的通知\n各有关单位：\n{BODY}\n园区管理委员会\n2025年3月20日"
    [story] = process_seed(decode_seed(page.encode("utf-8"), "notice.txt")).stories
    assert story.title == "关于组织申报企业研发费用补助的通知"
    assert story.body[0].text == "园管〔2025〕6号"
    assert (story.date, story.date_inferred) == ("2025-03-20", False)  # signed, and published no other date


def test_a_headline_ending_on_fabu_under_a_longer_slogan_stays_the_headline():
    page = f"聚焦高质量发展 奋力谱写园区新篇章\n园区统计公报正式发布\n2025-04-09\n{BODY}\n{MORE}"
    assert [t for t, _, _ in stories(page)] == ["园区统计公报正式发布"]


def test_a_zones_own_account_over_an_untitled_excerpt_is_no_headline():
    assert [t for t, _, _ in stories(f"园区高新发布\n2025年04月09日 18:02\n{BODY}")] == [None]


def test_a_posts_bracketed_headline_on_a_line_of_its_own_and_its_fold_link():
    assert [t for t, _, _ in stories(f"园区新闻网\n2025-03-27 16:45 发布于 湖南\n【园区新增科技型企业120家】\n{BODY}")] == [
        "园区新增科技型企业120家"]
    drafts, _ = segment_blocks(build_blocks(f"园区新闻网\n【园区新增科技型企业120家】{BODY}#园区身边事# 收起全文d".split("\n")))
    assert [i.text for i in drafts[0].body] == [BODY]


def test_a_picture_item_without_a_full_stop_over_an_advert_is_neither_the_advert_nor_lost():
    from park_digest.parse.pipeline import process_seed
    from park_digest.parse.read import decode_seed
    page = ("园区周报　2025年7月8日　第A06版\n\n园区上半年进出口额增长13.6%\n\n本报讯 " + BODY + "\n园区新增外贸企业126家。\n\n"
            "7月6日，园区一家智能装备企业的车间里，工人正在调试即将发往东南亚的数控机床（孙立 摄）\n\n"
            "龙城之心·云璟府\n湖畔现房　品质人居\n7月12日—13日　样板区盛大开放\n咨询热线：0519-8888 6666")
    result = process_seed(decode_seed(page.encode("utf-8"), "page.txt"))
    assert [(s.kind, s.span) for s in result.stories] == [("brief", (3, 6)), ("photo_news", (8, 8)), ("advertisement", (10, 13))]
    # a credited caption that tells the news, under the story, is its own item too
    page = page.replace("（孙立 摄）", "。　孙立 摄").split("\n\n龙城")[0]
    assert [s.kind for s in process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories] == ["brief", "photo_news"]


def test_the_numbered_conditions_of_a_notice_are_its_text_not_overlines():
    items = ["1.在园区注册的规模以上工业企业", "2.2024年度研发费用在500万元以上", "3.苏州工业园区范围内依法纳税的企业"]
    page = "\n".join(["关于组织申报研发费用补助的通知", "发布时间：2025-03-21", "现组织开展企业研发费用补助申报工作，申报条件如下：",
                      *items, "请于4月18日前提交材料。"])
    drafts, discarded = segment_blocks(build_blocks(page.split("\n")))
    assert [i.text for i in drafts[0].body][1:4] == items and len(drafts) == 1


def test_an_accounts_name_and_slogan_under_an_exclaimed_headline_are_furniture():
    title = "120家！园区新增科技型企业创新高"
    page = f"{title}\n园区高新发布\n产业强区 创新立区\n2025-04-09 18:02\n{BODY}\n{MORE}"
    assert [t for t, _, _ in stories(page)] == [title]


def test_a_microblogs_posting_stamp_dates_the_post():
    from park_digest.parse.pipeline import process_seed
    from park_digest.parse.read import decode_seed
    post = "园区新闻网\n{stamp} 来自 微博网页版\n【园区前两月产值增长9.1%】2025年1至2月，园区规模以上工业总产值完成186.3亿元，同比增长9.1%。"

    def date(stamp):
        [story] = process_seed(decode_seed(post.format(stamp=stamp).encode("utf-8"), "post.txt")).stories
        return story.date
    assert date("3月27日 16:45") == "2025-03-27"  # this year's post: the year from the text
    assert date("24-3-27 16:45") == "2024-03-27"  # an older post's two-digit year


def test_a_forum_printable_views_replies_and_print_button_stay_out_of_the_post():
    page = ("园区论坛\n标题: 园区新增科技型企业120家 [打印本页]\n作者: 园区观察员    时间: 2025-7-10 09:32\n" + BODY + "\n"
            + MORE + "\n作者: 路过的网友    时间: 2025-7-12 10:15\n学习了，支持园区发展！")
    drafts, discarded = segment_blocks(build_blocks(page.split("\n")))
    assert [(d.title, [i.text for i in d.body]) for d in drafts] == [("园区新增科技型企业120家", [BODY, MORE])]
