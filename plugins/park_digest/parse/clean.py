"""Clean text once, at the edge, and name files safely.

Every text that enters from outside goes through clean_text() before anything else reads it:
a seed's decoded page (read.py), a sidecar's text and values (the sidecar loader), a PO file's
strings (languages/translate/store.py) and an engine's answer (languages/translate/run.py).
Nothing downstream then meets a character that XML cannot carry (feeds, sitemap, SVG fail on
them) or one that hides or reorders what a reader sees. A new edge calls clean_text too;
no stage after it cleans again.

What changes, each change reported with its line:
- form feed, vertical tab, NEL, U+2028 and U+2029 (the page and line separators of PDF and
  word-processor extracts): dropped beside a line break (pdftotext puts the form feed at the
  start of a page's first line), a line break elsewhere, so two pages never run into one line;
- a terminal's colour codes (ESC [ 31 m), copied with the text: removed whole;
- the other C0 and C1 controls and DEL: removed (XML 1.0 forbids most; C1 is mojibake);
- non-characters (U+FDD0-U+FDEF, U+FFFE and U+FFFF on every plane): removed;
- lone surrogates (bytes that never decoded): replaced by U+FFFD, which shows a character was lost;
- bidirectional overrides (LRO, RLO): removed; embeddings, isolates and LRM/RLM/ALM: removed unless
  the line holds right-to-left letters (Arabic, Hebrew), where they belong;
- zero-width space, word joiner, invisible operators, a byte-order mark inside the text, and
  ZWJ/ZWNJ next to a Chinese, Latin or digit character: removed (they hide inside names and words
  and break search); ZWJ/ZWNJ stay in emoji sequences and the scripts that need them.
Tab, newline and carriage return stay; private-use characters stay (some fonts put rare Chinese
characters there).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_SEPARATORS = "\x0b\x0c\x85\u2028\u2029"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(1, 17))
_OVERRIDES = "\u202d\u202e"
_BIDI = "\u061c\u200e\u200f\u202a-\u202c\u2066-\u2069"
_JOINERS = "\u200c\u200d"
_INVISIBLE = "\u200b\u2060-\u2064\ufeff\u180e"
_SUSPECT = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|"  # a terminal's colour or cursor code, ESC [ 31 m, as one
    f"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}{_OVERRIDES}{_BIDI}"
    f"{_JOINERS}{_INVISIBLE}\u2028\u2029]")
_LINE_START = re.compile(r"\r\n|\r|\n")
# Where a joiner has no business: between Han, Latin letters, digits and their punctuation.
_PLAIN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef0-9A-Za-z\s.,;:!?'\"()-]")

# What was done, by kind; "lost" kinds mean text was damaged, not only tidied.
KINDS = {
    "terminal": "terminal control sequence",
    "separator": "page or line separator",
    "control": "control character",
    "noncharacter": "non-character",
    "surrogate": "lone surrogate (undecodable bytes)",
    "override": "bidirectional override",
    "bidi": "bidirectional formatting character",
    "invisible": "zero-width or invisible character",
}
LOST_KINDS = ("terminal", "control", "noncharacter", "surrogate")


@dataclass(frozen=True)
class TextIssue:
    """What was changed on one line: `changes` read like "control character U+001B removed",
    `kinds` are the KINDS involved."""
    line: int
    changes: tuple[str, ...]
    kinds: frozenset[str]

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(self.changes)

    @property
    def lost(self) -> bool:
        """Text was damaged here (controls, non-characters, undecodable bytes), not only tidied."""
        return bool(self.kinds & set(LOST_KINDS))


def code_name(ch: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`, or the code alone for characters without a name."""
    name = unicodedata.name(ch, "") if not "\ud800" <= ch <= "\udfff" else ""
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def _kind(ch: str) -> str:
    if len(ch) > 1:
        return "terminal"
    if ch in _SEPARATORS:
        return "separator"
    if "\ud800" <= ch <= "\udfff":
        return "surrogate"
    if ch in _OVERRIDES:
        return "override"
    if ch in "\u061c\u200e\u200f" or "\u202a" <= ch <= "\u202c" or "\u2066" <= ch <= "\u2069":
        return "bidi"
    if ch in _JOINERS or ch in _INVISIBLE:
        return "invisible"
    if unicodedata.category(ch) == "Cc":
        return "control"
    return "noncharacter"


def _has_rtl(line: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in line)


def clean_text(text: str, first_line: int = 1) -> tuple[str, list[TextIssue]]:
    """`text` without the characters above, and what was changed, line by line (numbered from
    `first_line`, counting line breaks as read.py does). Clean text is returned as it is, fast."""
    if not _SUSPECT.search(text):
        return text, []
    starts = [0] + [m.end() for m in _LINE_START.finditer(text)]
    rtl_lines: dict[int, bool] = {}
    found: Counter = Counter()
    out: list[str] = []
    last, previous = 0, ""  # previous: the last character written so far
    for match in _SUSPECT.finditer(text):
        pos, ch = match.start(), match.group()
        out.append(text[last:pos])
        previous = text[pos - 1] if pos > last else previous
        last = match.end()
        line = bisect.bisect_right(starts, pos) - 1
        kind, keep, done = _kind(ch), "", "removed"
        if kind == "separator":
            after = text[last:last + 1]
            if previous in ("", "\n", "\r") or after in ("", "\n", "\r") or after in _SEPARATORS:
                done = "dropped"
            else:
                keep, done = "\n", "made a line break"
        elif kind == "surrogate":
            keep, done = "\ufffd", "replaced by U+FFFD"
        elif kind == "bidi":
            if line not in rtl_lines:
                end = starts[line + 1] if line + 1 < len(starts) else len(text)
                rtl_lines[line] = _has_rtl(text[starts[line]:end])
            if rtl_lines[line]:
                keep, done = ch, ""
        elif kind == "invisible" and ch in _JOINERS:
            neighbours = text[pos - 1:pos] + text[last:last + 1]
            if neighbours and not any(_PLAIN.match(n) for n in neighbours):
                keep, done = ch, ""  # an emoji sequence or a script that joins
        out.append(keep)
        previous = keep or previous
        if done:
            code = "ESC" + ch[1:] if kind == "terminal" else code_name(ch)
            found[(line + first_line, kind, code, done)] += 1
    out.append(text[last:])
    return "".join(out), _merge(found)


def _merge(found: Counter) -> list[TextIssue]:
    """One issue per line, one change per kind and action, naming every code involved."""
    by_line: dict[int, dict[tuple[str, str], tuple[list[str], int]]] = {}
    for (line, kind, code, done), count in sorted(found.items()):
        changes = by_line.setdefault(line, {})
        codes, total = changes.get((kind, done), ([], 0))
        changes[(kind, done)] = (codes + [code], total + count)
    return [TextIssue(line, tuple(f"{KINDS[kind]} {', '.join(codes)} {done}" + (f" ({count}×)" if count > 1 else "")
                                  for (kind, done), (codes, count) in changes.items()),
                      frozenset(kind for kind, _ in changes))
            for line, changes in sorted(by_line.items())]


def clean_value(text: str, where: str) -> tuple[str, list[str]]:
    """clean_text for one value read from a structured file (a YAML field, a PO string): the
    messages name `where` (e.g. "stories.2.title", "line 14 msgstr") instead of a line."""
    cleaned, issues = clean_text(text)
    return cleaned, [f"{where}: {str(issue).split(': ', 1)[1]}" for issue in issues]


# ---------------------------------------------------------------- file names

def name_problem(name: str) -> str | None:
    """Why a seed's file name cannot be written safely into a log line, a PO reference, a URL or
    a command line, or None. Spaces (ASCII and ideographic) are fine: PO references wrap them."""
    if name.startswith("-"):
        return "its name begins with '-', which commands read as an option; rename the file"
    for ch in name:
        if "\udc80" <= ch <= "\udcff":
            return "its name is not valid UTF-8; rename the file"
        if _unsafe_in_name(ch):
            what = "a line break" if ch in "\n\r\x85\u2028\u2029" else "a control or invisible character"
            return f"its name holds {what} ({code_name(ch)}); rename the file"
    return None


def _unsafe_in_name(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def printable(name: str) -> str:
    """`name` with every character name_problem objects to written as an escape (\\n, \\u202e,
    \\xff for an undecodable byte), so that a log line stays one honest line."""
    if not any(_unsafe_in_name(ch) for ch in name):
        return name
    out = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xdc00:02x}")
        elif _unsafe_in_name(ch):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
