"""House style of the English (the `style` check of `make qa`):

- US spelling: the British forms listed in data/qa_terms.yml (analyse, colour, towards …);
- a park named in running text takes "the" (the Qingdao Hi-Tech Zone); headlines, headings,
  labels and park names do without;
- fact labels are sentence-case noun phrases with no final period, and a share reads "Share of …".

The same Chinese term reading the same everywhere is the glossary's job (专精特新).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .terms import Terms

RUNNING_TEXT = ("paragraph", "caption")
# Words after which a park name needs no article of its own.
_DETERMINERS = {"the", "a", "an", "its", "their", "our", "this", "that", "whose", "each", "every"}
_SHARE = re.compile(r"比例|比重|占比|占.{0,8}(?:总量|比例|比重)|覆盖率")


@lru_cache(maxsize=8)
def _park_pattern(names: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile("(?<![A-Za-z'’-])(%s)(?![A-Za-z-])" % "|".join(map(re.escape, ordered)) or r"(?!)")


def style_problems(msgid: str, msgstr: str, kind: str, terms: Terms, glossary=None) -> list[str]:
    problems = []
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", msgstr)}
    for british, american in terms.us_spelling:
        if british in words:
            problems.append("US spelling: %s, not %s" % (american, british))
    # running text ends as a sentence does; a caption that is only a name ("Qingdao Hi-Tech Zone
    # Government Service Center") is a label
    sentence = msgstr.rstrip().rstrip("\"”’)").endswith((".", "!", "?"))
    if kind in RUNNING_TEXT and sentence and glossary is not None:
        parks = tuple(sorted({e.en for e in glossary.entries if e.kind == "park"}))
        for match in _park_pattern(parks).finditer(msgstr):
            before = msgstr[:match.start()]
            if before.endswith(('"', "“")):  # a quoted title or a quotation opening with the name
                continue
            previous = re.search(r"([A-Za-z'’]+)\W*$", before)
            word = previous.group(1).lower() if previous else ""
            if word in _DETERMINERS or word.endswith(("'s", "’s")) or before.rstrip().endswith(("'s", "’s")):
                continue
            problems.append('"the %s": a park named in running text takes the article'
                            % match.group(1))
    if kind == "fact_label" and msgstr:
        if not msgstr[0].isupper() and not msgstr[0].isdigit():
            problems.append("a fact label starts with a capital: %r" % msgstr[:30])
        if msgstr.rstrip().endswith((".", ";", ":")):
            problems.append("a fact label ends without punctuation")
        if _SHARE.search(msgid) and not msgstr.startswith("Share of"):
            problems.append('a share reads "Share of …"')
    return problems

