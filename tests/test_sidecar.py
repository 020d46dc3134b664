"""The editor's sidecar: every field works, every mistake is named with its file and line (and a
suggestion for a near miss), and no mistake costs the page its stories."""
import shutil
from datetime import date

import pytest

from park_digest.parse.pipeline import process_file
from park_digest.parse.sidecar import parse_sidecar
from park_digest.settings import Settings
from park_digest.stories.generate import StrictModeError, generate_content
from conftest import ROOT

PAGE = ROOT / "tests" / "data" / "pages" / "briefs_page.txt"  # three briefs, lines 1-5, 7-11, 13-15
TODAY = date(2026, 3, 1)


def page_with(tmp_path, sidecar: str, name: str = "page"):
    shutil.copy(PAGE, tmp_path / f"{name}.txt")
    (tmp_path / f"{name}.yml").write_text(sidecar, encoding="utf-8")
    return process_file(tmp_path / f"{name}.txt", today=TODAY)


def problems(text: str) -> list[str]:
    sidecar = parse_sidecar(text.encode("utf-8"), ROOT / "page.yml")
    return [sidecar.message(p) for p in sidecar.problems]


def test_every_story_field_is_applied(tmp_path):
    result = page_with(tmp_path, """\
stories:
  1: {title: 绵阳高新区12个项目集中签约, kind: article, authors: [周明远, 李想], date: 2025-11}
  2: {park: 宜宾三江新区}
  3: {park: 德阳高新区, date: 2025-11-20}
""")
    named = page_with(tmp_path, "stories:\n  1: {park: 星河湾科创谷}\n  2: {park: deyang}\n  3: {park: Deyang Hi-Tech Zone}\n",
                      "named").stories
    assert (named[0].park.name_zh, named[0].park.name_en, named[0].park.known) == ("星河湾科创谷", "Xinghewankechuanggu Park", False)
    assert named[0].park.slug.startswith("xinghewankechuanggu-park-")
    assert named[1].park.name_zh == named[2].park.name_zh == "德阳高新区"  # by slug, by English name
    first, second, third = result.stories
    assert (first.title, first.kind, first.authors) == ("绵阳高新区12个项目集中签约", "article", ["周明远", "李想"])
    assert (first.date, first.date_inferred) == ("2025-11", False)
    assert second.park.name_zh == "宜宾三江新区" and not second.park.known  # a park outside the gazetteer
    assert second.park.name_en == "Yibin Sanjiang New Area"
    assert (third.date, third.park.name_zh) == ("2025-11-20", "德阳高新区")
    assert result.errors == [] and result.warnings == []


def test_page_date_and_source_fields(tmp_path):
    result = page_with(tmp_path, """\
date: 2025-11
source:
  publication: 四川科技报
  date: 2025-11-14
  page: 3
  url: https://example.com/2025-11-14/3.html
""")
    story = result.stories[0]
    assert story.date == "2025-11" and not story.date_inferred
    assert (story.source.publication, story.source.date, story.source.page) == ("四川科技报", "2025-11-14", "3")
    assert story.source.url == "https://example.com/2025-11-14/3.html"
    assert story.source.label() == "四川科技报 2025-11-14 第3版"


def test_the_editor_corrects_the_kind_of_page(tmp_path):
    assert page_with(tmp_path, "").stories[0].source.medium == "print"  # three 本报讯 briefs
    corrected = page_with(tmp_path, "source:\n  medium: web\n", "corrected")
    assert all(story.source.medium == "web" for story in corrected.stories) and corrected.errors == []
    assert problems("source:\n  medium: paper\n") == [
        "page.yml: line 2: source.medium is print (a printed newspaper page) or web, not 'paper'"]


def test_plain_string_source_still_works(tmp_path):
    result = page_with(tmp_path, "source: 四川科技报\n")
    assert all(story.source.publication == "四川科技报" for story in result.stories)


def test_split_and_merge_by_line(tmp_path):
    merged = page_with(tmp_path, "merge_at: [13]\n")
    assert [story.span for story in merged.stories] == [(1, 5), (7, 15)]
    second = merged.stories[1]
    assert second.title == "宜宾临港经开区新能源产业链再添新成员"
    assert [item.type for item in second.body] == ["paragraph", "paragraph", "heading", "paragraph"]
    split = page_with(tmp_path, "split_at: [5]\nstories:\n  2: {title: 绵阳高新区今年已引进项目45个}\n")
    assert [story.span for story in split.stories] == [(1, 3), (5, 5), (7, 11), (13, 15)]
    assert split.stories[1].title == "绵阳高新区今年已引进项目45个"  # numbers count stories after the split
    assert split.stories[0].authors == ["周明远"]


@pytest.mark.parametrize("text,expected", [
    ("titel: x\n", "page.yml: line 1: unknown key titel; 'title' is a story's field: put it under stories: {1: {title: …}}"),
    ("xyz: x\n", "page.yml: line 1: unknown key xyz; known keys: date, source, split_at, merge_at, stories"),
    ("sorce: 四川科技报\n", "page.yml: line 1: unknown key sorce; did you mean 'source'?"),
    ("stories:\n  1: {titel: x}\n", "page.yml: line 2: unknown key stories.1.titel; did you mean 'title'?"),
    ("stories:\n  1:\n    kind: breif\n", "page.yml: line 3: stories.1.kind: 'breif' is not a kind; did you mean 'brief'?"),
    ("source: {publisher: x}\n", "page.yml: line 1: unknown key source.publisher; did you mean 'publication'?"),
    ("date: 9999-12-31\n", "page.yml: line 1: date: 9999-12-31 is out of range (1900–2100)"),
    ("date: 0001-01-01\n", "page.yml: line 1: date: 0001-01-01 is out of range (1900–2100)"),
    ("date: 2026-13-45\n", "page.yml: line 1: date: '2026-13-45' is not a date; write it as 2024-08-16, 2024-08 or 2024"),
    ("date: yesterday\n", "page.yml: line 1: date: 'yesterday' is not a date; write it as 2024-08-16, 2024-08 or 2024"),
    ("source:\n  url: ftp://x\n", "page.yml: line 2: source.url must start with http:// or https://, not 'ftp://x'"),
    ("stories: [1, 2]\n", "page.yml: line 1: stories must map story numbers (1, 2, …) to their fields"),
    ("stories:\n  first: {title: x}\n", "page.yml: line 2: stories: 'first' is not a story number (1, 2, …)"),
    ("stories:\n  1: {title: [a, b]}\n", "page.yml: line 2: stories.1.title must be text, not a list"),
    ("split_at: [x]\n", "page.yml: line 1: split_at: 'x' is not a line number (1, 2, …)"),
    ("- a list\n", "page.yml: line 1: sidecar must be a mapping of date, source, split_at, merge_at, stories, not a list"),
    ("date: 2026-01-15\n\tsource: tab\n", "page.yml: line 2: malformed sidecar YAML: found character '\\t' that cannot start any token"),
    ("a: &x [1]\nb: *x\n", "page.yml: line 2: YAML aliases (*name) are not allowed in a sidecar"),
    ("stories:\n  1:\n" + "".join("  " * (i + 2) + "a:\n" for i in range(10)) + "  " * 12 + "b: x\n",
     "page.yml: line 9: sidecar nested too deeply: the fields go four levels deep at most"),
])
def test_mistakes_name_the_file_the_line_and_a_near_miss(text, expected):
    assert problems(text) == [expected]


@pytest.mark.parametrize("text,reason", [
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ("a: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n", "nested too deeply"),
    ("".join(" " * i + "a:\n" for i in range(5000)) + " " * 5000 + "b: 1\n", "too large for a sidecar"),
])
def test_deep_nesting_is_one_line_never_a_traceback(text, reason):
    found = problems(text)
    assert len(found) == 1 and found[0].startswith("page.yml: ") and "\n" not in found[0]
    assert reason in found[0]


def test_not_utf8_is_a_problem_not_a_crash():
    sidecar = parse_sidecar(b"date: \xff\xfe\n", ROOT / "page.yml")
    assert [sidecar.message(p) for p in sidecar.problems] == [
        "page.yml: sidecar is not UTF-8 (invalid start byte at byte 6)"]


def test_a_bad_override_leaves_the_page_and_the_good_overrides(tmp_path):
    result = page_with(tmp_path, """\
stories:
  1: {kind: breif, title: 绵阳高新区12个项目集中签约}
  9: {title: 不存在的稿件}
""")
    assert len(result.stories) == 3  # every story published
    assert result.stories[0].title == "绵阳高新区12个项目集中签约" and result.stories[0].kind == "brief"
    assert result.errors == ["page.yml: line 2: stories.1.kind: 'breif' is not a kind; did you mean 'brief'?",
                             "page.yml: line 3: stories.9: there is no story 9; the page has 3"]


def test_a_broken_sidecar_publishes_the_page_without_it(tmp_path):
    result = page_with(tmp_path, "date: [unclosed\n")
    assert [story.title for story in result.stories] == [
        "绵阳高新区新签约项目12个", "宜宾临港经开区新能源产业链再添新成员", "德阳高新区举办企业家沙龙"]
    assert len(result.errors) == 1 and result.errors[0].startswith("page.yml: line 2: malformed sidecar YAML")


@pytest.mark.parametrize("text,expected", [
    ("split_at: [40]\n", "page.yml: line 1: split_at: line 40 is in no story (stories span lines 1-5, 7-11, 13-15)"),
    ("split_at: [7]\n", "page.yml: line 1: split_at: line 7 already starts a story"),
    ("merge_at: [3]\n", "page.yml: line 1: merge_at: line 3 is in the first story; nothing comes before it"),
])
def test_split_and_merge_mistakes(tmp_path, text, expected):
    result = page_with(tmp_path, text)
    assert result.errors == [expected] and len(result.stories) == 3


def test_a_future_date_is_a_warning_and_never_dates_a_story(tmp_path):
    result = page_with(tmp_path, "date: 2026-09-01\nstories:\n  2: {date: 2027}\n")
    assert result.warnings == ["page.yml: line 1: date 2026-09-01 is after the build day (2026-03-01); not used",
                               "page.yml: line 3: date 2027 is after the build day (2026-03-01); not used"]
    assert result.errors == []
    assert all(story.date is None or story.date <= "2026-03" for story in result.stories)


def test_strict_fails_the_build_on_a_sidecar_error(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(PAGE, seeds / "page.txt")
    (seeds / "page.yml").write_text("stories:\n  1: {kind: breif}\n", encoding="utf-8")
    settings = Settings(seeds_dir=seeds, content_dir=tmp_path / "content", cache_dir=tmp_path / "cache",
                        languages=("zh-Hans",), workers=1)
    report = generate_content(settings)  # not strict: published, reported
    assert report.stories == 3 and report.problems
    with pytest.raises(StrictModeError, match=r"page.txt: page.yml: line 2: stories.1.kind"):
        generate_content(Settings(**{**settings.__dict__, "strict": True}))


def test_the_readme_example_is_a_valid_sidecar():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```")[0] for block in readme.split("```yaml\n")[1:]]
    (example,) = [block for block in blocks if "split_at:" in block]
    sidecar = parse_sidecar(example.encode("utf-8"), ROOT / "page.yml")
    assert sidecar.problems == ()
    assert sidecar.split_at == ((31, 8),) and [n for n, _, _ in sidecar.overrides] == [1, 3]
    assert sidecar.source.page == "9" and sidecar.date.iso() == "2026-01-12"
