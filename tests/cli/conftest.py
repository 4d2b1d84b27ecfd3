"""Command-line tests run as a script would: passphrases come from the environment."""

from __future__ import annotations

import pytest

BOARD_PASSPHRASE = "officials' board passphrase"


@pytest.fixture(autouse=True)
def board_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    """``PBVOTE_BOARD_PASSPHRASE`` for every CLI test (a test may delete it to check the error)."""
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", BOARD_PASSPHRASE)
    return BOARD_PASSPHRASE
