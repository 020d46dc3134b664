"""Repeatable builds: the same inputs give byte-identical output, builds running side by side
into different OUTPUT_DIRs do not disturb each other, and a slug never follows a translation."""
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from park_digest.stories.generate import process_seeds, render_files
from park_digest.settings import Settings
from park_digest.languages.translate.memory import load_memory
from park_digest.languages.variants import Lookup
from conftest import ROOT, SEEDS


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(set(a) ^ set(b)) + [name for name in sorted(set(a) & set(b)) if a[name] != b[name]]


@pytest.fixture(scope="module")
def twin_builds(tmp_path_factory):
    """Two `make html` runs at once, sharing the content directory (and any cache) as two runs
    in one checkout do, each into its own OUTPUT_DIR."""
    tmp = tmp_path_factory.mktemp("twins")
    shutil.copytree(ROOT / "content", tmp / "content", ignore=shutil.ignore_patterns("stories"))
    env = {**os.environ, "SEEDS_DIR": str(SEEDS), "CACHE_DIR": str(tmp / "cache")}
    runs = [subprocess.Popen([sys.executable, "-m", "pelican", str(tmp / "content"), "-o", str(tmp / name),
                              "-s", str(ROOT / "pelicanconf.py")], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for name in ("out-a", "out-b")]
    logs = [run.communicate(timeout=600)[0] for run in runs]
    return tmp, [run.returncode for run in runs], logs


def test_two_builds_at_once_succeed_and_agree(twin_builds):
    tmp, codes, logs = twin_builds
    assert codes == [0, 0], logs
    a, b = tree(tmp / "out-a"), tree(tmp / "out-b")
    assert len(a) > 100 and not differences(a, b)
    leftovers = [p for p in tmp.rglob(".tmp-*")]
    assert not leftovers


def test_clean_builds_are_byte_identical(twin_builds, built_site):
    tmp, codes, logs = twin_builds
    assert codes[0] == 0, logs[0]
    assert not differences(tree(built_site), tree(tmp / "out-a"))


def english_lookups(root: Path) -> tuple[Lookup, Lookup]:
    """The committed translation memory, and one in which every entry reads differently."""
    memory = load_memory(root, "en").lookup

    def changed(text: str):
        found = memory(text)
        return replace(found, text="Rewritten: " + found.text) if found.text else found
    return memory, changed


def test_a_slug_does_not_change_when_a_translation_does(tmp_path):
    settings = Settings(seeds_dir=SEEDS, site_root=ROOT)
    pages = process_seeds(settings).pages
    before, after = english_lookups(ROOT)
    old, new = render_files(pages, settings, before), render_files(pages, settings, after)
    assert set(old) == set(new)
    changed = [path for path in old if path.parts[0] == "en" and old[path] != new[path]]
    assert changed, "the rewritten memory should change some English page"
    for path in old:
        slug = [line for line in old[path].splitlines() if line.startswith("Slug: ")]
        assert slug == [line for line in new[path].splitlines() if line.startswith("Slug: ")]
