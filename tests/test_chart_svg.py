"""The indicator chart: well-formed SVG, bars in proportion on a linear axis from zero, labels
that fit, ids from the caller."""
import re
import xml.etree.ElementTree as ET

import pytest

from park_digest.site.chart import LABEL_ROOM, bar_chart, linear_ticks, text_width

NS = {"svg": "http://www.w3.org/2000/svg"}


def draw(labels, values):
    svg = bar_chart(labels, values, "chart-test", "Operating revenue (CNY billion)", "two periods", "CNY billion")
    return svg, ET.fromstring(svg)


def widths(root):
    return [float(rect.get("width")) for rect in root.iterfind(".//svg:rect", NS)]


def test_bars_are_in_proportion_and_start_at_zero():
    svg, root = draw(["Jan–Aug 2024", "Jan–Aug 2025"], [4.19, 8.7])
    small, big = widths(root)
    assert big / small == pytest.approx(8.7 / 4.19, rel=0.01)
    ticks = [t.text for t in root.iterfind(".//svg:g[@class='ticks']/svg:text", NS)]
    assert ticks[0] == "0" and ticks[-1] == "10"
    assert root.find("svg:title", NS).text == "Operating revenue (CNY billion)"
    assert root.get("role") == "img" and root.find(".//svg:script", NS) is None


def test_a_fifty_fold_difference_stays_fifty_fold():
    """The old logarithmic axis drew 0.2 and 10 as bars of nearly the same length."""
    _, root = draw(["2024", "2025"], [0.2, 10])
    small, big = widths(root)
    assert big / small == pytest.approx(50, rel=0.01)


def test_long_labels_are_cut_to_their_column_and_kept_whole_in_the_tooltip():
    long_zh = "2026年1—8月 高新技术企业研发投入及科技成果转化专项资金总额"
    svg, root = draw([long_zh, "2026 R&D <spending>"], [5, 2])
    rows = root.findall(".//svg:g[@class='row']", NS)
    shown = [row.find("svg:text", NS).text for row in rows]
    assert shown[0].endswith("…") and long_zh.startswith(shown[0][:-1])
    assert all(text_width(label) <= LABEL_ROOM for label in shown)
    assert rows[0].find("svg:title", NS).text.startswith(long_zh)
    assert shown[1] == "2026 R&D <spending>"  # escaped in the source, whole in the tree
    assert "&lt;spending&gt;" in svg


def test_an_english_label_is_cut_between_words_never_inside_one():
    label = "Suzhou Industrial Park and Kunshan Economic and Technological Development Zone, first half"
    _, root = draw([label], [3])
    shown = root.find(".//svg:g[@class='row']/svg:text", NS).text
    assert shown.endswith("…") and text_width(shown) <= LABEL_ROOM
    kept = shown[:-1].split()
    assert kept and all(word in label.split() or word + "," in label.split() for word in kept)


def test_ticks():
    assert linear_ticks(87) == [0, 20, 40, 60, 80, 100]
    assert linear_ticks(1) == [0, 0.2, 0.4, 0.6, 0.8, 1]
    assert linear_ticks(0) == [0, 1]


def test_same_figures_same_svg_and_ids_from_the_caller():
    first, _ = draw(["2024", "2025"], [87, 41.9])
    again, root = draw(["2024", "2025"], [87, 41.9])
    assert first == again
    assert set(re.findall(r'id="([^"]+)"', first)) == {"chart-test-title", "chart-test-desc"}
    assert root.get("aria-labelledby") == "chart-test-title chart-test-desc"
