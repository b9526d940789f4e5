#!/usr/bin/env python3
"""Convert gazettes/*.txt into docs/ (same as ``python -m gazette convert``)."""

import sys

from gazette.cli import main

sys.exit(main(["convert", *sys.argv[1:]]))
