"""The conversion cache: hits on an unchanged seed, misses on any change, shrugs off corruption."""
import logging
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from park_digest.cache import ConversionCache, cache_for, code_version, convert_cached
from park_digest.export import page_json
from park_digest.generate import process_seeds
from park_digest.pipeline import process_file
from park_digest.settings import Settings

SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "seeds" / SEED.name
    path.parent.mkdir()
    shutil.copy(SEED, path)
    return path


def make_cache(root: Path, version: str = "v1", fact_box_size: int = 6) -> ConversionCache:
    return ConversionCache(root, version, fact_box_size)


def test_second_conversion_is_a_hit_with_the_same_result(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    first, hit = convert_cached(seed, cache)
    assert not hit
    second, hit = convert_cached(seed, cache)
    assert hit
    assert page_json(second) == page_json(first) == page_json(process_file(SEED))


def test_changed_seed_misses(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    convert_cached(seed, cache)
    seed.write_text(seed.read_text(encoding="utf-8") + "\n新增投资5亿元。\n", encoding="utf-8")
    result, hit = convert_cached(seed, cache)
    assert not hit
    assert "新增投资5亿元。" in [item.text for story in result.stories for item in story.body]


def test_new_or_changed_sidecar_misses(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    convert_cached(seed, cache)
    seed.with_suffix(".yml").write_text("date: 2026-01-15\n", encoding="utf-8")
    result, hit = convert_cached(seed, cache)
    assert not hit and result.stories[0].date == "2026-01-15"
    seed.with_suffix(".yml").write_text("date: 2026-02-01\n", encoding="utf-8")
    result, hit = convert_cached(seed, cache)
    assert not hit and result.stories[0].date == "2026-02-01"


def test_renamed_seed_misses(seed, tmp_path):
    cache = make_cache(tmp_path / "cache")
    convert_cached(seed, cache)
    renamed = seed.with_name("999_renamed.txt")
    seed.rename(renamed)
    result, hit = convert_cached(renamed, cache)
    assert not hit and result.seed.file == renamed.name  # story ids depend on the file name


def test_settings_or_code_version_change_misses(seed, tmp_path):
    convert_cached(seed, make_cache(tmp_path / "cache"))
    assert convert_cached(seed, make_cache(tmp_path / "cache"))[1]
    assert not convert_cached(seed, make_cache(tmp_path / "cache", fact_box_size=3))[1]
    assert not convert_cached(seed, make_cache(tmp_path / "cache", version="v2"))[1]


def test_fact_box_size_is_part_of_the_key(seed, tmp_path):
    small = cache_for(Settings(cache_dir=tmp_path / "cache", fact_box_size=1))
    large = cache_for(Settings(cache_dir=tmp_path / "cache", fact_box_size=6))
    assert sum(f.in_box for s in convert_cached(seed, large)[0].stories for f in s.facts) > \
        sum(f.in_box for s in convert_cached(seed, small)[0].stories for f in s.facts)


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95\xff\xff"])
def test_corrupt_entry_is_ignored_and_rewritten(seed, tmp_path, caplog, garbage):
    cache = make_cache(tmp_path / "cache")
    expected, _ = convert_cached(seed, cache)
    entries = list((tmp_path / "cache").rglob("*.pickle"))
    assert len(entries) == 1
    entries[0].write_bytes(garbage)
    with caplog.at_level(logging.DEBUG, logger="park_digest.cache"):
        result, hit = convert_cached(seed, cache)
    assert not hit
    assert "unreadable cache entry" in caplog.text
    assert page_json(result) == page_json(expected)
    assert convert_cached(seed, cache)[1]  # the entry was written again


def test_code_version_covers_package_files(tmp_path):
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "data" / "parks.yml").write_text("[]\n")
    before = code_version(package)
    (package / "data" / "parks.yml").write_text("- name_zh: 新区\n")
    code_version.cache_clear()
    assert code_version(package) != before


def test_old_code_versions_are_pruned(seed, tmp_path):
    convert_cached(seed, make_cache(tmp_path / "cache", version="0" * 16))
    current = make_cache(tmp_path / "cache", version="1" * 16)
    convert_cached(seed, current)
    assert current.prune_old_versions() == 1
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["1" * 16]


def test_generation_counts_cache_hits(seed, tmp_path):
    settings = Settings(seeds_dir=seed.parent, cache_dir=tmp_path / "cache")
    assert process_seeds(settings).cached == 0
    assert process_seeds(settings).cached == 1
