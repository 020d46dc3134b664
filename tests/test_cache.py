"""The cache: hits on an unchanged seed, misses on any change, shrugs off corruption, and
leaves no temporary file of a killed build behind."""
import logging
import re
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from park_digest.build.cache import Cache, code_version, key
from park_digest.export import page_json
from park_digest.stories.generate import convert_cached, process_seeds
from park_digest.parse.pipeline import process_file
from park_digest.settings import Settings

SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "seeds" / SEED.name
    path.parent.mkdir()
    shutil.copy(SEED, path)
    return path


def make_cache(root: Path, version: str = "v1") -> Cache:
    return Cache(root, version)


def convert(seed, cache, fact_box_size=6):
    return convert_cached(seed, cache, Settings(fact_box_size=fact_box_size))


def test_second_conversion_is_a_hit_with_the_same_result(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    first, key, hit = convert(seed, cache)
    assert not hit
    second, same_key, hit = convert(seed, cache)
    assert hit and same_key == key
    assert page_json(second) == page_json(first) == page_json(process_file(SEED))


def test_changed_seed_misses(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    convert(seed, cache)
    seed.write_text(seed.read_text(encoding="utf-8") + "\n新增投资5亿元。\n", encoding="utf-8")
    result, _, hit = convert(seed, cache)
    assert not hit
    assert "新增投资5亿元。" in [item.text for story in result.stories for item in story.body]


def test_new_or_changed_sidecar_misses(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    convert(seed, cache)
    seed.with_suffix(".yml").write_text("date: 2026-01-15\n", encoding="utf-8")
    result, _, hit = convert(seed, cache)
    assert not hit and result.stories[0].date == "2026-01-15"
    seed.with_suffix(".yml").write_text("date: 2026-02-01\n", encoding="utf-8")
    result, _, hit = convert(seed, cache)
    assert not hit and result.stories[0].date == "2026-02-01"


def test_renamed_seed_misses(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    convert(seed, cache)
    renamed = seed.with_name("999_renamed.txt")
    seed.rename(renamed)
    result, _, hit = convert(renamed, cache)
    assert not hit and result.seed.file == renamed.name  # story ids depend on the file name


def test_settings_or_code_version_change_misses(seed, tmp_path):
    convert(seed, make_cache(tmp_path / "cache"))
    assert convert(seed, make_cache(tmp_path / "cache"))[2]
    assert not convert(seed, make_cache(tmp_path / "cache"), fact_box_size=3)[2]
    assert not convert(seed, make_cache(tmp_path / "cache", version="v2"))[2]


def test_fact_box_size_is_part_of_the_key(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    assert sum(f.in_box for s in convert(seed, cache, 6)[0].stories for f in s.facts) > \
        sum(f.in_box for s in convert(seed, cache, 1)[0].stories for f in s.facts)


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95\xff\xff"])
def test_corrupt_entry_is_ignored_and_rewritten(seed, tmp_path, caplog, garbage):
    cache = make_cache(tmp_path / "cache")
    expected = convert(seed, cache)[0]
    parks = cache.path(key(cache.version, "park-index"))  # the gazetteer's entry
    entries = [path for path in (tmp_path / "cache").rglob("*.pickle") if path != parks]
    assert len(entries) == 1 and parks.exists()
    entries[0].write_bytes(garbage)
    with caplog.at_level(logging.DEBUG, logger="park_digest.build.cache"):
        result, _, hit = convert(seed, cache)
    assert not hit
    assert "unreadable cache entry" in caplog.text
    assert page_json(result) == page_json(expected)
    assert convert(seed, cache)[2]  # the entry was written again


def test_code_version_covers_package_files(tmp_path):
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "data" / "parks.yml").write_text("[]\n")
    before = code_version(package)
    (package / "data" / "parks.yml").write_text("- name_zh: 新区\n")
    code_version.cache_clear()
    assert code_version(package) != before


def test_old_code_versions_and_temporary_files_of_killed_builds_are_pruned(seed, tmp_path):
    """Issue 26: `.tmp-*.pickle` files stayed after a kill."""
    import subprocess
    import sys
    convert(seed, make_cache(tmp_path / "cache", version="0" * 16))
    current = make_cache(tmp_path / "cache", version="1" * 16)
    convert(seed, current)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = current.folder / f".tmp-{int(gone.stdout)}-7"  # a process that has ended
    killed.write_bytes(b"half an entry")
    running = current.folder / ".tmp-1-0"  # pid 1 is alive: a build writing now
    running.write_bytes(b"being written")
    current.prune()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["1" * 16]
    assert not killed.exists() and running.exists()
    assert len(list(current.folder.glob("*.pickle"))) == 2  # the seed's and the gazetteer's


def test_generation_counts_cache_hits(seed, tmp_path):
    settings = Settings(seeds_dir=seed.parent, cache_dir=tmp_path / "cache")
    assert process_seeds(settings).cached == 0
    assert process_seeds(settings).cached == 1


def test_rendered_markdown_is_cached_until_the_memory_changes(seed, tmp_path):
    from conftest import ROOT
    from park_digest.stories.generate import generate_content

    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    settings = Settings(seeds_dir=seed.parent, content_dir=tmp_path / "content", cache_dir=tmp_path / "cache",
                        site_root=tmp_path)
    first = generate_content(settings)
    files = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*.md")}
    assert first.rendered_cached == 0 and first.written == len(files) >= 9
    second = generate_content(settings)
    assert second.rendered_cached == 1 and second.written == 0
    assert {p: p.read_bytes() for p in (tmp_path / "content").rglob("*.md")} == files
    po = tmp_path / "translations" / "en" / f"{seed.stem}.po"
    text = po.read_text(encoding="utf-8")
    entry = re.search(r'msgid "青岛高新区高质量发展动能澎湃"\nmsgstr "[^"\n]*"', text)
    assert entry, "the seed's title is in its PO file"
    po.write_text(text.replace(entry.group(0), 'msgid "青岛高新区高质量发展动能澎湃"\nmsgstr "Qingdao gathers pace"'),
                  encoding="utf-8")
    third = generate_content(settings)
    assert third.cached == 1 and third.rendered_cached == 0 and third.written >= 1
    english = (tmp_path / "content" / "stories" / "en").glob("*.md")
    assert any("Title: Qingdao gathers pace" in p.read_text(encoding="utf-8") for p in english)


def test_parallel_generation_writes_the_same_stories(tmp_path):
    from conftest import SEEDS
    from park_digest.stories.generate import generate_content

    results = {}
    for workers in (1, 2):
        settings = Settings(seeds_dir=SEEDS, content_dir=tmp_path / f"content-{workers}",
                            cache_dir=tmp_path / f"cache-{workers}", site_root=Path(__file__).parent.parent)
        report = generate_content(settings, workers=workers)
        root = settings.stories_dir
        results[workers] = (report.seeds, report.stories, report.written,
                            {p.relative_to(root): p.read_bytes() for p in root.rglob("*.md")})
    assert results[1] == results[2]
    assert len(results[2][3]) >= 45 and results[2][1] > 0
