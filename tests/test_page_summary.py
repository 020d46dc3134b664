"""The build log's line per new or changed page: its stories (kind, headline, park) and figures."""
import logging

from park_digest.parse.pipeline import process_file
from park_digest.parse.summary import summarize_page
from park_digest.settings import Settings
from park_digest.stories.generate import process_seeds
from conftest import ROOT

PAGES = ROOT / "tests" / "data" / "realistic"


def test_one_line_names_each_story_with_its_kind_headline_park_and_figures():
    line = summarize_page(process_file(PAGES / "newspaper_page_late_headline.txt"))
    assert "\n" not in line
    assert line.startswith("newspaper_page_late_headline.txt: 4 stories, 15 figures, ")
    assert "article 「长春高新区打造汽车电子产业高地」 长春高新区 7 figures" in line  # signed above its text (e96891a)
    assert "brief (untitled) 长春新区 3 figures" in line
    assert "advertisement (untitled) no park 0 figures" in line


def test_a_long_headline_is_cut_and_a_round_up_counts_its_other_parks():
    line = summarize_page(process_file(PAGES / "parks_roundup_clauses.txt"))
    assert "「湖南四家国家级园区前三季度“成绩单”出炉」" in line and "+3 parks" in line
    long = summarize_page(process_file(PAGES / "app_banner_mobile.txt"))
    assert "「滨江这家企业拿下全球首张认证，杭州高新区数字经济…」" in long


def test_a_build_logs_new_and_changed_pages_once(tmp_path, caplog):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    page = seeds / "a.txt"
    page.write_bytes((PAGES / "gov_fontsize_print.txt").read_bytes())
    settings = Settings(seeds_dir=seeds, cache_dir=tmp_path / "cache")
    caplog.set_level(logging.INFO, logger="park_digest")

    def logged():
        lines = [r.getMessage() for r in caplog.records if "a.txt: " in r.getMessage()]
        caplog.clear()
        return lines

    process_seeds(settings)
    assert logged() == [f"park_digest: {summarize_page(process_file(page))}"]
    process_seeds(settings)
    assert logged() == []  # unchanged: nothing new to say
    page.write_text(page.read_text(encoding="utf-8").replace("41个", "42个"), encoding="utf-8")
    process_seeds(settings)
    assert len(logged()) == 1
