"""Seeds directory → Markdown stories in the content directory, one file per story per language.

Each seed goes through the cache (build/cache.py): its PageResult, then its rendered Markdown,
are kept under keys of what they depend on. Files are written only when their bytes change, and
stale ones removed, so Pelican's own cache stays warm. A large digest is converted on every core
(concurrent.futures; the workers' log records come back through a queue).
"""
from __future__ import annotations

import logging
import logging.handlers
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..build.cache import Cache, code_version, files_key, key
from ..build.files import write_if_changed
from ..model import PageResult
from ..parse.clean import printable
from ..parse.parks import ParkIndex, load_gazetteer, park_index
from ..parse.pipeline import process_seed
from ..parse.sidecar import Sidecar, parse_sidecar
from ..parse.read import SeedError, decode_seed, read_seed_bytes, read_sidecar_bytes
from ..parse.summary import summarize_page
from .compose import render_story
from ..settings import SOURCE_LANG, ConfigurationError, Settings
from ..languages.translate.glossary import load_glossary
from ..languages.translate.memory import language_dir, load_memory
from ..languages.translate.sync import with_outdated
from ..languages.translate.units import story_units
from ..languages.traditional import Hant, proper_names
from ..languages.variants import Lookup, localize_en, localize_hant, localize_source

logger = logging.getLogger(__name__)
_SEEDS_PER_WORKER = 24  # below this, starting a worker process costs more than it saves
_BATCHES_PER_WORKER = 12  # a worker done early takes the next batch; the last one is short


class StrictModeError(RuntimeError):
    """PARK_DIGEST_STRICT is on and a seed was rejected or a sidecar has errors."""


@dataclass
class GenerationReport:
    pages: list[PageResult] = field(default_factory=list)  # not sent back by parallel workers
    keys: list[str] = field(default_factory=list)  # each page's cache key
    seeds: list[str] = field(default_factory=list)  # the seeds converted, by file name
    stories: int = 0  # the stories they gave
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, sidecar error): published without it
    cached: int = 0  # pages taken from the cache
    rendered_cached: int = 0  # pages whose Markdown came from the cache
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    files: list[Path] = field(default_factory=list)  # the story files, under the stories folder

    def add(self, other: "GenerationReport") -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


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


@lru_cache(maxsize=4)
def park_index_for(cache: Cache) -> ParkIndex:
    """The gazetteer and the administrative places, parsed once per code version and kept in
    the cache (reading it takes about a tenth of parsing it: every conversion worker needs it)."""
    entry = key(cache.version, "park-index")
    index = cache.load(entry, ParkIndex)
    if index is None:
        index = park_index()
        cache.store(entry, index, cache.folder)
    return index


def convert_cached(path: Path, cache: Cache, settings: Settings) -> tuple[PageResult, str, bool]:
    """A seed's PageResult, its cache key, and whether it came from the cache. A bad seed
    raises SeedError and is not cached."""
    data = read_seed_bytes(path, settings.max_seed_bytes)
    sidecar_path = path.with_suffix(".yml")
    sidecar = read_sidecar_bytes(sidecar_path, settings.max_seed_bytes)
    # The one setting that shapes a PageResult; the languages act on it later.
    entry = key(path.name, data, sidecar or b"", f"fact_box_size={settings.fact_box_size}")
    cached = cache.load(entry, PageResult)
    if cached is not None:
        return cached, entry, True
    result = process_seed(decode_seed(data, path.name),
                          Sidecar() if sidecar is None else parse_sidecar(sidecar, sidecar_path),
                          settings.fact_box_size, park_index_for(cache))
    cache.store(entry, result, path)
    logger.info("park_digest: %s", summarize_page(result))  # a new or changed page: what was made of it
    return result, entry, False


def process_seeds(settings: Settings, paths: Optional[list[Path]] = None) -> GenerationReport:
    """Run the pipeline over every seed, through the cache; a bad seed is reported and skipped."""
    report, cache = GenerationReport(), Cache(settings.cache_dir, code_version())
    for path in seed_files(settings.seeds_dir) if paths is None else paths:
        try:
            page, entry, hit = convert_cached(path, cache, settings)
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
            report.keys.append(entry)
            report.seeds.append(page.seed.file)
            report.stories += len(page.stories)
            report.cached += hit
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
    """What rendering depends on besides the page and the code: the languages, the OpenCC
    configuration and the translation memory's files."""
    directory = language_dir(settings.site_root, "en")
    memory = files_key(directory, directory.glob("*.po")) if directory.is_dir() else ""
    return key(repr((settings.languages, settings.opencc_config, settings.hant_quotes)), memory)


@lru_cache(maxsize=1)
def render_tables(settings: Settings, fingerprint: str) -> tuple[Lookup, Hant]:
    """The translation memory's lookup and the zh-Hant converter, made once per process for a
    fingerprint (which covers the memory's files): a worker renders many batches."""
    return load_memory(settings.site_root, "en").lookup, hant_converter(settings)


def hant_converter(settings: Settings) -> Hant:
    """The site's zh-Hant conversion: its OpenCC configuration and quotes, the glossary's and
    the gazetteer's names protected from phrase conversion, the word list."""
    return Hant(settings.opencc_config, settings.hant_quotes, *proper_names(load_glossary(), load_gazetteer()))


def convert_batch(settings: Settings, paths: list[Path], fingerprint: str,
                  keep_pages: bool = True) -> GenerationReport:
    """Convert these seeds, render their Markdown (both through the cache) and write it under
    settings.stories_dir. A warm build renders nothing and never parses the translation memory."""
    report = process_seeds(settings, paths)
    cache = Cache(settings.cache_dir, code_version())
    for page, entry in zip(report.pages, report.keys):
        rendered_key = key(entry, fingerprint)
        rendered = cache.load(rendered_key, dict)
        if rendered is None:
            lookup, hant = render_tables(settings, fingerprint)
            rendered = render_files([page], settings, lookup, hant)
            cache.store(rendered_key, rendered, settings.seeds_dir / page.seed.file)
        else:
            report.rendered_cached += 1
        write_stories(rendered, settings.stories_dir, report)
    if not keep_pages:  # the parent needs only what was written, not an 11 MB pickle at N=300
        report.pages = []
    return report


def write_stories(files: dict[Path, str], root: Path, report: GenerationReport) -> None:
    for relative, text in sorted(files.items()):
        if write_if_changed(root / relative, text.encode("utf-8")):
            report.written += 1
        else:
            report.unchanged += 1
        report.files.append(relative)


def remove_stale_stories(root: Path, kept: Iterable[Path], report: GenerationReport) -> None:
    """Delete the generated stories of seeds that are gone or no longer make them."""
    kept = set(kept)
    if root.is_dir():
        for path in sorted(root.glob("*/*.md")):
            if path.relative_to(root) not in kept:
                path.unlink(missing_ok=True)
                report.removed += 1


def _log_through(queue) -> None:
    """A worker's log records go to the parent, which hands them to its own loggers."""
    logging.getLogger().handlers = [logging.handlers.QueueHandler(queue)]


class _ToLoggers(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)


def convert_in_parallel(settings: Settings, workers: int = 0) -> GenerationReport:
    """convert_batch over all seeds, split across processes (one per core by default):
    conversion is pure CPU work per seed, and a build is otherwise single-threaded."""
    paths, fingerprint = list(seed_files(settings.seeds_dir)), render_fingerprint(settings)
    workers = workers or min(os.cpu_count() or 1, len(paths) // _SEEDS_PER_WORKER)
    if workers <= 1:
        return convert_batch(settings, paths, fingerprint)
    # Batches that idle workers take in turn: none waits for another that drew slower seeds.
    size = max(1, len(paths) // (workers * _BATCHES_PER_WORKER))
    batches = [paths[i:i + size] for i in range(0, len(paths), size)]
    # fork: the workers start with this process's modules imported rather than importing them.
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    listener = logging.handlers.QueueListener(queue, _ToLoggers())
    listener.start()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_log_through,
                                 initargs=(queue,)) as pool:
            parts = list(pool.map(convert_batch, [settings] * len(batches), batches,
                                  [fingerprint] * len(batches), [False] * len(batches)))
    finally:
        listener.stop()
    report = GenerationReport()
    for part in parts:
        report.add(part)
    order = sorted(range(len(report.seeds)), key=lambda i: report.seeds[i])
    report.seeds, report.keys = [report.seeds[i] for i in order], [report.keys[i] for i in order]
    report.rejected.sort()
    report.problems.sort()
    return report


def generate_content(settings: Settings, lookup: Optional[Lookup] = None, workers: int = 0) -> GenerationReport:
    """Seeds → Markdown stories; `workers` = 0 picks one process per core for a large corpus.
    With a `lookup` (tests), English comes from it rather than from the translation memory."""
    Cache(settings.cache_dir, code_version()).prune()
    if lookup is None:
        report = convert_in_parallel(settings, workers)
    else:
        report = process_seeds(settings)
        write_stories(render_files(report.pages, settings, lookup), settings.stories_dir, report)
    remove_stale_stories(settings.stories_dir, report.files, report)
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
