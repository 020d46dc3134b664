"""`make bench` runs end to end on a tiny corpus and ends with the summary line (no timings checked)."""
import re
import subprocess
import sys

from conftest import ROOT, SEEDS
from digest_tools.corpus import generate_corpus, seed_texts

SUMMARY = re.compile(
    r"bench: pages=3 stories=(\d+) cold=\d+\.\d\ds warm=\d+\.\d\ds one_changed=\d+\.\d\ds "
    r"baseline=\d+\.\d\ds overhead=\d+\.\d\dx cpu_cold=\d+\.\d\ds cpu_baseline=\d+\.\d\ds "
    r"conv_chars_per_s=\d+ peak_mb=\d+")


def test_bench_prints_the_summary_line_last():
    result = subprocess.run([sys.executable, "-m", "digest_tools.bench", "--pages", "3", "--rounds", "1"], cwd=ROOT,
                            env={"PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT / 'tools'}", "PATH": ""},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    last = result.stdout.rstrip("\n").split("\n")[-1]
    match = SUMMARY.fullmatch(last)
    assert match, last
    assert int(match.group(1)) >= 3


def test_corpus_is_deterministic_and_recombined(tmp_path):
    seeds = seed_texts(SEEDS)
    a = generate_corpus(tmp_path / "a", 12, seeds)
    b = generate_corpus(tmp_path / "b", 12, seeds)
    texts = [p.read_text(encoding="utf-8") for p in a]
    assert texts == [p.read_text(encoding="utf-8") for p in b]
    assert len(set(texts)) == 12
    assert not set(texts) & set(seeds)  # pages are new, not copies of the seeds
    assert sum("青岛高新区" not in text for text in texts) >= 6  # other parks take the stage
