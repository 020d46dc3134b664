"""`make bench [N=300]`: how the build's cost grows with the digest, on a synthetic corpus.

Everything happens in a temporary directory (removed afterwards unless --keep): N pages are
generated from the seeds (corpus.py), then measured:

- conversion: seed → stories, facts and every language variant, in this process, without the
  cache, in characters of seed text per second;
- cold: a full `pelican` build with fresh output and empty caches (ours and Pelican's);
- warm: the same build again, nothing changed;
- one_changed: the build after one seed changed;
- baseline: plain Pelican, without the plugin, building the same generated Markdown. Our theme
  needs the plugin's template globals, so the baseline uses Pelican's built-in "simple" theme
  (its other theme, notmyidea, needs categories, which the site turns off) with the site's other
  settings; `overhead` = cold ÷ baseline is then what the plugin and its theme add;
- peak memory: the largest resident set of any build process.

Builds run as subprocesses exactly as `make html` runs Pelican. The last line is the summary.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .corpus import generate_corpus, seed_texts
from .generate import protected_names, render_files
from .pipeline import process_file
from .settings import Settings
from .translate.memory import load_memory

ROOT = Path(__file__).resolve().parents[2]
BASELINE_CONF = """\
# Plain Pelican: the site's settings without the plugin, on Pelican's built-in "simple" theme.
import sys
sys.path.insert(0, ROOT)
from pelicanconf import *  # noqa: F401,F403

PLUGINS = []
THEME = "simple"
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True}  # Pelican's default
CACHE_CONTENT = LOAD_CONTENT_CACHE = False
"""


@dataclass
class Build:
    seconds: float
    articles: int


def measure_conversion(seeds_dir: Path, site_root: Path) -> tuple[int, int, float]:
    """(characters, stories, seconds) for seed → stories, facts, variants and Markdown, uncached."""
    settings = Settings(seeds_dir=seeds_dir, site_root=site_root)
    paths = sorted(seeds_dir.glob("*.txt"))
    lookup = load_memory(site_root, "en").lookup
    protected = protected_names()
    render_files([process_file(paths[0])], settings, lookup, protected)  # load tables once, untimed
    start = time.perf_counter()
    pages = [process_file(path, settings.fact_box_size, settings.max_seed_bytes) for path in paths]
    render_files(pages, settings, lookup, protected)
    seconds = time.perf_counter() - start
    chars = sum(len(line) + 1 for page in pages for line in page.seed.original_lines)
    return chars, sum(len(page.stories) for page in pages), seconds


def run_pelican(content: Path, output: Path, conf: Path, env: dict[str, str]) -> Build:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(output),
                             "-s", str(conf)], cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    done = re.search(r"Processed\s+(\d+)\s+articles", result.stdout)
    return Build(seconds, int(done.group(1)) if done else 0)


def change_one_seed(seeds_dir: Path) -> Path:
    """An editor's fix: one sentence added to the last paragraph of one page."""
    path = sorted(seeds_dir.glob("*.txt"))[len(list(seeds_dir.glob("*.txt"))) // 2]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "据悉，相关项目将于明年投入使用。\n", encoding="utf-8")
    return path


def run_bench(pages: int, work: Path, log=print) -> dict[str, float]:
    seeds = work / "seeds"
    generate_corpus(seeds, pages, seed_texts(ROOT / "seeds"))
    chars, stories, conv_seconds = measure_conversion(seeds, ROOT)
    log(f"conversion: {chars} characters, {stories} stories in {conv_seconds:.2f}s")

    content, output, cache = work / "content", work / "output", work / "cache"
    (content / "pages").mkdir(parents=True)
    env = {**os.environ, "SEEDS_DIR": str(seeds), "CACHE_DIR": str(cache), "STRICT": "1"}
    conf = ROOT / "pelicanconf.py"
    cold = run_pelican(content, output, conf, env)
    log(f"cold build: {cold.seconds:.2f}s, {cold.articles} articles")
    warm = run_pelican(content, output, conf, env)
    log(f"warm build: {warm.seconds:.2f}s")
    changed = change_one_seed(seeds)
    one = run_pelican(content, output, conf, env)
    log(f"one seed changed ({changed.name}): {one.seconds:.2f}s")

    plain = work / "baseline"
    shutil.copytree(content, plain / "content")
    (plain / "baseline.py").write_text(BASELINE_CONF.replace("ROOT", repr(str(ROOT))), encoding="utf-8")
    baseline = run_pelican(plain / "content", plain / "output", plain / "baseline.py", dict(os.environ))
    log(f"baseline (Pelican alone, simple theme): {baseline.seconds:.2f}s, {baseline.articles} articles")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
    return {"pages": pages, "stories": stories, "cold": cold.seconds, "warm": warm.seconds,
            "one_changed": one.seconds, "baseline": baseline.seconds,
            "overhead": cold.seconds / baseline.seconds, "conv_chars_per_s": chars / conv_seconds,
            "peak_mb": peak_mb, "chars": chars}


def summary(r: dict[str, float]) -> str:
    return (f"bench: pages={r['pages']} stories={r['stories']} cold={r['cold']:.2f}s "
            f"warm={r['warm']:.2f}s one_changed={r['one_changed']:.2f}s "
            f"baseline={r['baseline']:.2f}s overhead={r['overhead']:.2f}x "
            f"conv_chars_per_s={r['conv_chars_per_s']:.0f} peak_mb={r['peak_mb']:.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="park_digest.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="synthetic pages to build (default 300)")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        result = run_bench(args.pages, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="park-digest-bench-") as work:
            result = run_bench(args.pages, Path(work))
    print(f"per page: cold={result['cold'] / result['pages'] * 1000:.1f}ms "
          f"warm={result['warm'] / result['pages'] * 1000:.1f}ms")
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
