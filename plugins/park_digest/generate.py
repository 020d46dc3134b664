"""Seeds directory → Markdown stories in the content directory, one file per story per language.

Files are written only when their bytes change (atomically, so a build running beside this one
never reads half a file) and stale ones are removed, so Pelican's own cache stays warm.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from .files import replace_file
from .model import PageResult
from .pipeline import process_file
from .read import SeedError
from .render import render_story
from .settings import SOURCE_LANG, ConfigurationError, Settings
from .translate.glossary import load_glossary
from .translate.memory import load_memory
from .variants import Lookup, localize_en, localize_hant, localize_source

logger = logging.getLogger(__name__)


class StrictModeError(RuntimeError):
    """PARK_DIGEST_STRICT is on and a seed was rejected."""


@dataclass
class GenerationReport:
    pages: list[PageResult] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def stories(self) -> int:
        return sum(len(p.stories) for p in self.pages)


def seed_files(seeds_dir: Path) -> Iterator[Path]:
    """The *.txt pages of the seeds directory, in name order (never following directory links).

    Anything named *.txt is listed, even a directory or a dangling link, so that read_seed
    reports it rather than it vanishing silently."""
    if not seeds_dir.is_dir():
        raise ConfigurationError(f"PARK_DIGEST_SEEDS_DIR (SEEDS_DIR): {seeds_dir} is not a directory")
    with os.scandir(seeds_dir) as entries:
        names = sorted(e.name for e in entries if e.name.endswith(".txt") and not e.name.startswith("."))
    for name in names:
        yield seeds_dir / name


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    replace_file(path, data)
    return True


def process_seeds(settings: Settings,
                  process: Callable[[Path], PageResult] | None = None) -> GenerationReport:
    """Run the pipeline over every seed; a bad seed is reported and skipped."""
    report = GenerationReport()
    process = process or (lambda path: process_file(path, settings.fact_box_size, settings.max_seed_bytes))
    for path in seed_files(settings.seeds_dir):
        try:
            report.pages.append(process(path))
        except SeedError as exc:
            reason = str(exc) if exc.file == path.name else f"{path.name}: {exc}"  # its sidecar's fault
            logger.warning("park_digest: rejected seed in %s: %s", path.parent, reason)
            report.rejected.append((path.name, reason))
        except Exception as exc:  # a parser bug on one page must not take the whole site down
            logger.error("park_digest: rejected seed %s: internal error, please report it: %s: %s",
                         path, type(exc).__name__, exc, exc_info=True)
            report.rejected.append((path.name, f"{path.name}: internal error ({type(exc).__name__}: {exc})"))
    return report


def render_files(pages: list[PageResult], settings: Settings, lookup: Lookup,
                 protected: tuple[str, ...] = ()) -> dict[Path, str]:
    """Relative path → Markdown for every story in every configured language."""
    files: dict[Path, str] = {}
    for page in pages:
        for story in page.stories:
            for lang in settings.languages:
                if lang == SOURCE_LANG:
                    local = localize_source(story)
                elif lang == "zh-Hant":
                    local = localize_hant(story, page.seed, settings.opencc_config, protected)
                else:
                    local = localize_en(story, lookup)
                files[Path(lang) / f"{story.id}.md"] = render_story(local, settings.languages, settings.opencc_config)
    return files


def write_stories(files: dict[Path, str], root: Path, report: GenerationReport) -> None:
    for relative, text in sorted(files.items()):
        if write_if_changed(root / relative, text):
            report.written += 1
        else:
            report.unchanged += 1
    if root.is_dir():
        for path in sorted(root.glob("*/*.md")):
            # .tmp-* files belong to a build running beside this one; both may drop the same stale file
            if path.relative_to(root) not in files and not path.name.startswith("."):
                path.unlink(missing_ok=True)
                report.removed += 1


def protected_names() -> tuple[str, ...]:
    """Glossary names, kept from OpenCC's phrase conversion (converted character by character)."""
    return tuple(zh for entry in load_glossary().entries for zh in (entry.zh, *entry.aliases))


def generate_content(settings: Settings, lookup: Optional[Lookup] = None) -> GenerationReport:
    report = process_seeds(settings)
    if lookup is None:
        lookup = load_memory(settings.site_root, "en").lookup
    files = render_files(report.pages, settings, lookup, protected_names())
    write_stories(files, settings.stories_dir, report)
    logger.info("park_digest: %d stories from %d seeds (%d written, %d unchanged, %d removed)",
                report.stories, len(report.pages), report.written, report.unchanged, report.removed)
    if report.rejected and settings.strict:
        raise StrictModeError(f"park_digest: STRICT=1 and {len(report.rejected)} seed(s) rejected: " +
                              "; ".join(reason for _, reason in report.rejected))
    return report
