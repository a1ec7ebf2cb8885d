"""Command-line stage: `python -m kupang_layout`."""

import sys

from kupang_layout.cli.main import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # freeze_support does nothing unless frozen
        import multiprocessing

        multiprocessing.freeze_support()  # export workers in a frozen bundle
    sys.exit(main())
