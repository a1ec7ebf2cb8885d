"""Command-line stage: `python -m kupang_layout`."""

import sys

from kupang_layout.cli.main import main

sys.exit(main())
