"""A build's process collects garbage less often (hooks.collect_garbage_less) and leaves its
heap to the operating system at exit (hooks.exit_without_collecting)."""
import os
import shutil
import subprocess
import sys

from conftest import ROOT, SEEDS
from park_digest.hooks import GC_THRESHOLDS

# An exit handler registered before the plugin's runs after it (atexit is last in, first out).
CHECK = """
import atexit, gc, sys
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
atexit.register(lambda: print("thresholds:", gc.get_threshold()))
from pelican import main
sys.argv = ["pelican"] + sys.argv[1:]
main()
"""


def test_a_build_collects_less_often_and_freezes_its_heap_at_exit(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("stories"))
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(tmp_path / "content"), "-o", str(tmp_path / "output"),
         "-s", str(ROOT / "pelicanconf.py")], cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "SEEDS_DIR": str(SEEDS), "CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert "frozen at exit: True" in result.stdout
    assert f"thresholds: {GC_THRESHOLDS}" in result.stdout

