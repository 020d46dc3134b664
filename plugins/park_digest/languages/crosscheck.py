"""The zh-Hant pages checked against an independent conversion: MediaWiki's tables (zhconv-rs).

Every unit a zh-Hant page shows (title, headings, paragraphs, captions, fact labels, park name)
is converted again from its Simplified source by MediaWiki's converter, and every place where
the two disagree is reported with what resolves it:

  word list   our form comes from data/hant_words.yml (a word, a glyph preference) or from a
              protected name, each with its note
  glyph       our form is MediaWiki's written in the configuration's regional glyphs (OpenCC's
              Taiwan or Hong Kong variant table: 着 → 著)
  accepted    data/hant_differences.yml accepts our form over MediaWiki's, with a reason
  unresolved  nobody has looked: add the word to the word list, or accept the difference

MediaWiki's zh-Hant is the reference for s2t and s2tw (characters only, as they are), zh-HK for
s2hk, zh-TW for s2twp (which localises vocabulary, as MediaWiki's zh-TW does).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..datafile import load_yaml
from ..parse.read import converter
from .traditional import Hant, WordList

REFERENCE = {"s2t": "zh-Hant", "s2tw": "zh-Hant", "s2hk": "zh-HK", "s2twp": "zh-TW"}
# OpenCC's own regional glyph tables, from Traditional: what s2tw and s2hk add to s2t.
REGIONAL = {"s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk"}
DIFFERENCES = Path(__file__).resolve().parents[1] / "data" / "hant_differences.yml"
RESOLUTIONS = ("word list", "glyph", "accepted", "unresolved")
CONTEXT = 4  # characters of the source shown on each side of a difference


class DifferencesError(ValueError):
    """hant_differences.yml is malformed (the check stops, naming the file and entry)."""


@dataclass(frozen=True)
class Accepted:
    zh: str  # the Simplified word
    hant: str  # our form
    mediawiki: str  # MediaWiki's
    reason: str


@dataclass(frozen=True)
class Unit:
    """One text of a zh-Hant page: where it comes from, its source and what the page shows."""
    file: str
    line: int
    source: str
    shown: str
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    unit: Unit
    start: int  # in the source (and in both conversions when they keep its length)
    end: int
    ours: str
    theirs: str
    resolution: str
    why: str  # the entry or reason that resolves it
    key: str  # what makes two disagreements the same difference

    def context(self) -> str:
        source = self.unit.source
        return source[max(0, self.start - CONTEXT):self.end + CONTEXT]


@dataclass
class CrossCheck:
    config: str
    reference: str
    units: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)
    unused: list[Accepted] = field(default_factory=list)

    @property
    def unresolved(self) -> list[Disagreement]:
        return [d for d in self.disagreements if d.resolution == "unresolved"]

    def distinct(self, resolution: Optional[str] = None) -> int:
        return len({d.key for d in self.disagreements if resolution in (None, d.resolution)})


def load_differences(path: Path = DIFFERENCES) -> list[Accepted]:
    try:
        raw = load_yaml(Path(path).read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        return []
    except (OSError, yaml.YAMLError) as exc:
        raise DifferencesError(f"cannot read {path}: {exc}") from exc
    if not isinstance(raw, list):
        raise DifferencesError(f"{path}: expected a list of accepted differences")
    accepted = []
    for number, item in enumerate(raw, 1):
        keys = ("zh", "hant", "mediawiki", "reason")
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip()
                                                 for k in keys):
            raise DifferencesError(f"{path} entry {number}: needs zh, hant, mediawiki and reason")
        entry = Accepted(*(item[k].strip() for k in keys))
        if not len(entry.zh) == len(entry.hant) == len(entry.mediawiki):
            raise DifferencesError(f"{path} entry {number}: zh, hant and mediawiki differ in length")
        accepted.append(entry)
    return accepted


def mediawiki(text: str, reference: str) -> str:
    import zhconv_rs  # only `make qa` needs it
    return zhconv_rs.zhconv(text, reference, False)


def reference_name(reference: str) -> str:
    return f"MediaWiki {reference} (zhconv-rs {version('zhconv-rs')})"


def check_units(units: Iterable[Unit], hant: Hant,
                accepted: Optional[list[Accepted]] = None) -> CrossCheck:
    accepted = load_differences() if accepted is None else accepted
    reference = REFERENCE[hant.config]
    result = CrossCheck(hant.config, reference)
    used: set[int] = set()
    for unit in units:
        result.units += 1
        theirs = mediawiki(unit.source, reference)
        if theirs == unit.shown:
            continue
        for start, end, ours_span, theirs_span in differing_spans(unit.source, unit.shown, theirs):
            result.disagreements.append(
                resolve(unit, start, end, ours_span, theirs_span, hant, accepted, used))
    result.unused = [a for i, a in enumerate(accepted) if i not in used]
    return result


def differing_spans(source: str, ours: str, theirs: str) -> list[tuple[int, int, str, str]]:
    """(start, end, ours, theirs) of each run of differing characters. A character conversion
    keeps the length, so positions are the source's; otherwise the run is found by alignment and
    its position is where it starts in our text."""
    if len(source) == len(ours) == len(theirs):
        spans, at = [], None
        for i, (a, b) in enumerate(zip(ours, theirs)):
            if a != b and at is None:
                at = i
            elif a == b and at is not None:
                spans.append((at, i, ours[at:i], theirs[at:i]))
                at = None
        if at is not None:
            spans.append((at, len(ours), ours[at:], theirs[at:]))
        return spans
    from difflib import SequenceMatcher
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    return [(i1, max(i2, i1 + 1), ours[i1:i2], theirs[j1:j2])
            for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def resolve(unit: Unit, start: int, end: int, ours: str, theirs: str, hant: Hant,
            accepted: list[Accepted], used: set[int]) -> Disagreement:
    def found(resolution: str, why: str, key: str) -> Disagreement:
        return Disagreement(unit, start, end, ours, theirs, resolution, why, key)

    source = unit.source
    for s, e, what in hant.spans(source, unit.people):
        if s < end and start < e:
            if what == "name":
                return found("word list", f"the name {source[s:e]}, converted as a name",
                             f"name {source[s:e]}")
            return found("word list", f"{what}: {_note(hant.words, what)}", f"word {what}")
    for index, entry in enumerate(accepted):
        if _accepts(entry, unit, start, end):
            used.add(index)
            return found("accepted", entry.reason, f"accepted {entry.zh}")
    if ours and len(ours) == len(theirs):
        written = _as_written(hant, theirs)
        if written == ours:
            return found("glyph", f"MediaWiki's {theirs} in {hant.config}'s regional glyphs",
                         f"glyph {theirs}→{ours}")
        glyphs = hant.words.glyph_table(hant.config)
        if written.translate(glyphs) == ours:
            return found("word list", f"glyph preference {written} → {ours}",
                         f"glyph {theirs}→{ours}")
    return found("unresolved", "", f"{source[start:end]} {ours}/{theirs}")


def _accepts(entry: Accepted, unit: Unit, start: int, end: int) -> bool:
    """The entry's word covers the difference, and the page writes it as the entry says."""
    source, shown = unit.source, unit.shown
    at = source.find(entry.zh, max(0, end - len(entry.zh)))
    while at != -1 and at <= start:
        if len(shown) != len(source):
            return entry.hant in shown
        if shown[at:at + len(entry.zh)] == entry.hant:
            return True
        at = source.find(entry.zh, at + 1)
    return False


def _as_written(hant: Hant, text: str) -> str:
    regional = REGIONAL.get(hant.config)
    return converter(regional).convert(text) if regional else text


def _note(words: WordList, zh: str) -> str:
    return next((w.note for w in words.words if w.zh == zh), "")


def format_crosscheck(result: CrossCheck, verbose: bool = True) -> str:
    lines = []
    for d in result.disagreements:
        if not verbose and d.resolution != "unresolved":
            continue
        where = f"{d.unit.file}:{d.unit.line}: zh-Hant"
        how = d.resolution if d.resolution == "unresolved" else f"{d.resolution}: {d.why}"
        lines.append(f"{where}: {d.context()}: ours {d.ours}, MediaWiki {d.theirs or '∅'} ({how})")
    for entry in result.unused:
        lines.append(f"note: accepted difference no longer needed ({entry.zh} {entry.hant}/"
                     f"{entry.mediawiki}): {entry.reason}")
    counts = Counter(d.resolution for d in result.disagreements)
    lines.append(f"zh-Hant cross-check: OpenCC {result.config} with the word list against "
                 f"{reference_name(result.reference)}: {result.units} units, "
                 f"{len(result.disagreements)} places disagree, {result.distinct()} distinct")
    lines.append("  %-12s %8s %9s" % ("resolution", "places", "distinct"))
    for resolution in RESOLUTIONS:
        lines.append("  %-12s %8d %9d" % (resolution, counts[resolution],
                                          result.distinct(resolution)))
    return "\n".join(lines)


def story_units(pages, hant: Hant) -> list[Unit]:
    """Every converted unit of every story's zh-Hant page, and its authors, as the build
    converts them (seeds printed in Traditional keep their own text: nothing to compare)."""
    from .variants import localize_hant

    units = []
    for page in pages:
        for story in page.stories:
            local = localize_hant(story, page.seed, hant)
            people = tuple(story.authors)
            first = story.span[0]

            def add(text, line: int) -> None:
                if text is not None and text.status == "converted" and text.source:
                    units.append(Unit(story.seed_file, line, text.source, text.text, people))

            add(local.title, first)
            for item, (_, text) in zip(story.body, local.body):
                add(text, item.span[0])
            for text in local.captions:
                add(text, first)
            for fact, text in zip(story.facts, local.fact_labels):
                block = fact.block
                in_body = isinstance(block, int) and 0 <= block < len(story.body)
                add(text, story.body[block].span[0] if in_body else first)
            add(local.park_name, first)
            for author in people:
                units.append(Unit(story.seed_file, first, author,
                                  hant.convert_name(author, person=True), people))
    return units
