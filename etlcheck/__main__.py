"""``python -m etlcheck``: the same command line as ``etlcheck``."""

import sys

from etlcheck.cli import main

sys.exit(main())
