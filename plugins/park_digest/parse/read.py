"""Decode a seed file: encoding, line ends, script.

Seeds come from many tools: UTF-8 with or without BOM, UTF-16, GB18030/GBK, Big5, CRLF or CR line
ends, Simplified or Traditional script. Everything downstream works on Simplified text, so a
Traditional page is converted with OpenCC t2s and its original lines are kept.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc
from charset_normalizer import from_bytes

from ..model import Seed
from ..settings import DEFAULT_MAX_SEED_BYTES
from .clean import clean_text, name_problem, printable

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # not str.splitlines: it also splits on \x0b, \x1c, U+2028
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_ENCODINGS = ("utf_8", "gb18030", "big5hkscs", "utf_16_le", "utf_16_be")  # what Chinese pages come in
_NOT_CJK = re.compile(r"[^\u3400-\u9fff]+")
# Characters that are never control or unassigned: printable ASCII, line ends and the common
# CJK ideographs and punctuation (all in Unicode since 1.1). They are most of a page, so the
# per-character category test runs only on the few others.
_NEVER_CONTROL = re.compile(r"[\x20-\x7e\r\n\t\f\v\u3000-\u3003\u2018-\u201d\u4e00-\u9fa5\uff01-\uff5e]+")


class SeedError(ValueError):
    """A seed that cannot be used; the message names the file, the line when one is at fault,
    and the reason."""

    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file, self.reason, self.line = file, reason, line
        shown = printable(file)  # a name with a line break must not forge a second log line
        super().__init__(f"{shown}: line {line}: {reason}" if line else f"{shown}: {reason}")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    """OpenCC converters are costly to build and immutable once built: share them."""
    return opencc.OpenCC(config if config.endswith(".json") else config + ".json")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise SeedError naming the file. UTF-8 (most seeds) is
    tried first; anything else is left to charset-normalizer among the encodings Chinese pages
    come in (on pages of the seeds in GB18030, GBK, UTF-16 and Big5 it read all, where our own
    guesses missed Big5 and HKSCS)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SeedError(name, f"not valid {encoding} after its byte-order mark ({exc.reason})",
                                _line_of(data, exc.start)) from exc
    bad_utf8 = 0
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_utf8 = exc.start  # most seeds are UTF-8: the byte that breaks it is the one to show
    else:
        if "\x00" not in text:  # else perhaps UTF-16 without a byte-order mark
            if _binary(text[:20000]):
                raise SeedError(name, "binary content: valid UTF-8 but full of control characters")
            return text, "utf-8"
    best = from_bytes(data, cp_isolation=list(_ENCODINGS)).best()
    # Legacy encodings map almost any byte soup to some character: demand that it reads as text.
    if best is not None and _looks_like_text(str(best)):
        return str(best), best.encoding
    if b"\x00" in data:
        raise SeedError(name, "binary file (NUL bytes), not a text page", _line_of(data, data.index(b"\x00")))
    raise SeedError(name, f"undecodable: not UTF-8 (byte {bad_utf8}), UTF-16, GB18030 or Big5",
                    _line_of(data, bad_utf8))


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return True
    # Latin (with pinyin's tone marks), CJK punctuation and ideographs, full-width forms.
    common = sum(1 for ch in sample if ch < "\u0250" or "\u3000" <= ch <= "\u303f"
                 or "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
                 or "\u2010" <= ch <= "\u2027")
    return not _binary(sample) and common >= 0.9 * len(sample)


def _binary(sample: str) -> bool:
    """Over 1% control, unassigned or private characters, and more than a few: binary data.
    A few stray ones in a page are cleaned out (clean.py), not a reason to refuse it."""
    control = sum(1 for ch in _NEVER_CONTROL.sub("", sample)
                  if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\r\n\t\f\v\x85")
    return control > max(4, len(sample) // 100)


def detect_script(text: str) -> str:
    """'hant' when converting to Simplified changes a clear share of the CJK characters."""
    sample = _NOT_CJK.sub("", text[:50000])  # its CJK characters
    if not sample:
        return "hans"
    simple = converter("t2s").convert(sample)
    # Most pages are Simplified: one comparison of the whole string, not one per character.
    to_simple = 0 if simple == sample else sum(map(str.__ne__, sample, simple))
    if not to_simple:  # already Simplified: skip the slower s2t pass, the answer is known
        return "hans"
    to_trad = sum(map(str.__ne__, sample, converter("s2t").convert(sample)))
    return "hant" if to_simple > to_trad else "hans"


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def decode_seed(data: bytes, name: str) -> Seed:
    """Bytes of one page → Seed with Simplified lines (not yet normalized) and the originals.
    Characters no page may carry are cleaned out here (clean.py), each change a warning."""
    text, encoding = decode_bytes(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    text, issues = clean_text(text)
    if not text.strip():
        raise SeedError(name, "empty page (no text)")
    if not any(ch.isalnum() for ch in text):
        raise SeedError(name, "no letters or digits, only punctuation and spaces")
    original = split_lines(text)
    script = detect_script(text)
    if script == "hant":
        simple = split_lines(converter("t2s").convert(text))
        if len(simple) != len(original):  # OpenCC keeps line breaks; be safe per line otherwise
            simple = [converter("t2s").convert(line) for line in original]
    else:
        simple = list(original)
    return Seed(file=name, sha256=hashlib.sha256(data).hexdigest(), script=script,
                encoding=encoding, lines=simple, original_lines=original,
                warnings=[f"{printable(name)}: {issue}" for issue in issues])


def read_seed_bytes(path: Path, max_bytes: int = DEFAULT_MAX_SEED_BYTES,
                    folder: Path | None = None) -> bytes:
    """The bytes of a seed file, or a SeedError saying plainly why it cannot be one. A seed is a
    regular file inside `folder` (the seeds folder; by default the file's own): a link that
    leaves it (to a credentials file, say), a device or a pipe is refused without being read."""
    problem = name_problem(path.name)
    if problem:
        raise SeedError(path.name, problem)
    try:
        return read_inside(path, path.parent if folder is None else folder, max_bytes,
                           "PARK_DIGEST_MAX_SEED_BYTES; a printed page is some 10 kB")
    except FileNotFoundError as exc:  # removed since the folder was listed
        raise SeedError(path.name, os_reason(path, exc)) from exc


def read_inside(path: Path, folder: Path, max_bytes: int, limit_note: str = "") -> bytes:
    """The bytes of the regular file `path`, which must lie inside `folder` once links are
    followed. Raises SeedError naming the file, FileNotFoundError when nothing is there."""
    real, home = os.path.realpath(path), os.path.realpath(folder)
    if os.path.commonpath([real, home]) != home:
        raise SeedError(path.name, f"a symbolic link to {real}, outside the folder {home}; "
                                   "only files inside it are read")
    try:
        info = os.stat(real)  # before opening: opening a device or a pipe may block or act
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe or device)"
            raise SeedError(path.name, f"{kind}, not a page")
        if info.st_size > max_bytes:
            raise SeedError(path.name, f"{info.st_size:,} bytes is over the limit of {max_bytes:,}"
                                       + (f" ({limit_note})" if limit_note else ""))
        # O_NOFOLLOW and the second check: what is opened is what was checked, even if the
        # name was swapped for a link or a pipe in between.
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
                raise SeedError(path.name, "changed while being opened; not read")
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except FileNotFoundError:
        if path.is_symlink():
            raise SeedError(path.name, os_reason(path, FileNotFoundError(errno.ENOENT, "missing"))) from None
        raise
    except OSError as exc:
        raise SeedError(path.name, os_reason(path, exc)) from exc
    if len(data) > max_bytes:
        raise SeedError(path.name, f"grew past the limit of {max_bytes:,} bytes while being read")
    return data


def read_sidecar_bytes(path: Path, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> bytes | None:
    """The bytes of a seed's sidecar (`<name>.yml` beside it), None when there is none; held
    to the seed's rules (inside the folder, a regular file, within the size limit)."""
    try:
        return read_inside(path, path.parent, max_bytes, "PARK_DIGEST_MAX_SEED_BYTES")
    except FileNotFoundError:
        return None


def read_seed(path: Path, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> Seed:
    return decode_seed(read_seed_bytes(path, max_bytes), path.name)


def os_reason(path: Path, exc: OSError) -> str:
    """What a failed open or stat means for an editor, without the errno jargon."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link (its target {str(path.readlink())!r} does not exist)"
    if exc.errno == errno.EACCES:
        return "cannot be read (permission denied)"
    return f"cannot be read ({exc.strerror or exc})"
