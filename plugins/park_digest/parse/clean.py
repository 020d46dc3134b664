"""Names of files that come from outside, checked and shown safely.

A seed's file name goes into log lines, PO references and the build's messages; one with a
line break, a control or a bidirectional character would forge or garble them.
"""
from __future__ import annotations

import unicodedata


def code_name(ch: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`, or the code alone for characters without a name."""
    name = unicodedata.name(ch, "") if not "\ud800" <= ch <= "\udfff" else ""
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


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
