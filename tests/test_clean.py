"""clean_text: the one function that takes out of incoming text what no page may carry, and says
on which line it did."""
import pytest

from park_digest.parse.clean import clean_text, clean_value, name_problem, printable
from park_digest.parse.read import decode_seed


@pytest.mark.parametrize("text,cleaned,report", [
    ("第一版末行\n\x0c第二版首行\n", "第一版末行\n第二版首行\n", "line 2: page or line separator U+000C dropped"),
    ("第一版末行\x0c第二版首行", "第一版末行\n第二版首行", "line 1: page or line separator U+000C made a line break"),
    ("甲\x0b乙", "甲\n乙", "made a line break"),
    ("正文\x1b[1;31m红字\x1b[0m。", "正文红字。", "line 1: terminal control sequence ESC[0m, ESC[1;31m removed (2×)"),
    ("企业\x07\x00\x7f\x9f120家", "企业120家", "control character U+0000, U+0007, U+007F, U+009F removed (4×)"),
    ("营收\uffff\ufdd0\U0001fffe增长", "营收增长", "non-character"),
    ("青岛\ud83d高新区", "青岛\ufffd高新区", "lone surrogate (undecodable bytes) U+D83D replaced by U+FFFD"),
    ("\u202e区新高岛青", "区新高岛青", "bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE removed"),
    ("青\u200b岛\u2060高\ufeff新\u200d区", "青岛高新区", "zero-width or invisible character"),
    ("ok\r\nline\u2028two\n", "ok\r\nline\ntwo\n", "line 2: page or line separator U+2028 LINE SEPARATOR made a line break"),
], ids=["pdf-page-break", "form-feed-mid-line", "vertical-tab", "ansi-colours", "c0-c1-del",
        "non-characters", "surrogate", "override", "zero-width", "line-separator"])
def test_what_is_cleaned_and_how_it_is_reported(text, cleaned, report):
    result, issues = clean_text(text)
    assert result == cleaned
    assert any(report in str(issue) for issue in issues), [str(i) for i in issues]


@pytest.mark.parametrize("text", [
    "青岛高新区今年新增企业120家，同比增长12%。\n\t表格\tcolumn\r\n",
    "עברית \u200fטקסט\u200e and العربية\u061c",  # marks in a right-to-left line belong there
    "家庭 👨\u200d👩\u200d👧 and 🏳\ufe0f\u200d🌈",  # emoji sequences keep their joiners
    "私用区\ue000字",  # private use: some fonts put rare characters there
], ids=["plain", "right-to-left", "emoji", "private-use"])
def test_text_that_belongs_is_left_as_it_is(text):
    assert clean_text(text) == (text, [])


def test_line_numbers_count_every_kind_of_line_end_and_start_where_asked():
    _, issues = clean_text("a\r\nb\rc\nd\x1be", first_line=10)
    assert [issue.line for issue in issues] == [13]


def test_only_damage_counts_as_lost():
    (tidy,) = clean_text("青\u200b岛\u202e")[1]
    (damaged,) = clean_text("青\ud800岛")[1]
    assert not tidy.lost and damaged.lost


def test_a_value_is_reported_by_its_place():
    assert clean_value("日报\x1b", "stories.2.title") == ("日报", ["stories.2.title: control character U+001B removed"])


def test_a_seed_is_cleaned_when_it_is_read_and_says_so():
    seed = decode_seed("标题\u202e\n\n正文\x1b第二段\x0c第三段\n".encode(), "page.txt")
    assert seed.lines == ["标题", "", "正文第二段", "第三段", ""]
    assert seed.warnings == ["page.txt: line 1: bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE removed",
                             "page.txt: line 3: control character U+001B removed; "
                             "page or line separator U+000C made a line break"]


@pytest.mark.parametrize("name,problem", [
    ("a\nb.txt", "a line break"), ("a\u2029b.txt", "a line break"), ("a\x1bb.txt", "control or invisible"),
    ("a\u202eb.txt", "control or invisible"), ("-x.txt", "begins with '-'"), ("a\udcffb.txt", "not valid UTF-8"),
])
def test_unsafe_file_names(name, problem):
    assert problem in name_problem(name)
    assert printable(name).isprintable() or printable(name).startswith("-")


def test_safe_file_names():
    for name in ("000_68498c843cd78d0e.txt", "青岛 日报　第1版.txt", "ünïcode-名.txt", "a-b.txt"):
        assert name_problem(name) is None and printable(name) == name
