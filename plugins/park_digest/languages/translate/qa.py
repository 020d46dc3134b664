"""Translation QA: every English entry of the memory checked against its Chinese source.

Like Xbench or pofilter, segment by segment, whoever wrote the English:

  figures       a figure changed, dropped or added (figures.py normalizes both languages)
  glossary      a glossary name not rendered as the glossary says
  chinese       Chinese characters or full-width punctuation left in the English
  length        English too short or too long for its Chinese (zh→en length ratio)
  placeholders  glossary placeholders ([[G0]]) left behind
  inconsistent  the same Chinese translated two different ways in the memory
  direction, scope, negation, ordinals, places, companies, sentences
                what a translation can get wrong with every figure right (meaning.py)
and, through translate-toolkit's StandardChecker: blank, xmltags, pythonbraceformat,
urls, emails, doublespacing, startwhitespace, endwhitespace, endpunc, doublewords, acronyms.

Skipped toolkit checks, and why: `numbers` compares digit strings (8.86亿 is not 886 million:
`figures` replaces it); `short`/`long` use a language-blind 10x ratio that no zh→en error
reaches (`length` is calibrated for zh→en); `unchanged` is covered by `chinese`; `brackets`,
`doublequoting`, `singlequoting`, `puncspacing` and `sentencecount` follow Chinese typography
(（）“”, one long sentence split in English) rather than errors; `startcaps`/`simplecaps` mean
nothing for a caseless source; `printf` reads 60%以上 as a variable %以; `untranslated` is the memory's "missing" status (a count, not a
finding); accelerators, variables, options, filepaths and the rest are for software strings.

Reviewed and machine entries are checked. Outdated entries (English made for an older Chinese)
are counted, not checked: a person has to redo them anyway. A finding is explained when
translations/<lang>/qa-exceptions.yml accepts it with a reason, or when it is on a machine entry
that `make translate` already flagged with `#. qa: <check>` (it stays fuzzy until reviewed).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

import yaml
from translate.filters import checks as tt_checks
from translate.lang import factory as tt_languages
from translate.storage import pypo

from ...datafile import load_yaml
from .figures import compare_figures
from .meaning import MEANING_CHECKS, meaning_problems
from .terms import load_terms
from .style import style_problems
from .glossary import Glossary, leftover_placeholders, missing_names
from .memory import language_dir, qa_flags, set_qa_flags, translation_of
from .store import POFileError, read_po, save_po

TOOLKIT_CHECKS = ("blank", "xmltags", "pythonbraceformat", "urls", "emails",
                  "doublespacing", "startwhitespace", "endwhitespace", "endpunc", "doublewords",
                  "acronyms")
OWN_CHECKS = ("figures", "glossary", "chinese", "length", "placeholders", "inconsistent",
              *MEANING_CHECKS, "style")
CHECKS = OWN_CHECKS + TOOLKIT_CHECKS
EXCEPTIONS_NAME = "qa-exceptions.yml"
# English characters per Chinese character: news English runs about 2-4x its Chinese. Below
# 1.0 a clause is missing; above 6.0 something was added or doubled. Short units (labels, park
# names) vary too much to judge by ratio.
LENGTH_RATIO = (1.0, 6.0)
LENGTH_MIN_CHINESE = 12
CHINESE_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u3003\u3008-\u3011"
                        r"\uff01-\uff0f\uff1a-\uff1f\uff3b-\uff3d\uff5b-\uff5e]+")


class QAConfigError(ValueError):
    """The exceptions file is malformed (the QA run stops, naming the file and entry)."""


@dataclass(frozen=True)
class Entry:
    file: Path
    line: int  # of the msgid in the PO file
    occurrence: str  # the first "#:" reference, seed file and line
    status: str  # reviewed | machine
    msgid: str
    msgstr: str
    flags: tuple[str, ...] = ()  # `#. qa:` checks make translate flagged
    note: str = ""  # the translator's comment (`# …`): why the English departs from the source
    kind: str = ""  # the unit's kind, first line of the extracted comment (title, paragraph …)


@dataclass(frozen=True)
class Finding:
    entry: Entry
    check: str
    message: str
    # None (unexplained), "accepted" (a correct translation the checks cannot tell from an
    # error), "open" (a real error listed for its owner to fix) or "flagged" (machine output
    # `make translate` marked for review); `note` says why.
    resolution: Optional[str] = None
    note: str = ""


@dataclass(frozen=True)
class Accepted:
    check: str
    msgid: str
    reason: str
    file: Optional[str] = None
    resolution: str = "accepted"  # or "open": listed with `todo:` instead of `reason:`
    # Part of the finding's message: the exception explains that finding only, so another
    # error of the same check planted in the same entry is still reported.
    finding: Optional[str] = None


@dataclass
class QAReport:
    findings: list[Finding] = field(default_factory=list)
    status: Counter = field(default_factory=Counter)
    files: int = 0
    unused_exceptions: list[Accepted] = field(default_factory=list)

    entries: list[Entry] = field(default_factory=list)

    @property
    def notes(self) -> list[Entry]:
        """Entries whose English deliberately departs from the source, with the reason."""
        return [e for e in self.entries if e.note]

    @property
    def unexplained(self) -> list[Finding]:
        return [f for f in self.findings if f.resolution is None]

    @property
    def failing(self) -> list[Finding]:
        """What still needs a person: unexplained and open findings (`make qa` exits 1)."""
        return [f for f in self.findings if f.resolution in (None, "open")]


# ---------------------------------------------------------------- the checks

def make_checker() -> tt_checks.StandardChecker:
    return tt_checks.StandardChecker(checkerconfig=tt_checks.CheckerConfig(targetlanguage="en"),
                                     limitfilters=list(TOOLKIT_CHECKS))


# The toolkit takes the source to be English: give it Chinese punctuation in English form,
# from its own zh table, so 。 at the end matches "." (endpunc).
ZH_PUNCTUATION = str.maketrans(
    {**{zh.strip(): en.strip() for en, zh in tt_languages.getlanguage("zh").puncdict.items()},
     "，": ",", "（": "(", "）": ")"})


def check_unit(msgid: str, msgstr: str, glossary: Glossary,
               checker: tt_checks.StandardChecker, kind: str = "") -> list[tuple[str, str]]:
    """(check, message) for every problem of one translation, in CHECKS order; `kind` is the
    unit's (title, paragraph, fact_label …), which the style check needs."""
    found = []
    mismatch = compare_figures(msgid, msgstr)
    for figure in mismatch.missing:
        found.append(("figures", "Chinese %s is not in the English" % figure.describe()))
    for figure in mismatch.added:
        found.append(("figures", "English %s is not in the Chinese" % figure.describe()))
    found += [("glossary", problem) for problem in missing_names(msgid, msgstr, glossary)]
    found += meaning_problems(msgid, msgstr, load_terms(), glossary)
    found += [("style", problem) for problem in style_problems(msgid, msgstr, kind, load_terms(), glossary)]
    leftover = CHINESE_RE.findall(msgstr)
    if leftover:
        found.append(("chinese", "Chinese left in the English: %s" % " ".join(leftover)))
    found += length_problems(msgid, msgstr)
    found += [("placeholders", problem) for problem in leftover_placeholders(msgstr)]
    unit = pypo.pounit(msgid.replace("……", "…").translate(ZH_PUNCTUATION))
    unit.target = msgstr
    found += [(name, message) for name, message in checker.run_filters(unit).items()]
    return found


def length_problems(msgid: str, msgstr: str) -> list[tuple[str, str]]:
    zh, en = len(msgid.strip()), len(msgstr.strip())
    if zh < LENGTH_MIN_CHINESE or not en:
        return []
    ratio = en / zh
    low, high = LENGTH_RATIO
    if ratio < low:
        return [("length", "English is short for its Chinese: %d characters for %d (%.1fx, "
                           "expected %.1f-%.1fx)" % (en, zh, ratio, low, high))]
    if ratio > high:
        return [("length", "English is long for its Chinese: %d characters for %d (%.1fx, "
                           "expected %.1f-%.1fx)" % (en, zh, ratio, low, high))]
    return []


def check_consistency(entries: list[Entry]) -> list[Finding]:
    """The same Chinese with two different Englishes anywhere in the memory."""
    by_msgid: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_msgid[entry.msgid].append(entry)
    findings = []
    for same in by_msgid.values():
        texts = {" ".join(e.msgstr.split()) for e in same}
        if len(texts) < 2:
            continue
        for entry in same:
            others = ["%s:%d %r" % (o.file.name, o.line, o.msgstr) for o in same
                      if " ".join(o.msgstr.split()) != " ".join(entry.msgstr.split())]
            findings.append(Finding(entry, "inconsistent",
                                    "the same Chinese reads differently in " + "; ".join(others)))
    return findings


# ---------------------------------------------------------------- the memory

def read_entries(root: Path, lang: str, report: QAReport) -> list[Entry]:
    """Checkable entries of every PO file; counts every status in `report`."""
    entries = []
    directory = language_dir(root, lang)
    for path in sorted(directory.glob("*.po")) if directory.is_dir() else ():
        report.files += 1
        for po_entry in read_po(path, lang):
            if po_entry.obsolete or not po_entry.msgid:
                continue
            status = translation_of(po_entry).status
            report.status[status] += 1
            if status in ("reviewed", "machine"):
                occurrence = ":".join(po_entry.occurrences[0]) if po_entry.occurrences else ""
                entries.append(Entry(path, po_entry.linenum or 0, occurrence, status,
                                     po_entry.msgid, po_entry.msgstr, qa_flags(po_entry),
                                     " ".join((po_entry.tcomment or "").split()),
                                     (po_entry.comment or "").split("\n")[0].strip()))
    return entries


def load_exceptions(path: Path) -> list[Accepted]:
    if not path.exists():
        return []
    try:
        raw = load_yaml(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise QAConfigError("cannot read %s: %s" % (path, exc)) from exc
    if not isinstance(raw, list):
        raise QAConfigError("%s: expected a list of accepted findings" % path)
    accepted = []
    for number, item in enumerate(raw, 1):
        where = "%s entry %d" % (path, number)
        why = [k for k in ("reason", "todo") if isinstance(item, dict) and k in item]
        if len(why) != 1 or not all(isinstance(item.get(k), str) and item[k].strip()
                                    for k in ("check", "msgid", why[0])):
            raise QAConfigError("%s: needs check, msgid and either reason (a correct translation)"
                                " or todo (an error awaiting its fix), as non-empty text" % where)
        if item["check"] not in CHECKS:
            raise QAConfigError("%s: unknown check %r (one of %s)"
                                % (where, item["check"], ", ".join(CHECKS)))
        if "finding" in item and not (isinstance(item["finding"], str) and item["finding"].strip()):
            raise QAConfigError("%s: finding must be part of the finding's message, as text" % where)
        accepted.append(Accepted(item["check"], item["msgid"].strip(), item[why[0]].strip(),
                                 item.get("file"), "accepted" if why[0] == "reason" else "open",
                                 (item.get("finding") or "").strip() or None))
    return accepted


def explain(finding: Finding, exceptions: list[Accepted], used: set[int]) -> Finding:
    for index, exception in enumerate(exceptions):
        if (exception.check == finding.check and exception.msgid == finding.entry.msgid
                and exception.file in (None, finding.entry.file.name)
                and (exception.finding is None or exception.finding in finding.message)):
            used.add(index)
            return replace(finding, resolution=exception.resolution, note=exception.reason)
    if finding.entry.status == "machine" and finding.check in finding.entry.flags:
        return replace(finding, resolution="flagged", note="machine translation awaiting review")
    return finding


def run_qa(root: Path, lang: str, glossary: Glossary,
           exceptions: Optional[list[Accepted]] = None) -> QAReport:
    """Check every reviewed and machine entry of translations/<lang>/*.po."""
    report = QAReport()
    if exceptions is None:
        exceptions = load_exceptions(language_dir(root, lang) / EXCEPTIONS_NAME)
    entries = read_entries(root, lang, report)
    report.entries = entries
    checker = make_checker()
    findings = [Finding(entry, check, message) for entry in entries
                for check, message in check_unit(entry.msgid, entry.msgstr, glossary, checker,
                                                 entry.kind)]
    findings += check_consistency(entries)
    used: set[int] = set()
    order = {check: i for i, check in enumerate(CHECKS)}
    report.findings = sorted((explain(f, exceptions, used) for f in findings),
                             key=lambda f: (f.entry.file.name, f.entry.line, order[f.check]))
    report.unused_exceptions = [e for i, e in enumerate(exceptions) if i not in used]
    return report


def flag_machine_entries(root: Path, lang: str, glossary: Glossary) -> int:
    """Write `#. qa: <checks>` on machine entries that fail QA (and clear it on those that now
    pass); reviewed entries are never touched. Returns how many machine entries are flagged.
    Call under the memory lock."""
    report = run_qa(root, lang, glossary, exceptions=[])
    failed: dict[tuple[Path, str], list[str]] = defaultdict(list)
    for finding in report.findings:
        if finding.entry.status == "machine":
            failed[finding.entry.file, finding.entry.msgid].append(finding.check)
    for path in sorted(language_dir(root, lang).glob("*.po")):
        try:
            po = read_po(path, lang)
        except POFileError:  # the sync reported it and left it untouched; so does this
            continue
        for entry in po:
            if not entry.obsolete and translation_of(entry).status == "machine":
                set_qa_flags(entry, tuple(dict.fromkeys(failed.get((path, entry.msgid), ()))))
        save_po(po, path)
    return len(failed)
