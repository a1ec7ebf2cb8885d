"""Command-line stage: the `kupang-layout` sub-commands (one `cmd_<name>.py` each).

Importing the package registers its messages (`cli/messages.py`).
"""

from kupang_layout.cli import messages as messages
