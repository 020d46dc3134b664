"""Bringing the translation memory in line with the seeds' units: one entry per Chinese text in
page order; an old translation whose Chinese changed a little is carried over, flagged outdated;
one no unit uses any more is kept as obsolete, so no translation is ever lost."""
from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import polib

from ...parse.clean import printable
from .memory import (
    COMMON_NAME, Translation, engine_of, language_dir, po_path, set_engine, set_kind, translation_of)
from .store import POFileError, read_po, save_po
from .units import COMMON_KINDS, Unit

log = logging.getLogger(__name__)

SIMILARITY = 0.75  # difflib ratio from which an old translation is carried over as outdated


@dataclass
class FileSync:
    path: Path
    added: int = 0
    kept: int = 0
    outdated: int = 0  # new msgids that inherited a similar old translation
    obsoleted: int = 0
    written: bool = False


@dataclass
class SyncReport:
    files: list[FileSync] = field(default_factory=list)
    broken: list[POFileError] = field(default_factory=list)  # left untouched

    def total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)


def with_outdated(lookup: Callable[[str], Translation], root: Path, lang: str, seed_file: str,
                  units: list[Unit]) -> Callable[[str], Translation]:
    """`lookup`, plus the English a sync would carry over to this page's changed Chinese
    (marked outdated), without writing anything: so a build shows the old English of an edited
    paragraph as "may be out of date" before `make review` or `make translate` has run."""
    page_units = [unit for unit in units if unit.kind not in COMMON_KINDS]
    path = po_path(root, lang, seed_file)
    if not path.exists() or all(lookup(u.msgid).status != "missing" for u in page_units):
        return lookup
    try:
        po = read_po(path, lang)
    except POFileError:  # load_memory has reported it; the page builds without its translations
        return lookup
    sync_po(po, page_units)
    carried = {e.msgid: translation_of(e) for e in po
               if not e.obsolete and e.msgstr and e.previous_msgid is not None}

    def find(msgid: str) -> Translation:
        found = lookup(msgid)
        return carried.get(msgid, found) if found.status == "missing" else found
    return find


# ---------------------------------------------------------------- sync

def group_units(units_by_file: dict[str, list[Unit]]) -> dict[str, list[Unit]]:
    """Units per PO file name (seed stem or "common"), in a deterministic order."""
    groups: dict[str, list[Unit]] = {}
    common: list[Unit] = []
    for seed_file in sorted(units_by_file):
        stem = Path(seed_file).stem
        if stem == COMMON_NAME:
            raise ValueError("a seed named %r would collide with %s.po" % (seed_file, COMMON_NAME))
        units = units_by_file[seed_file]
        groups[stem] = [u for u in units if u.kind not in COMMON_KINDS]
        common.extend(u for u in units if u.kind in COMMON_KINDS)
    if units_by_file:
        groups[COMMON_NAME] = common
    return groups


def sync_memory(root: Path, lang: str, units_by_file: dict[str, list[Unit]]) -> SyncReport:
    """Bring the PO files in line with the current units (does not take the lock).

    Pass the units of every seed: common.po is rebuilt from all of them. PO files of seeds
    that are not passed are left untouched.
    """
    report = SyncReport()
    for name, units in group_units(units_by_file).items():
        path = language_dir(root, lang) / (name + ".po")
        try:
            po = read_po(path, lang)
        except POFileError as exc:  # rewriting it would lose what it holds
            log.warning("%s; left untouched until it is mended", exc)
            report.broken.append(exc)
            continue
        result = sync_po(po, units)
        result.path = path
        result.written = save_po(po, path)
        report.files.append(result)
        if result.outdated or result.obsoleted:
            log.info("%s: %d added, %d outdated, %d obsolete", path, result.added,
                     result.outdated, result.obsoleted)
    return report


def sync_po(po: polib.POFile, units: list[Unit]) -> FileSync:
    """Rewrite `po` in place: one entry per distinct msgid in unit order, obsolete ones last."""
    result = FileSync(Path())
    wanted: dict[str, list[Unit]] = {}
    for unit in units:
        wanted.setdefault(unit.msgid, []).append(unit)

    live = {e.msgid: e for e in po if not e.obsolete and e.msgid}
    obsolete = {e.msgid: e for e in po if e.obsolete and e.msgid}
    entries: list[polib.POEntry] = []
    fresh: list[polib.POEntry] = []
    for msgid, same in wanted.items():
        entry = live.pop(msgid, None) or obsolete.pop(msgid, None)
        if entry is None:
            entry = polib.POEntry(msgid=msgid, msgstr="")
            fresh.append(entry)
            result.added += 1
        else:
            result.kept += 1
        entry.obsolete = False
        entry.occurrences = unique_occurrences(same)
        set_kind(entry, same[0].kind)
        entries.append(entry)
    for msgid in wanted:  # an obsolete twin of a live msgid would be a duplicate definition
        obsolete.pop(msgid, None)

    # Old entries that lost their unit: a similar new msgid inherits the translation, the rest
    # become obsolete (kept in the file, so no translation is lost).
    unused = list(live.values()) + list(obsolete.values())
    for entry in fresh:
        old = most_similar(entry.msgid, [e for e in unused if e.msgstr])
        if old is not None:
            unused.remove(old)
            carry_over(old, entry)
            result.outdated += 1
    result.obsoleted = sum(1 for e in unused if e.msgid in live)
    for entry in unused:
        entry.obsolete = True
        entry.occurrences = []
    kept_obsolete = [e for e in unused if e.msgstr]  # an empty obsolete entry holds nothing

    del po[:]
    po.extend(entries + kept_obsolete)
    return result


def unique_occurrences(units: list[Unit]) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    for unit in units:
        file, _, line = unit.ref.rpartition(":")
        occurrence = (reference_name(file), line) if file else (reference_name(unit.ref), "")
        if occurrence not in seen:
            seen.append(occurrence)
    return seen


def reference_name(name: str) -> str:
    """A file name as a PO reference can hold it: a name with spaces is wrapped in U+2068 and
    U+2069, as xgettext does; a control character or line break (a seed's name never has one:
    read.py refuses it) is escaped rather than allowed to break the comment line."""
    name = printable(name)
    return f"\u2068{name}\u2069" if any(ch.isspace() for ch in name) else name


def most_similar(msgid: str, candidates: list[polib.POEntry]) -> Optional[polib.POEntry]:
    best, best_ratio = None, SIMILARITY
    for entry in candidates:
        # autojunk off: it would treat frequent Chinese characters as noise in long paragraphs.
        matcher = difflib.SequenceMatcher(None, entry.msgid, msgid, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio or (best is None and ratio >= best_ratio):
            best, best_ratio = entry, ratio
    return best


def carry_over(old: polib.POEntry, new: polib.POEntry) -> None:
    """`new` keeps `old`'s English, flagged outdated against the Chinese it was made for."""
    new.msgstr = old.msgstr
    new.flags = ["fuzzy"]
    new.previous_msgid = old.previous_msgid if old.previous_msgid is not None else old.msgid
    engine = engine_of(old) if old.fuzzy else None  # a reviewed text is a person's, whatever drafted it
    if engine:
        set_engine(new, engine)
