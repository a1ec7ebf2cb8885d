"""Command-line stage: `python -m kupang_layout`."""

import multiprocessing
import sys

from kupang_layout.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # export workers in a frozen bundle
    sys.exit(main())
