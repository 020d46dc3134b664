"""The term dictionary of data/labels.yml, read once into immutable lookup tables: English for
the Chinese words of labels, the wrappers (数 → "number of {}"), modifiers (新增 new), and the
fallbacks by unit and measure word."""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, NamedTuple

from ..datafile import load_yaml


DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "labels.yml"


class Term(NamedTuple):
    """An English rendering. Nouns may have plural and singular forms; wrappers contain
    {} (the phrase before, plural) or {sg} (singular) and an `alone` form; modifiers
    (新增 new, 累计 cumulative) qualify a noun and name nothing by themselves."""
    plural: str
    singular: str
    wraps: bool
    alone: str
    noun: bool = True


class Vocabulary(NamedTuple):
    terms: Mapping[str, Term]
    longest: int
    fallback_measure: Mapping[str, str]
    fallback_unit: Mapping[str, str]
    fallback_zh: Mapping[str, str]
    unit_wrappers: Mapping[str, str]


def load_vocabulary(path: Path = DATA_FILE) -> Vocabulary:
    """Read the term file into immutable lookup tables."""
    raw = load_yaml(path.read_text(encoding="utf-8"))
    terms = {zh: Term(en, en, False, en, noun=False) for zh, en in raw["modifiers"].items()}
    for zh, en in raw["terms"].items():
        if isinstance(en, list):  # [wrapping form, form when nothing precedes]
            terms[zh] = Term(en[0], en[0], True, en[1], noun=False)
        elif "{" in en:
            alone = re.sub(r"\s*[,(]?\s*\{(?:sg)?\}\)?\s*", " ", en).strip()
            terms[zh] = Term(en, en, True, alone, noun=False)
        else:
            plural, _, singular = en.partition("|")
            terms[zh] = Term(plural, singular or plural, False, plural)
    return Vocabulary(MappingProxyType(terms), max(map(len, terms)),
                      MappingProxyType(raw["fallback"]["measure_words"]),
                      MappingProxyType(raw["fallback"]["units"]),
                      MappingProxyType(raw["fallback"]["zh"]),
                      MappingProxyType(raw["unit_wrappers"]))


VOCABULARY = load_vocabulary()  # immutable: read once at import, never modified
