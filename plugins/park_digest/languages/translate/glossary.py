"""Names that must read the same in every English story, whatever the engine says.

Before a unit goes to an engine each glossary name is swapped for a placeholder such as
`[[G0]]`; afterwards the placeholders are swapped for the glossary's English. Engines copy
short ASCII tokens through untouched far more reliably than they render a company name
consistently, and restore() tolerates what they do to tokens (added spaces, lower case,
full-width or single brackets). apply_glossary_check() then reports any name that did not
come through.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ...datafile import load_yaml

GLOSSARY_KINDS = ("park", "company", "institution", "programme", "place", "person")
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "glossary.yml"
PLACEHOLDER = "[[G%d]]"
# What engines have been seen to make of "[[G12]]": "[[ G12 ]]", "[[g12]]", "【【G12】】", "[G12]".
PLACEHOLDER_RE = re.compile(r"[\[［【]{1,2}\s*[Gg]\s*(\d+)\s*[\]］】]{1,2}")
# Seeds mix half- and full-width parentheses; a name matches with either.
PAREN_VARIANTS = {"(": "[(（]", "（": "[(（]", ")": "[)）]", "）": "[)）]"}


class GlossaryError(ValueError):
    """glossary.yml is malformed (raised at load time, naming the file and entry)."""


@dataclass(frozen=True)
class GlossaryEntry:
    zh: str
    en: str
    kind: str
    aliases: tuple[str, ...] = ()  # other Chinese spellings of the same name


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...] = ()
    pattern: Optional[re.Pattern] = field(default=None, compare=False, repr=False)
    by_variant: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, entries: list[GlossaryEntry]) -> "Glossary":
        variants: dict[str, GlossaryEntry] = {}
        for entry in entries:
            for zh in (entry.zh,) + entry.aliases:
                variants[canonical(zh)] = entry
        # Longest first: 阿斯利康制药（青岛）有限公司 wins over 阿斯利康 inside it.
        ordered = sorted(variants, key=lambda zh: (-len(zh), zh))
        pattern = re.compile("|".join(zh_pattern(zh) for zh in ordered)) if ordered else None
        return cls(tuple(entries), pattern, variants)

    def find(self, text: str) -> list[tuple[re.Match, GlossaryEntry]]:
        """Non-overlapping glossary names in `text`, left to right, longest match first."""
        if self.pattern is None:
            return []
        return [(m, self.by_variant[canonical(m.group(0))]) for m in self.pattern.finditer(text)]


def canonical(zh: str) -> str:
    return zh.replace("（", "(").replace("）", ")")


def zh_pattern(zh: str) -> str:
    return "".join(PAREN_VARIANTS.get(ch, re.escape(ch)) for ch in zh)


def load_glossary(path: Path = DEFAULT_PATH) -> Glossary:
    try:
        raw = load_yaml(Path(path).read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise GlossaryError("cannot read glossary %s: %s" % (path, exc)) from exc
    if not isinstance(raw, list):
        raise GlossaryError("%s: expected a list of entries" % path)
    entries, seen = [], {}
    for number, item in enumerate(raw, 1):
        entry = parse_entry(item, "%s entry %d" % (path, number))
        for zh in (entry.zh,) + entry.aliases:
            if canonical(zh) in seen:
                raise GlossaryError("%s entry %d: %r already listed in entry %d"
                                    % (path, number, zh, seen[canonical(zh)]))
            seen[canonical(zh)] = number
        entries.append(entry)
    return Glossary.of(entries)


def parse_entry(item: object, where: str) -> GlossaryEntry:
    if not isinstance(item, dict):
        raise GlossaryError("%s: expected a mapping with zh, en, kind" % where)
    zh, en, kind = (str(item.get(k) or "").strip() for k in ("zh", "en", "kind"))
    if not zh or not en:
        raise GlossaryError("%s: zh and en are required" % where)
    if kind not in GLOSSARY_KINDS:
        raise GlossaryError("%s: kind %r is not one of %s"
                            % (where, kind, ", ".join(GLOSSARY_KINDS)))
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise GlossaryError("%s: aliases must be a list of strings" % where)
    return GlossaryEntry(zh, en, kind, tuple(a.strip() for a in aliases))


def with_parks(glossary: Glossary, parks: Iterable) -> Glossary:
    """The glossary plus the gazetteer's parks (model.Park: name_zh and aliases -> name_en).

    The gazetteer wins for a park's own name, so a park reads the same in a story as on its own
    page; the glossary keeps its entries for other spellings (a Chinese text that spells out
    徐州国家高新技术产业开发区 reads "Xuzhou National Hi-Tech Industrial Development Zone").
    """
    defined = {canonical(zh) for e in glossary.entries for zh in (e.zh,) + e.aliases}
    park_entries = [GlossaryEntry(p.name_zh, p.name_en, "park",
                                  tuple(a for a in (p.official_zh, *p.aliases)
                                        if a and a != p.name_zh and canonical(a) not in defined))
                    for p in parks if p.name_zh and p.name_en]
    taken = {canonical(e.zh) for e in park_entries}
    kept = [GlossaryEntry(e.zh, e.en, e.kind, tuple(a for a in e.aliases if canonical(a) not in taken))
            for e in glossary.entries if canonical(e.zh) not in taken]
    return Glossary.of(kept + park_entries)


def with_house_names(glossary: Glossary, units: Iterable) -> Glossary:
    """The glossary plus the parks the stories are about that it lacks (a park outside the
    gazetteer, named in English by the pinyin rule), so the engine never sees those either."""
    defined = {canonical(zh) for e in glossary.entries for zh in (e.zh,) + e.aliases}
    extra = {}
    for unit in units:
        if unit.kind == "park_name" and unit.house and canonical(unit.msgid) not in defined:
            extra.setdefault(canonical(unit.msgid), GlossaryEntry(unit.msgid, unit.house, "park"))
    return Glossary.of(list(glossary.entries) + list(extra.values())) if extra else glossary


def protect(text: str, glossary: Glossary) -> tuple[str, dict[str, str]]:
    """Replace glossary names by placeholders; returns the text and placeholder -> English.

    One placeholder per distinct name, so a name repeated in a paragraph reuses its token.
    """
    mapping: dict[str, str] = {}
    token_of: dict[GlossaryEntry, str] = {}
    parts, last = [], 0
    for match, entry in glossary.find(text):
        if entry not in token_of:
            token_of[entry] = PLACEHOLDER % len(token_of)
            mapping[token_of[entry]] = entry.en
        parts += [text[last:match.start()], token_of[entry]]
        last = match.end()
    parts.append(text[last:])
    return "".join(parts), mapping


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the English names back for the placeholders, however the engine spaced them."""
    def name(match: re.Match) -> str:
        return mapping.get(PLACEHOLDER % int(match.group(1)), match.group(0))
    return PLACEHOLDER_RE.sub(name, text)


def apply_glossary_check(zh: str, en: str, glossary: Glossary) -> list[str]:
    """Problems with `en` as a translation of `zh`: missing glossary names, leftover tokens."""
    return missing_names(zh, en, glossary) + leftover_placeholders(en)


def missing_names(zh: str, en: str, glossary: Glossary) -> list[str]:
    """Glossary names of `zh` whose English `en` does not contain (case aside)."""
    lowered = en.lower()
    return ["%s (%s) should read %r" % (entry.zh, entry.kind, entry.en)
            for entry in dict.fromkeys(entry for _, entry in glossary.find(zh))
            if entry.en.lower() not in lowered]


def leftover_placeholders(en: str) -> list[str]:
    return ["placeholder [[G%s]] left in the English" % token
            for token in PLACEHOLDER_RE.findall(en)]
