"""Command line (命令行): ``gazette parse|convert|build|serve|linkcheck|bench``. The only printer.

Thin: the library does the work and returns data; this module turns it into lines for the
editors, in Chinese. Exit codes: 0 success, 1 bad input (``error: FILE:LINE: …``), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

from gazette.archive import build_archive
from gazette.errors import GazetteError, UsageError, missing_module_message

PROG = "gazette"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"{PROG}: 用法错误：{exc}", file=sys.stderr)
        return 2
    except GazetteError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:  # every error names a file: the one the system names, else what the command works on
        print(f"error: {exc.filename or _target(args)}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as exc:  # a dependency is missing: a setup problem, say what to run
        print(missing_module_message(exc.name), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not bad input: say so plainly, keep the details for a report
        if os.environ.get("GAZETTE_DEBUG"):
            raise
        print(f"error: {_target(args)}: 内部错误（{type(exc).__name__}: {exc}）；"
              "请设置 GAZETTE_DEBUG=1 再运行一次以查看详情，并报告此问题", file=sys.stderr)
        return 1


def _target(args) -> str:
    """What a command works on, for a message that has no file of its own."""
    if getattr(args, "file", None):
        return args.file
    if getattr(args, "files", None):
        return " ".join(args.files)
    return {"convert": getattr(args, "docs", None), "build": "site/", "bench": getattr(args, "workdir", None)}.get(
        args.command) or args.command


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: headings, the help option, and usage errors (exit 2)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "用法：", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", "用法：", 1)

    def error(self, message: str):
        for english, chinese in _ARGPARSE_MESSAGES:
            message = re.sub(english, chinese, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 用法错误：{message}\n")


_ARGPARSE_MESSAGES = (
    (r"^unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"^the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"^argument (\S+): invalid int value: (.*)", r"参数 \1 应为整数，而不是 \2"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 没有 \2 这一项（可选：\3）"),
    (r"^argument (\S+): expected one argument", r"参数 \1 后面应有一个值"),
)
"""argparse's usual usage errors, in Chinese; any other keeps argparse's own words."""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="政府公报电子版发布工具：转换公报文本、构建网站与离线版。")
    commands = parser.add_subparsers(dest="command", required=True, title="命令（gazette 命令 -h 显示该命令的说明）", metavar="<命令>",
                                     parser_class=_Parser)
    parse = commands.add_parser("parse", help="解析一期公报或一篇公文，打印文件模型",
                                description="解析一期公报（或一篇单独的公文）并打印文件模型。")
    parse.add_argument("file", help="公报文本，如 gazettes/2019-02.txt")
    parse.add_argument("--json", action="store_true", help="输出 JSON（默认输出可读的文本）")
    parse.set_defaults(run=_parse)
    convert = commands.add_parser("convert", help="把公报转换为 Markdown（docs/）并写出校对报告（reports/）",
                                  description="转换 gazettes/ 中的各期公报；给出文件时，另外加入或替换这些期，其余各期保留。")
    convert.add_argument("files", nargs="*", help="公报文本（默认：gazettes/*.txt）")
    convert.add_argument("--docs", default="docs", help="Markdown 输出文件夹（默认 docs；校对报告写在它旁边的 reports/）")
    convert.set_defaults(run=_convert)
    build = commands.add_parser("build", help="转换后用 MkDocs 严格构建网站到 site/",
                                description="转换 gazettes/ 中的全部各期，再构建网站到 site/。")
    build.add_argument("--offline", action="store_true", help="另外生成离线版压缩包到 dist/")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="构建并在本机预览网站（可检索），gazettes/ 改动后自动重建",
                                description="构建网站并在 http://127.0.0.1:PORT/ 提供预览；gazettes/ 或配置改动后自动重建。")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.add_argument("--no-watch", dest="watch", action="store_false", help="不监视改动")
    serve.set_defaults(run=_serve)
    linkcheck = commands.add_parser("linkcheck", help="检查构建好的网站中每个站内链接和锚点",
                                    description="检查网站中每个站内 href/src 都指向存在的文件、每个 #锚点都存在。")
    linkcheck.add_argument("site", nargs="?", default="site", help="网站文件夹（默认 site）")
    linkcheck.set_defaults(run=_linkcheck)
    bench = commands.add_parser("bench", help="用合成档案测量规模与性能（基准脚本，不是测试）",
                                description="由样刊合成至少 N 篇文件的档案，测量转换、构建与检索。")
    bench.add_argument("--documents", type=int, default=2400, help="至少这么多篇文件（默认 2400）")
    bench.add_argument("--baseline", action="store_true", help="另外按 Material 的默认设置构建同样的页面作对照")
    bench.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    bench.add_argument("--no-search", dest="search", action="store_false", help="不在浏览器中测量首次检索")
    bench.add_argument("--search-only", action="store_true",
                       help="只解析、建检索索引并在浏览器中检索，不构建整个网站（用于很大的档案）")
    bench.add_argument("--workdir", help="放合成项目、网站和对照的文件夹（默认新建临时文件夹）")
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
    from gazette.build.convert import convert_checked, report_dir, sources_with, write

    sources = sources_with(args.files)
    conversion = convert_checked(sources)
    write(conversion, args.docs)
    _summary(conversion, args.docs, report_dir(args.docs))
    return 0


def _summary(conversion, docs: str, reports: str) -> None:
    """The one-screen summary of a conversion; the details are in the 校对报告."""
    from collections import Counter

    from gazette.check.report import SECTION_TITLES

    archive = conversion.archive
    for gazette in archive.gazettes:
        label = gazette.issue.label if gazette.issue else "单篇文件"
        warnings = list(gazette.warnings) + [w for w in archive.warnings if w.file == gazette.file]
        _warn(warnings)
        breaks = sum(1 for join in gazette.joins if join.next_line > join.line + 1)
        print(f"{gazette.file}：{label}：{len(gazette.documents)} 篇文件，目录 {len(gazette.toc)} 条，"
              f"合并跨页断段 {breaks} 处，警告 {len(warnings)} 条")
        kinds = Counter(w.kind for w in warnings)
        if kinds:
            print("  " + "，".join(f"{SECTION_TITLES.get(kind, kind)} {count}" for kind, count in sorted(kinds.items())))
        print(f"  {conversion.coverage[gazette.file].summary()}")
    print(f"已写出：{len(conversion.files)} 个文件到 {docs}/，校对报告到 {reports}/")


def _build(args) -> int:
    from gazette.build.pipeline import build

    built = build(offline=args.offline)
    _summary(built.conversion, built.docs, built.reports)
    print(f"已构建网站：{built.site}/")
    if built.archive is not None:
        print(f"已写出离线版：{built.archive}（{built.archive.stat().st_size // 1024} KiB）")
    return 0


def _serve(args) -> int:
    from gazette.build.serve import serve

    if not 0 < args.port < 65536:
        raise UsageError(f"--port 应在 1 到 65535 之间，而不是 {args.port}")
    for event in serve(port=args.port, watch=args.watch):
        print(event, flush=True)
    return 0


def _linkcheck(args) -> int:
    from pathlib import Path

    from gazette.check.linkcheck import check_site

    site = Path(args.site)
    if not (site / "index.html").is_file():
        raise GazetteError(f"{site}/", "不是构建好的网站（缺少 index.html）；请先运行 make site")
    broken = check_site(site)
    for problem in broken:
        print(problem, file=sys.stderr)
    count = sum(1 for _ in site.rglob("*.html"))
    print(f"检查了 {site}/ 中的 {count} 个页面：失效链接 {len(broken)} 个")
    return 1 if broken else 0


MAX_DOCUMENTS = 100_000
"""bench builds at most this many documents: 40 times the archive the site is sized for."""


def _bench(args) -> int:
    from gazette.bench import bench, report, to_json

    if not 1 <= args.documents <= MAX_DOCUMENTS:
        raise UsageError(f"--documents 应在 1 到 {MAX_DOCUMENTS} 之间，而不是 {args.documents}")
    figures = bench(args.documents, baseline=args.baseline, search=args.search, workdir=args.workdir,
                    search_only=args.search_only)
    sys.stdout.write(to_json(figures) + "\n" if args.json else report(figures))
    return 0
