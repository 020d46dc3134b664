"""Score the parser against hand annotations (eval/gold-dev.json format).

    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_parse tests/data/gold-dev.json seeds/

A story matches an annotated one when their line spans overlap by half or more of the longer.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from park_digest.model import PageResult
from park_digest.parse.pipeline import process_file


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0]) + 1
    longest = max(a[1] - a[0] + 1, b[1] - b[0] + 1)
    return max(0, inter) / longest


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    matched: int = 0
    kind: int = 0
    park: int = 0
    title: int = 0
    breaks: int = 0
    breaks_joined: int = 0
    captions: int = 0
    captions_out: int = 0
    chars: int = 0
    chars_kept: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "story_recall": self.ratio(self.matched, self.gold),
            "story_precision": self.ratio(self.matched, self.found),
            "kind": self.ratio(self.kind, self.matched),
            "park": self.ratio(self.park, self.matched),
            "title": self.ratio(self.title, self.matched),
            "rejoined": self.ratio(self.breaks_joined, self.breaks),
            "captions_out": self.ratio(self.captions_out, self.captions),
            "chars_kept": self.ratio(self.chars_kept, self.chars),
        }


def kept_text(result: PageResult) -> str:
    """Everything the page's output holds: stories (all fields) and discarded text."""
    parts = []
    for story in result.stories:
        parts += [story.title or "", *story.captions, *story.bylines]
        parts += [item.text for item in story.body]
    parts += [d.text for d in result.discarded]
    return "".join(parts)


def letters_and_digits(text: str) -> list[str]:
    return [ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum()]


def score_page(result: PageResult, gold: dict, scores: Scores) -> None:
    stories = [s for s in result.stories]
    scores.gold += len(gold["articles"])
    scores.found += len(stories)
    used: set[int] = set()
    for article in gold["articles"]:
        span = (article["first_line"], article["last_line"])
        best = max(((overlap(span, s.span), i) for i, s in enumerate(stories) if i not in used), default=(0, -1))
        if best[0] < 0.5:
            scores.misses.append(f"{result.seed.file}: no story for {article['id']} {span}")
            continue
        used.add(best[1])
        story = stories[best[1]]
        scores.matched += 1
        scores.kind += story.kind == article["kind"]
        scores.park += bool(story.park) and squash(story.park.name_zh) == squash(article["park"])
        scores.title += squash(story.title) == squash(article["title"]) if article["title"] else story.title is None
        if story.kind != article["kind"]:
            scores.misses.append(f"{result.seed.file}: {article['id']} kind {story.kind} ≠ {article['kind']}")
        if article["title"] and squash(story.title) != squash(article["title"]):
            scores.misses.append(f"{result.seed.file}: {article['id']} title {story.title!r}")
    paragraphs = [squash(item.text) for s in stories for item in s.body]
    for cut in gold.get("broken_paragraphs", []):
        scores.breaks += 1
        joined = squash(cut["joined_text_around_break"])
        ok = any(joined in p for p in paragraphs)
        scores.breaks_joined += ok
        if not ok:
            scores.misses.append(f"{result.seed.file}: break at {cut['line_end_of_first_part']} not rejoined")
    for caption in gold.get("captions", []):
        scores.captions += 1
        text = squash(caption["text"])
        ok = not any(text in p for p in paragraphs)
        scores.captions_out += ok
        if not ok:
            scores.misses.append(f"{result.seed.file}: caption {caption['text']!r} left in a paragraph")
    source = letters_and_digits("".join(result.seed.lines))
    kept = letters_and_digits(kept_text(result))
    scores.chars += len(source)
    scores.chars_kept += len(source) - _missing(source, kept)


def _missing(source: list[str], kept: list[str]) -> int:
    have = Counter(kept)
    missing = 0
    for ch, n in Counter(source).items():
        missing += max(0, n - have.get(ch, 0))
    return missing


def evaluate(gold_path: Path, seeds_dir: Path) -> Scores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores = Scores()
    for name, page in sorted(gold["seeds"].items()):
        score_page(process_file(seeds_dir / name), page, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("seeds", type=Path)
    args = parser.parse_args(argv)
    scores = evaluate(args.gold, args.seeds)
    for key, value in scores.summary().items():
        print(f"{key:16} {value:.3f}")
    for miss in scores.misses:
        print("  -", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
