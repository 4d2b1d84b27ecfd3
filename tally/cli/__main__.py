"""``python -m tally.cli`` runs the pbvote command line."""

import sys

from tally.cli import main

sys.exit(main())
