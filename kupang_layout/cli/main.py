"""Command-line stage: entry point (placeholder until the CLI module lands)."""

import sys


def main(argv: list[str] | None = None) -> int:
    print("kupang-layout")
    return 0


if __name__ == "__main__":
    sys.exit(main())
