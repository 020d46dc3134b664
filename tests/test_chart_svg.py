"""The park chart's SVG is valid inside HTML: pygal's zero-length bar still gets its width."""
import re

from park_digest.chart import Bar, money_chart


def test_bar_on_the_axis_keeps_a_width():
    # A logarithmic axis starts at the smallest figure, so that bar has no length at all.
    bars = [Bar("2024-01 small grant", 1e6), Bar("2024-02 big fund", 1e9)]
    chart = money_chart(bars, "CNY", "en", "chart-test", "Money (%s)", "%s figures; largest %s; unit %s")
    rects = re.findall(r"<rect\b[^>]*>", chart.svg)
    assert rects and all(re.search(r'\bwidth="', r) for r in rects), [r for r in rects if "width=" not in r]
    assert 'width="0"' in chart.svg  # the axis-level bar is there, drawn with no length
