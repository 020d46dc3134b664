"""`python -m park_digest extract` prints the DESIGN's JSON document with every field typed."""
import json
import subprocess
import sys

from conftest import ROOT, SEEDS

STORY_FIELDS = {"id": str, "kind": str, "lines": list, "parks": list, "parks_mentioned": list, "authors": list,
                "date_inferred": bool, "body": list, "captions": list, "facts": list}
FACT_FIELDS = {"surface": str, "unit": str, "qualifier": str, "label_zh": str, "label_en": str,
               "in_box": bool}

# A page of one story: reading a folder or a bad file needs no seed-sized page (a seed takes
# seconds to parse, and these tests parse two).
SMALL_PAGE = """## 西安高新区新增高新技术企业320家

西安高新区今年新增高新技术企业320家，累计达到1.2万家，同比增长12%。
"""


def run_extract(*files):
    result = subprocess.run([sys.executable, "-m", "park_digest", "extract", *map(str, files)],
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins")},
                            capture_output=True, text=True, check=False)
    return result


def test_extract_prints_the_documented_json():
    result = run_extract(*sorted(SEEDS.glob("*.txt")))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["seeds"]) == 5
    ids = set()
    for seed in doc["seeds"]:
        assert seed["script"] in ("hans", "hant") and len(seed["sha256"]) == 64
        for story in seed["stories"]:
            for name, kind in STORY_FIELDS.items():
                assert isinstance(story[name], kind), (name, story[name])
            assert story["id"].isascii() and story["id"] not in ids
            ids.add(story["id"])
            assert story["kind"] in ("article", "brief", "photo_news", "advertisement", "fragment")
            assert story["title"] is None or isinstance(story["title"], str)
            assert story["park"] is None or set(story["park"]) == {"name_zh", "name_en", "slug"}
            first, last = story["lines"]
            assert 1 <= first <= last
            for item in story["body"]:
                assert item["type"] in ("heading", "paragraph") and item["text"]
            for fact in story["facts"]:
                for name, kind in FACT_FIELDS.items():
                    assert isinstance(fact[name], kind), (name, fact)
                assert isinstance(fact["value"], (int, float))
                assert fact["block"] == "title" or isinstance(fact["block"], int)
        for item in seed["discarded"]:
            assert item["reason"] and len(item["lines"]) == 2


def test_extract_reports_a_bad_file_and_keeps_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text(SMALL_PAGE, encoding="utf-8")
    result = run_extract(bad, good)
    assert result.returncode == 1
    assert "bad.txt" in result.stderr
    assert len(json.loads(result.stdout)["seeds"]) == 1


def test_extract_reads_the_pages_of_a_folder(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(SMALL_PAGE, encoding="utf-8")
    (tmp_path / "a.yml").write_text("date: 2026-01-15\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("## 标题\n正文。\n", encoding="utf-8")
    result = run_extract(tmp_path)
    assert result.returncode == 0, result.stderr
    seeds = json.loads(result.stdout)["seeds"]
    assert [s["file"] for s in seeds] == ["a.txt", "b.txt"]
    assert seeds[0]["stories"][0]["date"] == "2026-01-15"  # its sidecar was read
