"""Slow work off the GUI thread: the BackgroundOp runner and the ballot-box service it runs."""

from kiosk.ops.background import BackgroundOp, kiosk_pool
from kiosk.ops.voting import CodeRefused, VotingService

__all__ = ["BackgroundOp", "CodeRefused", "VotingService", "kiosk_pool"]
