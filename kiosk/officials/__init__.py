"""The officials' console (``pbvote-kiosk --officials``): set up, run and tally an election from the app."""
