"""Entry script of the frozen app: the same `main` as `python -m reader`."""

import sys

from reader.cli import main

sys.exit(main())
