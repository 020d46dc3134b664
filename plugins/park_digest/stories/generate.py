"""Seeds directory → Markdown stories in the content directory, one file per story per language.

Files are written only when their bytes change (atomically, so a build running beside this one
never reads half a file) and stale ones are removed, so Pelican's own cache stays warm.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..build.cache import cache_for, convert_cached
from ..build.files import digest_files, write_if_changed
from ..parse.summary import summarize_page
from ..model import PageResult
from ..parse.clean import printable
from ..parse.read import SeedError
from .markdown import render_story
from ..site.staging import StagedStory, Staging, stage_page
from ..settings import SOURCE_LANG, ConfigurationError, Settings
from ..languages.translate.glossary import load_glossary
from ..languages.translate.memory import language_dir, load_memory, with_outdated
from ..languages.translate.units import story_units
from ..languages.traditional import Hant, proper_names
from ..languages.variants import Lookup, localize_en, localize_hant, localize_source
from ..parse.parks import load_gazetteer

logger = logging.getLogger(__name__)
_SEEDS_PER_WORKER = 24  # below this, starting a worker process costs more than it saves
_BATCHES_PER_WORKER = 12  # a worker done early takes the next batch; the last one is short


class StrictModeError(RuntimeError):
    """PARK_DIGEST_STRICT is on and a seed was rejected or a sidecar has errors."""


@dataclass
class GenerationReport:
    # The seeds' results; a parallel conversion leaves them in its workers (the build needs only
    # what they wrote: sending them back cost a pickle of 11 MB at 300 pages).
    pages: list[PageResult] = field(default_factory=list)
    seeds: list[str] = field(default_factory=list)  # the seeds converted, by file name
    stories: int = 0  # the stories they gave
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, sidecar error): published without it
    keys: list[str] = field(default_factory=list)  # conversion cache keys, one per page
    cached: int = 0  # pages taken from the conversion cache
    rendered_cached: int = 0  # pages whose Markdown came from the cache
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    staged: dict[str, str] = field(default_factory=dict)  # search pages staged: path → digest
    staged_stories: list[StagedStory] = field(default_factory=list)  # and their stories


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


def process_seeds(settings: Settings, process: Callable[[Path], PageResult] | None = None,
                  paths: Optional[list[Path]] = None) -> GenerationReport:
    """Run the pipeline over every seed, through the conversion cache unless `process` is given;
    a bad seed is reported and skipped."""
    report = GenerationReport()
    if process is None:
        cache = cache_for(settings)
        cache.prune_old_versions()

        def process(path: Path) -> PageResult:
            result, key, hit = convert_cached(path, cache)
            report.keys.append(key)
            report.cached += hit
            if not hit:  # a new or changed page: say what was made of it
                logger.info("park_digest: %s", summarize_page(result))
            return result
    for path in seed_files(settings.seeds_dir) if paths is None else paths:
        try:
            page = process(path)
        except SeedError as exc:
            reason = str(exc) if exc.file == path.name else f"{printable(path.name)}: {exc}"  # its sidecar's fault
            logger.warning("park_digest: rejected seed in %s: %s", path.parent, reason)
            report.rejected.append((path.name, reason))
        except Exception as exc:  # a parser bug on one page must not take the whole site down
            logger.error("park_digest: rejected seed %s: internal error, please report it: %s: %s",
                         printable(str(path)), type(exc).__name__, exc, exc_info=True)
            report.rejected.append((path.name, f"{printable(path.name)}: internal error ({type(exc).__name__}: {exc})"))
        else:
            for message in page.errors:
                logger.warning("park_digest: %s: %s: %s (the page is published without it)",
                               path.parent, printable(path.name), message)
                report.problems.append((path.name, f"{printable(path.name)}: {message}"))
            for warning in page.warnings:  # logged on every build, cached or not, until mended
                logger.warning("park_digest: seed in %s: %s", path.parent, warning)
            report.pages.append(page)
            report.seeds.append(page.seed.file)
            report.stories += len(page.stories)
    return report


def render_files(pages: list[PageResult], settings: Settings, lookup: Lookup,
                 hant: Optional[Hant] = None) -> dict[Path, str]:
    """Relative path → Markdown for every story in every configured language."""
    files: dict[Path, str] = {}
    hant = hant or hant_converter(settings)
    for page in pages:
        if "en" in settings.languages:  # a paragraph edited since it was translated: outdated
            units = [unit for story in page.stories for unit in story_units(story)]
            page_lookup = with_outdated(lookup, settings.site_root, "en", page.seed.file, units)
        for story in page.stories:
            locals_ = {}
            for lang in settings.languages:
                if lang == SOURCE_LANG:
                    locals_[lang] = localize_source(story)
                elif lang == "zh-Hant":
                    locals_[lang] = localize_hant(story, page.seed, hant)
                else:
                    locals_[lang] = localize_en(story, page_lookup)
            for lang, local in locals_.items():
                # bilingual reading: English beside either Chinese, either Chinese beside English
                pairs = [other for other_lang, other in locals_.items()
                         if other_lang != lang and "en" in (lang, other_lang)]
                files[Path(lang) / f"{story.id}.md"] = render_story(
                    local, settings.languages, settings.opencc_config, pairs)
    return files


def render_fingerprint(settings: Settings) -> str:
    """What rendering depends on besides the page and the code (which names the cache folder):
    the languages, the OpenCC configuration and the translation memory's files."""
    digest = hashlib.sha256(repr((settings.languages, settings.opencc_config, settings.hant_quotes)).encode())
    directory = language_dir(settings.site_root, "en")
    if directory.is_dir():
        digest_files(digest, directory, directory.glob("*.po"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def render_tables(settings: Settings, fingerprint: str) -> tuple[Lookup, Hant]:
    """The translation memory's lookup and the zh-Hant converter, made once per process for a
    fingerprint (which covers the memory's files): a conversion worker renders many batches."""
    return load_memory(settings.site_root, "en").lookup, hant_converter(settings)


def render_cached(report: GenerationReport, settings: Settings,
                  fingerprint: Optional[str] = None) -> list[tuple[str, dict[Path, str]]]:
    """render_files for every page, through the cache: a warm build renders nothing and never
    parses the translation memory. Each page's files, with the key they are cached under.
    `fingerprint`: render_fingerprint(settings), when the caller has it already."""
    cache, fingerprint = cache_for(settings), fingerprint or render_fingerprint(settings)
    pages: list[tuple[str, dict[Path, str]]] = []
    for page, key in zip(report.pages, report.keys):
        rendered_key = cache.derived_key(key, fingerprint)
        rendered = cache.load(rendered_key, dict)
        if rendered is None:
            lookup, hant = render_tables(settings, fingerprint)
            rendered = render_files([page], settings, lookup, hant)
            cache.store(rendered_key, rendered, settings.seeds_dir / page.seed.file)
        else:
            report.rendered_cached += 1
        pages.append((rendered_key, rendered))
    return pages


def write_stories(files: dict[Path, str], root: Path, report: GenerationReport) -> None:
    for relative, text in sorted(files.items()):
        if write_if_changed(root / relative, text.encode("utf-8")):
            report.written += 1
        else:
            report.unchanged += 1


def remove_stale_stories(root: Path, kept: Iterable[Path], report: GenerationReport) -> None:
    """Delete the generated stories of seeds that are gone or no longer make them."""
    kept = set(kept)
    if root.is_dir():
        for path in sorted(root.glob("*/*.md")):
            # .tmp-* files belong to a build running beside this one; both may drop the same stale file
            if path.relative_to(root) not in kept and not path.name.startswith("."):
                path.unlink(missing_ok=True)
                report.removed += 1


def hant_converter(settings: Settings) -> Hant:
    """The site's zh-Hant conversion: its OpenCC configuration and quotes, the glossary's and
    the gazetteer's names protected from phrase conversion, the word list."""
    return Hant(settings.opencc_config, settings.hant_quotes,
                *proper_names(load_glossary(), load_gazetteer()))


def convert_and_render(settings: Settings, paths: list[Path], write: bool = False,
                       staging: Optional[Staging] = None, keep_pages: bool = True,
                       fingerprint: Optional[str] = None) -> tuple[GenerationReport, list[Path]]:
    """The report and the stories' paths under settings.stories_dir. `write`: also write them
    there, where the worker runs, so that comparing and creating thousands of files is shared
    across the cores too; the texts then never travel back to the parent process. `staging`:
    stage them for the search index as well, for the same reason."""
    report = process_seeds(settings, paths=paths)
    rendered = render_cached(report, settings, fingerprint)
    files = {path: text for _, page_files in rendered for path, text in page_files.items()}
    if write:
        write_stories(files, settings.stories_dir, report)
    if staging is not None:
        cache = cache_for(settings)
        for (key, page_files), page in zip(rendered, report.pages):
            digests, stories = stage_page(page_files.values(), staging, cache, key,
                                          settings.seeds_dir / page.seed.file)
            report.staged.update(digests)
            report.staged_stories += stories
    if not keep_pages:
        report.pages = []
    return report, sorted(files)


def convert_in_parallel(settings: Settings, workers: int = 0, write: bool = False,
                        staging: Optional[Staging] = None) -> tuple[GenerationReport, list[Path]]:
    """convert_and_render over all seeds, split across processes (one per core by default):
    conversion is pure CPU work per seed, and a build is otherwise single-threaded."""
    paths = list(seed_files(settings.seeds_dir))
    workers = workers or min(os.cpu_count() or 1, len(paths) // _SEEDS_PER_WORKER)
    if workers <= 1:
        return convert_and_render(settings, paths, write, staging)
    # Batches, not one share per worker: a worker that is done takes the next, and none waits
    # for another that drew slower seeds.
    size = max(1, len(paths) // (workers * _BATCHES_PER_WORKER))
    batches = [paths[i:i + size] for i in range(0, len(paths), size)]
    fingerprint = render_fingerprint(settings)
    # fork: the workers start with this process's modules imported rather than importing them
    # again. The tables (gazetteer, OpenCC, pypinyin) load in each worker on first use: loaded
    # here first, they would save CPU but not time, the other core idling meanwhile.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = list(pool.map(convert_and_render, [settings] * len(batches), batches,
                              [write] * len(batches), [staging] * len(batches), [False] * len(batches),
                              [fingerprint] * len(batches)))
    report, stories = GenerationReport(), []
    for part, part_stories in parts:
        report.seeds += part.seeds
        report.stories += part.stories
        report.keys += part.keys
        report.rejected += part.rejected
        report.problems += part.problems
        report.cached += part.cached
        report.rendered_cached += part.rendered_cached
        report.written += part.written
        report.unchanged += part.unchanged
        report.staged.update(part.staged)
        report.staged_stories += part.staged_stories
        stories += part_stories
    order = sorted(range(len(report.seeds)), key=lambda i: report.seeds[i])
    report.seeds = [report.seeds[i] for i in order]
    report.keys = [report.keys[i] for i in order]
    report.rejected.sort()
    return report, sorted(stories)


def generate_content(settings: Settings, lookup: Optional[Lookup] = None, workers: int = 0,
                     staging: Optional[Staging] = None) -> GenerationReport:
    """Seeds → Markdown stories; `workers` = 0 picks one process per core for a large corpus.
    `staging`: also stage the stories for the search index (not with a `lookup`)."""
    if lookup is None:
        report, stories = convert_in_parallel(settings, workers, write=True, staging=staging)
    else:
        report = process_seeds(settings)
        files = render_files(report.pages, settings, lookup)
        write_stories(files, settings.stories_dir, report)
        stories = list(files)
    remove_stale_stories(settings.stories_dir, stories, report)
    logger.info("park_digest: %d stories from %d seeds (%d converted and %d rendered from the "
                "cache; %d files written, %d unchanged, %d removed)", report.stories,
                len(report.seeds), report.cached, report.rendered_cached, report.written,
                report.unchanged, report.removed)
    if settings.strict and (report.rejected or report.problems):
        parts = [f"{len(found)} {what}: " + "; ".join(reason for _, reason in found)
                 for found, what in ((report.rejected, "seed(s) rejected"), (report.problems, "sidecar problem(s)"))
                 if found]
        raise StrictModeError("park_digest: STRICT=1 and " + "; and ".join(parts))
    return report
