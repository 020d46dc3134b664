"""Normalize one line of page text the way a careful typesetter would.

NFC; half-width `,()` `:;?!` in Chinese context become full-width; stray spaces between
digits/Latin letters and Chinese characters are removed (`2025 年前 8 个月` → `2025年前8个月`).
Only spaces and punctuation forms change, never letters or digits.
"""
from __future__ import annotations

import re
import unicodedata

from .tables import split_cells

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201f\u2026\u2014"
_CJK_OR_PUNCT = f"[{CJK}{CJK_PUNCT}]"

# A space between a Chinese character and a digit/Latin letter is a typesetting artefact.
_SPACE_CJK_ALNUM = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}])[ \u00a0\u3000]+(?=[0-9A-Za-z%])")
_SPACE_ALNUM_CJK = re.compile(rf"(?<=[0-9A-Za-z%.])[ \u00a0\u3000]+(?=[{CJK}{CJK_PUNCT}])")
_HALF_COMMA = re.compile(rf"(?<={_CJK_OR_PUNCT}),|,(?={_CJK_OR_PUNCT})")
_HALF_PUNCT = {":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_PUNCT_RE = re.compile(rf"(?<={_CJK_OR_PUNCT})(?::(?!\d)|[;?!])")  # 10:30 stays a time
_PARENS = re.compile(r"\(([^()\n]*)\)")
_HAS_CJK = re.compile(f"[{CJK}]")
# Each substitution in normalize_line needs one of these; most lines have none and are left as they are.
_REWRITABLE = re.compile(r"[ \u00a0\u3000,:;?!(]")


def _full_width_parens(match: re.Match) -> str:
    inner = match.group(1)
    text = match.string
    before = text[match.start() - 1] if match.start() else ""
    if _HAS_CJK.search(inner) or (before and _HAS_CJK.match(before)):
        return f"（{inner}）"
    return match.group(0)


def normalize_line(line: str) -> str:
    cells = split_cells(unicodedata.normalize("NFC", line))
    if cells:  # a row of a flattened table: each cell on its own, the gaps kept (parse/tables.py)
        return "".join(_normalize_text(cell) + gap.replace("\t", "  ") for cell, gap in cells)
    return _normalize_text(line)


def _normalize_text(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\t", " ").strip()
    if not _REWRITABLE.search(line):
        return line
    line = _SPACE_CJK_ALNUM.sub("", line)
    line = _SPACE_ALNUM_CJK.sub("", line)
    line = _HALF_COMMA.sub("，", line)
    line = _HALF_PUNCT_RE.sub(lambda m: _HALF_PUNCT[m.group(0)], line)
    line = _PARENS.sub(_full_width_parens, line)
    return line


# Pinyin printed after each character, as learners' pages do: 國(guó). Three or more in a line.
_RUBY = re.compile(rf"(?<=[{CJK}])[(（]([a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{{1,7}}[1-5]?)[)）]")


def strip_pinyin(line: str) -> tuple[str, list[str]]:
    """Remove pinyin annotations from a line; returns the clean line and what was removed."""
    found = _RUBY.findall(line)
    if len(found) < 3:
        return line, []
    return _RUBY.sub("", line), found


def has_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


_SENTENCE = re.compile(r"[^。！？；!?]*(?:[。！？；!?]+[”’」』）)]*|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences with their closing punctuation and quotes; joined they give the text back."""
    return [s for s in _SENTENCE.findall(text) if s]
