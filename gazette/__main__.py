"""Entry point for ``python -m gazette`` (the same as the ``gazette`` command)."""

import sys

try:
    from gazette.cli import main
except ModuleNotFoundError as exc:  # run outside the project's environment
    from gazette.errors import missing_module_message

    print(missing_module_message(exc.name), file=sys.stderr)
    sys.exit(1)

sys.exit(main())
