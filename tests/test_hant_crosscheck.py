"""The zh-Hant pages against MediaWiki's conversion (zhconv-rs): every disagreement found,
named by file and line, and resolved by the word list, a regional glyph or an accepted
difference; the seeds have none unresolved."""
import subprocess
import sys
from pathlib import Path

from park_digest.languages.crosscheck import (
    Accepted, Unit, check_units, format_crosscheck, load_differences, story_units)
from park_digest.languages.traditional import Hant, WordList
from park_digest.parse.pipeline import process_seed
from park_digest.parse.read import decode_seed

ROOT = Path(__file__).resolve().parent.parent
PAGE = """园区动态

高新区集中签约20个项目，催生发展新动能

记者 于晓

本报讯 日前，高新区举行重点项目集中签约仪式，20个项目现场签约，总投资120亿元。
产业基金已参股22只子基金，带动社会资本持续涌入，着力打造“链主”企业集群。
园区企业研制的三坐标测量仪已出口海外。
"""


def units_of(page: str, hant: Hant) -> list[Unit]:
    result = process_seed(decode_seed(page.encode("utf-8"), "page.txt"))
    return story_units([result], hant)


def test_plain_opencc_errors_are_reported_with_file_and_line():
    bare = Hant("s2tw", True, words=WordList())  # OpenCC alone, no word list
    result = check_units(units_of(PAGE, bare), bare, accepted=[])
    found = {(d.unit.line, d.ours, d.theirs) for d in result.unresolved}
    assert (3, "籤", "簽") in found  # 集中籤約 in the title, line 3
    assert (3, "髮", "發") in found  # 催生髮展
    assert (8, "只", "隻") in found  # 22只子基金 read as "only"
    report = format_crosscheck(result)
    assert "page.txt:3: zh-Hant: " in report and "(unresolved)" in report
    assert "unresolved" in report.splitlines()[-1]


def test_the_site_conversion_resolves_every_place_and_says_how():
    hant = Hant("s2tw")
    accepted = [Accepted("坐标", "座標", "坐標", "coordinates are 座標 in Taiwan")]
    result = check_units(units_of(PAGE, hant), hant, accepted=accepted)
    assert result.unresolved == []
    how = {d.theirs: (d.resolution, d.unit.line) for d in result.disagreements}
    # 著 is MediaWiki's 着 in Taiwan's glyphs; the author's surname 于 is kept where MediaWiki
    # writes 於 (in the byline and in the story's list of authors); 座標 is accepted
    assert how == {"着": ("glyph", 8), "於": ("word list", 3), "坐": ("accepted", 9)}
    assert result.distinct() == 3


def test_an_accepted_difference_that_matches_nothing_is_reported():
    hant = Hant("s2tw")
    stale = Accepted("坐标", "座標", "坐標", "coordinates")
    result = check_units([Unit("x.txt", 1, "集中签约", hant.convert("集中签约"))], hant, [stale])
    assert result.unused == [stale]
    assert "no longer needed" in format_crosscheck(result)


def test_the_accepted_differences_file_gives_a_reason_for_each():
    entries = load_differences()
    assert entries and all(e.reason and len(e.zh) == len(e.hant) for e in entries)


def test_hant_check_reports_no_unresolved_difference_on_the_seeds():
    run = subprocess.run([sys.executable, "-m", "park_digest", "hant-check"], cwd=ROOT, capture_output=True,
                         text=True, env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
                         timeout=300)
    summary = run.stdout[run.stdout.index("zh-Hant cross-check:"):]
    assert "against MediaWiki zh-Hant" in summary
    unresolved = next(line for line in summary.splitlines() if line.strip().startswith("unresolved"))
    assert unresolved.split()[1:] == ["0", "0"], run.stdout
    distinct = int(summary.split(" distinct")[0].rsplit(" ", 1)[-1])
    assert distinct <= 10
