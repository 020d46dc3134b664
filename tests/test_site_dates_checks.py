"""A real site built from two pages written for this test: dates known to the month or the year are
shown so on the story page, the home page, the park page and in the feeds' summaries (never as a
made-up first day), a story with no date says so, and a figure that does not add up carries a note
for readers in every language."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from site_checks import build_pages_site, soup, story_page

CHECKED = """## 某高新区上半年经济运行情况

发布时间：2025-07-20

上半年，全区实现营业收入1280.5亿元：国家级园区760.2亿元，省级园区530.3亿元。

下一步，该区将继续推进重点项目建设。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    briefs = (ROOT / "tests" / "data" / "pages" / "briefs_page.txt").read_text(encoding="utf-8")
    return build_pages_site(tmp_path_factory.mktemp("dates"), {
        "briefs.txt": briefs, "briefs.yml": "stories:\n  1: {date: 2025-11}\n  2: {date: 2025}\n",
        "checked.txt": CHECKED})


def test_partial_dates_are_shown_to_their_precision(site):
    month = story_page(site, "绵阳高新区").select_one("article time")
    assert (month["datetime"], month.get_text()) == ("2025-11", "2025-11")
    year = story_page(site, "宜宾临港经开区").select_one("article time")
    assert (year["datetime"], year.get_text()) == ("2025", "2025")
    undated = story_page(site, "德阳高新区").select_one("article")
    assert undated.select_one("time") is None
    home = soup(site / "index.html").get_text()
    assert "2025-11" in home and "2025-11-01" not in home and "2025-01-01" not in home
    for page in site.rglob("*.html"):  # the first day may sort a table, never be shown
        assert "2025-11-01" not in soup(page).get_text(), page


def test_feeds_say_what_the_date_is(site):
    feed = next(path for path in site.rglob("*.atom.xml") if "parks" not in path.parts)
    text = feed.read_text(encoding="utf-8")
    assert re.search(r"<summary[^>]*>2025-11 · ", text) and re.search(r"<summary[^>]*>2025 · ", text)


@pytest.mark.parametrize("lang,note", [
    ("", "分项760.2亿元、530.3亿元之和为1290.5亿元，与总数「1280.5亿元」不符。"),
    ("zh-hant", "分項760.2億元、530.3億元之和為1290.5億元"),
    ("en", "The parts (CNY 76.02 billion, CNY 53.03 billion) add up to CNY 129.05 billion, not the stated total"),
])
def test_a_doubtful_figure_carries_a_note_for_readers(site, lang, note):
    doc = next(soup(p) for p in sorted((site / lang / "stories").glob("*.html")) if "1280.5" in soup(p).get_text())
    notes = doc.select("article .check-note")
    assert len(notes) == 1 and note in notes[0].get_text()
    assert notes[0]["data-check"] == "sum_mismatch" and notes[0]["role"] == "note"
    paragraph = notes[0].find_previous_sibling()
    assert "1280.5" in paragraph.get_text()  # beside the paragraph that prints the figure
