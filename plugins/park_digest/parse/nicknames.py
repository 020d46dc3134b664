"""Park nicknames that begin other words too (中科 of 中科院, 南科 of 南科大): data/park_nicknames.yml.

Such a nickname names its park only in a text that also names another park of the same province
or the park itself, so 竹科、中科、南科 in a Taiwanese round-up are three parks and 中科院 in a
mainland story is none.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..datafile import load_yaml
from ..model import Park

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=4)  # keyed on the park index itself (one per process)
def nicknames(index) -> tuple[tuple[str, Park], ...]:
    """(nickname, park) pairs, the park looked up by its name_zh in the index's names."""
    names = index.by_name
    found = []
    for entry in load_yaml((DATA / "park_nicknames.yml").read_text(encoding="utf-8")) or []:
        park = names.get(str(entry["park"]))
        if park is None:
            raise ValueError(f"park_nicknames.yml: {entry['nickname']}: no park named {entry['park']!r}")
        found.append((str(entry["nickname"]), park))
    return tuple(found)


def nickname_mentions(text: str, pairs: tuple[tuple[str, Park], ...], named: list[tuple[int, int, Park]]
                      ) -> list[tuple[int, int, Park]]:
    """(start, end, park) of each nickname in the text that a park found in it by another name
    vouches for (`named`: those parks, as (start, end, park)); nicknames never vouch for each
    other (中科院 and 南科大 in one sentence are no parks)."""
    hits = [(at, at + len(nick), park) for nick, park in pairs
            for at in _occurrences(text, nick)
            if not any(s < at + len(nick) and at < e for s, e, _ in named)]
    kept = []
    for start, end, park in hits:
        if any(p.slug == park.slug or (park.province and p.province == park.province) for _, _, p in named):
            kept.append((start, end, park))
    return kept


def _occurrences(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))
