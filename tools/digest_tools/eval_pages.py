"""Score the parser on the real-pages evaluation set, with the metrics of issue 20's table.

    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_pages tests/data/realistic
    PYTHONPATH=plugins:tools .venv/bin/python -m digest_tools.eval_pages tests/data/realistic/heldout2 -v

A folder holds pages `NAME.txt` beside their annotations `NAME.gold.yml` (the format is in
tests/data/realistic/README.md); sub-folders are separate sets and are not read. One line per
metric; `-v` adds what went wrong, page by page.

How each metric is counted:
- stories: an annotated story is found when a parsed story overlaps its lines by half or more
  of the longer span (one parsed story per annotated one); the score is found ÷ (annotated +
  parsed stories that match none), so a page cut in two or two stories run together both count.
- headline, date: per annotated story (a story not found is wrong). A date the page does not
  state (`date: null`) is right when the parser gives none or marks its own as inferred.
- park precision: every park a parsed story names (its park, its parks, the parks it mentions)
  that the matched annotation lists in `park`, `parks` or `mentioned`; "invented" counts the
  named parks the annotation does not list at all.
- park recall: the parks an annotated story is about (`park` and `parks`) among the parsed
  story's park and parks.
- furniture: an annotated furniture line reaches a story when it is not discarded whole and
  its text, or half of it in one piece, stands in a paragraph, caption or byline, or it stands
  whole in the title of a story whose lines include it. Story lines lost (the reverse error: a line inside an annotated story, not
  furniture, that reaches no story) are counted beside it.
- figures: an annotated figure is found when a parsed figure on the same line has the same
  surface, or one surface contains the other; precision counts parsed figures that match an
  annotated one. Figures filed under the right park: found figures whose park is the annotated one,
  over all and over round-ups (annotated stories of two parks or more).
- figure checks: an annotated doubtful figure (`checks:`, a page without the key has none) is
  found when a story flags the same kind on the same line with the same figure; precision counts
  the flags that match one, so a flag on a sound figure counts against it.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Optional

import yaml

from digest_tools.eval_parse import overlap
from park_digest.model import PageResult, Story
from park_digest.parse.pipeline import process_file
from park_digest.parse.read import SeedError, converter

SITES = ("newspaper", "e-paper", "portal", "government", "wiki", "reprint", "hk", "park-site", "blog")
KINDS = ("article", "brief", "photo_news", "advertisement", "fragment")
CHECK_KINDS = ("malformed", "implausible", "sum_mismatch")
_STORY_KEYS = {"kind", "title", "first_line", "last_line", "date", "park", "parks", "mentioned"}
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SHORT = 6  # a line shorter than this reaches a story only whole
_MOST = 0.5  # share of a longer line that, found in one piece in a story, means the line reached it


class GoldError(ValueError):
    """An annotation that cannot be scored; the message names the file and what is wrong."""


def squash(text: Optional[str]) -> str:
    """Compare text without spaces, width differences or thousands separators (8,650 = 8650)."""
    return _THOUSANDS.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")))


@dataclass
class GoldStory:
    kind: str
    title: Optional[str]
    first: int
    last: int
    date: Optional[str]
    park: Optional[str]
    parks: list[str]
    mentioned: list[str]

    @property
    def span(self) -> tuple[int, int]:
        return (self.first, self.last)


@dataclass
class GoldFact:
    line: int
    surface: str
    park: Optional[str]
    has_park: bool


@dataclass
class GoldCheck:
    line: int
    kind: str
    text: str


@dataclass
class GoldPage:
    name: str
    text_path: Path
    site: str
    stories: list[GoldStory]
    furniture: list[int]
    facts: list[GoldFact]
    checks: list[GoldCheck] = field(default_factory=list)


def load_gold(path: Path) -> GoldPage:
    """Read and check one annotation against its page; GoldError says what is wrong."""
    text_path = path.with_name(path.name[: -len(".gold.yml")] + ".txt")
    where = path.name
    if not text_path.exists():
        raise GoldError(f"{where}: no page {text_path.name} beside it")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldError(f"{where}: not YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{where}: expected a mapping with site, stories, furniture, facts")
    unknown = set(data) - {"site", "stories", "furniture", "facts", "checks"}
    if unknown:
        raise GoldError(f"{where}: unknown keys {sorted(unknown)}")
    if data.get("site") not in SITES:
        raise GoldError(f"{where}: site must be one of {list(SITES)}, not {data.get('site')!r}")
    lines = _page_lines(text_path)
    stories = [_gold_story(where, i, raw, len(lines)) for i, raw in enumerate(data.get("stories") or [], 1)]
    furniture = data.get("furniture") or []
    for number in furniture:
        if not isinstance(number, int) or not 1 <= number <= len(lines) or not lines[number - 1].strip():
            raise GoldError(f"{where}: furniture line {number!r} is not a non-blank line of the page")
    facts = []
    for raw in data.get("facts") or []:
        if not isinstance(raw, dict) or set(raw) - {"line", "surface", "park"} or "line" not in raw or "surface" not in raw:
            raise GoldError(f"{where}: a fact is {{line, surface, park}}, not {raw!r}")
        line, surface = raw["line"], str(raw["surface"])
        simplified = converter("t2s").convert  # a page in Traditional may be annotated in either script
        if not isinstance(line, int) or not 1 <= line <= len(lines) or \
                squash(simplified(surface)) not in squash(simplified(lines[line - 1])):
            raise GoldError(f"{where}: fact {surface!r} is not on line {line}")
        facts.append(GoldFact(line, surface, raw.get("park"), "park" in raw))
    checks = []
    for raw in data.get("checks") or []:
        if not isinstance(raw, dict) or set(raw) != {"line", "kind", "text"} or raw["kind"] not in CHECK_KINDS:
            raise GoldError(f"{where}: a check is {{line, kind ({', '.join(CHECK_KINDS)}), text}}, not {raw!r}")
        line, text = raw["line"], str(raw["text"])
        if not isinstance(line, int) or not 1 <= line <= len(lines) or squash(text) not in squash(lines[line - 1]):
            raise GoldError(f"{where}: check {text!r} is not on line {line}")
        checks.append(GoldCheck(line, raw["kind"], text))
    return GoldPage(path.name[: -len(".gold.yml")], text_path, data["site"], stories, list(furniture), facts, checks)


def _gold_story(where: str, number: int, raw: Any, line_count: int) -> GoldStory:
    if not isinstance(raw, dict) or set(raw) - _STORY_KEYS:
        raise GoldError(f"{where}: story {number}: keys are {sorted(_STORY_KEYS)}")
    if raw.get("kind") not in KINDS:
        raise GoldError(f"{where}: story {number}: kind must be one of {list(KINDS)}")
    first, last = raw.get("first_line"), raw.get("last_line")
    if not (isinstance(first, int) and isinstance(last, int) and 1 <= first <= last <= line_count):
        raise GoldError(f"{where}: story {number}: first_line/last_line {first!r}-{last!r} outside the page")
    date = raw.get("date")
    if date is not None and not _DATE.match(str(date)):
        raise GoldError(f"{where}: story {number}: date must be \"2024-07-18\", \"2024-07\", \"2024\" or null")
    parks, mentioned = raw.get("parks") or [], raw.get("mentioned") or []
    if not all(isinstance(p, str) for p in [*parks, *mentioned]):
        raise GoldError(f"{where}: story {number}: parks and mentioned are lists of park names")
    return GoldStory(raw["kind"], raw.get("title"), first, last, None if date is None else str(date),
                     raw.get("park"), list(parks), list(mentioned))


def _page_lines(path: Path) -> list[str]:
    from park_digest.parse.read import decode_bytes, split_lines
    text, _ = decode_bytes(path.read_bytes(), path.name)
    return split_lines(text)


@dataclass
class Count:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Scores:
    pages: int = 0
    stories_gold: int = 0
    stories_matched: int = 0
    stories_extra: int = 0
    headline: Count = field(default_factory=Count)
    date: Count = field(default_factory=Count)
    kind: Count = field(default_factory=Count)
    park_precision: Count = field(default_factory=Count)
    invented: int = 0
    park_recall: Count = field(default_factory=Count)
    furniture_reached: int = 0
    furniture_total: int = 0
    story_lines_lost: int = 0
    story_lines: int = 0
    fact_park: Count = field(default_factory=Count)
    fact_park_roundups: Count = field(default_factory=Count)  # in stories of two parks or more
    fact_recall: Count = field(default_factory=Count)
    fact_precision: Count = field(default_factory=Count)
    check_recall: Count = field(default_factory=Count)
    check_precision: Count = field(default_factory=Count)
    misses: list[str] = field(default_factory=list)

    @property
    def stories(self) -> float:
        whole = self.stories_gold + self.stories_extra
        return self.stories_matched / whole if whole else 1.0

    @property
    def furniture(self) -> float:
        return self.furniture_reached / self.furniture_total if self.furniture_total else 0.0

    def summary(self) -> dict[str, float]:
        """The numbers the thresholds test reads."""
        return {"stories": self.stories, "headline": self.headline.ratio, "date": self.date.ratio,
                "park_precision": self.park_precision.ratio, "invented": self.invented,
                "park_recall": self.park_recall.ratio, "furniture_in_story": self.furniture,
                "story_lines_lost": self.story_lines_lost, "fact_park": self.fact_park.ratio,
                "fact_park_roundups": self.fact_park_roundups.ratio,
                "fact_recall": self.fact_recall.ratio, "fact_precision": self.fact_precision.ratio,
                "kind": self.kind.ratio, "check_recall": self.check_recall.ratio,
                "check_precision": self.check_precision.ratio}

    def lines(self) -> list[str]:
        return [
            f"pages                                    {self.pages}",
            f"stories found as the page has them       {self.stories:.3f}  "
            f"({self.stories_matched} of {self.stories_gold}, {self.stories_extra} extra)",
            f"headline right                           {self.headline.ratio:.3f}  ({self.headline.right}/{self.headline.total})",
            f"date right                               {self.date.ratio:.3f}  ({self.date.right}/{self.date.total})",
            f"park precision                           {self.park_precision.ratio:.3f}  "
            f"({self.park_precision.right}/{self.park_precision.total}, {self.invented} invented)",
            f"park recall                              {self.park_recall.ratio:.3f}  ({self.park_recall.right}/{self.park_recall.total})",
            f"furniture lines that reach a story       {self.furniture:.3f}  "
            f"({self.furniture_reached} of {self.furniture_total}; story lines lost: "
            f"{self.story_lines_lost} of {self.story_lines})",
            f"figures filed under the right park       {self.fact_park.ratio:.3f}  ({self.fact_park.right}/{self.fact_park.total})",
            f"  of them in round-ups of several parks  {self.fact_park_roundups.ratio:.3f}  "
            f"({self.fact_park_roundups.right}/{self.fact_park_roundups.total})",
            f"figure recall / precision                {self.fact_recall.ratio:.3f} / {self.fact_precision.ratio:.3f}  "
            f"({self.fact_recall.right}/{self.fact_recall.total}, {self.fact_precision.right}/{self.fact_precision.total})",
            f"kind right                               {self.kind.ratio:.3f}  ({self.kind.right}/{self.kind.total})",
            f"figure checks recall / precision         {self.check_recall.ratio:.3f} / {self.check_precision.ratio:.3f}  "
            f"({self.check_recall.right}/{self.check_recall.total}, {self.check_precision.right}/{self.check_precision.total})",
        ]


def _story_texts(story: Story) -> list[str]:
    return [story.title or "", *(item.text for item in story.body), *story.captions, *story.bylines]


def _named(story: Story) -> list[str]:
    names = [p.name_zh for p in ([story.park] if story.park else []) + list(story.parks)]
    return list(dict.fromkeys(squash(n) for n in [*names, *story.parks_mentioned]))


def _about(story: Story) -> set[str]:
    return {squash(p.name_zh) for p in ([story.park] if story.park else []) + list(story.parks)}


def score_page(gold: GoldPage, result: PageResult, scores: Scores) -> None:
    page = gold.name
    to_page = converter("t2s").convert if result.seed.script == "hant" else (lambda t: t)
    norm = lambda t: squash(to_page(t or ""))  # noqa: E731 - compare in the script the parser works in
    stories = result.stories
    scores.pages += 1
    scores.stories_gold += len(gold.stories)
    used: dict[int, GoldStory] = {}
    for g in gold.stories:
        best = max(((overlap(g.span, s.span), i) for i, s in enumerate(stories) if i not in used), default=(0.0, -1))
        if best[0] < 0.5:
            scores.misses.append(f"{page}: story {g.span} ({g.title or 'untitled'}) not found as one story")
            for count in (scores.headline, scores.date, scores.kind):
                count.add(False)
            scores.park_recall.total += len(set(filter(None, [g.park, *g.parks])))
            continue
        used[best[1]] = g
        story = stories[best[1]]
        scores.stories_matched += 1
        title_ok = norm(story.title) == norm(g.title) if g.title else story.title is None
        scores.headline.add(title_ok)
        if not title_ok:
            scores.misses.append(f"{page}: {g.span} headline {story.title!r}, annotated {g.title!r}")
        date_ok = story.date == g.date if g.date else (story.date is None or story.date_inferred)
        scores.date.add(date_ok)
        if not date_ok:
            scores.misses.append(f"{page}: {g.span} date {story.date!r}"
                                 f"{' (inferred)' if story.date_inferred else ''}, annotated {g.date!r}")
        scores.kind.add(story.kind == g.kind)
        if story.kind != g.kind:
            scores.misses.append(f"{page}: {g.span} kind {story.kind}, annotated {g.kind}")
        listed = {squash(n) for n in [g.park or "", *g.parks, *g.mentioned] if n}
        for name in _named(story):
            ok = name in listed
            scores.park_precision.add(ok)
            if not ok:
                scores.invented += 1
                scores.misses.append(f"{page}: {g.span} names park {name!r}, not annotated")
        about = _about(story)
        for name in dict.fromkeys(squash(n) for n in [g.park, *g.parks] if n):
            scores.park_recall.add(name in about)
            if name not in about:
                scores.misses.append(f"{page}: {g.span} park {name!r} not found")
    page_parks = {squash(n) for g in gold.stories for n in [g.park or "", *g.parks, *g.mentioned] if n}
    for i, story in enumerate(stories):
        if i in used:
            continue
        scores.stories_extra += 1
        scores.misses.append(f"{page}: extra story {story.span} {story.kind} {story.title!r}")
        for name in _named(story):  # an extra story's parks still reach readers
            ok = name in page_parks
            scores.park_precision.add(ok)
            if not ok:
                scores.invented += 1
                scores.misses.append(f"{page}: extra story {story.span} names park {name!r}, not annotated")
    _score_lines(gold, result, scores, norm)
    _score_facts(gold, result, scores, norm)
    _score_checks(gold, result, scores, norm)


def _covered(line: str, text: str) -> bool:
    """Does `text` hold the line, or most of it (a line whose markup was stripped, or that was
    run into a paragraph)? Short lines must stand whole."""
    if not line:
        return False
    if line in text:
        return True
    if len(line) < _SHORT:
        return False
    match = SequenceMatcher(None, line, text, autojunk=False).find_longest_match(0, len(line), 0, len(text))
    return match.size >= _MOST * len(line)


def _score_lines(gold: GoldPage, result: PageResult, scores: Scores, norm) -> None:
    # Body, captions and bylines anywhere count; a title counts only for lines of its own story
    # and only when it holds the whole line (a 标题导航 list repeats the headlines above the
    # stories it names; a table row may start with the title).
    text = "\n".join(norm(t) for s in result.stories for t in _story_texts(s)[1:])
    titles = [(s.span, norm(s.title)) for s in result.stories if s.title]
    lines = result.seed.lines
    cut: dict[int, list[str]] = {}  # markup cut out of a line that is otherwise story text
    for piece in result.discarded:
        if piece.span[0] == piece.span[1]:
            cut.setdefault(piece.span[0], []).append(piece.text)
    whole = {n for piece in result.discarded for n in range(piece.span[0], piece.span[1] + 1)
             if norm(lines[n - 1]) and norm(lines[n - 1]) in norm(piece.text)}
    furniture = set(gold.furniture)
    for number in gold.furniture:
        scores.furniture_total += 1
        line = norm(lines[number - 1])
        if number in whole:  # discarded whole; the pipeline never copies a line
            continue
        if _covered(line, text) or any(a <= number <= b and line in title for (a, b), title in titles):
            scores.furniture_reached += 1
            scores.misses.append(f"{gold.name}: furniture line {number} reaches a story: {lines[number - 1].strip()[:40]!r}")
    everything = text + "\n" + "\n".join(title for _, title in titles)
    for g in gold.stories:
        for number in range(g.first, g.last + 1):
            line = norm(lines[number - 1])
            for piece in cut.get(number, []):
                line = _cut(line, piece, norm)
            if not line or number in furniture:
                continue
            scores.story_lines += 1
            if not _covered(line, everything):
                scores.story_lines_lost += 1
                scores.misses.append(f"{gold.name}: story line {number} reaches no story: {lines[number - 1].strip()[:40]!r}")


def _cut(line: str, piece: str, norm) -> str:
    """The line without a piece of markup the parser cut out of it; pinyin annotations are
    reported as their syllables, each cut from its brackets after a character."""
    whole = norm(piece)
    if whole in line:
        return line.replace(whole, "", 1) if whole != line else line
    for syllable in piece.split():
        line = re.sub(r"[（(]%s[）)]" % re.escape(norm(syllable)), "", line, count=1)
    return line


def _fact_lines(story: Story, block: Any, seed_lines: list[str]) -> tuple[int, ...]:
    if block == "title":  # a story keeps its title's text, not its line: find it in the span
        title = squash(story.title)
        span = range(story.span[0], story.span[1] + 1)
        found = tuple(n for n in span if title and title in squash(seed_lines[n - 1]))[:1]
        if found or not title:
            return found
        # a headline set on two lines: the lines that are pieces of it
        pieces = tuple(n for n in span if len(squash(seed_lines[n - 1])) >= 2 and squash(seed_lines[n - 1]) in title)
        if pieces:
            return pieces
        # a title cleaned of what its line carries (pinyin glosses, Traditional script): the line
        # that shares most of its characters
        best = max(span, key=lambda n: len(set(title) & set(squash(seed_lines[n - 1]))))
        return (best,) if set(title) & set(squash(seed_lines[best - 1])) else ()
    item = story.body[block] if isinstance(block, int) and block < len(story.body) else None
    return (item.parts or tuple(range(item.span[0], item.span[1] + 1))) if item else ()


def _score_facts(gold: GoldPage, result: PageResult, scores: Scores, norm) -> None:
    parsed = [(fact, _fact_lines(story, fact.block, result.seed.lines)) for story in result.stories for fact in story.facts]
    taken: set[int] = set()
    for g in gold.facts:
        surface = norm(g.surface)
        hit = next((i for i, (fact, lines) in enumerate(parsed) if i not in taken and g.line in lines
                    and (surface in norm(fact.surface) or norm(fact.surface) in surface)), None)
        scores.fact_recall.add(hit is not None)
        if hit is None:
            scores.misses.append(f"{gold.name}: figure {g.surface!r} on line {g.line} not found")
            continue
        taken.add(hit)
        fact = parsed[hit][0]
        if g.has_park:
            ok = squash(fact.park) == squash(g.park)
            scores.fact_park.add(ok)
            if any(len(set(story.parks)) >= 2 and story.span[0] <= g.line <= story.span[1] for story in gold.stories):
                scores.fact_park_roundups.add(ok)
            if not ok:
                scores.misses.append(f"{gold.name}: figure {g.surface!r} on line {g.line} filed under {fact.park!r}, annotated {g.park!r}")
    for i, (fact, lines) in enumerate(parsed):
        scores.fact_precision.add(i in taken)
        if i not in taken:
            scores.misses.append(f"{gold.name}: figure {fact.surface!r} (lines {lines[:1]}…) not annotated")


def _score_checks(gold: GoldPage, result: PageResult, scores: Scores, norm) -> None:
    flagged = [check for story in result.stories for check in getattr(story, "checks", [])]
    taken: set[int] = set()
    for g in gold.checks:
        hit = next((i for i, c in enumerate(flagged) if i not in taken and c.kind == g.kind and c.line == g.line
                    and (norm(g.text) in norm(c.text) or norm(c.text) in norm(g.text))), None)
        scores.check_recall.add(hit is not None)
        if hit is None:
            scores.misses.append(f"{gold.name}: doubtful figure {g.text!r} ({g.kind}) on line {g.line} not flagged")
        else:
            taken.add(hit)
    for i, check in enumerate(flagged):
        scores.check_precision.add(i in taken)
        if i not in taken:
            scores.misses.append(f"{gold.name}: figure {check.text!r} on line {check.line} flagged {check.kind}, not annotated")


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.gold.yml"))


def evaluate(folder: Path) -> Scores:
    scores = Scores()
    for path in gold_files(folder):
        gold = load_gold(path)
        try:
            result = process_file(gold.text_path)
        except SeedError as exc:
            scores.misses.append(f"{gold.name}: page refused: {exc}")
            result = None
        if result is None:
            scores.pages += 1
            scores.stories_gold += len(gold.stories)
            continue
        score_page(gold, result, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="+", help="folders of NAME.txt + NAME.gold.yml")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what went wrong, page by page")
    args = parser.parse_args(argv)
    for folder in args.folders:
        try:
            scores = evaluate(folder)
        except GoldError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if len(args.folders) > 1:
            print(f"== {folder}")
        for line in scores.lines():
            print(line)
        if args.verbose:
            for miss in scores.misses:
                print("  -", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
