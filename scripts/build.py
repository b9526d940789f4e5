#!/usr/bin/env python3
"""Convert and build the site (same as ``python -m gazette build``)."""

import sys

from gazette.cli import main

sys.exit(main(["build", *sys.argv[1:]]))
