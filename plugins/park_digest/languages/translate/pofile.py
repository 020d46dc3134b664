"""PO files written the way GNU gettext writes them (msgcat, msgmerge, msgfmt's checks, Poedit).

Strings are cut into lines of at most 79 columns where the Unicode line-breaking rules (UAX #14)
allow it, Chinese characters counting two columns, as gettext's write-po.c does with
libunistring; references are wrapped the same way. So a file that `make translate` or
`make review` wrote comes back from `msgcat` or a PO editor unchanged, and a diff shows only
what an editor really changed. polib reads the files; its own writer wraps differently.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

import polib
from unicode_segmentation_rs import line_breaks, text_width

PAGE_WIDTH = 79
# Header fields in the order xgettext and msginit write them; others follow in their own order.
HEADER_ORDER = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date",
                "PO-Revision-Date", "Last-Translator", "Language-Team", "Language",
                "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms")
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v",
            "\\": "\\", '"': '"'}


def po_text(po: polib.POFile) -> str:
    """The whole file: header, live entries, then obsolete ones. As msgcat does, an obsolete
    entry without a translation is left out (it holds nothing)."""
    blocks = [header_lines(po)]
    blocks += [entry_lines(entry) for entry in po if not entry.obsolete]
    blocks += [entry_lines(entry) for entry in po if entry.obsolete and translated(entry)]
    return "\n".join("\n".join(lines) + "\n" for lines in blocks)


def header_lines(po: polib.POFile) -> list[str]:
    lines = comment_lines("#", po.header)
    if po.metadata_is_fuzzy:
        lines.append("#, fuzzy")
    keys = [k for k in HEADER_ORDER if k in po.metadata]
    keys += [k for k in po.metadata if k not in HEADER_ORDER]
    value = "".join("%s: %s\n" % (key, po.metadata[key]) for key in keys)
    return lines + field_lines("", "msgid", "") + field_lines("", "msgstr", value)


def entry_lines(entry: polib.POEntry) -> list[str]:
    prefix = "#~ " if entry.obsolete else ""
    wrap = "no-wrap" not in entry.flags
    lines = comment_lines("#", entry.tcomment)
    if not entry.obsolete:
        lines += comment_lines("#.", entry.comment)
        lines += reference_lines(entry.occurrences)
    # fuzzy first, as gettext writes it, and only on a translation (gettext drops it elsewhere)
    flags = sorted((f for f in entry.flags if f != "fuzzy" or translated(entry)), key=lambda f: f != "fuzzy")
    if flags:
        lines.append("#, " + ", ".join(flags))
    previous = prefix + "#| " if not entry.obsolete else "#~| "
    if entry.previous_msgctxt is not None:
        lines += field_lines(previous, "msgctxt", entry.previous_msgctxt, wrap)
    if entry.previous_msgid is not None:
        lines += field_lines(previous, "msgid", entry.previous_msgid, wrap)
    if entry.previous_msgid_plural is not None:
        lines += field_lines(previous, "msgid_plural", entry.previous_msgid_plural, wrap)
    if entry.msgctxt is not None:
        lines += field_lines(prefix, "msgctxt", entry.msgctxt, wrap)
    lines += field_lines(prefix, "msgid", entry.msgid, wrap)
    if entry.msgid_plural:
        lines += field_lines(prefix, "msgid_plural", entry.msgid_plural, wrap)
        for index in sorted(entry.msgstr_plural):
            lines += field_lines(prefix, "msgstr[%d]" % index, entry.msgstr_plural[index], wrap)
    else:
        lines += field_lines(prefix, "msgstr", entry.msgstr, wrap)
    return lines


def translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def comment_lines(mark: str, text: str) -> list[str]:
    return [mark + (" " + line if line else "") for line in text.split("\n")] if text else []


def reference_lines(occurrences: list[tuple[str, str]]) -> list[str]:
    """`#: file:line file:line`, a new line before a reference that would pass the width
    (counted in bytes, as gettext counts them here: a Chinese file name is three a character)."""
    lines, column = [], 0
    for file, line in occurrences:
        reference = "%s:%s" % (file, line) if line else file
        size = len(reference.encode("utf-8"))
        if column > 2 and column + 1 + size > PAGE_WIDTH:
            column = 0
        if column == 0:
            lines.append("#:")
            column = 2
        lines[-1] += " " + reference
        column += 1 + size
    return lines


def field_lines(prefix: str, name: str, value: str, wrap: bool = True) -> list[str]:
    """`name "value"`, cut after each newline and where the line would pass PAGE_WIDTH; a value
    that takes more than one line starts with an empty string (write-po.c's wrap())."""
    portions = value.splitlines(keepends=True) if value else [""]
    indent = len(prefix) + 1  # a continuation line: the prefix and the opening quote
    width = (PAGE_WIDTH if wrap else 1 << 30) - 1 - indent  # room for the closing quote
    lines: list[str] = []
    first = True
    for number, portion in enumerate(portions):
        text, glued = escape(portion)
        start = len(prefix) + (len(name) + 1 if first else 0) + 1 - indent
        cuts = break_points(text, width, start, glued)
        if first and text and (number < len(portions) - 1 or start > width or cuts):
            lines.append('%s%s ""' % (prefix, name))
            first, start = False, 0
            cuts = break_points(text, width, start, glued)
        for piece in (text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])):
            lines.append('%s%s "%s"' % (prefix, name, piece) if first else '%s"%s"' % (prefix, piece))
            first = False
    return lines


def escape(text: str) -> tuple[str, frozenset[int]]:
    """The C escapes gettext writes, and the positions no line may start at: inside an escape,
    and before the final newline's (a line never starts with `\\n`)."""
    out, glued = [], set()
    for char in text:
        if char in _ESCAPES:
            out.append("\\")
            glued.add(len(out))
            out.append(_ESCAPES[char])
        else:
            out.append(char)
    if text.endswith("\n"):
        glued.add(len(out) - 2)
    return "".join(out), frozenset(glued)


def break_points(text: str, width: int, start: int, glued: frozenset[int]) -> list[int]:
    """Where lines start (character positions): libunistring's own u8_width_linebreaks, which
    gettext calls, where the system has it; else the same greedy rule over UAX #14's breaks."""
    if not text:
        return []
    if _LIBUNISTRING is not None:
        return _unistring_breaks(text, width, start, glued)
    cuts: list[int] = []
    last, column, piece = None, start, 0
    for index, char in enumerate(text):
        if index in _opportunities(text) and index not in glued:
            if last is not None and column + piece > width:
                cuts.append(last)
                column = 0
            last, column, piece = index, column + piece, 0
        piece += _width(char)
    if last is not None and column + piece > width:
        cuts.append(last)
    return cuts


def _load_libunistring():
    """The library gettext itself wraps with (a dependency of gettext and of most Linux systems);
    None where it is missing. unicode-linebreak, the fallback, differs from it in a few rare
    places (no break in "e.g" by UAX #14's rule LB29, which libunistring does not apply)."""
    name = ctypes.util.find_library("unistring")
    try:
        library = ctypes.CDLL(name) if name else None
        function = library.u8_width_linebreaks if library else None
    except (OSError, AttributeError):
        return None
    if function is not None:
        function.restype = ctypes.c_int
        function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                             ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
    return function


_LIBUNISTRING = _load_libunistring()
_PROHIBITED, _POSSIBLE = 1, 2  # unilbrk.h's UC_BREAK_PROHIBITED, UC_BREAK_POSSIBLE


def _unistring_breaks(text: str, width: int, start: int, glued: frozenset[int]) -> list[int]:
    data = text.encode("utf-8")
    starts = [0]  # byte offset of each character
    for char in text[:-1]:
        starts.append(starts[-1] + len(char.encode("utf-8")))
    overrides = bytearray(len(data))
    for index in glued:
        if 0 <= index < len(text):
            overrides[starts[index]] = _PROHIBITED
    result = ctypes.create_string_buffer(len(data))
    _LIBUNISTRING(data, len(data), width, start, 0, bytes(overrides), b"UTF-8", result)
    char_at = {offset: index for index, offset in enumerate(starts)}
    return [char_at[offset] for offset, mark in enumerate(result.raw) if mark == _POSSIBLE]


def _opportunities(text: str) -> frozenset[int]:
    """Character positions a line may start at (UAX #14), the text's end left out."""
    return _opportunities_cached(text)


@lru_cache(maxsize=64)
def _opportunities_cached(text: str) -> frozenset[int]:
    byte_to_char, offset = {}, 0
    for index, char in enumerate(text):
        byte_to_char[offset] = index
        offset += len(char.encode("utf-8"))
    return frozenset(byte_to_char[position] for position, _mandatory in line_breaks(text)
                     if byte_to_char.get(position, 0) > 0)


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    return text_width(char)
