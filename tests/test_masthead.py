"""What stands above a web story's first paragraph (parse/masthead.py and the rules around it):
an account's name over its card, a site's banner over its menus, a question headline, a reprint
prefix, a park's 【section】 under the headline. Small pages in our own words."""
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
