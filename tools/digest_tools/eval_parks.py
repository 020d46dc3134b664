"""Score park recognition and attribution on the realistic pages (tests/data/realistic/).

    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_parks tests/data/realistic
    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_parks tests/data/realistic/heldout

Each NAME.txt is parsed (or, with --json, read from a saved `park_digest extract` document, to
score another version of the code) and compared with NAME.gold.yml (format: BRIEF.md).

- park precision: of the parks a page's stories name (their park, parks and mentioned), the
  share that the page's annotation names too; the others are "invented";
- park recall: of the parks the annotation says the page's stories are about or give figures
  for, the share the parser gives as a story's park or parks;
- story park: stories (matched by line span, half or more) whose park is the annotated one;
- figures under the right park: annotated figures (matched by line and surface) whose park is
  the annotated one, over round-ups (stories of two parks or more) and over all.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml


def squash(text: Optional[str]) -> str:
    return re.sub(r"\s+|,", "", unicodedata.normalize("NFKC", text or ""))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0]) + 1
    return max(0, inter) / max(a[1] - a[0] + 1, b[1] - b[0] + 1)


@dataclass
class Scores:
    named: int = 0
    named_right: int = 0
    invented: list[str] = field(default_factory=list)
    about: int = 0
    about_found: int = 0
    stories: int = 0
    story_park: int = 0
    roundup_facts: int = 0
    roundup_right: int = 0
    facts: int = 0
    facts_right: int = 0
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        def ratio(part: int, whole: int) -> str:
            return f"{part / whole if whole else 1.0:.3f} ({part}/{whole})"
        return [f"park_precision          {ratio(self.named_right, self.named)}",
                f"invented_parks          {len(self.invented)} {' '.join(self.invented)}".rstrip(),
                f"park_recall             {ratio(self.about_found, self.about)}",
                f"story_park              {ratio(self.story_park, self.stories)}",
                f"figures_park_roundups   {ratio(self.roundup_right, self.roundup_facts)}",
                f"figures_park_all        {ratio(self.facts_right, self.facts)}"]


def story_parks(story: dict[str, Any]) -> list[str]:
    """The story's park and every park it gives figures for (older extracts: its park only)."""
    own = [story["park"]["name_zh"]] if story.get("park") else []
    return list(dict.fromkeys(own + [p["name_zh"] for p in story.get("parks") or []]))


def fact_park(fact: dict[str, Any], story: dict[str, Any]) -> Optional[str]:
    if "park" in fact:
        return fact["park"]
    return story["park"]["name_zh"] if story.get("park") else None  # older extracts: the story's


def score_page(page: dict[str, Any], gold: dict[str, Any], name: str, scores: Scores) -> None:
    stories = page["stories"]
    gold_stories = gold.get("stories") or []
    gold_named = {p for s in gold_stories for p in ([s.get("park")] + list(s.get("parks") or [])
                                                    + list(s.get("mentioned") or [])) if p}
    named = {p for s in stories for p in story_parks(s) + list(s.get("parks_mentioned") or [])}
    scores.named += len(named)
    scores.named_right += len(named & gold_named)
    scores.invented += [f"{name}:{p}" for p in sorted(named - gold_named)]
    about = {p for s in gold_stories for p in [s.get("park"), *(s.get("parks") or [])] if p}
    found = {p for s in stories for p in story_parks(s)}
    scores.about += len(about)
    scores.about_found += len(about & found)
    scores.misses += [f"{name}: not found {p}" for p in sorted(about - found)]
    for g in gold_stories:
        span = (g["first_line"], g["last_line"])
        match = max(stories, key=lambda s: overlap(span, tuple(s["lines"])), default=None)
        if match is None or overlap(span, tuple(match["lines"])) < 0.5:
            continue
        scores.stories += 1
        predicted = match["park"]["name_zh"] if match.get("park") else None
        scores.story_park += predicted == g.get("park")
        if predicted != g.get("park"):
            scores.misses.append(f"{name}:{span[0]}: story park {predicted} should be {g.get('park')}")
    used: dict[int, int] = {}
    for fact in gold.get("facts") or []:
        owner = next((g for g in gold_stories if g["first_line"] <= fact["line"] <= g["last_line"]), None)
        roundup = owner is not None and len(set(owner.get("parks") or [])) >= 2
        right = _right_park(fact, stories, used)
        scores.facts += 1
        scores.facts_right += right
        if roundup:
            scores.roundup_facts += 1
            scores.roundup_right += right
        if not right:
            scores.misses.append(f"{name}:{fact['line']}: {fact['surface']} should be under {fact['park']}")


def _right_park(fact: dict[str, Any], stories: list[dict[str, Any]], used: dict[int, int]) -> bool:
    """Whether the parser files this annotated figure under its park: the first unused figure
    of the same surface in the story that holds its line."""
    for story in stories:
        if not story["lines"][0] <= fact["line"] <= story["lines"][1]:
            continue
        for number, candidate in enumerate(story["facts"]):
            key = id(story) * 1000 + number
            wanted, got = squash(fact["surface"]), squash(candidate["surface"])
            if key in used or not (wanted == got or wanted in got or got in wanted):
                continue
            used[key] = 1
            return fact_park(candidate, story) == fact.get("park")
    return False


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", type=Path, help="a saved `park_digest extract` document of the pages")
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    args = parser.parse_args(argv)
    saved = {}
    if args.json:
        saved = {Path(s["file"]).name: s for s in json.loads(args.json.read_text(encoding="utf-8"))["seeds"]}
    scores = Scores()
    for gold_path in sorted(args.folder.glob("*.gold.yml")):
        page_path = gold_path.with_name(gold_path.name.replace(".gold.yml", ".txt"))
        if args.json:
            page = saved[page_path.name]
        else:
            from park_digest.export import page_json
            from park_digest.parse.pipeline import process_file
            page = page_json(process_file(page_path))
        score_page(page, yaml.safe_load(gold_path.read_text(encoding="utf-8")), page_path.stem, scores)
    print("\n".join(scores.lines()))
    if args.misses:
        print("\n".join(scores.misses), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
