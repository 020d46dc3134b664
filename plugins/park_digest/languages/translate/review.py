"""`make review`: what in the translation memory still needs a person, file by file.

Before listing, the PO files are synced with the current seeds (no network), so a Chinese
paragraph edited since its translation shows up as outdated, with the old and new Chinese, and
is there to correct in the PO file. Listed: machine translations not yet reviewed, outdated
entries and missing ones. House terms (park names, fact labels, which come from the gazetteer
and labels.yml) are counted, not listed: they are corrected in those files.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

import polib

from .memory import COMMON_NAME, engine_of, language_dir, qa_flags
from .store import MemoryLockedError, POFileError, memory_lock, read_po
from .sync import sync_memory
from .run import HOUSE_ENGINES
from .units import Unit

KINDS = ("machine", "outdated", "missing")
WHY = {
    "machine": "machine translation by %s, not reviewed yet",
    "outdated": "the Chinese changed after this English was written",
    "missing": "no English yet (make translate fills it; or write it)",
}


@dataclass(frozen=True)
class Item:
    line: int
    status: str  # machine | outdated | missing
    chinese: str
    english: str
    ref: str
    previous: Optional[str] = None  # the Chinese an outdated English was written for
    engine: Optional[str] = None
    qa: tuple[str, ...] = ()


@dataclass
class FileReview:
    path: Path
    items: list[Item] = field(default_factory=list)
    house: int = 0  # house terms without a reviewed entry: counted, not listed
    broken: Optional[str] = None  # why the file cannot be read (memory.POFileError)

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)


def status_of(entry: polib.POEntry) -> Optional[str]:
    if not entry.msgstr:
        return "missing"
    if not entry.fuzzy:
        return None  # reviewed
    return "outdated" if entry.previous_msgid is not None else "machine"


def review_file(path: Path, lang: str, house: set[str]) -> FileReview:
    review = FileReview(path)
    try:
        po = read_po(path, lang)
    except POFileError as exc:
        review.broken = str(exc)
        return review
    for entry in po:
        status = None if entry.obsolete or not entry.msgid else status_of(entry)
        if status is None:
            continue
        if entry.msgid in house and (status == "missing" or engine_of(entry) in HOUSE_ENGINES.values()):
            review.house += 1
            continue
        ref = ":".join(entry.occurrences[0]) if entry.occurrences else ""
        review.items.append(Item(entry.linenum, status, entry.msgid, entry.msgstr, ref,
                                 entry.previous_msgid, engine_of(entry), qa_flags(entry)))
    return review


def review_memory(root: Path, lang: str, units_by_file: dict[str, list[Unit]],
                  only: Optional[str] = None) -> list[FileReview]:
    """Sync the PO files with the units (under the memory's lock), then review each file, or
    only the one `only` names (a PO file, its seed, or their stem)."""
    root = Path(root).resolve()
    with memory_lock(root):
        sync_memory(root, lang, units_by_file)
    directory = language_dir(root, lang)
    paths = sorted(directory.glob("*.po"), key=lambda p: (p.stem == COMMON_NAME, p.name))
    if only is not None:
        stem = Path(only).name.removesuffix(".po").removesuffix(".txt")
        paths = [p for p in paths if p.stem == stem]
        if not paths:
            raise FileNotFoundError("no PO file for %r in %s" % (only, directory))
    house = {u.msgid for units in units_by_file.values() for u in units if u.house}
    return [review_file(path, lang, house) for path in paths]


def show_change(old: str, new: str) -> str:
    """The new Chinese with what changed marked inline: [-removed-]{+added+}."""
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(new[b1:b2])
            continue
        if a2 > a1:
            out.append("[-%s-]" % old[a1:a2])
        if b2 > b1:
            out.append("{+%s+}" % new[b1:b2])
    return "".join(out)


def format_review(reviews: list[FileReview], root: Path) -> str:
    def name(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    totals = Counter({kind: sum(r.count(kind) for r in reviews) for kind in KINDS})
    house = sum(r.house for r in reviews)
    lines = ["review: %d machine, %d outdated, %d missing in %d files"
             % (totals["machine"], totals["outdated"], totals["missing"], len(reviews))]
    width = max((len(name(r.path)) for r in reviews), default=0)
    for review in reviews:
        if review.broken:
            lines.append("  %-*s  cannot be read, mend it first: %s" % (width, name(review.path), review.broken))
            continue
        lines.append("  %-*s  %4d machine  %4d outdated  %4d missing"
                     % (width, name(review.path), *(review.count(kind) for kind in KINDS)))
    if house:
        lines.append("  (%d park names and fact labels come from parks.yml and labels.yml; "
                     "correct them there)" % house)
    for review in reviews:
        for item in review.items:
            why = WHY[item.status] % (item.engine or "an engine") if item.status == "machine" else WHY[item.status]
            if item.qa:
                why += "; failed QA: %s (make qa says why)" % ", ".join(item.qa)
            lines += ["", "%s:%d  %s: %s  [%s]" % (name(review.path), item.line, item.status, why, item.ref)]
            if item.previous is not None:
                lines += ["  Chinese was: " + item.previous, "  Chinese now: " + item.chinese,
                          "  change:      " + show_change(item.previous, item.chinese)]
            else:
                lines.append("  Chinese: " + item.chinese)
            if item.english:
                lines.append("  English: " + item.english)
    return "\n".join(lines)


def main_review(argv: Optional[Sequence[str]], units_provider: Callable[[], dict[str, list[Unit]]],
                root: Path) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m park_digest review",
        description="List the entries of the translation memory that need a person: machine "
                    "translations, outdated and missing entries (the PO files are synced first).")
    parser.add_argument("--file", help="only this PO file (or its seed, e.g. 000_x.txt)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--root", type=Path, default=root)
    args = parser.parse_args(argv)
    try:
        reviews = review_memory(args.root, args.lang, units_provider(), args.file)
    except (MemoryLockedError, FileNotFoundError, OSError) as exc:
        print("review: %s" % exc, file=sys.stderr)
        return 2
    print(format_review(reviews, Path(args.root).resolve()))
    return 0
