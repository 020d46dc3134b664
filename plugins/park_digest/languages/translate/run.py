"""Fill the missing entries of the translation memory with machine translations.

Resumable by construction: each finished unit is saved (atomically) before the next request,
so an interrupted run loses at most the unit in flight and a re-run picks up what is still
missing. Reviewed entries are never touched, nor machine ones whose Chinese is unchanged. A
machine entry whose Chinese changed (outdated, with an engine) is translated again; an outdated
entry a person had reviewed waits for a person. House terms (a unit's `house` English: park
names, fact labels) are never sent to an engine.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Protocol

import polib
from tqdm import tqdm

from ...parse.clean import clean_text
from .engines import EngineError, MalformedAnswerError, UnusableEngineError
from .glossary import Glossary, apply_glossary_check, protect, restore
from .memory import Memory, Translation, engine_of, language_dir, load_memory, mark_machine, set_engine
from .store import POFileError, memory_lock, read_po, save_po
from .sync import SyncReport, group_units, sync_memory
from .qa import flag_machine_entries
from .units import Unit

log = logging.getLogger(__name__)

GLOSSARY_ENGINE = "glossary"  # a unit that is one glossary name needs no engine
# Where a house term comes from, written as its entry's engine: the gazetteer, labels.yml.
HOUSE_ENGINES = {"park_name": GLOSSARY_ENGINE, "fact_label": "labels"}


class Translator(Protocol):
    name: str

    def translate(self, text: str) -> str: ...


@dataclass(frozen=True)
class FailedUnit:
    ref: str
    msgid: str
    error: str


@dataclass
class RunReport:
    sync: SyncReport = field(default_factory=SyncReport)
    translated: int = 0  # new machine translations
    retranslated: int = 0  # of which machine entries translated again, their Chinese having changed
    reused: int = 0  # copied from the same Chinese elsewhere in the memory
    house: int = 0  # filled with a house term (park name, fact label), no engine asked
    failed: list[FailedUnit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # glossary problems, unit still written
    aborted: Optional[str] = None
    remaining: int = 0  # units still missing after the run
    flagged: int = 0  # machine entries failing QA, marked `#. qa: <checks>`
    unusable: bool = False  # stopped because the engine cannot be used at all (aborted says why)

    @property
    def ok(self) -> bool:
        return not self.failed and self.aborted is None and not self.sync.broken


def translate_missing(root: Path, lang: str, units_by_file: dict[str, list[Unit]],
                      engine: Translator, glossary: Glossary, progress: bool = True,
                      max_consecutive_failures: int = 5) -> RunReport:
    """Sync the PO files with the units, then translate every missing unit, saving as it goes.

    Holds translations/.translate.lock for the whole run (MemoryLockedError if taken).
    """
    with memory_lock(root):
        report = RunReport(sync=sync_memory(root, lang, units_by_file))
        memory = load_memory(root, lang)
        todo = [(path, unit) for path, units in missing_units(root, lang, units_by_file).items()
                for unit in units]
        files: dict[Path, polib.POFile] = {}
        failures_in_a_row = 0
        with tqdm(todo, disable=not progress, unit="unit",
                  desc="translate %s (%s)" % (lang, engine.name)) as bar:
            for path, unit in bar:
                if path not in files:
                    files[path] = read_po(path, lang)
                try:
                    if fill_unit(files[path], path, unit, memory, engine, glossary, report):
                        failures_in_a_row = 0
                        continue
                except UnusableEngineError as exc:  # no other unit would fare better
                    report.aborted, report.unusable = str(exc), True
                    break
                failures_in_a_row += 1
                if failures_in_a_row >= max_consecutive_failures:
                    report.aborted = ("stopped after %d failures in a row (last: %s)"
                                      % (failures_in_a_row, report.failed[-1].error))
                    break
        report.remaining = sum(map(len, missing_units(root, lang, units_by_file).values()))
        if report.translated or not report.unusable:  # nothing new to check when stopped at once
            report.flagged = flag_machine_entries(root, lang, glossary)
    return report


def fill_unit(po: polib.POFile, path: Path, unit: Unit, memory: Memory, engine: Translator,
              glossary: Glossary, report: RunReport) -> bool:
    """Give one missing entry its English and save the file; False when the engine failed."""
    entry = po.find(unit.msgid)
    if entry is not None and unit.house and (not entry.msgstr or stale_house(entry, unit)):
        mark_machine(entry, unit.house, HOUSE_ENGINES.get(unit.kind, GLOSSARY_ENGINE))  # no engine asked
        save_po(po, path)
        report.house += 1
        return True
    if entry is None or unit.house or (entry.msgstr and not machine_outdated(entry)):
        return True  # never overwrite a translation
    again = bool(entry.msgstr)
    known = memory.lookup(unit.msgid)
    if known.status in ("reviewed", "machine"):  # the same Chinese is translated elsewhere
        entry.msgstr = known.text
        if known.status == "machine":
            mark_machine(entry, known.text, known.engine or "unknown")
        elif known.engine:
            set_engine(entry, known.engine)
        save_po(po, path)
        report.reused += 1
        return True
    try:
        english, engine_name, problems = translate_unit(unit.msgid, engine, glossary)
    except UnusableEngineError:
        raise
    except EngineError as exc:
        report.failed.append(FailedUnit(unit.ref, unit.msgid, str(exc)))
        return False
    mark_machine(entry, english, engine_name)
    save_po(po, path)  # this unit survives whatever happens next
    memory.add(unit.msgid, Translation(english, "machine", engine_name))
    report.translated += 1
    report.retranslated += again
    for problem in problems:
        log.warning("%s: %s: %s", path, unit.ref, problem)
        report.warnings.append("%s: %s" % (unit.ref, problem))
    return True


def translate_unit(msgid: str, engine: Translator,
                   glossary: Glossary) -> tuple[str, str, list[str]]:
    """English for one unit, with glossary names protected: (text, engine name, problems)."""
    protected, mapping = protect(msgid, glossary)
    if protected in mapping:  # the unit is a single glossary name, e.g. a park
        english, engine_name, problems = mapping[protected], GLOSSARY_ENGINE, []
    else:
        answer, problems = clean_answer(engine.translate(protected))
        english, engine_name = restore(answer, mapping), engine.name
    return english, engine_name, problems + apply_glossary_check(msgid, english, glossary)


def clean_answer(answer: str) -> tuple[str, list[str]]:
    """An engine's answer is text from outside: cleaned like any other (parse/clean.py). One
    that was damaged (a lone surrogate, controls, non-characters) is refused, so the unit fails
    alone and a rerun asks again; invisible characters are removed with a warning."""
    cleaned, issues = clean_text(answer)
    damaged = [str(issue) for issue in issues if issue.lost]
    if damaged:
        raise MalformedAnswerError("the answer holds characters no text may carry (%s); not saved"
                                   % "; ".join(damaged))
    return cleaned, ["the answer was cleaned: %s" % issue for issue in issues]


def stale_house(entry: Optional[polib.POEntry], unit: Unit) -> bool:
    """The entry holds an earlier house term than the unit's (labels.yml or the gazetteer was
    edited since); a reviewed entry is a person's choice and is never stale."""
    return bool(unit.house and entry is not None and entry.fuzzy and entry.msgstr != unit.house
                and engine_of(entry) in HOUSE_ENGINES.values())


def machine_outdated(entry: polib.POEntry) -> bool:
    """A machine translation made for Chinese that has since changed: worth a new one."""
    return bool(entry.msgstr and entry.fuzzy and entry.previous_msgid is not None and engine_of(entry))


def missing_units(root: Path, lang: str,
                  units_by_file: dict[str, list[Unit]]) -> dict[Path, list[Unit]]:
    """Units to fill, per PO file, in unit order, once per msgid: those whose entry has no
    English yet, machine English for an older Chinese, or a house term that has changed."""
    todo: dict[Path, list[Unit]] = {}
    for name, units in group_units(units_by_file).items():
        path = language_dir(root, lang) / (name + ".po")
        try:
            po = read_po(path, lang)
        except POFileError:  # reported by the sync, which left it untouched
            continue
        empty = {e.msgid for e in po if not e.obsolete and e.msgid
                 and (not e.msgstr or machine_outdated(e))}
        seen: set[str] = set()
        pending = []
        for unit in units:
            if (unit.msgid in empty or stale_house(po.find(unit.msgid), unit)) and unit.msgid not in seen:
                seen.add(unit.msgid)
                pending.append(unit)
        if pending:
            todo[path] = pending
    return todo

