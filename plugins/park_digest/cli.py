"""Command line: `python -m park_digest extract FILE|FOLDER…` (and the other maintenance commands)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .export import page_json
from .parse.pipeline import process_file
from .parse.read import SeedError
from .settings import ConfigurationError

logger = logging.getLogger(__name__)


def extract_paths(names: list[str]) -> list[Path]:
    """The files named, and the seed pages (*.txt) of every folder named, in name order."""
    from .stories.generate import seed_files
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        paths += list(seed_files(path)) if path.is_dir() else [path]
    return paths


def cmd_extract(args: argparse.Namespace) -> int:
    seeds, failed = [], 0
    for name in extract_paths(args.files):
        try:
            seeds.append(page_json(process_file(Path(name))))
        except (SeedError, OSError) as exc:
            print(f"park_digest: {exc}", file=sys.stderr)
            failed += 1
    json.dump({"seeds": seeds}, sys.stdout, ensure_ascii=False, indent=1 if args.pretty else None)
    sys.stdout.write("\n")
    return 1 if failed else 0


def seed_units(settings) -> dict:
    """Translation units of every readable seed, by seed file name, read with the site's own
    settings (seed size limit, fact box, cache) so they are the units the build publishes."""
    from .stories.generate import process_seeds
    from .languages.translate.units import story_units

    report = process_seeds(settings)
    return {page.seed.file: [u for story in page.stories
                             for u in story_units(story)] for page in report.pages}


def cmd_translate(args: argparse.Namespace, rest: list[str]) -> int:
    """Defaults come from the site settings (PARK_DIGEST_ENGINE …); flags override them."""
    from pelican.settings import read_settings

    from .parse.parks import load_gazetteer
    from .settings import load_settings
    from .languages.translate.cli import main_translate

    settings = load_settings(read_settings(str(args.settings)))
    defaults = ["--engine", settings.engine, "--timeout", str(settings.engine_timeout),
                "--retries", str(settings.engine_retries), "--backoff", str(settings.engine_backoff),
                "--root", str(settings.site_root)]
    if settings.engine_url:
        defaults += ["--url", settings.engine_url]
    return main_translate(defaults + rest, lambda: seed_units(settings), load_gazetteer(),
                          api_key=settings.engine_api_key)


def cmd_review(args: argparse.Namespace, rest: list[str]) -> int:
    from pelican.settings import read_settings

    from .settings import load_settings
    from .languages.translate.review import main_review

    settings = load_settings(read_settings(str(args.settings)))
    return main_review(rest, lambda: seed_units(settings), settings.site_root)


def cmd_qa(args: argparse.Namespace, rest: list[str]) -> int:
    from .parse.parks import load_gazetteer
    from .languages.translate.qa_report import main_qa

    return main_qa(rest, load_gazetteer())


def cmd_hant_check(args: argparse.Namespace) -> int:
    """The zh-Hant text of every story against MediaWiki's conversion: 1 when a disagreement
    is unresolved, 2 on a malformed word list or accepted-differences file."""
    from pelican.settings import read_settings

    from .languages.crosscheck import DifferencesError, check_units, format_crosscheck, story_units
    from .languages.traditional import WordListError
    from .settings import load_settings
    from .stories.generate import hant_converter, process_seeds

    settings = load_settings(read_settings(str(args.settings)))
    try:
        hant = hant_converter(settings)
        result = check_units(story_units(process_seeds(settings).pages, hant), hant)
    except (DifferencesError, WordListError) as exc:
        print(f"hant-check: {exc}", file=sys.stderr)
        return 2
    print(format_crosscheck(result, verbose=not args.brief))
    return 1 if result.unresolved else 0


def cmd_watch(args: argparse.Namespace) -> int:
    from pelican.settings import read_settings

    from .settings import load_settings
    from .build.watch import watch_inputs

    settings = load_settings(read_settings(str(args.settings), override={"PATH": str(args.content.resolve())}))
    try:
        watch_inputs([settings.seeds_dir, settings.site_root / "translations"], settings.stories_dir)
    except KeyboardInterrupt:
        pass
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="park_digest", description="Park Digest tools")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print the stories and facts of seed pages as JSON")
    extract.add_argument("files", nargs="+", help="seed pages, or folders of them (their *.txt files)")
    extract.add_argument("--pretty", action="store_true", help="indent the JSON")
    extract.set_defaults(func=cmd_extract)
    translate = sub.add_parser("translate", add_help=False,
                               help="fill missing English by machine translation (see --help)")
    translate.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    translate.set_defaults(func=cmd_translate)
    review = sub.add_parser("review", add_help=False,
                            help="list the translations that need a person (see --help)")
    review.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    review.set_defaults(func=cmd_review)
    watch = sub.add_parser("watch", help="make `pelican -lr` rebuild when seeds or translations change")
    watch.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    watch.add_argument("--content", type=Path, default=Path("content"), help="Pelican's content directory")
    watch.set_defaults(func=cmd_watch)
    qa = sub.add_parser("qa", add_help=False,
                        help="check the English translation memory against the Chinese (see --help)")
    qa.set_defaults(func=cmd_qa)
    hant = sub.add_parser("hant-check", help="check every story's zh-Hant text against MediaWiki's "
                                             "conversion (zhconv-rs)")
    hant.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    hant.add_argument("--brief", action="store_true", help="list only unresolved disagreements")
    hant.set_defaults(func=cmd_hant_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args, rest = build_parser().parse_known_args(argv)
    passes_on = {"translate": cmd_translate, "qa": cmd_qa, "review": cmd_review}  # they parse the rest
    if rest and args.command not in passes_on:
        build_parser().error("unrecognized arguments: " + " ".join(rest))
    try:
        if args.command in passes_on:
            return passes_on[args.command](args, rest)
        return args.func(args)
    except ConfigurationError as exc:  # a wrong setting: one line naming it
        print(f"park_digest: {exc}", file=sys.stderr)
        return 2
