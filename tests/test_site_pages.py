"""The published site as a reader and a crawler meet it: links, park pages, data, feeds,
sitemap, search index. All on the session's real build (`built_site`, relative URLs)."""
from __future__ import annotations

import csv
import functools
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS
from site_checks import broken_links, soup

PREFIXES = {"zh-Hans": "", "zh-Hant": "zh-hant/", "en": "en/"}
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@functools.lru_cache(maxsize=1)
def seed_parks() -> dict[str, str]:
    from park_digest.parse.pipeline import process_file
    parks = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for story in process_file(path).stories:
            for park in story.parks:  # its own, and every park it gives figures for
                parks[park.slug] = park.name_zh
    return parks


def test_no_broken_internal_links_or_assets(built_site):
    checked, broken = broken_links(built_site)
    assert checked > 1000
    assert broken == []


def test_every_seed_park_has_a_page_in_every_language(built_site):
    parks = seed_parks()
    assert len(parks) >= 5
    for slug, name_zh in parks.items():
        for lang, prefix in PREFIXES.items():
            page = built_site / prefix / "parks" / f"{slug}.html"
            doc = soup(page)
            assert doc.html["lang"] == lang
            head = doc.select_one(".park-head")
            assert head.find(lang="en" if lang != "en" else "zh-Hans"), page  # both names shown
            assert head.select_one(".meta").get_text(strip=True), page  # city and province
            assert doc.select(".timeline li a"), page
    zh_index = soup(built_site / "parks" / "index.html")
    assert {a["href"].split("/")[-1] for a in zh_index.select("tbody a")} >= {f"{s}.html" for s in parks}


def test_park_page_figures_by_story_downloads_and_feed(built_site):
    doc = soup(built_site / "en" / "parks" / "qingdao.html")
    rows = doc.select(".story-figures table.figures tbody tr")
    data = list(csv.DictReader((built_site / "data" / "parks" / "qingdao.csv").open(encoding="utf-8-sig")))
    assert len(rows) == len(data) > 10  # every figure, not just the fact boxes
    boxed = sum(1 for row in data if row["in_box"] == "yes")
    assert 0 < boxed < len(data)
    for row in rows:
        link = row.select_one("td.num a")["href"]
        assert "#p" in link or link.endswith("#title")
        float(row.select_one("td.num")["data-value"])
    for href in (a["href"] for a in doc.select(".park-links a")):
        assert (built_site / "en" / "parks" / href).resolve().is_file()


def test_data_downloads_have_every_figure_with_its_sentence(built_site):
    rows = list(csv.DictReader((built_site / "data" / "facts.csv").open(encoding="utf-8-sig")))
    doc = json.loads((built_site / "data" / "facts.json").read_text(encoding="utf-8"))
    assert len(rows) == len(doc["facts"]) > 100
    extracted = json.loads(subprocess.run(
        [sys.executable, "-m", "park_digest", "extract", *map(str, sorted(SEEDS.glob("*.txt")))],
        env={"PYTHONPATH": str(ROOT / "plugins")}, capture_output=True, text=True, check=True).stdout)
    expected = sum(len(s["facts"]) for seed in extracted["seeds"] for s in seed["stories"]
                    if s["kind"] != "advertisement")
    assert len(rows) == expected
    pages = {}
    labelled = [f["labelled"] for seed in extracted["seeds"] for s in seed["stories"]
                if s["kind"] != "advertisement" for f in s["facts"]]
    # A figure with no clean label has none in any language (it keeps its sentence).
    assert sum(bool(row["label_zh"]) for row in rows) == sum(labelled) > len(rows) / 2
    for row in rows:
        assert row["sentence"] and row["unit"] and row["qualifier"] and row["figure_en"]
        assert bool(row["label_zh"]) == bool(row["label_en"])
        path, anchor = row["url"].split("#")
        if anchor != "title":
            page = pages.setdefault(path, soup(built_site / path))
            assert page.find(id=anchor).get_text() == row["sentence"]
        assert row["figure"].replace(" ", "") in row["sentence"].replace(" ", "") or row["figure"] in row["title"]


def test_target_highlight_is_styled():
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert ".body .s:target" in css and ".body .para:target" in css


def test_feeds_parse_as_atom_and_are_deterministic(built_site):
    feeds = sorted(built_site.rglob("*.atom.xml"))
    assert len(feeds) == 3 * (1 + len(seed_parks()))
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed"
        entries = root.findall(f"{ATOM}entry")
        assert entries and root.find(f"{ATOM}updated").text == max(e.find(f"{ATOM}updated").text for e in entries)
        for entry in entries:
            href = entry.find(f"{ATOM}link").get("href")
            assert (feed.parent / href).resolve().is_file(), href


def test_sitemap_lists_every_page_with_alternates(built_site):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    urls = {u.find(f"{SM}loc").text: u for u in root.findall(f"{SM}url")}
    base = "http://127.0.0.1:8000/"
    pages = {str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
             if "pagefind" not in p.parts and p.name != "404.html"}
    assert {loc[len(base):] for loc in urls} == pages
    for loc, url in urls.items():
        links = {l.get("hreflang"): l.get("href") for l in url.findall(f"{XHTML}link")}
        assert set(links) == {"zh-Hans", "zh-Hant", "en", "x-default"}, loc
        assert loc in links.values() and links["x-default"] == links["zh-Hans"]
        assert all(href[len(base):] in pages for href in links.values())
    assert f"Sitemap: {base}sitemap.xml" in (built_site / "robots.txt").read_text(encoding="utf-8")


def test_head_has_canonical_open_graph_and_feed(built_site):
    doc = soup(built_site / "zh-hant" / "stories" / next((built_site / "stories").glob("*.html")).name)
    assert doc.find("link", rel="canonical")["href"].endswith(".html")
    assert doc.find("meta", property="og:locale")["content"] == "zh_TW"
    assert doc.find("meta", property="og:type")["content"] == "article"
    assert doc.find("link", type="application/atom+xml")
    not_found = soup(built_site / "404.html")
    assert {s["lang"] for s in not_found.select("section.not-found")} == set(PREFIXES)


def test_bilingual_reading_pairs_titles_headings_and_paragraphs_in_both_directions(built_site):
    """Without JavaScript: an English page carries each unit in both Chinese scripts behind
    #bilingual and #bilingual-hant; a Chinese page carries the English behind #bilingual."""
    english = [p for p in sorted((built_site / "en" / "stories").glob("*.html"))
               if soup(p).select_one(".body .para .src")]
    assert english, "no English story has a translation"
    with_headings = with_titles = 0
    for page in english:
        doc = soup(page)
        assert {a["href"] for a in doc.select(".modes a")} == {"#bilingual", "#bilingual-hant", "#main"}
        assert doc.find(id="bilingual") and doc.find(id="bilingual-hant")
        titles = {p["lang"] for p in doc.select("header .title-src")}
        assert titles in (set(), {"zh-Hans", "zh-Hant"})  # none for a story printed without a title
        with_titles += bool(titles)
        para = doc.select_one(".body .para:has(.src)")
        assert [p["lang"] for p in para.select(".src")] == ["zh-Hans", "zh-Hant"]
        with_headings += bool(doc.select(".body .pair h2 + .src[lang='zh-Hans']"))
        for lang, prefix in (("zh-Hans", ""), ("zh-Hant", "zh-hant/")):
            zh = soup(built_site / prefix / "stories" / page.name)
            assert zh.select_one('.modes a[href="#bilingual"]') and zh.find(id="bilingual")
            assert [p["lang"] for p in zh.select("header .title-src")] == (["en"] if titles else [])
            pair = zh.select_one(".body .pair")
            assert pair.select_one("[id^=p]") and pair.select_one('.src[lang="en"]')
    assert with_headings and with_titles, "no story pairs its headings or its title"


def test_the_english_feed_is_english_and_the_traditional_feed_has_traditional_bylines(built_site):
    import re
    from park_digest.languages.traditional import Hant
    cjk = re.compile(r"[\u4e00-\u9fff]")
    root = ET.parse(built_site / "en" / "feeds" / "all.atom.xml").getroot()
    for entry in root.iter(f"{ATOM}entry"):
        content = BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser")
        assert not content.select(".src"), "hidden Chinese pairs in the English feed"
        for untranslated in content.select('[data-status="untranslated"]'):
            untranslated.decompose()  # shown in Chinese, marked, until it is translated
        assert not cjk.search(content.get_text()), content.get_text()[:200]
        name = entry.findtext(f"{ATOM}author/{ATOM}name")
        assert name is None or not cjk.search(name)
    bylines = {}
    for prefix in ("", "zh-hant/"):
        root = ET.parse(built_site / prefix / "feeds" / "all.atom.xml").getroot()
        bylines[prefix] = {e.findtext(f"{ATOM}id").rsplit("/", 1)[-1]: e.findtext(f"{ATOM}author/{ATOM}name")
                           for e in root.iter(f"{ATOM}entry")}
    hant = Hant("s2tw")
    pairs = [(bylines[""][slug], name) for slug, name in bylines["zh-hant/"].items() if name]
    assert pairs and all(name == ", ".join(hant.convert_name(a.strip(), person=True) for a in simplified.split(","))
                         for simplified, name in pairs)
    assert any(simplified != name for simplified, name in pairs), "no byline needed converting"


def test_search_pages_and_per_language_indexes(built_site):
    for lang, prefix in PREFIXES.items():
        doc = soup(built_site / prefix / "search.html")
        assert doc.html["lang"] == lang and doc.find("noscript").get_text(strip=True)
        # Its own language's bundle, which holds that language's index only; zh-Hant searches zh-Hans's.
        index = "zh-hans" if lang == "zh-Hant" else lang.lower()
        assert doc.find("script", src=lambda s: s and s.endswith(f"pagefind/{index}/pagefind-ui.js"))
        metas = {p.name.split("_")[0] for p in (built_site / "pagefind" / index).glob("pagefind.*.pf_meta")}
        assert metas == {f"pagefind.{index}"}
    assert sorted(p.name for p in (built_site / "pagefind").iterdir()) == ["en", "zh-hans"]
    fragments: dict[str, str] = {}
    for fragment in (built_site / "pagefind").glob("*/fragment/*.pf_fragment"):
        lang = fragment.name.split("_")[0]
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8", "ignore")
        # Pagefind marks the word breaks it found in Chinese with zero-width spaces.
        fragments[lang] = fragments.get(lang, "") + text.replace("\u200b", "")
    assert all(term in fragments["zh-hans"] for term in ("母基金", "高新贷", "阿斯利康"))
    # Each zh-Hans story's zh-Hant twin: its address, title and park, in Traditional
    assert all(term in fragments["zh-hans"] for term in ("zh-hant/stories/", "高新區"))


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs Pagefind's search bundle")
@pytest.mark.parametrize("lang,terms", [
    ("zh-Hans", ["母基金", "高新贷", "阿斯利康"]),
    ("zh-Hant", ["母基金", "高新贷", "阿斯利康"]),  # search.js folds the query into Simplified (高新貸 → 高新贷)
    ("en", ["investment", "Qingdao"]),
])
def test_pagefind_finds_terms_in_each_language(built_site, site_url, lang, terms):
    result = subprocess.run(["node", str(ROOT / "tests" / "js" / "pagefind_search.mjs"), str(built_site),
                             site_url, lang, *terms], capture_output=True, text=True, timeout=120, check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    prefix = site_url + PREFIXES[lang]
    for term in terms:
        assert found[term]["count"] > 0, term
        urls = found[term]["urls"]
        assert all(u.startswith(prefix) for u in urls), (term, urls)
        if lang == "zh-Hans":
            assert not any(u.startswith((site_url + "en/", site_url + "zh-hant/")) for u in urls)


def test_traditional_park_pages_write_names_in_traditional(built_site):
    page = (built_site / "zh-hant" / "parks" / "baoji.html").read_text(encoding="utf-8")
    assert "<h1>寶雞高新區</h1>" in page and "陝西寶雞" in page
    index = (built_site / "zh-hant" / "parks" / "index.html").read_text(encoding="utf-8")
    assert "青島高新區" in index and "青岛高新区" not in index
