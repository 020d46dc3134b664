"""What figures mean: indicators, changes, shares and periods, on pages written for these tests
(each rule on sentences of its own, never the seeds' lines), and the scores on gold-dev.json."""
from pathlib import Path

import opencc
import pytest
import yaml

from digest_tools.eval_facts import evaluate_meaning
from park_digest.figures.indicator_table import INDICATORS, IndicatorFileError, load_indicators, match_head
from park_digest.parse.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
# The ids of INDICATORS.md: stable, never renamed.
STABLE_IDS = {
    "operating_revenue", "gdp", "industrial_output", "industrial_value_added",
    "hightech_industry_revenue", "fixed_asset_investment", "industrial_investment",
    "foreign_capital_used", "foreign_capital_contracted", "trade_total", "exports", "fiscal_revenue",
    "rd_spending", "projects_signed", "projects_signed_value", "projects_started",
    "projects_started_value", "hightech_enterprises", "tech_smes", "little_giants",
    "specialised_smes", "listed_companies", "market_entities", "rd_institutions", "incubators",
    "patents", "talent", "fund_size", "credit"}


def story_facts(tmp_path, paragraphs, date="2025-09-20", title="示范区经济运行稳中有进"):
    """The figures of a one-story page printed on `date` (a sidecar says so)."""
    page = tmp_path / "page.txt"
    page.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    page.with_suffix(".yml").write_text(f"date: {date}\n", encoding="utf-8")
    stories = process_file(page).stories
    return [f for s in stories for f in s.facts]


def fact(facts, surface):
    return next(f for f in facts if f.surface == surface)


# ---------------------------------------------------------------- the data file

def test_every_stable_id_is_in_the_data_file_with_three_names_and_a_source():
    assert STABLE_IDS <= set(INDICATORS.by_id)
    for ind in INDICATORS.by_id.values():
        assert all(ind.names[lang].strip() for lang in ("zh-Hans", "zh-Hant", "en"))
        assert ind.source.strip() and ind.unit in ("money", "count")


def test_traditional_terms_are_the_simplified_ones_in_traditional_script():
    to_hans = opencc.OpenCC("t2s")
    for ind in INDICATORS.by_id.values():
        assert [to_hans.convert(t) for t in ind.terms_hant] == list(ind.terms), ind.id
        assert to_hans.convert(ind.names["zh-Hant"]).replace("「", "“").replace("」", "”") == ind.names["zh-Hans"]


def test_a_malformed_data_file_names_the_entry(tmp_path):
    bad = tmp_path / "indicators.yml"
    bad.write_text(yaml.safe_dump({"indicators": {"gdp": {"unit": "money", "name": {"zh-Hans": "地区生产总值"},
                                                          "terms": [], "terms_hant": [], "source": "x"}}},
                                  allow_unicode=True), encoding="utf-8")
    with pytest.raises(IndicatorFileError, match="indicators.gdp: name needs zh-Hant, en"):
        load_indicators(bad)


@pytest.mark.parametrize("phrase, unit, expected", [
    ("国家级高新技术企业", "count", "hightech_enterprises"),
    ("高企上市培育库", "count", None),  # the head is 库: a list firms joined, not the firms
    ("新引进先进制造业项目", "count", "projects_signed"),
    ("集中开工重大项目", "count", "projects_started"),
    ("累计授信金额", "money", "credit"),
    ("产业引导基金总规模", "money", "fund_size"),
    ("规上工业企业研发经费投入", "money", "rd_spending"),
    ("高新技术企业", "money", None),  # a money figure is never a count indicator
    ("外贸进出口总额", "money", "trade_total"),
])
def test_an_indicator_is_named_by_the_head_of_its_phrase(phrase, unit, expected):
    assert match_head(phrase, unit) == expected


# ---------------------------------------------------------------- indicators, changes, shares

def test_revenue_with_its_growth_and_period(tmp_path):
    facts = story_facts(tmp_path, ["2025年前8个月，示范区实现营业收入102亿元，同比增长39.5%，"
                                   "规上工业总产值达356亿元。"])
    level, change, output = fact(facts, "102亿元"), fact(facts, "39.5%"), fact(facts, "356亿元")
    assert (level.indicator, level.period, level.period_inferred) == ("operating_revenue", "2025-01/2025-08", False)
    assert (change.indicator, change.change, change.period) == ("operating_revenue", "yoy", "2025-01/2025-08")
    assert facts[change.change_of] is level
    assert output.indicator == "industrial_output" and output.change is None


def test_month_on_month_and_against_another_period(tmp_path):
    facts = story_facts(tmp_path, ["2025年5月，园区外贸进出口总额18.3亿元，环比增长8.2%。",
                                   "2025年1—5月，园区实际使用外资2.1亿美元，较2023年同期提高15%。"])
    assert (fact(facts, "8.2%").change, fact(facts, "8.2%").indicator) == ("mom", "trade_total")
    assert fact(facts, "2.1亿美元").indicator == "foreign_capital_used"
    assert fact(facts, "15%").change == "vs_period"


def test_new_and_cumulative_counts_and_their_shares(tmp_path):
    facts = story_facts(tmp_path, ["2024年，园区新增国家级专精特新“小巨人”企业5家，累计达到21家、占全市12%；"
                                   "入库科技型中小企业1130家，占全市近三成。"], date="2025-02-10")
    new, stock, share = fact(facts, "5家"), fact(facts, "21家"), fact(facts, "12%")
    assert (new.indicator, new.period) == ("little_giants", "2024")
    assert (stock.indicator, stock.period) == ("little_giants", "≤2024-12")
    assert (share.indicator, share.share_of, share.period) == ("little_giants", "city", "≤2024-12")
    third = fact(facts, "近三成")
    assert (third.indicator, third.share_of, third.value) == ("tech_smes", "city", 30)
    assert (fact(facts, "1130家").indicator, fact(facts, "1130家").period) == ("tech_smes", "2024")


def test_shares_of_a_whole_named_once_for_a_list(tmp_path):
    facts = story_facts(tmp_path, ["目前，高新区集聚了全省15%的高新技术企业、20%的上市公司和12%的国家级孵化器。"])
    assert [(f.indicator, f.share_of) for f in facts] == [
        ("hightech_enterprises", "province"), ("listed_companies", "province"), ("incubators", "province")]


def test_firms_chosen_for_a_status_are_counted_as_that_status(tmp_path):
    facts = story_facts(tmp_path, ["近日，2025年省级企业技术中心名单公布，园区6家企业入选省级企业技术中心，"
                                   "另有3家企业入选上市后备企业库。"])
    assert fact(facts, "6家").indicator == "rd_institutions"
    assert fact(facts, "3家").indicator is None


@pytest.mark.parametrize("sentence, surface", [
    ("2025年，园区新签约项目120个，其中10亿元以上项目8个。", "8个"),  # a threshold
    ("2025年，园区新签约项目120个，其中智能制造项目45个。", "45个"),  # a breakdown
    ("2025年，园区谋划储备项目260个。", "260个"),  # planned, not signed
    ("青禾智能科技有限公司去年营业收入达3.2亿元，研发投入4800万元。", "3.2亿元"),  # one firm
    ("总投资12亿元的新能源电池项目正式开工，将新增就业岗位800个。", "12亿元"),  # one project
    ("园区打造千亿元级生物医药产业集群。", "千亿元级"),  # an order of magnitude
    ("该企业建成三大研发中心。", "三大"),
    ("园区推出“科创贷”，给予企业差异化授信额度，最高信用贷款达1500万元。", "1500万元"),  # a cap per firm
    ("对新认定的企业，每家给予最高50万元奖励。", "最高50万元"),
    ("在多家机构支持下，星河智能近日获得银行提供的800万元信贷支持，并完成B轮融资1.5亿元。", "1.5亿元"),  # one firm's round
])
def test_parts_thresholds_plans_and_single_firms_are_no_indicator(tmp_path, sentence, surface):
    figure = fact(story_facts(tmp_path, [sentence]), surface)
    assert figure.indicator is None
    assert not figure.in_box or figure.unit == "CNY"  # a project's investment may be boxed


def test_funding_rounds_counted_over_many_firms_stay_the_park_s(tmp_path):
    facts = story_facts(tmp_path, ["2025年，园区12家企业完成A轮以上融资，融资总额达20亿元。"])
    assert fact(facts, "20亿元").indicator == "credit" and fact(facts, "20亿元").period == "2025"


def test_a_part_that_is_an_indicator_in_its_own_words_keeps_it(tmp_path):
    facts = story_facts(tmp_path, ["前三季度，园区完成固定资产投资128.6亿元，同比增长8%，"
                                   "其中工业投资56亿元，同比增长15.3%。"], date="2025-10-15")
    assert [(f.surface, f.indicator, f.change) for f in facts] == [
        ("128.6亿元", "fixed_asset_investment", None), ("8%", "fixed_asset_investment", "yoy"),
        ("56亿元", "industrial_investment", None), ("15.3%", "industrial_investment", "yoy")]
    assert facts[facts[3].change_of] is facts[2]


def test_a_decline_is_named_a_decline(tmp_path):
    (change,) = story_facts(tmp_path, ["2025年1—9月，园区外贸进出口总额同比下降5.2%。"], date="2025-10-15")
    assert (change.indicator, change.change) == ("trade_total", "yoy")
    assert (change.label_zh, change.label_en) == ("进出口总额同比下降", "total imports and exports, decline year on year")


def test_process_gains_are_no_change_of_an_indicator(tmp_path):
    facts = story_facts(tmp_path, ["2025年，园区推行“拿地即开工”，审批时限压缩50%，办事效率提升30%以上。"])
    for surface in ("50%", "30%以上"):
        assert (fact(facts, surface).change, fact(facts, surface).indicator, fact(facts, surface).period) == \
            (None, None, None)


def test_a_traditional_page_gets_the_same_indicators(tmp_path):
    facts = story_facts(tmp_path, ["截至2025年底，園區擁有國家高新技術企業320家，"
                                   "全年實現營業收入865億元，同比增長9.6%。"], title="園區創新動能強勁")
    assert (fact(facts, "320家").indicator, fact(facts, "320家").period) == ("hightech_enterprises", "≤2025-12")
    assert fact(facts, "865亿元").indicator == "operating_revenue"  # figures are read in Simplified
    assert fact(facts, "9.6%").change == "yoy"


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("sentence, date, surface, period, inferred", [
    ("2025年1—8月，园区规上工业增加值达56.2亿元。", "2025-09-20", "56.2亿元", "2025-01/2025-08", False),
    ("2025年1月至8月，园区固定资产投资完成88亿元。", "2025-09-20", "88亿元", "2025-01/2025-08", False),
    ("今年前三季度，园区一般公共预算收入12.6亿元。", "2025-10-20", "12.6亿元", "2025-01/2025-09", True),
    ("2025年上半年，园区工业投资完成31亿元。", "2025-07-20", "31亿元", "2025-H1", False),
    ("2025年一季度，园区实际使用外资1.2亿美元。", "2025-04-20", "1.2亿美元", "2025-Q1", False),
    ("截至2025年6月底，园区累计授信43亿元。", "2025-07-20", "43亿元", "≤2025-06", False),
    ("“十四五”期间，园区累计引进高层次人才1200余人。", "2026-01-20", "1200余人", "2021/2025", False),
    ("2021—2025年，园区研发投入年均超过20亿元。", "2026-01-20", "超过20亿元", "2021/2025", False),
    ("到2027年，园区力争营业收入突破1000亿元。", "2025-09-20", "突破1000亿元", "target:2027", False),
    ("园区计划2026年新增高新技术企业50家。", "2025-09-20", "50家", "target:2026", False),
    ("预计全年营业收入将达到680亿元。", "2025-09-20", "680亿元", None, False),
    ("目前，园区已集聚经营主体1.6万家。", "2025-09-20", "1.6万家", "≤2025-09", True),
    ("园区拥有省级以上孵化器12家。", "2025-09-20", "12家", "≤2025-09", True),
    ("去年，园区新增专精特新企业35家。", "2025-04-20", "35家", "2024", True),
    ("全年新签约项目86个，协议投资总额420亿元。", "2026-01-12", "86个", "2025", True),
    ("全年新签约项目86个，协议投资总额420亿元。", "2026-01-12", "420亿元", "2025", True),
    ("2024年，园区新引进项目150个。目前在建项目达到62个。", "2025-03-10", "62个", "≤2025-03", True),
    ("1—9月，园区规上工业总产值356亿元。", "2025-10-15", "356亿元", "2025-01/2025-09", True),
    ("今年以来，园区新增市场主体2100户。", "2025-10-15", "2100户", "2025-01/2025-09", True),
    ("2025年1—9月，园区高新技术企业总数达628家。", "2025-10-15", "628家", "≤2025-09", False),
    ("截至9月底，园区累计授信12亿元。", "2025-10-15", "12亿元", "≤2025-09", True),
])
def test_period_rules(tmp_path, sentence, date, surface, period, inferred):
    figure = fact(story_facts(tmp_path, [sentence], date=date), surface)
    assert (figure.period, figure.period_inferred) == (period, inferred)


def test_a_year_carries_through_its_paragraph_and_a_headline_takes_the_lead(tmp_path):
    facts = story_facts(tmp_path, ["近日，2025年度国家级绿色工厂名单公布，园区4家企业上榜。此外，园区还新增省级绿色工厂7家。",
                                   "下一步，园区将继续推进绿色制造。"], date="2026-01-08", title="园区新添4家国家级绿色工厂")
    assert [(f.block, f.surface, f.period, f.period_inferred) for f in facts] == [
        ("title", "4家", "2025", False), (0, "4家", "2025", False), (0, "7家", "2025", False)]


def test_durations_and_specifications_have_no_period(tmp_path):
    facts = story_facts(tmp_path, ["2025年，园区项目从签约到投产仅用时8个月，配套建设两条110千伏线路。"])
    assert fact(facts, "8个月").period is None and fact(facts, "110千伏").period is None


# ---------------------------------------------------------------- scores on the dev annotations

def test_meaning_scores_on_the_dev_annotations():
    score = evaluate_meaning(ROOT / "tests" / "data" / "gold-dev.json", ROOT / "seeds")
    assert score.indicator_accuracy() >= 0.90
    assert score.false_indicators() <= 0.05
    assert score.period_accuracy() >= 0.85
    assert score.change_accuracy() >= 0.90
    assert score.box_precision() >= 0.90
