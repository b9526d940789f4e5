"""Entry point for ``python -m gazette``."""

import sys

from gazette.cli import main

sys.exit(main())
