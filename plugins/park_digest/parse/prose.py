"""What a paragraph of a story looks like, and the words two lines share.

The page-shape rules (shape.py, masthead.py, infobox.py) judge a line by whether it is prose and
by the character pairs it shares with the story's paragraphs: a headline says what its story
says, a site's banner does not.
"""
from __future__ import annotations

import re

CJK = re.compile(r"[\u3400-\u9fff]")
SENTENCE = re.compile(r"[。！？；!?;]")
_PROSE_MIN = 20  # a paragraph of a story has at least this many characters and a full stop


def is_prose(text: str) -> bool:
    """A paragraph of a story: long enough, with a full stop."""
    return len(text) >= _PROSE_MIN and bool(SENTENCE.search(text)) and bool(CJK.search(text))


def pairs(text: str) -> set[str]:
    """The line's character pairs (letters and digits only): its words, near enough."""
    chars = [ch for ch in text if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def has_letters(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
