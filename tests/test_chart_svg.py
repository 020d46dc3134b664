"""The park chart: well-formed SVG, bars in proportion, every bar visible, labels that fit."""
import re
import xml.etree.ElementTree as ET

import pytest

from park_digest.site.chart import LABEL_ROOM, Bar, linear_ticks, money_chart, powers_of_ten, text_width

NS = {"svg": "http://www.w3.org/2000/svg"}


def draw(bars, lang="en"):
    chart = money_chart(bars, "CNY", lang, "chart-test", "Money (%s)", "%s figures; largest %s; unit %s",
                        " (logarithmic scale)")
    return chart, ET.fromstring(chart.svg)


def widths(root):
    return [float(rect.get("width")) for rect in root.iterfind(".//svg:rect", NS)]


def test_linear_bars_are_in_proportion_and_start_at_zero():
    chart, root = draw([Bar("2024-01 Total investment", 4.19e9), Bar("2026-01 Annual investment", 8.7e9)])
    small, big = widths(root)
    assert big / small == pytest.approx(8.7 / 4.19, rel=0.01)
    ticks = [t.text for t in root.iterfind(".//svg:g[@class='ticks']/svg:text", NS)]
    assert ticks[0] == "0" and ticks[-1] == "10"
    assert chart.scale_name == "CNY billion" and "logarithmic" not in chart.svg
    assert root.get("role") == "img" and root.find(".//svg:script", NS) is None


def test_logarithmic_axis_still_draws_the_smallest_bar():
    # Three orders of magnitude apart: on a linear axis the grant would be a sliver.
    chart, root = draw([Bar("2024-01 small grant", 5e7), Bar("2024-02 big fund", 3e10)])
    small, big = widths(root)
    assert 0 < small < big
    ticks = [t.text for t in root.iterfind(".//svg:g[@class='ticks']/svg:text", NS)]
    assert ticks == ["0.01", "0.1", "1", "10", "100"]  # from the power of ten below 0.05
    assert chart.scale_name == "CNY billion"
    assert "(logarithmic scale)" in root.find("svg:desc", NS).text
    assert "(logarithmic scale)" in root.find(".//svg:text[@class='axis-title']", NS).text


def test_long_labels_are_cut_to_their_column_and_kept_whole_in_the_tooltip():
    long_zh = "2026-01 高新技术企业研发投入及科技成果转化专项资金总额"
    chart, root = draw([Bar(long_zh, 5e8), Bar("2026-01 R&D <spending>", 2e8)], lang="zh")
    rows = root.findall(".//svg:g[@class='row']", NS)
    shown = [row.find("svg:text", NS).text for row in rows]
    assert shown[0].endswith("…") and long_zh.startswith(shown[0][:-1])
    assert all(text_width(label) <= LABEL_ROOM for label in shown)
    assert rows[0].find("svg:title", NS).text.startswith(long_zh)
    assert shown[1] == "2026-01 R&D <spending>"  # escaped in the source, whole in the tree
    assert "&lt;spending&gt;" in chart.svg


def test_ticks():
    assert linear_ticks(87) == [0, 20, 40, 60, 80, 100]
    assert linear_ticks(1) == [0, 0.2, 0.4, 0.6, 0.8, 1]
    assert linear_ticks(0) == [0, 1]
    assert powers_of_ten([1, 250]) == [0.1, 1, 10, 100, 1000]  # a bar at 1 still has a length
    assert powers_of_ten([0.05, 30]) == [0.01, 0.1, 1, 10, 100]


def test_same_figures_same_svg_and_ids_from_the_caller():
    bars = [Bar("2026-01 Annual investment", 8.7e10), Bar("2026-01 Total investment", 4.19e10)]
    first, _ = draw(bars)
    again, root = draw(bars)
    assert first.svg == again.svg
    assert set(re.findall(r'id="([^"]+)"', first.svg)) == {"chart-test-title", "chart-test-desc"}
    assert root.get("aria-labelledby") == "chart-test-title chart-test-desc"
