"""Score the fact extractor against hand annotations (tests/data/gold-dev.json).

    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_facts [--gold FILE] [--seeds DIR] [-q]

Each seed line (annotated captions, noise lines and advertisement stories skipped) is normalized
the way the parser will (NFC, no spaces inside numbers) and run through extract_facts. A fact
matches a gold fact of the same line when surface (after NFKC, without whitespace), unit and
value (within 0.5%) agree.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from park_digest.figures.facts import extract_facts
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


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("-q", "--quiet", action="store_true", help="scores only")
    args = parser.parse_args(list(argv) if argv is not None else None)
    print(report(evaluate(args.gold, args.seeds), verbose=not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
