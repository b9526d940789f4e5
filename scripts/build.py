#!/usr/bin/env python3
"""Convert and build the site (same as ``python -m gazette build``)."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from gazette.cli import main  # noqa: E402

sys.exit(main(["build", *sys.argv[1:]]))
