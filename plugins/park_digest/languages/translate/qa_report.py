"""`python -m park_digest qa`: the QA report as a QA tool prints it, one block per finding,
then counts per check."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .glossary import DEFAULT_PATH, GlossaryError, load_glossary, with_parks
from .qa import CHECKS, Finding, QAConfigError, QAReport, run_qa
from .terms import TermsError

RESOLUTIONS = ("accepted", "open", "flagged")
ROW = "  %-18s %8s %8s %8s %8s %11s"
SHORT = 110  # characters of Chinese or English shown per finding unless --full


def format_report(report: "QAReport", checks: tuple[str, ...], full: bool = False) -> str:
    lines = []
    for finding in report.findings:
        lines += format_finding(finding, full)
    for exception in report.unused_exceptions:
        lines.append("note: exception no longer needed (%s, %s): %s"
                     % (exception.check, clip(exception.msgid, 40), exception.reason))
    lines += format_notes(report, full)
    lines += format_summary(report, checks)
    return "\n".join(lines)


def format_notes(report: "QAReport", full: bool) -> list[str]:
    """Translator notes: where the English deliberately departs from a misprinted source."""
    notes = report.notes
    if not notes:
        return []
    lines = ["Translator notes (%d entries where the English departs from the source on purpose):"
             % len(notes)]
    for entry in notes:
        lines += ["%s:%d: note: %s" % (entry.file, entry.line, entry.note),
                  "    zh: %s" % (entry.msgid if full else clip(entry.msgid))]
    return lines + [""]


def format_finding(finding: "Finding", full: bool) -> list[str]:
    entry = finding.entry
    head = "%s:%d: %s: %s" % (entry.file, entry.line, finding.check, finding.message)
    show = (lambda text: text) if full else clip
    lines = [head,
             "    entry: %s (%s)" % (entry.occurrence or "no reference", entry.status),
             "    zh: %s" % show(entry.msgid),
             "    en: %s" % show(entry.msgstr)]
    if finding.resolution:
        lines.append("    %s: %s" % (finding.resolution, finding.note))
    return lines + [""]


def format_summary(report: "QAReport", checks: tuple[str, ...]) -> list[str]:
    status = report.status
    lines = ["QA summary: %d PO files; checked %d reviewed and %d machine entries; "
             "%d outdated not checked; %d missing (no English yet); %d translator notes"
             % (report.files, status["reviewed"], status["machine"], status["outdated"],
                status["missing"], len(report.notes)),
             ROW % ("check", "findings", *RESOLUTIONS, "unexplained")]
    counts = {r: Counter(f.check for f in report.findings if f.resolution == r)
              for r in RESOLUTIONS + (None,)}
    found = Counter(f.check for f in report.findings)
    for check in checks + ("total",):
        row = [found[check]] + [counts[r][check] for r in RESOLUTIONS + (None,)]
        if check == "total":
            row = [sum(found.values())] + [sum(counts[r].values()) for r in RESOLUTIONS + (None,)]
        lines.append(ROW % (check, *row))
    return lines


def clip(text: str, width: int = SHORT) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def main_qa(argv: Optional[Sequence[str]], parks: Iterable = ()) -> int:
    """`python -m park_digest qa`: print the report; 1 on unexplained or open findings, 2 on
    bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m park_digest qa",
        description="Check every English entry of translations/<lang>/*.po against its Chinese: "
                    "figures, glossary names, leftover Chinese, length, placeholders, "
                    "consistency and translate-toolkit checks.")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="repository root holding translations/ (default: current directory)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--glossary", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--full", action="store_true", help="print whole paragraphs")
    args = parser.parse_args(argv)
    try:
        glossary = with_parks(load_glossary(args.glossary), parks)
        report = run_qa(args.root, args.lang, glossary)
    except (GlossaryError, QAConfigError, TermsError, OSError) as exc:  # OSError: polib's syntax errors
        print("qa: %s" % exc, file=sys.stderr)
        return 2
    print(format_report(report, CHECKS, full=args.full))
    return 1 if report.failing else 0
