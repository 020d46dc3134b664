"""The translation memory: gettext PO files committed in the repository.

Layout: translations/<lang>/<seed stem>.po holds one page's titles, headings, paragraphs and
captions; translations/<lang>/common.po holds park names and fact labels, shared by all pages.
The Chinese text is the msgid. An entry's status follows gettext conventions:

  msgstr empty                          -> missing
  msgstr set, not fuzzy                 -> reviewed (a person accepted it)
  fuzzy with `#| msgid` (previous)      -> outdated (the Chinese changed after translation)
  fuzzy with `#. engine: <name>`        -> machine
  fuzzy with neither                    -> machine, engine unknown (still needs review)
"""
from __future__ import annotations

import contextlib
import datetime
import difflib
import errno
import fcntl
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

import polib

from ...build.files import holds
from ...parse.clean import clean_value, printable
from .pofile import po_text
from .units import COMMON_KINDS, Unit

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = "translations"
COMMON_NAME = "common"
LOCK_NAME = ".translate.lock"
SIMILARITY = 0.75  # difflib ratio from which an old translation is carried over as outdated
ENGINE_PREFIX = "engine: "
QA_PREFIX = "qa: "  # checks a machine entry failed (translate/qa.py), so a reviewer sees why
STATUS_ORDER = ("reviewed", "machine", "outdated", "missing")  # best first
HEADER = ("Park Digest translation memory ({lang}). The Chinese source is the msgid.\n"
          "Kept in sync by `make translate` and `make review`. To review an entry,\n"
          "correct its English and remove its fuzzy flag (README.md, \"Reviewing\").")
FIXED_METADATA = {
    "Project-Id-Version": "Park Digest",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
DEFAULT_METADATA = {"Last-Translator": "Park Digest editors",
                    "Language-Team": "Park Digest editors"}
REVISION_DATE = "PO-Revision-Date"  # set when a file's content changes, as PO editors do


class MemoryLockedError(RuntimeError):
    """Another translation run holds the lock on the translations directory."""


class POFileError(OSError):
    """A PO file that cannot be read as it stands (not UTF-8, a string left open, a syntax
    error). The message names the file and the line; the file is left as it is for a person to
    mend: the build goes on without its translations, `make translate` without rewriting it."""

    def __init__(self, path: Path, reason: str, line: Optional[int] = None):
        self.path, self.reason, self.line = path, reason, line
        super().__init__(f"{path}: line {line}: {reason}" if line else f"{path}: {reason}")


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


# ---------------------------------------------------------------- reading and writing

def read_po(path: Path, lang: str) -> polib.POFile:
    """The PO file at `path`, or an empty one with our header when it does not exist yet.
    Its strings are cleaned (parse/clean.py), each change logged with the file and line;
    POFileError when it cannot be read as it stands."""
    if path.exists():
        po = parse_po(path)
    else:
        po = polib.POFile(encoding="utf-8")
    stabilize_header(po, lang)
    return po


_PO_LINE_END = re.compile(r"\r\n|\r|\n")  # as polib reads a file (universal newlines)
_PO_STRING = re.compile(r'(?:#(?:~\|?|\|) ?)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(".*)')
_PO_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"\s*')


def parse_po(path: Path) -> polib.POFile:
    """polib's parse, held to what msgfmt accepts where polib is lenient: it takes every string
    line's first and last character for quotes, so a string a hand edit left open silently lost
    its last character; and an undecodable file failed without its name."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise POFileError(path, f"not UTF-8 (byte {exc.start}: {exc.reason}); save it as UTF-8",
                          raw.count(b"\n", 0, exc.start) + 1) from None
    for number, line in enumerate(_PO_LINE_END.split(text), start=1):
        string = _PO_STRING.fullmatch(line.strip())
        if string and not _PO_QUOTED.fullmatch(string.group(1)):
            raise POFileError(path, 'a string is not closed by a " or holds a " that is not '
                                    'escaped as \\"', number)
    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as exc:  # polib: "Syntax error in po file <path> (line n)"
        line = re.search(r"\(line (\d+)\)", str(exc))
        raise POFileError(path, "not a valid PO file: " + re.sub(r" \(line \d+\)", "", str(exc)),
                          int(line.group(1)) if line else None) from None
    clean_entries(po, path)
    return po


def clean_entries(po: polib.POFile, path: Path) -> None:
    """Clean every string of `po` in place (the edge where translations enter), logging each
    change with the file and the entry's line."""
    def cleaned(value: str, where: str) -> str:
        value, problems = clean_value(value, where)
        for problem in problems:
            log.warning("park_digest: %s: %s", path, problem)
        return value

    for entry in po:
        for name in ("msgctxt", "msgid", "msgid_plural", "previous_msgid", "msgstr"):
            if getattr(entry, name, None):
                setattr(entry, name, cleaned(getattr(entry, name), f"line {entry.linenum} {name}"))
        for index, value in list(entry.msgstr_plural.items()):
            entry.msgstr_plural[index] = cleaned(value, f"line {entry.linenum} msgstr[{index}]")


def stabilize_header(po: polib.POFile, lang: str) -> None:
    po.header = HEADER.format(lang=lang)
    po.metadata_is_fuzzy = 0
    for key, value in DEFAULT_METADATA.items():
        po.metadata.setdefault(key, value)
    po.metadata.update(FIXED_METADATA)
    po.metadata["Language"] = lang


def save_po(po: polib.POFile, path: Path) -> bool:
    """Write the file as gettext would (pofile.py), unless it already holds this content; a
    changed file gets today's PO-Revision-Date, an unchanged one keeps its own. True if written."""
    text = po_text(po)
    if holds(path, text.encode("utf-8")):
        return False
    po.metadata[REVISION_DATE] = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z")
    return write_atomic(path, po_text(po))


def write_atomic(path: Path, text: str) -> bool:
    """Replace `path` with `text` so readers see the old or the new file, never half of one, and
    the new one survives a crash (these files are people's work). The file keeps its permissions
    (new ones get the umask's, not a temporary file's owner-only 0600).

    Returns False (and touches nothing) when the content is already there.
    """
    data = text.encode("utf-8")
    if holds(path, data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    tmp = path.parent / (".%s.%d.tmp" % (path.name, os.getpid()))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
    return True


def fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (a crash right after os.replace keeps the new file)."""
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be fsynced
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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


@contextlib.contextmanager
def memory_lock(root: Path) -> Iterator[Path]:
    """Hold translations/.translate.lock so two runs cannot interleave their writes.

    flock is released by the kernel when the process dies, so a killed run never leaves a
    stale lock behind. Note that flock conflicts even between two opens in one process.
    """
    path = Path(root) / TRANSLATIONS_DIR / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise MemoryLockedError(
                    "another translation run is using %s (lock %s held); wait for it to finish"
                    % (path.parent, path)) from None
            raise
        try:
            handle.seek(0)
            handle.truncate()
            handle.write("%d\n" % os.getpid())
            handle.flush()
            remove_stale_temp_files(path.parent)
            yield path
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def remove_stale_temp_files(translations: Path) -> None:
    """Temp files a killed run left behind (write_atomic's); only safe under the lock."""
    for stale in translations.glob("*/.*.po.*.tmp"):
        log.info("%s: removing a temporary file left by an interrupted run", stale)
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


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
