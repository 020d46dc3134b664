"""CSV cells never start a spreadsheet formula (OWASP), in every CSV the site writes."""
import csv
import io
from datetime import datetime
from types import SimpleNamespace

import pytest

from park_digest.site.spreadsheet import BOM, csv_text, safe_cell
from park_digest.site.tables import figure_rows, rows_csv
from park_digest.stories.markdown import FactEntry, StoryMeta


@pytest.mark.parametrize("text, shown", [
    ("=HYPERLINK(\"http://x\",\"点此\")", "'=HYPERLINK(\"http://x\",\"点此\")"),
    ("+86 532 1234", "'+86 532 1234"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\t=1+1", "'\t=1+1"), ("\r=1", "'\r=1"),
    ("＝1+1", "'＝1+1"), ("  =1+1", "'  =1+1"),
    ("青岛高新区", "青岛高新区"), ("a=b", "a=b"), ("", ""),
])
def test_text_that_starts_a_formula_is_quoted(text, shown):
    assert safe_cell(text) == shown


def test_numbers_stay_numbers():
    assert safe_cell(-3.5) == -3.5 and safe_cell(12) == 12 and safe_cell(None) is None


def test_a_whole_file_has_a_bom_and_reads_back():
    text = csv_text(["title", "value"], [["=1+1", -2], ["普通标题", 3]])
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows == [["title", "value"], ["'=1+1", "-2"], ["普通标题", "3"]]


def test_the_site_s_figure_csv_neutralises_titles_and_sentences():
    fact = FactEntry(label="-授信", figure="5亿元", anchor="p0s0", value=5e8, unit="CNY", box=True,
                     sentence="@cmd 授信5亿元。")
    article = SimpleNamespace(
        slug="s", title="=HYPERLINK(\"http://evil\")", url="zh-Hans/stories/s.html",
        date=datetime(2026, 1, 5), content='<p><span id="p0s0">@cmd 授信5亿元。</span></p>',
        digest=StoryMeta(park="p", park_zh="+园区", park_en="Park", date_precision="day", facts=(fact,)))
    rows = list(csv.DictReader(io.StringIO(rows_csv(figure_rows([article], {}, "")))))
    assert rows[0]["title"].startswith("'=") and rows[0]["sentence"].startswith("'@")
    assert rows[0]["label_zh"] == "'-授信" and rows[0]["park_zh"] == "'+园区"
    assert rows[0]["value"] == "500000000"
