"""Readers' comments below a story.

A comment box or a forum's reply buttons under the story open the readers' comments, and so does
a forum's printable view repeating its post header (作者: …  时间: …) for each reply: every line
after them is a comment, whatever it says.
"""
from __future__ import annotations

import re

COMMENTS_OPEN = ("comment box", "forum furniture")


_POST_HEADER = re.compile(r"^作者\s*[:：].{1,24}?\s(?:时间|发表于|发表时间)\s*[:：]")


def _reply_header(i: int, texts: list[str], reasons: list[str]) -> bool:
    """`作者: 某网友  时间: 2025-7-10 10:15` below a post whose own such line stands above it: a
    forum's printable view, where each reply opens so."""
    return (reasons[i] == "source and date line" and bool(_POST_HEADER.match(texts[i]))
            and any(reasons[k] == "source and date line" and _POST_HEADER.match(texts[k]) for k in range(i)))


def mark_comments(texts: list[str], reasons: list[str], first_prose: int) -> None:
    """Below the story, a comment box or a forum's reply buttons open the readers' comments:
    every line after them is a comment, whatever it says."""
    start = next((i for i, r in enumerate(reasons) if (r in COMMENTS_OPEN or _reply_header(i, texts, reasons))
                  and i > first_prose), None)
    if start is None:
        return
    for j in range(start + 1, len(reasons)):
        reasons[j] = reasons[j] or "reader comment"
