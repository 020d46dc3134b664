"""Score the fact extractor against hand annotations (tests/data/gold-dev.json).

    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_facts [--gold FILE] [--seeds DIR] [-q]

Extraction: each seed line (annotated captions, noise lines and advertisement stories skipped)
is normalized the way the parser will (NFC, no spaces inside numbers) and run through
extract_facts. A fact matches a gold fact of the same line when surface (after NFKC, without
whitespace), unit and value (within 0.5%) agree.

Meaning (indicator, period, change, share, fact box): each seed goes through the whole pipeline
(stories, dates, context), and each story's figures are matched to the gold figures of their
seed line the same way. Accuracies are over all gold figures (a figure the pipeline missed
counts as wrong); box precision is over the figures the pipeline boxed that gold annotates.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from park_digest.figures.facts import extract_facts
from park_digest.parse.pipeline import clean_lines, process_file
from park_digest.model import MONEY_UNITS
from park_digest.model import Fact

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO / "tests" / "data" / "gold-dev.json"
DEFAULT_SEEDS = REPO / "seeds"
# Unit spellings in the annotations that are not codes of model.UNITS.
GOLD_UNIT_ALIASES = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
                     "years": "year", "months": "month"}
VALUE_TOLERANCE = 0.005

_SPACE_IN_NUMBER = re.compile(
    r"(?<=[\d.%％])[ \t\u3000]+(?=[\d\u4e00-\u9fff%％.])|(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=\d)")


def normalize_line(line: str) -> str:
    """What the parser hands over: NFC, and no spaces around numbers (2025 年前 8 个月)."""
    return _SPACE_IN_NUMBER.sub("", unicodedata.normalize("NFC", line)).strip()


def comparable(surface: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", surface))


def same_fact(gold: dict, fact: Fact) -> bool:
    unit = GOLD_UNIT_ALIASES.get(gold["unit"], gold["unit"])
    value = float(gold["value"])
    close = abs(fact.value - value) <= VALUE_TOLERANCE * max(abs(value), 1e-9)
    return comparable(gold["surface"]) == comparable(fact.surface) and unit == fact.unit and close


@dataclass
class Score:
    gold: list[dict] = field(default_factory=list)
    predicted: list[tuple[str, int, Fact]] = field(default_factory=list)  # (seed, line, fact)
    matches: list[tuple[dict, Fact]] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    false_positives: list[tuple[str, int, Fact]] = field(default_factory=list)

    def recall(self, money: bool = False) -> float:
        gold = [g for g in self.gold if not money or g["unit"] in MONEY_UNITS]
        hit = [g for g, _ in self.matches if not money or g["unit"] in MONEY_UNITS]
        return len(hit) / len(gold) if gold else 1.0

    def precision(self, money: bool = False) -> float:
        pred = [p for p in self.predicted if not money or p[2].unit in MONEY_UNITS]
        hit = [f for _, f in self.matches if not money or f.unit in MONEY_UNITS]
        return len(hit) / len(pred) if pred else 1.0

    def qualifier_accuracy(self) -> float:
        right = sum(1 for g, f in self.matches if g["qualifier"] == f.qualifier)
        return right / len(self.matches) if self.matches else 1.0

    def label_coverage(self) -> float:
        labelled = sum(1 for _, _, f in self.predicted if f.label_en.strip() and f.label_zh.strip())
        return labelled / len(self.predicted) if self.predicted else 1.0


def skipped_lines(annotation: dict) -> set[int]:
    """Lines whose quantities are not annotated: captions, page furniture, advertisements."""
    lines = {c["line"] for c in annotation.get("captions", [])}
    lines |= {n["line"] for n in annotation.get("noise_lines", [])}
    for article in annotation.get("articles", []):
        if article.get("kind") == "advertisement":
            lines |= set(range(article["first_line"], article["last_line"] + 1))
    return lines


def evaluate(gold_path: Path = DEFAULT_GOLD, seeds_dir: Path = DEFAULT_SEEDS) -> Score:
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    score = Score()
    for seed_file, annotation in data["seeds"].items():
        skip = skipped_lines(annotation)
        lines = (seeds_dir / seed_file).read_text(encoding="utf-8-sig").splitlines()
        gold_by_line: dict[int, list[dict]] = {}
        for g in data["facts"]:
            if g["seed"] == seed_file:
                gold_by_line.setdefault(g["line"], []).append(g)
                score.gold.append(g)
        for number, line in enumerate(lines, start=1):
            if number in skip or not line.strip():
                continue
            facts = extract_facts(normalize_line(line))
            score.predicted.extend((seed_file, number, f) for f in facts)
            _match_line(score, seed_file, number, gold_by_line.get(number, []), facts)
        for number, golds in gold_by_line.items():
            if number in skip or not lines[number - 1].strip():
                score.misses.extend(golds)
    return score


def _match_line(score: Score, seed: str, number: int, golds: list[dict],
                facts: list[Fact]) -> None:
    unused = list(facts)
    for g in golds:
        hit = next((f for f in unused if same_fact(g, f)), None)
        if hit is None:
            score.misses.append(g)
        else:
            unused.remove(hit)
            score.matches.append((g, hit))
    score.false_positives.extend((seed, number, f) for f in unused)


def report(score: Score, verbose: bool = True) -> str:
    out = [
        f"gold facts {len(score.gold)}, extracted {len(score.predicted)}, matched {len(score.matches)}",
        f"money  precision {score.precision(True):.3f}  recall {score.recall(True):.3f}",
        f"all    precision {score.precision():.3f}  recall {score.recall():.3f}",
        f"qualifier accuracy on matches {score.qualifier_accuracy():.3f}",
        f"label coverage (zh and en) {score.label_coverage():.3f}",
    ]
    if verbose:
        out.append(f"\nmisses ({len(score.misses)}):")
        out += [f"  {g['seed'][:3]}:{g['line']:<4} {g['surface']} = {g['value']} {g['unit']}"
                for g in score.misses]
        out.append(f"\nfalse positives ({len(score.false_positives)}):")
        out += [f"  {seed[:3]}:{line:<4} {f.surface} = {f.value:g} {f.unit} [{f.label_zh}]"
                for seed, line, f in score.false_positives]
        out.append("\nqualifier disagreements:")
        out += [f"  {g['seed'][:3]}:{g['line']:<4} {g['surface']} gold {g['qualifier']} got "
                f"{f.qualifier}" for g, f in score.matches if g["qualifier"] != f.qualifier]
    return "\n".join(out)


@dataclass
class MeaningScore:
    """Gold figures paired with the pipeline's figure of the same line (None when missed), and
    the boxed figures no gold figure matched."""
    pairs: list[tuple[dict, Optional[Fact]]] = field(default_factory=list)
    unmatched_boxed: int = 0

    def _share(self, right, among=lambda g: True) -> float:
        chosen = [(g, f) for g, f in self.pairs if among(g)]
        return sum(1 for g, f in chosen if f is not None and right(g, f)) / len(chosen) if chosen else 1.0

    def indicator_accuracy(self) -> float:
        return self._share(lambda g, f: g["indicator"] == f.indicator)

    def false_indicators(self) -> float:
        """Figures with no indicator in gold that the pipeline gave one, over those figures."""
        none = [f for g, f in self.pairs if g["indicator"] is None]
        return sum(1 for f in none if f is not None and f.indicator) / len(none) if none else 0.0

    def period_accuracy(self, strict: bool = False, indicators_only: bool = False) -> float:
        return self._share(lambda g, f: g["period"] == f.period and (
            not strict or g["period"] is None or bool(g["period_inferred"]) == f.period_inferred),
            (lambda g: g["indicator"] is not None) if indicators_only else (lambda g: True))

    def change_accuracy(self) -> float:
        return self._share(lambda g, f: g["change"] == f.change)

    def share_accuracy(self) -> float:
        return self._share(lambda g, f: g["share_of"] == f.share_of)

    def box_precision(self) -> float:
        boxed = [g for g, f in self.pairs if f is not None and f.in_box]
        total = len(boxed) + self.unmatched_boxed
        return sum(1 for g in boxed if g["box_worthy"]) / total if total else 1.0

    def box_recall(self) -> float:
        worthy = [f for g, f in self.pairs if g["box_worthy"]]
        return sum(1 for f in worthy if f is not None and f.in_box) / len(worthy) if worthy else 1.0


def evaluate_meaning(gold_path: Path = DEFAULT_GOLD, seeds_dir: Path = DEFAULT_SEEDS) -> MeaningScore:
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    score = MeaningScore()
    for seed_file in data["seeds"]:
        result = process_file(seeds_dir / seed_file)
        lines, _ = clean_lines(result.seed)
        by_line: dict[int, list[Fact]] = {}
        for story in result.stories:
            for fact in story.facts:
                by_line.setdefault(fact_line(story, fact, lines), []).append(fact)
        golds = [g for g in data["facts"] if g["seed"] == seed_file]
        used: set[int] = set()
        for g in golds:
            hit = next((f for f in by_line.get(g["line"], []) if id(f) not in used and same_fact(g, f)), None)
            if hit is not None:
                used.add(id(hit))
            score.pairs.append((g, hit))
        score.unmatched_boxed += sum(1 for facts in by_line.values() for f in facts
                                     if f.in_box and id(f) not in used)
    return score


def fact_line(story, fact: Fact, lines: list[str]) -> int:
    """The seed line (1-based) a figure stands on: its body item's lines joined as the layout
    joins them (without a separator), or the line of the story's title."""
    if fact.block == "title":
        first, last = story.span
        return next((n for n in range(first, last + 1) if story.title and story.title in lines[n - 1]), first)
    item = story.body[fact.block]
    offset = 0
    for number in item.parts or (item.span[0],):
        offset += len(lines[number - 1])
        if fact.start < offset:
            return number
    return item.span[1]


def report_meaning(score: MeaningScore, verbose: bool = True) -> str:
    out = [
        f"indicator accuracy {score.indicator_accuracy():.3f}  false indicators "
        f"{score.false_indicators():.3f} (of figures with none)",
        f"period accuracy {score.period_accuracy():.3f}  with inferred flag "
        f"{score.period_accuracy(strict=True):.3f}  on indicator figures "
        f"{score.period_accuracy(indicators_only=True):.3f}",
        f"change accuracy {score.change_accuracy():.3f}  share accuracy {score.share_accuracy():.3f}",
        f"box precision {score.box_precision():.3f}  box recall {score.box_recall():.3f}",
    ]
    if verbose:
        out.append("\nmeaning disagreements (gold | got):")
        for g, f in score.pairs:
            got = (f.indicator, f.change, f.share_of, f.period, f.period_inferred, f.in_box) if f else None
            want = (g["indicator"], g["change"], g["share_of"], g["period"], g["period_inferred"], g["box_worthy"])
            if got != want:
                out.append(f"  {g['seed'][:3]}:{g['line']:<4} {g['surface']:<8} {want} | {got}"
                           f"  [{f.label_zh if f else '-'}]")
    return "\n".join(out)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("-q", "--quiet", action="store_true", help="scores only")
    args = parser.parse_args(list(argv) if argv is not None else None)
    print(report(evaluate(args.gold, args.seeds), verbose=not args.quiet))
    print(report_meaning(evaluate_meaning(args.gold, args.seeds), verbose=not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
