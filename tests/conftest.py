"""Shared fixtures: paths, and a real site built from the seeds into a temporary directory."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings as hypothesis_settings

# Property tests: few, fixed examples by default so CI is fast and repeatable;
# HYPOTHESIS_PROFILE=explore searches harder and at random.
hypothesis_settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.register_profile("explore", max_examples=2000, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold-dev.json"
sys.path.insert(0, str(ROOT / "plugins"))
pytest_plugins = ["browser_fixtures"]  # served site, Chromium, axe (tests/browser_fixtures.py)


def build_site(tmp: Path, seeds: Path = SEEDS, conf: Path = ROOT / "pelicanconf.py",
               env: dict | None = None, check: bool = True, args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run Pelican as `make html` does, with a private copy of content/ so tests never touch
    the working tree's generated stories."""
    content = tmp / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("stories"))
    run_env = {**os.environ, "SEEDS_DIR": str(seeds), "CACHE_DIR": str(tmp / "cache"), **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp / "output"), "-s", str(conf), *args],
        cwd=ROOT, env=run_env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The seed site, built once per test session; returns its output directory."""
    tmp = tmp_path_factory.mktemp("site")
    build_site(tmp)
    return tmp / "output"
