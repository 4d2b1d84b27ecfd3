"""The console's dialogs: calm messages, confirmations and passphrase forms."""

from kiosk.officials.dialogs.messages import confirm, explain, problem_text, show_problem
from kiosk.officials.dialogs.passphrase import (
    MIN_PASSPHRASE,
    NewPassphraseForm,
    ask_new_passphrase,
    ask_passphrase,
    password_field,
)

__all__ = ["MIN_PASSPHRASE", "NewPassphraseForm", "ask_new_passphrase", "ask_passphrase", "confirm", "explain",
           "password_field", "problem_text", "show_problem"]
