"""``python -m tally.verify RECORD``: see tally.verify.console."""

import sys

from tally.verify.console import main

if __name__ == "__main__":
    sys.exit(main())
