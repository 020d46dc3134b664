"""`python -m park_digest translate`: fill the English translation memory by machine.

The package CLI calls main_translate(argv, units_provider) where units_provider() returns the
current units per seed file (from the pipeline); everything else is decided here.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from . import ENGINES, TranslateSettings, TranslateSettingsError
from .engines import UnusableEngineError, make_engine
from .glossary import DEFAULT_PATH, GlossaryError, load_glossary, with_house_names, with_parks
from .store import MemoryLockedError, memory_lock
from .sync import sync_memory
from .run import RunReport, translate_missing
from .units import Unit


API_KEY_ENV = "PARK_DIGEST_ENGINE_API_KEY"  # keeps keys off the command line and shell history
EXIT_OK, EXIT_UNITS_FAILED, EXIT_USAGE = 0, 1, 2

UnitsProvider = Callable[[], dict[str, list[Unit]]]


def build_parser() -> argparse.ArgumentParser:
    defaults = TranslateSettings()
    parser = argparse.ArgumentParser(
        prog="python -m park_digest translate",
        description="Fill missing English entries of translations/<lang>/*.po by machine "
                    "translation (fuzzy, marked with the engine). Reviewed entries are never "
                    "changed. Safe to interrupt and re-run.")
    parser.add_argument("--engine", choices=ENGINES, default=defaults.engine)
    parser.add_argument("--url", help="LibreTranslate server, e.g. http://127.0.0.1:5000/")
    parser.add_argument("--api-key", default=os.environ.get(API_KEY_ENV),
                        help="LibreTranslate API key (default: $%s)" % API_KEY_ENV)
    parser.add_argument("--lang", default=defaults.target, help="target language (default: en)")
    parser.add_argument("--timeout", type=float, default=defaults.timeout,
                        help="seconds per request (default: %(default)s)")
    parser.add_argument("--retries", type=int, default=defaults.retries,
                        help="retries after a failed try (default: %(default)s)")
    parser.add_argument("--backoff", type=float, default=defaults.backoff,
                        help="first wait before a retry, doubled each time (default: %(default)s)")
    parser.add_argument("--max-failures", type=int, default=defaults.max_consecutive_failures,
                        help="stop after this many failed units in a row (default: %(default)s)")
    parser.add_argument("--glossary", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="repository root holding translations/ (default: current directory)")
    parser.add_argument("--sync-only", action="store_true",
                        help="only add new units and mark outdated ones; no network")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main_translate(argv: Optional[Sequence[str]], units_provider: UnitsProvider,
                   parks: Iterable = (), api_key: Optional[str] = None) -> int:
    """Run the command; `parks` (model.Park, from the gazetteer) join the glossary; `api_key`
    (PARK_DIGEST_ENGINE_API_KEY from the site settings) is used when no --api-key is given."""
    args = build_parser().parse_args(argv)
    try:
        settings = TranslateSettings(
            engine=args.engine, url=args.url, api_key=args.api_key or api_key or None, target=args.lang,
            timeout=args.timeout, retries=args.retries, backoff=args.backoff,
            max_consecutive_failures=args.max_failures)
        glossary = with_parks(load_glossary(args.glossary), parks)
    except (TranslateSettingsError, GlossaryError) as exc:
        print("translate: %s" % exc, file=sys.stderr)
        return EXIT_USAGE

    engine = None
    if not args.sync_only:  # an engine that cannot be reached fails before any seed is read
        try:
            engine = make_engine(settings)
            engine.check_reachable()
        except (TranslateSettingsError, UnusableEngineError) as exc:
            if engine is not None:
                engine.close()
            print("translate: %s%s" % ("stopped: " if engine else "", exc), file=sys.stderr)
            return EXIT_USAGE
    units_by_file = units_provider()
    glossary = with_house_names(glossary, (u for units in units_by_file.values() for u in units))
    try:
        if args.sync_only:
            with memory_lock(args.root):
                sync = sync_memory(args.root, args.lang, units_by_file)
            print("translate: synced %d PO files: %d new units, %d outdated, %d obsolete"
                  % (len(sync.files), sync.total("added"), sync.total("outdated"),
                     sync.total("obsoleted")))
            for broken in sync.broken:
                print("translate: not read, left untouched until mended: %s" % broken,
                      file=sys.stderr)
            return EXIT_UNITS_FAILED if sync.broken else EXIT_OK
        try:
            report = translate_missing(args.root, args.lang, units_by_file, engine, glossary,
                                       progress=not args.no_progress,
                                       max_consecutive_failures=settings.max_consecutive_failures)
        finally:
            engine.close()
    except (MemoryLockedError, TranslateSettingsError) as exc:
        print("translate: %s" % exc, file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # e.g. polib's "Syntax error in po file <path> (line n)"
        print("translate: %s" % exc, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("translate: interrupted; finished units are saved, run again to continue",
              file=sys.stderr)
        return 130
    if report.unusable:
        print("translate: stopped: %s" % report.aborted, file=sys.stderr)
        return EXIT_USAGE
    print(summary(report, settings.engine))
    return EXIT_OK if report.ok else EXIT_UNITS_FAILED


def summary(report: RunReport, engine: str) -> str:
    again = " (%d again: their Chinese had changed)" % report.retranslated if report.retranslated else ""
    lines = ["translate: %d translated by %s%s, %d reused from the memory, %d failed, "
             "%d still missing" % (report.translated, engine, again, report.reused,
                                   len(report.failed), report.remaining)]
    lines += ["  failed %s: %s" % (f.ref, f.error) for f in report.failed]
    lines += ["  not read, left untouched until mended: %s" % b for b in report.sync.broken]
    lines += ["  check %s" % w for w in report.warnings]
    if report.flagged:
        lines.append("  %d machine entries failed QA and are marked `#. qa: <checks>`; "
                     "`make qa` shows why" % report.flagged)
    if report.aborted:
        lines.append("  %s; run again later to continue" % report.aborted)
    return "\n".join(lines)
