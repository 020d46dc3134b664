"""A round-up of several parks, built into a real site: the story is on every park's page it
gives figures for, and each park's table and download hold only that park's figures."""
import csv
import shutil

from conftest import ROOT, build_site

PAGE = ROOT / "tests" / "data" / "pages" / "roundup_new_areas.txt"


def test_round_up_is_on_each_parks_page_with_only_its_figures(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(PAGE, seeds / "roundup.txt")
    build_site(tmp_path, seeds)
    out = tmp_path / "output"
    figures = {}
    for path in (out / "data" / "parks").glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            figures[path.stem] = {row["figure"] for row in csv.DictReader(handle)}
    assert figures["sichuan-tianfu"] == {"3260亿元", "6.8%", "27个"}
    assert figures["chongqing-liangjiang"] == {"3810亿元", "7.1%", "550亿元"}
    assert figures["guizhou-guian"] == {"16.5%", "180家"}
    ziyang = next(slug for slug in figures if slug.startswith("ziyang-htz-"))
    assert figures[ziyang] == {"12个"}
    title = "三个国家级新区前三季度成绩单出炉"
    for slug in ("sichuan-tianfu", "chongqing-liangjiang", "guizhou-guian", ziyang):
        page = (out / "parks" / f"{slug}.html").read_text(encoding="utf-8")
        assert title in page, slug
    guian = (out / "parks" / "guizhou-guian.html").read_text(encoding="utf-8")
    assert "16.5%" in guian and "3260" not in guian  # the table holds Gui'an's figures only
