"""The fact box: what it holds (INDICATORS.md's box rule) and how it reads (period, hedge, change
beside its level), on a page written for this test; labels that name what is measured."""
import pytest

from park_digest.figures.factbox import box_rows, format_value, hedge
from park_digest.figures.labels_check import clean_zh
from park_digest.figures.period_display import format_period
from park_digest.model import Fact
from park_digest.parse.pipeline import process_file

PAGE = """# 示范区前8个月营收同比增长39.5%

本报讯 2025年前8个月，示范区实现营业收入102亿元，同比增长39.5%。截至8月底，示范区拥有高新技术企业356家，
占全市近1/10；国家级专精特新“小巨人”企业12家。

“以前一单货发货就要垫资500万元，压力很大。”园区一家企业负责人说。园区推出“科创贷”后，这家企业当月就拿到了贷款。

在园区一家企业的展厅里，新款体检仪仅需8秒钟就能完成一次扫描，精度提高约3倍。

下一步，示范区将力争到2027年营业收入突破300亿元。
"""


@pytest.fixture
def story(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    page.with_suffix(".yml").write_text("date: 2025-09-18\n", encoding="utf-8")
    return process_file(page).stories[0]


def boxed(story):
    return [f.surface for f in story.facts if f.in_box]


def test_the_box_holds_the_park_results_not_anecdotes_specs_or_targets(story):
    box = boxed(story)
    assert {"102亿元", "356家", "12家"} <= set(box)
    assert not {"500万元", "8秒钟", "约3倍", "突破300亿元"} & set(box)
    assert all(f.labelled for f in story.facts if f.in_box)


def test_box_rows_say_the_period_and_show_the_change_beside_its_level(story):
    labels = [f.label_en for f in story.facts]
    rows = {r.value: r for r in box_rows(story.facts, labels, "en")}
    revenue = rows["CNY 10.2 billion"]
    assert (revenue.label, revenue.period, revenue.inferred) == ("operating revenue", "Jan–Aug 2025", False)
    assert [text for _, text in revenue.beside] == ["up 39.5% year on year"]
    firms = rows["356"]
    assert firms.period == "as of Aug 2025" and [t for _, t in firms.beside] == ["nearly 1/10 of the city's total"]
    zh = {r.value: r for r in box_rows(story.facts, [f.label_zh for f in story.facts], "zh-Hans")}
    assert zh["102亿元"].period == "2025年1—8月"
    assert [t for _, t in zh["102亿元"].beside] == ["同比增长39.5%"]
    assert "39.5%" not in boxed(story)  # shown beside its level, not as a figure of its own


def test_the_target_keeps_its_period(story):
    target = next(f for f in story.facts if f.surface == "突破300亿元")
    assert (target.indicator, target.period) == ("operating_revenue", "target:2027")


@pytest.mark.parametrize("surface, value, unit, qualifier, english", [
    ("超200个", 200, "count", "over", "over 200"),
    ("近1/10", 0.1, "other", "approx", "nearly 1/10"),
    ("3000余家", 3000, "count", "approx", "more than 3,000"),
    ("600多家", 600, "count", "approx", "more than 600"),
    ("约100万元", 1e6, "CNY", "approx", "about CNY 1 million"),
    ("30%以上", 30, "percent", "over", "over 30%"),
    ("不到半年", 0.5, "year", "under", "under 0.5 years"),
    ("最高500万元", 5e6, "CNY", "under", "up to CNY 5 million"),
    ("10.2亿元", 1.02e9, "CNY", "exact", "CNY 1.02 billion"),
])
def test_the_text_hedge_in_english(surface, value, unit, qualifier, english):
    figure = Fact(surface=surface, value=value, unit=unit, qualifier=qualifier)
    assert format_value(figure, "en") == english
    assert format_value(figure, "zh-Hans") == surface
    assert (hedge(figure) == "") == (qualifier == "exact")


@pytest.mark.parametrize("period, zh, hant, en", [
    ("2025", "2025年", "2025年", "2025"),
    ("2025-01/2025-08", "2025年1—8月", "2025年1—8月", "Jan–Aug 2025"),
    ("2024-07/2025-06", "2024年7月—2025年6月", "2024年7月—2025年6月", "Jul 2024–Jun 2025"),
    ("2025-H1", "2025年上半年", "2025年上半年", "H1 2025"),
    ("2025-Q3", "2025年三季度", "2025年三季度", "Q3 2025"),
    ("≤2025-12", "截至2025年底", "截至2025年底", "end of 2025"),
    ("≤2026-01", "截至2026年1月", "截至2026年1月", "as of Jan 2026"),
    ("2021/2025", "2021—2025年", "2021—2025年", "2021–2025"),
    ("target:2027", "2027年目标", "2027年目標", "2027 target"),
    (None, "", "", ""),
])
def test_periods_read_as_a_reader_reads_them(period, zh, hant, en):
    assert (format_period(period, "zh-Hans"), format_period(period, "zh-Hant"), format_period(period, "en")) == \
        (zh, hant, en)


@pytest.mark.parametrize("label, clean", [
    ("个市级重点项目总投资", False), ("这款产品", False), ("这份", False), ("提前", False),
    ("发货就要垫资", False), ("阿斯利康", False), ("户籍人口连续", False),
    ("市级重点项目总投资", True), ("高新技术企业数量", True), ("线下对接活动数", True),
])
def test_labels_are_noun_phrases_not_fragments(label, clean):
    assert clean_zh(label) is clean


def test_every_figure_is_labelled_or_left_out_of_box_and_labels(story):
    for figure in story.facts:
        if figure.labelled:
            assert clean_zh(figure.label_zh) or figure.indicator, figure.label_zh
            assert figure.label_en
        else:
            assert (figure.label_zh, figure.label_en, figure.in_box) == ("", "", False)


def test_a_count_of_zones_is_labelled_as_zones_not_countries(tmp_path):
    # 国家级 opens the zone word; the label had taken 国家 (countries) as the thing counted.
    page = tmp_path / "zones.txt"
    page.write_text("全省高新区上半年运行平稳\n\n本报讯 今年上半年，全省12家国家级高新区实现营业收入1.2万亿元，"
                    "同比增长8.5%。全省另有5个经开区入选省级示范名单。\n", encoding="utf-8")
    facts = {f.surface: f for story in process_file(page).stories for f in story.facts}
    assert (facts["12家"].label_zh, facts["12家"].label_en) == ("国家级高新区数", "number of national high-tech zones")
    assert facts["5个"].label_en == "number of economic development zones"
