#!/usr/bin/env python3
"""Convert gazettes/*.txt into docs/ (same as ``python -m gazette convert``)."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from gazette.cli import main  # noqa: E402

sys.exit(main(["convert", *sys.argv[1:]]))
