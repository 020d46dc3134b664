"""Fact extraction: unit tests of each rule, and a golden test against tests/data/gold-dev.json."""
import sys
import time
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

from digest_tools.eval_facts import evaluate, normalize_line  # noqa: E402
from park_digest.figures.factbox import format_value, select_box  # noqa: E402
from park_digest.figures.facts import extract_facts, extract_story_facts  # noqa: E402
from park_digest.figures.label_terms import VOCABULARY  # noqa: E402
from park_digest.figures.labels_en import english_label  # noqa: E402
from park_digest.model import UNITS, BodyItem, Fact  # noqa: E402
from park_digest.figures.numerals import parse_chinese, parse_fraction, parse_number  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def only(text):
    facts = extract_facts(text)
    assert len(facts) == 1, [f.surface for f in facts]
    return facts[0]


def surfaces(text):
    return [f.surface for f in extract_facts(text)]


# ---------------------------------------------------------------- numerals

@pytest.mark.parametrize("text, value", [
    ("两", 2), ("十", 10), ("十三", 13), ("二十", 20), ("一百二十", 120), ("一百零五", 105),
    ("三千万", 3e7), ("两万五千", 25000), ("一亿五千万", 1.5e8), ("三点五", 3.5),
    ("二〇二五", 2025),
])
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["十五五", "万", "亿", "点", "两两"])
def test_malformed_chinese_numerals_are_rejected(text):
    assert parse_chinese(text) is None


@pytest.mark.parametrize("text, value", [
    ("8.86亿", 8.86e8), ("26875万", 2.6875e8), ("1,200", 1200), ("３５", 35), ("3千万", 3e7),
])
def test_arabic_and_mixed_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [("1/3", 1 / 3), ("三分之一", 1 / 3), ("2/3", 2 / 3)])
def test_fractions(text, value):
    assert parse_fraction(text) == pytest.approx(value)


# ---------------------------------------------------------------- units and values

@pytest.mark.parametrize("text, surface, value, unit", [
    ("项目投资总额达8.86亿美元。", "8.86亿美元", 886_000_000, "USD"),
    ("新增授信26875万元，", "26875万元", 268_750_000, "CNY"),
    ("投资5000万欧元。", "5000万欧元", 5e7, "EUR"),
    ("规模达1.2万亿元。", "1.2万亿元", 1.2e12, "CNY"),
    ("同比增速39.5%。", "39.5%", 39.5, "percent"),
    ("占比百分之二十。", "百分之二十", 20, "percent"),
    ("利率低10个百分点。", "10个百分点", 10, "percent"),
    ("九成企业", "九成", 90, "percent"),
    ("占全市1/10。", "1/10", 0.1, "other"),
    ("占全市三分之一。", "三分之一", 1 / 3, "other"),
    ("占地300亩。", "300亩", 300, "mu"),
    ("给予1700平方米的空间。", "1700平方米", 1700, "sqm"),
    ("面积2平方公里。", "2平方公里", 2e6, "sqm"),
    ("配置35千伏线路", "35千伏", 35, "kV"),
    ("建设2GW生产线", "2GW", 2, "GW"),
    ("装机100MW", "100MW", 100_000, "kW"),
    ("仅用时8个月。", "8个月", 8, "month"),
    ("提前25天完成。", "25天", 25, "day"),
    ("压减至1个工作日。", "1个工作日", 1, "day"),
    ("24小时服务", "24小时", 24, "hour"),
    ("10分钟政务服务圈", "10分钟", 10, "minute"),
    ("仅需8秒钟就能", "8秒钟", 8, "second"),
    ("增长1.5倍。", "1.5倍", 1.5, "other"),
])
def test_units_and_values(text, surface, value, unit):
    fact = only(text)
    assert (fact.surface, fact.unit) == (surface, unit)
    assert fact.value == pytest.approx(value)
    assert text[fact.start:fact.start + len(fact.surface)] == fact.surface


@pytest.mark.parametrize("text, surface, value, measure", [
    ("新引进项目311个。", "311个", 311, "个"), ("累计服务企业76家次，", "76家次", 76, "家次"),
    ("配了两条线路", "两条", 2, "条"), ("13位专家", "13位", 13, "位"), ("3只母基金", "3只", 3, "只"),
    ("嘉兴高新区两企业入选", "两企业", 2, None), ("设有三大研发中心。", "三大", 3, None),
    ("吸引十三家企业", "十三家", 13, "家"), ("“3年3投”", "3投", 3, "投"),
])
def test_counts_with_measure_words(text, surface, value, measure):
    fact = [f for f in extract_facts(text) if f.unit == "count"][0]
    assert (fact.surface, fact.value, fact.measure_word) == (surface, value, measure)


# ---------------------------------------------------------------- qualifiers

@pytest.mark.parametrize("text, surface, qualifier", [
    ("项目超200个。", "超200个", "over"), ("签单金额超过4亿元；", "超过4亿元", "over"),
    ("效率提升30%以上，", "30%以上", "over"), ("逾百家企业", "逾百家", "over"),
    ("已突破100家。", "突破100家", "over"),
    ("纳入3000余家科技企业", "3000余家", "approx"), ("降低成本1500多万元", "1500多万元", "approx"),
    ("约100万元的利润", "约100万元", "approx"), ("提前近3个月", "近3个月", "approx"),
    ("用时3天左右。", "3天左右", "approx"), ("上百种检测", "上百种", "approx"),
    ("千余家企业", "千余家", "approx"), ("千亿元级产业集群", "千亿元级", "approx"),
    ("不到半年", "不到半年", "under"), ("最高500万元。", "最高500万元", "under"),
    ("控制在3天以内。", "3天以内", "under"),
    ("大概只需一个月的时间", "一个月", "approx"),
    ("信用贷款最高可达2000万元。", "2000万元", "under"),
    ("投资额约为5000万美元", "5000万美元", "approx"),
])
def test_qualifiers(text, surface, qualifier):
    fact = only(text)
    assert (fact.surface, fact.qualifier) == (surface, qualifier)


def test_words_containing_qualifier_characters_are_not_qualifiers():
    fact = only("集中签约15个项目")
    assert (fact.surface, fact.qualifier) == ("15个", "exact")
    assert only("附近3家企业").qualifier == "exact"  # 最近3年 is a time reference, no figure at all


def test_ranges():
    fact = only("建设周期3-5年。")
    assert (fact.surface, fact.value, fact.value_max, fact.unit) == ("3-5年", 3, 5, "year")
    fact = only("投资10至20亿元")
    assert (fact.value, fact.value_max) == (1e9, 2e9)


# ---------------------------------------------------------------- not facts

@pytest.mark.parametrize("text", [
    "2025年，青岛高新区", "自2023年3月首次签约", "1月2日，活动举行", "2025年1-11月，研发投入",
    "2023年1月至11月", "第五届中国国际进口博览会", "“十五五”规划开局之年", "“十四五”期间",
    "已进入二期临床", "进入II期临床试验", "松源壹期", "落实国务院外商投资24条的标志性成果",
    "与世界500强企业开展洽谈", "升级“高新贷2.0”产品", "“1+2+1”现代产业体系", "融合5G、远程视频",
    "L3级自动驾驶", "3D皮肤检测仪", "成为高新区第6家上市公司", "一批优质项目", "一个缩影",
    "万家注册企业高企数全省第一", "零部件", "优化提升三年行动的第一年", "新的一年", "“三个年”活动",
    "二〇二五年", "2025年前8个月", "今年上半年", "白介素-12", "两位数增长", "80年代",
])
def test_not_facts(text):
    assert extract_facts(text) == [], [f.surface for f in extract_facts(text)]


def test_period_prefix_does_not_hide_a_duration_after_ti_qian():
    assert surfaces("比预期提前近3个月") == ["近3个月"]


def test_numbers_with_named_rules_keep_real_counts():
    assert surfaces("青岛高新区89条营商环境改革举措落地") == ["89条"]


# ---------------------------------------------------------------- records and labels

def test_offsets_and_sentence():
    text = "开了4次专题会。配了两条35千瓦双电源线路，彻底解决问题！"
    facts = extract_facts(text)
    assert [f.surface for f in facts] == ["4次", "两条", "35千瓦"]
    for f in facts:
        assert text[f.start:f.start + len(f.surface)] == f.surface
    assert facts[1].sentence == "配了两条35千瓦双电源线路，彻底解决问题！"


@pytest.mark.parametrize("text, surface, label_zh", [
    ("项目投资总额达8.86亿美元。", "8.86亿美元", "项目投资总额"),
    ("全年新引进主导产业项目超200个，", "超200个", "新引进主导产业项目数"),
    ("设立3只总规模23亿元的母基金", "23亿元", "母基金总规模"),
    ("吸引600多家企业参与", "600多家", "吸引企业数"),
    ("好评率100%。", "100%", "好评率"),
])
def test_label_zh_from_the_sentence(text, surface, label_zh):
    fact = next(f for f in extract_facts(text) if f.surface == surface)
    assert fact.label_zh == label_zh


def test_label_en_composes_terms_and_falls_back():
    fact = only("全年新引进主导产业项目超200个，")
    assert fact.label_en == "number of newly introduced leading-industry projects"
    assert only("项目投资总额达8.86亿美元。").label_en.startswith("total investment")
    unknown = Fact(surface="5家", value=5, unit="count", measure_word="家", label_zh="某某某数")
    assert english_label(unknown) == "number of companies or organizations"
    money = Fact(surface="5亿元", value=5e8, unit="CNY", label_zh="某某某")
    assert english_label(money) == "amount (CNY)"


def test_every_unit_has_an_english_fallback():
    for unit in UNITS:
        fact = Fact(surface="1", value=1, unit=unit, label_zh="")
        assert english_label(fact), unit
    assert set(VOCABULARY.fallback_unit) >= set(UNITS) - {"count"}


def test_story_facts_set_block():
    body = [BodyItem("paragraph", "新引进项目311个。", (1, 1)),
            BodyItem("paragraph", "总投资350亿元。", (3, 3))]
    facts = extract_story_facts("青岛高新区4个项目入选", body)
    assert [(f.surface, f.block) for f in facts] == [("4个", "title"), ("311个", 0), ("350亿元", 1)]


# ---------------------------------------------------------------- box and display

def make(surface, value, unit, label="项目数", qualifier="exact", label_en="number of projects"):
    return Fact(surface=surface, value=value, unit=unit, qualifier=qualifier, label_zh=label,
                label_en=label_en)


def test_select_box_prefers_money_totals_and_skips_duplicates():
    facts = [make("3年", 3, "year", "年数", label_en="years"),
             make("8.86亿美元", 8.86e8, "USD", "投资总额", label_en="total investment"),
             make("8.86亿美元", 8.86e8, "USD", "投资总额", label_en="total investment"),
             make("311个", 311, "count"), make("39.5%", 39.5, "percent", "增速", label_en="growth"),
             make("两条", 2, "count", "线路数", label_en="number of lines")]
    select_box(facts, limit=3)
    boxed = [f.surface for f in facts if f.in_box]
    assert boxed == ["8.86亿美元"]  # one per label; no duration, and no count that is no indicator
    facts[3].indicator, facts[3].period = "projects_signed", "2025"
    select_box(facts, limit=3)
    assert [f.surface for f in facts if f.in_box] == ["8.86亿美元", "311个"]


@pytest.mark.parametrize("surface, value, unit, qualifier, zh, en", [
    ("8.86亿美元", 8.86e8, "USD", "exact", "8.86亿美元", "US$886 million"),
    ("超200个", 200, "count", "over", "超200个", "over 200"),
    ("3000余家", 3000, "count", "approx", "3000余家", "more than 3,000"),
    ("39.5%", 39.5, "percent", "exact", "39.5%", "39.5%"),
    ("10亿元", 1e9, "CNY", "exact", "10亿元", "CNY 1 billion"),
    ("26875万元", 2.6875e8, "CNY", "exact", "26875万元", "CNY 268.75 million"),
    ("不到半年", 0.5, "year", "under", "不到半年", "under 0.5 years"),
    ("近1/10", 0.1, "other", "approx", "近1/10", "nearly 1/10"),
    ("300亩", 300, "mu", "exact", "300亩", "300 mu"),
])
def test_format_value(surface, value, unit, qualifier, zh, en):
    fact = Fact(surface=surface, value=value, unit=unit, qualifier=qualifier)
    assert format_value(fact, "zh") == zh
    assert format_value(fact, "en") == en


# ---------------------------------------------------------------- golden and speed

def test_golden_against_dev_annotations():
    score = evaluate(ROOT / "tests" / "data" / "gold-dev.json", ROOT / "seeds")
    assert score.recall(money=True) >= 0.97 and score.precision(money=True) >= 0.97
    assert score.recall() >= 0.90 and score.precision() >= 0.90
    assert score.qualifier_accuracy() >= 0.90
    assert score.label_coverage() == 1.0


def test_extraction_over_all_seeds_is_fast():
    lines = [normalize_line(line) for path in sorted((ROOT / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8-sig").splitlines()]
    began = time.perf_counter()
    facts = [f for line in lines for f in extract_facts(line)]
    assert facts and time.perf_counter() - began < 0.5


def test_fact_box_shows_one_figure_per_label_and_no_breakdown(tmp_path):
    from park_digest.parse.pipeline import process_file
    page = tmp_path / "page.txt"
    page.write_text("# 园区集中开工24个项目\n\n2025年，园区集中开工项目24个，总投资186亿元，年度计划投资52亿元。"
                    "其中工业项目14个，总投资97亿元。\n", encoding="utf-8")
    facts = process_file(page).stories[0].facts
    boxed = [f for f in facts if f.in_box]
    labels = [f.label_en for f in boxed]
    assert len(labels) == len(set(labels))
    assert {(f.surface, f.indicator) for f in boxed} >= {("24个", "projects_started"),
                                                          ("186亿元", "projects_started_value")}
    assert not {"14个", "97亿元"} & {f.surface for f in boxed}


# ---------------------------------------------------------------- half, pieces, spans of years

@pytest.mark.parametrize("text, surface, qualifier", [
    ("园区企业的研发投入约占全省的一半左右。", "一半左右", "approx"),
    ("审批时间缩短约一半，企业少跑了不少路。", "约一半", "approx"),
    ("外资企业已超过一半。", "超过一半", "over"),
    ("出口额占全区的一半以上。", "一半以上", "over"),
])
def test_half_is_a_share_of_fifty_percent(text, surface, qualifier):
    fact = only(text)
    assert (fact.surface, fact.value, fact.unit, fact.qualifier) == (surface, 50.0, "percent", qualifier)


@pytest.mark.parametrize("text", ["另一半留给了配套企业。", "这一半的地块用于研发。", "一年半以后再看。"])
def test_half_in_other_words_is_no_share(text):
    assert "一半" not in "".join(surfaces(text))


def test_pieces_are_counted():
    fact = only("新建产线投产后，月产能将达到5万片。")
    assert (fact.surface, fact.value, fact.unit, fact.measure_word) == ("5万片", 50000, "count", "片")


@pytest.mark.parametrize("text", [
    "双方将在未来五年共同建设两个实验室。",
    "近十年，园区的面貌变化很大。",
    "这里在二十年前还是一片农田。",
    "今年是新区设立十周年。",
    "过去三年，园区累计引进项目86个。",
])
def test_spans_of_years_used_as_time_references_are_no_figures(text):
    assert not any(s.endswith(("年", "年前")) for s in surfaces(text))


@pytest.mark.parametrize("text, surface", [
    ("从签约到投产仅用时8个月，比预期提前近3个月。", "近3个月"),
    ("设立五年来，新区累计引进项目400个。", "五年"),
    ("首三座大楼预计明年落成。", "三座"),
])
def test_durations_and_counts_stay_figures(text, surface):
    assert surface in surfaces(text)


def test_first_months_are_a_period_not_a_figure():
    assert surfaces("今年首7个月，南沙外贸进出口总值达到1893亿元。") == ["1893亿元"]


@pytest.mark.parametrize("text, found", [
    ("配备中试产线8条，可为企业提供服务。", ["8条"]), ("开通国际航线12条。", ["12条"]),
    ("出台外商投资24条，支持企业发展。", []),
])
def test_lines_and_routes_are_counted_a_policy_package_is_not(text, found):
    assert surfaces(text) == found


@pytest.mark.parametrize("text,surface,english", [
    ("项目建成后可形成20GWh动力电池产能。", "20GWh", "20 GWh"),
    ("配套储能规模300MWh。", "300MWh", "300 MWh"),
    ("年发电量约4200万千瓦时。", "约4200万千瓦时", "about 42 million kWh"),
    ("年处理废旧电池2万吨/年。", "2万吨/年", "20,000 tonnes a year"),
])
def test_energy_and_capacity_units_are_read(text, surface, english):
    fact = only(text)
    assert (fact.surface, format_value(fact, "en")) == (surface, english)


def test_a_trillion_written_zhao_ages_and_ranks():
    fact = only("去年科学园区营业额达3.1兆元，创历史新高。")
    assert (fact.surface, fact.value, fact.unit) == ("3.1兆元", 3.1e12, "CNY")
    assert [f.surface for f in extract_facts("新建50兆瓦光伏电站。")] == ["50兆瓦"]  # mega, not trillion
    assert only("88岁的老专家仍在园区一线。").surface == "88岁"
    assert extract_facts("警方正追缉一名年约30岁的男子。") == []  # a guess at a stranger's age
    assert extract_facts("园区综合排名进入全国前十位，较上年前移两位。")[0].surface == "两位"
    assert extract_facts("排名前10名的园区。") == []
    assert extract_facts("园区已实现七通一平，这是园区成立的第34个年头。") == []


def test_a_flattened_statistics_table_row_gives_its_value_and_growth_rate():
    facts = extract_facts("固定资产投资 亿元86.4 -3.5")
    assert [(f.surface, f.value, f.unit) for f in facts] == [("86.4", 8.64e9, "CNY"), ("-3.5", -3.5, "percent")]
    assert facts[0].label_zh == "固定资产投资" and facts[0].start == 9
    assert [f.surface for f in extract_facts("实际使用外资 万美元 3860 12.4")] == ["3860", "12.4"]
    assert extract_facts("园区今年新签约项目 41个") != [] and extract_facts("1南昌经开区4150") == []


def test_a_row_of_cells_gives_each_cells_figure_and_no_rank():
    row = "1　　苏州工业园区　3686亿元　15.2亿美元"
    facts = extract_facts(row)
    assert [(f.surface, row[f.start:f.start + len(f.surface)]) for f in facts] == [
        ("3686亿元", "3686亿元"), ("15.2亿美元", "15.2亿美元")]
    assert [f.surface for f in extract_facts("智算中心 | 40亿元 | 数字经济")] == ["40亿元"]


def test_a_count_of_policy_articles_is_a_figure_a_packages_name_is_not():
    assert only("园区出台支持政策18条，涵盖人才和资金。").surface == "18条"
    assert extract_facts("园区落实外商投资24条。") == []


@pytest.mark.parametrize("text, surface, value, unit", [
    ("新设企业按年增长一成半。", "一成半", 15.0, "percent"),
    ("港口完成吞吐量一千五百八十万标准箱。", "一千五百八十万标准箱", 1.58e7, "other"),
    ("外贸航线增至一百六十条。", "一百六十条", 160.0, "count"),
])
def test_one_and_a_half_tenths_containers_and_routes(text, surface, value, unit):
    fact = only(text)
    assert (fact.surface, fact.value, fact.unit) == (surface, value, unit)


def test_port_containers_in_standard_boxes():
    fact = only("今年首三季南沙港区完成货柜吞吐量一千五百八十万标准箱。")
    assert (fact.surface, fact.value, fact.unit) == ("一千五百八十万标准箱", 1.58e7, "other")
    assert format_value(fact, "en").endswith("TEU")


def test_units_spaced_or_with_a_full_width_slash_are_read():
    assert surfaces("建成20 GWh电池产线。") == ["20 GWh"]
    assert surfaces("年产能30万吨／年。") == ["30万吨／年"]
    assert format_value(only("日处理污水5万立方米/日。"), "en") == "50,000 m³ a day"


def test_a_minguo_year_is_no_figure_a_span_of_113_years_is():
    assert [f.surface for f in extract_facts("113年上半年营业额达5,120亿元，114年将持续扩建。")] == ["5,120亿元"]
    assert [f.surface for f in extract_facts("该园区已有113年历史。")] == ["113年"]


def test_a_subheads_number_is_no_figure():
    assert extract_facts("03项目服务") == [] and extract_facts("02 项目建设") == []
    assert [f.surface for f in extract_facts("新开工项目38个。")] == ["38个"]


@pytest.mark.parametrize("text, surface, value, unit, qualifier", [
    ("项目分两期建设。", "两期", 2.0, "count", "exact"),
    ("可年产城轨车辆420列。", "420列", 420.0, "count", "exact"),
    ("产值同比增长一成。", "一成", 10.0, "percent", "exact"),
    ("出口交货值提高一倍左右。", "一倍左右", 1.0, "other", "approx"),
])
def test_counts_and_changes_in_words(text, surface, value, unit, qualifier):
    assert [(f.surface, f.value, f.unit, f.qualifier) for f in extract_facts(text)] == [(surface, value, unit, qualifier)]


@pytest.mark.parametrize("text", ["二期项目开工。", "三期扩建加快。", "本刊2024年第10期", "一成不变", "城轨列车"])
def test_phase_names_and_set_phrases_are_no_figures(text):
    assert extract_facts(text) == []


def test_a_bare_number_under_a_column_name_with_its_unit_is_read_in_that_unit():
    header = ["园区", "营业收入（亿元）", "同比增长（%）"]
    row = "襄阳高新区\u30001630.2\u3000-8.1"
    facts = extract_facts(row, header)
    assert [(f.surface, f.value, f.unit, row[f.start:f.start + len(f.surface)]) for f in facts] == [
        ("1630.2", 1.6302e11, "CNY", "1630.2"), ("-8.1", -8.1, "percent", "-8.1")]
    assert facts[0].label_zh == "营业收入" and "营业收入" in facts[1].label_zh
    # a column that names no unit gives a bare number none
    assert extract_facts("襄阳高新区\u30001630.2\u300012", ["园区", "营业收入", "企业数"]) == []


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("某高新区生物医药产业产值首破三百亿", "三百亿", 3e10, "exact"),  # a headline's yuan without 元
    ("某高新区一季度营收突破二千亿", "突破二千亿", 2e11, "over"),
    ("200亿！某高新区这个产业集群", "200亿", 2e10, "exact"),
    ("某经开区工程机械产业集群年产值突破千亿　(2023-05-06 10:12:30)", "突破千亿", 1e11, "over"),
    ("力争到2027年光电子信息产业规模突破万亿元。", "突破万亿元", 1e12, "over"),
    ("力争到2027年钛产业规模达到千亿级。", "千亿级", 1e11, "approx"),
    ("某新区一季度新增市场主体逾万户", "逾万户", 1e4, "over"),
])
def test_amounts_in_magnitudes_without_a_unit(text, surface, value, qualifier):
    fact = only(text)
    assert (fact.surface, fact.value, fact.qualifier) == (surface, value, qualifier)


@pytest.mark.parametrize("text", [
    "提前一个季度突破千亿大关。", "到2027年形成百亿级新消费产业集群。", "覆盖人口1.2亿，", "引进亿元以上项目",
    "营业收入超亿元的企业", "万家注册企业",
])
def test_magnitudes_that_name_a_class_or_a_threshold_are_no_amount(text):
    assert surfaces(text) == []


@pytest.mark.parametrize("text, surface, value, measure", [
    ("年产能提升至12万升。", "12万升", 120000, "升"), ("每亩产量430公斤，", "430公斤", 430, "公斤"),
    ("出让土地28宗，其中工业用地9宗。", "28宗", 28, "宗"), ("设置产业发展等4类15项指标", "4类", 4, "类"),
])
def test_volumes_weights_parcels_and_kinds_are_measured(text, surface, value, measure):
    fact = extract_facts(text)[0]
    assert (fact.surface, fact.value, fact.measure_word) == (surface, value, measure)


@pytest.mark.parametrize("text", ["推动产品升级。", "力争引进“三类500强”企业。", "累计完成二、三类医疗器械注册。"])
def test_words_that_only_look_like_litres_or_kinds(text):
    assert surfaces(text) == []


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("今年以来出口增长3成。", "3成", 30, "exact"), ("占新签约项目投资额的6成以上。", "6成以上", 60, "over"),
])
def test_shares_in_tenths_after_a_verb_of_change_or_with_a_qualifier(text, surface, value, qualifier):
    fact = only(text)
    assert (fact.surface, fact.value, fact.unit, fact.qualifier) == (surface, value, "percent", qualifier)


@pytest.mark.parametrize("text", [
    "19个国家级新区半年报：谁跑得更快？", "张江集成电路设计业营收半年破千亿", "某开发区扩产 半年投資增三成",
    "洛阳高新区7个月新签约项目41个", "目标：三年再造一个“千亿”园区",
])
def test_a_span_right_before_what_happens_in_it_is_its_period(text):
    assert not [s for s in surfaces(text) if s.endswith(("年", "个月"))]


@pytest.mark.parametrize("text, surface", [
    ("已连续8个月保持正增长。", "8个月"), ("连续3年在高新区追加投资", "3年"), ("仅8个月就实现主体封顶", "8个月"),
    ("本措施有效期3年。", "3年"), ("三十多年来，他带出徒弟", "三十多年"), ("仅用半年时间", "半年"),
    ("提前两个月突破千亿元大关", "两个月"), ("租住满三年且符合条件的", "三年"),
])
def test_lengths_of_time_stay_figures(text, surface):
    assert surface in surfaces(text)


@pytest.mark.parametrize("text, surface, value, unit, qualifier", [
    ("“云龙杯”创新创业大赛决出16强", "16强", 16, "count", "exact"),  # the finalists a contest picks
    ("超半数企业实现增长。", "超半数", 50, "percent", "over"), ("数字经济占比过半。", "过半", 50, "percent", "over"),
    ("力争到2027年地区生产总值翻一番。", "一番", 1, "other", "exact"), ("营收过百亿元。", "过百亿元", 1e10, "CNY", "over"),
    ("《若干措施》共五个方面18条。", "18条", 18, "count", "exact"), ("综合排名较上年上升了11位。", "11位", 11, "count", "exact"),
])
def test_finalists_halves_doublings_and_articles_are_figures(text, surface, value, unit, qualifier):
    fact = extract_facts(text)[-1]
    assert (fact.surface, fact.value, fact.unit, fact.qualifier) == (surface, value, unit, qualifier)


@pytest.mark.parametrize("text", ["与世界500强企业合作", "入选全国百强县", "（后5位略）", "经过一番努力", "通过百亿元级评审"])
def test_names_ranks_and_verbs_that_look_like_figures(text):
    assert [s for s in surfaces(text) if s.endswith(("强", "位", "番")) or s.startswith("过")] == []


def test_a_statistics_table_with_a_unit_column_a_unit_note_and_unpublished_values():
    header = ["指标名称", "单位", "绝对值", "同比增长（%）"]
    row = [(f.surface, f.value, f.unit) for f in extract_facts("规模以上工业营业收入　亿元　1586.4　6.3", header)]
    assert row == [("1586.4", 1.5864e11, "CNY"), ("6.3", 6.3, "percent")]
    assert [(f.surface, f.unit) for f in extract_facts("固定资产投资　亿元　—　4.1", header)] == [("4.1", "percent")]
    assert [(f.surface, f.unit) for f in extract_facts("规上工业增加值　　%　　—　　7.9")] == [("7.9", "percent")]
    body = [BodyItem("paragraph", text, (n, n)) for n, text in enumerate(
            ("（单位：亿元）", "园区　营业收入　同比增长", "南京高新区　3285.6　8.4%", "无锡高新区　2910.2　6.9%"), 1)]
    facts = extract_story_facts(None, body)
    assert [(f.surface, f.value, f.unit) for f in facts] == [
        ("3285.6", 3.2856e11, "CNY"), ("8.4%", 8.4, "percent"), ("2910.2", 2.9102e11, "CNY"), ("6.9%", 6.9, "percent")]


def test_one_tenth_of_a_whole_is_a_share():
    fact = only("区内发明专利超过2000件，约占全国同类专利总数的一成。".split("，")[1])
    assert (fact.surface, fact.value, fact.unit) == ("一成", 10, "percent")
    assert surfaces("这是其中的一成员") == []
