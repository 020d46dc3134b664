"""`make bench [N=300]`: how the build's cost grows with the digest, on a synthetic corpus.

Everything happens in a temporary directory (removed afterwards unless --keep): N pages are
generated from the seeds (corpus.py), then measured:

- conversion: seed → stories, facts, every language variant and its Markdown, in characters of
  seed text per second, as the build runs it (split across the cores, into an empty cache; the
  single-process figure is printed too);
- cold: a full `pelican` build with fresh output and empty caches (ours and Pelican's);
- baseline: plain Pelican, without the plugin, building the same generated Markdown, run right
  after the cold build. Our theme needs the plugin's template globals, so the baseline uses
  Pelican's built-in "simple" theme (its other theme, notmyidea, needs categories, which the
  site turns off) with the site's other settings; `overhead` = cold ÷ baseline is then what the
  plugin and its theme add;
- warm: the site's build again, nothing changed;
- one_changed: the build after one seed changed;
- peak memory: the largest resident set of any build process.

Before each build the disk is flushed (os.sync, untimed), so that no build pays for the writes
of the one before it.

Builds run as subprocesses exactly as `make html` runs Pelican, --rounds times (default 5), each
round in fresh directories; rounds and the conversion's caches are removed only at the end
(deleting many files slows the file creation of the next minutes on this disk). The speed of a
shared machine drifts by a third from one minute to the next (the same build's CPU time too),
and one slow build makes any single round misleading: every build's figure is its median over
the rounds, and the overhead is the median of each round's own cold ÷ baseline (the two run one
after the other). The medians of the rounds' warm ÷ cold and one_changed ÷ cold are logged too.
The last line is the summary.
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
from statistics import median

from digest_tools.corpus import generate_corpus, seed_texts
from park_digest.stories.generate import convert_in_parallel, hant_converter, render_files
from park_digest.parse.pipeline import process_file
from park_digest.settings import Settings
from park_digest.languages.translate.memory import load_memory

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
    seconds: float  # wall clock
    cpu: float  # user + system time of the build process
    articles: int


def measure_conversion(seeds_dir: Path, site_root: Path, cache_dir: Path) -> tuple[int, int, float, float]:
    """(characters, stories, seconds in one process, seconds as the build runs it: split across
    the cores, into an empty cache) for seed → stories, facts, variants and Markdown. The cache
    is left for the caller to remove at the end (see run_bench)."""
    settings = Settings(seeds_dir=seeds_dir, site_root=site_root, cache_dir=cache_dir,
                        content_dir=cache_dir / "content")
    paths = sorted(seeds_dir.glob("*.txt"))
    lookup = load_memory(site_root, "en").lookup
    hant = hant_converter(settings)
    render_files([process_file(paths[0])], settings, lookup, hant)  # load tables once, untimed
    start = time.perf_counter()
    pages = [process_file(path, settings.fact_box_size, settings.max_seed_bytes) for path in paths]
    render_files(pages, settings, lookup, hant)
    single = time.perf_counter() - start
    start = time.perf_counter()
    convert_in_parallel(settings)
    parallel = time.perf_counter() - start
    chars = sum(len(line) + 1 for page in pages for line in page.seed.original_lines)
    return chars, sum(len(page.stories) for page in pages), single, parallel


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def settle_disk() -> None:
    """Flush what the build before left for the disk to write, untimed, so that no build pays
    for another's writes."""
    if hasattr(os, "sync"):
        os.sync()


def run_pelican(content: Path, output: Path, conf: Path, env: dict[str, str]) -> Build:
    settle_disk()
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(output),
                             "-s", str(conf)], cwd=ROOT, env=env, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if result.returncode != 0:
        raise RuntimeError(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    done = re.search(r"Processed\s+(\d+)\s+articles", result.stdout)
    return Build(seconds, cpu, int(done.group(1)) if done else 0)


def change_one_seed(seeds_dir: Path) -> Path:
    """An editor's fix: one sentence added at the end of one page."""
    paths = sorted(seeds_dir.glob("*.txt"))
    path = paths[len(paths) // 2]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "据悉，相关项目将于明年投入使用。\n", encoding="utf-8")
    return path


def build_round(corpus: Path, work: Path) -> dict[str, Build]:
    """Cold, baseline, warm and one-changed builds in a fresh directory."""
    seeds, content, output = work / "seeds", work / "content", work / "output"
    shutil.copytree(corpus, seeds)
    (content / "pages").mkdir(parents=True)
    env = {**os.environ, "SEEDS_DIR": str(seeds), "CACHE_DIR": str(work / "cache"), "STRICT": "1"}
    conf = ROOT / "pelicanconf.py"
    builds = {"cold": run_pelican(content, output, conf, env)}
    plain = work / "baseline"
    shutil.copytree(content, plain / "content")  # the Markdown the cold build generated
    (plain / "baseline.py").write_text(BASELINE_CONF.replace("ROOT", repr(str(ROOT))), encoding="utf-8")
    # Right after the cold build: the two are compared, and the machine's speed drifts.
    builds["baseline"] = run_pelican(plain / "content", plain / "output", plain / "baseline.py",
                                     dict(os.environ))
    builds["warm"] = run_pelican(content, output, conf, env)
    change_one_seed(seeds)
    builds["one_changed"] = run_pelican(content, output, conf, env)
    if builds["baseline"].articles != builds["cold"].articles:
        raise RuntimeError(f"baseline built {builds['baseline'].articles} articles, "
                           f"the site {builds['cold'].articles}")
    return builds


def run_bench(pages: int, work: Path, rounds: int = 5, log=print) -> dict[str, float]:
    """The median of `rounds` for every build, and of the rounds' own cold ÷ baseline for the
    overhead; the conversion's best throughput; the largest memory of any build."""
    corpus = work / "corpus"
    generate_corpus(corpus, pages, seed_texts(ROOT / "seeds"))
    chars, stories, single, conv = 0, 0, float("inf"), float("inf")
    for number in range(rounds):
        chars, stories, one, build = measure_conversion(corpus, ROOT, work / f"conversion-{number + 1}")
        single, conv = min(single, one), min(conv, build)
    log(f"conversion: {chars} characters, {stories} stories: {chars / single:.0f} chars/s in one "
        f"process, {chars / conv:.0f} chars/s as the build runs it ({os.cpu_count()} cores; "
        f"best of {rounds})")
    measured: list[dict[str, Build]] = []
    for number in range(rounds):
        builds = build_round(corpus, work / f"round-{number + 1}")
        measured.append(builds)
        log(f"round {number + 1}: " + ", ".join(
            f"{name} {b.seconds:.2f}s ({b.cpu:.2f}s CPU)" for name, b in builds.items())
            + f"; overhead {overhead(builds):.2f}x; {builds['cold'].articles} articles")
    for number in range(rounds):
        # Removed only now: on this disk (ext4 without a journal), for a minute or more after
        # many files are deleted, every new file costs a scan past their inodes. Deleting a
        # round's ~30,000 files slowed the next round's cold build (28.7 s CPU in first rounds,
        # 34.7-38.5 s in the others, same code); deleting the conversion caches (900 files,
        # five times) put 2 s more system CPU into the first round's.
        shutil.rmtree(work / f"round-{number + 1}")
        shutil.rmtree(work / f"conversion-{number + 1}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
    ratios = {name: median(b[name].seconds / b["cold"].seconds for b in measured) for name in ("warm", "one_changed")}
    ratios["overhead"] = median(map(overhead, measured))
    log(f"medians of the rounds' own ratios: overhead {ratios['overhead']:.2f}x, warm {ratios['warm']:.2f}x cold, "
        f"one_changed {ratios['one_changed']:.2f}x cold")
    cpu = {f"{name}_cpu": median(b[name].cpu for b in measured) for name in measured[0]}
    return {**{name: median(b[name].seconds for b in measured) for name in measured[0]}, **cpu, "pages": pages,
            "stories": stories, "overhead": ratios["overhead"], "conv_chars_per_s": chars / conv,
            "peak_mb": peak_mb, "chars": chars}


def overhead(builds: dict[str, Build]) -> float:
    return builds["cold"].seconds / builds["baseline"].seconds


def summary(r: dict[str, float]) -> str:
    return (f"bench: pages={r['pages']} stories={r['stories']} cold={r['cold']:.2f}s "
            f"warm={r['warm']:.2f}s one_changed={r['one_changed']:.2f}s "
            f"baseline={r['baseline']:.2f}s overhead={r['overhead']:.2f}x "
            f"cpu_cold={r['cold_cpu']:.2f}s cpu_baseline={r['baseline_cpu']:.2f}s "
            f"conv_chars_per_s={r['conv_chars_per_s']:.0f} peak_mb={r['peak_mb']:.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="digest_tools.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="synthetic pages to build (default 300)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="repeat, and report the medians (default 5)")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep the corpus")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.rounds < 1:
        parser.error("--pages and --rounds must be at least 1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        result = run_bench(args.pages, args.keep, args.rounds)
    else:
        with tempfile.TemporaryDirectory(prefix="park-digest-bench-") as work:
            result = run_bench(args.pages, Path(work), args.rounds)
    print(f"per page: cold={result['cold'] / result['pages'] * 1000:.1f}ms "
          f"warm={result['warm'] / result['pages'] * 1000:.1f}ms")
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
