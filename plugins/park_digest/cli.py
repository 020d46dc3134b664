"""Command line: `python -m park_digest extract FILE…` (and the other maintenance commands)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .export import page_json
from .pipeline import process_file
from .read import SeedError

logger = logging.getLogger(__name__)


def cmd_extract(args: argparse.Namespace) -> int:
    seeds, failed = [], 0
    for name in args.files:
        try:
            seeds.append(page_json(process_file(Path(name))))
        except (SeedError, OSError) as exc:
            print(f"park_digest: {exc}", file=sys.stderr)
            failed += 1
    json.dump({"seeds": seeds}, sys.stdout, ensure_ascii=False, indent=1 if args.pretty else None)
    sys.stdout.write("\n")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="park_digest", description="Park Digest tools")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print the stories and facts of seed pages as JSON")
    extract.add_argument("files", nargs="+")
    extract.add_argument("--pretty", action="store_true", help="indent the JSON")
    extract.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    return args.func(args)
