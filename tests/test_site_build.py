"""End to end: a real site built from the seeds into a temporary directory."""
import json
import re
import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS

LANGS = {"zh-Hans": "stories", "zh-Hant": "zh-hant/stories", "en": "en/stories"}


def extract_ids():
    out = subprocess.run([sys.executable, "-m", "park_digest", "extract", *sorted(map(str, SEEDS.glob("*.txt")))],
                         env={"PYTHONPATH": str(ROOT / "plugins")}, capture_output=True, text=True, check=True)
    return [s["id"] for seed in json.loads(out.stdout)["seeds"] for s in seed["stories"]]


def test_every_story_in_three_languages_with_hreflang(built_site):
    ids = extract_ids()
    assert len(ids) >= 15
    for story_id in ids:
        for lang, folder in LANGS.items():
            page = built_site / folder / f"{story_id}.html"
            assert page.exists(), page
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            assert soup.html["lang"] == lang
            alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
            assert set(alternates) == {"zh-Hans", "zh-Hant", "en", "x-default"}
            for other, other_folder in LANGS.items():
                assert alternates[other].endswith(f"{other_folder}/{story_id}.html")


def test_home_pages_and_park_pages(built_site):
    for prefix in ("", "zh-hant/", "en/"):
        home = built_site / prefix / "index.html"
        assert home.exists()
        assert len(BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select(".story-item")) >= 15
        assert (built_site / prefix / "parks" / "qingdao.html").exists()
    zh_hant = (built_site / "zh-hant" / "index.html").read_text(encoding="utf-8")
    assert "青島高新區" in zh_hant


def test_english_page_marks_chinese_text(built_site):
    page = next((built_site / "en" / "stories").glob("*.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for node in soup.select(".body")[0].find_all(string=cjk):
        assert any(parent.get("lang", "").startswith("zh") for parent in node.parents if parent.name), node


def test_generated_markdown_is_deterministic(built_site, tmp_path):
    """A second build from scratch (its own content folder and cache) writes the session's
    site's story files byte for byte."""
    from conftest import build_site
    first = built_site.parent
    build_site(tmp_path / "b")
    a = sorted((first / "content" / "stories").rglob("*.md"))
    b = sorted((tmp_path / "b" / "content" / "stories").rglob("*.md"))
    assert a and [p.relative_to(first) for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
