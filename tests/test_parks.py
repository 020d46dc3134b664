"""Park recognition: the gazetteer, names outside it, Traditional input, and which park each
figure of a round-up belongs to."""
from collections import Counter

import pytest

from park_digest.model import BodyItem
from park_digest.parse.attribution import attribute
from park_digest.parse.parks import GazetteerError, build_index, find_mentions, load_gazetteer, park_index
from park_digest.parse.pipeline import process_seed
from park_digest.parse.read import converter, decode_seed
from park_digest.figures.facts import extract_story_facts


@pytest.fixture(scope="module")
def index():
    return park_index()


def parks_in(text, index):
    return [(text[m.start:m.end], m.park) for m in find_mentions(text, index)]


def test_gazetteer_lists_the_national_zones_each_checked():
    parks = load_gazetteer()
    national = Counter(p.kind for p in parks if p.level == "national")
    assert national["htz"] >= 170 and national["new-area"] == 19 and national["etdz"] >= 220
    assert all(p.checked and p.province and p.province_en and p.name_en for p in parks)
    assert all(p.en_source in ("park", "house") for p in parks)
    assert len({p.slug for p in parks}) == len(parks)
    by_name = {p.name_zh: p for p in parks}
    assert by_name["四川天府新区"].name_en == "Sichuan Tianfu New Area"
    assert by_name["长治高新区"].name_en == "Changzhi Hi-Tech Zone"  # 长 read chang in a place name
    assert by_name["哈尔滨高新区"].city_en == "Harbin"


@pytest.mark.parametrize("text, slug", [
    ("沈抚新区", "shenfu"), ("苏州新区", "suzhou"), ("光谷", "wuhan-east-lake"), ("中国光谷", "wuhan-east-lake"),
    ("亦庄开发区", "beijing-etdz"), ("苏州工业园区", "suzhou-industrial-park"), ("中关村", "zhongguancun"),
    ("青岛市高新区", "qingdao"), ("山东省青岛市高新区", "qingdao"), ("江苏苏州高新区", "suzhou"),
    ("南京江北新区", "nanjing-jiangbei"), ("雄安新区", "xiongan"), ("前海", "qianhai"),
    ("横琴粤澳深度合作区", "hengqin"), ("宜春丰城国家高新技术产业开发区", "fengcheng"),
])
def test_short_former_and_full_names_find_the_same_park(text, slug, index):
    assert [park.slug for _, park in parks_in(f"近日，{text}发布数据。", index)] == [slug]


@pytest.mark.parametrize("phrase", [
    "国家级高新区", "省级高新区", "各高新区", "全国一流国家级高新区", "打造全国一流国家级高新区", "16个高新区",
    "本区", "园区", "该新区", "高新区", "全省开发区", "浙江省级高新区", "湖南省内的开发区", "成都市各区新区",
    "重点开发区域", "中科院", "南沙群岛", "湖南高新区", "湖南省高新区", "广东省经开区", "四川开发区",
    "无锡两家高新区", "苏南三个高新区", "常州多个开发区", "杭州12家经开区",  # zones counted, not one
])
def test_generic_phrases_are_never_parks(phrase, index):
    assert parks_in(f"推动{phrase}高质量发展，", index) == []


def test_a_name_outside_the_gazetteer_needs_a_real_place(index):
    (text, park), = parks_in("记者从长安高新区获悉", index)
    assert (text, park.name_zh, park.name_en, park.known) == ("长安高新区", "长安高新区", "Chang'an Hi-Tech Zone", False)
    assert park.slug.startswith("changan-htz-")
    assert parks_in("记者从常安高新区获悉", index) == []  # 常安 is no county, city or province
    (_, full), = parks_in("资阳市高新技术产业开发区", index)
    assert (full.name_zh, full.name_en, full.province) == ("资阳高新区", "Ziyang Hi-Tech Zone", "四川")


def test_unknown_parks_that_read_alike_never_share_a_slug(index):
    # 房山 (Beijing) and 方山 (Shanxi) are both Fangshan: one page each (issue 26, item 8).
    (_, a), (_, b) = parks_in("房山高新区与方山高新区", index)
    assert a.name_en == b.name_en == "Fangshan Hi-Tech Zone"
    assert a.slug != b.slug and a.slug.startswith("fangshan-htz-") and b.slug.startswith("fangshan-htz-")
    again = parks_in("房山高新区", index)[0][1]
    assert again.slug == a.slug  # the same park on another page keeps its page


def test_every_gazetteer_name_is_found_in_traditional_script(index):
    to_simple = converter("t2s")
    misses = []
    for park in index.parks:
        for name in filter(None, (park.name_zh, park.official_zh, *park.aliases)):
            for config in ("s2t", "s2hk", "s2tw"):
                text = to_simple.convert(converter(config).convert(f"據悉，{name}今年"))
                found = [p.slug for _, p in parks_in(text, index)]
                if found != [park.slug]:
                    misses.append((config, name, found))
    assert misses == []


def test_a_traditional_hong_kong_page_names_its_parks():
    page = ("前海深港現代服務業合作區上半年實現增加值1200億元\n\n"
            "本報訊 前海合作區今年上半年實現增加值1200億元，按年增長8%；河套深港科技創新合作區新增企業350家。\n")
    result = process_seed(decode_seed(page.encode("utf-8"), "hk.txt"))
    story, = result.stories
    assert story.park.slug == "qianhai"
    assert [p.slug for p in story.parks] == ["qianhai", "hetao"]
    assert {f.surface: f.park for f in story.facts}["350家"] == "河套深港科技创新合作区"


def test_gazetteer_errors_name_the_entry(tmp_path):
    path = tmp_path / "parks.yml"
    path.write_text("- {name_zh: 甲高新区, name_en: A, slug: a}\n- {name_zh: 乙高新区, name_en: B, slug: a}\n",
                    encoding="utf-8")
    with pytest.raises(GazetteerError, match="乙高新区.*slug 'a'"):
        load_gazetteer(path)
    path.write_text("- {name_zh: 甲高新区, name_en: A, slug: a, colour: red}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="unknown fields"):
        load_gazetteer(path)
    two = tmp_path / "two.yml"
    two.write_text("- {name_zh: 甲高新区, name_en: A, slug: a, aliases: [甲区]}\n"
                   "- {name_zh: 乙高新区, name_en: B, slug: b, aliases: [甲区]}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="甲区"):
        build_index(load_gazetteer(two))


def story_of(title, paragraphs, index, headings=()):
    body = [BodyItem("heading" if i in headings else "paragraph", text, (i + 1, i + 1))
            for i, text in enumerate(paragraphs)]
    facts = extract_story_facts(title, body)
    return attribute(title, body, facts, index), facts


def test_a_round_up_files_each_figure_under_the_park_its_clause_names(index):
    found, facts = story_of("我省国家级新区上半年主要指标发布", [
        "今年上半年，全省国家级新区经济运行稳中有进。",
        "四川天府新区实现地区生产总值2100亿元，同比增长7.2%；",
        "重庆两江新区实现地区生产总值2300亿元，同比增长6.5%，比天府新区高出200亿元。",
        "贵州贵安新区规上工业产值增长15%，新签约项目42个。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["2100亿元"] == owner["7.2%"] == "四川天府新区"
    assert owner["2300亿元"] == owner["6.5%"] == owner["200亿元"] == "重庆两江新区"
    assert owner["15%"] == owner["42个"] == "贵州贵安新区"
    assert [p.name_zh for p in found.parks] == ["四川天府新区", "重庆两江新区", "贵州贵安新区"]


def test_a_park_named_as_a_comparison_is_only_mentioned(index):
    found, facts = story_of("昆山高新区前三季度营收增长9%", [
        "前三季度，昆山高新区实现营业收入1800亿元，与苏州工业园区相比，增速高出2个百分点。",
        "昆山高新区将对标深圳高新区，新引进项目30个。",
    ], index)
    assert found.park.slug == "kunshan" and [p.slug for p in found.parks] == ["kunshan"]
    assert found.mentioned == ["苏州工业园区", "深圳高新区"]
    assert {f.park for f in facts} == {"昆山高新区"}


def test_figures_under_a_park_heading_belong_to_that_park(index):
    found, facts = story_of("长三角园区发展快报", [
        "苏州工业园区", "今年新增外资项目58个。",
        "嘉兴高新区", "前三季度工业投资增长12%。",
    ], index, headings={0, 2})
    assert {f.surface: f.park for f in facts} == {"58个": "苏州工业园区", "12%": "嘉兴高新区"}
    assert [p.slug for p in found.parks] == ["suzhou-industrial-park", "jiaxing"]


def test_a_figure_that_counts_zones_is_no_one_zones(index):
    found, facts = story_of("西安高新区入选示范名单", [
        "西安高新区新增企业1200家。记者获悉，33个开发区入选示范名单，包括成都高新区、武汉东湖高新区等，覆盖178家国家高新区中的多家。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["1200家"] == "西安高新区" and owner["33个"] is None and owner["178家"] is None


def test_respectively_gives_each_listed_park_its_figure(index):
    found, facts = story_of("国家高新区上半年运行平稳", [
        "上半年，西安高新区、成都高新区营业收入分别增长10.2%和9.6%，深圳高新区与武汉东湖高新区分别达到9800亿元、7600亿元。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner == {"10.2%": "西安高新区", "9.6%": "成都高新区", "9800亿元": "深圳高新区", "7600亿元": "东湖高新区"}
    assert found.park is None or found.park.slug == "xian"
    assert {p.slug for p in found.parks} >= {"xian", "chengdu", "shenzhen", "wuhan-east-lake"}


def test_an_editor_may_name_any_park_and_alike_names_keep_their_own_pages(index):
    from park_digest.parse.parks import park_named
    assert park_named("苏州新区", index).slug == "suzhou" and park_named("hefei", index).slug == "hefei"
    changan, chang_an = park_named("长安高新区", index), park_named("常安高新区", index)
    assert changan.name_en == chang_an.name_en == "Chang'an Hi-Tech Zone"
    assert changan.slug != chang_an.slug and not chang_an.known


def test_place_names_and_their_english():
    from park_digest.parse.places import romanize, short_form
    assert [short_form(n) for n in ("四川省", "延边朝鲜族自治州", "广西壮族自治区", "浦东新区", "城区")] == \
        ["四川", "延边", "广西", "浦东", ""]
    assert [romanize(n) for n in ("长安", "西安", "长治", "漯河", "内蒙古", "呼和浩特金山")] == \
        ["Chang'an", "Xi'an", "Changzhi", "Luohe", "Inner Mongolia", "Hohhot Jinshan"]


def test_a_short_name_inside_another_word_is_no_park(index):
    assert parks_in("目前海外订单已排到明年", index) == []
    assert [p.slug for _, p in parks_in("前海外资企业增至1200家", index)] == ["qianhai"]


def test_a_share_of_the_country_stays_with_its_park(index):
    _, facts = story_of("光谷光电子产业产值超五千亿元", [
        "光谷光纤光缆产量约占全国的四分之一。全国光电子企业超过5万家。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["四分之一"] == "东湖高新区" and owner["超过5万家"] is None


def test_a_district_is_not_the_new_area_of_its_name(index):
    # 南沙区 is Guangzhou's district; 广州南沙新区 the national new area. A clause about the
    # district gives the new area no figure; 浦东新区 is both a district and the park it names.
    assert parks_in("广州市南沙区人民政府发布数据。", index) == []
    found, facts = story_of("南沙新区前三季度新设港资企业410家", [
        "广州南沙新区前三季度新设港资企业410家，按年增加18%。",
        "南沙区相关负责人表示，目前已累计孵化港澳青创团队超过300个。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["410家"] == owner["18%"] == "广州南沙新区"
    assert owner["超过300个"] is None
    assert [p.name_zh for p in found.parks] == ["广州南沙新区"]
    assert [park.name_zh for _, park in parks_in("浦东新区前三季度GDP增长", index)] == ["上海浦东新区"]


def test_a_headline_naming_two_zones_is_about_both(index):
    found, _ = story_of("合肥高新区与芜湖高新区共建科创走廊", ["双方将共建孵化器3个，首批合作项目46个。"], index)
    assert [p.name_zh for p in found.parks] == ["合肥高新区", "芜湖高新区"] and found.mentioned == []
    found, facts = story_of("西安高新区、成都高新区上半年营收分别增长10.2%和9.6%", ["上半年，两区经济运行良好。"], index)
    assert {f.surface: f.park for f in facts} == {"10.2%": "西安高新区", "9.6%": "成都高新区"}
    found, _ = story_of("青岛高新区营收增长8% 与烟台高新区相比仍有差距", ["青岛高新区上半年营收增长8%。"], index)
    assert [p.name_zh for p in found.parks] == ["青岛高新区"] and found.mentioned == ["烟台高新区"]


def test_a_story_that_says_only_its_zone_word_takes_the_sites_park():
    portal = ("楚雄高新技术产业开发区管理委员会\n首页 | 高新概况 | 新闻动态 | 政务公开\n高新区前三季度经济运行稳中有进\n"
              "发布时间：2024-10-28\n1至9月，高新区完成规上工业总产值312.6亿元，规上工业增加值增长4.2%。\n")
    city_site = ("孝感网\n市领导到市高新区调研\n2024-04-09 10:05\n"
                 "近日，市领导到市高新区调研。据介绍，市高新区现有高新技术企业186家。\n")
    for page, park in ((portal, "楚雄高新区"), (city_site, "孝感高新区")):
        [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
        assert story.park.name_zh == park and {f.park for f in story.facts} == {park}
    a_related_list = "相关新闻\n西安高新区营收增长\n\n高新区召开工作会议\n高新区召开年度工作会议，部署全年工作。\n"
    assert process_seed(decode_seed(a_related_list.encode("utf-8"), "page.txt")).stories[0].park is None


def test_a_national_etdz_by_its_shortened_name(index):
    assert [p.name_zh for _, p in parks_in("昆明经济开发区是国家级经济技术开发区。", index)] == ["昆明经开区"]


def test_a_headline_about_zones_as_a_group_names_no_park(index):
    found, facts = story_of("前三季度国家高新区规上工业营收增长6.9%", [
        "今年前三季度，国家高新区规模以上工业企业实现营业收入19.8万亿元，同比增长6.9%。",
        "其中，中关村示范区规上工业企业营业收入1.9万亿元，增长8.1%。",
    ], index)
    owner = {(f.block, f.surface): f.park for f in facts}
    assert found.park is None and owner[("title", "6.9%")] is None and owner[(0, "19.8万亿元")] is None
    assert owner[(1, "1.9万亿元")] == "中关村科技园区" and [p.name_zh for p in found.parks] == ["中关村科技园区"]


def test_an_advert_naming_no_park_takes_none_from_the_page():
    page = ("## 青岛高新区新增企业120家\n\n本报讯 今年以来，青岛高新区新增科技型企业120家，同比增长15%。\n\n"
            "## 青岛高新区产业园开工\n\n本报讯 青岛高新区一产业园项目近日开工，总投资5亿元。\n\n广告\n\n"
            "## 栽好梧桐树 只盼金凤凰\n\n欢迎优质企业来此发展，国家高新技术产业开发区期待您。\n")
    result = process_seed(decode_seed(page.encode("utf-8"), "ads.txt"))
    advert = result.stories[-1]
    assert advert.kind == "advertisement" and advert.park is None
    assert result.stories[0].park.slug == "qingdao"


@pytest.mark.parametrize("text, surface, name", [
    ("宜春丰城 国家高新技术产业开发区", "宜春丰城 国家高新技术产业开发区", "丰城高新区"),  # an advert's logo line
    ("欢迎投资宜春丰城　高新区！", "宜春丰城　高新区", "丰城高新区"),
    ("成都 高新区", "成都 高新区", "成都高新区"),
])
def test_a_space_between_a_place_and_its_zone_word_is_bridged(text, surface, name, index):
    assert [(s, p.name_zh) for s, p in parks_in(text, index)] == [(surface, name)]


@pytest.mark.parametrize("text", ["他说 新区很好。", "招商 高新区 产业 服务"])
def test_a_space_after_a_word_that_is_no_place_is_not_bridged(text, index):
    assert parks_in(text, index) == []


def test_an_unknown_park_keeps_the_zone_word_as_written(index):
    # 东川工业园 is never published as 东川工业园区, a name the page does not write
    assert [name for name, _ in parks_in("位于东川工业园的铜基新材料项目投产。", index)] == ["东川工业园"]
    assert parks_in("位于东川工业园的铜基新材料项目投产。", index)[0][1].name_zh == "东川工业园"


def test_a_short_form_after_the_full_name_is_filed_under_the_full_name():
    page = ("宜宾三江新区新签约储能项目\n8月14日，宜宾三江新区与一家电池企业签约，投资建设储能电池项目，总投资65亿元。\n"
            "今年以来，三江新区已签约新能源领域项目11个，协议总投资超过300亿元。")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert [p.name_zh for p in story.parks] == ["宜宾三江新区"]
    assert {f.surface: f.park for f in story.facts}["11个"] == "宜宾三江新区"


def test_a_base_named_in_full_opening_its_sentence_takes_none_of_the_parks_before_it():
    page = ("园区前三季度产值稳步增长\n榆林高新区完成规上工业总产值418亿元；神木高新区完成356亿元。"
            "榆林能源化工基地实现工业总产值1280亿元。园区新建成一批研发基地，投资12亿元。")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    owners = {f.surface: f.park for f in story.facts}
    assert owners["1280亿元"] is None and owners["356亿元"] == "神木高新区"
    assert owners["12亿元"] == "神木高新区"  # 一批研发基地 names no base


def test_a_headline_naming_a_goal_is_no_round_up_of_the_zones():
    page = ("建设全国一流国家级高新区\n今年上半年，银川高新区实现工业总产值216.8亿元，同比增长12.4%，高新技术企业达到158家。")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert story.park is not None and story.park.name_zh == "银川高新区"
    # a headline about the zones together still names none
    page = "前三季度国家高新区营收增长8%\n前三季度，银川高新区实现工业总产值216.8亿元，同比增长12.4%。"
    assert process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories[0].park is None


def test_a_section_headed_by_a_parks_name_in_brackets_gives_it_the_figures_below():
    page = ("某市重点园区推介\n发布时间：2024-03-12\n现将我市部分园区情况介绍如下。\n\n【许昌经济技术开发区】\n"
            "园区规划面积52平方公里，2023年规上工业增加值增长8.6%。\n招商热线：0374-3396000\n\n【长葛经济技术开发区】\n"
            "该区2023年营业收入约780亿元，入驻企业310家。\n招商电话：0374-6101000\n")
    result = process_seed(decode_seed(page.encode("utf-8"), "page.txt"))
    [story] = result.stories
    assert [(f.surface, f.park) for f in story.facts] == [
        ("52平方公里", "许昌经开区"), ("8.6%", "许昌经开区"), ("约780亿元", "长葛经开区"), ("310家", "长葛经开区")]
    assert not any("0374" in item.text for item in story.body)
    assert {d.text for d in result.discarded if d.reason == "contact line"} == {"招商热线：0374-3396000", "招商电话：0374-6101000"}


def test_a_printed_pages_continuation_takes_no_park_from_the_other_stories():
    page = ("科技日报 2024年6月18日 第A04版\n（上接A01版）\n园区还设立规模50亿元的天使投资基金群，已投资初创企业210家。"
            "园区负责人表示，下一步将推动更多成果就地转化。\n\n芜湖高新区机器人产业产值首破300亿元\n"
            "本报讯 芜湖高新区机器人产业今年一季度实现产值81亿元，同比增长17.2%。\n")
    fragment, story = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert fragment.kind == "fragment" and fragment.park is None and {f.park for f in fragment.facts} == {None}
    assert story.park.name_zh == "芜湖高新区"


@pytest.mark.parametrize("text", ["中国（湖南）自由贸易试验区长沙片区新设企业2300家", "中国(湖南)自由贸易试验区长沙片区",
                                  "湖南自贸试验区长沙片区", "湖南自贸区长沙片区"])
def test_a_free_trade_zone_area_is_one_park_whichever_way_it_is_written(index, text):
    mentions = find_mentions(text, index)
    assert [(m.park.name_zh, m.park.name_en, m.park.known) for m in mentions] == [
        ("湖南自贸试验区长沙片区", "Changsha Area of the China (Hunan) Pilot Free Trade Zone", True)]
    assert text[mentions[0].start:mentions[0].end].endswith("长沙片区")


@pytest.mark.parametrize("text", ["中国（四川）自由贸易试验区宜宾片区", "四川自贸试验区宜宾片区", "四川自贸区宜宾片区"])
def test_a_free_trade_zone_area_outside_the_gazetteer_is_one_park_named_by_the_pattern(index, text):
    # 宜宾 is no area of the Sichuan zone (yet): named by the pattern, not known
    assert [(m.park.name_zh, m.park.name_en, m.park.known) for m in find_mentions(text, index)] == [
        ("四川自贸试验区宜宾片区", "Yibin Area of the China (Sichuan) Pilot Free Trade Zone", False)]


@pytest.mark.parametrize("text, name", [
    ("中国（广东）自由贸易试验区深圳前海蛇口片区", "广东自贸试验区深圳前海蛇口片区"),  # not 前海合作区 inside it
    ("广东自贸区前海蛇口片区", "广东自贸试验区深圳前海蛇口片区"),
    ("中国(辽宁)自由贸易试验区大连片区", "辽宁自贸试验区大连片区"),  # 大 is no bar to a known area
    ("陕西自贸试验区西安国际港务区片区", "陕西自贸试验区西安国际港务区片区"),
    ("中國（黑龍江）自由貿易試驗區哈爾濱片區", "黑龙江自贸试验区哈尔滨片区"),
    ("中国（新疆）自由贸易试验区霍尔果斯片区", "新疆自贸试验区霍尔果斯片区"),
])
def test_every_area_of_the_22_pilot_free_trade_zones_is_the_gazetteers(index, text, name):
    mentions = find_mentions(converter("t2s").convert(text), index)
    assert [(m.park.name_zh, m.park.known) for m in mentions] == [(name, True)]


def test_the_gazetteer_lists_the_areas_of_the_22_zones(index):
    areas = [p for p in index.parks if "自贸试验区" in p.name_zh and p.name_zh.endswith("片区")]
    assert len(areas) == 66 and all(p.checked and p.official_zh.startswith("中国（") for p in areas)
    assert len({p.province for p in areas}) == 21  # Hainan's zone is the whole island, with no areas


def test_an_area_without_its_province_is_found_when_only_one_zone_has_it(index):
    assert [m.park.name_zh for m in find_mentions("自贸区长沙片区则在通关便利上发力", index)] == ["湖南自贸试验区长沙片区"]


def test_an_area_written_alone_is_found_only_once_the_story_named_it(index):
    xiangyang = find_mentions("湖北自贸试验区襄阳片区", index)[0].park
    text = "据介绍，襄阳片区挂牌以来，累计形成制度创新成果数十项。"
    assert find_mentions(text, index) == ()
    assert [(text[m.start:m.end], m.park.name_zh) for m in find_mentions(text, index, (xiangyang,))] == [
        ("襄阳片区", "湖北自贸试验区襄阳片区")]
    assert find_mentions("长沙片区正在建设", index, (xiangyang,)) == ()  # another area the story did not name


def test_a_free_trade_zones_area_needs_its_province_and_the_gazetteers_area_stays(index):
    assert find_mentions("各自贸试验区片区", index) == ()
    assert [m.park.name_zh for m in find_mentions("中国（上海）自由贸易试验区临港新片区", index)] == ["临港新片区"]


def test_zones_counted_together_are_no_park_and_their_clause_gives_none_its_figures(index):
    found, facts = story_of("无锡两家高新区上半年营收超3000亿元", [
        "上半年无锡两家高新区合计实现营业收入3120亿元，同比增长8.4%。",
        "其中，无锡高新区实现营业收入2360亿元；江阴高新区实现营业收入760亿元。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["3120亿元"] is None and owner["8.4%"] is None and owner["超3000亿元"] is None
    assert owner["2360亿元"] == "无锡高新区" and owner["760亿元"] == "江阴高新区"
    assert found.park is None and [p.name_zh for p in found.parks] == ["无锡高新区", "江阴高新区"]
    assert parks_in("重庆两江新区", index) != []  # a numeral in a name with no counter after it


@pytest.mark.parametrize("listed,headings,parks", [
    # a numbered list, a line each: the parks the story reports on (its parks), none the story's own
    (["1.苏州工业园区", "2.广州经开区", "3.合肥经开区"], {1, 2, 3}, ["苏州工业园区", "广州经开区", "合肥经开区"]),
    (["排名前三的依次为苏州工业园区、广州经开区、合肥经开区。"], set(), []),  # a list in one sentence
])
def test_totals_after_a_list_of_parks_are_not_the_last_parks(listed, headings, parks, index):
    found, facts = story_of("国家级经开区考核评价结果发布", ["商务部公布考核结果。", *listed,
                                                       "2023年，国家级经开区实现地区生产总值15.6万亿元，约为全国的12.4%。"],
                            index, headings=headings)
    assert {f.surface: f.park for f in facts} == {"15.6万亿元": None, "12.4%": None}
    assert found.park is None and [p.name_zh for p in found.parks] == parks


def test_an_area_written_alone_takes_its_figures_once_the_story_named_it(index):
    found, facts = story_of("自贸片区首单跨境结算业务落地", [
        "本报讯 近日，湖北自贸试验区襄阳片区一家企业办理首单跨境人民币结算业务，金额约800万元。",
        "襄阳高新区今年新增企业120家；襄阳片区挂牌以来累计形成制度创新成果42项，其中近3成在全省复制推广。",
    ], index)
    assert {f.surface: f.park for f in facts} == {"约800万元": "湖北自贸试验区襄阳片区", "120家": "襄阳高新区",
                                                  "42项": "湖北自贸试验区襄阳片区", "近3成": "湖北自贸试验区襄阳片区"}
    assert found.park.name_zh == "湖北自贸试验区襄阳片区"


def test_a_new_areas_own_free_trade_zone_area_is_filed_under_the_new_area(index):
    found, facts = story_of("西海岸新区自贸片区新设外资企业增长两成", [
        "今年前三季度，中国（山东）自由贸易试验区青岛片区新设外资企业58家，实际使用外资4.6亿美元。",
    ], index)
    assert {f.park for f in facts} == {"青岛西海岸新区"}
    assert [p.name_zh for p in found.parks] == ["青岛西海岸新区"] and found.mentioned == []
    # named apart, as partners, each keeps its own
    found, facts = story_of("郑州经开区与自贸区郑州片区共建服务中心", [
        "郑州片区今年新设外资企业35家。", "郑州经开区外贸进出口额完成486亿元。"], index)
    assert [p.name_zh for p in found.parks] == ["郑州经开区", "河南自贸试验区郑州片区"]
    assert {f.surface: f.park for f in facts} == {"35家": "河南自贸试验区郑州片区", "486亿元": "郑州经开区"}


def test_a_visit_to_several_parks_has_none_of_them_as_its_park(index):
    found, facts = story_of("市领导调研重点项目建设", [
        "近日，市长带队调研，先后走访宜昌高新区、湖北自贸区宜昌片区和宜都经济开发区，察看项目进度。",
        "市长要求确保全年实施亿元以上项目80个以上。",
    ], index)
    assert found.park is None and found.parks == [] and {f.park for f in facts} == {None}
    assert set(found.mentioned) == {"宜昌高新区", "湖北自贸试验区宜昌片区", "宜都经济开发区"}


def test_parks_given_a_rank_are_the_storys_even_without_a_figure(index):
    found, _ = story_of("我省国家级经开区考核评价成绩发布", [
        "南昌经开区排名全国第41位；赣州经开区首次跻身百强，排名第78位；"
        "龙岩经开区和海沧台商投资区分别列第67位和第89位。",
        "此外，威海火炬高新区营收突破40 0亿元。与苏州工业园区相比仍有差距。",
    ], index)
    assert found.park is None
    assert {p.name_zh for p in found.parks} >= {"南昌经开区", "赣州经开区", "龙岩经开区", "威海火炬高新区"}
    assert "苏州工业园区" in found.mentioned


def test_a_profile_is_about_its_person_not_the_park_where_she_works(index):
    found, facts = story_of("扎根车间的“焊花”", [
        "——记芜湖经开区某汽车零部件企业焊接班长孙海燕",
        "在芜湖经开区一家企业的焊接车间里，46岁的孙海燕正检查焊缝。",
        "她带出的徒弟有60余名，每年为企业节省材料费用约300万元。",
    ], index, headings={0})
    assert found.park is None and found.parks == [] and found.mentioned == ["芜湖经开区"]
    assert {f.surface: f.park for f in facts} == {"46岁": None, "60余名": None, "约300万元": None}


def test_what_all_the_parks_just_named_do_together_is_no_one_parks(index):
    found, facts = story_of("两区集中签约项目18个", [
        "落户芜湖高新区的有11个，总投资128亿元；落户芜湖经开区的有7个。全部投产后，预计年新增产值150亿元。",
        "芜湖高新区今年新增企业90家，全部建成后可年产整车20万辆。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["128亿元"] == "芜湖高新区" and owner["7个"] == "芜湖经开区" and owner["150亿元"] is None
    assert owner["20万辆"] == "芜湖高新区"  # one park named: all of its own
    assert found.park is None and owner["18个"] is None


def test_a_headline_running_parks_together_over_a_round_up_names_none(index):
    found, facts = story_of("南沙前海横琴上半年引资成绩亮眼", [
        "大湾区三大合作平台成绩单出炉。广州南沙新区实际使用外资12.6亿美元；前海合作区新增港资企业近600家；"
        "横琴粤澳深度合作区新增澳资企业逾400家，约为前海合作区的三分之二。",
        "另据了解，前海合作区所在的深圳市南山区新增外资企业约900家。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert found.park is None and owner["三大"] is None and owner["约900家"] is None
    assert owner["逾400家"] == owner["三分之二"] == "横琴粤澳深度合作区"


def test_a_headline_about_the_national_zones_in_full_names_none(index):
    found, _ = story_of("商务部公布2023年国家级经济技术开发区考核评价结果", [
        "综合排名前三的依次为：", "1.苏州工业园区", "2.广州经开区", "3.北京经开区",
        "国家级经开区实际使用外资约占全国的两成以上。"], index, headings={1, 2, 3})
    assert found.park is None


def test_entering_a_national_ranking_is_no_national_figure(index):
    _, facts = story_of("贵阳高新区数字经济若干措施解读", [
        "对首次入选全国软件百强的企业，一次性给予最高500万元奖励。"], index)
    assert {f.surface: f.park for f in facts} == {"最高500万元": "贵阳高新区"}


def test_a_zone_word_abbreviated_in_the_headline_is_the_park_the_text_names_in_full():
    page = ("定西经开区马铃薯项目签约\n8月5日，定西经济开发区与一家食品企业签约，项目总投资6.5亿元。")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert story.park.name_zh == "定西经济开发区" and [p.name_zh for p in story.parks] == ["定西经济开发区"]
    assert story.parks_mentioned == [] and {f.park for f in story.facts} == {"定西经济开发区"}
    page = ("滨江经济开发区新能源产业园首期交付\n走进常州滨江经济开发区新能源产业园，首期8栋标准厂房已竣工。")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert story.park.name_zh == "常州滨江经济开发区" and story.parks_mentioned == []
    page = "滨江经开区新能源产业园首期交付\n走进常州滨江经济开发区新能源产业园，首期8栋标准厂房已竣工。"
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert story.park.name_zh == "常州滨江经济开发区"  # place left out and zone word abbreviated at once
    # a different kind of zone of the same place stays another park
    page = "定西高新区签约两个项目\n定西经济开发区与一家企业签约，项目总投资6.5亿元。"
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert "定西经济开发区" in {p.name_zh for p in story.parks} | set(story.parks_mentioned)
    assert story.park.name_zh == "定西高新区"


def test_a_nickname_that_begins_other_words_needs_another_park_of_its_group_beside_it(index):
    names = [(name, park.name_zh) for name, park in parks_in("竹科營業額約8,850億元；中科約5,720億元；南科達1.44兆元。", index)]
    assert names == [("竹科", "新竹科学园区"), ("中科", "中部科学园区"), ("南科", "南部科学园区")]
    assert [p.name_zh for _, p in parks_in("南部科学园区管理局表示，南科去年营业额3.1兆元。", index)] == ["南部科学园区"] * 2
    for text in ("中科院合肥物质科学研究院与南科大联合实验室落户", "浑南科技城新签约项目", "南科去年营业额3.1兆元"):
        assert parks_in(text, index) == []


def test_figures_of_parks_named_together_and_counted_are_none_of_theirs():
    page = ("三大科学园区营收创新高\n国科会公布竹科、中科、南科三大科学园区上半年营业额合计约2.6兆元，成长18.2%。"
            "其中竹科约7,900亿元；中科约5,100亿元；南科达1.3兆元。")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    owners = {f.surface: f.park for f in story.facts}
    assert owners["约2.6兆元"] is None and owners["18.2%"] is None
    assert owners["1.3兆元"] == "南部科学园区" and owners["约7,900亿元"] == "新竹科学园区"


def test_another_area_of_the_zone_the_story_named_is_found_alone(index):
    found, facts = story_of("厦门片区新增市场主体超9000户", [
        "中国（福建）自由贸易试验区厦门片区新增市场主体9263户。",
        "同期，福建自贸试验区福州片区新设企业5100余户，平潭片区跨境电商交易额增长三成。三个片区正共建平台。",
        "另据了解，同期湖南自贸试验区长沙片区新设企业2100家。",  # 同期 is "in the same period"
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["5100余户"] == "福建自贸试验区福州片区" and owner["三成"] == "福建自贸试验区平潭片区"
    assert owner["三个"] is None and owner["2100家"] == "湖南自贸试验区长沙片区"
    assert find_mentions("平潭片区跨境电商交易额增长三成", index) == ()  # alone, with no zone named: none


def test_a_park_of_the_storys_zone_and_a_scene_opening_belong_to_the_zone(index):
    found, facts = story_of("开发区智能终端产业园二期封顶", [
        "走进宜宾临港经开区智能终端产业园二期项目现场，6栋标准厂房已全部封顶。",
        "目前，开发区翠屏工业园已入驻企业86家。该产业园成为我市入选的两家园区之一。其中，国家级开发区入选数量占全省的近四成。",
    ], index)
    assert found.park.name_zh == "宜宾临港经开区" and found.mentioned == []
    assert {f.surface: f.park for f in facts} == {"6栋": "宜宾临港经开区", "86家": "宜宾临港经开区",
                                                  "两家": None, "近四成": None}


def test_a_ranking_tables_rows_under_their_column_names_are_the_storys_parks():
    page = ("我省国家级经开区考核成绩发布\n发布日期：2025-01-16\n近日，商务部公布2024年国家级经开区考核评价结果，我省5家进入全国30强。\n"
            "排名 国家级经开区 所在城市\n9杭州经济技术开发区杭州\n17宁波经济技术开发区宁波\n21萧山经济技术开发区杭州\n"
            "下一步，省商务厅将指导各开发区对标一流。\n")
    [story] = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert story.park is None and [p.name_zh for p in story.parks] == ["杭州经开区", "宁波经开区", "萧山经开区"]
    texts = [item.text for item in story.body]
    assert "9杭州经济技术开发区杭州" in texts and "下一步，省商务厅将指导各开发区对标一流。" in texts  # a row each, never joined
    assert {f.surface for f in story.facts} == {"5家"}  # ranks run together with a name are no figures


def test_the_park_an_adverts_address_names_is_where_it_sits_not_a_park_it_names():
    page = ("黑龙江日报　2025年3月14日　第5版\n大庆高新区新材料产业园一期投产\n"
            "本报讯（记者 周静）3月11日，大庆高新区新材料产业园一期工程正式投产，项目总投资23亿元。\n\n"
            "【广告】\n江北·冰城新天地　精装现房　火热发售\n售楼热线：0451-8888XXXX　地址：哈尔滨新区世纪大道188号\n")
    story, advert = process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories
    assert advert.kind == "advertisement" and advert.park is None and advert.parks_mentioned == []
    assert story.park.name_zh == "大庆高新区"
    # a park named further into the address (a road named after it) is where it sits too
    page = page.replace("地址：哈尔滨新区世纪大道188号", "地址：长沙市岳麓区麓谷大道某号")
    assert process_seed(decode_seed(page.encode("utf-8"), "page.txt")).stories[1].parks_mentioned == []


def test_a_headlines_figure_after_parks_named_together_is_theirs_together(index):
    # 南沙, a district's name, stands between the two parks the gazetteer knows
    _, facts = story_of("前海南沙松山湖 上半年港资企业增逾两成", ["深圳前海合作区新设港资企业逾1600家。"], index)
    assert {f.surface: f.park for f in facts}["逾两成"] is None
    _, facts = story_of("合肥高新区携手芜湖高新区新签项目12个", ["合肥高新区与芜湖高新区共建产业园。"], index)
    assert {f.surface: f.park for f in facts}["12个"] == "芜湖高新区"  # joined by a verb: as before


def test_a_sentence_about_a_base_or_firm_by_name_is_not_the_last_parks(index):
    found, facts = story_of("全区开发区前三季度工业总产值增长6.5%", [
        "分园区看，银川经开区完成规上工业总产值312亿元；石嘴山高新区完成186亿元；银川高新区增长7.3%。"
        "宁东能源化工基地前三季度实现工业总产值1960亿元。",
    ], index)
    owner = {f.surface: f.park for f in facts}
    assert owner["186亿元"] == "石嘴山高新区" and owner["1960亿元"] is None


@pytest.mark.parametrize("text, name", [
    ("前海蛇口自贸片区前三季度", "广东自贸试验区深圳前海蛇口片区"),  # not 前海合作区 inside it
    ("珠海横琴自贸区新增澳资企业", "广东自贸试验区珠海横琴新区片区"),
    ("襄阳自贸片区挂牌", "湖北自贸试验区襄阳片区"),
])
def test_an_area_written_before_the_zones_word_is_the_only_area_of_that_name(index, text, name):
    assert [m.park.name_zh for m in find_mentions(text, index)] == [name]


def test_zones_named_by_province_or_city_alone_are_no_area(index):
    for text in ("上海自贸区新设企业", "天津自贸区融资租赁", "哈尔滨新区自贸片区"):
        assert all("片区" not in m.park.name_zh for m in find_mentions(text, index))


def test_an_area_written_alone_wins_over_a_park_named_inside_it(index):
    qianhai = find_mentions("前海蛇口自贸片区", index)[0].park
    text = "前海蛇口片区新推出制度创新成果42项"
    assert [(text[m.start:m.end], m.park.name_zh) for m in find_mentions(text, index, (qianhai,))] == [
        ("前海蛇口片区", "广东自贸试验区深圳前海蛇口片区")]


def test_parks_placed_in_a_top_group_are_the_storys(index):
    found, _ = story_of("2021国家级经开区综合实力榜单发布", [
        "商务部发布考核评价结果，苏州工业园区、广州经开区和北京经开区位列前三。与上海张江相比仍有差距。"], index)
    assert [p.name_zh for p in found.parks] == ["苏州工业园区", "广州经开区", "北京经开区"]
