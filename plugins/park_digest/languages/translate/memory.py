"""The translation memory: gettext PO files committed in the repository.

Layout: translations/<lang>/<seed stem>.po holds one page's titles, headings, paragraphs and
captions; translations/<lang>/common.po holds park names and fact labels, shared by all pages.
The Chinese text is the msgid. An entry's status follows gettext conventions:

  msgstr empty                          -> missing
  msgstr set, not fuzzy                 -> reviewed (a person accepted it)
  fuzzy with `#| msgid` (previous)      -> outdated (the Chinese changed after translation)
  fuzzy with `#. engine: <name>`        -> machine
  fuzzy with neither                    -> machine, engine unknown (still needs review)

Reading and saving the files is store.py's; bringing them in line with the seeds is sync.py's.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import polib

from .store import TRANSLATIONS_DIR, POFileError, read_po

log = logging.getLogger(__name__)

COMMON_NAME = "common"
ENGINE_PREFIX = "engine: "
QA_PREFIX = "qa: "  # checks a machine entry failed (translate/qa.py), so a reviewer sees why
STATUS_ORDER = ("reviewed", "machine", "outdated", "missing")  # best first


@dataclass(frozen=True)
class Translation:
    text: Optional[str]
    status: str  # reviewed | machine | outdated | missing
    engine: Optional[str] = None
    previous: Optional[str] = None  # the Chinese the (outdated) text was made for


MISSING = Translation(None, "missing")


@dataclass
class Memory:
    """All PO entries of one language, looked up by msgid (the best status wins)."""
    lang: str
    entries: dict[str, Translation] = field(default_factory=dict)
    broken: list[POFileError] = field(default_factory=list)  # files left out, and why

    def lookup(self, msgid: str) -> Translation:
        return self.entries.get(msgid, MISSING)

    def add(self, msgid: str, translation: Translation) -> None:
        known = self.entries.get(msgid)
        rank = STATUS_ORDER.index
        if known is None or rank(translation.status) < rank(known.status):
            self.entries[msgid] = translation


# ---------------------------------------------------------------- paths and entries

def language_dir(root: Path, lang: str) -> Path:
    return Path(root) / TRANSLATIONS_DIR / lang


def po_path(root: Path, lang: str, seed_file: str) -> Path:
    """PO file of a seed page ("000_x.txt" -> translations/en/000_x.po), or common.po."""
    return language_dir(root, lang) / (Path(seed_file).stem + ".po")


def common_path(root: Path, lang: str) -> Path:
    return language_dir(root, lang) / (COMMON_NAME + ".po")


def engine_of(entry: polib.POEntry) -> Optional[str]:
    for line in entry.comment.splitlines():
        if line.startswith(ENGINE_PREFIX):
            return line[len(ENGINE_PREFIX):].strip() or None
    return None


def set_engine(entry: polib.POEntry, engine: str) -> None:
    lines = [line for line in entry.comment.splitlines() if not line.startswith(ENGINE_PREFIX)]
    entry.comment = "\n".join(lines + [ENGINE_PREFIX + engine])


def set_kind(entry: polib.POEntry, kind: str) -> None:
    """The extracted comment starts with the unit kind; engine and QA lines follow while the
    entry is machine-made or outdated. A reviewed entry (a person removed its fuzzy flag) loses
    them, and any `#|` previous Chinese: its English is the reviewer's now, and PO editors
    cannot edit `#.` lines."""
    reviewed = entry.msgstr and not entry.fuzzy
    kept = [line for line in entry.comment.splitlines()
            if line.startswith((ENGINE_PREFIX, QA_PREFIX)) and not reviewed]
    entry.comment = "\n".join([kind] + kept)
    if reviewed:
        entry.previous_msgid = entry.previous_msgctxt = None


def qa_flags(entry: polib.POEntry) -> tuple[str, ...]:
    """The checks a machine entry failed when it was last flagged (`#. qa: figures, glossary`)."""
    for line in entry.comment.splitlines():
        if line.startswith(QA_PREFIX):
            return tuple(c.strip() for c in line[len(QA_PREFIX):].split(",") if c.strip())
    return ()


def set_qa_flags(entry: polib.POEntry, checks: tuple[str, ...]) -> None:
    lines = [line for line in entry.comment.splitlines() if not line.startswith(QA_PREFIX)]
    entry.comment = "\n".join(lines + ([QA_PREFIX + ", ".join(checks)] if checks else []))


def translation_of(entry: polib.POEntry) -> Translation:
    if not entry.msgstr:
        return MISSING
    if not entry.fuzzy:
        return Translation(entry.msgstr, "reviewed")  # a person's, whatever made the draft
    engine = engine_of(entry)
    if entry.previous_msgid is not None:
        return Translation(entry.msgstr, "outdated", engine, entry.previous_msgid)
    return Translation(entry.msgstr, "machine", engine)


def mark_machine(entry: polib.POEntry, text: str, engine: str) -> None:
    entry.msgstr = text
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    entry.previous_msgid = None
    set_engine(entry, engine)


def load_memory(root: Path, lang: str) -> Memory:
    """Every PO file's entries; a file that cannot be read is reported and left out."""
    memory = Memory(lang)
    directory = language_dir(root, lang)
    for path in sorted(directory.glob("*.po")) if directory.is_dir() else ():
        try:
            po = read_po(path, lang)
        except POFileError as exc:
            log.warning("park_digest: translation memory: %s; its translations are left out "
                        "until it is mended", exc)
            memory.broken.append(exc)
            continue
        for entry in po:
            if not entry.obsolete and entry.msgid:
                memory.add(entry.msgid, translation_of(entry))
    return memory
