"""The translation memory's PO files on disk: read as msgfmt would accept them and cleaned at
the edge where translations enter, saved durably only when their content changes, and written by
one run at a time (the lock)."""
from __future__ import annotations

import contextlib
import datetime
import errno
import fcntl
import logging
import os
import re
from pathlib import Path
from typing import Iterator, Optional

import polib

from ...build.files import holds, replace_file
from ...parse.clean import clean_value
from .pofile import po_text

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = "translations"
LOCK_NAME = ".translate.lock"
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


    replace_file(path, po_text(po).encode("utf-8"), durable=True)
    return True


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
    """Temporary files a killed run left behind (replace_file's); only safe under the lock."""
    for stale in translations.glob("*/.tmp-*"):
        log.info("%s: removing a temporary file left by an interrupted run", stale)
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


