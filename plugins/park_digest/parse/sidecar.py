"""An editor's corrections to a page: `seeds/<name>.yml` beside `seeds/<name>.txt`.

    date: 2024-08-16            # the page's date: 2024-08-16, 2024-08 or 2024
    source:                     # or a plain string: 中国高新技术产业导报
      publication: 中国高新技术产业导报
      date: 2026-01-12
      edition: 海外版
      page: 9
      url: https://example.com/paper/2026-01-12/9.html
      medium: print             # print | web: the kind of page, where the parser's judgement is wrong
    split_at: [25]              # a new story starts at line 25
    merge_at: [40]              # the story that holds line 40 joins the one before it
    stories:                    # numbered 1, 2, … in page order, after split_at and merge_at
      2: {title: 宝鸡高新区16个项目开工, kind: brief, park: 宝鸡高新区, authors: [张三], date: 2024-08}

Every problem names the file, the line and what is wrong, with a suggestion for a near miss.
A problem never costs the page: the bad part is left out, the rest of the sidecar applies, and
the page is published (STRICT=1 fails the build instead).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Optional

import yaml

from ..model import STORY_KINDS, Provenance
from .dates import MAX_YEAR, MIN_YEAR, PartialDate, parse_date
from .medium import PRINT, WEB
from .clean import clean_text, clean_value, printable
from .read import read_sidecar_bytes

MAX_SIDECAR_BYTES = 1_000_000  # a sidecar is a few lines; more is a mistake
_MAX_DEPTH = 8  # the schema nests four levels deep
_PAGE_KEYS = ("date", "source", "split_at", "merge_at", "stories")
_SOURCE_KEYS = ("publication", "date", "edition", "page", "url", "medium")
_MEDIA = (PRINT, WEB)
_STORY_KEYS = ("title", "kind", "park", "authors", "date")
_DATE_FORMS = "write it as 2024-08-16, 2024-08 or 2024"


@dataclass(frozen=True)
class Problem:
    line: Optional[int]
    reason: str


@dataclass(frozen=True)
class Sidecar:
    """The valid part of a sidecar, and what was wrong with the rest."""
    name: str = ""
    date: Optional[PartialDate] = None
    date_line: int = 0
    source: Optional[Provenance] = None
    split_at: tuple[tuple[int, int], ...] = ()  # (seed line, sidecar line)
    merge_at: tuple[tuple[int, int], ...] = ()
    overrides: tuple[tuple[int, int, tuple[tuple[str, Any], ...]], ...] = ()  # (story, sidecar line, fields)
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()  # what cleaning changed, "file: line n: …"

    def for_story(self, number: int) -> dict[str, Any]:
        return dict(next((fields for n, _, fields in self.overrides if n == number), ()))

    def message(self, problem: Problem) -> str:
        name = printable(self.name)
        return f"{name}: line {problem.line}: {problem.reason}" if problem.line else f"{name}: {problem.reason}"


def read_sidecar(path: Path) -> Sidecar:
    """The sidecar beside a seed (an empty one when there is none). Never raises for what it
    says; a file that may not be read at all (a link out of the seeds folder, a pipe) is a
    SeedError, as for the seed (read.read_sidecar_bytes)."""
    raw = read_sidecar_bytes(path)
    return Sidecar(path.name) if raw is None else parse_sidecar(raw, path)


def parse_sidecar(raw: bytes, path: Path) -> Sidecar:
    """Check a sidecar's bytes (the conversion cache has them already)."""
    name = path.name
    if len(raw) > MAX_SIDECAR_BYTES:
        return _broken(name, None, f"{len(raw):,} bytes is too large for a sidecar")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _broken(name, None, f"sidecar is not UTF-8 ({exc.reason} at byte {exc.start})")
    text, issues = clean_text(text)  # raw controls and bidi characters, by line
    warnings = tuple(f"{printable(name)}: {issue}" for issue in issues)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        return _broken(name, None, "malformed sidecar YAML: nested too deeply")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return _broken(name, mark.line + 1 if mark else None, f"malformed sidecar YAML: {problem}")
    if node is None:
        return Sidecar(name, warnings=warnings)
    reader = _Reader(name)
    try:
        sidecar = reader.page(node)
    except _Refused as exc:
        sidecar = _broken(name, exc.line, exc.reason)
    return replace(sidecar, warnings=warnings + tuple(reader.warnings))


def _broken(name: str, line: Optional[int], reason: str) -> Sidecar:
    return Sidecar(name, problems=(Problem(line, reason),))


class _Refused(Exception):
    """The whole sidecar is unusable (not a mapping, nested too deep, aliases)."""

    def __init__(self, line: Optional[int], reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


class _Reader:
    """Walks the YAML nodes, keeping the line of every value for its messages."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.constructor = yaml.SafeLoader("")  # builds scalars the way safe_load does
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, reason: str) -> None:
        self.problems.append(Problem(node.start_mark.line + 1, reason))

    def check_tree(self, node: yaml.Node, depth: int = 0, line: int = 0) -> None:
        """Refuse what no sidecar needs and what could blow up: deep nesting, aliases (a repeated
        node; `line` is where it is used, its own mark being the anchor's)."""
        if depth > _MAX_DEPTH:
            raise _Refused(node.start_mark.line + 1, "sidecar nested too deeply: the fields go four levels deep at most")
        if id(node) in self.seen:
            raise _Refused(line or node.start_mark.line + 1, "YAML aliases (*name) are not allowed in a sidecar")
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                self.check_tree(child, depth + 1, line)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self.check_tree(key, depth + 1)
                self.check_tree(value, depth + 1, key.start_mark.line + 1)

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return node  # a list or mapping, for the caller to complain about
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # 2026-13-45 would not construct; parse_date reports it
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as exc:
            return f"{node.value} ({exc})"

    def mapping(self, node: yaml.Node, where: str, allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where} must be a mapping of {', '.join(allowed)}")
            return {}
        fields = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str) or key not in allowed:
                self.problem(key_node, f"unknown key {_prefix(where)}{key!s}; {_hint(str(key), where, allowed)}")
                continue
            fields[key] = (key_node, value_node)
        return fields

    def page(self, node: yaml.Node) -> Sidecar:
        if not isinstance(node, yaml.MappingNode):
            raise _Refused(node.start_mark.line + 1,
                           f"sidecar must be a mapping of {', '.join(_PAGE_KEYS)}, not {_kind(node)}")
        self.check_tree(node)
        fields = self.mapping(node, "", _PAGE_KEYS)
        when, date_line = None, 0
        if "date" in fields:
            when = self.date(fields["date"][1], "date")
            date_line = fields["date"][1].start_mark.line + 1
        source = self.source(fields["source"][1]) if "source" in fields else None
        splits = self.lines(fields["split_at"][1], "split_at") if "split_at" in fields else ()
        merges = self.lines(fields["merge_at"][1], "merge_at") if "merge_at" in fields else ()
        overrides = self.stories(fields["stories"][1]) if "stories" in fields else ()
        return Sidecar(self.name, when, date_line, source, splits, merges, overrides, tuple(self.problems))

    def date(self, node: yaml.Node, where: str) -> Optional[PartialDate]:
        value = self.scalar(node)
        when = parse_date(value)
        if when is None:
            shown = value if isinstance(value, (str, int)) else _kind(value)
            first = parse_date(str(value)[:4]) if isinstance(value, (str, int)) else None
            reason = (f"{where}: {shown} is out of range ({MIN_YEAR}–{MAX_YEAR})"
                      if isinstance(value, (str, int)) and str(value)[:4].isdigit() and first is None
                      else f"{where}: {shown!r} is not a date; {_DATE_FORMS}")
            self.problem(node, reason)
        return when

    def text(self, node: yaml.Node, where: str, limit: int = 200) -> Optional[str]:
        value = self.scalar(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(node, f"{where} must be text, not {_kind(value)}")
            return None
        if len(value) > limit:
            self.problem(node, f"{where} is {len(value)} characters long; at most {limit}")
            return None
        value, changes = clean_value(value, where)  # YAML escapes ("\e", "\u202e") give them too
        self.warnings += [f"{printable(self.name)}: {change}" for change in changes]
        return value.strip()

    def source(self, node: yaml.Node) -> Optional[Provenance]:
        if isinstance(node, yaml.ScalarNode):
            name = self.text(node, "source")
            return Provenance(publication=name) if name else None
        fields = self.mapping(node, "source", _SOURCE_KEYS)
        values = {}
        for key, (_, value_node) in fields.items():
            if key == "date":
                when = self.date(value_node, "source.date")
                if when:
                    values["date"] = when.iso()
                continue
            value = self.text(value_node, f"source.{key}", 2000 if key == "url" else 200)
            if value and key == "url" and not value.startswith(("http://", "https://")):
                self.problem(value_node, f"source.url must start with http:// or https://, not {value[:40]!r}")
                continue
            if value and key == "medium" and value not in _MEDIA:
                self.problem(value_node, f"source.medium is print (a printed newspaper page) or web, not {value[:40]!r}")
                continue
            if value:
                values[key] = value
        return Provenance(**values) if values else None

    def lines(self, node: yaml.Node, where: str) -> tuple[tuple[int, int], ...]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        found = []
        for item in items:
            value = self.scalar(item)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
                found.append((value, item.start_mark.line + 1))
            else:
                self.problem(item, f"{where}: {value!r} is not a line number (1, 2, …)")
        return tuple(found)

    def stories(self, node: yaml.Node) -> tuple[tuple[int, int, tuple[tuple[str, Any], ...]], ...]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "stories must map story numbers (1, 2, …) to their fields")
            return ()
        found = []
        for key_node, value_node in node.value:
            number = self.scalar(key_node)
            if not isinstance(number, int) or isinstance(number, bool) or number < 1:
                self.problem(key_node, f"stories: {number!r} is not a story number (1, 2, …)")
                continue
            fields = self.story(value_node, f"stories.{number}")
            if fields:
                found.append((number, key_node.start_mark.line + 1, tuple(sorted(fields.items()))))
        return tuple(found)

    def story(self, node: yaml.Node, where: str) -> dict[str, Any]:
        fields = {}
        for key, (_, value_node) in self.mapping(node, where, _STORY_KEYS).items():
            if key == "date":
                value = self.date(value_node, f"{where}.date")
                value = value.iso() if value else None
            elif key == "kind":
                value = self.scalar(value_node)
                if value not in STORY_KINDS:
                    near = difflib.get_close_matches(str(value), STORY_KINDS, n=1, cutoff=0.6)
                    hint = f"did you mean {near[0]!r}?" if near else f"one of {', '.join(STORY_KINDS)}"
                    self.problem(value_node, f"{where}.kind: {value!r} is not a kind; {hint}")
                    value = None
            elif key == "authors":
                value = self.authors(value_node, f"{where}.authors")
            else:
                value = self.text(value_node, f"{where}.{key}")
            if value is not None:
                fields[key] = value
        return fields

    def authors(self, node: yaml.Node, where: str) -> Optional[tuple[str, ...]]:
        if isinstance(node, yaml.SequenceNode):
            names = [self.text(item, where, 40) for item in node.value]
            return None if None in names else tuple(names)
        value = self.text(node, where)
        if value is None:
            return None
        return tuple(part for part in value.replace("，", "、").replace(",", "、").split("、") if part.strip())


def _hint(key: str, where: str, allowed: tuple[str, ...]) -> str:
    near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if near:
        return f"did you mean {near[0]!r}?"
    story_field = difflib.get_close_matches(key, _STORY_KEYS, n=1, cutoff=0.6) if not where else []
    if story_field:
        return f"{story_field[0]!r} is a story's field: put it under stories: {{1: {{{story_field[0]}: …}}}}"
    near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    return f"did you mean {near[0]!r}?" if near else f"known keys: {', '.join(allowed)}"


def _prefix(where: str) -> str:
    return f"{where}." if where else ""


def _kind(value: Any) -> str:
    if isinstance(value, yaml.Node):
        return {"MappingNode": "a mapping", "SequenceNode": "a list"}.get(type(value).__name__, "a value")
    return {list: "a list", dict: "a mapping", bool: "true/false", type(None): "empty"}.get(type(value), type(value).__name__)
