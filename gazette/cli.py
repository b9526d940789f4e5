"""Command line: ``python -m gazette parse|convert|build|bench``. Thin: the library does the work.

Exit codes: 0 success, 1 bad input (``error: FILE:LINE: …``), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from gazette.archive import build_archive
from gazette.errors import GazetteError


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except GazetteError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:  # every error names a file: the one the system names, else what the command works on
        print(f"error: {exc.filename or _target(args)}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not bad input: say so plainly, keep the details for a report
        if os.environ.get("GAZETTE_DEBUG"):
            raise
        print(f"error: {_target(args)}: internal error ({type(exc).__name__}: {exc}); "
              "run again with GAZETTE_DEBUG=1 for details and report it", file=sys.stderr)
        return 1


def _target(args) -> str:
    """What a command works on, for a message that has no file of its own."""
    if getattr(args, "file", None):
        return args.file
    if getattr(args, "files", None):
        return " ".join(args.files)
    return {"convert": getattr(args, "docs", None), "build": "site/", "bench": getattr(args, "workdir", None)}.get(
        args.command) or args.command


MAX_DOCUMENTS = 100_000
"""bench builds at most this many documents: 40 times the archive the site is sized for."""


def _document_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数：{value!r}") from None
    if not 1 <= count <= MAX_DOCUMENTS:
        raise argparse.ArgumentTypeError(f"应在 1 到 {MAX_DOCUMENTS} 之间，而不是 {value}")
    return count


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gazette", description="三门峡市人民政府公报 publishing tools")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the parsed model of one issue or document")
    parse.add_argument("file")
    parse.add_argument("--json", action="store_true", help="print JSON instead of a readable dump")
    parse.set_defaults(run=_parse)
    convert = commands.add_parser("convert", help="convert issues into Markdown under docs/")
    convert.add_argument("files", nargs="*", help="issue texts (default: gazettes/*.txt)")
    convert.add_argument("--docs", default="docs", help="output folder (default: docs)")
    convert.set_defaults(run=_convert)
    build = commands.add_parser("build", help="convert, then build the site with MkDocs")
    build.add_argument("--offline", action="store_true", help="also write the offline archive zip into dist/")
    build.set_defaults(run=_build)
    bench = commands.add_parser("bench", help="build a synthetic archive of N documents and measure it")
    bench.add_argument("--documents", type=_document_count, default=2400, help="at least this many documents (default: 2400)")
    bench.add_argument("--baseline", action="store_true", help="also build the same pages with Material's defaults")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--no-search", dest="search", action="store_false",
                       help="skip the browser measurement of the first search")
    bench.add_argument("--workdir", help="folder for the project, site and baseline (default: a new temporary folder)")
    bench.set_defaults(run=_bench)
    return parser


def _warn(warnings) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _parse(args) -> int:
    from gazette.dump import dump
    from gazette.parse import parse_file

    gazette = parse_file(args.file)
    archive = build_archive([gazette])
    gazette = archive.gazettes[0]
    warnings = list(gazette.warnings) + list(archive.warnings)
    if args.json:
        data = gazette.to_dict()
        data["warnings"] = [warning.to_dict() for warning in warnings]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(dump(gazette))
    _warn(warnings)
    return 0


def _convert(args) -> int:
    from gazette.build.convert import convert_checked, default_sources, report_dir, write

    conversion = convert_checked(args.files or default_sources())
    write(conversion, args.docs)
    _summary(conversion, args.docs, report_dir(args.docs))
    return 0


_KIND_LABELS = {
    "toc-mismatch": "目录 title mismatch",
    "toc-missing": "目录 entry not found",
    "toc-page": "目录 page order",
    "traditional": "traditional-character passage",
    "latin": "Latin word",
    "brackets": "unbalanced brackets",
    "duplicate-number": "duplicate 文号",
    "source-missing": "解读 source not in the archive",
}


def _summary(conversion, docs: str, reports: str) -> None:
    """The one-screen summary of a conversion; the details are in the 校对报告."""
    from collections import Counter

    from gazette.site.pages import issue_label

    archive = conversion.archive
    for gazette in archive.gazettes:
        label = issue_label(gazette) if gazette.issue else "单篇文件 standalone"
        warnings = list(gazette.warnings) + [w for w in archive.warnings if w.file == gazette.file]
        _warn(warnings)
        breaks = sum(1 for join in gazette.joins if join.next_line > join.line + 1)
        print(f"{gazette.file}: {label}: {len(gazette.documents)} documents, {len(gazette.toc)} 目录 entries, "
              f"{breaks} page-break splits joined, {len(warnings)} warnings")
        kinds = Counter(w.kind for w in warnings)
        if kinds:
            print("  " + ", ".join(f"{count} × {_KIND_LABELS.get(kind, kind)}" for kind, count in sorted(kinds.items())))
        print(f"  {conversion.coverage[gazette.file].summary()}")
    print(f"wrote {len(conversion.files)} files to {docs}/ and the 校对报告 to {reports}/")


def _build(args) -> int:
    from gazette.build.pipeline import build

    return build(offline=args.offline)


def _bench(args) -> int:
    from gazette.bench import bench, report, to_json

    figures = bench(args.documents, baseline=args.baseline, search=args.search, workdir=args.workdir)
    sys.stdout.write(to_json(figures) + "\n" if args.json else report(figures))
    return 0
