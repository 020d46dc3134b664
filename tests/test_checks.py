"""Figures that do not add up are flagged, never published silently: misprinted numerals, impossible
magnitudes and parts that miss their total, on sentences written for these tests. Approximate
shares and counts are read as written."""
from datetime import date

import pytest

from park_digest.figures.checks import check_story
from park_digest.figures.facts import extract_facts, extract_story_facts
from park_digest.model import BodyItem
from park_digest.parse.pipeline import process_seed
from park_digest.parse.read import decode_seed


def checks(*paragraphs: str, title: str = "某园区新闻"):
    lines = [title, *paragraphs]
    body = [BodyItem("paragraph", text, (n, n), (n,)) for n, text in enumerate(paragraphs, start=2)]
    facts = extract_story_facts(title, body)
    return [(c.kind, c.text, c.line) for c in check_story(title, body, facts, lines, (1, len(lines)))]


def read(text: str):
    return [(f.surface, f.value, f.unit, f.qualifier) for f in extract_facts(text)]


@pytest.mark.parametrize("text,expected", [
    ("企业中近3成来自外省。", [("近3成", 30.0, "percent", "approx")]),
    ("研发人员占比超4成。", [("超4成", 40.0, "percent", "over")]),
    ("园区引进数十台工业机器人。", [("数十台", 10.0, "count", "approx")]),
    ("集聚科技企业数百家。", [("数百家", 100.0, "count", "approx")]),
    ("单笔3000万美元及以上的项目12个。", [("3000万美元及以上", 3e7, "USD", "over"), ("12个", 12.0, "count", "exact")]),
    ("集聚企业上千家。", [("上千家", 1000.0, "count", "approx")]),
    ("总投资近百亿元。", [("近百亿元", 1e10, "CNY", "approx")]),
    ("成立3年来，企业成长迅速。", [("3年", 3.0, "year", "exact")]),  # 成立 and 成长 are no shares
])
def test_approximate_shares_and_counts_read_as_written(text, expected):
    assert read(text) == expected


def test_misprinted_numerals_read_when_unambiguous_and_flagged():
    assert read("出口额50.59.亿美元。") == [("50.59.亿美元", 5.059e9, "USD", "exact")]
    assert read("营业收入80 .9亿元。") == [("80 .9亿元", 8.09e9, "CNY", "exact")]
    assert read("合同额1,2345万元。") == [] and read("营收1.2.3亿元。") == []  # no reading is certain: none
    assert read("企业1,200家，发布于2024.08.16，迈入3.0时代。") == [("1,200家", 1200.0, "count", "exact")]
    assert checks("出口额50.59.亿美元，营业收入80 .9亿元。", "合同额1,2345万元，营收1.2.3亿元。") == [
        ("malformed", "50.59.亿美元", 2), ("malformed", "80 .9亿元", 2),
        ("malformed", "1,2345万元", 3), ("malformed", "1.2.3亿元", 3)]


def test_a_national_total_too_small_for_its_zones_and_firms():
    text = "2023年，全省72家高新区统计在册企业4.2万家，实现营业总收入9.85亿元，工业总产值6.3亿元，净利润5120亿元。"
    assert checks(text) == [("implausible", "9.85亿元", 2), ("implausible", "6.3亿元", 2)]
    right = text.replace("9.85亿元", "9.85万亿元").replace("6.3亿元", "6.3万亿元")
    assert checks(right) == []


@pytest.mark.parametrize("text,flagged", [
    ("今年前三季度，园区实现营业收入3元。", "3元"),
    ("园区利润总额86亿元，营业收入52亿元。", "86亿元"),
    ("全区工业增加值320亿元，规上工业总产值280亿元。", "320亿元"),
    ("外资企业占园区企业总数的120%。", "120%"),
    ("高新技术企业数量已占全区企业的十二成。", "十二成"),
])
def test_impossible_magnitudes(text, flagged):
    assert checks(text) == [("implausible", flagged, 2)]


@pytest.mark.parametrize("text", [
    "园区企业人均月工资8000元，每度电价0.6元。",  # amounts per person and per unit may be small
    "园区为300家企业减免税费500万元。",  # a relief, not a revenue: per firm it may well be small
    "营业收入同比增长120%，利润增长35%。",  # growth may exceed 100%
    "新增高新技术企业120家，实现营业收入86亿元。",
])
def test_ordinary_figures_are_not_flagged(text):
    assert checks(text) == []


@pytest.mark.parametrize("text,flagged", [
    ("上半年，全区实现营业收入1280.5亿元：国家级园区760.2亿元，省级园区530.3亿元。", "1280.5亿元"),
    ("全年共引进项目50个，分别为工业项目30个、科技项目15个和服务业项目8个。", "50个"),
    ("签约项目12个、开工项目9个，合计23个。", "23个"),
    ("新增研发机构32个，其中国家级10个、省级25个。", "32个"),  # parts listed under 其中 exceed it
])
def test_parts_that_miss_their_total(text, flagged):
    assert checks(text) == [("sum_mismatch", flagged, 2)]


@pytest.mark.parametrize("text", [
    "上半年，全区实现营业收入1280.5亿元：国家级园区750.2亿元，省级园区530.3亿元。",
    "新增研发机构32个，其中国家级10个、省级22个。",
    "企业1000家，其中高新技术企业600家。",  # a part, not all of them
    "当天开工项目16个，总投资37.94亿元、年度投资15.1亿元，其中工业项目6个，总投资18.1亿元、年度投资6.2亿元，"
    "教育项目5个，总投资14.8亿元、年度投资6亿元，城市配套项目5个，总投资5.08亿元、年度投资2.9亿元。",
    "营业收入12.3亿元：一季度5.1亿元，二季度7.2亿元。",  # rounding: 12.3 = 5.1 + 7.2
    "全年新增企业500家，其中高企120家，累计达3000家。",
])
def test_parts_that_add_up_are_not_flagged(text):
    assert checks(text) == []


def test_checks_reach_the_extract_and_the_build_log():
    page = "## 某高新区上半年经济运行\n\n上半年，全区实现营业收入1280.5亿元：国家级园区760.2亿元，省级园区530.3亿元。\n"
    result = process_seed(decode_seed(page.encode("utf-8"), "page.txt"), today=date(2026, 3, 1))
    (check,) = result.stories[0].checks
    assert (check.kind, check.text, check.line) == ("sum_mismatch", "1280.5亿元", 3)
    assert check.note_zh == "分项760.2亿元、530.3亿元之和为1290.5亿元，与总数「1280.5亿元」不符。"
    assert check.note_en == ("The parts (CNY 76.02 billion, CNY 53.03 billion) add up to CNY 129.05 billion, "
                             "not the stated total of CNY 128.05 billion.")
    assert result.warnings == [f"page.txt: line 3: sum_mismatch figure 1280.5亿元: {check.note_en}"]


def test_a_national_total_a_few_billion_for_all_the_national_zones_is_flagged():
    assert checks("2023年全国178家国家高新区实现营业收入59.9亿元，同比增长8.2%。") == [("implausible", "59.9亿元", 2)]
    assert checks("2023年，全市12个园区共实现营业收入9.5亿元。") == [("implausible", "9.5亿元", 2)]
    assert checks("2023年，全市12个园区共实现营业收入859亿元。") == []



def test_a_numeral_broken_by_a_space_is_flagged_and_never_read_in_part():
    text = "园区完成固定资产投资40 0亿元，新增市场主体1 280家。"
    assert read(text) == []
    assert checks(text) == [("malformed", "40 0亿元", 2), ("malformed", "1 280家", 2)]


def test_digits_grouped_wrong_apart_from_their_unit_are_flagged_and_never_read():
    text = "截至9月末，全区市场主体达到4.12万户，较上年末净增 3,86 户。"
    assert [surface for surface in (f.surface for f in extract_facts(text)) if "86" in surface] == []
    assert checks(text) == [("malformed", "3,86 户", 2)]


def test_a_revenue_of_all_the_national_zones_in_the_billions_is_flagged():
    text = "评价结果显示，2023年，国家高新区实现营业收入59.9亿元，同比增长6.7%。"
    assert checks(text) == [("implausible", "59.9亿元", 2)]
    assert checks("评价结果显示，2023年，国家高新区实现营业收入59.9万亿元，同比增长6.7%。") == []
    assert checks("2023年，苏州国家高新区实现营业收入59.9亿元。") == []  # one zone, not all of them
