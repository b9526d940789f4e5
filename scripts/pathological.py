"""How long one pathological 1 MB line takes to parse and convert (issue 10: linear time).

A benchmark, not a timed test: run ``python scripts/pathological.py`` and read the figures. Each
shape is one line of about a million characters put into the body of the sample issue; the figures
are the parse (read, split, documents) and the whole conversion (Markdown, coverage, open data) of
that issue. Patterns with nested or adjacent unbounded quantifiers took seconds per 10,000
characters on such lines (甲 + 40,000 spaces + 乙 took 25 s); linear code takes about a second.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazette.build.convert import convert  # noqa: E402
from gazette.parse import parse_source  # noqa: E402
from gazette.parse.normalize import decode  # noqa: E402

SIZE = 1_000_000
SHAPES = {
    "甲 + spaces + 乙": "甲" + " " * SIZE + "乙",
    "甲 + full-width spaces + 乙": "甲" + "\u3000" * SIZE + "乙",
    "甲 + tabs + 乙": "甲" + "\t" * SIZE + "乙",
    "organ + spaces + 年月 (signature-like)": "三门峡市人民政府" + " " * SIZE + "2018年12月",
    "title + spaces + （ (文号-like)": "关于" + " " * SIZE + "（三政〔2018〕",
    "repeated 三政〔2018〕": "三政〔2018〕" * (SIZE // 8),
    "repeated （": "（" * SIZE,
    "repeated Markdown *_[{<|": "*_[{<|" * (SIZE // 6),
    "repeated 第一条": "第一条" * (SIZE // 3),
    "Han without punctuation": "甲" * SIZE,
}


def main() -> None:
    lines = (ROOT / "gazettes" / "2019-02.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index(next(line for line in lines[200:] if len(line) > 40)) + 1
    print(f"{'shape':40s} {'parse':>8s} {'convert':>8s}")
    with tempfile.TemporaryDirectory() as folder:
        for name, line in SHAPES.items():
            text = "\n".join(lines[:at] + ["", line, ""] + lines[at:])
            started = time.perf_counter()
            parse_source(decode("2019-02.txt", text.encode("utf-8")))
            parsed = time.perf_counter() - started
            path = Path(folder) / "2019-02.txt"
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            convert([str(path)])
            converted = time.perf_counter() - started
            print(f"{name:40s} {parsed:7.2f}s {converted:7.2f}s", flush=True)


if __name__ == "__main__":
    main()
