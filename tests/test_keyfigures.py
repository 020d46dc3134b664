"""A park's key indicators, its charts and the comparison of parks, as HTML and SVG."""
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from park_digest.site.comparison import compare, compare_rows_html
from park_digest.site.keyfigures import FigureRef, indicator_charts, key_table_html, park_cells

WORDS = {"conflict": "sources disagree", "conflict_short": "≠", "doubtful": "?", "doubtful_title": "doubtful",
         "inferred_title": "period inferred from the publication date", "inferred_short": "inferred",
         "chart_sources": "Sources: %s", "series_desc": "%s: %s"}


def ref(value, period, story, park="qingdao", indicator="operating_revenue", unit="CNY", **kw):
    return FigureRef(park, indicator, period, kw.pop("inferred", False), value, unit, kw.pop("figure", f"{value:g}"),
                     f"en/stories/{story}.html#p0", f"Story {story}", f"en/stories/{story}.html", "2025-09-01", **kw)


def soup(rows):
    return BeautifulSoup(f"<table><tbody>{rows}</tbody></table>", "html.parser")


def test_one_row_per_indicator_and_period_with_every_source_and_conflicts_flagged():
    refs = [ref(1.02e9, "2025-01/2025-08", "a", figure="CNY 1.02 billion"),
            ref(1.02e9, "2025-01/2025-08", "b", figure="CNY 1.02 billion"),
            ref(8.0e8, "2024-01/2024-08", "c"), ref(9.0e8, "2024-01/2024-08", "d"),
            ref(39.5, "2025-01/2025-08", "a", unit="percent", change="yoy", figure="39.5%"),
            ref(628, "≤2026-01", "a", indicator="hightech_enterprises", unit="count", inferred=True),
            ref(5, None, "a", indicator="hightech_enterprises", unit="count"),  # no period: not here
            ref(7, "2025", "a", indicator=None, unit="count")]  # no indicator: not here
    rows = soup(key_table_html(park_cells(refs), "en", WORDS, "https://example.org")).select("tr")
    assert [r.th.get_text() for r in rows] == ["operating revenue", "operating revenue",
                                               "operating revenue, change year on year", "high-tech enterprises"]
    first, second = rows[0], rows[1]
    assert first.select_one(".period").get_text() == "Jan–Aug 2024" and "conflict" in first["class"]
    assert [a.get_text() for a in first.select(".value > a")] == ["8e+08", "9e+08"]
    assert second.select_one(".value a")["href"] == "https://example.org/en/stories/a.html#p0"
    assert [a.get_text() for a in second.select("a")] == ["CNY 1.02 billion", "[2]"]
    assert rows[3].select_one(".period.inferred sup").get_text() == "*"


def test_charts_are_linear_one_indicator_each_with_unit_and_sources():
    refs = [ref(8e8, "2024-01/2024-08", "c"), ref(1.02e9, "2025-01/2025-08", "a"),
            ref(1.6e9, "2024", "e"), ref(3e9, "target:2027", "f"),
            ref(15, "≤2024-12", "g", indicator="little_giants", unit="count"),
            ref(21, "≤2025-12", "h", indicator="little_giants", unit="count", doubtful=("implausible",))]
    charts = indicator_charts(park_cells(refs), "en", WORDS, "chart-qingdao")
    assert [c.title for c, _ in charts] == ["operating revenue (CNY billion)", '"little giant" specialised SMEs (number)']
    revenue, sources = charts[0]
    svg = ET.fromstring(revenue.svg)
    labels = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.text and "20" in t.text]
    assert labels[-2:] == ["Jan–Aug 2024", "Jan–Aug 2025"]  # comparable periods only; no target
    assert sources == "Sources: Story c; Story a"
    ticks = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.get("y") and t.text and t.text[0].isdigit()]
    assert ticks[0] == "0"  # a linear axis from zero
    assert "end of 2025 ?" in charts[1][0].svg  # the doubtful figure carries its flag


def test_compare_gives_every_park_s_latest_value_sorted_within_a_unit():
    refs = [ref(1.02e9, "2025-01/2025-08", "a"), ref(1.6e9, "2024", "b"),
            ref(2.5e9, "2025-H1", "c", park="xian"), ref(3e9, "target:2027", "d", park="wuhan")]
    table = compare(park_cells(refs), {"qingdao": "Qingdao", "xian": "Xi'an", "wuhan": "Wuhan"})
    rows = table["operating_revenue"]
    assert [(r.park, r.cell.period) for r in rows] == [("xian", "2025-H1"), ("qingdao", "2025-01/2025-08")]
    html = soup(compare_rows_html(rows, "en", WORDS, "", "en/parks/%s.html"))
    assert [tr["data-group"] for tr in html.select("tr")] == ["CNY", "CNY"]
    assert html.select_one("th a")["href"] == "/en/parks/xian.html"
