"""The search index in parts (PARK_DIGEST_SEARCH_SHARDS): stories split by seed, parks and pages
apart, every part holding all languages; a search page loads its language from each part."""
import json
import re

import pytest
from bs4 import BeautifulSoup

from browser_fixtures import LANG_PREFIXES
from conftest import build_site
from park_digest.site import search, staging
from park_digest.site.search import SearchIndexer
from park_digest.settings import Settings
from park_digest.site.staging import SearchDocument, search_index
from site_server import serve
from test_repeatable_build import differences, tree


def test_parts_by_seed_count_and_one_bundle_per_language_when_publishing(seeds_300):
    assert search.search_shards(0, 5, False) == 1  # a small site: one index per language
    assert [search.search_shards(0, n, False) for n in (100, 101, 300, 600, 5000)] == [1, 2, 3, 4, 4]
    assert search.search_shards(0, 300, True) == 1  # DELETE_OUTPUT_DIRECTORY: every index anew anyway
    assert search.search_shards(2, 5, True) == 2  # the setting decides
    settings = Settings(seeds_dir=seeds_300)
    assert search.site_search_shards(settings, {}) == 3
    assert search.site_search_shards(settings, {"DELETE_OUTPUT_DIRECTORY": True}) == 1


@pytest.fixture(scope="module")
def seeds_300(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    for i in range(300):
        (seeds / f"{i:03d}.txt").write_text("x", encoding="utf-8")
    return seeds


def test_a_seed_stays_in_its_part_and_the_parts_share_the_seeds():
    assert search_index("a.txt", 1) == "" and search_index("", 3) == "part-0"  # parks and pages
    parts = [search_index(f"{i:03d}_page.txt", 3) for i in range(60)]
    assert set(parts) == {"part-1", "part-2", "part-3"}
    assert parts == [search_index(f"{i:03d}_page.txt", 3) for i in range(60)]  # the same every time
    assert max(map(parts.count, set(parts))) < 30


def test_a_search_page_loads_its_language_or_every_part_in_order():
    assert search.bundle_paths("zh-Hant", ["en", "zh-hant", "zh-hans"]) == ["pagefind/zh-hant"]
    names = ["part-10", "part-2", "part-0", "part-1"]
    assert search.bundle_paths("en", names) == ["pagefind/part-0", "pagefind/part-1", "pagefind/part-2",
                                                "pagefind/part-10"]


def seed_docs(seed, text, shards=2):
    index = search_index(seed, shards)
    slug = seed.removesuffix(".txt")
    return [SearchDocument(f"stories/{slug}.html", "zh-Hans", "高新区" + text, f"<p>高新区{text}。</p>", index),
            SearchDocument(f"zh-hant/stories/{slug}.html", "zh-Hant", "高新區" + text, f"<p>高新區{text}。</p>", index),
            SearchDocument(f"en/stories/{slug}.html", "en", "Zone " + slug, f"<p>The zone, {slug}.</p>", index)]


def entry_languages(output, index):
    entry = json.loads((output / "pagefind" / index / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {lang: value["page_count"] for lang, value in entry["languages"].items()}


def test_a_seed_changed_reindexes_its_part_alone(tmp_path):
    seeds = ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert len({search_index(seed, 2) for seed in seeds}) == 2  # both parts have stories
    park = SearchDocument("parks/xian.html", "zh-Hans", "西安高新区", "<ul><li>高新区</li></ul>", search_index("", 2))
    docs = [doc for seed in seeds for doc in seed_docs(seed, "母基金")] + [park]
    output, cache = tmp_path / "output", tmp_path / "cache"
    indexer = SearchIndexer(output, cache, shards=2)
    assert indexer.start(docs)
    indexer.finish()
    assert sorted(indexer.fingerprints) == ["part-0", "part-1", "part-2"]
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["part-0", "part-1", "part-2"]
    stories = {index: entry_languages(output, index) for index in ("part-1", "part-2")}
    assert all(set(counts) == {"zh-hans", "zh-hant", "en"} for counts in stories.values())
    assert sum(counts["zh-hant"] for counts in stories.values()) == len(seeds)
    assert entry_languages(output, "part-0") == {"zh-hans": 1}

    edited = [doc for seed in seeds for doc in seed_docs(seed, "母基金" if seed != "c.txt" else "新基金")] + [park]
    again = SearchIndexer(output, cache, shards=2)
    assert again.start(edited) and again.running() == {search_index("c.txt", 2)}
    again.finish()
    assert not SearchIndexer(output, cache, shards=2).start(edited)  # nothing changed since

    whole = SearchIndexer(output, cache, shards=1)  # back to one index per language
    assert whole.start([SearchDocument(d.path, d.lang, d.title, d.body) for d in edited])
    whole.finish()
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["en", "zh-hans", "zh-hant"]


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sharded")
    build_site(tmp, env={"SEARCH_SHARDS": "2"})
    return tmp / "output"


def test_a_sharded_site_has_parts_and_each_search_page_loads_them(sharded_site):
    parts = sorted(p.name for p in (sharded_site / "pagefind").iterdir())
    assert parts == ["part-0", "part-1", "part-2"]
    for lang, prefix in LANG_PREFIXES.items():
        assert lang.lower() in entry_languages(sharded_site, "part-1")
        html = (sharded_site / prefix / "search.html").read_text(encoding="utf-8")
        scripts = [s.get("src", "") for s in BeautifulSoup(html, "html.parser").find_all("script")]
        assert any(src.endswith("pagefind/part-0/pagefind-ui.js") for src in scripts), scripts
        merged = re.search(r"var shards = (\[.*?\])", html)
        assert json.loads(merged.group(1)) == ["pagefind/part-1", "pagefind/part-2"]


def test_sharded_builds_are_byte_identical(sharded_site, tmp_path):
    """A part holds three languages, which Pagefind lists in its entry file in no fixed order."""
    build_site(tmp_path, env={"SEARCH_SHARDS": "2"})
    assert not differences(tree(sharded_site), tree(tmp_path / "output"))


WORDS = {"zh-Hans": "高新区", "zh-Hant": "高新區", "en": "zone"}


def result_count(browser, url: str, word: str) -> int:
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.locator("#search input").fill(word)
        page.wait_for_function("() => /\\d/.test(document.querySelector('.pagefind-ui__message')?.textContent || '')",
                               timeout=15_000)
        return int(re.search(r"\d+", page.locator(".pagefind-ui__message").inner_text()).group(0))
    finally:
        context.close()


@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
def test_a_sharded_search_finds_what_one_index_finds(browser, built_site, sharded_site, lang):
    page = LANG_PREFIXES[lang] + "search.html"
    with serve(built_site) as whole, serve(sharded_site) as parts:
        expected = result_count(browser, whole + page, WORDS[lang])
        assert expected > 5  # stories of more than one seed, so of both parts
        assert result_count(browser, parts + page, WORDS[lang]) == expected


def test_the_setting_is_a_whole_number():
    from park_digest.settings import ConfigurationError, load_settings
    assert load_settings({"PARK_DIGEST_SEARCH_SHARDS": "3"}).search_shards == 3  # from SEARCH_SHARDS=3
    for value in ("two", -1, 1.5):
        with pytest.raises(ConfigurationError, match="PARK_DIGEST_SEARCH_SHARDS"):
            load_settings({"PARK_DIGEST_SEARCH_SHARDS": value})
